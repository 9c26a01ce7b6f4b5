// Core: search snippets as plain parts (text, or a matched word), never as HTML, so message text cannot inject markup.

import type { SnippetPart } from '../../../shared/library';

const contextBefore = 40;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const snippetLength = 160;

/** Where any of `terms` occurs in `content`, case-insensitively, as [start, end) offsets. */
export function substringRanges(content: string, terms: readonly string[]): [number, number][] {
  const lower = content.toLowerCase();
  const ranges: [number, number][] = [];
  // toLowerCase keeps offsets only when it keeps the length; otherwise the text is marked nowhere and shown from the top.
  if (lower.length !== content.length) return ranges;
  for (const needle of terms.map((term) => term.toLowerCase()).filter((term) => term.length > 0)) {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1))
      ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** A window of `content` around the first of `ranges`, with every range inside it marked. */
export function snippetAt(content: string, ranges: readonly (readonly [number, number])[]): SnippetPart[] {
  const first = Math.min(...ranges.map(([from]) => from));
  let start = Number.isFinite(first) ? Math.max(0, first - contextBefore) : 0;
  let end = Math.min(content.length, start + snippetLength);
  // Never cut an emoji (or any character outside the BMP) in half.
  if (start > 0 && isLowSurrogate(content.charCodeAt(start))) start--;
  if (end < content.length && isLowSurrogate(content.charCodeAt(end))) end++;
  const marks = new Array<boolean>(end - start).fill(false);
  for (const [from, to] of ranges) {
    for (let i = Math.max(from, start); i < Math.min(to, end); i++) marks[i - start] = true;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  for (let i = start; i < end;) {
    let j = i;
    while (j < end && marks[j - start] === marks[i - start]) j++;
    parts.push({ text: content.slice(i, j), match: marks[i - start] ?? false });
    i = j;
  }
  if (end < content.length) parts.push({ text: '…', match: false });
  return parts;
}

/** A window of `content` around the first of `terms`, with every occurrence of every term marked; case-insensitive. */
export const snippetAround = (content: string, terms: readonly string[]): SnippetPart[] =>
  snippetAt(content, substringRanges(content, terms));
