// Benchmark: attaching a 20 MB photo as the core does it (type by content, decode, downscale to 2048 px, thumbnail,
// hash, write the three files, record it) against the floor any store pays: hashing and writing the same bytes.
// Each round stores into a fresh database and folder, so the content-hash dedup never short-circuits the work.
// Target (issue 12): under 500 ms.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { attachmentLimits } from '../../shared/attachments';
import { AttachmentStore } from '../../electron/core/attachments/attachment-store';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';
import type { Measurement } from './measure';

/** A JPEG of noise (which compresses badly) just under the image limit: the worst a person may attach. */
async function largePhoto(): Promise<Buffer> {
  let width = 3600;
  for (let attempt = 0; attempt < 4; attempt++) {
    const height = Math.round((width * 3) / 4);
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 97 })
      .toBuffer();
    const ratio = photo.length / attachmentLimits.imageBytes;
    if (ratio <= 1 && ratio > 0.85) return photo;
    width = Math.floor(width / Math.sqrt(ratio / 0.93));
  }
  throw new Error('could not make a photo of the size wanted');
}

export async function attachmentsBench(measure: Measurement): Promise<void> {
  const photo = await largePhoto();
  const { width, height } = await sharp(photo).metadata();
  console.log(`attachments: a ${(photo.length / 1024 / 1024).toFixed(1)} MB JPEG, ${width}×${height}`);
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-bench-attach-'));
    dirs.push(dir);
    return dir;
  };
  // Wall time swings with whatever else the machine runs; the process's CPU time (libvips's threads included) is the
  // work itself, so it is reported beside it.
  let cpuMicros = 0;
  let attaches = 0;
  try {
    await measure({
      name: 'attaching a 20 MB photo (sniff, downscale to 2048 px + thumbnail, hash, store) vs. hashing and writing it',
      unit: 'ms',
      baseline: async () => {
        const dir = fresh();
        const id = createHash('sha256').update(photo).digest('hex');
        await writeFile(join(dir, id), photo);
      },
      candidate: async () => {
        const dir = fresh();
        const cpu = process.cpuUsage();
        const db = openDatabase(':memory:');
        const repo = new MessageRepo(db).threads.attachments;
        const store = new AttachmentStore({ folder: join(dir, 'attachments'), repo: async () => repo });
        const added = await store.add('photo.jpg', photo);
        const used = process.cpuUsage(cpu);
        cpuMicros += used.user + used.system;
        attaches++;
        db.close();
        if (!added.ok) throw new Error(added.error.message);
      },
      rounds: 5,
    });
    console.log(`  CPU time per attach (all threads): ${(cpuMicros / attaches / 1000).toFixed(0)} ms`);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
