// What a file is, by its content, and where each limit falls: one byte, one pixel or one page over is refused with
// the limit named; exactly at the limit is taken. Headers are built by hand where a real file that size would only
// slow the test down (the checks read the header, never the pixels).

import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attachmentLimits } from '../../../shared/attachments';
import { AppFailure } from '../../../shared/result';
import { decodeText, inspectAttachment } from './inspect';

/** The AppError an inspection refused with (the test fails if it was taken). */
async function refusal(name: string, bytes: Uint8Array) {
  try {
    await inspectAttachment(name, bytes);
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error(`${name} was taken`);
}

/** One PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
}

/** A PNG claiming `width`×`height` (8-bit RGB) with no pixel data: as much as a header read needs. */
function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.alloc(0)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `bytes` followed by `size - bytes.length` more (what readers ignore after the end of the image or PDF). */
function paddedTo(bytes: Uint8Array, size: number, fill = 0x20): Uint8Array {
  const out = new Uint8Array(size).fill(fill);
  out.set(bytes);
  return out;
}

const smallPng = () =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();

/** A well-formed PDF whose page tree holds no page (pdf-lib gives even an empty document one). */
function pagelessPdf(): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function pdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage([100, 100]);
  return document.save();
}

describe('what a file is', () => {
  it('takes a WebP as an image (sent on as PNG), and a RIFF file that is not WebP as something else', async () => {
    const webp = await sharp({ create: { width: 6, height: 4, channels: 4, background: '#0000' } })
      .webp()
      .toBuffer();
    expect(await inspectAttachment('photo.bin', webp)).toEqual({
      kind: 'image',
      mime: 'image/webp',
      width: 6,
      height: 4,
      sentMime: 'image/png',
    });
    // A WAV file: RIFF, then WAVE where a WebP says WEBP — each of those four letters decides.
    for (const tag of ['WAVE', 'XEBP', 'WXBP', 'WEXP', 'WEBX']) {
      const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from(tag), Buffer.alloc(24)]);
      expect((await refusal(`sound-${tag}.wav`, riff)).code).toBe('attachment_unsupported');
    }
  });

  it('sends a JPEG on as JPEG, and a PNG or GIF on as PNG', async () => {
    const jpeg = await sharp({ create: { width: 5, height: 5, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const gif = await sharp({ create: { width: 5, height: 5, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect(await inspectAttachment('a', jpeg)).toMatchObject({ mime: 'image/jpeg', sentMime: 'image/jpeg' });
    expect(await inspectAttachment('b', await smallPng())).toMatchObject({ mime: 'image/png', sentMime: 'image/png' });
    expect(await inspectAttachment('c', gif)).toMatchObject({ mime: 'image/gif', sentMime: 'image/png' });
  });

  it('gives a turned photo’s size as shown: edges swapped for EXIF orientations 5 to 8, not for 2 to 4', async () => {
    const turned = (orientation: number) =>
      sharp({ create: { width: 30, height: 20, channels: 3, background: '#fff' } })
        .jpeg()
        .withMetadata({ orientation })
        .toBuffer();
    for (const orientation of [1, 2, 3, 4])
      expect(await inspectAttachment('p.jpg', await turned(orientation))).toMatchObject({ width: 30, height: 20 });
    for (const orientation of [5, 6, 7, 8])
      expect(await inspectAttachment('p.jpg', await turned(orientation))).toMatchObject({ width: 20, height: 30 });
  });

  it('names text types by extension, whatever its case, and takes everything else that is UTF-8 as plain text', async () => {
    const words = new TextEncoder().encode('a,b\n1,2\n');
    expect(await inspectAttachment('table.CSV', words)).toEqual({ kind: 'text', mime: 'text/csv', textChars: 8 });
    expect(await inspectAttachment('notes.markdown', words)).toMatchObject({ mime: 'text/markdown' });
    expect(await inspectAttachment('README', words)).toMatchObject({ mime: 'text/plain' });
    expect(await inspectAttachment('archive.csv.txt', words)).toMatchObject({ mime: 'text/plain' });
  });
});

describe('where each limit falls', () => {
  it('takes an image of exactly the byte limit and refuses one byte more, naming the limit', async () => {
    const png = await smallPng();
    expect(await inspectAttachment('a.png', paddedTo(png, attachmentLimits.imageBytes))).toMatchObject({
      kind: 'image',
    });
    expect(await refusal('big.png', paddedTo(png, attachmentLimits.imageBytes + 1))).toEqual({
      code: 'attachment_too_large',
      message: '“big.png” is larger than 20 MB, the most an image can be.',
    });
  });

  it('takes an image of exactly the pixel limit and refuses one with more, whatever its shape', async () => {
    expect(await inspectAttachment('square.png', pngHeader(10_000, 10_000))).toMatchObject({
      width: 10_000,
      height: 10_000,
    });
    expect(await refusal('wide.png', pngHeader(10_001, 10_000))).toEqual({
      code: 'attachment_too_large',
      message: '“wide.png” has more than 100 million pixels, the most an image can have.',
    });
    expect((await refusal('tall.png', pngHeader(5_001, 20_000))).code).toBe('attachment_too_large');
  });

  it('refuses an image whose header cannot be read as damaged, by name', async () => {
    const png = await smallPng();
    expect(await refusal('half.png', png.subarray(0, 12))).toEqual({
      code: 'attachment_corrupt',
      message: '“half.png” could not be read as an image.',
    });
  });

  it('takes a PDF of one page and of exactly the page limit; refuses one page more, and one with none', async () => {
    expect(await inspectAttachment('one.pdf', await pdf(1))).toEqual({
      kind: 'pdf',
      mime: 'application/pdf',
      pageCount: 1,
    });
    expect(await inspectAttachment('most.pdf', await pdf(attachmentLimits.pdfPages))).toMatchObject({
      pageCount: attachmentLimits.pdfPages,
    });
    expect(await refusal('long.pdf', await pdf(attachmentLimits.pdfPages + 1))).toEqual({
      code: 'attachment_too_many_pages',
      message: `“long.pdf” has ${attachmentLimits.pdfPages + 1} pages; at most ${attachmentLimits.pdfPages} can be sent.`,
    });
    expect(await refusal('empty.pdf', pagelessPdf())).toEqual({
      code: 'attachment_corrupt',
      message: '“empty.pdf” could not be read as a PDF.',
    });
  });

  it('takes a PDF of exactly the byte limit and refuses one byte more', async () => {
    const one = await pdf(1);
    expect(await inspectAttachment('a.pdf', paddedTo(one, attachmentLimits.pdfBytes, 0x0a))).toMatchObject({
      pageCount: 1,
    });
    expect(await refusal('b.pdf', paddedTo(one, attachmentLimits.pdfBytes + 1, 0x0a))).toEqual({
      code: 'attachment_too_large',
      message: '“b.pdf” is larger than 25 MB, the most a PDF can be.',
    });
  });

  it('takes text of exactly the limit; one byte more is too large, even when the cut falls inside a character', async () => {
    const limit = attachmentLimits.textBytes;
    expect(await inspectAttachment('a.txt', new Uint8Array(limit).fill(0x61))).toMatchObject({ textChars: limit });
    const tooLarge = {
      code: 'attachment_too_large',
      message: '“b.txt” is larger than 512 KB, the most a text file can be.',
    };
    expect(await refusal('b.txt', new Uint8Array(limit + 1).fill(0x61))).toEqual(tooLarge);
    // "é" is two bytes: the limit falls between the last one's two, and the file is still text, only too long.
    const shifted = new TextEncoder().encode('a' + 'é'.repeat(limit / 2));
    expect(shifted.length).toBe(limit + 1);
    expect(await refusal('b.txt', shifted)).toEqual(tooLarge);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 without its byte-order mark, and refuses NUL bytes and invalid sequences', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe('hi');
    expect(decodeText(new Uint8Array([0x68, 0x00, 0x69]))).toBeNull();
    expect(decodeText(new Uint8Array([0x68, 0xc3]))).toBeNull();
    // A file's beginning may end inside a character.
    expect(decodeText(new Uint8Array([0x68, 0xc3]), true)).toBe('h');
  });
});
