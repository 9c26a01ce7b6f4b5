// Refused connections through the real web host: a flood of wrong tokens costs the log one line, not one per knock.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tokenProtocolPrefix, webSocketPath, webSocketProtocol } from '../../shared/web-protocol';
import type { Logger } from '../core/logger';
import type { Router } from '../core/router';
import { startWebHost } from './server';

const router: Router = {
  call: async () => ({ ok: true, value: null }),
  subscribe: () => () => {},
  // eslint-disable-next-line require-yield
  async *stream() {
    return;
  },
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function knock(port: number, token: string): Promise<number | undefined> {
  const socket = new WebSocket(
    `ws://127.0.0.1:${port}${webSocketPath}`,
    [webSocketProtocol, tokenProtocolPrefix + token],
    {
      headers: { Origin: `http://127.0.0.1:${port}` },
    },
  );
  return new Promise((resolve) => {
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode);
      socket.terminate();
    });
    socket.once('error', () => resolve(undefined));
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
  });
}

it('logs the first refused token, then one summary line for the rest', async () => {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
  };
  const staticDir = mkdtempSync(join(tmpdir(), 'sb-static-'));
  dirs.push(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  const host = await startWebHost({ router, logger, staticDir, token: 'b'.repeat(48) });

  const statuses: (number | undefined)[] = [];
  for (let i = 0; i < 40; i++) statuses.push(await knock(host.port, 'c'.repeat(48)));
  expect(statuses.every((status) => status === 401)).toBe(true);
  expect(lines).toEqual(['refused a connection with a missing or wrong token']);

  // The right token still gets in, the flood notwithstanding.
  expect(await knock(host.port, 'b'.repeat(48))).toBe(101);

  await host.close();
  expect(lines).toEqual([
    'refused a connection with a missing or wrong token',
    'refused 39 more connections with a missing or wrong token before closing',
  ]);
});
