// Core: turns whatever a person types into a search the database can run, never into query syntax: every word is
// quoted, so AND, NEAR(, `*`, `:`, `-` and quotes are searched for as text instead of being parsed.

/** Longer input is cut here: a search of a whole pasted page would only be slower, never better. */
export const maxQueryChars = 256;
const maxTerms = 16;
/** The trigram index answers LIKE only for runs of at least this many characters. */
const trigram = 3;

/**
 * Scripts written without spaces between words (and Hangul, whose words carry their particles): the word index would
 * keep a whole sentence as one token, so only a substring search finds a word inside it.
 */
const unspacedScript =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Extended_Pictographic}]/u;
/** A term the word index can find holds at least one letter or digit; `->` or `😀` has none it would keep. */
const wordCharacter = /[\p{L}\p{N}]/u;

export type SearchPlan =
  /** The word index (unicode61): every term must appear, the last one as a prefix, so results come as you type. */
  | { kind: 'words'; match: string; phrases: string[]; terms: string[] }
  /**
   * Every term appears as a substring. `patterns` are exact LIKE patterns (`\` escapes `%` and `_`), checked on each
   * candidate row; `indexPatterns` are the same terms as plain two-argument LIKE patterns for the terms of three
   * characters or more: the trigram index narrows the rows only for a LIKE without ESCAPE (SQLite hands a virtual
   * table no three-argument LIKE), and a literal `%` or `_` there only widens the candidates the exact check narrows.
   */
  | { kind: 'substrings'; patterns: string[]; indexPatterns: string[]; terms: string[] };

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;
/** `\` escapes LIKE's own wildcards, so `%` and `_` are searched for literally. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The terms of a query, in order: whitespace separates them, at most 16, within the first 256 characters. */
export function queryTerms(input: string): string[] {
  const cut = Array.from(input).slice(0, maxQueryChars).join('');
  return cut
    .split(/\s+/u)
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
}

/** How to search for `input`; null when there is nothing to search for. */
export function planSearch(input: string): SearchPlan | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  const needsSubstrings = terms.some((term) => unspacedScript.test(term) || !wordCharacter.test(term));
  if (!needsSubstrings) {
    const phrases = terms.map(quote);
    phrases[phrases.length - 1] += '*';
    return { kind: 'words', match: phrases.join(' '), phrases, terms };
  }
  return {
    kind: 'substrings',
    patterns: terms.map(likePattern),
    indexPatterns: terms.filter((term) => Array.from(term).length >= trigram).map((term) => `%${term}%`),
    terms,
  };
}
