// Web host (Node): one renderer connection — routes call/stream/cancel frames to the core router; a closed socket aborts its streams.

import type { WebSocket } from 'ws';
import type { Router } from '../core/router';
import type { Logger } from '../core/logger';
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
    try {
      for await (const event of router.stream(channel, input, controller.signal)) send({ kind: 'event', id, event });
    } catch (error) {
      logger.error(`stream ${channel} failed`, error);
      send({
        kind: 'event',
        id,
        event: {
          type: 'error',
          error: { code: 'internal', message: 'The reply stream failed inside Switchboard.' },
          message: null,
        },
      });
    } finally {
      streams.delete(id);
      send({ kind: 'end', id });
    }
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

  socket.on('close', () => {
    // A reload or a closed tab is the renderer going away: stop paying for replies nobody will see.
    for (const controller of streams.values()) controller.abort();
  });
}
