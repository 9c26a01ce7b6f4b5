// LibraryService over a real SQLite file: paging back through a thread, flipping to another version, drafts and the
// output cap — each refusing a conversation or message that is gone with not_found.

import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import { ConversationRepo } from './db/conversation-repo';
import { DraftRepo } from './db/draft-repo';
import { MessageRepo } from './db/message-repo';
import { openDatabase } from './db/open-database';
import { SearchRepo } from './db/search-repo';
import { LibraryService } from './library-service';
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
    db = openDatabase(join(tempDir(), 'history.sqlite3'));
    conversations = new ConversationRepo(db);
    messages = new MessageRepo(db);
    library = new LibraryService(conversations, messages, messages.threads, new DraftRepo(db), new SearchRepo(db));
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
    expect(code(library.older(conversationId, 'nope'))).toBe('not_found');
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
});
