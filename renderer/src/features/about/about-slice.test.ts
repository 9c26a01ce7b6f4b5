import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../shared/domain';
import { fail } from '../../../../shared/result';
import { ok, setupStore } from '../../test-support/store-over-fake-api';

const info = (over: Partial<AppInfo> = {}): AppInfo => ({
  version: '1.2.3',
  transport: 'electron',
  openRouterBaseUrl: 'https://openrouter.ai/api/v1',
  runtime: { node: '22.20.0', electron: '45.4.1', chromium: '142.0.7444.0' },
  dataFolder: '/home/ada/.config/Switchboard',
  canShowDataFolder: true,
  ...over,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('about slice', () => {
  it('reads the app’s facts from the core each time the dialog opens', async () => {
    const { store, api } = setupStore();
    api.app.info.mockImplementation(() => ok(info()));
    store.getState().setAboutOpen(true);
    expect(store.getState().aboutOpen).toBe(true);
    await settle();
    expect(store.getState().appInfo?.version).toBe('1.2.3');
    store.getState().setAboutOpen(false);
    store.getState().setAboutOpen(true);
    await settle();
    expect(api.app.info).toHaveBeenCalledTimes(2);
  });

  it('keeps the core’s error to show when the facts cannot be read', async () => {
    const { store, api } = setupStore();
    api.app.info.mockImplementation(() => Promise.resolve(fail('internal', 'No.')));
    store.getState().setAboutOpen(true);
    await settle();
    expect(store.getState().appInfoError?.message).toBe('No.');
  });

  it('asks the transport to show the data folder only where it can, and says when it could not', async () => {
    const { store, api } = setupStore();
    api.app.info.mockImplementation(() => ok(info({ transport: 'web', canShowDataFolder: false })));
    store.getState().setAboutOpen(true);
    await settle();
    await store.getState().showDataFolder();
    expect(api.files.showDataFolder).not.toHaveBeenCalled();

    api.app.info.mockImplementation(() => ok(info()));
    store.getState().setAboutOpen(true);
    await settle();
    api.files.showDataFolder.mockImplementation(() => Promise.resolve(false));
    await store.getState().showDataFolder();
    expect(api.files.showDataFolder).toHaveBeenCalledTimes(1);
    expect(store.getState().dataFolderNotShown).toBe(true);
    // Reopening starts without the old complaint.
    store.getState().setAboutOpen(true);
    expect(store.getState().dataFolderNotShown).toBe(false);
  });
});
