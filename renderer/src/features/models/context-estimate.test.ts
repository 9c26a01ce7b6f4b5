import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../../shared/domain';
import { messageFixture, usageFixture } from '../../../../shared/test-support/domain-fixtures';
import { contextLevel, estimateContextTokens } from './context-estimate';

const usage = (promptTokens: number, completionTokens: number): Usage =>
  usageFixture({ promptTokens, completionTokens, totalTokens: promptTokens + completionTokens });

describe('estimateContextTokens', () => {
  it('counts about four characters a token when no reply has usage, the draft included', () => {
    const messages = [messageFixture({ role: 'user', content: 'x'.repeat(400) })];
    expect(estimateContextTokens(messages, 'y'.repeat(41))).toBe(100 + 11);
  });

  it("starts from the newest reply's own count (which covers older, unloaded pages) and adds what came after", () => {
    const messages = [
      messageFixture({ id: 'a', role: 'assistant', content: 'x'.repeat(4000), usage: usage(100, 50) }),
      messageFixture({ id: 'b', role: 'assistant', content: 'x'.repeat(4000), usage: usage(5000, 200) }),
      messageFixture({ id: 'c', role: 'user', content: 'x'.repeat(40) }),
    ];
    expect(estimateContextTokens(messages, 'x'.repeat(8))).toBe(5000 + 200 + 10 + 2);
  });

  it('skips a reply whose usage reports no prompt (a stopped reply before accounting)', () => {
    const messages = [
      messageFixture({ id: 'a', role: 'user', content: 'x'.repeat(40) }),
      messageFixture({ id: 'b', role: 'assistant', content: 'x'.repeat(40), usage: usage(0, 0) }),
    ];
    expect(estimateContextTokens(messages, '')).toBe(20);
  });
});

describe('contextLevel', () => {
  it('is near from 80 % and over past the context length; unknown contexts are never flagged', () => {
    expect(contextLevel(79, 100)).toBe('ok');
    expect(contextLevel(80, 100)).toBe('near');
    expect(contextLevel(100, 100)).toBe('near');
    expect(contextLevel(101, 100)).toBe('over');
    expect(contextLevel(10_000_000, null)).toBe('ok');
  });
});
