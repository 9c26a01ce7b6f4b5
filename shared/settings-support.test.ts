import { describe, expect, it } from 'vitest';
import type { ModelSummary } from './domain';
import { reasoningEfforts } from './conversation-settings';
import { acceptedEfforts, clampEffort, ignoredSettings, modelTakes, takesExplicitCaching } from './settings-support';

const model = (overrides: Partial<ModelSummary>): ModelSummary =>
  ({ id: 'a/b', supportedParameters: [], supportsReasoning: false, isRouter: false, ...overrides }) as ModelSummary;

describe('which settings a model takes', () => {
  it('reads the catalogue’s parameters, and assumes support when nothing is known', () => {
    const sampler = model({ supportedParameters: ['temperature'] });
    expect(modelTakes(sampler, 'temperature')).toBe(true);
    expect(modelTakes(sampler, 'topP')).toBe(false);
    expect(modelTakes(model({ supportedParameters: null }), 'topP')).toBe(true);
    expect(modelTakes(null, 'reasoning')).toBe(true);
    expect(modelTakes(model({ isRouter: true }), 'temperature')).toBe(true);
    expect(modelTakes(model({ supportedParameters: ['include_reasoning'] }), 'reasoning')).toBe(true);
    expect(modelTakes(model({ supportsReasoning: true }), 'reasoning')).toBe(true);
    expect(modelTakes(model({ supportsReasoning: true }), 'temperature')).toBe(false);
  });

  it('names only the settings that are set and not taken', () => {
    const plain = model({ supportedParameters: ['top_p'] });
    expect(ignoredSettings({ temperature: 1, topP: 0.5, showReasoning: false }, plain)).toEqual([
      'temperature',
      'reasoning',
    ]);
    expect(ignoredSettings({ topP: 0.5 }, plain)).toEqual([]);
    const sampler = model({ supportedParameters: ['temperature'] });
    expect(ignoredSettings({ topP: 0.5 }, sampler)).toEqual(['topP']);
    expect(ignoredSettings({ temperature: 0.2 }, sampler)).toEqual([]);
    expect(ignoredSettings({ reasoningEffort: 'high' }, sampler)).toEqual(['reasoning']);
    expect(ignoredSettings({ reasoningMaxTokens: 2_000 }, sampler)).toEqual(['reasoning']);
    expect(ignoredSettings({}, plain)).toEqual([]);
  });

  it('marks caching breakpoints for Anthropic and Google models only', () => {
    expect(takesExplicitCaching('anthropic/claude-sonnet-4.5')).toBe(true);
    expect(takesExplicitCaching('google/gemini-2.5-pro')).toBe(true);
    expect(takesExplicitCaching('openai/gpt-4o')).toBe(false);
    // A leading `~` is not part of the author; one anywhere else is.
    expect(takesExplicitCaching('~anthropic/claude-sonnet-latest')).toBe(true);
    expect(takesExplicitCaching('open~anthropic/x')).toBe(false);
  });
});

describe('require parameters and reasoning efforts', () => {
  it('leaves nothing out when the person asked OpenRouter to require every parameter', () => {
    const plain = model({ supportedParameters: ['top_p'] });
    expect(ignoredSettings({ temperature: 1, routing: { requireParameters: true } }, plain)).toEqual([]);
  });

  it('offers the catalogue’s efforts, or the documented set, and clamps to the nearest (the weaker on a tie)', () => {
    const listed = model({ reasoningEfforts: ['low', 'high', 'unheard-of'] });
    expect(acceptedEfforts(listed)).toEqual(['low', 'high']);
    expect(acceptedEfforts(model({ reasoningEfforts: null }))).toEqual(reasoningEfforts);
    expect(acceptedEfforts(model({ reasoningEfforts: [] }))).toEqual(reasoningEfforts);
    expect(acceptedEfforts(model({ reasoningEfforts: ['unheard-of'] }))).toEqual(reasoningEfforts);
    expect(clampEffort('high', listed)).toBe('high');
    expect(clampEffort('low', listed)).toBe('low');
    expect(clampEffort('medium', listed)).toBe('low');
    expect(clampEffort('max', listed)).toBe('high');
    expect(clampEffort('none', listed)).toBe('low');
    expect(clampEffort('none', null)).toBe('none');
  });
});
