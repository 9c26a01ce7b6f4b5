import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkByCodePoints, MARKDOWN_REPLY, MARKDOWN_REPLY_CODE } from './markdown-reply';
import { reasoningFor } from './reply-text';
import { fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { choicesOf, contentOf, reasoningOf, streamChat } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => fake.close());

describe('the Markdown scenarios', () => {
  it('stream the fixed reply four characters at a time, cutting the fence and the table mid-line', async () => {
    const { chunks } = await streamChat(fake, fakeModels.markdown, 'Show me Markdown');
    expect(contentOf(chunks)).toBe(MARKDOWN_REPLY);
    const pieces = chunks.flatMap((c) => choicesOf(c)).map((c) => c.delta.content ?? '');
    // Four characters at most: every fence line and table row arrives in several pieces.
    expect(pieces.filter((p) => p !== '').every((p) => Array.from(p).length <= 4)).toBe(true);
    expect(reasoningOf(chunks)).toBe('');
  });

  it('reason first on the reasoning variant, then give the same reply', async () => {
    const { chunks } = await streamChat(fake, fakeModels.markdownReasoning, 'Think, then answer');
    expect(reasoningOf(chunks)).toBe(reasoningFor('Think, then answer'));
    expect(contentOf(chunks)).toBe(MARKDOWN_REPLY);
  });

  it('carry the code block and the hostile parts a renderer must neutralise', () => {
    expect(MARKDOWN_REPLY).toContain(`\`\`\`ts\n${MARKDOWN_REPLY_CODE}\n\`\`\``);
    expect(MARKDOWN_REPLY).toContain('](javascript:');
    expect(MARKDOWN_REPLY).toContain('<img src=x onerror=');
  });

  it('chunks never split a character', () => {
    expect(chunkByCodePoints('a🚀bcd你', 2)).toEqual(['a🚀', 'bc', 'd你']);
  });
});
