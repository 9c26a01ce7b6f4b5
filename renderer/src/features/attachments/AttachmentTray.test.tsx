// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type Mounted } from '../markdown/test-dom';
import { attachmentFixture } from '../../test-support/store-over-fake-api';
import { appStore } from '../../store/use-app-store';
import { AttachmentTray } from './AttachmentTray';
import type { TrayItem } from './attachments-slice';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const item = (overrides: Partial<TrayItem> & { localId: string; name: string }): TrayItem => ({
  sizeBytes: 2048,
  mime: '',
  status: 'ready',
  attachment: null,
  error: null,
  ...overrides,
});

const tray: TrayItem[] = [
  item({
    localId: 't1',
    name: 'cat.png',
    attachment: attachmentFixture({ id: 'sha-cat', name: 'cat.png' }),
  }),
  item({
    localId: 't2',
    name: 'report.pdf',
    sizeBytes: 1_572_864,
    attachment: attachmentFixture({
      id: 'sha-pdf',
      kind: 'pdf',
      name: 'report.pdf',
      sizeBytes: 1_572_864,
      pageCount: 12,
    }),
  }),
  item({ localId: 't3', name: 'big.png', mime: 'image/png', status: 'uploading' }),
  item({
    localId: 't4',
    name: 'huge.png',
    status: 'failed',
    error: { code: 'invalid_input', message: 'huge.png is 31 MB; the limit for an image is 20 MB.' },
  }),
  item({
    localId: 't5',
    name: 'Pasted text.txt',
    pastedText: 'long text',
    attachment: attachmentFixture({ id: 'sha-txt', kind: 'text', name: 'Pasted text.txt', sizeBytes: 9000 }),
  }),
];

function show(items: TrayItem[]) {
  const removeTrayItem = vi.fn();
  const keepPasteAsText = vi.fn();
  act(() => appStore.setState({ tray: items, removeTrayItem, keepPasteAsText }));
  mounted = mount(<AttachmentTray />);
  const chip = (name: string) =>
    [...mounted!.container.querySelectorAll('li')].find((li) => li.getAttribute('aria-label')?.startsWith(name))!;
  return { removeTrayItem, keepPasteAsText, chip };
}

describe('AttachmentTray', () => {
  it('is nothing while empty', () => {
    show([]);
    expect(mounted!.container.innerHTML).toBe('');
  });

  it('shows a thumbnail for an image, pages and size for a PDF, size for a text file, and an upload under way', () => {
    const { chip } = show(tray);
    const list = mounted!.container.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('Attachments');
    const thumb = chip('cat.png').querySelector('img')!;
    expect(thumb.getAttribute('src')).toContain('sha-cat');
    expect(thumb.getAttribute('width')).toBe('56');
    expect(chip('report.pdf').textContent).toContain('12 pages · 1.5 MB');
    expect(chip('Pasted text.txt').textContent).toContain('8.8 KB');
    expect(chip('big.png').getAttribute('aria-busy')).toBe('true');
    expect(chip('big.png').textContent).toContain('Adding…');
  });

  it('says beside a refused file why, in the core’s words with a next step', () => {
    const { chip } = show(tray);
    const refused = chip('huge.png');
    expect(refused.getAttribute('aria-label')).toBe('huge.png, not attached');
    const error = refused.querySelector('[role="alert"]')!;
    expect(error.textContent).toContain('huge.png is 31 MB; the limit for an image is 20 MB.');
    expect(refused.getAttribute('aria-describedby')).toBe(error.id);
  });

  it('removes a file by its × button or by Delete while the chip has focus; a paste can go back as text', () => {
    const { chip, removeTrayItem, keepPasteAsText } = show(tray);
    act(() => chip('report.pdf').querySelector<HTMLButtonElement>('button[aria-label="Remove report.pdf"]')!.click());
    expect(removeTrayItem).toHaveBeenLastCalledWith('t2');

    const cat = chip('cat.png');
    act(() => {
      cat.focus();
      cat.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    });
    expect(removeTrayItem).toHaveBeenLastCalledWith('t1');
    // Only the chip's own key: Backspace inside one of its buttons is that button's business.
    act(() =>
      chip('cat.png')
        .querySelector('button')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true })),
    );
    expect(removeTrayItem).toHaveBeenCalledTimes(2);

    const keep = [...chip('Pasted text.txt').querySelectorAll('button')].find(
      (b) => b.textContent === 'Paste as text',
    )!;
    act(() => keep.click());
    expect(keepPasteAsText).toHaveBeenCalledWith('t5');
  });
});
