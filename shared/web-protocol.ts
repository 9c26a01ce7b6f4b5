// Contract: the frames the web host and the renderer exchange over their one WebSocket.

import { z } from 'zod';
import type { ChatStreamEvent } from './domain';
import type { CoreEvent } from './core-events';
import type { Result } from './result';

/** Sub-protocol name; the per-run token travels as a second sub-protocol `token.<hex>` so it never sits in a URL that could be logged. */
export const webSocketProtocol = 'switchboard.v1';
export const tokenProtocolPrefix = 'token.';
export const webSocketPath = '/api/ws';
/**
 * Largest frame the host accepts; a bigger one closes that connection (1009). The renderer checks a frame against it
 * before sending, and message text is capped well below it by the contract's schemas (maxMessageLength).
 */
export const maxFrameBytes = 4 * 1024 * 1024;

/**
 * Files never travel in frames: an export is downloaded from `<exportPathPrefix><jobId>` (GET) and an import file
 * uploaded to `<importPathPrefix><jobId>` (POST, the body streamed), the job id coming from the socket's calls.
 */
export const exportPathPrefix = '/api/files/export/';
export const importPathPrefix = '/api/files/import/';

export const clientFrameSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    input: z.unknown().optional(),
  }),
  z.object({
    kind: z.literal('stream'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    input: z.unknown().optional(),
  }),
  z.object({ kind: z.literal('cancel'), id: z.number().int().nonnegative() }),
]);

export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; id: number; event: ChatStreamEvent }
  | { kind: 'end'; id: number }
  /** What the core tells every connected window unasked (a library change, the preferences): shared/core-events.ts. */
  | { kind: 'broadcast'; event: CoreEvent }
  /** A frame the host could not accept at all (not JSON, unknown kind): answered, then ignored. */
  | { kind: 'protocol-error'; id: number | null; message: string };
