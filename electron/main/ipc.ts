// Electron main: registers every channel of the contract with the core router; checks who is asking before anything runs.
// Electron's objects come in as parameters, so this file is unit-tested in Node with plain stand-ins.

import type { IpcMainEvent, IpcMainInvokeEvent, MessagePortMain } from 'electron';
import type { ChatStreamEvent } from '../../shared/domain';
import { requestChannels, streamChannels } from '../../shared/ipc';
import { coreEventChannel } from '../../shared/core-events';
import type { PortFrame } from '../../shared/port-protocol';
import { fail } from '../../shared/result';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import { pumpStream } from '../core/stream-pump';
import type { SenderCheck } from './sender-check';

/** The two methods of Electron's `ipcMain` this file uses, with the event fields it reads. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => unknown): void;
  on(channel: string, listener: (event: Pick<IpcMainEvent, 'senderFrame' | 'ports'>, input: unknown) => void): void;
}

export interface RegisteredIpc {
  /** Aborts every running stream (at quit): their replies are saved as stopped. */
  abortStreams(): void;
}

export const refusedSenderMessage = 'This window may not use Switchboard.';

async function* refusedStream(): AsyncGenerator<ChatStreamEvent> {
  yield { type: 'error', error: { code: 'forbidden', message: refusedSenderMessage }, message: null };
}

/** Sees each event of one streamed turn as the page is sent it (the reply notifications); one per turn. */
export type TurnWatcher = (event: ChatStreamEvent) => void;

export function registerIpc(
  ipcMain: IpcMainLike,
  router: Router,
  isTrustedSender: SenderCheck,
  logger: Logger,
  watchTurn?: () => TurnWatcher,
): RegisteredIpc {
  const running = new Set<AbortController>();
  for (const channel of Object.keys(requestChannels)) {
    ipcMain.handle(channel, (event, input) => {
      if (!isTrustedSender(event.senderFrame)) return fail('forbidden', refusedSenderMessage);
      return router.call(channel, input);
    });
  }

  for (const channel of Object.keys(streamChannels)) {
    // Electron's reply-stream pattern: one MessagePort per turn; closing it from the page aborts the upstream request.
    ipcMain.on(channel, (event, input) => {
      const [port] = event.ports as MessagePortMain[];
      if (!port) return;
      const controller = new AbortController();
      running.add(controller);
      // Stop asks politely (the stopped message still comes back); a closed port (window gone) aborts as well.
      port.on('message', () => controller.abort());
      port.on('close', () => controller.abort());
      port.start();
      const trusted = isTrustedSender(event.senderFrame);
      const events = trusted ? router.stream(channel, input, controller.signal) : refusedStream();
      const watch = trusted ? watchTurn?.() : undefined;
      const post = (frame: PortFrame) => port.postMessage(frame);
      const observe = (streamed: ChatStreamEvent) => {
        try {
          watch?.(streamed);
        } catch (error) {
          // A notification that cannot be shown must not cost the page its reply.
          logger.warn(`a turn watcher failed: ${String(error)}`);
        }
      };
      void pumpStream(
        events,
        {
          event: (streamed) => {
            observe(streamed);
            post({ event: streamed });
          },
          end: () => {
            post({ end: true });
            port.close();
          },
        },
        logger,
        channel,
      ).finally(() => running.delete(controller));
    });
  }

  return {
    abortStreams: () => {
      for (const controller of running) controller.abort();
    },
  };
}

/** The part of a window's `webContents` the broadcast uses. */
export interface CoreEventTarget {
  mainFrame: Parameters<SenderCheck>[0];
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/**
 * Sends everything the core tells windows unasked (library changes, preferences) to each window showing the app (the
 * web host does the same over its sockets), so all windows show the same list and theme. Returns the function that
 * stops it.
 */
export function broadcastCoreEvents(
  router: Router,
  windows: () => CoreEventTarget[],
  isTrustedSender: SenderCheck,
): () => void {
  return router.subscribe((event) => {
    for (const target of windows()) {
      // Only a window showing the app itself: the same rule its calls are held to.
      if (!target.isDestroyed() && isTrustedSender(target.mainFrame)) target.send(coreEventChannel, event);
    }
  });
}
