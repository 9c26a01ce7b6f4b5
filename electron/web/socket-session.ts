// Web host (Node): one renderer connection — routes call/stream/cancel frames to the core router; a closed socket aborts its streams.

import type { WebSocket } from 'ws';
import type { Router } from '../core/router';
import type { Logger } from '../core/logger';
import { pumpStream } from '../core/stream-pump';
import { type ServerFrame, clientFrameSchema } from '../../shared/web-protocol';

export function serveSocket(socket: WebSocket, router: Router, logger: Logger): void {
  const streams = new Map<number, AbortController>();

  const send = (frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  const runStream = async (id: number, channel: string, input: unknown) => {
    if (streams.has(id)) {
      send({ kind: 'protocol-error', id, message: `stream id ${id} is already in use` });
      return;
    }
    const controller = new AbortController();
    streams.set(id, controller);
    await pumpStream(
      router.stream(channel, input, controller.signal),
      { event: (event) => send({ kind: 'event', id, event }), end: () => send({ kind: 'end', id }) },
      logger,
      channel,
    );
    streams.delete(id);
  };

  socket.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      raw = undefined;
    }
    const frame = clientFrameSchema.safeParse(raw);
    if (!frame.success) {
      send({
        kind: 'protocol-error',
        id: null,
        message: 'Unreadable frame: expected a JSON call, stream or cancel frame.',
      });
      return;
    }
    const f = frame.data;
    if (f.kind === 'call') {
      void router.call(f.channel, f.input).then((result) => send({ kind: 'result', id: f.id, result }));
    } else if (f.kind === 'stream') {
      void runStream(f.id, f.channel, f.input);
    } else {
      streams.get(f.id)?.abort();
    }
  });

  // A frame that breaks the protocol (too large, invalid UTF-8, unmasked, unknown opcode, reserved bits…): `ws` has
  // already started closing this one socket with the matching close code. Without this listener the error would
  // escape to the crash guard and take every other connection and every reply in flight down with it.
  socket.on('error', (error: Error & { code?: string }) => {
    logger.warn(`closed a connection that sent a bad frame: ${error.code ?? 'error'}: ${error.message}`);
  });

  // Every connected window hears of library changes and preferences at once; the subscription ends with the socket.
  const unsubscribe = router.subscribe((event) => send({ kind: 'broadcast', event }));

  socket.on('close', () => {
    unsubscribe();
    // A reload or a closed tab is the renderer going away: stop paying for replies nobody will see.
    for (const controller of streams.values()) controller.abort();
  });
}
