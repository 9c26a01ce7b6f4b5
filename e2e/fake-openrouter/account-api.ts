// Runs in the fake OpenRouter process: GET /key, /auth/key, /credits and /generation.

import { authenticate } from './auth';
import { type RequestContext, sendFixture, sendJson } from './context';
import { generationNotFound, managementKeyRequired, serviceUnavailable } from './fixtures';

/** Serves both /key and the legacy /auth/key, which today answers with the same shape. */
export function handleKey(ctx: RequestContext): void {
  const auth = authenticate(ctx);
  if (!auth) return;
  if (auth.profile.accountUnavailable) return sendFixture(ctx, serviceUnavailable());
  sendJson(ctx, 200, ctx.ledger.keyInfo(auth.key));
}

/** The 2026 API reserves /credits for management keys, and no fake key is one. */
export function handleCredits(ctx: RequestContext): void {
  const auth = authenticate(ctx);
  if (!auth) return;
  if (auth.profile.accountUnavailable) return sendFixture(ctx, serviceUnavailable());
  sendFixture(ctx, managementKeyRequired());
}

export function handleGeneration(ctx: RequestContext): void {
  const auth = authenticate(ctx);
  if (!auth) return;
  if (auth.profile.accountUnavailable) return sendFixture(ctx, serviceUnavailable());
  const id = ctx.url.searchParams.get('id') ?? '';
  const record = ctx.generations.lookup(id, auth.key);
  if (!record) return sendFixture(ctx, generationNotFound());
  sendJson(ctx, 200, { data: record });
}
