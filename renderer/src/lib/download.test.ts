// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadText, downloadUrl } from './download';

/** What the browser was asked to save: each clicked link's address, file name and rel, and whether it was in the page. */
let clicks: { href: string; download: string; rel: string; inPage: boolean }[];
const record = (event: Event) => {
  const link = event.target as HTMLAnchorElement;
  event.preventDefault(); // happy-dom would otherwise try to navigate
  clicks.push({ href: link.href, download: link.download, rel: link.rel, inPage: document.body.contains(link) });
};

beforeEach(() => {
  clicks = [];
  document.addEventListener('click', record);
});
afterEach(() => {
  document.removeEventListener('click', record);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('downloads the page starts', () => {
  it('save text under its file name and type, leave no link behind, and free the blob URL once it has started', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:http://localhost/csv-1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});

    downloadText('date,cost\n2026-12-01,0.5\n', 'spend.csv', 'text/csv');

    expect(clicks).toEqual([{ href: 'blob:http://localhost/csv-1', download: 'spend.csv', rel: '', inPage: true }]);
    expect(blobs[0]?.type).toBe('text/csv');
    expect(await blobs[0]?.text()).toBe('date,cost\n2026-12-01,0.5\n');
    expect(document.querySelectorAll('a')).toHaveLength(0);
    vi.advanceTimersByTime(9_999);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/csv-1');
  });

  it('save a file the host serves under the name given, without handing the new page this one', () => {
    downloadUrl('http://localhost/files/a1', 'photo.png');
    expect(clicks).toEqual([
      { href: 'http://localhost/files/a1', download: 'photo.png', rel: 'noopener', inPage: true },
    ]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });
});
