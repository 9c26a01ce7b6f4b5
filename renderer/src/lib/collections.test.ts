import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/domain';
import { sortConversations, upsertConversation, upsertMessage } from './collections';

const conversation = (id: string, updatedAt: number): Conversation => ({
  id,
  title: id,
  model: 'openai/gpt-4o-mini',
  createdAt: 0,
  updatedAt,
  maxOutputTokens: null,
  pinned: false,
  settings: {},
});

const message = (id: string, content: string): Message =>
  ({ id, content, role: 'user', status: 'complete' }) as Message;

describe('upsertConversation', () => {
  it('adds a conversation and keeps the newest first', () => {
    const list = [conversation('a', 3), conversation('b', 1)];
    expect(upsertConversation(list, conversation('c', 2)).map((c) => c.id)).toEqual(['a', 'c', 'b']);
  });

  it('replaces by id and moves an updated conversation to the top', () => {
    const list = [conversation('a', 3), conversation('b', 1)];
    const next = upsertConversation(list, { ...conversation('b', 9), title: 'renamed' });
    expect(next.map((c) => c.title)).toEqual(['renamed', 'a']);
  });
});

describe('sortConversations', () => {
  it('puts pinned conversations first, each part newest activity first', () => {
    const list = [conversation('a', 3), { ...conversation('b', 1), pinned: true }, conversation('c', 5)];
    expect(sortConversations(list).map((c) => c.id)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties as the core’s list does: the newer conversation first, then by id, whatever order they came in', () => {
    const at = (id: string, createdAt: number) => ({ ...conversation(id, 7), createdAt });
    const expected = ['new', 'a', 'b', 'c'];
    const orders = [
      [at('c', 1), at('b', 1), at('new', 2), at('a', 1)],
      [at('a', 1), at('new', 2), at('c', 1), at('b', 1)],
      [at('b', 1), at('a', 1), at('c', 1), at('new', 2)],
    ];
    for (const list of orders) expect(sortConversations(list).map((c) => c.id)).toEqual(expected);
    expect(sortConversations([at('x', 1), at('x', 1)]).map((c) => c.id)).toEqual(['x', 'x']);
  });
});

describe('upsertMessage', () => {
  it('appends a new message', () => {
    expect(upsertMessage([message('1', 'a')], message('2', 'b')).map((m) => m.id)).toEqual(['1', '2']);
  });

  it('replaces a message with the same id where it stands', () => {
    const list = [message('1', 'a'), message('2', 'partial'), message('3', 'c')];
    const next = upsertMessage(list, message('2', 'final'));
    expect(next.map((m) => m.content)).toEqual(['a', 'final', 'c']);
    expect(list[1]?.content).toBe('partial');
  });
});
