// Contract: zod schemas for every input that crosses a process boundary; each transport parses with these on arrival.

import { z } from 'zod';

import { conversationSettingsSchema } from './conversation-settings';
import { modelIdSchema } from './model-id';
import {
  attachmentIdSchema,
  attachmentIdsSchema,
  attachmentLimits,
  maxAttachmentNameLength,
  pdfEngineSchema,
} from './attachments';

export { modelIdSchema };

const id = z.string().min(1).max(100);

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
  .object({
    model: modelIdSchema,
    title: z.string().max(200).optional(),
    /** The conversation's own settings from the start (a preset); omitted = none, the defaults apply. */
    settings: conversationSettingsSchema.optional(),
  })
  .strict();

export const conversationRenameSchema = z.object({ id, title: z.string().trim().min(1).max(200) }).strict();

export const conversationSetModelSchema = z.object({ id, model: modelIdSchema }).strict();

/** Longest message a person can send, in UTF-16 code units as the composer counts them. */
export const maxMessageLength = 200_000;

/** What a person may send as a message: the same rules for a new message and an edited one. */
export const messageTextSchema = z.string().trim().min(1, 'message is empty').max(maxMessageLength);

/** A message's text when files may go with it: empty only when they do (attachmentIds). */
const textWithFilesSchema = z.string().trim().max(maxMessageLength);
const hasTextOrFiles = (input: { text: string; attachmentIds?: string[] | undefined }) =>
  input.text.length > 0 || (input.attachmentIds?.length ?? 0) > 0;
const emptyMessage = { message: 'message is empty', path: ['text'] };

export const chatSendSchema = z
  .object({
    /** Omitted to start a new conversation with this first message. */
    conversationId: id.optional(),
    text: textWithFilesSchema,
    model: modelIdSchema,
    /** Files added through `api.attachments.add`, in the order shown; omitted = none. */
    attachmentIds: attachmentIdsSchema.optional(),
    /** How OpenRouter should read the PDFs among them; omitted = the model's best (shared/attachments.ts). */
    pdfEngine: pdfEngineSchema.optional(),
  })
  .strict()
  .refine(hasTextOrFiles, emptyMessage);

/** A new version of a reply (also Retry); `model` defaults to the conversation's. */
/**
 * A new version of a reply. `asSent`: with the model and settings that reply was sent with (an old reply regenerated
 * faithfully) instead of the conversation's current ones. Earlier turns' files go again.
 */
export const chatRegenerateSchema = z
  .object({
    conversationId: id,
    messageId: id,
    model: modelIdSchema.optional(),
    asSent: z.literal(true).optional(),
    pdfEngine: pdfEngineSchema.optional(),
  })
  .strict();

/**
 * A new version of a user message, then its reply; the old branch is kept. `attachmentIds` omitted keeps the edited
 * message's files; given, the new version has exactly those (so `[]` removes them all).
 */
export const chatEditSchema = z
  .object({
    conversationId: id,
    messageId: id,
    text: textWithFilesSchema,
    model: modelIdSchema,
    attachmentIds: attachmentIdsSchema.optional(),
    pdfEngine: pdfEngineSchema.optional(),
  })
  .strict()
  .refine(hasTextOrFiles, emptyMessage);

/** Asks the model to go on with a reply that was cut at the length limit, stopped or interrupted. */
export const chatContinueSchema = z.object({ conversationId: id, messageId: id }).strict();

export const messagesOlderSchema = z
  .object({ conversationId: id, beforeId: id, limit: z.number().int().min(1).max(200).optional() })
  .strict();

export const conversationSelectVersionSchema = z.object({ conversationId: id, messageId: id }).strict();

export const conversationSetMaxOutputSchema = z
  .object({ id, maxOutputTokens: z.number().int().min(1).max(1_000_000).nullable() })
  .strict();

/** `conversationId: null` is the draft of the new, not-yet-created chat. */
export const draftGetSchema = z.object({ conversationId: id.nullable() }).strict();

export const draftSaveSchema = z
  .object({ conversationId: id.nullable(), text: z.string().max(maxMessageLength) })
  .strict();

/** What a composer's tray holds, kept with its draft: each file by id, under the name it has there. */
export const attachmentReadySchema = z.object({ id: attachmentIdSchema }).strict();

export const draftFilesSaveSchema = z
  .object({
    conversationId: id.nullable(),
    files: z
      .array(z.object({ id: attachmentIdSchema, name: z.string().min(1).max(maxAttachmentNameLength) }).strict())
      .max(attachmentLimits.perMessage),
  })
  .strict();

export const historyRecoverSchema = z.object({ choice: z.enum(['restore-backup', 'start-fresh']) }).strict();

// History (issue 10): pinning, undoable delete, search and jumping to a message.
export const conversationSetPinnedSchema = z.object({ id, pinned: z.boolean() }).strict();
export const conversationRevealSchema = z.object({ conversationId: id, messageId: id }).strict();
/** Longer queries are accepted and cut by the core (it reads the first 256 characters), never refused. */
const searchQuery = z.string().max(20_000);
const epochMs = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const searchSchema = z
  .object({
    query: searchQuery,
    model: z.string().min(1).max(200).optional(),
    since: epochMs.optional(),
    until: epochMs.optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export const searchInConversationSchema = z.object({ conversationId: id, query: searchQuery }).strict();
export type SearchInput = z.infer<typeof searchSchema>;

/** Model catalogue preferences: star or unstar, the default for new conversations, a model just chosen. */
export const modelFavoriteSchema = z.object({ model: modelIdSchema, favorite: z.boolean() }).strict();
export const modelOnlySchema = z.object({ model: modelIdSchema }).strict();

export type KeySaveInput = z.infer<typeof keySaveSchema>;
export type ConversationCreateInput = z.infer<typeof conversationCreateSchema>;
export type ConversationRenameInput = z.infer<typeof conversationRenameSchema>;
export type ConversationSetModelInput = z.infer<typeof conversationSetModelSchema>;
export type ChatSendInput = z.infer<typeof chatSendSchema>;
export type ChatRegenerateInput = z.infer<typeof chatRegenerateSchema>;
export type ChatEditInput = z.infer<typeof chatEditSchema>;
export type ChatContinueInput = z.infer<typeof chatContinueSchema>;
export type HistoryRecoverInput = z.infer<typeof historyRecoverSchema>;

// Spend (issue 9): local-calendar boundaries come from the renderer, which knows the person's time zone.
export const spendSummarySchema = z
  .object({
    todayStart: epochMs,
    weekStart: epochMs,
    monthStart: epochMs,
    /** Ascending day starts; each day ends where the next begins (so 31 entries give 30 days). */
    dayStarts: z.array(epochMs).min(2).max(367),
  })
  .strict();
export const spendOverviewSchema = z.object({ monthStart: epochMs }).strict();
export const spendConversationSchema = z.object({ conversationId: id }).strict();
/** A budget in USD as typed: a plain non-negative decimal (at most 12 decimals), or null for none. */
export const usdAmountSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,12})?$/, 'Enter an amount in dollars, like 20 or 12.50.');
export const spendSetBudgetSchema = z.object({ monthlyUsd: usdAmountSchema.nullable() }).strict();
export const spendMarkWarnedSchema = z
  .object({ kind: z.enum(['budget', 'key-limit']), month: z.string().regex(/^\d{4}-\d{2}$/) })
  .strict();
export const spendReplyCostsSchema = z.object({ messageIds: z.array(id).max(500) }).strict();

export type SpendSummaryInput = z.infer<typeof spendSummarySchema>;
