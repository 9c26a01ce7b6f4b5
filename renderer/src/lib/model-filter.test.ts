import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../../shared/domain';
import { filterModels } from './model-filter';

const model = (id: string, name: string): ModelSummary => ({
  id,
  name,
  contextLength: null,
  promptPrice: null,
  completionPrice: null,
  isFree: false,
  inputModalities: ['text'],
  supportsReasoning: false,
  maxCompletionTokens: null,
});

const catalogue = [
  model('anthropic/claude-sonnet-4', 'Anthropic: Claude Sonnet 4'),
  model('openai/gpt-4o', 'OpenAI: GPT-4o'),
  model('meta/llama-openai-compat', 'Llama (OpenAI compatible)'),
  model('openai/gpt-4o-mini', 'OpenAI: GPT-4o mini'),
];

describe('filterModels', () => {
  it('returns the catalogue for an empty query, up to the limit', () => {
    expect(filterModels(catalogue, '  ', 2).map((m) => m.id)).toEqual(['anthropic/claude-sonnet-4', 'openai/gpt-4o']);
  });

  it('matches every word against id and name, ignoring case', () => {
    expect(filterModels(catalogue, 'CLAUDE sonnet').map((m) => m.id)).toEqual(['anthropic/claude-sonnet-4']);
    expect(filterModels(catalogue, 'gpt mini').map((m) => m.id)).toEqual(['openai/gpt-4o-mini']);
  });

  it('puts ids that start with the query first', () => {
    expect(filterModels(catalogue, 'openai').map((m) => m.id)).toEqual([
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
      'meta/llama-openai-compat',
    ]);
  });

  it('finds nothing for an unknown model', () => {
    expect(filterModels(catalogue, 'mistral')).toEqual([]);
  });
});
