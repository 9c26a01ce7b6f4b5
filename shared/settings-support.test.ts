import { describe, expect, it } from 'vitest';
import type { ModelSummary } from './domain';
import { ignoredSettings, modelTakes, takesExplicitCaching } from './settings-support';

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
  });

  it('names only the settings that are set and not taken', () => {
    const plain = model({ supportedParameters: ['top_p'] });
    expect(ignoredSettings({ temperature: 1, topP: 0.5, showReasoning: false }, plain)).toEqual([
      'temperature',
      'reasoning',
    ]);
    expect(ignoredSettings({ topP: 0.5 }, plain)).toEqual([]);
    expect(ignoredSettings({}, plain)).toEqual([]);
  });

  it('marks caching breakpoints for Anthropic and Google models only', () => {
    expect(takesExplicitCaching('anthropic/claude-sonnet-4.5')).toBe(true);
    expect(takesExplicitCaching('google/gemini-2.5-pro')).toBe(true);
    expect(takesExplicitCaching('openai/gpt-4o')).toBe(false);
  });
});
