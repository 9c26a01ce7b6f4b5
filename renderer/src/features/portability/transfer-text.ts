// Renderer: the one place an export's or an import's progress and outcome are worded.

import type { Transfer } from './portability-slice';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function transferText(t: Transfer): string {
  if (t.kind === 'export') {
    switch (t.state) {
      case 'waiting':
        return `Preparing ${t.fileName}…`;
      case 'running':
        return t.total
          ? `Exporting ${t.fileName}: ${count(t.done, 'conversation')} of ${t.total.toLocaleString('en-US')}`
          : `Exporting ${t.fileName}…`;
      case 'done':
        return `Exported ${count(t.total ?? t.done, 'conversation')} to ${t.fileName}.`;
      case 'cancelled':
        return 'Export cancelled.';
      case 'failed':
        return `The export failed: ${t.error ?? 'unknown error'}`;
    }
  }
  switch (t.state) {
    case 'waiting':
      return `Reading ${t.fileName}…`;
    case 'running':
      return t.total
        ? `Importing ${t.fileName}: ${formatSize(t.done)} of ${formatSize(t.total)}`
        : `Importing ${t.fileName}: ${formatSize(t.done)}`;
    case 'done': {
      const s = t.summary;
      if (!s) return `Imported ${t.fileName}.`;
      const added = `Imported ${count(s.added, 'conversation')} (${count(s.messages, 'message')}) from ${t.fileName}.`;
      if (s.skipped === 0) return added;
      return `${added} ${count(s.skipped, 'conversation')} ${s.skipped === 1 ? 'was' : 'were'} already here and left unchanged.`;
    }
    case 'cancelled':
      return 'Import cancelled. Nothing was imported.';
    case 'failed':
      return `Could not import ${t.fileName}. ${t.error ?? ''}`.trim();
  }
}

/** 0–1 for the progress bar, or null when the total is unknown. */
export function transferFraction(t: Transfer): number | null {
  if (t.state === 'done') return 1;
  return t.total ? Math.min(t.done / t.total, 1) : null;
}
