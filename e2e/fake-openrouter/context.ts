// Runs in the fake OpenRouter process: what every route handler receives, and how it answers.

import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type AttemptCounter } from './attempts';
import { type Fixture } from './fixtures';
import { type GenerationStore } from './generation-store';
import { type KeyLedger } from './keys';
import { type PromptCache } from './prompt-cache';
import { type RecordedRequest } from './server';

export interface ServerSettings {
  generationDelayMs: number;
  chunkDelayMs: number;
  reasoningEfforts: readonly string[];
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Parsed JSON body, or null. */
  body: unknown;
  /** True when a body was sent but was not JSON. */
  bodyInvalid: boolean;
  record: RecordedRequest;
  /** Aborts when the client goes away before the response is finished. */
  signal: AbortSignal;
  settings: ServerSettings;
  ledger: KeyLedger;
  generations: GenerationStore;
  /** Identical chat requests seen so far, for models that fail their first attempts. */
  attempts: AttemptCounter;
  /** Prompt prefixes each key marked for caching, for a later turn to read. */
  promptCache: PromptCache;
  /** Re-checks pending `waitFor` predicates after the record changed. */
  notify(): void;
}

export function sendJson(
  ctx: RequestContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (ctx.res.headersSent || ctx.res.destroyed) return;
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  ctx.res.end(text);
  ctx.record.status = status;
  ctx.notify();
}

export function sendFixture(ctx: RequestContext, fixture: Fixture): void {
  sendJson(ctx, fixture.status, fixture.body, fixture.headers);
}
