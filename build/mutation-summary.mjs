// Prints the mutation score per folder from Stryker's JSON report (mutation-testing-report-schema): for each folder
// holding mutated files, and for each of the four trees `npm run mutate` covers, how many mutants the tests killed
// and the score, (killed + timed out) / (killed + timed out + survived + not covered), as Stryker counts it.
// Usage: node build/mutation-summary.mjs [report.json ...] (default reports/mutation/mutation.json); several reports
// (e.g. reports/mutation/runs/*.json, one per folder run) are read as one, a file in a later report replacing the same
// file in an earlier one.

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const roots = ['shared', 'electron/core', 'renderer/src/store', 'renderer/src/lib'];
const detected = new Set(['Killed', 'Timeout']);

/** Counts per status for every mutant in the given files. */
function tally(files) {
  const counts = { killed: 0, survived: 0, noCoverage: 0, other: 0 };
  for (const file of files)
    for (const mutant of file.mutants) {
      if (detected.has(mutant.status)) counts.killed += 1;
      else if (mutant.status === 'Survived') counts.survived += 1;
      else if (mutant.status === 'NoCoverage') counts.noCoverage += 1;
      else counts.other += 1;
    }
  const valid = counts.killed + counts.survived + counts.noCoverage;
  return { ...counts, score: valid === 0 ? null : (100 * counts.killed) / valid };
}

export function summarise(report) {
  const byFolder = new Map();
  for (const [path, file] of Object.entries(report.files)) {
    // Relative to the project root (Stryker writes them so; absolute ones are made relative here).
    const folder = dirname(relative(process.cwd(), resolve(path)).replaceAll('\\', '/'));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const rows = [];
  for (const root of roots) {
    const folders = [...byFolder.keys()].filter((f) => f === root || f.startsWith(`${root}/`)).sort();
    if (folders.length === 0) continue;
    rows.push({ folder: `${root}/ (all)`, ...tally(folders.flatMap((f) => byFolder.get(f))) });
    if (folders.length > 1 || folders[0] !== root)
      for (const folder of folders) rows.push({ folder: `  ${folder}/`, ...tally(byFolder.get(folder)) });
  }
  rows.push({ folder: 'everything mutated', ...tally(Object.values(report.files)) });
  return rows;
}

function print(rows) {
  const width = Math.max(...rows.map((r) => r.folder.length), 6);
  const line = (cells) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart(10))).join(' '));
  line(['folder', 'score %', 'killed', 'survived', 'no cover']);
  for (const r of rows)
    line([r.folder, r.score === null ? 'n/a' : r.score.toFixed(1), `${r.killed}`, `${r.survived}`, `${r.noCoverage}`]);
  console.log('killed counts timeouts too; compile and runtime errors and ignored mutants are left out of the score.');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/mutation.json'];
  const files = {};
  for (const path of paths) Object.assign(files, JSON.parse(readFileSync(path, 'utf8')).files);
  print(summarise({ files }));
}
