// Core: the inflated bytes of chosen files in a zip, streamed in the zip's own order, with every limit an import has:
// entries counted, inflated bytes capped across the whole zip (a zip bomb stops there), damage worded. Both zip
// imports — ChatGPT's export and a zip of Markdown files — read through this one reader.

import { Unzip, UnzipInflate } from 'fflate';
import { type ImportLimits, badFile, formatBytes } from './import-limits';

export interface ZipPiece {
  /** The entry's path inside the zip. */
  name: string;
  data: Uint8Array;
  /** The entry's last piece. */
  final: boolean;
}

const zipSliceBytes = 16 * 1024;

/** Every chosen entry's bytes, piece by piece; an entry ends with a piece marked final (empty for an empty file). */
export async function* zipEntries(
  chunks: AsyncIterable<Uint8Array>,
  limits: ImportLimits,
  wanted: (name: string) => boolean,
): AsyncGenerator<ZipPiece> {
  const out: ZipPiece[] = [];
  let failure: unknown = null;
  let entries = 0;
  let inflated = 0;
  const unzip = new Unzip((entry) => {
    if (++entries > limits.maxZipEntries) {
      failure ??= badFile(`The zip holds more than ${limits.maxZipEntries.toLocaleString('en-US')} files.`);
      return;
    }
    if (entry.name.endsWith('/') || !wanted(entry.name)) return;
    const name = entry.name;
    entry.ondata = (error, data, final) => {
      if (error) {
        failure ??= badFile(`The zip file is damaged (${error.message}).`);
        return;
      }
      inflated += data.length;
      if (inflated > limits.maxBytes) {
        failure ??= badFile(
          `${name} in the zip expands to more than ${formatBytes(limits.maxBytes)}, the most Switchboard imports.`,
        );
        entry.terminate();
        return;
      }
      out.push({ name, data, final });
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const push = (data: Uint8Array, final: boolean) => {
    try {
      unzip.push(data, final);
    } catch (error) {
      failure ??= badFile(`The zip file is damaged (${(error as Error).message}).`);
    }
  };
  for await (const chunk of chunks) {
    // Small slices bound what one push can inflate (deflate expands at most ~1,000×).
    for (let at = 0; at < chunk.length; at += zipSliceBytes) {
      push(chunk.subarray(at, at + zipSliceBytes), false);
      if (failure) throw failure;
      while (out.length > 0) yield out.shift()!;
    }
  }
  push(new Uint8Array(0), true);
  if (failure) throw failure;
  while (out.length > 0) yield out.shift()!;
}
