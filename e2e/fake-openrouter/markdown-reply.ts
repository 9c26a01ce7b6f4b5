// Runs in the fake OpenRouter process and in tests: a fixed Markdown reply for the rendering scenarios.
//
// It has each construct a reply renderer must handle, hostile ones included (a `javascript:` link, raw HTML
// with an event handler), and is streamed a few characters at a time so fences and tables arrive cut mid-line.

/** The exact text of the reply's code block, as Copy must put it on the clipboard. */
export const MARKDOWN_REPLY_CODE = [
  'export function bump(version: string): string {',
  "  const [major, minor, patch] = version.split('.').map(Number);",
  '  // Only the patch number moves here; a breaking change bumps the major number by hand, after a review of every public export.',
  '  return `${major}.${minor}.${patch + 1}`;',
  '}',
].join('\n');

export const MARKDOWN_REPLY = [
  '# Release checklist',
  '',
  'Before tagging a release, check these **three** things:',
  '',
  '- The changelog names every *user-visible* change',
  '- `npm test` passes on a clean clone',
  '- The version in `package.json` is bumped',
  '',
  '| Step | Owner | Minutes |',
  '| :--- | :---- | ------: |',
  '| Build | CI | 12 |',
  '| Sign | Release bot | 3 |',
  '| Publish | You | 1 |',
  '',
  '```ts',
  MARKDOWN_REPLY_CODE,
  '```',
  '',
  '> Tip: the [release guide](https://example.com/releases) has more.',
  '',
  'A release takes $t = \\sum_i m_i$ minutes in all; a build costs $5 and a release $10.',
  '',
  '$$',
  't = \\frac{12 + 3 + 1}{60}\\,\\mathrm{h}',
  '$$',
  '',
  "Never click [this link](javascript:alert('pwned')).",
  '',
  "<img src=x onerror=alert('pwned')>",
].join('\n');

/** Pieces of `size` code points (never splitting a character), so the concatenation is exactly the text. */
export function chunkByCodePoints(text: string, size: number): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}
