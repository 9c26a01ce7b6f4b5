import { describe, expect, it, vi } from 'vitest';
import { type Result, fail, ok } from '../../shared/result';
import type { Core } from '../core/core';
import type { Logger } from '../core/logger';
import { createRouter } from '../core/router';
import { sidebarWidthHandlers } from './sidebar-width';
import type { SidebarWidthKeeper } from './window-state';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** The router as main builds it, over a core whose only part is its single kept width. */
function setup(keeper: SidebarWidthKeeper | null) {
  const core = {
    sidebarWidth: vi.fn((): Promise<Result<number>> => Promise.resolve(ok(260))),
    setSidebarWidth: vi.fn((width: number): Promise<Result<number>> => Promise.resolve(ok(width))),
  };
  const router = createRouter(
    { preferences: core } as unknown as Core,
    quiet,
    sidebarWidthHandlers({ keeper: () => keeper, core }),
  );
  return { router, core };
}

const keeperWith = (width: number | null) => {
  const kept: number[] = [];
  const keeper: SidebarWidthKeeper = {
    sidebarWidth: () => width,
    setSidebarWidth: (next) => void kept.push(next),
  };
  return { keeper, kept };
};

describe('the desktop app answers the sidebar width from the window state', () => {
  it("gives the page the width kept for this arrangement of displays, and keeps the page's new width there", async () => {
    const { keeper, kept } = keeperWith(333);
    const { router, core } = setup(keeper);
    expect(await router.call('preferences:sidebar-width', undefined)).toEqual(ok(333));
    expect(await router.call('preferences:set-sidebar-width', { width: 300 })).toEqual(ok(300));
    expect(kept).toEqual([300]);
    // The core's single width is neither read nor written while the window state has one.
    expect(core.sidebarWidth).not.toHaveBeenCalled();
    expect(core.setSidebarWidth).not.toHaveBeenCalled();
  });

  it("starts from the core's width when no place has one yet (a file an earlier version wrote)", async () => {
    const { router, core } = setup(keeperWith(null).keeper);
    expect(await router.call('preferences:sidebar-width', undefined)).toEqual(ok(260));
    core.sidebarWidth.mockResolvedValueOnce(fail('storage_error', 'Damaged.'));
    const failed = await router.call('preferences:sidebar-width', undefined);
    expect(failed.ok).toBe(false);
  });

  it('leaves both to the core while no window is there, and refuses a width out of range before anything keeps it', async () => {
    const { router, core } = setup(null);
    expect(await router.call('preferences:set-sidebar-width', { width: 280 })).toEqual(ok(280));
    expect(core.setSidebarWidth).toHaveBeenCalledWith(280);
    const { keeper, kept } = keeperWith(300);
    const withWindow = setup(keeper).router;
    const refused = await withWindow.call('preferences:set-sidebar-width', { width: 5000 });
    expect(!refused.ok && refused.error.code).toBe('invalid_input');
    expect(kept).toEqual([]);
  });
});
