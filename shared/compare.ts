// Contract: compares (issue 13). A compare is a group of ordinary conversations, one per column, each sent the same
// message; the renderer sends a round as one ordinary chat turn per column (chat:send), so nothing here streams.

import { z } from 'zod';
import type { ConversationWithMessages } from './domain';
import { modelIdSchema } from './model-id';
import { messageTextSchema } from './schemas';

/** How many columns a compare may have: fewer is a chat, more do not fit side by side. */
export const minCompareColumns = 2;
export const maxCompareColumns = 4;

export interface CompareColumn {
  /** The column's own conversation: its thread, cost and ledger rows are those of any conversation. */
  conversationId: string;
  /** The model the column was started with (the conversation's model may be changed later). */
  model: string;
  /** Left to right, from 0. */
  position: number;
  /** When "Continue with this one" made it an ordinary conversation; it then takes no more rounds. */
  continuedAt: number | null;
}

export interface Compare {
  id: string;
  title: string;
  createdAt: number;
  /** The newest activity in any of its columns. */
  updatedAt: number;
  columns: CompareColumn[];
  /** Conversations Merge started from this compare (oldest first), each linked back to it; deleted ones are left out. */
  merges: string[];
}

/** A compare as opened: every column's thread, as `conversations:get` answers it, in column order. */
export interface CompareWithThreads {
  compare: Compare;
  threads: ConversationWithMessages[];
}

const id = z.string().min(1).max(100);

/** A compare starts with its first message (it names the compare and its columns) and 2–4 models. */
export const compareCreateSchema = z
  .object({
    models: z.array(modelIdSchema).min(minCompareColumns).max(maxCompareColumns),
    text: messageTextSchema,
  })
  .strict();
export type CompareCreateInput = z.infer<typeof compareCreateSchema>;

export const compareIdSchema = z.object({ id }).strict();
/** The same limits as a conversation's title. */
export const compareRenameSchema = z.object({ id, title: z.string().trim().min(1).max(200) }).strict();
/** A conversation Merge started from a compare: the compare names it, and it names the compare. */
export const compareMergeSchema = z.object({ compareId: id, conversationId: id }).strict();
/** How the merges are kept (one checked list; see CompareMergesRepo). */
export const compareMergeLinksSchema = z.array(compareMergeSchema).max(10_000);
export type CompareMergeLink = z.infer<typeof compareMergeSchema>;
export const compareColumnSchema = z.object({ conversationId: id }).strict();
/** `from`: a column whose thread the new column starts with (omitted: it starts from the first message). */
export const compareAddColumnSchema = z.object({ compareId: id, model: modelIdSchema, from: id.optional() }).strict();

/** A saved set of models to compare ("cheap vs best"), started with one click. */
export interface CompareSet {
  name: string;
  models: string[];
}

export const compareSetSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    models: z.array(modelIdSchema).min(minCompareColumns).max(maxCompareColumns),
  })
  .strict();
/** The whole list is replaced at once; names are unique (the last one wins). */
export const compareSetsSetSchema = z.object({ sets: z.array(compareSetSchema).max(20) }).strict();
