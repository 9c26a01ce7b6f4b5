// The key, in every shape a server might echo it, kept off the screen, out of the history and out of the log —
// through the core as the hosts build it, with OpenRouter replaced by an injected fetch.

import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../shared/domain';
import { readCoreConfig } from './config';
import { type Core, createCore } from './core';
import { useTempDir } from './test-support/temp-dir';
import { createLogger, type Logger } from './logger';
import { keychainUnavailable } from './secrets/keychain-error';

const tempDir = useTempDir();
const BODY = '27c0de4ac5cc0b83ff9fec7e43eb29b1efbc8766ec081dd496bf25455d0a4a0e';
const KEY = `sk-or-v1-${BODY}`;
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Every shape of the key that must not survive, with what distinguishes it. */
const echoes: [string, string][] = [
  ['the key upper-cased', KEY.toUpperCase()],
  ['the key in mixed case', 'Sk-Or-V1-' + BODY.replace(/[a-f]/g, (c, i: number) => (i % 3 ? c.toUpperCase() : c))],
  ['the bare 64-hex body', BODY],
  ['the bare body upper-cased', BODY.toUpperCase()],
  ['a 40-character run of the body', BODY.slice(12, 52)],
];

/** Lower-cased and stripped of case, the text still holds no 32-character run of the key's body. */
function holdsKeyRun(text: string): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i + 32 <= BODY.length; i++) if (lower.includes(BODY.slice(i, i + 32))) return true;
  return false;
}

async function coreAnswering(body: (url: string) => Response): Promise<Core> {
  const config = readCoreConfig({
    OPENROUTER_BASE_URL: 'https://openrouter.test/api/v1',
    SWITCHBOARD_PROFILE_DIR: tempDir(),
    SWITCHBOARD_SECRET_STORE: 'memory',
  });
  const fetch = (async (input: string | URL | Request) => body(String(input))) as typeof globalThis.fetch;
  const core = createCore(config, { logger: quiet, transport: 'web', fetch });
  const saved = await core.keys.save({ key: KEY, skipValidation: true });
  expect(saved.ok).toBe(true);
  return core;
}

async function send(core: Core, text: string): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of core.chat.send({ text, model: 'openai/gpt-4o-mini' }, new AbortController().signal)) {
    events.push(event);
  }
  return events;
}

describe('an upstream error echoing the key', () => {
  it.each(echoes)('never shows or stores %s', async (_shape, echoed) => {
    const core = await coreAnswering(
      () =>
        new Response(
          JSON.stringify({ error: { code: 400, message: `Invalid credentials: ${echoed} (check the key)` } }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    );
    try {
      const events = await send(core, 'hello');
      const last = events.at(-1);
      expect(last?.type).toBe('error');
      if (last?.type !== 'error') return;
      expect(last.error.message).toContain('[redacted]');
      expect(holdsKeyRun(JSON.stringify(events))).toBe(false);

      const conversationId = last.message?.conversationId;
      expect(conversationId).toBeTruthy();
      const stored = await core.library.get(conversationId!);
      expect(stored.ok).toBe(true);
      if (!stored.ok) return;
      const reply = stored.value.messages.at(-1);
      expect(reply?.status).toBe('error');
      expect(reply?.error?.message).toContain('Invalid credentials');
      expect(holdsKeyRun(JSON.stringify(stored.value))).toBe(false);
    } finally {
      core.close();
    }
  });
});

describe('an upstream error too long to show whole', () => {
  it('is scrubbed before it is cut, so no stub of the key survives at the cut', async () => {
    // The key's body starts just before the point where long provider text is cut.
    const message = `${'x'.repeat(280)} ${BODY}`;
    const core = await coreAnswering(
      () =>
        new Response(JSON.stringify({ error: { code: 400, message } }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    try {
      const last = (await send(core, 'hello')).at(-1);
      expect(last?.type).toBe('error');
      if (last?.type !== 'error') return;
      expect(last.error.message).toContain('x'.repeat(100));
      expect(last.error.message).not.toContain(BODY.slice(0, 12));
    } finally {
      core.close();
    }
  });
});

describe('a log line', () => {
  it('is scrubbed of every shape of the key once the core has used it, by a logger made apart from the core', async () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    const core = await coreAnswering(() => new Response('{"data":{"label":"x"}}', { status: 200 }));
    try {
      // The key is learnt by the one code that reads it, when it first reads it.
      expect((await core.keys.refresh()).ok).toBe(true);
      for (const [shape, echoed] of echoes) logger.error(`upstream said (${shape})`, new Error(`bad key ${echoed}`));
      expect(lines).toHaveLength(echoes.length);
      for (const line of lines) {
        expect(line).toContain('[redacted]');
        expect(holdsKeyRun(line)).toBe(false);
      }
    } finally {
      core.close();
    }
  });
});

describe('a keychain error', () => {
  it('is scrubbed of the key being stored in every shape', () => {
    for (const [, echoed] of echoes) {
      const failure = keychainUnavailable(new Error(`could not store ${echoed}`), { platform: 'linux', secret: KEY });
      expect(holdsKeyRun(failure.message)).toBe(false);
    }
  });
});
