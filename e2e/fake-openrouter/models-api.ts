// Runs in the fake OpenRouter process: the models endpoints (docs/openrouter-protocol.md §6).

import { authenticate } from './auth';
import { endpointsOf, listModels, type Model, resolveModelPath } from './catalogue';
import { type RequestContext, sendFixture, sendJson } from './context';
import { badRequest, modelNotFound, serviceUnavailable } from './fixtures';

const MAX_LIMIT = 1000;

/** The `{data, total_count, links}` envelope; paging only when the caller asks for it, as the real API does. */
function modelsEnvelope(
  ctx: RequestContext,
  models: Model[],
): { data: Model[]; total_count: number; links: { next: string | null } } | null {
  const q = ctx.url.searchParams;
  if (!q.has('offset') && !q.has('limit')) return { data: models, total_count: models.length, links: { next: null } };
  const offset = Number(q.get('offset') ?? '0');
  const limit = Number(q.get('limit') ?? '500');
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    sendFixture(ctx, badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}, and offset a non-negative integer`));
    return null;
  }
  const page = models.slice(offset, offset + limit);
  const nextOffset = offset + limit;
  const next = nextOffset < models.length ? `${ctx.url.pathname}?offset=${nextOffset}&limit=${limit}` : null;
  return { data: page, total_count: models.length, links: { next } };
}

function filtered(ctx: RequestContext): Model[] {
  return listModels({
    outputModalities: ctx.url.searchParams.get('output_modalities'),
    supportedParameters: ctx.url.searchParams.get('supported_parameters'),
  });
}

/** Public: works without a key, which is why a client must never validate a key with it. */
export function handleModels(ctx: RequestContext): void {
  const body = modelsEnvelope(ctx, filtered(ctx));
  if (body) sendJson(ctx, 200, body);
}

export function handleModelsUser(ctx: RequestContext): void {
  const auth = authenticate(ctx);
  if (!auth) return;
  if (auth.profile.accountUnavailable) return sendFixture(ctx, serviceUnavailable());
  const body = modelsEnvelope(ctx, filtered(ctx));
  if (body) sendJson(ctx, 200, body);
}

export function handleModelsCount(ctx: RequestContext): void {
  sendJson(ctx, 200, { data: { count: filtered(ctx).length } });
}

export function handleModel(ctx: RequestContext, id: string): void {
  const entry = resolveModelPath(id);
  if (!entry) return sendFixture(ctx, modelNotFound(id));
  sendJson(ctx, 200, { data: entry.model });
}

export function handleEndpoints(ctx: RequestContext, id: string): void {
  const entry = resolveModelPath(id);
  if (!entry) return sendFixture(ctx, modelNotFound(id));
  sendJson(ctx, 200, endpointsOf(entry));
}
