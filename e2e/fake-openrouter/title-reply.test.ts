import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyFor, titleFor } from './reply-text';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { contentOf, lastUsage, streamChat } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => fake.close());

const conversation =
  '<question>\nWhat should I pack for Lisbon in May?\n</question>\n<answer>\nLight clothes.\n</answer>';

describe('a request for a conversation title', () => {
  it('is answered with "About" and the question’s first four words, billed like any generation', async () => {
    const { chunks } = await streamChat(fake, 'openai/gpt-4.1-nano', conversation, {
      messages: [
        { role: 'system', content: 'Reply with a title of at most six words for the conversation below.' },
        { role: 'user', content: conversation },
      ],
    });
    expect(contentOf(chunks)).toBe('About What should I pack');
    expect(titleFor(conversation)).toBe('About What should I pack');
    expect(Number(lastUsage(chunks).cost)).toBeGreaterThan(0);
  });

  it('only when a system message asks for a title: the same text otherwise gets the usual reply', async () => {
    const { chunks } = await streamChat(fake, 'openai/gpt-4.1-nano', conversation, {
      messages: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: conversation },
      ],
    });
    expect(contentOf(chunks)).toBe(replyFor(conversation));
  });
});
