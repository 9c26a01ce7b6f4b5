// Runs in the fake OpenRouter process and in tests: the deterministic "model output".
//
// A reply is a pure function of the last user message, so a test can compute the exact text it expects
// (`replyFor(prompt)`). It deliberately contains markdown, sometimes a code block, and multi-byte UTF-8
// (é, —, 你好, an emoji) so byte-level splitting and decoding are exercised on every run.

export interface ChatMessageLike {
  role?: unknown;
  content?: unknown;
}

/** Text of a message's `content`, whether a string or an array of parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      const p = part as { type?: unknown; text?: unknown };
      return p && p.type === 'text' && typeof p.text === 'string' ? p.text : '';
    })
    .filter(Boolean)
    .join('\n');
}

export function countImageParts(messages: readonly ChatMessageLike[]): number {
  let n = 0;
  for (const m of messages) {
    if (!Array.isArray(m.content)) continue;
    for (const part of m.content) if ((part as { type?: unknown })?.type === 'image_url') n++;
  }
  return n;
}

export function lastUserText(messages: readonly ChatMessageLike[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === 'user') return contentText(m.content);
  }
  return '';
}

/** A client asking for a conversation's title: a system message that asks for one. */
export function isTitleRequest(messages: readonly ChatMessageLike[]): boolean {
  return messages.some((m) => m.role === 'system' && /\btitle\b/i.test(contentText(m.content)));
}

/**
 * The title the fake "model" writes: "About" and the question's first four words (from a `<question>` block when the
 * prompt has one), so a test can tell it from the title derived from the question and predict it exactly.
 */
export function titleFor(prompt: string): string {
  const question = /<question>\s*([\s\S]*?)\s*<\/question>/.exec(prompt)?.[1] ?? prompt;
  const words = question
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4);
  return `About ${words.join(' ')}`;
}

function hash(text: string): number {
  // FNV-1a: stable across runs and platforms, unlike anything seeded.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function echoOf(prompt: string, max: number): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whether the reply carries a fenced code block: asked for, or one prompt in three. */
export function replyHasCode(prompt: string): boolean {
  return /\b(code|function|script|program|typescript|javascript|python)\b/i.test(prompt) || hash(prompt) % 3 === 0;
}

const LONG_PARAGRAPHS = [
  'Streaming matters because people read while the model writes — a reply that appears word by word feels faster than one that arrives all at once, even when the total time is the same.',
  'A careful client buffers partial lines, ignores comment lines such as keep-alives, and decodes UTF-8 across read boundaries, so that characters like é, ü or 你好 never turn into replacement marks.',
  'When the user presses Stop, the connection is closed; the provider may stop billing at once, and the final cost can be fetched later from the generation endpoint once accounting has settled.',
  'Usage arrives after the finish reason, sometimes with an empty choices array and sometimes with the finish reason repeated, so the last usage object seen is the one to keep — exactly once.',
];

export function replyFor(prompt: string, options: { long?: boolean } = {}): string {
  const echo = echoOf(prompt, 300);
  const words = prompt.trim().split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  parts.push(echo ? `You said: “${echo}”` : 'You sent a message without any text — perhaps just an image?');
  parts.push(
    'Here is a reply from the fake OpenRouter — it is deterministic, so a test can predict every byte. ' +
      'A few characters that need care when bytes are split: café, naïve, 你好, 🚀.',
  );
  parts.push(
    [
      `- **Characters in your message:** ${Array.from(prompt).length}`,
      `- **Words:** ${words.length}`,
      `- **First word:** \`${(words[0] ?? '(none)').replace(/`/g, "'")}\``,
    ].join('\n'),
  );
  if (replyHasCode(prompt)) {
    parts.push(
      ['```ts', `const echo = ${JSON.stringify(echoOf(prompt, 60))};`, 'console.log(echo.length);', '```'].join('\n'),
    );
  }
  if (options.long) {
    for (let i = 0; i < 2; i++) {
      for (const [j, paragraph] of LONG_PARAGRAPHS.entries()) {
        parts.push(`**${i * LONG_PARAGRAPHS.length + j + 1}.** ${paragraph}`);
      }
    }
  }
  parts.push('Anything else? 😊');
  return parts.join('\n\n');
}

export function reasoningFor(prompt: string): string {
  const echo = echoOf(prompt, 80);
  return (
    `The user wrote “${echo || '(no text)'}”. I should echo it back, keep the answer short, ` +
    'and include a few non-ASCII characters — é, 你好 — so the client’s decoder is exercised. ' +
    'A small markdown list will make the structure clear.'
  );
}

/** Roughly what a GPT-style tokenizer counts: about four characters per token. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

export function promptTokensOf(messages: readonly ChatMessageLike[]): number {
  // Each message costs a few tokens of chat-template framing; images a fixed low-detail budget.
  let total = 3;
  for (const m of messages) total += 4 + estimateTokens(contentText(m.content));
  return total + 85 * countImageParts(messages);
}

/**
 * Splits text into stream pieces of 1–3 words (cycling), keeping whitespace attached to the word before it,
 * so the concatenation of the pieces is exactly the text.
 */
export function chunkText(text: string, wordsPerChunk?: number): string[] {
  const words = text.match(/\s*\S+/g) ?? [];
  const trailing = text.slice(words.join('').length);
  const pieces: string[] = [];
  let i = 0;
  let n = 0;
  while (i < words.length) {
    const size = wordsPerChunk ?? (n % 3) + 1;
    pieces.push(words.slice(i, i + size).join(''));
    i += size;
    n++;
  }
  if (trailing) {
    if (pieces.length) pieces[pieces.length - 1] += trailing;
    else pieces.push(trailing);
  }
  return pieces;
}

/** The longest prefix of `text` that fits in `tokens` tokens, cut on a code-point boundary. */
export function truncateToTokens(text: string, tokens: number): string {
  const maxChars = tokens * 4;
  if (text.length <= maxChars) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > maxChars) break;
    out += ch;
  }
  return out;
}
