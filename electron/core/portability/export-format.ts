// Core: Switchboard's own export format, version 1 — one JSON document holding every conversation with every
// version of every message, exactly as stored. The README documents it; importing checks it with these schemas.

import { z } from 'zod';
import { fromPico, toPico } from '../../../shared/money';
import { conversationSettingsSchema } from '../../../shared/conversation-settings';
import { modelIdSchema } from '../../../shared/schemas';
import { attachmentSchema } from '../../../shared/attachments';

export const exportFormatName = 'switchboard-history';
export const exportFormatVersion = 1;

/** A message carries at most this many files (a question at most attachmentLimits.perMessage; an image reply more). */
const maxFilesPerMessage = 100;

/**
 * An export whose conversations carry files is a zip: this document at its root, and every file it names under
 * attachments/, named by its content hash (the attachment's id) with an extension for the person's file manager.
 */
export const archiveDocumentName = 'switchboard-history.json';
export const archiveFilesFolder = 'attachments/';

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'text/markdown': 'md',
  'text/csv': 'csv',
};

/** Where a file lives in an export zip: `attachments/<sha256>.<ext>`. */
export function attachmentEntryName(attachment: { id: string; mime: string }): string {
  return `${archiveFilesFolder}${attachment.id}.${extensions[attachment.mime] ?? (attachment.mime.startsWith('text/') ? 'txt' : 'bin')}`;
}

/** The id a zip entry's name gives a file (its extension is ignored: the type is decided by content); null if none. */
export function attachmentIdOfEntry(name: string): string | null {
  const match = /^attachments\/([0-9a-f]{64})(\.[A-Za-z0-9]{1,10})?$/.exec(name);
  return match ? match[1]! : null;
}

const id = z.string().min(1).max(100);
const time = z.number().int().nonnegative();
const count = z.number().int().nonnegative().nullable();
/** Money as an exact, non-negative decimal (shared/money.ts), normalised to its string form. */
const usd = z.union([z.string().max(40), z.number().nonnegative()]).transform((value, context) => {
  const pico = toPico(value);
  if (pico === null || pico < 0n) {
    context.addIssue({ code: 'custom', message: 'must be a non-negative amount of USD' });
    return z.NEVER;
  }
  return fromPico(pico);
});

export const exportedMessageSchema = z
  .object({
    id,
    /** The message this one follows; versions share a parent. null for the first messages of a conversation. */
    parentId: id.nullable(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    reasoning: z.string().nullable(),
    status: z.enum(['complete', 'streaming', 'stopped', 'error', 'interrupted']),
    model: z.string().max(200).nullable(),
    provider: z.string().max(200).nullable(),
    generationId: z.string().max(200).nullable(),
    finishReason: z.string().max(100).nullable(),
    /** Figures as OpenRouter reported them; each null when it did not say. `usage` null = no usage at all. */
    usage: z
      .object({
        promptTokens: count,
        completionTokens: count,
        totalTokens: count,
        reasoningTokens: count,
        cachedTokens: count,
        /** USD as an exact decimal string ("0.00002415"); a JSON number is accepted too. */
        costUsd: usd.nullable(),
        isByok: z.boolean().nullable(),
        raw: z.record(z.string(), z.unknown()).nullable(),
      })
      .strict()
      .nullable(),
    /** 'estimated': OpenRouter never reported this reply's cost, and `estimateUsd` is Switchboard's estimate. */
    costStatus: z.enum(['pending', 'estimated']).nullable(),
    estimateUsd: usd.nullable(),
    error: z
      .object({ code: z.string().max(100), message: z.string().max(10_000) })
      .strict()
      .nullable(),
    firstTokenMs: count,
    durationMs: count,
    toolCalls: z
      .array(z.object({ id: z.string().nullable(), name: z.string(), arguments: z.string() }).strict())
      .nullable(),
    createdAt: time,
    updatedAt: time,
    // Since conversation settings (issue 11); absent in older files, which read as null.
    /** Replies: the effective settings the request was sent with. */
    sentSettings: conversationSettingsSchema.nullable().optional(),
    /** Replies: the model the request asked for (`model` answered). */
    requestedModel: z.string().max(200).nullable().optional(),
    /** Sources the reply cited (url_citation annotations). */
    citations: z
      .array(
        z
          .object({
            url: z.string().max(10_000),
            title: z.string().max(10_000).nullable(),
            content: z.string().max(100_000).nullable(),
            startIndex: z.number().int().nonnegative().nullable(),
            endIndex: z.number().int().nonnegative().nullable(),
          })
          .strict(),
      )
      .nullable()
      .optional(),
    /**
     * Files the message carries (issue 12), in order, each under the name it had there; absent = none. The bytes are
     * not in the JSON: an export with files is a zip holding this document and each file (attachmentEntryName).
     */
    attachments: z.array(attachmentSchema).max(maxFilesPerMessage).optional(),
  })
  .strict();

export const exportedConversationSchema = z
  .object({
    id,
    title: z.string().max(500),
    model: modelIdSchema,
    createdAt: time,
    updatedAt: time,
    maxOutputTokens: z.number().int().positive().nullable(),
    /** The end of the thread that was on screen. */
    currentLeafId: id.nullable(),
    /** When it was pinned to the top of the list; null = not pinned. */
    pinnedAt: time.nullable(),
    /** The conversation's own settings (issue 11); absent in older files = none. */
    settings: conversationSettingsSchema.optional(),
    /** Every message of every version, parents before their children. */
    messages: z.array(exportedMessageSchema),
  })
  .strict();

export type ExportedMessage = z.output<typeof exportedMessageSchema>;
export type ExportedConversation = z.output<typeof exportedConversationSchema>;

/** The document's opening, written before the conversations so a reader can check it before reading them. */
export interface ExportHeader {
  format: typeof exportFormatName;
  version: typeof exportFormatVersion;
  exportedAt: string;
  appVersion: string;
}
