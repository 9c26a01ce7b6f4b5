// Renderer: closing or reloading the page while replies run would cancel them, so the browser (or Electron's main
// process, through `will-prevent-unload`) asks first. Unsaved draft text is sent on its way as the page goes.

import { useEffect } from 'react';
import { selectAnyReplying } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/use-app-store';

export function useLeaveGuard(): void {
  const replying = useAppStore(selectAnyReplying);

  useEffect(() => {
    if (!replying) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers (and Electron) look at returnValue rather than preventDefault.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [replying]);

  useEffect(() => {
    const onPageHide = () => void appStore.getState().flushDraft();
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);
}
