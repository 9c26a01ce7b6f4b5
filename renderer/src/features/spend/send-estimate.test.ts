import { describe, expect, it } from 'vitest';
import { compareUsd, sumUsd } from '../../../../shared/money';
import { messageFixture, usageFixture } from '../../../../shared/test-support/domain-fixtures';
import { estimateNextReply } from './send-estimate';

const pricing = {
  promptPrice: 0.00000015,
  completionPrice: 0.0000006,
  cacheReadPrice: null,
  maxCompletionTokens: 16_384,
  contextLength: 128_000,
  isFree: false,
};

describe('estimateNextReply', () => {
  it('prices the thread so far and the draft, at four characters a token', () => {
    const thread = [
      messageFixture({ id: 'u', role: 'user', content: 'x'.repeat(400), status: 'complete' }),
      messageFixture({
        id: 'a',
        content: 'y'.repeat(400),
        status: 'complete',
        usage: usageFixture({
          promptTokens: 100,
          completionTokens: 100,
          totalTokens: 200,
          costUsd: '0.00001',
          isByok: false,
        }),
      }),
    ];
    const range = estimateNextReply({ thread, draft: 'z'.repeat(400), pricing, maxOutputTokens: null });
    // 300 prompt tokens; this conversation's replies take 100 tokens; the cap is the model's 16,384.
    expect(range).toEqual({
      low: sumUsd(['0.000045', '0.00006']),
      high: sumUsd(['0.000045', '0.0098304']),
    });
  });

  it('follows the conversation’s own reply cap, and shows nothing for free models', () => {
    const capped = estimateNextReply({ thread: [], draft: 'hi', pricing, maxOutputTokens: 100 });
    expect(capped?.high).toBe(sumUsd(['0.00000015', '0.00006']));
    expect(
      estimateNextReply({ thread: [], draft: 'hi', pricing: { ...pricing, isFree: true }, maxOutputTokens: null }),
    ).toBeNull();
    expect(
      estimateNextReply({
        thread: [],
        draft: 'hi',
        pricing: { ...pricing, promptPrice: 0, completionPrice: 0 },
        maxOutputTokens: null,
      }),
    ).toBeNull();
    expect(estimateNextReply({ thread: [], draft: 'hi', pricing: null, maxOutputTokens: null })).toBeNull();
  });
});

describe('attachments in the estimate', () => {
  it('prices the draft’s files as fresh prompt tokens', () => {
    const bare = estimateNextReply({ thread: [], draft: 'Look', pricing, maxOutputTokens: 100 });
    const withImage = estimateNextReply({
      thread: [],
      draft: 'Look',
      attachments: [{ kind: 'image', width: 750, height: 1000 }],
      pricing,
      maxOutputTokens: 100,
    });
    // 1,000 image tokens at $0.15/M more, at both ends.
    expect(compareUsd(withImage!.low, bare!.low)).toBe(1);
    expect(withImage!.high).toBe(sumUsd([bare!.high, '0.00015']));
  });
});

describe('a PDF parser’s charge', () => {
  it('is added to both ends of the range', () => {
    const bare = estimateNextReply({ thread: [], draft: 'Read it', pricing, maxOutputTokens: 100 })!;
    const ocr = estimateNextReply({ thread: [], draft: 'Read it', parserUsd: 0.024, pricing, maxOutputTokens: 100 })!;
    expect(ocr).toEqual({ low: sumUsd([bare.low, '0.024']), high: sumUsd([bare.high, '0.024']) });
  });
});
