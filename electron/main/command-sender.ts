// Electron main: delivers a command (shared/shell-commands.ts) to one window's page — the window a menu item was
// chosen in, else the focused one, else the app's window — and only to a page showing the app itself.

import type { ShellCommand } from '../../shared/shell-commands';
import { shellCommandChannel } from '../../shared/shell-commands';
import type { SenderCheck } from './sender-check';

/** The part of a BrowserWindow this uses. */
export interface CommandTarget {
  isDestroyed(): boolean;
  webContents: { mainFrame: Parameters<SenderCheck>[0]; send(channel: string, payload: unknown): void };
}

export interface CommandSenderDeps<W extends CommandTarget> {
  focused(): W | null;
  all(): W[];
  isTrustedSender: SenderCheck;
}

export type CommandSender<W> = (command: ShellCommand, window?: W | unknown) => boolean;

export function createCommandSender<W extends CommandTarget>(deps: CommandSenderDeps<W>): CommandSender<W> {
  const isOurs = (candidate: unknown): candidate is W => deps.all().includes(candidate as W);
  return (command, window) => {
    const target = (isOurs(window) ? window : null) ?? deps.focused() ?? deps.all()[0];
    if (!target || target.isDestroyed() || !deps.isTrustedSender(target.webContents.mainFrame)) return false;
    target.webContents.send(shellCommandChannel, command);
    return true;
  };
}
