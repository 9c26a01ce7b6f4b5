// A new compare column starting from a chosen column's thread: copied as far as it got, never left streaming.

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { copyThread } from './thread-copy';

describe('copyThread', () => {
  let db: Database;
  let conversations: ConversationRepo;
  let messages: MessageRepo;

  beforeEach(() => {
    db = openDatabase(':memory:');
    conversations = new ConversationRepo(db);
    messages = new MessageRepo(db);
  });
  afterEach(() => db.close());

  it('copies a reply still streaming in the chosen column as stopped, with the text it had so far', () => {
    const from = conversations.create({ title: 'Column', model: 'a/one' }).id;
    const to = conversations.create({ title: 'New column', model: 'b/two' }).id;
    messages.insertUser({ conversationId: from, content: 'Pick a sort', model: 'a/one' });
    const reply = messages.createAssistant({ conversationId: from, model: 'a/one' });
    messages.checkpoint(reply.id, 'Merge sort, because', null);

    expect(copyThread(messages, from, to)).toBe(2);
    const copied = messages.listForConversation(to);
    expect(copied.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'Pick a sort'],
      ['assistant', 'stopped', 'Merge sort, because'],
    ]);
    expect(messages.get(reply.id)?.status).toBe('streaming');
  });

  it('copies nothing from a column with no messages', () => {
    const from = conversations.create({ title: 'Empty', model: 'a/one' }).id;
    const to = conversations.create({ title: 'New column', model: 'b/two' }).id;
    expect(copyThread(messages, from, to)).toBe(0);
    expect(messages.listForConversation(to)).toEqual([]);
  });
});
