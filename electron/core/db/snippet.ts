// Core: search snippets as plain parts (text, or a matched word), never as HTML, so message text cannot inject markup.

import type { SnippetPart } from '../../../shared/library';

/** Private-use characters around matches in FTS5 snippet() output: nothing a person or a model normally writes. */
export const matchStart = '\uE000';
export const matchEnd = '\uE001';

/** Splits snippet() output at its markers. A stray marker inside a message only moves a highlight. */
export function parseMarkedSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  for (const piece of marked.split(/([\uE000\uE001])/u)) {
    if (piece === matchStart) match = true;
    else if (piece === matchEnd) match = false;
    else if (piece.length > 0) parts.push({ text: piece, match });
  }
  return parts;
}

const contextBefore = 40;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const snippetLength = 160;

/** A window of `content` around the first of `terms`, with every occurrence of every term marked; case-insensitive. */
export function snippetAround(content: string, terms: readonly string[]): SnippetPart[] {
  const lower = content.toLowerCase();
  const needles = terms.map((term) => term.toLowerCase()).filter((term) => term.length > 0);
  const first = Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0));
  let start = Number.isFinite(first) ? Math.max(0, first - contextBefore) : 0;
  let end = Math.min(content.length, start + snippetLength);
  // Never cut an emoji (or any character outside the BMP) in half.
  if (start > 0 && isLowSurrogate(content.charCodeAt(start))) start--;
  if (end < content.length && isLowSurrogate(content.charCodeAt(end))) end++;
  const marks = new Array<boolean>(end - start).fill(false);
  for (const needle of needles) {
    for (let at = lower.indexOf(needle, start); at >= 0 && at < end; at = lower.indexOf(needle, at + 1)) {
      for (let i = at; i < Math.min(at + needle.length, end); i++) marks[i - start] = true;
    }
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
