// Core: ranks and highlights the word index's matches in JavaScript, the way the index reads words (unicode61: letters,
// digits and private-use characters make a word; case and Latin diacritics are folded away). FTS5's own bm25() first
// counts every row holding each word, to weigh it: ~4 ms per word found in 100,000 messages, so a query of common
// words missed its budget on that count alone (measured). Here the weights are estimated from how densely each word's
// newest matches lie, which the index answers without walking them all.

/** What the word index keeps as part of a word. */
const wordChar = '[\\p{L}\\p{N}\\p{Co}]';
const notWordChar = '[^\\p{L}\\p{N}\\p{Co}]';
const wordRun = /[\p{L}\p{N}\p{Co}]+/gu;
const nonAscii = /[^\p{ASCII}]/u;

/** Lower case without diacritics, as unicode61 compares words. ASCII text, the common case, skips normalising. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return nonAscii.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/**
 * Finds the query's terms as whole words in folded text: a term of several words (`don't`, `gpt-4o`) as those words in
 * a row, the last term as a prefix (it is still being typed). Group i + 1 of each match is term i.
 */
export function termPattern(terms: readonly string[]): RegExp | null {
  const groups = terms.map((term, i) => {
    const words = foldText(term).match(wordRun) ?? [];
    if (words.length === 0) return null;
    return `(${words.join(`${notWordChar}+`)}${i === terms.length - 1 ? `${wordChar}*` : ''})`;
  });
  if (groups.some((group) => group === null)) return null;
  return new RegExp(`(?<!${wordChar})(?:${groups.join('|')})(?!${wordChar})`, 'gu');
}

/** How often each term occurs in `folded`. */
function termCounts(folded: string, pattern: RegExp, terms: number): number[] {
  const counts = new Array<number>(terms).fill(0);
  pattern.lastIndex = 0;
  for (const match of folded.matchAll(pattern)) {
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    if (group > 0) counts[group - 1] = (counts[group - 1] ?? 0) + 1;
  }
  return counts;
}

/** The usual BM25 constants (as FTS5's bm25() and Lucene use). */
const k1 = 1.2;
const b = 0.75;

/** Inverse document frequency, in the form that never goes negative for a word found nearly everywhere. */
export const inverseFrequency = (documents: number, frequency: number): number =>
  Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));

/**
 * BM25 scores (higher is better) for `texts`, every one a match of every term. `weights[i]` is term i's inverse
 * document frequency. Length is the text's in characters, against the candidates' mean.
 */
export function bm25Scores(texts: readonly string[], pattern: RegExp, weights: readonly number[]): number[] {
  if (texts.length === 0) return [];
  const meanLength = texts.reduce((sum, text) => sum + text.length, 0) / texts.length || 1;
  return texts.map((text) => {
    const counts = termCounts(foldText(text), pattern, weights.length);
    const norm = k1 * (1 - b + (b * text.length) / meanLength);
    return counts.reduce((score, tf, i) => score + ((weights[i] ?? 0) * tf * (k1 + 1)) / (tf + norm), 0);
  });
}

/**
 * Where the terms occur in `text`, as [start, end) offsets into it. Folding keeps offsets when it keeps the length (it
 * does for precomposed letters); text whose folding changes length (Hangul syllables decompose) is matched word by
 * word instead, for single-word terms.
 */
export function termRanges(text: string, pattern: RegExp): [number, number][] {
  const folded = foldText(text);
  const ranges: [number, number][] = [];
  if (folded.length === text.length) {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
    return ranges;
  }
  const single = new RegExp(`^${pattern.source}$`, 'u');
  for (const match of text.matchAll(wordRun)) {
    if (single.test(foldText(match[0]))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
