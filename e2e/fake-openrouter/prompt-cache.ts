// Runs in the fake OpenRouter process: explicit prompt caching as Anthropic-style providers do it
// (docs/openrouter-protocol.md §2.9). A request's `cache_control` breakpoints each mark a prefix of its messages;
// a prefix sent before (same key) is read from the cache, the longest new one is written to it.

import { type ChatMessageLike, contentText, promptTokensOf } from './reply-text';

export interface CacheUse {
  /** Prompt tokens read from the cache (the longest breakpoint prefix seen before). */
  readTokens: number;
  /** Prompt tokens written this turn (the longest breakpoint prefix, less what was read). */
  writeTokens: number;
}

function hasBreakpoint(message: ChatMessageLike): boolean {
  return (
    Array.isArray(message.content) &&
    message.content.some((part) => typeof part === 'object' && part !== null && 'cache_control' in part)
  );
}

/** Models whose providers take explicit breakpoints; others cache by themselves or not at all. */
export function takesBreakpoints(modelId: string): boolean {
  return modelId.startsWith('anthropic/') || modelId.startsWith('google/gemini');
}

export class PromptCache {
  private readonly prefixes = new Map<string, Set<string>>();

  /** What this request reads from and writes to the key's cache; null when it marks no breakpoint. */
  use(apiKey: string, messages: readonly ChatMessageLike[]): CacheUse | null {
    const ends = messages.flatMap((m, i) => (hasBreakpoint(m) ? [i + 1] : []));
    if (ends.length === 0) return null;
    const known = this.prefixes.get(apiKey) ?? new Set<string>();
    this.prefixes.set(apiKey, known);
    const keyOf = (end: number) => JSON.stringify(messages.slice(0, end).map((m) => [m.role, contentText(m.content)]));
    let readTokens = 0;
    for (const end of [...ends].reverse()) {
      if (known.has(keyOf(end))) {
        readTokens = promptTokensOf(messages.slice(0, end));
        break;
      }
    }
    const longest = ends.at(-1) as number;
    const writeTokens = known.has(keyOf(longest)) ? 0 : promptTokensOf(messages.slice(0, longest)) - readTokens;
    for (const end of ends) known.add(keyOf(end));
    return { readTokens, writeTokens: Math.max(0, writeTokens) };
  }

  reset(): void {
    this.prefixes.clear();
  }
}
