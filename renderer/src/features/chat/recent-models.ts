// Which models to offer for "Regenerate with…": the ones in use lately, newest first, without the reply's own.

import type { Conversation } from '../../../../shared/domain';

export function recentModels(
  conversations: readonly Conversation[],
  current: string,
  exclude: string | null,
  limit = 6,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // `conversations` is sorted newest activity first, so the models a person used lately come first.
  for (const model of [current, ...conversations.map((item) => item.model)]) {
    if (seen.has(model) || model === exclude) continue;
    seen.add(model);
    out.push(model);
    if (out.length === limit) break;
  }
  return out;
}
