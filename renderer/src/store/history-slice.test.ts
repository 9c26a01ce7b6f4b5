import { describe, expect, it } from 'vitest';
import type { HistoryStatus } from '../../../shared/domain';
import { ok, setupStore } from '../test-support/store-over-fake-api';

const damage = { file: '/p/history.sqlite3', movedTo: '/p/history.sqlite3.damaged-x', reason: 'malformed' };
const needsRecovery: HistoryStatus = {
  state: 'needs-recovery',
  damage,
  newestBackup: { path: '/p/history.sqlite3.bak-v10', takenAt: 1 },
};

describe('the history’s status', () => {
  it('stays unknown when the core cannot say', async () => {
    const { store, api } = setupStore();
    api.history.status.mockReturnValueOnce(
      Promise.resolve({ ok: false as const, error: { code: 'storage_error' as const, message: 'x' } }) as never,
    );
    await store.getState().loadHistoryStatus();
    expect(store.getState().historyStatus).toBeNull();
  });

  it('sends one recovery choice at a time', async () => {
    const { store, api } = setupStore();
    api.history.status.mockReturnValueOnce(ok(needsRecovery));
    await store.getState().loadHistoryStatus();
    let answer: (value: unknown) => void = () => {};
    api.history.recover.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const first = store.getState().recoverHistory('start-fresh');
    expect(store.getState()).toMatchObject({ historyRecovering: true, historyRecoverError: null });
    await store.getState().recoverHistory('restore-backup');
    answer({ ok: true, value: { state: 'ready', damage, restoredFrom: null } });
    await first;
    expect(api.history.recover).toHaveBeenCalledTimes(1);
    expect(api.history.recover).toHaveBeenCalledWith({ choice: 'start-fresh' });
    expect(store.getState()).toMatchObject({ historyRecovering: false, historyStatus: { state: 'ready' } });
  });

  it('the notice about a repaired history goes once dismissed', () => {
    const { store } = setupStore();
    expect(store.getState().historyNoticeDismissed).toBe(false);
    store.getState().dismissHistoryNotice();
    expect(store.getState().historyNoticeDismissed).toBe(true);
  });
});
