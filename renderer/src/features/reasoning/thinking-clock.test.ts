import { describe, expect, it } from 'vitest';
import { createThinkingClock, formatThinkingTime } from './thinking-clock';

const reply = (status: string, reasoning: string | null, content: string) => ({ id: 'r1', status, reasoning, content });

describe('thinking clock', () => {
  it('times a live reply from its first reasoning to its first answer text', () => {
    let t = 1000;
    const clock = createThinkingClock(() => t);
    expect(clock.observe(reply('streaming', null, ''))).toBeNull();
    t = 1200;
    expect(clock.observe(reply('streaming', 'Let me', ''))).toBeNull();
    t = 3000;
    expect(clock.observe(reply('streaming', 'Let me think', ''))).toBeNull();
    t = 4700;
    expect(clock.observe(reply('streaming', 'Let me think', 'Here'))).toBe(3500);
    t = 9000;
    // Later renders, and the stored copy that replaces the live one, keep the measured time.
    expect(clock.observe(reply('complete', 'Let me think', 'Here it is'))).toBe(3500);
  });

  it('times a reply stopped while it was still thinking up to the stop', () => {
    let t = 0;
    const clock = createThinkingClock(() => t);
    clock.observe(reply('streaming', 'Hmm', ''));
    t = 800;
    expect(clock.observe(reply('stopped', 'Hmm', ''))).toBe(800);
  });

  it('knows no time for a reply first seen finished, as when opened from history', () => {
    const clock = createThinkingClock(() => 5);
    expect(clock.observe(reply('complete', 'Reasoned', 'Answer'))).toBeNull();
    expect(clock.observe(reply('complete', 'Reasoned', 'Answer'))).toBeNull();
  });

  it('forgets the oldest times past its capacity', () => {
    let t = 0;
    const clock = createThinkingClock(() => t, 2);
    for (const id of ['a', 'b', 'c']) {
      clock.observe({ id, status: 'streaming', reasoning: 'x', content: '' });
      t += 10;
      clock.observe({ id, status: 'streaming', reasoning: 'x', content: 'y' });
    }
    expect(clock.observe({ id: 'a', status: 'complete', reasoning: 'x', content: 'y' })).toBeNull();
    expect(clock.observe({ id: 'c', status: 'complete', reasoning: 'x', content: 'y' })).toBe(10);
  });
});

describe('formatThinkingTime', () => {
  it.each([
    [400, 'Thought for under a second'],
    [4230, 'Thought for 4.2 s'],
    [12_600, 'Thought for 13 s'],
    [125_000, 'Thought for 2 min 5 s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatThinkingTime(ms)).toBe(text);
  });
});
