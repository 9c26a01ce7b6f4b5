// The quiet line under a reply: who answered, how fast, how much. Fixed to en-US like the rest of the figures.

import type { Message } from '../../../../shared/domain';
import { formatTokens, shortModelName } from '../../lib/format';

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Completion tokens over the time spent writing them (after the first token); null when either is unknown. */
export function tokensPerSecond(message: Message): number | null {
  const completion = message.usage?.completionTokens;
  if (completion == null || completion <= 0 || message.durationMs == null || message.firstTokenMs == null) {
    return null;
  }
  const writingMs = message.durationMs - message.firstTokenMs;
  if (writingMs <= 0) return null;
  return completion / (writingMs / 1000);
}

export interface MetaPart {
  /** Shown text. */
  text: string;
  /** The full figure or name, for the hover title. */
  title?: string;
  /** A part that must stand out (a fallback answered, another provider served). */
  stressed?: boolean;
}

/** A model's name as people know it: the catalogue's when it lists the model, else null. */
export type ModelNameOf = (modelId: string) => string | null;

/**
 * "answered by GPT-4o mini, fallback from Llama 3.3": said in words, not only in a hover, because a fallback may be
 * billed at another model's price. Null when the requested model answered.
 */
export function fallbackText(message: Message, nameOf: ModelNameOf = () => null): string | null {
  if (!message.fallbackFrom || !message.model) return null;
  const name = (id: string) => nameOf(id) ?? shortModelName(id);
  return `answered by ${name(message.model)}, fallback from ${name(message.fallbackFrom)}`;
}

/** Provider names and routing slugs compared alike ("Google Vertex" and "google-vertex/us-east5"). */
const providerKey = (name: string) =>
  name
    .toLowerCase()
    .split('/')[0]!
    .replace(/[^a-z0-9]+/g, '');

/**
 * The first preferred provider, when the reply was sent preferring some (or allowing only some) and was served by
 * none of them; null otherwise. OpenRouter may route elsewhere when they fail, and the person should see it.
 */
export function reroutedFrom(message: Message): string | null {
  const routing = message.sentSettings?.routing;
  const wanted = [...(routing?.order ?? []), ...(routing?.only ?? [])];
  if (!message.provider || wanted.length === 0) return null;
  const served = providerKey(message.provider);
  return wanted.some((slug) => providerKey(slug) === served) ? null : wanted[0]!;
}

/** "gpt-4o-mini · OpenAI · 0.42 s to first token · 58 tokens/s · 123 tokens", leaving out what is unknown; the cost
 * follows it as its own control (features/spend/ReplyCost). A fallback reply names both models instead. */
export function replyMetaParts(message: Message, nameOf: ModelNameOf = () => null): MetaPart[] {
  const parts: MetaPart[] = [];
  const fallback = fallbackText(message, nameOf);
  if (fallback !== null && message.model && message.fallbackFrom) {
    parts.push({
      text: fallback,
      stressed: true,
      title: `Answered by ${message.model}: ${message.fallbackFrom} was asked for, and one of this conversation's fallback models stood in`,
    });
  } else if (message.model) {
    parts.push({ text: shortModelName(message.model), title: `Answered by ${message.model}` });
  }
  if (message.provider) {
    const preferred = reroutedFrom(message);
    parts.push(
      preferred === null
        ? { text: message.provider, title: `Served by ${message.provider}` }
        : {
            text: `served by ${message.provider}, not ${preferred}`,
            stressed: true,
            title: `The preferred providers (${preferred} first) did not serve this reply; OpenRouter routed it to ${message.provider}`,
          },
    );
  }
  if (message.firstTokenMs != null) {
    parts.push({ text: `${twoDecimals.format(message.firstTokenMs / 1000)} s to first token` });
  }
  const speed = tokensPerSecond(message);
  if (speed !== null) parts.push({ text: `${oneDecimal.format(speed)} tokens/s` });
  if (message.usage) {
    const { usage } = message;
    parts.push({
      text: formatTokens(usage.totalTokens),
      title: `${usage.promptTokens.toLocaleString('en-US')} in, ${usage.completionTokens.toLocaleString('en-US')} out`,
    });
  }
  return parts;
}
