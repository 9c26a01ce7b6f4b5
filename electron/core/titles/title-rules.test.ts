// Which replies earn a generated title, what the model is shown, how its charge is booked and what a cleaned title
// looks like — through TitleGenerator's and cleanTitle's public entry points, with the history and OpenRouter faked
// (title-generator.test.ts runs the same module on a real history file).

import { describe, expect, it } from 'vitest';
import type { Message, Usage } from '../../../shared/domain';
import { messageFixture, usageFixture } from '../../../shared/test-support/domain-fixtures';
import { defaultConversationTitle } from '../../../shared/title';
import type { GenerationStats, UpstreamEvent } from '../openrouter/types';
import { TitleGenerator, cleanTitle, defaultTitleModel, type TitleGeneratorDeps } from './title-generator';

const usage = (cost: string | null): Usage =>
  usageFixture({ promptTokens: 120, completionTokens: 6, totalTokens: 126, costUsd: cost, isByok: false });

const message = (overrides: Partial<Message>): Message =>
  messageFixture({ conversationId: 'c', status: 'complete', model: null, createdAt: 1, ...overrides });

const question = message({ id: 'q', role: 'user', content: 'What should I pack for Lisbon?', parentId: null });
const reply = message({ id: 'r', role: 'assistant', content: 'Light clothes; May is warm.', parentId: 'q' });

const answer = (text: string, cost: string | null = '0.00002'): UpstreamEvent[] => [
  { type: 'started', generationId: 'gen-title', model: defaultTitleModel, provider: 'OpenAI' },
  { type: 'delta', text },
  { type: 'usage', usage: usage(cost) },
  { type: 'done', finishReason: 'stop', generationId: 'gen-title' },
];

const stats = (provider: string | null): GenerationStats => ({
  id: 'gen-title',
  totalCostUsd: '0.00003',
  promptTokens: 118,
  completionTokens: 5,
  reasoningTokens: null,
  cachedTokens: null,
  cancelled: false,
  model: defaultTitleModel,
  provider,
  finishReason: 'stop',
  isByok: false,
});

interface Options {
  events?: UpstreamEvent[];
  /** Called between the model's events, e.g. to close the generator while it answers. */
  during?: (generator: TitleGenerator) => void;
  messages?: Message[];
  title?: string | null;
  enabled?: boolean;
  generation?: GenerationStats | null;
}

function setUp(options: Options = {}) {
  const messages = options.messages ?? [question, reply];
  let currentTitle = options.title === undefined ? question.content : options.title;
  const requests: { content: string }[] = [];
  const renamed: string[] = [];
  const spent: { generationId: string; provider: string | null; cost: string | null }[] = [];
  const warnings: string[] = [];
  const lookups: string[] = [];
  const deps: TitleGeneratorDeps = {
    streamer: {
      async *streamChat(request) {
        requests.push({ content: String(request.messages[1]!.content) });
        const events = options.events ?? answer('Packing for Lisbon');
        for (const [i, event] of events.entries()) {
          if (i === events.length - 1) options.during?.(generator);
          yield event;
        }
      },
      getGeneration: async (id) => {
        lookups.push(id);
        return options.generation
          ? { ok: true, value: options.generation }
          : { ok: false, error: { code: 'x' } as never };
      },
    },
    enabled: () => options.enabled ?? true,
    findMessage: (_c, id) => messages.find((m) => m.id === id) ?? null,
    currentTitle: () => currentTitle,
    rename: (_c, title) => {
      currentTitle = title;
      renamed.push(title);
    },
    recordSpend: (owner, charged, provider) =>
      spent.push({ generationId: owner.generationId, provider, cost: charged.costUsd }),
    logger: { info: () => {}, warn: (text: string) => void warnings.push(text), error: () => {} },
  };
  const generator = new TitleGenerator(deps);
  const run = async (r: Message = reply) => {
    generator.afterReply('c', r);
    await generator.idle();
  };
  return { generator, run, requests, renamed, spent, warnings, lookups, deps };
}

describe('which replies earn a generated title', () => {
  it('the first complete answer to the opening question, with the title still the derived one', async () => {
    const t = setUp();
    await t.run();
    expect(t.renamed).toEqual(['Packing for Lisbon']);
  });

  it('a conversation still called "New chat" (an empty question gave no title) is named too', async () => {
    const t = setUp({ title: defaultConversationTitle });
    await t.run();
    expect(t.renamed).toEqual(['Packing for Lisbon']);
  });

  it.each([
    ['a reply still streaming', { status: 'streaming' }],
    ['a failed reply', { status: 'error' }],
    ['a stopped reply', { status: 'stopped' }],
    ['the person’s own message', { role: 'user' }],
    ['a blank reply', { content: '  \n ' }],
    ['a reply with no question above it', { parentId: null }],
  ] as [string, Partial<Message>][])('never %s', async (_name, overrides) => {
    const t = setUp();
    await t.run({ ...reply, ...overrides } as Message);
    expect(t.requests).toHaveLength(0);
    expect(t.renamed).toEqual([]);
  });

  it.each([
    ['a later question (one with messages above it)', [{ ...question, parentId: 'earlier' }, reply]],
    ['an answer to something that is not the person’s question', [{ ...question, role: 'assistant' }, reply]],
    ['a question that cannot be found', [reply]],
  ] as [string, Message[]][])('never for %s', async (_name, messages) => {
    const t = setUp({ messages });
    await t.run();
    expect(t.requests).toHaveLength(0);
  });

  it('never with the setting off, for a deleted conversation, or one renamed by the person', async () => {
    for (const options of [{ enabled: false }, { title: null }, { title: 'My trip' }]) {
      const t = setUp(options);
      await t.run();
      expect(t.requests).toHaveLength(0);
      expect(t.renamed).toEqual([]);
    }
  });

  it('never after close(): quitting starts nothing new', async () => {
    const t = setUp();
    t.generator.close();
    await t.run();
    expect(t.requests).toHaveLength(0);
  });

  it('an unreadable history starts nothing and only logs a warning', async () => {
    const t = setUp();
    t.deps.findMessage = () => {
      throw new Error('disk I/O error');
    };
    expect(() => t.generator.afterReply('c', reply)).not.toThrow();
    await t.generator.idle();
    expect(t.requests).toHaveLength(0);
    expect(t.warnings.join()).toContain('disk I/O error');
  });

  it('closing while the model answers: no rename, the charge from the stream is still booked', async () => {
    const t = setUp({ during: (g) => g.close() });
    await t.run();
    expect(t.renamed).toEqual([]);
    expect(t.spent).toEqual([{ generationId: 'gen-title', provider: 'OpenAI', cost: '0.00002' }]);
  });

  it('an answer cut off (no done) gives no title, though it is billed', async () => {
    const t = setUp({ events: answer('Packing for Lisbon').slice(0, 3) });
    await t.run();
    expect(t.renamed).toEqual([]);
    expect(t.spent).toHaveLength(1);
  });
});

describe('what the title model reads', () => {
  it('at most 1,500 characters of the question and of the reply, marked as cut', async () => {
    const long = 'a'.repeat(1_499) + 'bc';
    const exact = 'x'.repeat(1_500);
    const t = setUp({
      messages: [
        { ...question, content: long },
        { ...reply, content: exact },
      ],
    });
    t.deps.currentTitle = () => defaultConversationTitle;
    await t.run({ ...reply, content: exact });
    const content = t.requests[0]!.content;
    expect(content).toContain(`${'a'.repeat(1_499)}b…\n</question>`);
    expect(content).not.toContain('bc');
    expect(content).toContain(`<answer>\n${exact}\n</answer>`);
  });
});

describe('what a generated title costs', () => {
  it('takes the generation id from done when the stream started without one', async () => {
    const events = answer('Packing for Lisbon');
    events[0] = { type: 'started', generationId: null, model: defaultTitleModel, provider: 'OpenAI' };
    const t = setUp({ events });
    await t.run();
    expect(t.spent).toEqual([{ generationId: 'gen-title', provider: 'OpenAI', cost: '0.00002' }]);
  });

  it('takes the generation id from the error when a failed answer had none before', async () => {
    const t = setUp({
      events: [
        { type: 'started', generationId: null, model: defaultTitleModel, provider: 'OpenAI' },
        { type: 'error', error: { code: 'upstream_error', message: 'x' }, generationId: 'gen-failed' },
      ],
      generation: stats('OpenAI'),
    });
    await t.run();
    expect(t.lookups).toEqual(['gen-failed']);
    expect(t.spent).toEqual([{ generationId: 'gen-failed', provider: 'OpenAI', cost: '0.00003' }]);
    expect(t.renamed).toEqual([]);
  });

  it('keeps the stream’s provider when OpenRouter’s record names none', async () => {
    const t = setUp({ events: answer('Packing for Lisbon', null), generation: stats(null) });
    await t.run();
    expect(t.spent).toEqual([{ generationId: 'gen-title', provider: 'OpenAI', cost: '0.00003' }]);
  });

  it('uses the record’s provider when it names one, and books nothing when no cost is known at all', async () => {
    const named = setUp({ events: answer('Packing for Lisbon', null), generation: stats('Azure') });
    await named.run();
    expect(named.spent).toEqual([{ generationId: 'gen-title', provider: 'Azure', cost: '0.00003' }]);

    const unknown = setUp({ events: answer('Packing for Lisbon', null), generation: null });
    await unknown.run();
    expect(unknown.spent).toEqual([]);
    expect(unknown.renamed).toEqual(['Packing for Lisbon']);
  });

  it('does not look the cost up when the stream carried it, nor after close()', async () => {
    const carried = setUp();
    await carried.run();
    expect(carried.lookups).toEqual([]);

    const closing = setUp({
      events: answer('Packing for Lisbon', null),
      generation: stats('OpenAI'),
      during: (g) => g.close(),
    });
    await closing.run();
    expect(closing.lookups).toEqual([]);
  });
});

describe('cleanTitle: what a person sees of the model’s answer', () => {
  it.each([
    // Markdown headings of any level, but a # inside the title stays.
    ['### Packing for Lisbon', 'Packing for Lisbon'],
    ['#Packing', 'Packing'],
    ['C# for beginners', 'C# for beginners'],
    // A label at the start, in any case, with a colon, a full-width colon or a dash; elsewhere it is kept.
    ['TITLE - Packing for Lisbon', 'Packing for Lisbon'],
    ['title：旅行の準備', '旅行の準備'],
    ['**Title**: Packing', 'Packing'],
    ['Title:Packing', 'Packing'],
    ['A Title: Packing', 'A Title: Packing'],
    ['Entitled: Packing', 'Entitled: Packing'],
    // Only the trailing full stops go; other punctuation and inner stops stay.
    ['Dr. Who in the U.S....', 'Dr. Who in the U.S'],
    ['Why is the sky blue?', 'Why is the sky blue?'],
    ['Wow!', 'Wow!'],
    ['旅行。。', '旅行'],
    // Quotes and emphasis around the title, but not inside it.
    ['Say "hi" to Lisbon', 'Say "hi" to Lisbon'],
    ['«Packing for Lisbon»', 'Packing for Lisbon'],
    ['__`Packing for Lisbon`__', 'Packing for Lisbon'],
    ['‘Packing’', 'Packing'],
    // Runs of blanks become one space; only the first non-blank line counts.
    ['Packing   for\u00a0 Lisbon', 'Packing for Lisbon'],
    ['\r\n  Packing for Lisbon  \r\nSecond line', 'Packing for Lisbon'],
    // Nothing useful left: no title.
    ['', null],
    ['\n\t\n', null],
    ['Title:', null],
    ['...', null],
    ['#', null],
    ['**""**', null],
  ])('%j → %j', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });

  it('keeps a title of exactly 80 characters whole and cuts a longer one to 80 with an ellipsis', () => {
    const eighty = 'x'.repeat(80);
    expect(cleanTitle(eighty)).toBe(eighty);
    expect(cleanTitle(`${eighty}y`)).toBe(`${'x'.repeat(79)}…`);
  });

  it('counts characters, not UTF-16 units: emoji are never cut in half', () => {
    const emoji = '🧳'.repeat(80);
    expect(cleanTitle(emoji)).toBe(emoji);
    expect(cleanTitle(`${emoji}🧳`)).toBe(`${'🧳'.repeat(79)}…`);
  });
});
