// Electron main: answers the page's sidebar-width calls (the contract's `preferences:sidebar-width` and
// `preferences:set-sidebar-width`) from the window's kept place, so the width, like the window's size and position,
// is kept per arrangement of displays (window-state.ts). The web host has one "display", the browser window, and
// leaves both calls to the core's single width; here the core's width is only the starting point for a window state
// that has none yet (the first start after an earlier version, which kept the width in the core).

import { type Result, ok } from '../../shared/result';
import type { HostHandlers } from '../core/router';
import type { SidebarWidthKeeper } from './window-state';

export interface SidebarWidthDeps {
  /** The window's keeper; null before the window exists (no page can ask then, but the answer stays sound). */
  keeper(): SidebarWidthKeeper | null;
  /** The core's kept width: the fallback, and where a width goes while no window is there to keep it. */
  core: {
    sidebarWidth(): Promise<Result<number>>;
    setSidebarWidth(width: number): Promise<Result<number>>;
  };
}

export function sidebarWidthHandlers(deps: SidebarWidthDeps): HostHandlers {
  return {
    'preferences:sidebar-width': async () => {
      const kept = deps.keeper()?.sidebarWidth() ?? null;
      return kept === null ? deps.core.sidebarWidth() : ok(kept);
    },
    'preferences:set-sidebar-width': async ({ width }) => {
      const keeper = deps.keeper();
      if (keeper === null) return deps.core.setSidebarWidth(width);
      // A failed write is logged by the keeper; the width still applies for this session, as on the web host.
      keeper.setSidebarWidth(width);
      return ok(width);
    },
  };
}
