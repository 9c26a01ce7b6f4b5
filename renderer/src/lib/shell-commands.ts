// Renderer: runs what the desktop app's menu and notifications ask (shared/shell-commands.ts). A shortcut's item runs
// the action its keys run (lib/shortcut-actions.ts); nothing here decides anything of its own.

import { useEffect } from 'react';
import type { DesktopShell, ShellCommand } from '../../../shared/shell-commands';
import type { ShortcutId } from '../../../shared/shortcuts';

export interface ShellCommandTargets {
  runShortcut(id: ShortcutId): void;
  openConversation(conversationId: string): void;
  showAbout(): void;
}

export function runShellCommand(command: ShellCommand, targets: ShellCommandTargets): void {
  switch (command.type) {
    case 'shortcut':
      targets.runShortcut(command.id);
      return;
    case 'show-about':
      targets.showAbout();
      return;
    case 'open-conversation':
      targets.openConversation(command.conversationId);
      return;
  }
}

/** Listens for the shell's commands while mounted; the web host has no shell (null) and so no commands. */
export function useShellCommands(shell: DesktopShell | null, targets: () => ShellCommandTargets): void {
  useEffect(() => {
    if (!shell) return;
    return shell.onCommand((command) => runShellCommand(command, targets()));
  }, [shell, targets]);
}
