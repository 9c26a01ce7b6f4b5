// Electron main: registers every channel of the contract with the core router; checks who is asking before anything runs.

import { type IpcMainEvent, type IpcMainInvokeEvent, type WebFrameMain, ipcMain } from 'electron';
import { requestChannels, streamChannels } from '../../shared/ipc';
import { fail } from '../../shared/result';
import type { Router } from '../core/router';

/** Only our own bundled page may call the core; a navigated-away or injected frame is refused. */
export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/** Frames on the port: events, then one end marker so the preload can settle `finished` even without a close event. */
export type PortFrame = { event: unknown } | { end: true };

export function registerIpc(router: Router, isTrustedSender: SenderCheck): void {
  for (const channel of Object.keys(requestChannels)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return fail('forbidden', 'This window may not use Switchboard.');
      return router.call(channel, input);
    });
  }

  for (const channel of Object.keys(streamChannels)) {
    // Electron's reply-stream pattern: one MessagePort per turn; closing it from the page aborts the upstream request.
    ipcMain.on(channel, (event: IpcMainEvent, input: unknown) => {
      const [port] = event.ports;
      if (!port) return;
      const controller = new AbortController();
      // Stop asks politely (the stopped message still comes back); a closed port (window gone) aborts as well.
      port.on('message', () => controller.abort());
      port.on('close', () => controller.abort());
      port.start();
      void (async () => {
        if (!isTrustedSender(event.senderFrame)) {
          port.postMessage({
            event: {
              type: 'error',
              error: { code: 'forbidden', message: 'This window may not use Switchboard.' },
              message: null,
            },
          } satisfies PortFrame);
        } else {
          for await (const streamed of router.stream(channel, input, controller.signal)) {
            port.postMessage({ event: streamed } satisfies PortFrame);
          }
        }
        port.postMessage({ end: true } satisfies PortFrame);
        port.close();
      })();
    });
  }
}
