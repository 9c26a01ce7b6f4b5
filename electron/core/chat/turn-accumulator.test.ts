import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../shared/domain';
import { messageFixture } from '../../../shared/test-support/domain-fixtures';
import { TurnAccumulator } from './turn-accumulator';

const citation = (url: string, title: string | null = null): Citation => ({
  url,
  title,
  content: null,
  startIndex: null,
  endIndex: null,
});

describe('TurnAccumulator', () => {
  it('starts a new reply with nothing said, nothing heard and nothing to save', () => {
    const turn = new TurnAccumulator('openai/gpt-4o-mini');
    expect(turn.content).toBe('');
    expect(turn.reasoningOrNull()).toBeNull();
    expect(turn.toolCallsOrNull()).toBeNull();
    expect(turn.citationsOrNull()).toBeNull();
    expect(turn.provider).toBeNull();
    expect(turn.heard).toBe(false);
    expect(turn.dirty).toBe(false);
  });

  it('carries on a continued reply: its text, reasoning, tool calls, provider and sources', () => {
    const continued = messageFixture({
      content: 'Once upon',
      reasoning: 'Plan the story.',
      provider: 'OpenAI',
      toolCalls: [{ id: 't1', name: 'search', arguments: '{}' }],
      citations: [citation('https://a.example')],
    });
    const turn = new TurnAccumulator('openai/gpt-4o-mini', continued);
    turn.apply({ type: 'delta', text: ' a time' });
    turn.apply({ type: 'reasoning', text: ' Then tell it.' });
    turn.apply({ type: 'tool-call', index: 0, id: 't2', name: 'fetch', arguments: '{"u":1}' });
    turn.apply({ type: 'citations', citations: [citation('https://b.example')] });

    expect(turn.content).toBe('Once upon a time');
    expect(turn.reasoningOrNull()).toBe('Plan the story. Then tell it.');
    expect(turn.provider).toBe('OpenAI');
    expect(turn.toolCallsOrNull()).toEqual([
      { id: 't1', name: 'search', arguments: '{}' },
      { id: 't2', name: 'fetch', arguments: '{"u":1}' },
    ]);
    expect(turn.citationsOrNull()?.map((c) => c.url)).toEqual(['https://a.example', 'https://b.example']);
  });

  it('streams reasoning to the page and keeps it, marking the turn heard and unsaved', () => {
    const turn = new TurnAccumulator('m');
    expect(turn.apply({ type: 'reasoning', text: 'Think' })).toEqual({ type: 'reasoning', text: 'Think' });
    turn.apply({ type: 'reasoning', text: 'ing.' });
    expect(turn.reasoningOrNull()).toBe('Thinking.');
    expect(turn.heard).toBe(true);
    expect(turn.dirty).toBe(true);
  });

  it('counts a tool call or a picture as an answer (no automatic retry after it), without streaming either', () => {
    const calling = new TurnAccumulator('m');
    expect(calling.apply({ type: 'tool-call', index: 0, id: null, name: 'search', arguments: '' })).toBeNull();
    expect(calling.heard).toBe(true);

    const drawing = new TurnAccumulator('m');
    expect(drawing.apply({ type: 'images', urls: ['data:image/png;base64,AA=='] })).toBeNull();
    expect(drawing.heard).toBe(true);
    expect(drawing.imageUrls).toEqual(['data:image/png;base64,AA==']);
  });

  it('keeps each cited URL once, in the order it first came', () => {
    const turn = new TurnAccumulator('m');
    turn.apply({ type: 'citations', citations: [citation('https://a.example', 'A'), citation('https://b.example')] });
    turn.apply({
      type: 'citations',
      citations: [citation('https://a.example', 'A again'), citation('https://c.example')],
    });
    expect(turn.citationsOrNull()).toEqual([
      citation('https://a.example', 'A'),
      citation('https://b.example'),
      citation('https://c.example'),
    ]);
  });

  it('takes the model, provider and generation id the stream starts with', () => {
    const turn = new TurnAccumulator('openrouter/auto');
    turn.apply({ type: 'started', model: 'openai/gpt-4o', provider: 'Azure', generationId: 'gen-1' });
    expect([turn.model, turn.provider, turn.generationId]).toEqual(['openai/gpt-4o', 'Azure', 'gen-1']);
  });

  it('learns the generation id from the end of the stream when the start did not say it, and keeps the first one', () => {
    for (const end of ['done', 'error'] as const) {
      const unnamed = new TurnAccumulator('m');
      unnamed.apply(terminal(end, 'gen-late'));
      expect(unnamed.generationId).toBe('gen-late');

      const named = new TurnAccumulator('m');
      named.apply({ type: 'started', model: 'm', provider: null, generationId: 'gen-1' });
      named.apply(terminal(end, 'gen-late'));
      expect(named.generationId).toBe('gen-1');
    }
  });
});

function terminal(type: 'done' | 'error', generationId: string) {
  return type === 'done'
    ? { type, finishReason: 'stop', generationId }
    : { type, error: { code: 'upstream_error' as const, message: 'x' }, generationId };
}
