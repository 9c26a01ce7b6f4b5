// The core as both hosts use it — real SQLite, real HTTP — against the OpenRouter fake over loopback.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../shared/domain';
import type { Core } from '../electron/core/core';
import { createRouter } from '../electron/core/router';
import type { Logger } from '../electron/core/logger';
import { replyFor } from './fake-openrouter/reply-text';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
import { startCoreAgainstFake } from './support/core-under-test';

const logLines: string[] = [];
const logger: Logger = {
  info: (m) => logLines.push(m),
  warn: (m) => logLines.push(m),
  error: (m, e) => logLines.push(`${m} ${String(e)}`),
};

let fake: FakeOpenRouter;
let profileDir: string;
let core: Core;

function startCore(): Core {
  return startCoreAgainstFake(fake.baseUrl, profileDir, { logger });
}

beforeEach(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 100 });
  profileDir = mkdtempSync(join(tmpdir(), 'sb-core-'));
  core = startCore();
});
afterEach(async () => {
  core.close();
  await fake.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function turn(text: string, model: string, conversationId?: string): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of core.chat.send({ text, model, conversationId }, new AbortController().signal))
    events.push(event);
  return events;
}

describe('core against the OpenRouter fake', () => {
  it('validates a key with /key, streams a reply, and stores it with usage and cost', async () => {
    const saved = await core.keys.save({ key: fakeKeys.valid });
    expect(saved.ok && saved.value).toMatchObject({ present: true, limit: 25, limitRemaining: 20.5, verified: true });

    const events = await turn('What is SQLite?', fakeModels.default);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.message.content).toBe(replyFor('What is SQLite?'));
    expect(done.message.status).toBe('complete');
    expect(done.message.provider).toBe('OpenAI');
    expect(done.message.generationId).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
    expect(Number(done.message.usage?.costUsd)).toBeGreaterThan(0);
    const deltas = events
      .filter((e) => e.type === 'delta')
      .map((e) => (e as { text: string }).text)
      .join('');
    expect(deltas).toBe(done.message.content);

    const refreshed = await core.keys.refresh();
    expect(refreshed.ok && refreshed.value.limitRemaining).toBeCloseTo(20.5 - Number(done.message.usage!.costUsd!), 9);
  });

  it('assembles a chaotic stream (CRLF, split inside UTF-8, coalesced events) exactly', async () => {
    await core.keys.save({ key: fakeKeys.valid });
    const events = await turn('Say something in French and Chinese', fakeModels.chaos);
    const done = events.at(-1);
    expect(done?.type === 'done' && done.message.content).toBe(replyFor('Say something in French and Chinese'));
  });

  it('keeps the partial text of a reply that fails mid-stream, with a readable error', async () => {
    await core.keys.save({ key: fakeKeys.valid });
    const events = await turn('Break please', fakeModels.midStreamError);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type !== 'error') return;
    expect(last.error.code).toBe('upstream_error');
    expect(last.message?.status).toBe('error');
    expect(last.message?.content.length).toBeGreaterThan(0);
    const stored = await core.library.get(last.message!.conversationId);
    expect(stored.ok && stored.value.messages.map((m) => m.status)).toEqual(['complete', 'error']);
  });

  it.each([
    [fakeKeys.noCredits, fakeModels.default, 'insufficient_credits'],
    [fakeKeys.rateLimited, fakeModels.default, 'rate_limited'],
    [fakeKeys.valid, fakeModels.error403, 'forbidden'],
    [fakeKeys.valid, fakeModels.error408, 'timeout'],
    [fakeKeys.valid, fakeModels.error502, 'upstream_error'],
    [fakeKeys.valid, fakeModels.error503, 'upstream_error'],
  ])('maps a refused request (key %#) to %s and keeps the question', async (key, model, code) => {
    await core.keys.save({ key, skipValidation: true });
    const events = await turn('Hello', model);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error.code).toBe(code);
    const started = events[0];
    expect(started?.type).toBe('started');
    if (started?.type !== 'started') return;
    const stored = await core.library.get(started.conversation.id);
    expect(stored.ok && stored.value.messages[0]?.content).toBe('Hello');
  });

  it('says so when OpenRouter cannot be reached', async () => {
    core.close();
    await fake.close();
    core = startCore();
    const saved = await core.keys.save({ key: fakeKeys.valid });
    expect(saved.ok || saved.error.code).toBe('offline');
    fake = await startFakeOpenRouter();
  });

  it('keeps history across a restart of the core', async () => {
    await core.keys.save({ key: fakeKeys.valid });
    const events = await turn('Remember me', fakeModels.default);
    core.close();
    core = startCore();
    const list = await core.library.list();
    expect(list.ok && list.value.map((c) => c.title)).toEqual(['Remember me']);
    const started = events[0] as Extract<ChatStreamEvent, { type: 'started' }>;
    const stored = await core.library.get(started.conversation.id);
    expect(stored.ok && stored.value.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('rejects invalid input at the router with a specific message', async () => {
    const router = createRouter(core, logger);
    const bad = await router.call('conversations:rename', { id: 'x', title: '' });
    expect(bad.ok || bad.error.code).toBe('invalid_input');
    const unknown = await router.call('secrets:dump', undefined);
    expect(unknown.ok || unknown.error.message).toMatch(/Unknown request/);
    const events: ChatStreamEvent[] = [];
    for await (const e of router.stream('chat:send', { text: '', model: 'not a model' }, new AbortController().signal))
      events.push(e);
    expect(events).toHaveLength(1);
    expect(events[0]?.type === 'error' && events[0].error.code).toBe('invalid_input');
  });
});
