// Renderer: makes the unfinished end of a streaming reply display sensibly; the finished text is never touched.

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const pipeRow = /^ {0,3}\|/;
const partialDelimiterRow = /^ {0,3}\|[\s|:-]*$/;
const delimiterCell = /^\s*:?-+:?\s*$/;

/**
 * Applied to the last block of a reply that is still streaming. Only ever changes text at the end of that block,
 * so the blocks before it keep their offsets:
 * - a line that is the start of a fence (one or two backticks or tildes) is hidden until it is a fence, so the
 *   backticks of a closing fence never flash up as code and an opening one never flashes up as text;
 * - a table whose header row has arrived but whose delimiter row has not (or only part of it) gets a delimiter row,
 *   so it shows as a table from its first row instead of flipping from a line of pipes to a table.
 */
export function repairForDisplay(text: string): string {
  const lines = text.split('\n');
  const fence = openFenceAtEnd(lines);
  const run = /^ {0,3}(`+|~+)$/.exec(lines[lines.length - 1] ?? '')?.[1];
  if (run !== undefined) {
    const closing = fence !== null && run[0] === fence[0] && run.length < fence.length;
    const opening = fence === null && run.length < 3;
    if (closing || opening) return lines.slice(0, -1).join('\n');
  }
  if (fence !== null) return text;
  return completeTableHeader(lines) ?? text;
}

/** The opening fence (e.g. "```") still open at the end of these lines, or null when every fence is closed. */
function openFenceAtEnd(lines: readonly string[]): string | null {
  let open: string | null = null;
  for (const line of lines) {
    const match = fenceOpen.exec(line);
    if (!match) continue;
    const run = match[1] ?? '';
    const rest = match[2] ?? '';
    if (open === null) {
      // A backtick fence's info string may not contain a backtick (that is inline code, not a fence).
      if (!(run[0] === '`' && rest.includes('`'))) open = run;
    } else if (run[0] === open[0] && run.length >= open.length && rest.trim() === '') {
      open = null;
    }
  }
  return open;
}

function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/);
}

function completeTableHeader(lines: readonly string[]): string | null {
  // A line still arriving counts; a text ending in a newline has finished its last line.
  const rows = lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
  const last = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  if (last === undefined || !pipeRow.test(last)) return null;
  const isHeader = (line: string | undefined, above: string | undefined) =>
    line !== undefined && pipeRow.test(line) && (above === undefined || !pipeRow.test(above));

  if (isHeader(last, before)) {
    const width = cellsOf(last).length;
    return `${rows.join('\n')}\n${delimiterRow(width)}`;
  }
  if (before !== undefined && isHeader(before, rows[rows.length - 3]) && partialDelimiterRow.test(last)) {
    const width = cellsOf(before).length;
    const cells = cellsOf(last);
    if (cells.length === width && cells.every((cell) => delimiterCell.test(cell))) return null;
    return `${rows.slice(0, -1).join('\n')}\n${delimiterRow(width)}`;
  }
  return null;
}

function delimiterRow(width: number): string {
  return `|${' --- |'.repeat(width)}`;
}
