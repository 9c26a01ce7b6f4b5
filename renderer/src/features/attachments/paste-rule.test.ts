import { describe, expect, it } from 'vitest';
import { attachmentLimits } from '../../../../shared/attachments';
import { decidePaste, pastedData } from './paste-rule';

const image = new File(['png'], 'image.png', { type: 'image/png' });

describe('what a paste becomes', () => {
  it('attaches files on the clipboard, even when text (an image’s HTML or address) comes with them', () => {
    expect(decidePaste({ files: [image], text: '<img src="https://example.com/cat.png">' })).toEqual({
      kind: 'files',
      files: [image],
    });
  });

  it('makes text longer than the limit a text attachment, and pastes anything up to the limit as usual', () => {
    const limit = attachmentLimits.longPasteChars;
    expect(decidePaste({ files: [], text: 'x'.repeat(limit) })).toEqual({ kind: 'plain' });
    expect(decidePaste({ files: [], text: 'x'.repeat(limit + 1) })).toEqual({
      kind: 'long-text',
      text: 'x'.repeat(limit + 1),
    });
    expect(decidePaste({ files: [], text: 'short' }, 3)).toEqual({ kind: 'long-text', text: 'short' });
    expect(decidePaste({ files: [], text: '' })).toEqual({ kind: 'plain' });
  });

  it('reads files from clipboard items where the clipboard lists no files', () => {
    const clipboard = {
      files: [] as unknown as FileList,
      items: [
        { kind: 'string', getAsFile: () => null },
        { kind: 'file', getAsFile: () => image },
      ] as unknown as DataTransferItemList,
      getData: (type: string) => (type === 'text/plain' ? 'caption' : ''),
    } as unknown as DataTransfer;
    expect(pastedData(clipboard)).toEqual({ files: [image], text: 'caption' });
    expect(pastedData(null)).toEqual({ files: [], text: '' });
  });
});
