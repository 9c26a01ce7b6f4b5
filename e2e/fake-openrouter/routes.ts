// Runs in the fake OpenRouter process: maps method and path to the handler that answers it.

import { handleCredits, handleGeneration, handleKey } from './account-api';
import { handleChat } from './chat-completions';
import { type RequestContext, sendFixture } from './context';
import { methodNotAllowed, routeNotFound } from './fixtures';
import { handleEndpoints, handleModel, handleModels, handleModelsCount, handleModelsUser } from './models-api';

type Handler = (ctx: RequestContext, ...params: string[]) => void | Promise<void>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

// Model ids are `author/slug[:variant]`; the slug may contain dots, colons and tildes.
const ID = '([\\w.~-]+/[\\w.:~-]+)';

const routes: Route[] = [
  { method: 'POST', pattern: /^\/api\/v1\/chat\/completions$/, handler: handleChat },
  { method: 'GET', pattern: /^\/api\/v1\/models$/, handler: handleModels },
  { method: 'GET', pattern: /^\/api\/v1\/models\/user$/, handler: handleModelsUser },
  { method: 'GET', pattern: /^\/api\/v1\/models\/count$/, handler: handleModelsCount },
  { method: 'GET', pattern: new RegExp(`^/api/v1/models/${ID}/endpoints$`), handler: handleEndpoints },
  { method: 'GET', pattern: new RegExp(`^/api/v1/model/${ID}$`), handler: handleModel },
  { method: 'GET', pattern: /^\/api\/v1\/generation$/, handler: handleGeneration },
  { method: 'GET', pattern: /^\/api\/v1\/(?:auth\/)?key$/, handler: handleKey },
  { method: 'GET', pattern: /^\/api\/v1\/credits$/, handler: handleCredits },
];

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export async function route(ctx: RequestContext): Promise<void> {
  const path = decodePath(ctx.url.pathname).replace(/\/+$/, '') || '/';
  let pathMatched = false;
  for (const r of routes) {
    const match = r.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (r.method !== ctx.req.method) continue;
    await r.handler(ctx, ...match.slice(1).map((m) => m ?? ''));
    return;
  }
  const method = ctx.req.method ?? 'GET';
  sendFixture(ctx, pathMatched ? methodNotAllowed(method, path) : routeNotFound(method, path));
}
