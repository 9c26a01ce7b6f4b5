// Conversation settings end to end through the core (its router, real SQLite, real HTTP) against the OpenRouter fake:
// what each setting puts in the request, and what a reply records of how it was served.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSettings } from '../shared/conversation-settings';
import type { ChatStreamEvent, Conversation, Message } from '../shared/domain';
import type { Core } from '../electron/core/core';
import type { Logger } from '../electron/core/logger';
import { createRouter } from '../electron/core/router';
import { fakeKeys, fakeModels } from './fake-openrouter/scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './fake-openrouter/server';
import { startCoreAgainstFake } from './support/core-under-test';

const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeOpenRouter;
let profileDir: string;
let core: Core;

beforeEach(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
  profileDir = mkdtempSync(join(tmpdir(), 'sb-settings-'));
  core = startCoreAgainstFake(fake.baseUrl, profileDir, { logger, retryDelaysMs: [10, 10] });
  await core.keys.save({ key: fakeKeys.valid });
});
afterEach(async () => {
  await core.chat.settled();
  core.close();
  await fake.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await createRouter(core, logger).call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
};

async function send(conversationId: string, text: string, model: string) {
  const events: ChatStreamEvent[] = [];
  for await (const event of core.chat.send({ conversationId, text, model }, new AbortController().signal))
    events.push(event);
  const last = events.at(-1);
  return { last, message: (last && 'message' in last ? last.message : null) as Message };
}

const lastBody = () =>
  fake.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as Record<string, unknown>;

async function conversationWith(model: string, settings: ConversationSettings): Promise<Conversation> {
  const created = await call<Conversation>('conversations:create', { model });
  return call<Conversation>('conversations:set-settings', { id: created.id, settings });
}

describe('conversation settings against the fake', () => {
  it('sends the system prompt, temperature, provider sort and data-collection deny, and records them on the reply', async () => {
    const settings: ConversationSettings = {
      systemPrompt: 'Answer in French.',
      temperature: 0.4,
      routing: { sort: 'price', denyDataCollection: true },
    };
    const conversation = await conversationWith(fakeModels.default, settings);
    expect(conversation.settings).toEqual(settings);
    const { message } = await send(conversation.id, 'Bonjour?', fakeModels.default);
    const body = lastBody();
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'Bonjour?' },
    ]);
    expect(body.temperature).toBe(0.4);
    expect(body.provider).toEqual({ sort: 'price', data_collection: 'deny' });
    expect(body).not.toHaveProperty('top_p');
    expect(message).toMatchObject({ status: 'complete', sentSettings: settings, requestedModel: fakeModels.default });
    expect(message.fallbackFrom).toBeNull();
  });

  it('regenerates a reply as it was sent, or with the settings changed since', async () => {
    const conversation = await conversationWith(fakeModels.default, { temperature: 0.4 });
    const { message } = await send(conversation.id, 'Once more?', fakeModels.default);
    await call('conversations:set-settings', { id: conversation.id, settings: { temperature: 0.9 } });
    const regenerate = async (asSent: boolean) => {
      const input = { conversationId: conversation.id, messageId: message.id, ...(asSent ? { asSent } : {}) };
      const events: ChatStreamEvent[] = [];
      for await (const event of core.chat.regenerate(input, new AbortController().signal)) events.push(event);
      const last = events.at(-1);
      return (last && 'message' in last ? last.message : null) as Message;
    };

    const faithful = await regenerate(true);
    expect(lastBody().temperature).toBe(0.4);
    expect(faithful).toMatchObject({ sentSettings: { temperature: 0.4 }, parentId: message.parentId });
    const current = await regenerate(false);
    expect(lastBody().temperature).toBe(0.9);
    expect(current.sentSettings).toEqual({ temperature: 0.9 });
  });

  it('refuses an out-of-range value with a message naming the field, and changes nothing', async () => {
    const created = await call<Conversation>('conversations:create', { model: fakeModels.default });
    const refused = await createRouter(core, logger).call('conversations:set-settings', {
      id: created.id,
      settings: { temperature: 3 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.message).toMatch(/settings\.temperature/);
    const page = await core.library.get(created.id);
    expect(page.ok && page.value.conversation.settings).toEqual({});
  });

  it('fills unset fields from the defaults for new conversations, and a preset starts a conversation with its own', async () => {
    await call('settings:set-conversation-defaults', { settings: { topP: 0.8, systemPrompt: 'Be brief.' } });
    expect(await call('settings:conversation-defaults', undefined)).toEqual({ topP: 0.8, systemPrompt: 'Be brief.' });
    const preset = await call<{ id: string; model: string; settings: ConversationSettings }>('presets:save', {
      name: 'Private & cheap',
      model: fakeModels.default,
      settings: { routing: { zeroDataRetention: true, maxPrice: { prompt: '1' } }, systemPrompt: 'Be exact.' },
    });
    const conversation = await call<Conversation>('conversations:create', {
      model: preset.model,
      settings: preset.settings,
    });
    await send(conversation.id, 'Hi', preset.model);
    const body = lastBody();
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be exact.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(body.top_p).toBe(0.8);
    expect(body.provider).toEqual({ zdr: true, max_price: { prompt: '1' } });
  });

  it('marks a reply a fallback model answered with the model it stood in for', async () => {
    const conversation = await conversationWith(fakeModels.retainsData, {
      routing: { denyDataCollection: true },
      fallbackModels: [fakeModels.default],
    });
    const { message } = await send(conversation.id, 'Who answers?', fakeModels.retainsData);
    expect(lastBody().models).toEqual([fakeModels.default]);
    expect(message).toMatchObject({
      status: 'complete',
      model: fakeModels.default,
      requestedModel: fakeModels.retainsData,
      fallbackFrom: fakeModels.retainsData,
    });
  });

  it('names the setting to relax when routing leaves no provider', async () => {
    const privacy = await conversationWith(fakeModels.retainsData, { routing: { denyDataCollection: true } });
    const refused = await send(privacy.id, 'Private?', fakeModels.retainsData);
    expect(refused.last).toMatchObject({ type: 'error', error: { code: 'routing_privacy', status: 404 } });
    const price = await conversationWith(fakeModels.default, { routing: { maxPrice: { completion: '0.01' } } });
    const tooDear = await send(price.id, 'Cheap?', fakeModels.default);
    expect(tooDear.last).toMatchObject({ type: 'error', error: { code: 'routing_price' } });
    expect(tooDear.message.error?.code).toBe('routing_price');
  });

  it('keeps the sources web search cited on the reply', async () => {
    const conversation = await conversationWith(fakeModels.default, { webSearch: { enabled: true, maxResults: 2 } });
    const { message } = await send(conversation.id, 'Tides today', fakeModels.default);
    expect(lastBody().plugins).toEqual([{ id: 'web', max_results: 2 }]);
    expect(message.citations?.map((c) => c.url)).toEqual([
      'https://example.com/search/1?q=Tides%20today',
      'https://example.com/search/2?q=Tides%20today',
    ]);
    const page = await core.library.get(conversation.id);
    expect(page.ok && page.value.messages.at(-1)?.citations).toEqual(message.citations);
  });

  it('caches the system prompt and history for an Anthropic model: the second turn shows cached tokens and a saving', async () => {
    const model = 'anthropic/claude-haiku-4.5';
    const conversation = await conversationWith(model, { systemPrompt: 'You are a careful reviewer. '.repeat(120) });
    const first = await send(conversation.id, 'First?', model);
    expect(first.message.usage?.cacheWriteTokens).toBeGreaterThan(0);
    const second = await send(conversation.id, 'Second?', model);
    const sent = lastBody().messages as { role: string; content: unknown }[];
    expect(sent.filter((m) => Array.isArray(m.content))).toHaveLength(2);
    expect(second.message.usage?.cachedTokens).toBe(first.message.usage?.cacheWriteTokens);
    expect(Number(second.message.usage?.cacheDiscountUsd)).toBeGreaterThan(0);
    const page = await core.library.get(conversation.id);
    expect(page.ok && page.value.messages.at(-1)?.usage?.cacheDiscountUsd).toBe(second.message.usage?.cacheDiscountUsd);
  });
});
