// Reads one SSE data payload of a chat completion stream into typed parts, tolerating every chunk shape seen in the wild.

import type { Citation, Usage } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import { errorFromErrorFinish, errorFromStreamPayload, makeError } from './errors';
import { isRecord, nonEmptyStringOrNull, parseJson, stringOrNull, type JsonRecord } from './narrow';
import { mapUsage } from './usage';

/** Stateless facts from one chunk; the stream reader decides what they mean in sequence (first finish wins, etc.). */
export type ChunkPart =
  | { type: 'metadata'; generationId: string | null; model: string | null; provider: string | null }
  | { type: 'reasoning'; text: string }
  | { type: 'content'; text: string }
  /** One streamed fragment of a tool call; same index, same call (docs/openrouter-protocol.md §3.7). */
  | { type: 'tool-call'; index: number; id: string | null; name: string | null; arguments: string }
  | { type: 'finish'; finishReason: string; nativeFinishReason: string | null }
  /** Sources cited so far (url_citation annotations, e.g. from web search; docs/openrouter-protocol.md §2.8). */
  | { type: 'citations'; citations: Citation[] }
  /** Pictures an image-output model sent (`images`, as URLs; docs/openrouter-protocol.md §2.10). Untrusted. */
  | { type: 'images'; urls: string[] }
  | { type: 'usage'; usage: Usage }
  | { type: 'error'; error: AppError };

/** Parts come out in the order a reader should apply them: metadata, text, finish, usage, then any error. */
export function parseChunk(data: string): ChunkPart[] {
  const trimmed = data.trim();
  // Empty payloads carry nothing; ":"-payloads are keep-alive comments re-wrapped as data by a broken proxy.
  if (trimmed === '' || trimmed.startsWith(':')) return [];

  const chunk = parseJson(trimmed);
  if (!isRecord(chunk)) {
    return [
      { type: 'error', error: makeError('upstream_error', 'OpenRouter sent a stream event that could not be read.') },
    ];
  }

  const parts: ChunkPart[] = [];
  const generationId = nonEmptyStringOrNull(chunk['id']);
  const model = nonEmptyStringOrNull(chunk['model']);
  const provider = nonEmptyStringOrNull(chunk['provider']);
  if (generationId !== null || model !== null) parts.push({ type: 'metadata', generationId, model, provider });

  const topLevelError = chunk['error'];
  const hasTopLevelError = topLevelError !== undefined && topLevelError !== null;
  let choiceError: AppError | null = null;

  // Usage-only chunks have `choices: []`, and some have no `choices` at all: never assume an element exists.
  const choice = firstChoice(chunk['choices']);
  if (choice) {
    const delta = isRecord(choice['delta']) ? choice['delta'] : isRecord(choice['message']) ? choice['message'] : {};
    const reasoning = reasoningText(delta);
    if (reasoning) parts.push({ type: 'reasoning', text: reasoning });
    const content = stringOrNull(delta['content']);
    if (content) parts.push({ type: 'content', text: content });
    parts.push(...toolCallParts(delta['tool_calls']));
    const citations = citationsOf(delta['annotations']);
    if (citations.length > 0) parts.push({ type: 'citations', citations });
    const images = imageUrlsOf(delta['images']);
    if (images.length > 0) parts.push({ type: 'images', urls: images });

    const finishReason = nonEmptyStringOrNull(choice['finish_reason']);
    const nativeFinishReason = nonEmptyStringOrNull(choice['native_finish_reason']);
    if (finishReason === 'error') {
      // The top-level error, when present, explains the same failure better; report it once.
      if (!hasTopLevelError) {
        choiceError = isRecord(choice['error'])
          ? errorFromStreamPayload(choice['error'])
          : errorFromErrorFinish(nativeFinishReason, provider);
      }
    } else if (finishReason !== null) {
      parts.push({ type: 'finish', finishReason, nativeFinishReason });
    }
  }

  if (isRecord(chunk['usage'])) parts.push({ type: 'usage', usage: mapUsage(chunk['usage']) });

  if (hasTopLevelError) parts.push({ type: 'error', error: errorFromStreamPayload(topLevelError) });
  else if (choiceError) parts.push({ type: 'error', error: choiceError });
  return parts;
}

/** Non-streaming bodies carry whole calls without an index: their position in the list stands in for it. */
function toolCallParts(calls: unknown): ChunkPart[] {
  if (!Array.isArray(calls)) return [];
  return calls.filter(isRecord).map((call, position) => {
    const fn = isRecord(call['function']) ? call['function'] : {};
    const index = call['index'];
    return {
      type: 'tool-call' as const,
      index: typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : position,
      id: nonEmptyStringOrNull(call['id']),
      name: nonEmptyStringOrNull(fn['name']),
      arguments: stringOrNull(fn['arguments']) ?? '',
    };
  });
}

const indexOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

/**
 * `url_citation` annotations: `{ type, url_citation: { url, title, content, start_index, end_index } }`, or the same
 * fields flat on the annotation. Only http(s) URLs are kept: model output is untrusted and becomes links.
 */
function citationsOf(annotations: unknown): Citation[] {
  if (!Array.isArray(annotations)) return [];
  return annotations.filter(isRecord).flatMap((annotation): Citation[] => {
    if (annotation['type'] !== 'url_citation') return [];
    const cited = isRecord(annotation['url_citation']) ? annotation['url_citation'] : annotation;
    const url = nonEmptyStringOrNull(cited['url']);
    if (url === null || !/^https?:\/\//i.test(url)) return [];
    return [
      {
        url,
        title: nonEmptyStringOrNull(cited['title']),
        content: nonEmptyStringOrNull(cited['content']),
        startIndex: indexOrNull(cited['start_index']),
        endIndex: indexOrNull(cited['end_index']),
      },
    ];
  });
}

function firstChoice(choices: unknown): JsonRecord | null {
  if (!Array.isArray(choices)) return null;
  const records = choices.filter(isRecord);
  return records.find((choice) => choice['index'] === 0 || choice['index'] === undefined) ?? records[0] ?? null;
}

/** `reasoning` is the plain form; some providers fill only `reasoning_details`, so fall back to its text items. */
function reasoningText(delta: JsonRecord): string | null {
  const plain = stringOrNull(delta['reasoning']);
  if (plain) return plain;
  const details = delta['reasoning_details'];
  if (!Array.isArray(details)) return null;
  const text = details
    .filter(isRecord)
    .map((detail) =>
      detail['type'] === 'reasoning.text'
        ? stringOrNull(detail['text'])
        : detail['type'] === 'reasoning.summary'
          ? stringOrNull(detail['summary'])
          : null,
    )
    .filter((piece): piece is string => piece !== null)
    .join('');
  return text === '' ? null : text;
}

/** `images: [{ type: "image_url", image_url: { url } }]`: the URLs, anything malformed skipped. */
function imageUrlsOf(images: unknown): string[] {
  if (!Array.isArray(images)) return [];
  return images.filter(isRecord).flatMap((image) => {
    const inner = image['image_url'];
    const url = isRecord(inner) ? stringOrNull(inner['url']) : null;
    return url ? [url] : [];
  });
}
