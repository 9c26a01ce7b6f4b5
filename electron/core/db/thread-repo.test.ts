import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchRepo } from './search-repo';
import { LibraryService } from '../library-service';
import { ConversationRepo } from './conversation-repo';
import { DraftRepo } from './draft-repo';
import { MessageRepo } from './message-repo';
import { openDatabase } from './open-database';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

describe('threads, versions, paging and drafts', () => {
  let db: Database;
  let conversations: ConversationRepo;
  let messages: MessageRepo;
  let library: LibraryService;
  let conversationId: string;

  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'history.sqlite3'));
    conversations = new ConversationRepo(db);
    messages = new MessageRepo(db);
    library = new LibraryService(conversations, messages, messages.threads, new DraftRepo(db), new SearchRepo(db));
    conversationId = conversations.create({ title: 't', model: 'a/b' }).id;
  });
  afterEach(() => db.close());

  /** A user message and its reply, at the current leaf unless a parent is given; returns both ids. */
  function turn(text: string, parentId?: string | null): { q: string; a: string } {
    const q = messages.insertUser({ conversationId, content: text, model: null, parentId }).id;
    const a = messages.createAssistant({ conversationId, model: null, parentId: q }).id;
    return { q, a };
  }

  const contents = (page: { messages: { content: string }[] }) => page.messages.map((m) => m.content);
  const ok = <T>(result: { ok: true; value: T } | { ok: false }) => {
    if (!result.ok) throw new Error('expected ok');
    return result.value;
  };

  it('pages the current thread from its end: the last page first, then older pages, oldest first', () => {
    const ids = Array.from(
      { length: 60 },
      (_, i) => messages.insertUser({ conversationId, content: `m${i}`, model: null }).id,
    );
    const last = ok(library.get(conversationId));
    expect(last.hasOlder).toBe(true);
    expect(contents(last)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 10}`));

    const older = ok(library.older(conversationId, ids[10] as string));
    expect(older).toEqual({ hasOlder: false, messages: expect.any(Array) });
    expect(contents(older)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));

    const three = ok(library.older(conversationId, ids[10] as string, 3));
    expect(contents(three)).toEqual(['m7', 'm8', 'm9']);
    expect(three.hasOlder).toBe(true);
    expect(ok(library.older(conversationId, ids[0] as string))).toEqual({ messages: [], hasOlder: false });
  });

  it('says exactly when nothing is older: a thread of 50 is one page', () => {
    for (let i = 0; i < 50; i++) messages.insertUser({ conversationId, content: `m${i}`, model: null });
    expect(ok(library.get(conversationId)).hasOlder).toBe(false);
    messages.insertUser({ conversationId, content: 'm50', model: null });
    expect(ok(library.get(conversationId)).hasOlder).toBe(true);
  });

  it('reads only the current thread, with every version at each step, and flips between branches', () => {
    const one = turn('Q1');
    const two = turn('Q2');
    // Regenerate Q2's reply, then edit Q1: each adds a version beside the original.
    const regenerated = messages.createAssistant({ conversationId, model: null, parentId: two.q }).id;
    const edited = turn('Q1 edited', null);

    let page = ok(library.get(conversationId));
    expect(page.messages.map((m) => [m.content || m.id, m.versionIds])).toEqual([
      ['Q1 edited', [one.q, edited.q]],
      [edited.a, [edited.a]],
    ]);

    // Back to the first version of Q1: the newest thread under it is the regenerated reply.
    page = ok(library.selectVersion(conversationId, one.q));
    expect(page.messages.map((m) => m.id)).toEqual([one.q, one.a, two.q, regenerated]);
    expect(page.messages[3]?.versionIds).toEqual([two.a, regenerated]);
    expect(messages.currentLeaf(conversationId)).toBe(regenerated);

    page = ok(library.selectVersion(conversationId, two.a));
    expect(page.messages.map((m) => m.id)).toEqual([one.q, one.a, two.q, two.a]);
    // Flipping is looking, not activity: the conversation keeps its place in the list.
    expect(ok(library.selectVersion(conversationId, edited.a)).conversation.updatedAt).toBe(
      conversations.get(conversationId)?.updatedAt,
    );
  });

  it('sends upstream the whole branch from the first message to the chosen leaf, and nothing of other conversations', () => {
    const one = turn('Q1');
    const two = turn('Q2');
    const regenerated = messages.createAssistant({ conversationId, model: null, parentId: two.q }).id;
    for (let i = 0; i < 60; i++) turn(`more ${i}`);
    const path = messages.threads.pathTo(conversationId, two.a);
    expect(path.map((m) => m.id)).toEqual([one.q, one.a, two.q, two.a]);
    expect(messages.threads.pathTo(conversationId, regenerated).map((m) => m.id)).toEqual([
      one.q,
      one.a,
      two.q,
      regenerated,
    ]);
    // Longer than a page: a request sends all of it.
    expect(messages.threads.pathTo(conversationId, messages.currentLeaf(conversationId) ?? '')).toHaveLength(124);
    const other = conversations.create({ title: 'o', model: 'a/b' }).id;
    expect(messages.threads.pathTo(other, two.a)).toEqual([]);
    // Paging back from a message of another conversation shows nothing rather than failing.
    expect(messages.threads.pageBefore(other, two.a)).toEqual({ messages: [], hasOlder: false });
  });

  it('answers not_found for a message of another conversation', () => {
    const other = conversations.create({ title: 'o', model: 'a/b' }).id;
    const elsewhere = messages.insertUser({ conversationId: other, content: 'x', model: null }).id;
    turn('Q');
    expect(library.selectVersion(conversationId, elsewhere)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(library.older(conversationId, elsewhere)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps drafts per conversation and for the new chat, deletes them on empty text and with the conversation', () => {
    expect(ok(library.getDraft(conversationId))).toEqual({ text: '', attachments: [] });
    expect(ok(library.saveDraft(conversationId, 'half a thought'))).toEqual({ saved: true });
    expect(ok(library.saveDraft(null, 'a new chat'))).toEqual({ saved: true });
    expect(ok(library.saveDraft(conversationId, 'a whole thought'))).toEqual({ saved: true });
    expect(ok(library.getDraft(conversationId))).toEqual({ text: 'a whole thought', attachments: [] });
    expect(ok(library.getDraft(null))).toEqual({ text: 'a new chat', attachments: [] });

    expect(ok(library.saveDraft(null, ''))).toEqual({ saved: true });
    expect(ok(library.getDraft(null))).toEqual({ text: '', attachments: [] });

    ok(library.delete(conversationId));
    // Deleted is undoable for a while: the drafts go once the conversation is removed for good.
    conversations.purgeDeleted(Date.now());
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    expect(library.saveDraft(conversationId, 'late')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(library.saveDraftFiles(conversationId, [])).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('sets and clears a conversation’s max output', () => {
    expect(ok(library.setMaxOutput(conversationId, 32_000)).maxOutputTokens).toBe(32_000);
    expect(ok(library.get(conversationId)).conversation.maxOutputTokens).toBe(32_000);
    expect(ok(library.setMaxOutput(conversationId, null)).maxOutputTokens).toBeNull();
  });

  it('opens the end of a 10,000-message conversation without reading the whole of it', () => {
    const insert = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'complete', 0, 0)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 10_000; i++)
        insert.run(`m${i}`, conversationId, i === 1 ? null : `m${i - 1}`, i, i % 2 ? 'user' : 'assistant', `text ${i}`);
    })();
    conversations.setCurrentLeaf(conversationId, 'm10000');

    const started = performance.now();
    const page = ok(library.get(conversationId));
    const older = ok(library.older(conversationId, page.messages[0]?.id as string));
    const elapsed = performance.now() - started;

    expect(page.messages.map((m) => m.id)).toEqual(Array.from({ length: 50 }, (_, i) => `m${9951 + i}`));
    expect(page.hasOlder).toBe(true);
    expect(older.messages.at(-1)?.id).toBe('m9950');
    // Reading the whole thread takes 300 ms or more here; two pages take a few ms (tens on a busy machine).
    expect(elapsed).toBeLessThan(150);
    // The plan walks the unique id index; the children lookup uses the parent index, never a table scan.
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? AND role = ?`)
      .all(conversationId, 'm1', 'user') as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('messages_by_parent');
  });
});
