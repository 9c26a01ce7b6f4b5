import { describe, expect, it } from 'vitest';
import { messageFixture, usageFixture } from '../../../../shared/test-support/domain-fixtures';
import { fallbackText, replyMetaParts, reroutedFrom, tokensPerSecond } from './reply-meta';

const usage = usageFixture({
  promptTokens: 100,
  completionTokens: 50,
  totalTokens: 150,
  costUsd: '0.000024',
  isByok: false,
});

describe('replyMetaParts', () => {
  it('says who answered, who served it and how fast', () => {
    const message = messageFixture({
      model: 'openai/gpt-4o-mini',
      provider: 'Azure',
      firstTokenMs: 420,
      durationMs: 1420,
      usage,
      status: 'complete',
    });
    expect(replyMetaParts(message).map((part) => part.text)).toEqual([
      'gpt-4o-mini',
      'Azure',
      '0.42 s to first token',
      '50 tokens/s',
      '150 tokens',
    ]);
  });

  it('leaves out what is not known', () => {
    const message = messageFixture({ model: 'openai/gpt-4o', provider: null, usage: null });
    expect(replyMetaParts(message).map((part) => part.text)).toEqual(['gpt-4o']);
  });
});

describe('fallbackText', () => {
  const names: Record<string, string> = { 'openai/gpt-4o-mini': 'OpenAI: GPT-4o mini' };
  const nameOf = (id: string) => names[id] ?? null;

  it('names the model that answered and the one asked for, by catalogue name where known', () => {
    const message = messageFixture({ model: 'openai/gpt-4o-mini', fallbackFrom: 'acme/retains-data' });
    expect(fallbackText(message, nameOf)).toBe('answered by OpenAI: GPT-4o mini, fallback from retains-data');
    expect(replyMetaParts(message, nameOf)[0]).toMatchObject({
      text: 'answered by OpenAI: GPT-4o mini, fallback from retains-data',
      stressed: true,
    });
  });

  it('is nothing when the requested model answered', () => {
    const message = messageFixture({ model: 'openai/gpt-4o-mini', fallbackFrom: null });
    expect(fallbackText(message, nameOf)).toBeNull();
    expect(replyMetaParts(message, nameOf)[0]?.text).toBe('gpt-4o-mini');
  });
});

describe('tokensPerSecond', () => {
  it('counts only the time spent writing, after the first token', () => {
    expect(tokensPerSecond(messageFixture({ usage, firstTokenMs: 1000, durationMs: 3000 }))).toBe(25);
  });

  it('is unknown without timing, tokens or writing time', () => {
    expect(tokensPerSecond(messageFixture({ usage, firstTokenMs: null, durationMs: 3000 }))).toBeNull();
    expect(tokensPerSecond(messageFixture({ usage: null, firstTokenMs: 1, durationMs: 3000 }))).toBeNull();
    expect(tokensPerSecond(messageFixture({ usage, firstTokenMs: 3000, durationMs: 3000 }))).toBeNull();
  });
});

describe('a reply served by another provider than the preferred ones', () => {
  const served = (provider: string, routing: object | undefined) =>
    messageFixture({ role: 'assistant', provider, sentSettings: routing ? { routing } : {} });

  it('names the preferred provider it was routed away from, and nothing when one of them served it', () => {
    expect(reroutedFrom(served('DeepInfra', { order: ['together', 'fireworks'] }))).toBe('together');
    expect(reroutedFrom(served('Together', { order: ['fireworks', 'together'] }))).toBeNull();
    expect(reroutedFrom(served('Google Vertex', { only: ['google-vertex/us-east5'] }))).toBeNull();
    expect(reroutedFrom(served('OpenAI', { sort: 'price' }))).toBeNull();
    expect(reroutedFrom(served('OpenAI', undefined))).toBeNull();
    const parts = replyMetaParts(served('DeepInfra', { order: ['together'] }));
    expect(parts.find((part) => part.stressed)?.text).toBe('served by DeepInfra, not together');
  });
});
