import { describe, expect, it } from 'vitest';
import {
  conversationSettingsSchema,
  effectiveSettings,
  fieldsDifferingFromDefaults,
  presetsFileSchema,
  promptSnippetsSchema,
  settingsToStore,
  toPresetsFile,
} from './conversation-settings';

describe('conversation settings', () => {
  it('lays the conversation’s own fields over the defaults, routing field by field', () => {
    const defaults = { temperature: 0.2, routing: { sort: 'price' as const, denyDataCollection: true } };
    const own = { temperature: 1, routing: { sort: 'latency' as const } };
    expect(effectiveSettings(defaults, own)).toEqual({
      temperature: 1,
      routing: { sort: 'latency', denyDataCollection: true },
    });
    expect(effectiveSettings(defaults, {})).toEqual(defaults);
    expect(effectiveSettings({}, { systemPrompt: 'Be brief' })).toEqual({ systemPrompt: 'Be brief' });
    expect(effectiveSettings({}, { routing: { sort: 'price' } })).toEqual({ routing: { sort: 'price' } });
    expect(effectiveSettings({ routing: { sort: 'price' } }, {})).toEqual({ routing: { sort: 'price' } });
  });

  it('names only the fields whose value differs from the defaults', () => {
    const defaults = { temperature: 0.2, topP: 0.9 };
    expect(fieldsDifferingFromDefaults(defaults, { temperature: 0.2, topP: 0.5, systemPrompt: 'x' })).toEqual([
      'topP',
      'systemPrompt',
    ]);
    expect(fieldsDifferingFromDefaults(defaults, {})).toEqual([]);
    expect(
      fieldsDifferingFromDefaults({ routing: { sort: 'price' } }, { routing: { denyDataCollection: true } }),
    ).toEqual(['routing']);
  });

  it('stores only what differs from the defaults, an emptied default prompt as an empty one', () => {
    const defaults = { systemPrompt: 'Be brief', temperature: 0.2 };
    expect(settingsToStore({ systemPrompt: 'Be brief', temperature: 0.9, topP: 0.5 }, defaults)).toEqual({
      temperature: 0.9,
      topP: 0.5,
    });
    expect(settingsToStore({ temperature: 0.2 }, defaults)).toEqual({ systemPrompt: '' });
    expect(effectiveSettings(defaults, settingsToStore({ topP: 0.5 }, defaults))).toEqual({
      systemPrompt: '',
      temperature: 0.2,
      topP: 0.5,
    });
  });

  it('refuses out-of-range values and unknown fields with a message naming the field', () => {
    const bad = conversationSettingsSchema.safeParse({ temperature: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['temperature']);
    expect(conversationSettingsSchema.safeParse({ fallbackModels: ['a/b', 'c/d', 'e/f', 'g/h'] }).success).toBe(false);
    expect(conversationSettingsSchema.safeParse({ routing: { maxPrice: { prompt: '-1' } } }).success).toBe(false);
    expect(conversationSettingsSchema.safeParse({ routing: { order: ['anthropic; drop'] } }).success).toBe(false);
    expect(conversationSettingsSchema.safeParse({ seed: 1 }).success).toBe(false);
    expect(
      conversationSettingsSchema.safeParse({
        systemPrompt: 'Be brief',
        routing: { order: ['google-vertex/us-east5'], maxPrice: { prompt: '2.5' } },
        fallbackModels: ['a/b'],
      }).success,
    ).toBe(true);
  });

  it('reads a presets file only in its own format', () => {
    const file = {
      format: 'switchboard-presets',
      version: 1,
      presets: [{ name: 'Coder', model: 'a/b', settings: {} }],
    };
    expect(presetsFileSchema.safeParse(file).success).toBe(true);
    expect(presetsFileSchema.safeParse({ ...file, version: 2 }).success).toBe(false);
  });

  it('writes a presets file that reads back, leaving the ids behind (import gives new ones)', () => {
    const presets = [
      { id: 'p1', name: 'Coder', model: 'a/b', settings: { temperature: 0.2 } },
      { id: 'p2', name: 'Writer', model: 'c/d', settings: {} },
    ];
    const file = toPresetsFile(presets);
    expect(file).toEqual({
      format: 'switchboard-presets',
      version: 1,
      presets: [
        { name: 'Coder', model: 'a/b', settings: { temperature: 0.2 } },
        { name: 'Writer', model: 'c/d', settings: {} },
      ],
    });
    expect(presetsFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });

  it('keeps prompt snippets under names of their own', () => {
    const snippet = (name: string) => ({ name, text: `Prompt for ${name}` });
    expect(promptSnippetsSchema.safeParse([snippet('Brief'), snippet('Formal')]).success).toBe(true);
    const twice = promptSnippetsSchema.safeParse([snippet('Brief'), snippet('Formal'), snippet('Brief')]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('each snippet needs its own name');
  });
});
