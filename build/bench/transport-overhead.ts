// Benchmark: what the web host transport adds per streamed chunk, core → renderer, against reading the same turn
// straight from the core in-process. Both sides run the same core (real SQLite, same synthetic stream).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { readCoreConfig } from '../../electron/core/config';
import { type Core, createCore } from '../../electron/core/core';
import type { Logger } from '../../electron/core/logger';
import { createRouter } from '../../electron/core/router';
import { startWebHost } from '../../electron/web/server';
import { tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../../shared/web-protocol';
import type { Measurement } from './measure';
import { syntheticFetch, syntheticStream } from './synthetic-openrouter';

const chunksPerTurn = 4000;
const model = 'openai/gpt-4o-mini';
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

async function directTurn(core: Core): Promise<number> {
  let deltas = 0;
  for await (const event of core.chat.send({ text: 'bench', model }, new AbortController().signal)) {
    if (event.type === 'delta') deltas++;
  }
  return deltas;
}

function webHostTurn(socket: WebSocket, id: number): Promise<number> {
  return new Promise((resolve) => {
    let deltas = 0;
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as { kind: string; id: number; event?: { type: string } };
      if (frame.id !== id) return;
      if (frame.kind === 'event' && frame.event?.type === 'delta') deltas++;
      if (frame.kind === 'end') {
        socket.off('message', onMessage);
        resolve(deltas);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ kind: 'stream', id, channel: 'chat:send', input: { text: 'bench', model } }));
  });
}

export async function transportOverhead(measure: Measurement): Promise<void> {
  const profileDir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  const config = readCoreConfig({ SWITCHBOARD_PROFILE_DIR: profileDir, SWITCHBOARD_SECRET_STORE: 'memory' });
  const core = createCore(config, {
    logger: silent,
    transport: 'web',
    fetch: syntheticFetch(syntheticStream(chunksPerTurn)),
  });
  await core.keys.save({ key: `sk-or-v1-${'0'.repeat(64)}`, skipValidation: true });

  const staticDir = mkdtempSync(join(tmpdir(), 'sb-bench-static-'));
  const host = await startWebHost({ router: createRouter(core, silent), logger: silent, staticDir });
  const socket = new WebSocket(
    `ws://127.0.0.1:${host.port}${webSocketPath}`,
    [webSocketProtocol, tokenProtocolPrefix + host.token],
    {
      headers: { Origin: `http://127.0.0.1:${host.port}` },
    },
  );
  await new Promise((resolve) => socket.once('open', resolve));

  let streamId = 0;
  await measure({
    name: 'transport overhead per streamed chunk (web host vs. in-process core)',
    unit: 'µs/chunk',
    baseline: () => directTurn(core),
    candidate: () => webHostTurn(socket, ++streamId),
    perIteration: chunksPerTurn,
  });

  socket.close();
  await host.close();
  core.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
}
