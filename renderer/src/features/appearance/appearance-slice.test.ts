import { describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/result';
import { setupStore } from '../../test-support/store-over-fake-api';
import { effectiveTheme } from './appearance-slice';

describe('appearance slice', () => {
  it('applies a theme at once and asks the core to keep it', async () => {
    const { store, api } = setupStore();
    expect(store.getState().theme).toBe('system');
    const saving = store.getState().setTheme('dark');
    // Live: on screen before the core answers.
    expect(store.getState().theme).toBe('dark');
    expect(await saving).toBeNull();
    expect(api.preferences.setTheme).toHaveBeenCalledWith('dark');
  });

  it('keeps the theme on screen but says so when it could not be kept', async () => {
    const { store, api } = setupStore();
    api.preferences.setTheme.mockResolvedValueOnce(fail('storage_error', 'The disk is full.'));
    const error = await store.getState().setTheme('light');
    expect(error?.code).toBe('storage_error');
    expect(store.getState().theme).toBe('light');
  });

  it('toggles to the other of light and dark from what is on screen, the system included', async () => {
    const { store } = setupStore();
    await store.getState().toggleTheme(true);
    expect(store.getState().theme).toBe('light');
    await store.getState().toggleTheme(true);
    expect(store.getState().theme).toBe('dark');
    await store.getState().setTheme('system');
    await store.getState().toggleTheme(false);
    expect(store.getState().theme).toBe('dark');
  });

  it('shows a theme and notification switch changed in another window, as the core announces them', async () => {
    const { store, announcePreferences } = setupStore();
    await store.getState().loadPreferences();
    announcePreferences({ theme: 'dark', notifications: false });
    expect(store.getState().theme).toBe('dark');
    expect(store.getState().notifications).toBe(false);
    announcePreferences({ theme: 'system', notifications: true });
    expect(store.getState().theme).toBe('system');
    expect(store.getState().notifications).toBe(true);
  });

  it('reads "system" as what the OS shows', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
  });
});

describe('the sidebar’s width', () => {
  it('starts at the core’s, shows every change and asks the core to keep only the ones meant to be kept', async () => {
    const { store, api } = setupStore();
    api.preferences.sidebarWidth.mockImplementationOnce(() => Promise.resolve({ ok: true, value: 333 }));
    expect(store.getState().sidebarWidth).toBe(260);
    await store.getState().loadPreferences();
    expect(store.getState().sidebarWidth).toBe(333);
    store.getState().setSidebarWidth(300, false);
    store.getState().setSidebarWidth(310, false);
    expect(store.getState().sidebarWidth).toBe(310);
    expect(api.preferences.setSidebarWidth).not.toHaveBeenCalled();
    store.getState().setSidebarWidth(320, true);
    expect(api.preferences.setSidebarWidth).toHaveBeenCalledWith(320);
  });

  it('stays at the default when the history cannot be read', async () => {
    const { store, api } = setupStore();
    api.preferences.sidebarWidth.mockImplementationOnce(() => Promise.resolve(fail('storage_error', 'Damaged.')));
    await store.getState().loadPreferences();
    expect(store.getState().sidebarWidth).toBe(260);
  });
});
