import { describe, expect, it } from 'vitest';
import {
  attachmentLimits,
  attachmentPath,
  attachmentPathPrefix,
  defaultPdfEngine,
  modelAcceptsKind,
  parseAttachmentPath,
} from './attachments';
import { chatEditSchema, chatSendSchema } from './schemas';

const id = '0f'.repeat(32);

describe('attachment addresses', () => {
  it('round-trips an id and variant, and parses nothing else', () => {
    const path = attachmentPath(attachmentPathPrefix, id, 'thumb');
    expect(path).toBe(`/api/attachments/${id}/thumb`);
    expect(parseAttachmentPath(path.slice(attachmentPathPrefix.length))).toEqual({ id, variant: 'thumb' });
    for (const bad of [`${id}/big`, `${id.toUpperCase()}/thumb`, `${id}0/thumb`, `../${id}/thumb`, `${id}/thumb/x`, ''])
      expect(parseAttachmentPath(bad)).toBeNull();
  });
});

describe('what a model takes', () => {
  it('needs image input for images only: PDFs go through the parser and text is inlined', () => {
    expect(modelAcceptsKind('image', ['text'])).toBe(false);
    expect(modelAcceptsKind('image', ['text', 'image'])).toBe(true);
    expect(modelAcceptsKind('pdf', ['text'])).toBe(true);
    expect(modelAcceptsKind('text', ['text'])).toBe(true);
  });

  it('reads PDFs natively only where the model takes files', () => {
    expect(defaultPdfEngine(['text', 'image', 'file'])).toBe('native');
    expect(defaultPdfEngine(['text', 'image'])).toBe('cloudflare-ai');
  });
});

describe('sending with files', () => {
  const send = { text: '', model: 'openai/gpt-4o' };
  it('allows an empty text only when files go with it', () => {
    expect(chatSendSchema.safeParse(send).success).toBe(false);
    expect(chatSendSchema.safeParse({ ...send, text: '   ' }).success).toBe(false);
    expect(chatSendSchema.safeParse({ ...send, attachmentIds: [id] }).success).toBe(true);
    expect(chatSendSchema.safeParse({ ...send, text: 'hi' }).success).toBe(true);
  });

  it('refuses more files than one message may carry, a malformed id, an unknown PDF engine', () => {
    const many = Array.from({ length: attachmentLimits.perMessage + 1 }, () => id);
    expect(chatSendSchema.safeParse({ ...send, attachmentIds: many }).success).toBe(false);
    expect(chatSendSchema.safeParse({ ...send, attachmentIds: ['../x'] }).success).toBe(false);
    expect(chatSendSchema.safeParse({ ...send, attachmentIds: [id], pdfEngine: 'ocr' }).success).toBe(false);
    expect(chatSendSchema.safeParse({ ...send, attachmentIds: [id], pdfEngine: 'mistral-ocr' }).success).toBe(true);
  });

  it('edits the same way: files alone are a message', () => {
    const edit = { conversationId: 'c', messageId: 'm', text: '', model: 'openai/gpt-4o' };
    expect(chatEditSchema.safeParse(edit).success).toBe(false);
    expect(chatEditSchema.safeParse({ ...edit, attachmentIds: [id] }).success).toBe(true);
  });
});
