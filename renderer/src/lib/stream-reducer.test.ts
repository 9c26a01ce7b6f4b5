import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Conversation } from '../../../shared/domain';
import { emptyTurn, finishUnended, reduceStream } from './stream-reducer';
import { messageFixture, usageFixture } from '../../../shared/test-support/domain-fixtures';

const conversation: Conversation = {
  id: 'c1',
  title: 'Hello',
  model: 'openai/gpt-4o-mini',
  createdAt: 1,
  updatedAt: 2,
  maxOutputTokens: null,
  pinned: false,
  settings: {},
};

const message = messageFixture;

const started: ChatStreamEvent = {
  type: 'started',
  conversation,
  userMessage: message({ id: 'u1', role: 'user', content: 'Hi', status: 'complete' }),
  assistantMessage: message({ id: 'a1' }),
};

const usage = usageFixture({
  promptTokens: 100,
  completionTokens: 23,
  totalTokens: 123,
  costUsd: '0.000024',
  isByok: false,
});

const deltas = (...parts: string[]): ChatStreamEvent[] => parts.map((text) => ({ type: 'delta', text }));

describe('reduceStream', () => {
  it('takes conversation, user message and the empty reply from started', () => {
    const view = reduceStream(emptyTurn, [started]);
    expect(view.conversation).toBe(conversation);
    expect(view.userMessage?.id).toBe('u1');
    expect(view.assistant?.id).toBe('a1');
    expect(view.finished).toBe(false);
  });

  it('appends deltas in order within one batch and across batches', () => {
    const first = reduceStream(emptyTurn, [started, ...deltas('Hel', 'lo', ',')]);
    expect(first.assistant?.content).toBe('Hello,');
    const second = reduceStream(first, deltas(' wor', 'ld', '!'));
    expect(second.assistant?.content).toBe('Hello, world!');
  });

  it('gives the same text however the events are batched', () => {
    const events = [started, ...deltas('a', 'b', 'c', 'd', 'e')];
    const oneBatch = reduceStream(emptyTurn, events);
    const oneByOne = events.reduce((view, event) => reduceStream(view, [event]), emptyTurn);
    expect(oneByOne.assistant?.content).toBe(oneBatch.assistant?.content);
    expect(oneBatch.assistant?.content).toBe('abcde');
  });

  it('does not touch the previous view (the store relies on new objects)', () => {
    const first = reduceStream(emptyTurn, [started, ...deltas('a')]);
    const second = reduceStream(first, deltas('b'));
    expect(first.assistant?.content).toBe('a');
    expect(second.assistant).not.toBe(first.assistant);
  });

  it('keeps the same object when a batch changes nothing', () => {
    const first = reduceStream(emptyTurn, [started]);
    expect(reduceStream(first, [])).toBe(first);
  });

  it('collects reasoning separately from the answer', () => {
    const view = reduceStream(emptyTurn, [
      started,
      { type: 'reasoning', text: 'Think' },
      { type: 'reasoning', text: 'ing.' },
      ...deltas('Answer'),
    ]);
    expect(view.assistant?.reasoning).toBe('Thinking.');
    expect(view.assistant?.content).toBe('Answer');
  });

  it('ignores text that arrives before started', () => {
    const view = reduceStream(emptyTurn, [...deltas('lost'), started, ...deltas('kept')]);
    expect(view.assistant?.content).toBe('kept');
  });

  it('records usage on the reply, keeping earlier text', () => {
    const view = reduceStream(emptyTurn, [started, ...deltas('Hi'), { type: 'usage', usage }, ...deltas('!')]);
    expect(view.assistant?.usage).toBe(usage);
    expect(view.assistant?.content).toBe('Hi!');
  });

  it('replaces the streaming reply with the persisted message at done', () => {
    const persisted = message({ id: 'a1', content: 'Hello, world!', status: 'complete', usage });
    const view = reduceStream(emptyTurn, [started, ...deltas('Hello'), { type: 'done', message: persisted }]);
    expect(view.assistant).toBe(persisted);
    expect(view.finished).toBe(true);
  });

  it('ignores anything after done', () => {
    const persisted = message({ id: 'a1', content: 'Final', status: 'stopped' });
    const view = reduceStream(emptyTurn, [started, { type: 'done', message: persisted }, ...deltas('late')]);
    expect(view.assistant).toBe(persisted);
  });

  it('keeps the error and the persisted failed message', () => {
    const failed = message({ id: 'a1', content: 'Part', status: 'error' });
    const error = { code: 'upstream_error' as const, message: 'Provider returned 502' };
    const view = reduceStream(emptyTurn, [started, ...deltas('Part'), { type: 'error', error, message: failed }]);
    expect(view).toMatchObject({ finished: true, error, assistant: failed });
  });

  it('marks the partial reply failed when the error carries no message', () => {
    const error = { code: 'offline' as const, message: 'Lost the connection' };
    const view = reduceStream(emptyTurn, [started, ...deltas('Part'), { type: 'error', error, message: null }]);
    expect(view.assistant).toMatchObject({ content: 'Part', status: 'error', error });
  });

  it('treats an abort without a message as stopped', () => {
    const error = { code: 'aborted' as const, message: 'Stopped' };
    const view = reduceStream(emptyTurn, [started, ...deltas('Pa'), { type: 'error', error, message: null }]);
    expect(view.assistant?.status).toBe('stopped');
  });

  it('fails a turn that never started', () => {
    const error = { code: 'unauthorized' as const, message: 'Invalid key' };
    const view = reduceStream(emptyTurn, [{ type: 'error', error, message: null }]);
    expect(view).toMatchObject({ finished: true, error, assistant: null, userMessage: null });
  });
});

describe('finishUnended', () => {
  it('stops a reply whose stream ended without done or error', () => {
    const view = finishUnended(reduceStream(emptyTurn, [started, ...deltas('Half')]));
    expect(view.finished).toBe(true);
    expect(view.assistant).toMatchObject({ content: 'Half', status: 'stopped' });
  });

  it('leaves a finished turn alone', () => {
    const done = reduceStream(emptyTurn, [started, { type: 'done', message: message({ status: 'complete' }) }]);
    expect(finishUnended(done)).toBe(done);
  });
});

describe('reduceStream with a reply the core could not save', () => {
  it('keeps streaming after a storage warning, and remembers the warning', () => {
    const error = { code: 'storage_error' as const, message: 'The disk is full' };
    const view = reduceStream(emptyTurn, [
      started,
      ...deltas('kept '),
      { type: 'storage-warning', error },
      ...deltas('in memory'),
    ]);
    expect(view.storageWarning).toBe(error);
    expect(view.finished).toBe(false);
    expect(view.assistant?.content).toBe('kept in memory');
    const done = reduceStream(view, [{ type: 'done', message: message({ id: 'a1', content: 'kept in memory' }) }]);
    expect(done).toMatchObject({ finished: true, error: null, storageWarning: error });
  });
});

describe('reduceStream around a retry', () => {
  const timeout = { code: 'timeout' as const, message: 'No answer in 30 s' };

  it('shows the latest retry notice until the next attempt shows a sign of life', () => {
    const storage = { code: 'storage_error' as const, message: 'The disk is full' };
    const waiting = reduceStream(emptyTurn, [
      { type: 'retrying', attempt: 1, delayMs: 1_000, error: timeout },
      { type: 'retrying', attempt: 2, delayMs: 2_000, error: timeout },
      { type: 'storage-warning', error: storage },
    ]);
    expect(waiting.retrying).toEqual({ attempt: 2, delayMs: 2_000, error: timeout });
    expect(waiting.storageWarning).toBe(storage);
    expect(waiting.finished).toBe(false);

    const answering = reduceStream(waiting, [started]);
    expect(answering.retrying).toBeNull();
    expect(answering.assistant?.id).toBe('a1');
  });

  it('drops the notice when the turn fails after all', () => {
    const error = { code: 'upstream_error' as const, message: 'Provider returned 502' };
    const view = reduceStream(emptyTurn, [
      { type: 'retrying', attempt: 1, delayMs: 500, error: timeout },
      { type: 'error', error, message: null },
    ]);
    expect(view).toMatchObject({ retrying: null, finished: true, error });
  });
});

describe('reduceStream edges', () => {
  it('keeps a reasoning-only batch, and leaves reasoning absent when the model gave none', () => {
    const thinking = reduceStream(reduceStream(emptyTurn, [started]), [{ type: 'reasoning', text: 'Hmm.' }]);
    expect(thinking.assistant).toMatchObject({ content: '', reasoning: 'Hmm.' });
    const plain = reduceStream(emptyTurn, [started, ...deltas('Just text')]);
    expect(plain.assistant?.reasoning).toBeNull();
  });

  it('ignores reasoning and usage that arrive before started', () => {
    const view = reduceStream(emptyTurn, [
      { type: 'reasoning', text: 'lost' },
      { type: 'usage', usage },
    ]);
    expect(view.assistant).toBeNull();
    expect(reduceStream(view, [started]).assistant?.reasoning).toBeNull();
  });

  it('finishes a turn that ended before it started without inventing a reply', () => {
    expect(finishUnended(emptyTurn)).toMatchObject({ finished: true, assistant: null });
  });

  it('leaves a reply that already failed as it is when the stream then ends', () => {
    const failed = message({ id: 'a1', content: 'Part', status: 'error' });
    const view = { ...reduceStream(emptyTurn, [started]), assistant: failed };
    expect(finishUnended(view).assistant).toBe(failed);
  });
});
