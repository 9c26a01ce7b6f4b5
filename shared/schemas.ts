// Contract: zod schemas for every input that crosses a process boundary; each transport parses with these on arrival.

import { z } from 'zod';

const id = z.string().min(1).max(100);
/** OpenRouter model ids look like "author/slug[:variant]". */
export const modelIdSchema = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[\w.~-]+\/[\w.:~-]+$/, 'must look like author/model');

export const emptySchema = z.union([z.undefined(), z.null(), z.object({}).strict()]);

export const keySaveSchema = z
  .object({
    key: z.string().min(1).max(500),
    /** Keep the key in memory only, for this run. */
    sessionOnly: z.boolean().optional(),
    /** Store without a successful check (OpenRouter unreachable). */
    skipValidation: z.boolean().optional(),
  })
  .strict();

export const conversationIdSchema = z.object({ id }).strict();

export const conversationCreateSchema = z
  .object({ model: modelIdSchema, title: z.string().max(200).optional() })
  .strict();

export const conversationRenameSchema = z.object({ id, title: z.string().trim().min(1).max(200) }).strict();

export const conversationSetModelSchema = z.object({ id, model: modelIdSchema }).strict();

/** Longest message a person can send, in UTF-16 code units as the composer counts them. */
export const maxMessageLength = 200_000;

export const chatSendSchema = z
  .object({
    /** Omitted to start a new conversation with this first message. */
    conversationId: id.optional(),
    text: z.string().trim().min(1, 'message is empty').max(maxMessageLength),
    model: modelIdSchema,
  })
  .strict();

export const historyRecoverSchema = z.object({ choice: z.enum(['restore-backup', 'start-fresh']) }).strict();

export type KeySaveInput = z.infer<typeof keySaveSchema>;
export type ConversationCreateInput = z.infer<typeof conversationCreateSchema>;
export type ConversationRenameInput = z.infer<typeof conversationRenameSchema>;
export type ConversationSetModelInput = z.infer<typeof conversationSetModelSchema>;
export type ChatSendInput = z.infer<typeof chatSendSchema>;
export type HistoryRecoverInput = z.infer<typeof historyRecoverSchema>;
