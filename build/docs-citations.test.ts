// Build: keeps citations of the protocol notes honest. Every section sign followed by a number in a tracked file
// must name a heading of docs/openrouter-protocol.md, and no tracked file may cite a reference outside the repository.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const notesPath = 'docs/openrouter-protocol.md';
const sectionSign = '\u00a7';
/** A citation: the sign, then a section number such as 3 or 3.5 (a trailing full stop is prose, not part of it). */
const citation = new RegExp(`${sectionSign}\\s?(\\d+(?:\\.\\d+)*)`, 'g');
/** The retired reference lived outside the repository; its name is assembled so this file does not cite it. */
const externalReference = new RegExp(['openrouter', 'api\\.md'].join('-'));

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '');
}

function readText(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, path));
  } catch {
    // Tracked but deleted in the working tree (someone is mid-change): nothing to check.
    return null;
  }
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

/** Section numbers of the notes' headings: "## 3. Streaming" gives 3, "### 3.5 Where…" gives 3.5. */
function headingNumbers(markdown: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.?\s/gm)) numbers.add(match[1] as string);
  return numbers;
}

describe('citations of docs/openrouter-protocol.md', () => {
  const files = trackedFiles();
  const texts = files.map((path) => ({ path, text: readText(path) }));

  it('are all to sections that exist', () => {
    const notes = readText(notesPath);
    expect(notes, `${notesPath} is missing`).not.toBeNull();
    const sections = headingNumbers(notes ?? '');
    const dangling: string[] = [];
    for (const { path, text } of texts) {
      if (text === null) continue;
      text.split('\n').forEach((line, i) => {
        for (const match of line.matchAll(citation)) {
          if (!sections.has(match[1] as string)) dangling.push(`${path}:${i + 1}: ${match[0]}`);
        }
      });
    }
    expect(dangling).toEqual([]);
  });

  it('never point outside the repository', () => {
    const offending = texts.filter(({ text }) => text !== null && externalReference.test(text)).map(({ path }) => path);
    expect(offending).toEqual([]);
  });

  it('are checked against sources only, never build output', () => {
    expect(files.filter((path) => path.startsWith('.tsbuild/'))).toEqual([]);
  });
});
