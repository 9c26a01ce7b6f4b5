// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type Mounted } from '../markdown/test-dom';
import { attachmentFixture } from '../../test-support/store-over-fake-api';
import { MessageAttachments } from './MessageAttachments';
import * as download from '../../lib/download';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  vi.restoreAllMocks();
});

const photo = attachmentFixture({ id: 'a'.repeat(64), name: 'photo.png', width: 1600, height: 1200 });
const report = attachmentFixture({
  id: 'b'.repeat(64),
  kind: 'pdf',
  mime: 'application/pdf',
  name: 'report.pdf',
  sizeBytes: 2_097_152,
  pageCount: 1,
});
const notes = attachmentFixture({
  id: 'c'.repeat(64),
  kind: 'text',
  mime: 'text/plain',
  name: 'notes.md',
  sizeBytes: 900,
});

describe('MessageAttachments', () => {
  it('draws a question’s pictures as lazy thumbnails in fixed boxes, and its PDFs and text files as chips', () => {
    mounted = mount(<MessageAttachments attachments={[photo, report, notes]} generated={false} />);
    const list = mounted.container.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('Attached files');
    const img = list.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['160', '160']);
    expect(img.getAttribute('src')).toBe(`/api/attachments/${photo.id}/thumb`);
    expect(img.getAttribute('alt')).toBe('photo.png');
    expect(list.textContent).toContain('report.pdf1 page · 2 MB');
    expect(list.textContent).toContain('notes.md900 B');
    // No Save as… under a question's files: they are the person's own.
    expect(list.textContent).not.toContain('Save as…');
  });

  it('opens a picture full size in a dialog, and closes it again', () => {
    mounted = mount(<MessageAttachments attachments={[photo]} generated={false} />);
    const open = mounted.container.querySelector<HTMLButtonElement>('button[aria-label="View photo.png full size"]')!;
    act(() => open.click());
    const dialog = mounted.container.querySelector('dialog')!;
    expect(dialog.querySelector('h2')!.textContent).toContain('photo.png');
    expect(dialog.querySelector('img')!.getAttribute('src')).toBe(`/api/attachments/${photo.id}/original`);
    act(() => dialog.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click());
    expect(mounted.container.querySelector('dialog')).toBeNull();
  });

  it('shows a reply’s generated images larger, each with Save as… saving the original under its name', () => {
    const save = vi.spyOn(download, 'downloadUrl').mockImplementation(() => {});
    mounted = mount(<MessageAttachments attachments={[photo]} generated />);
    const list = mounted.container.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('Generated images');
    expect(list.querySelector('img')!.getAttribute('width')).toBe('320');
    const button = [...list.querySelectorAll('button')].find((b) => b.textContent?.includes('Save as…'))!;
    act(() => button.click());
    expect(save).toHaveBeenCalledWith(`/api/attachments/${photo.id}/original`, 'photo.png');
  });

  it('is nothing without attachments', () => {
    mounted = mount(<MessageAttachments attachments={[]} generated />);
    expect(mounted.container.innerHTML).toBe('');
  });
});
