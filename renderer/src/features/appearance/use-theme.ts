// Renderer: puts the chosen theme on <html data-theme> (styles.css pins color-scheme from it; "system" leaves the OS
// in charge) and installs the theme shortcut, for every screen.

import { useEffect } from 'react';
import { appStore, useAppStore } from '../../store/use-app-store';
import { useShortcut } from '../../lib/use-shortcut';

/** What the OS shows now; read at the moment of switching, so a change of the OS theme since is taken into account. */
export const systemPrefersDark = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

export function useTheme(): void {
  const theme = useAppStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useShortcut('toggle-theme', () => {
    void appStore.getState().toggleTheme(systemPrefersDark());
    return true;
  });
}
