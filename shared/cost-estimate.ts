// Contract: the one place Switchboard guesses a cost. Used before sending (the range beside Send) and after a reply
// whose charge OpenRouter never reported (marked as an estimate). A reported charge always wins over this.

import { fromPico, toPico, type Usd } from './money';

/** English text averages about four characters per token across common tokenizers; the estimate says "≈". */
export const charsPerToken = 4;
/** A reply's expected length when the conversation has no replies to go by. */
export const defaultExpectedOutputTokens = 500;
/** The cap the core sends when the catalogue does not give one (docs/openrouter-protocol.md §2.4). */
export const fallbackOutputCap = 16_384;

export const tokensForText = (chars: number): number => (chars <= 0 ? 0 : Math.ceil(chars / charsPerToken));

/*
 * Attachments, roughly (the estimate says "≈"; the real charge shows under the reply):
 * - an image: width × height / 750 tokens (Anthropic's published rule of thumb, near OpenAI's tile count for the sizes
 *   images are downscaled to), at most 1,600; 1,000 when the size is unknown. The catalogue's per-image price is not
 *   added on top: providers count images as prompt tokens, which that price only restates.
 * - a text file: inlined, so its characters at four a token, like the message.
 * - a PDF: about 800 tokens a page (its text, plus the page image a native reader also takes), whichever engine
 *   reads it; a priced parser's own charge is added by the caller (pdfParserPrice).
 */
export const imageTokensPerPixel = 1 / 750;
export const maxImageTokens = 1_600;
export const unknownImageTokens = 1_000;
export const pdfTokensPerPage = 800;

/** What the estimate needs of an attachment (shared/attachments.ts's Attachment has all of it). */
export interface AttachmentFacts {
  kind: 'image' | 'pdf' | 'text';
  width?: number;
  height?: number;
  pageCount?: number;
  textChars?: number;
}

export function tokensForAttachment(attachment: AttachmentFacts): number {
  switch (attachment.kind) {
    case 'image': {
      const { width, height } = attachment;
      if (!width || !height) return unknownImageTokens;
      return Math.min(maxImageTokens, Math.ceil(width * height * imageTokensPerPixel));
    }
    case 'text':
      return tokensForText(attachment.textChars ?? 0);
    case 'pdf':
      return Math.max(1, attachment.pageCount ?? 1) * pdfTokensPerPage;
  }
}

export interface EstimatePrices {
  /** USD per prompt token (a catalogue price); null = unknown or variable. */
  promptPrice: number | null;
  completionPrice: number | null;
  /** USD per cached prompt token when the model caches; null = no caching. */
  cacheReadPrice?: number | null;
}

export interface EstimateInput extends EstimatePrices {
  /** Tokens of the thread so far plus the new message. */
  promptTokens: number;
  /** Of those, how many an earlier turn already sent (and a caching model may read back at the cached price). */
  repeatedPromptTokens: number;
  /** What a reply in this conversation usually takes. */
  expectedOutputTokens: number;
  /** The most the reply may take (max_tokens). */
  maxOutputTokens: number;
}

/** In USD: what the reply should cost, and the most it can cost. */
export interface CostRange {
  low: Usd;
  high: Usd;
}

/** Picodollars of `tokens` at a per-token USD price, rounded once. */
function priced(tokens: number, price: number): bigint {
  const perToken = toPico(price) ?? 0n;
  return BigInt(Math.max(0, Math.round(tokens))) * perToken;
}

/**
 * low: cached reads where the model caches, and the expected output; high: every prompt token at full price and the
 * whole output cap. Null when a price is unknown (a router's "variable" price): no honest range exists then.
 */
export function estimateCostRange(input: EstimateInput): CostRange | null {
  const { promptPrice, completionPrice } = input;
  if (promptPrice === null || completionPrice === null || promptPrice < 0 || completionPrice < 0) return null;
  const cacheRead = input.cacheReadPrice ?? null;
  const repeated = Math.min(input.repeatedPromptTokens, input.promptTokens);
  const fresh = input.promptTokens - repeated;
  const cheapestPrompt =
    cacheRead !== null && cacheRead >= 0 && cacheRead < promptPrice
      ? priced(fresh, promptPrice) + priced(repeated, cacheRead)
      : priced(input.promptTokens, promptPrice);
  const fullPrompt = priced(input.promptTokens, promptPrice);
  const expected = Math.min(input.expectedOutputTokens, input.maxOutputTokens);
  return {
    low: fromPico(cheapestPrompt + priced(expected, completionPrice)),
    high: fromPico(fullPrompt + priced(input.maxOutputTokens, completionPrice)),
  };
}

/** A single figure for a reply already written: its tokens (reported, or counted from text) at catalogue prices. */
export function estimateWrittenCost(
  prices: EstimatePrices,
  tokens: { promptTokens: number; completionTokens: number },
): Usd | null {
  if (prices.promptPrice === null || prices.completionPrice === null) return null;
  return fromPico(
    priced(tokens.promptTokens, prices.promptPrice) + priced(tokens.completionTokens, prices.completionPrice),
  );
}
