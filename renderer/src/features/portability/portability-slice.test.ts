import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../../shared/api';
import type { PortabilityJob } from '../../../../shared/portability';
import { createAppStore } from '../../store/create-app-store';
import { alwaysOpen } from '../../transport/connection';
import { transferText } from './transfer-text';

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
const jobId = 'a'.repeat(32);
const job = (over: Partial<PortabilityJob>): PortabilityJob => ({
  jobId,
  kind: 'export',
  state: 'running',
  done: 0,
  total: 10,
  summary: null,
  error: null,
  ...over,
});

/** The real store over a fake api; `jobs` are what successive `portability:job` calls answer. */
function setup(jobs: PortabilityJob[]) {
  const answers = [...jobs];
  const api = {
    conversations: { list: vi.fn(() => ok([])) },
    portability: {
      startExport: vi.fn(() => ok({ jobId, fileName: 'switchboard-history-2026-12-02.json' })),
      startImport: vi.fn(() => ok({ jobId })),
      job: vi.fn(() => ok(answers.length > 1 ? answers.shift()! : answers[0]!)),
      cancel: vi.fn(() => ok(job({ state: 'cancelled' }))),
    },
    files: {
      saveExport: vi.fn(() => Promise.resolve({ ok: true as const, saved: true })),
      chooseImportFile: vi.fn(() => Promise.resolve({ name: 'conversations.json', size: 2048, handle: {} })),
      sendImport: vi.fn(() => Promise.resolve({ ok: true as const })),
      showFolder: vi.fn(() => Promise.resolve(false)),
    },
    backups: { list: vi.fn(), create: vi.fn(), restore: vi.fn() },
    library: { subscribe: vi.fn(() => () => {}) },
    preferences: { subscribe: vi.fn(() => () => {}) },
  };
  const store = createAppStore({
    api: api as unknown as DesktopApi,
    connection: alwaysOpen,
    scheduleFrame: () => () => {},
    // Polling waits run at once: the test is about what is read and shown, not about the quarter second.
    setTimer: (callback) => {
      setTimeout(callback, 0);
      return () => {};
    },
  });
  return { store, api };
}

describe('portability slice', () => {
  it('exports: hands the ticket to the transport, follows the job to the end, and words the outcome', async () => {
    const { store, api } = setup([job({ state: 'waiting' }), job({ done: 4 }), job({ state: 'done', done: 10 })]);
    await store.getState().exportHistory('json', 'everything');
    expect(api.portability.startExport).toHaveBeenCalledWith({ format: 'json', conversationId: null });
    expect(api.files.saveExport).toHaveBeenCalledWith({ jobId, fileName: 'switchboard-history-2026-12-02.json' });
    expect(api.portability.job).toHaveBeenCalledTimes(3);
    const transfer = store.getState().transfer!;
    expect(transfer.state).toBe('done');
    expect(transferText(transfer)).toBe('Exported 10 conversations to switchboard-history-2026-12-02.json.');
  });

  it('cancels the job when the transport could not save the file, and says why', async () => {
    const { store, api } = setup([job({ state: 'cancelled' })]);
    api.files.saveExport.mockResolvedValueOnce({ ok: false, message: 'The disk is full.' } as never);
    await store.getState().exportHistory('markdown', { conversationId: 'c1' });
    expect(api.portability.startExport).toHaveBeenCalledWith({ format: 'markdown', conversationId: 'c1' });
    expect(api.portability.cancel).toHaveBeenCalledWith(jobId);
    expect(store.getState().transferError).toEqual({ code: 'storage_error', message: 'The disk is full.' });
  });

  it('exports a compare by its id', async () => {
    const { store, api } = setup([job({ state: 'done', done: 3 })]);
    await store.getState().exportHistory('json', { compareId: 'p1' });
    expect(api.portability.startExport).toHaveBeenCalledWith({ format: 'json', compareId: 'p1' });
  });

  it('imports: the chosen file is sent to a job started for it, and the list reloads once it is done', async () => {
    const summary = { added: 3, skipped: 1, messages: 40 };
    const { store, api } = setup([
      job({ kind: 'import', state: 'running', done: 1024, total: 2048 }),
      job({ kind: 'import', state: 'done', done: 2048, total: 2048, summary }),
    ]);
    await store.getState().importHistory();
    expect(api.portability.startImport).toHaveBeenCalledWith({ fileName: 'conversations.json', size: 2048 });
    expect(api.files.sendImport).toHaveBeenCalledWith(jobId, expect.objectContaining({ name: 'conversations.json' }));
    expect(api.conversations.list).toHaveBeenCalled();
    expect(transferText(store.getState().transfer!)).toBe(
      'Imported 3 conversations (40 messages) from conversations.json. 1 conversation was already here and left unchanged.',
    );
  });

  it('does nothing when the person closes the file picker', async () => {
    const { store, api } = setup([]);
    api.files.chooseImportFile.mockResolvedValueOnce(null as never);
    await store.getState().importHistory();
    expect(api.portability.startImport).not.toHaveBeenCalled();
    expect(store.getState().transfer).toBeNull();
  });

  it('shows a failed import with the reason the core gave, and does not reload the list', async () => {
    const { store, api } = setup([
      job({ kind: 'import', state: 'failed', error: 'The file is not valid JSON. Nothing was imported.' }),
    ]);
    await store.getState().importHistory();
    expect(transferText(store.getState().transfer!)).toBe(
      'Could not import conversations.json. The file is not valid JSON. Nothing was imported.',
    );
    expect(api.conversations.list).not.toHaveBeenCalled();
  });

  it('Cancel asks the core to stop the running job', async () => {
    const { store, api } = setup([job({ state: 'running', done: 2 })]);
    api.files.saveExport.mockImplementationOnce(() => new Promise(() => {}) as never);
    void store.getState().exportHistory('json', 'everything');
    await vi.waitFor(() => expect(store.getState().transfer).not.toBeNull());
    await store.getState().cancelTransfer();
    expect(api.portability.cancel).toHaveBeenCalledWith(jobId);
    expect(store.getState().transfer?.state).toBe('cancelled');
  });
});
