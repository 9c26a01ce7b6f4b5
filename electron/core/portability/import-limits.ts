// Core: how much an import may read, and the one place its errors are worded. Every limit exists so a hostile or
// broken file ends in a clear message instead of exhausting memory or the disk.

import { AppFailure } from '../../../shared/result';

export interface ImportLimits {
  /** Bytes of the file itself, and of what a zip inflates to. */
  maxBytes: number;
  /** Bytes a single conversation (or anything else held whole) may take while it is being read. */
  maxValueBytes: number;
  /** Nesting of JSON arrays and objects. */
  maxDepth: number;
  /** Entries in a zip file. */
  maxZipEntries: number;
  /** Bytes of a Markdown file (read whole, it becomes one conversation). */
  maxMarkdownBytes: number;
}

const mb = 1024 * 1024;

export const defaultImportLimits: ImportLimits = {
  maxBytes: 512 * mb,
  maxValueBytes: 64 * mb,
  maxDepth: 64,
  maxZipEntries: 100_000,
  maxMarkdownBytes: 32 * mb,
};

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * mb) return `${(bytes / (1024 * mb)).toFixed(1)} GB`;
  if (bytes >= mb) return `${Math.round(bytes / mb)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The file cannot be imported; nothing was imported. Worded for the person, naming the problem. */
export function badFile(problem: string): AppFailure {
  return new AppFailure({ code: 'invalid_input', message: `${problem} Nothing was imported.` });
}

export const tooLarge = (limits: ImportLimits, size?: number) =>
  badFile(
    `The file is ${size !== undefined ? formatBytes(size) : `larger than ${formatBytes(limits.maxBytes)}`}; ` +
      `Switchboard imports files of up to ${formatBytes(limits.maxBytes)}.`,
  );
