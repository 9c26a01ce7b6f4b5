// The core's chat turns — versions, continue, automatic retry, tool calls, max_tokens — over real HTTP against the
// OpenRouter fake, on a real profile folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Message } from '../shared/domain';
import { type Core, historyFileName } from '../electron/core/core';
import type { Logger } from '../electron/core/logger';
import { replyFor } from './fake-openrouter/reply-text';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
import { startCoreAgainstFake } from './support/core-under-test';

const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeOpenRouter;
let profileDir: string;
let core: Core;

function startCore(): Core {
  return startCoreAgainstFake(fake.baseUrl, profileDir, { logger, retryDelaysMs: [10, 30] });
}

beforeEach(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 50 });
  profileDir = mkdtempSync(join(tmpdir(), 'sb-turns-'));
  core = startCore();
  await core.keys.save({ key: fakeKeys.valid });
});
afterEach(async () => {
  core.close();
  await fake.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function run(stream: AsyncIterable<ChatStreamEvent>) {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  const last = events.at(-1);
  return { events, message: (last && 'message' in last ? last.message : null) as Message };
}

const send = (text: string, model: string, conversationId?: string) =>
  run(core.chat.send({ text, model, conversationId }, new AbortController().signal));
const chatBodies = () =>
  fake.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => r.body as { max_tokens: number; messages: { role: string; content: string }[] });

describe('chat turns against the fake', () => {
  it('retries a 502 before the first token automatically, announcing each wait, then answers', async () => {
    const result = await send('Flaky?', fakeModels.flaky502);
    expect(result.events.filter((e) => e.type === 'retrying').map((e) => e.type === 'retrying' && e.delayMs)).toEqual([
      10, 30,
    ]);
    expect(result.message).toMatchObject({ status: 'complete', content: replyFor('Flaky?') });
    expect(chatBodies()).toHaveLength(3);
  });

  it('gives up after two automatic retries; Retry (regenerate) then answers without a second copy of the question', async () => {
    const failed = await send('Very flaky?', fakeModels.flaky502Thrice);
    expect(failed.events.at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream_error', status: 502 } });
    const retried = await run(
      core.chat.regenerate(
        {
          conversationId: failed.message.conversationId,
          messageId: failed.message.id,
          model: fakeModels.flaky502Thrice,
        },
        new AbortController().signal,
      ),
    );
    expect(retried.message).toMatchObject({ status: 'complete', content: replyFor('Very flaky?') });
    expect(chatBodies().at(-1)?.messages).toEqual([{ role: 'user', content: 'Very flaky?' }]);
    const page = await core.library.get(failed.message.conversationId);
    expect(page.ok && page.value.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(page.ok && page.value.messages[1]?.versionIds).toEqual([failed.message.id, retried.message.id]);
  });

  it('continues a reply cut at the length limit until it is whole, in the same message', async () => {
    let result = await send('Tell me everything', fakeModels.length);
    expect(result.message.finishReason).toBe('length');
    const id = result.message.id;
    for (let i = 0; i < 20 && result.message.finishReason === 'length'; i++) {
      result = await run(
        core.chat.continue(
          { conversationId: result.message.conversationId, messageId: id },
          new AbortController().signal,
        ),
      );
    }
    expect(result.message).toMatchObject({
      id,
      finishReason: 'stop',
      status: 'complete',
      content: replyFor('Tell me everything'),
    });
    expect(chatBodies()[1]?.messages.at(-1)?.role).toBe('assistant');
    await core.chat.settled();
    const db = new BetterSqlite3(join(profileDir, historyFileName), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT count(*) AS n, count(DISTINCT generation_id) AS g FROM spend_ledger WHERE message_id = ?')
        .get(id);
      expect(rows).toEqual({ n: chatBodies().length, g: chatBodies().length });
    } finally {
      db.close();
    }
  });

  it('stores a reply that only calls a tool as complete, with the call', async () => {
    const result = await send('Weather in Oslo?', fakeModels.toolCall);
    expect(result.message).toMatchObject({ status: 'complete', content: '', finishReason: 'tool_calls' });
    expect(result.message.toolCalls).toEqual([
      { id: expect.stringMatching(/^call_/), name: 'get_weather', arguments: expect.stringContaining('{') },
    ]);
  });

  it("sends the model's own max output, lowered to what the key's credit affords, and the conversation's own setting", async () => {
    const first = await send('Hi', fakeModels.default);
    // gpt-4o-mini lists 16,384; a $20.50 balance affords far more at its price.
    expect(chatBodies()[0]?.max_tokens).toBe(16_384);
    await send('Hi', fakeModels.pricey, first.message.conversationId);
    // $1 per 1,000 tokens with about $20.50 left: about 20,500 of its 128,000.
    expect(chatBodies()[1]?.max_tokens).toBeGreaterThan(20_000);
    expect(chatBodies()[1]?.max_tokens).toBeLessThanOrEqual(20_500);
    await core.library.setMaxOutput(first.message.conversationId, 777);
    await send('Hi again', fakeModels.pricey, first.message.conversationId);
    expect(chatBodies()[2]?.max_tokens).toBe(777);
    // One catalogue fetch served every turn.
    expect(fake.requests.filter((r) => r.path.endsWith('/models'))).toHaveLength(1);
  });

  it('marks a reply left streaming by a crash as interrupted at the next start, and Retry completes it', async () => {
    const done = await send('Before the crash', fakeModels.default);
    core.close();
    const db = new BetterSqlite3(join(profileDir, historyFileName));
    db.prepare("UPDATE messages SET status = 'streaming', content = 'half' WHERE id = ?").run(done.message.id);
    db.close();

    core = startCore();
    await core.keys.save({ key: fakeKeys.valid });
    const page = await core.library.get(done.message.conversationId);
    expect(page.ok && page.value.messages.at(-1)).toMatchObject({ status: 'interrupted', content: 'half' });
    const retried = await run(
      core.chat.regenerate(
        { conversationId: done.message.conversationId, messageId: done.message.id },
        new AbortController().signal,
      ),
    );
    expect(retried.message).toMatchObject({ status: 'complete', content: replyFor('Before the crash') });
  });
});
