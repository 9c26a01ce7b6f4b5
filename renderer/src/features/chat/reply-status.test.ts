import { describe, expect, it } from 'vitest';
import { describeError, describeRetry, interruptedText } from '../../lib/error-text';
import { messageFixture } from '../../../../shared/test-support/domain-fixtures';
import { replyStatusText } from './reply-status';

describe('replyStatusText', () => {
  it('says nothing about a finished reply or a person’s message', () => {
    expect(replyStatusText(messageFixture({ status: 'complete', content: 'done' }))).toBeNull();
    expect(replyStatusText(messageFixture({ role: 'user', status: 'complete', content: 'hi' }))).toBeNull();
  });

  it('waits, then writes', () => {
    expect(replyStatusText(messageFixture({ content: '' }))).toBe('Waiting for the model…');
    expect(replyStatusText(messageFixture({ content: 'Hel' }))).toBe('Writing…');
  });

  it('leaves reasoning-only progress to a Thinking block, when one is shown', () => {
    const thinking = messageFixture({ content: '', reasoning: 'Let me see' });
    expect(replyStatusText(thinking)).toBeNull();
    expect(replyStatusText(thinking, { thinkingShown: false })).toBe('Waiting for the model…');
  });

  it('names how a reply ended early', () => {
    expect(replyStatusText(messageFixture({ status: 'stopped' }))).toBe('Stopped');
    expect(replyStatusText(messageFixture({ status: 'interrupted' }))).toBe(interruptedText);
    const error = { code: 'rate_limited' as const, message: '' };
    expect(replyStatusText(messageFixture({ status: 'error', error }))).toBe(`Failed: ${describeError(error).message}`);
    expect(replyStatusText(messageFixture({ status: 'error' }))).toBe('Failed');
  });

  it('shows the core’s own retry in place of the rest', () => {
    const retrying = { attempt: 1, delayMs: 2000, error: { code: 'rate_limited' as const, message: '' } };
    expect(replyStatusText(messageFixture({ content: '' }), { retrying })).toBe(describeRetry(retrying));
  });
});
