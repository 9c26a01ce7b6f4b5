import { join } from 'node:path';
// LibraryService over a real SQLite file: paging back through a thread, flipping to another version, drafts and the
// output cap — each refusing a conversation or message that is gone with not_found.

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../shared/library';
import type { Result } from '../../shared/result';
import type { ConversationRepo } from './db/conversation-repo';
import type { MessageRepo } from './db/message-repo';
import { type LibraryService, undoWindowMs } from './library-service';
import { libraryHarness } from './test-support/library-harness';
import { useTempDir } from './test-support/temp-dir';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const code = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

describe('LibraryService: threads, drafts and the output cap', () => {
  const tempDir = useTempDir();
  let db: Database;
  let conversations: ConversationRepo;
  let messages: MessageRepo;
  let library: LibraryService;
  let conversationId: string;
  let events: LibraryEvent[];
  let clock: number;

  const answer = (parentId: string, content: string) => {
    const reply = messages.createAssistant({ conversationId, model: 'm/a', parentId });
    return messages.finalize(reply.id, {
      status: 'complete',
      content,
      reasoning: null,
      model: 'm/a',
      provider: null,
      generationId: null,
      finishReason: 'stop',
      usage: null,
      error: null,
    });
  };

  beforeEach(() => {
    clock = 1_000_000;
    ({ db, conversations, messages, library, events } = libraryHarness(
      join(tempDir(), 'history.sqlite3'),
      () => clock,
    ));
    conversationId = conversations.create({ title: 't', model: 'm/a' }).id;
  });
  afterEach(() => db.close());

  it('pages back from a message through the current thread', () => {
    const q1 = messages.insertUser({ conversationId, content: 'Q1', model: 'm/a' });
    answer(q1.id, 'A1');
    const q2 = messages.insertUser({ conversationId, content: 'Q2', model: 'm/a' });
    const a2 = answer(q2.id, 'A2');
    const page = value(library.older(conversationId, a2.id, 2));
    expect(page.messages.map((m) => m.content)).toEqual(['A1', 'Q2']);
    expect(page.hasOlder).toBe(true);
    expect(library.older(conversationId, 'nope')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That message is not in this conversation (any more).' },
    });
    expect(code(library.older('gone', a2.id))).toBe('not_found');
  });

  it('flips to another version of a reply and continues from there', () => {
    const q = messages.insertUser({ conversationId, content: 'Q', model: 'm/a' });
    const first = answer(q.id, 'First');
    const second = answer(q.id, 'Second');
    expect(messages.currentLeaf(conversationId)).toBe(second.id);

    const shown = value(library.selectVersion(conversationId, first.id));
    expect(shown.messages.map((m) => m.content)).toEqual(['Q', 'First']);
    expect(messages.currentLeaf(conversationId)).toBe(first.id);
    expect(code(library.selectVersion(conversationId, 'nope'))).toBe('not_found');
    expect(code(library.selectVersion('gone', first.id))).toBe('not_found');
    expect(messages.currentLeaf(conversationId)).toBe(first.id);
  });

  it('keeps drafts per conversation and for a new one, refusing a conversation deleted meanwhile', () => {
    expect(value(library.saveDraft(null, 'new one'))).toEqual({ saved: true });
    expect(value(library.saveDraft(conversationId, 'reply draft'))).toEqual({ saved: true });
    expect(value(library.getDraft(null))).toEqual({ text: 'new one', attachments: [] });
    expect(value(library.getDraft(conversationId))).toEqual({ text: 'reply draft', attachments: [] });
    expect(value(library.saveDraftFiles(null, []))).toEqual({ saved: true });
    expect(value(library.saveDraftFiles(conversationId, []))).toEqual({ saved: true });

    conversations.delete(conversationId);
    expect(library.saveDraft(conversationId, 'late')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That conversation no longer exists.' },
    });
    expect(code(library.saveDraftFiles(conversationId, []))).toBe('not_found');
    expect(value(library.getDraft(null)).text).toBe('new one');
  });

  it('sets and clears a conversation’s output cap', () => {
    expect(value(library.setMaxOutput(conversationId, 2_000)).maxOutputTokens).toBe(2_000);
    expect(conversations.get(conversationId)?.maxOutputTokens).toBe(2_000);
    expect(value(library.setMaxOutput(conversationId, null)).maxOutputTokens).toBeNull();
    expect(code(library.setMaxOutput('gone', 1))).toBe('not_found');
  });

  it('announces a change only when there was one, and refuses a conversation that is gone', () => {
    expect(value(library.setModel(conversationId, 'm/b')).model).toBe('m/b');
    expect(value(library.setSettings(conversationId, { temperature: 0.5 })).settings).toEqual({ temperature: 0.5 });
    library.announceChanged(conversationId);
    expect(events.map((e) => (e.type === 'changed' ? e.conversation.model : e.type))).toEqual(['m/b', 'm/b', 'm/b']);
    expect(events[1]).toMatchObject({
      type: 'changed',
      conversation: { id: conversationId, settings: { temperature: 0.5 } },
    });

    events = [];
    expect(code(library.setModel('gone', 'm/b'))).toBe('not_found');
    expect(code(library.setSettings('gone', {}))).toBe('not_found');
    expect(code(library.delete('gone'))).toBe('not_found');
    expect(code(library.findInConversation('gone', 'x'))).toBe('not_found');
    library.announceChanged('gone');
    expect(events).toEqual([]);
  });

  it('finds words in a conversation and across all of them', () => {
    const q = messages.insertUser({ conversationId, content: 'Where do penguins live?', model: 'm/a' });
    const a = answer(q.id, 'Penguins live in the south.');
    expect(value(library.findInConversation(conversationId, 'penguins')).messageIds.sort()).toEqual(
      [q.id, a.id].sort(),
    );
    expect(value(library.searchMessages({ query: 'south' })).hits.map((h) => h.messageId)).toEqual([a.id]);
  });

  it('deletes for good after the undo time, saying so when a restore comes too late', () => {
    expect(value(library.delete(conversationId))).toEqual({ id: conversationId });
    clock += undoWindowMs + 1;
    expect(value(library.purgeDeleted())).toEqual({ purged: 1 });
    expect(library.restore(conversationId)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That conversation can no longer be restored: it was deleted for good.' },
    });
  });
});
