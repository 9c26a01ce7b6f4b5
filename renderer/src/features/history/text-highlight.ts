// Renderer: marks the searched words inside a message on screen with the CSS Custom Highlight API, which paints
// ranges without touching the DOM React renders (nothing to reconcile, nothing to inject).

const highlightName = 'history-match';

/** Every case-insensitive occurrence of each term in the element's text, as ranges. */
export function matchRanges(root: Node, terms: readonly string[]): Range[] {
  const needles = terms.map((term) => term.toLocaleLowerCase()).filter((term) => term.length > 0);
  if (needles.length === 0) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').toLocaleLowerCase();
    for (const needle of needles) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        ranges.push(range);
      }
    }
  }
  return ranges;
}

/** Replaces the marked words; where the API is missing (older engines) the message highlight alone remains. */
export function highlightTerms(root: Element | null, terms: readonly string[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
  CSS.highlights.delete(highlightName);
  if (!root) return;
  const ranges = matchRanges(root, terms);
  if (ranges.length > 0) CSS.highlights.set(highlightName, new Highlight(...ranges));
}
