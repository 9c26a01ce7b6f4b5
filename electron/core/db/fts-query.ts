// Core: turns whatever a person types into an FTS5 query that matches it literally, never as query syntax.

/**
 * Wraps the text in one FTS5 string (doubling embedded quotes), so operators like AND, NEAR, `*`, `:` or `-` in the
 * input are searched for as words instead of being parsed. Returns null when there is nothing to search for.
 */
export function toPhraseQuery(input: string): string | null {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text.length === 0) return null;
  return `"${text.replaceAll('"', '""')}"`;
}
