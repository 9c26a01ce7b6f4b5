import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Conversation } from '../../../../shared/domain';
import { messageFixture as message } from '../../../../shared/test-support/domain-fixtures';
import { changedTurns, reduceTurns, type TurnEvent } from './turns-reducer';

const conversation = (id: string): Conversation => ({
  id,
  title: id,
  model: 'openai/gpt-4o-mini',
  createdAt: 1,
  updatedAt: 2,
  maxOutputTokens: null,
  pinned: false,
  settings: {},
});

const started = (conversationId: string, replyId: string): ChatStreamEvent => ({
  type: 'started',
  conversation: conversation(conversationId),
  userMessage: message({ id: `u-${replyId}`, role: 'user', conversationId, status: 'complete' }),
  assistantMessage: message({ id: replyId, conversationId }),
});

const delta = (turnId: string, text: string): TurnEvent => ({ turnId, event: { type: 'delta', text } });
const on = (turnId: string, event: ChatStreamEvent): TurnEvent => ({ turnId, event });

describe('reduceTurns with two conversations streaming at once', () => {
  it('keeps interleaved text apart, each in its own order', () => {
    const views = reduceTurns({}, [
      on('t1', started('c1', 'a1')),
      on('t2', started('c2', 'a2')),
      delta('t1', 'one '),
      delta('t2', 'uno '),
      delta('t2', 'dos '),
      delta('t1', 'two '),
      delta('t1', 'three'),
      delta('t2', 'tres'),
    ]);
    expect(views.t1?.assistant).toMatchObject({ id: 'a1', conversationId: 'c1', content: 'one two three' });
    expect(views.t2?.assistant).toMatchObject({ id: 'a2', conversationId: 'c2', content: 'uno dos tres' });
  });

  it('gives the same result however the interleaved events are split into frames', () => {
    const events = [
      on('t1', started('c1', 'a1')),
      delta('t1', 'a'),
      on('t2', started('c2', 'a2')),
      delta('t2', 'x'),
      delta('t1', 'b'),
      delta('t2', 'y'),
    ];
    const oneFrame = reduceTurns({}, events);
    const frameEach = events.reduce((views, event) => reduceTurns(views, [event]), reduceTurns({}, []));
    expect(frameEach.t1?.assistant?.content).toBe('ab');
    expect(frameEach.t2?.assistant?.content).toBe('xy');
    expect(oneFrame.t1?.assistant?.content).toBe('ab');
    expect(oneFrame.t2?.assistant?.content).toBe('xy');
  });

  it('finishes one turn while the other streams on', () => {
    const running = reduceTurns({}, [on('t1', started('c1', 'a1')), on('t2', started('c2', 'a2')), delta('t1', 'Hi')]);
    const persisted = message({ id: 'a1', conversationId: 'c1', content: 'Hi', status: 'complete' });
    const next = reduceTurns(running, [on('t1', { type: 'done', message: persisted }), delta('t2', 'still going')]);
    expect(next.t1).toMatchObject({ finished: true, assistant: persisted });
    expect(next.t2).toMatchObject({ finished: false, assistant: { content: 'still going' } });
  });

  it('keeps the object of a turn that had no events, and the map when nothing changed', () => {
    const views = reduceTurns({}, [on('t1', started('c1', 'a1')), on('t2', started('c2', 'a2'))]);
    const next = reduceTurns(views, [delta('t1', 'x')]);
    expect(next.t2).toBe(views.t2);
    expect(changedTurns(views, next)).toEqual(['t1']);
    expect(reduceTurns(next, [])).toBe(next);
  });

  it('shows an automatic retry until the next attempt sends text', () => {
    const error = { code: 'upstream_error' as const, message: 'Provider returned 502', status: 502 };
    const retrying = reduceTurns({}, [
      on('t1', started('c1', 'a1')),
      on('t1', { type: 'retrying', attempt: 1, delayMs: 3000, error }),
    ]);
    expect(retrying.t1?.retrying).toEqual({ attempt: 1, delayMs: 3000, error });
    const answered = reduceTurns(retrying, [delta('t1', 'Hello')]);
    expect(answered.t1?.retrying).toBeNull();
    expect(answered.t1?.assistant?.content).toBe('Hello');
  });

  it('drops the retry notice when the retries give up', () => {
    const error = { code: 'upstream_error' as const, message: 'Provider returned 502' };
    const views = reduceTurns({}, [
      on('t1', started('c1', 'a1')),
      on('t1', { type: 'retrying', attempt: 2, delayMs: 1000, error }),
      on('t1', { type: 'error', error, message: null }),
    ]);
    expect(views.t1).toMatchObject({ finished: true, retrying: null, error });
  });
});
