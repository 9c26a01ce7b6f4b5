// Renderer: picks the screen from the store: token problem, damaged history, loading, key entry or the chat; the
// About dialog beside it.

import { shell } from '../api';
import { type ShellCommandTargets, useShellCommands } from '../lib/shell-commands';
import { runShortcutAction } from '../lib/shortcut-actions';
import { appStore, useAppStore } from '../store/use-app-store';
import { useTheme } from '../features/appearance/use-theme';
import { useWebReplyNotifications } from '../features/notifications/web-notifications';
import { AboutDialog } from '../features/about/AboutDialog';
import { HistoryRecovery } from './HistoryRecovery';
import { LoadingScreen } from './LoadingScreen';
import { MainLayout } from './MainLayout';
import { StartupError } from './StartupError';
import { TokenNeeded } from './TokenNeeded';
import { WelcomeScreen } from './WelcomeScreen';

/** Where the desktop shell's commands land: a menu item runs its shortcut's own action. */
const shellTargets = (): ShellCommandTargets => ({
  runShortcut: (id) => void runShortcutAction(id),
  openConversation: (id) => void appStore.getState().selectConversation(id),
  showAbout: () => appStore.getState().setAboutOpen(true),
});

export function App() {
  useTheme();
  useShellCommands(shell, shellTargets);
  useWebReplyNotifications(shell !== null);
  // Help › About can be chosen on any screen, the key's included: the dialog sits beside whichever is shown.
  return (
    <>
      <Screen />
      <AboutDialog />
    </>
  );
}

function Screen() {
  const connection = useAppStore((s) => s.connection);
  const keyStatus = useAppStore((s) => s.keyStatus);
  const keyLoadError = useAppStore((s) => s.keyLoadError);
  const keyRejected = useAppStore((s) => s.keyRejected);
  const history = useAppStore((s) => s.historyStatus);
  if (connection === 'refused') return <TokenNeeded />;
  // Before anything else: no screen may read or write history until the person has chosen.
  if (history?.state === 'needs-recovery')
    return <HistoryRecovery damage={history.damage} backup={history.newestBackup} />;
  if (keyStatus === null) return keyLoadError ? <StartupError error={keyLoadError} /> : <LoadingScreen />;
  if (!keyStatus.present) return <WelcomeScreen mode="first" />;
  if (keyRejected) return <WelcomeScreen mode="replace" />;
  return <MainLayout />;
}
