import { describe, expect, it } from 'vitest';
import type { ConversationSettings } from '../../../shared/conversation-settings';
import type { ModelSummary } from '../../../shared/domain';
import type { ChatMessage, ContentPart } from '../openrouter/types';
import { answerRoomAboveBudget, buildRequest, maxCacheBreakpoints, outputCapWith } from './request-settings';

type ModelFacts = ModelSummary | null;
const facts = (overrides: Partial<ModelSummary>): ModelSummary =>
  ({ supportsReasoning: false, isRouter: false, reasoningEfforts: null, ...overrides }) as ModelSummary;
const gpt = facts({ id: 'openai/gpt-4o', supportedParameters: ['temperature', 'top_p', 'max_tokens'] });
const o3 = facts({
  id: 'openai/o3',
  supportedParameters: ['reasoning', 'include_reasoning', 'max_tokens'],
  supportsReasoning: true,
  reasoningEfforts: ['low', 'medium', 'high'],
});
const history: ChatMessage[] = [
  { role: 'user', content: 'First question' },
  { role: 'assistant', content: 'First answer' },
  { role: 'user', content: 'Second question' },
];

describe('buildRequest', () => {
  it('sends nothing extra for no settings', () => {
    expect(buildRequest('openai/gpt-4o', gpt, {}, history)).toEqual({ messages: history, options: {}, ignored: [] });
  });

  it('puts the system prompt first and sends the sampling parameters the model takes', () => {
    const built = buildRequest(
      'openai/gpt-4o',
      gpt,
      { systemPrompt: 'Be brief.', temperature: 0.3, topP: 0.9 },
      history,
    );
    expect(built.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(built.messages.slice(1)).toEqual(history);
    expect(built.options).toEqual({ temperature: 0.3, top_p: 0.9 });
    expect(buildRequest('openai/gpt-4o', gpt, { systemPrompt: '   ' }, history).messages).toEqual(history);
  });

  it('leaves out parameters the model does not take, and says which', () => {
    const built = buildRequest('openai/o3', o3, { temperature: 0.3, topP: 0.5, reasoningEffort: 'high' }, history);
    expect(built.options).toEqual({ reasoning: { effort: 'high' } });
    expect(built.ignored).toEqual(['temperature', 'topP']);
    expect(buildRequest('openai/gpt-4o', gpt, { reasoningEffort: 'low', showReasoning: false }, history)).toEqual({
      messages: history,
      options: {},
      ignored: ['reasoning'],
    });
  });

  it('with "require parameters" sends them anyway and asks OpenRouter for providers that take them', () => {
    const built = buildRequest('openai/o3', o3, { temperature: 0.3, routing: { requireParameters: true } }, history);
    expect(built.options).toEqual({ temperature: 0.3, provider: { require_parameters: true } });
    expect(built.ignored).toEqual([]);
  });

  it('sends every setting as set to a model the catalogue does not know (an @preset id)', () => {
    const built = buildRequest('@preset/team', null, { temperature: 1, reasoningEffort: 'max' }, history);
    expect(built.options).toEqual({ temperature: 1, reasoning: { effort: 'max' } });
  });

  it('clamps the reasoning effort to the nearest one the model takes, the weaker on a tie', () => {
    const effort = (reasoningEffort: ConversationSettings['reasoningEffort']) =>
      buildRequest('openai/o3', o3, { reasoningEffort }, history).options.reasoning?.effort;
    expect(effort('medium')).toBe('medium');
    expect(effort('xhigh')).toBe('high');
    expect(effort('max')).toBe('high');
    expect(effort('minimal')).toBe('low');
    expect(effort('none')).toBe('low');
    const unlisted: ModelFacts = facts({ ...o3, reasoningEfforts: null });
    expect(buildRequest('openai/o3', unlisted, { reasoningEffort: 'none' }, history).options.reasoning).toEqual({
      effort: 'none',
    });
    const twoOnly: ModelFacts = facts({ ...o3, reasoningEfforts: ['low', 'high'] });
    expect(buildRequest('openai/o3', twoOnly, { reasoningEffort: 'medium' }, history).options.reasoning).toEqual({
      effort: 'low',
    });
  });

  it('sends an effort or a token budget, never both, and excludes reasoning when it is not to be shown', () => {
    const both = buildRequest('openai/o3', o3, { reasoningEffort: 'low', reasoningMaxTokens: 4000 }, history);
    expect(both.options.reasoning).toEqual({ effort: 'low' });
    expect(both.ignored).toEqual([]);
    const budget = buildRequest('openai/o3', o3, { reasoningMaxTokens: 4000, showReasoning: false }, history);
    expect(budget.options.reasoning).toEqual({ max_tokens: 4000, exclude: true });
    expect(buildRequest('openai/o3', o3, { showReasoning: true }, history).options.reasoning).toBeUndefined();
  });

  it('raises the output cap above a reasoning token budget, and leaves it alone otherwise', () => {
    const budget = buildRequest('openai/o3', o3, { reasoningMaxTokens: 8000 }, history).options;
    expect(outputCapWith(4096, budget)).toBe(8000 + answerRoomAboveBudget);
    // A cap equal to the budget leaves no room for the answer, so it is raised too.
    expect(outputCapWith(8000, budget)).toBe(8000 + answerRoomAboveBudget);
    expect(outputCapWith(16_000, budget)).toBe(16_000);
    expect(outputCapWith(4096, buildRequest('openai/o3', o3, { reasoningEffort: 'high' }, history).options)).toBe(4096);
  });

  it('turns routing and privacy into the provider object, only what is set', () => {
    const built = buildRequest(
      'openai/gpt-4o',
      gpt,
      {
        routing: {
          sort: 'throughput',
          order: ['openai', 'azure'],
          only: [],
          ignore: ['deepinfra'],
          allowFallbacks: false,
          denyDataCollection: true,
          zeroDataRetention: true,
          maxPrice: { prompt: '2.5' },
        },
      },
      history,
    );
    expect(built.options.provider).toEqual({
      sort: 'throughput',
      order: ['openai', 'azure'],
      ignore: ['deepinfra'],
      allow_fallbacks: false,
      data_collection: 'deny',
      zdr: true,
      max_price: { prompt: '2.5' },
    });
    const only = buildRequest('openai/gpt-4o', gpt, { routing: { only: ['openai'] } }, history);
    expect(only.options.provider).toEqual({ only: ['openai'] });
    const off = buildRequest('openai/gpt-4o', gpt, { routing: { denyDataCollection: false, maxPrice: {} } }, history);
    expect(off.options.provider).toBeUndefined();
  });

  it('sends a price cap on either side alone, or on both', () => {
    const maxPrice = (price: { prompt?: string; completion?: string }) =>
      buildRequest('openai/gpt-4o', gpt, { routing: { maxPrice: price } }, history).options.provider?.max_price;
    expect(maxPrice({ completion: '10' })).toEqual({ completion: '10' });
    expect(maxPrice({ prompt: '2.5', completion: '10' })).toEqual({ prompt: '2.5', completion: '10' });
  });

  it('lists at most three fallback models after the model itself, without repeating it', () => {
    const settings = { fallbackModels: ['openai/gpt-4o', 'a/one', 'a/two', 'a/one', 'a/three', 'a/four'] };
    // The schema allows three; a longer list (an old row, a hand-edited file) is still cut to what OpenRouter takes.
    const built = buildRequest('openai/gpt-4o', gpt, settings as ConversationSettings, history);
    expect(built.options.models).toEqual(['a/one', 'a/two', 'a/three']);
    expect(buildRequest('openai/gpt-4o', gpt, { fallbackModels: ['openai/gpt-4o'] }, history).options.models).toBe(
      undefined,
    );
  });

  it('asks for web search through the web plugin, with the result count when set', () => {
    expect(
      buildRequest('openai/gpt-4o', gpt, { webSearch: { enabled: true, maxResults: 3 } }, history).options,
    ).toEqual({ plugins: [{ id: 'web', max_results: 3 }] });
    expect(buildRequest('openai/gpt-4o', gpt, { webSearch: { enabled: true } }, history).options.plugins).toEqual([
      { id: 'web' },
    ]);
    expect(buildRequest('openai/gpt-4o', gpt, { webSearch: { enabled: false } }, history).options).toEqual({});
  });

  it('places cache breakpoints on the system prompt and the last message before the question, for Anthropic', () => {
    const built = buildRequest('anthropic/claude-sonnet-4.5', null, { systemPrompt: 'Be kind.' }, history);
    const marked = (content: string) => [{ type: 'text', text: content, cache_control: { type: 'ephemeral' } }];
    expect(built.messages).toEqual([
      { role: 'system', content: marked('Be kind.') },
      { role: 'user', content: 'First question' },
      { role: 'assistant', content: marked('First answer') },
      { role: 'user', content: 'Second question' },
    ]);
    const breakpoints = built.messages.filter((m) => Array.isArray(m.content)).length;
    expect(breakpoints).toBeLessThanOrEqual(maxCacheBreakpoints);
  });

  it('places one breakpoint on a first turn, none without a system prompt there, and counts a prefill right', () => {
    const first: ChatMessage[] = [{ role: 'user', content: 'Hi' }];
    expect(buildRequest('anthropic/claude-haiku-4.5', null, {}, first).messages).toEqual(first);
    const withPrefill: ChatMessage[] = [...history, { role: 'assistant', content: 'So far' }];
    const built = buildRequest('google/gemini-2.5-pro', null, {}, withPrefill);
    expect(built.messages.map((m) => Array.isArray(m.content))).toEqual([false, true, false, false]);
  });

  it('places no breakpoints for models that cache on their own, or when caching is turned off', () => {
    expect(
      buildRequest('openai/gpt-4o', gpt, { systemPrompt: 'x' }, history).messages.every(
        (m) => !Array.isArray(m.content),
      ),
    ).toBe(true);
    const off = buildRequest('anthropic/claude-sonnet-4.5', null, { systemPrompt: 'x', promptCaching: false }, history);
    expect(off.messages.every((m) => typeof m.content === 'string')).toBe(true);
  });
});

describe('buildRequest cache breakpoints on messages in parts', () => {
  const ephemeral = { type: 'ephemeral' };
  const image: ContentPart = { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } };
  const before = (message: ChatMessage): ChatMessage[] => [
    { role: 'user', content: 'Draw a cat' },
    message,
    { role: 'user', content: 'Now a dog' },
  ];
  const marked = (message: ChatMessage) =>
    buildRequest('anthropic/claude-sonnet-4.5', null, {}, before(message)).messages[1];

  it('marks the first text part of a message with pictures, and leaves the pictures as they are', () => {
    const reply: ChatMessage = {
      role: 'assistant',
      content: [image, { type: 'text', text: 'A cat.' }, { type: 'text', text: 'Another.' }],
    };
    expect(marked(reply)).toEqual({
      role: 'assistant',
      content: [image, { type: 'text', text: 'A cat.', cache_control: ephemeral }, { type: 'text', text: 'Another.' }],
    });
  });

  it('joins a message of text parts into one marked text part', () => {
    const reply: ChatMessage = {
      role: 'assistant',
      content: [
        { type: 'text', text: 'A ' },
        { type: 'text', text: 'cat.' },
      ],
    };
    expect(marked(reply)).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: 'A cat.', cache_control: ephemeral }],
    });
  });

  it('leaves an empty message unmarked (an empty text part cannot carry a breakpoint)', () => {
    expect(marked({ role: 'assistant', content: '' })).toEqual({ role: 'assistant', content: '' });
  });

  it('sends no messages for an empty history', () => {
    expect(buildRequest('anthropic/claude-sonnet-4.5', null, {}, []).messages).toEqual([]);
  });
});
