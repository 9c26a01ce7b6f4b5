import { describe, expect, it } from 'vitest';
import { messageFixture } from '../../../../shared/test-support/domain-fixtures';
import { emptyTurn, type TurnView } from '../../lib/stream-reducer';
import { createDrawPacer, onlyTextGrew } from './draw-pacer';

const question = messageFixture({ id: 'q', role: 'user', status: 'complete', content: 'Hi' });
const writing = (content: string, extra: Partial<TurnView> = {}): TurnView => ({
  ...emptyTurn,
  userMessage: question,
  assistant: messageFixture({ id: 'r', content }),
  ...extra,
});

describe('onlyTextGrew', () => {
  it('is true for more text in a reply that already showed some', () => {
    expect(onlyTextGrew(writing('Hel'), writing('Hello'))).toBe(true);
  });

  it('is false for the first text, so a column’s first token is drawn at once', () => {
    expect(onlyTextGrew(writing(''), writing('H'))).toBe(false);
    expect(onlyTextGrew(emptyTurn, writing('H'))).toBe(false);
  });

  it('is false when the turn ends, fails, retries or gets a new question', () => {
    expect(onlyTextGrew(writing('Hel'), writing('Hello', { finished: true }))).toBe(false);
    expect(onlyTextGrew(writing('Hel'), writing('Hel', { error: { code: 'upstream_error', message: '' } }))).toBe(
      false,
    );
    const retrying = { attempt: 1, delayMs: 1000, error: { code: 'rate_limited' as const, message: '' } };
    expect(onlyTextGrew(writing('Hel'), writing('Hel', { retrying }))).toBe(false);
    const other = messageFixture({ id: 'q2', role: 'user', status: 'complete' });
    expect(onlyTextGrew(writing('Hel'), writing('Hello', { userMessage: other }))).toBe(false);
  });
});

describe('createDrawPacer', () => {
  const paced = (...ids: string[]) => ids.map((turnId) => ({ turnId, paced: true }));

  it('draws one paced turn a frame, each in turn, and says others wait', () => {
    const pacer = createDrawPacer();
    const frames = Array.from({ length: 8 }, () => pacer.pick(paced('a', 'b', 'c', 'd')));
    expect(frames.map((frame) => frame.draw.join())).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']);
    expect(frames.every((frame) => frame.waiting)).toBe(true);
  });

  it('draws a lone paced turn every frame, with nothing waiting', () => {
    const pacer = createDrawPacer();
    expect(pacer.pick(paced('a'))).toEqual({ draw: ['a'], waiting: false });
    expect(pacer.pick(paced('a'))).toEqual({ draw: ['a'], waiting: false });
  });

  it('always draws turns that are not paced, beside the paced one due', () => {
    const pacer = createDrawPacer();
    pacer.pick(paced('a', 'b'));
    const frame = pacer.pick([...paced('a', 'b'), { turnId: 'c', paced: false }, { turnId: 'd', paced: false }]);
    expect(frame.draw).toEqual(['b', 'c', 'd']);
    expect(frame.waiting).toBe(true);
  });

  it('puts a turn drawn at once (its first text) behind the ones that waited', () => {
    const pacer = createDrawPacer();
    pacer.pick([{ turnId: 'a', paced: false }, ...paced('b')]);
    expect(pacer.pick(paced('a', 'b')).draw).toEqual(['a']);
    expect(pacer.pick(paced('a', 'b')).draw).toEqual(['b']);
  });

  it('holds a paced turn whose end is out of sight, without saying it waits', () => {
    const pacer = createDrawPacer();
    const hidden = { turnId: 'b', paced: true, endOutOfSight: true };
    expect(pacer.pick([...paced('a'), hidden])).toEqual({ draw: ['a'], waiting: false });
    expect(pacer.pick([hidden])).toEqual({ draw: [], waiting: false });
  });

  it('still draws a turn out of sight when more than its text changed', () => {
    const pacer = createDrawPacer();
    expect(pacer.pick([{ turnId: 'b', paced: false, endOutOfSight: true }]).draw).toEqual(['b']);
  });

  it('draws a held turn first once it is back in sight, as the one that waited longest', () => {
    const pacer = createDrawPacer();
    expect(pacer.pick(paced('a', 'b')).draw).toEqual(['a']);
    expect(pacer.pick(paced('a', 'b')).draw).toEqual(['b']);
    // Held for two frames, in which only a is drawn (not held, b would have had the second of them).
    const held = { turnId: 'b', paced: true, endOutOfSight: true };
    expect(pacer.pick([...paced('a'), held]).draw).toEqual(['a']);
    expect(pacer.pick([...paced('a'), held]).draw).toEqual(['a']);
    expect(pacer.pick(paced('a', 'b')).draw).toEqual(['b']);
  });
});
