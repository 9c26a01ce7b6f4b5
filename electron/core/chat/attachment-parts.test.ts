import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/attachments';
import { inlinedText, refuseUnacceptedFiles, userContent, withPdfEngine } from './attachment-parts';

const image: Attachment = { id: 'a'.repeat(64), kind: 'image', mime: 'image/png', name: 'cat.png', sizeBytes: 3 };
const pdf: Attachment = { id: 'b'.repeat(64), kind: 'pdf', mime: 'application/pdf', name: 'paper.pdf', sizeBytes: 3 };
const text: Attachment = { id: 'c'.repeat(64), kind: 'text', mime: 'text/plain', name: 'notes.txt', sizeBytes: 2 };
const bytes: Record<string, { bytes: Uint8Array; mime: string }> = {
  [image.id]: { bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg' },
  [pdf.id]: { bytes: new TextEncoder().encode('%PD'), mime: 'application/pdf' },
  [text.id]: { bytes: new TextEncoder().encode('hi'), mime: 'text/plain' },
};
const source = { forRequest: (a: Attachment) => bytes[a.id] ?? null };

describe('content parts', () => {
  it('puts the text first, then an image as a data URL of its sent copy, a PDF as a file part, text inlined', () => {
    expect(userContent('Look', [image, pdf, text], source, true)).toEqual([
      { type: 'text', text: 'Look' },
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AQID' } },
      { type: 'file', file: { filename: 'paper.pdf', file_data: 'data:application/pdf;base64,JVBE' } },
      { type: 'text', text: 'File: notes.txt\n```\nhi\n```' },
    ]);
  });

  it('sends plain text when there are no files, and names images a model cannot see instead of sending them', () => {
    expect(userContent('Hi', [], source, false)).toBe('Hi');
    expect(userContent('', [image], source, false)).toEqual([
      { type: 'text', text: '(An image, “cat.png”, was attached here; this model cannot see it.)' },
    ]);
  });

  it('refuses a file gone from disk', () => {
    expect(() => userContent('x', [{ ...image, id: 'f'.repeat(64) }], source, true)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'attachment_missing' }) }),
    );
  });

  it('refuses a text file whose stored copy is no longer text rather than sending garbage', () => {
    const binary = { forRequest: () => ({ bytes: new Uint8Array([0x68, 0, 0xff]), mime: 'text/plain' }) };
    expect(() => userContent('x', [text], binary, true)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'attachment_missing' }) }),
    );
  });

  it('fences inlined text so a fence inside it cannot close it early', () => {
    expect(inlinedText('a.md', 'x\n```\ny')).toBe('File: a.md\n~~~~\nx\n```\ny\n~~~~');
  });

  it('refuses images for a model without image input, and lets PDFs and text through to any model', () => {
    expect(() => refuseUnacceptedFiles('m/text', [image], ['text'])).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'model_no_image_input' }) }),
    );
    expect(() => refuseUnacceptedFiles('m/text', [pdf, text], ['text'])).not.toThrow();
    expect(() => refuseUnacceptedFiles('m/vision', [image], ['text', 'image'])).not.toThrow();
    expect(() => refuseUnacceptedFiles('m/unknown', [image], null)).not.toThrow();
  });

  it('names the PDF engine: the person’s, else native for a model that reads files, else the free parser', () => {
    expect(withPdfEngine({}, false, undefined, ['text'])).toEqual({});
    expect(withPdfEngine({}, true, undefined, ['text', 'file']).plugins).toEqual([
      { id: 'file-parser', pdf: { engine: 'native' } },
    ]);
    expect(withPdfEngine({ plugins: [{ id: 'web' }] }, true, undefined, ['text']).plugins).toEqual([
      { id: 'web' },
      { id: 'file-parser', pdf: { engine: 'cloudflare-ai' } },
    ]);
    expect(withPdfEngine({}, true, 'mistral-ocr', ['text', 'file']).plugins).toEqual([
      { id: 'file-parser', pdf: { engine: 'mistral-ocr' } },
    ]);
  });
});
