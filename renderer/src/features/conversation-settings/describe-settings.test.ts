import { describe, expect, it } from 'vitest';
import { describeSettings } from './describe-settings';

describe('settings in words', () => {
  it('names every field that was set, and nothing for defaults', () => {
    expect(describeSettings({})).toEqual([]);
    expect(
      describeSettings({
        systemPrompt: 'Be   brief.\nAlways.',
        temperature: 0,
        topP: 0.9,
        reasoningMaxTokens: 4096,
        showReasoning: false,
        routing: {
          sort: 'price',
          order: ['azure'],
          ignore: ['deepinfra'],
          allowFallbacks: false,
          denyDataCollection: true,
          zeroDataRetention: true,
          maxPrice: { prompt: '2.5' },
        },
        fallbackModels: ['openai/gpt-4o'],
        webSearch: { enabled: true, maxResults: 3 },
        promptCaching: false,
      }),
    ).toEqual([
      'system prompt “Be brief. Always.”',
      'temperature 0',
      'top-p 0.9',
      'reasoning budget 4.1K tokens',
      'reasoning hidden',
      'cheapest providers first',
      'prefer azure',
      'never deepinfra',
      'no other providers',
      'no data collection',
      'zero data retention',
      'prompt at most $2.5/M',
      'fallbacks openai/gpt-4o',
      'web search (3 results)',
      'prompt caching off',
    ]);
  });

  it('shortens a long system prompt to one line', () => {
    const [phrase] = describeSettings({ systemPrompt: 'x'.repeat(200) });
    expect(phrase).toBe(`system prompt “${'x'.repeat(79)}…”`);
  });
});
