import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationRepo } from './conversation-repo';
import { type FinalizeInput, MessageRepo } from './message-repo';
import { openDatabase } from './open-database';
import { SearchRepo, rankedChars, rankedWindow } from './search-repo';
import { useTempDir } from '../test-support/temp-dir';

const finished = (content: string, over: Partial<FinalizeInput> = {}): FinalizeInput => ({
  status: 'complete',
  content,
  reasoning: null,
  model: 'openai/gpt-4o',
  provider: null,
  generationId: null,
  finishReason: 'stop',
  usage: null,
  error: null,
  ...over,
});

describe('SearchRepo on a real history file', () => {
  const tempDir = useTempDir();
  let db: Database;
  let clock: number;
  let conversations: ConversationRepo;
  let messages: MessageRepo;
  let search: SearchRepo;
  let conversationId: string;

  const ids = (
    query: string,
    filters: Parameters<SearchRepo['search']>[0] extends infer O ? Omit<O, 'query'> : never = {},
  ) => search.search({ query, ...filters }).hits.map((hit) => hit.messageId);
  /** FTS5's own check that each index agrees with the messages table row for row. */
  const expectIndexesInStep = () => {
    for (const table of ['messages_fts', 'messages_trigram'])
      expect(() =>
        db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run(),
      ).not.toThrow();
  };
  /** Bytes the index tables hold: what a streaming reply used to rewrite at every checkpoint. */
  const indexRows = () => (db.prepare('SELECT count(*) AS n FROM messages_fts_data').get() as { n: number }).n;

  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'history.sqlite3'));
    clock = 1_000;
    conversations = new ConversationRepo(db, { now: () => clock });
    messages = new MessageRepo(db, { now: () => clock });
    search = new SearchRepo(db);
    conversationId = conversations.create({ title: 'Northern lights', model: 'openai/gpt-4o' }).id;
  });
  afterEach(() => db.close());

  it('indexes a reply once it is final, follows continue, versions and edits, and forgets deleted text', () => {
    const question = messages.insertUser({ conversationId, content: 'Tell me about the aurora borealis', model: null });
    expect(ids('aurora borealis')).toEqual([question.id]);
    expect(ids('AURORA')).toEqual([question.id]);

    const answer = messages.createAssistant({ conversationId, model: 'openai/gpt-4o' });
    const before = indexRows();
    messages.checkpoint(answer.id, 'It is caused by the solar wind', null);
    messages.checkpoint(answer.id, 'It is caused by the solar wind hitting', null);
    // Streaming text is not searchable yet, and checkpoints write nothing to the index.
    expect(ids('solar wind')).toEqual([]);
    expect(indexRows()).toBe(before);

    messages.finalize(answer.id, finished('Charged particles from the sun hit the atmosphere.'));
    expect(ids('solar wind')).toEqual([]);
    expect(ids('charged particles')).toEqual([answer.id]);

    // Continue: streaming again takes it out of the index; the new final text goes back in.
    messages.reopen(answer.id);
    expect(ids('charged')).toEqual([]);
    messages.finalize(answer.id, finished('Charged particles, then green light from oxygen.'));
    expect(ids('oxygen')).toEqual([answer.id]);

    // A version beside it is found too.
    const version = messages.createAssistant({ conversationId, model: null, parentId: question.id });
    messages.finalize(version.id, finished('Oxygen glows green at altitude.'));
    expect(ids('oxygen').sort()).toEqual([answer.id, version.id].sort());
    expectIndexesInStep();

    // Deleted: hidden at once, back on restore, gone for good once purged.
    conversations.markDeleted(conversationId);
    expect(ids('oxygen')).toEqual([]);
    conversations.restore(conversationId);
    expect(ids('oxygen')).toHaveLength(2);
    conversations.markDeleted(conversationId);
    conversations.purgeDeleted(clock);
    expect(ids('aurora')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
    expectIndexesInStep();
  });

  it('finds words as they are typed, in any order, each word required', () => {
    const m = messages.insertUser({ conversationId, content: 'red green blue', model: null });
    expect(ids('green red')).toEqual([m.id]);
    expect(ids('  red   gre')).toEqual([m.id]);
    expect(ids('red purple')).toEqual([]);
  });

  it('never fails on query syntax, quotes, emoji, CJK, empty or huge input', () => {
    const syntax = messages.insertUser({
      conversationId,
      content: 'He said "NEAR" AND then col:umn -x * OR NOT 100% a_b',
      model: null,
    });
    const chinese = messages.insertUser({ conversationId, content: '我喜欢编程和学习', model: null });
    const emoji = messages.insertUser({ conversationId, content: 'Ship it 🚀 today', model: null });
    for (const query of ['"NEAR"', 'NEAR(', 'said "near', 'AND', 'col:umn', '-x', 'OR', 'NOT', '^', "'", '"', ')'])
      expect(() => search.search({ query }), query).not.toThrow();
    expect(ids('"NEAR"')).toEqual([syntax.id]);
    expect(ids('NEAR(')).toEqual([syntax.id]);
    expect(ids('col:umn')).toEqual([syntax.id]);
    // Symbols alone are searched for as text.
    expect(ids('*')).toEqual([syntax.id]);
    expect(ids('100%')).toEqual([syntax.id]);
    expect(ids('%')).toEqual([syntax.id]);
    expect(ids('a_b')).toEqual([syntax.id]);
    expect(ids('_')).toEqual([syntax.id]);
    // Two characters of Chinese (below the trigram length) and three or more.
    expect(ids('编程')).toEqual([chinese.id]);
    expect(ids('编程和学')).toEqual([chinese.id]);
    expect(ids('学校')).toEqual([]);
    expect(ids('🚀')).toEqual([emoji.id]);
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    const huge = search.search({ query: 'said '.repeat(2_000) });
    expect(huge.truncated).toBe(true);
    expect(huge.hits.map((h) => h.messageId)).toEqual([syntax.id]);
    expect(() => search.search({ query: '"'.repeat(10_000) })).not.toThrow();
    expect(() => search.search({ query: '编'.repeat(10_000) })).not.toThrow();
  });

  it('finds substrings of three characters or more through the trigram index, `%` and `_` only as themselves', () => {
    const literal = messages.insertUser({ conversationId, content: '写 编_程 and 编%程 here', model: null });
    // What `编_程` and `编%程` would match were `_` and `%` wildcards: the index lets these through, the exact test not.
    messages.insertUser({ conversationId, content: '写 编x程 and 编xyz程 there', model: null });
    expect(ids('编_程')).toEqual([literal.id]);
    expect(ids('编%程')).toEqual([literal.id]);
    expect(ids('编_程 编%程')).toEqual([literal.id]);
    expect(ids('写 编_程')).toEqual([literal.id]);
    const [hit] = search.search({ query: '编%程' }).hits;
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['编%程']);

    // The index answers the LIKE itself (FTS5 shows an `L` constraint), instead of SQLite reading every row: a
    // three-argument LIKE (with ESCAPE) is never offered to a virtual table.
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = vi.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
    const fresh = new SearchRepo(db);
    expect(fresh.search({ query: '编_程' }).hits).toHaveLength(1);
    spy.mockRestore();
    const substring = prepared.find((sql) => sql.includes('messages_trigram'));
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${substring ?? ''}`)
      .all({ model: null, since: 0, until: Number.MAX_SAFE_INTEGER, limit: 50 }, '%编_程%', '%编\\_程%') as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/SCAN t VIRTUAL TABLE INDEX \d+:L/);
  });

  it('returns snippets as text parts with the matches marked, never as markup', () => {
    messages.insertUser({
      conversationId,
      content: 'Before <img src=x onerror=alert(1)> the aurora was bright and <b>green</b>',
      model: 'openai/gpt-4o',
    });
    const [hit] = search.search({ query: 'aurora' }).hits;
    expect(hit?.conversationTitle).toBe('Northern lights');
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['aurora']);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('<img src=x onerror=alert(1)>');

    messages.insertUser({ conversationId, content: 'x'.repeat(300) + '编程' + 'y'.repeat(300), model: null });
    const [cjk] = search.search({ query: '编程' }).hits;
    expect(cjk?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['编程']);
    expect(cjk?.snippet.map((part) => part.text).join('').length).toBeLessThan(200);
  });

  it('marks words as the index matched them: folded case and accents, the last word as a prefix, past the opening', () => {
    const accents = messages.insertUser({ conversationId, content: 'Un Café crème, s’il vous plaît', model: null });
    const [hit] = search.search({ query: 'cafe CREM' }).hits;
    expect(hit?.messageId).toBe(accents.id);
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['Café', 'crème']);

    const deep = messages.insertUser({
      conversationId,
      content: `${'filler words here '.repeat(Math.ceil(rankedChars / 10))} the walrus surfaced`,
      model: null,
    });
    const [far] = search.search({ query: 'walrus' }).hits;
    expect(far?.messageId).toBe(deep.id);
    expect(far?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['walrus']);
  });

  it('ranks better matches first: more of the words, in less text, the rarer words weighing more', () => {
    const fill = db.transaction(() => {
      for (let i = 0; i < 300; i++) messages.insertUser({ conversationId, content: `common note ${i}`, model: null });
    });
    fill();
    const manyCommon = messages.insertUser({ conversationId, content: `${'common '.repeat(8)}rare rare`, model: null });
    const manyRare = messages.insertUser({
      conversationId,
      content: `rare rare rare common ${'filler '.repeat(6)}`,
      model: null,
    });
    const brief = messages.insertUser({ conversationId, content: 'common rare', model: null });
    // Three of the rare word first; then two words in 11 characters above ten in 65 (one rare beats two in a long text).
    expect(ids('common rare')).toEqual([manyRare.id, brief.id, manyCommon.id]);
    // The last word, still being typed, is weighed as at least as common as the word typed so far.
    expect(ids('rare common')).toEqual([manyRare.id, brief.id, manyCommon.id]);
  });

  it('filters by model and by date', () => {
    clock = 10_000;
    const early = messages.insertUser({ conversationId, content: 'kiwi early', model: 'openai/gpt-4o' });
    clock = 20_000;
    const late = messages.insertUser({ conversationId, content: 'kiwi late', model: 'anthropic/claude' });
    expect(ids('kiwi', { model: 'anthropic/claude' })).toEqual([late.id]);
    expect(ids('kiwi', { since: 15_000 })).toEqual([late.id]);
    expect(ids('kiwi', { until: 15_000 })).toEqual([early.id]);
    expect(ids('kiwi', { model: 'openai/gpt-4o', since: 15_000 })).toEqual([]);
  });

  it('ranks only the newest matches, so a word in every message answers as fast as a rare one', () => {
    const old = messages.insertUser({ conversationId, content: 'the old zebra', model: null });
    const insert = db.transaction(() => {
      for (let i = 0; i < rankedWindow + 100; i++)
        messages.insertUser({ conversationId, content: `the note number ${i}`, model: null, parentId: null });
    });
    insert();
    const newest = new Set(
      (db.prepare('SELECT id FROM messages ORDER BY row_id DESC LIMIT ?').all(rankedWindow) as { id: string }[]).map(
        (row) => row.id,
      ),
    );
    const found = search.search({ query: 'the', limit: 200 }).hits;
    expect(found).toHaveLength(200);
    expect(found.every((hit) => newest.has(hit.messageId))).toBe(true);
    // Still found: an older message the window does not reach when nothing newer matches.
    expect(ids('zebra')).toEqual([old.id]);
    expect(ids('the zebra')).toEqual([old.id]);
  });

  it('finds within the current thread only, oldest first', () => {
    const q1 = messages.insertUser({ conversationId, content: 'first pelican', model: null });
    const a1 = messages.createAssistant({ conversationId, model: null });
    messages.finalize(a1.id, finished('a pelican answer'));
    const other = messages.createAssistant({ conversationId, model: null, parentId: q1.id });
    messages.finalize(other.id, finished('another pelican version'));
    // The newest version is the current thread's; the first answer is on another branch now.
    expect(search.findInConversation(conversationId, 'pelican').messageIds).toEqual([q1.id, other.id]);
    expect(search.findInConversation(conversationId, 'pe').messageIds).toEqual([q1.id, other.id]);
    expect(search.findInConversation(conversationId, '').messageIds).toEqual([]);
    expect(search.findInConversation('missing', 'pelican').messageIds).toEqual([]);
  });
  it('says a search was cut only when words or characters were dropped, and keeps to the limit asked, 1 to 200', () => {
    const words = Array.from({ length: 17 }, (_, i) => `w${i}`);
    messages.insertUser({ conversationId, content: words.join(' '), model: null });
    const newer = messages.insertUser({ conversationId, content: words.join(' '), model: null });
    expect(search.search({ query: words.slice(0, 16).join(' ') })).toMatchObject({ truncated: false });
    expect(search.search({ query: `  ${words.slice(0, 16).join('   ')} ` })).toMatchObject({ truncated: false });
    // The 17th word is dropped: both messages are still found by the first 16, and the person is told.
    const cut = search.search({ query: words.join(' ') });
    expect(cut.truncated).toBe(true);
    expect(cut.hits).toHaveLength(2);
    expect(search.search({ query: `w1 ${'x'.repeat(253)}` }).truncated).toBe(false);
    expect(search.search({ query: `w1 ${'x'.repeat(254)}` }).truncated).toBe(true);
    expect(search.search({ query: '' })).toEqual({ hits: [], truncated: false });

    expect(ids('w1', { limit: 1 })).toEqual([newer.id]);
    expect(ids('w1', { limit: 0 })).toEqual([newer.id]);
    expect(ids('编%', { limit: 1 })).toEqual([]);
  });

  it('finds substrings (CJK, symbols) within the current thread only, oldest first', () => {
    const q1 = messages.insertUser({ conversationId, content: '我喜欢编程 a_b', model: null });
    const a1 = messages.createAssistant({ conversationId, model: null });
    messages.finalize(a1.id, finished('编程很好玩 a_b'));
    const other = messages.createAssistant({ conversationId, model: null, parentId: q1.id });
    messages.finalize(other.id, finished('学习编程 a_b'));
    messages.insertUser({
      conversationId: conversations.create({ title: 'x', model: 'openai/gpt-4o' }).id,
      content: '编程',
      model: null,
    });
    expect(search.findInConversation(conversationId, '编程')).toEqual({
      messageIds: [q1.id, other.id],
      truncated: false,
    });
    expect(search.findInConversation(conversationId, 'a_b').messageIds).toEqual([q1.id, other.id]);
    // `_` is no wildcard here either.
    expect(search.findInConversation(conversationId, 'a_c').messageIds).toEqual([]);
    expect(search.findInConversation(conversationId, '学习编程').messageIds).toEqual([other.id]);
    expect(search.findInConversation(conversationId, ' ')).toEqual({ messageIds: [], truncated: false });
  });

  it('tells how far above the current leaf a message is, and null for one on another version', () => {
    const q1 = messages.insertUser({ conversationId, content: 'question', model: null });
    const a1 = messages.createAssistant({ conversationId, model: null });
    messages.finalize(a1.id, finished('first answer'));
    const a2 = messages.createAssistant({ conversationId, model: null, parentId: q1.id });
    messages.finalize(a2.id, finished('second answer'));
    expect(search.depthInCurrentThread(conversationId, a2.id)).toBe(0);
    expect(search.depthInCurrentThread(conversationId, q1.id)).toBe(1);
    expect(search.depthInCurrentThread(conversationId, a1.id)).toBeNull();
    expect(search.depthInCurrentThread('missing', q1.id)).toBeNull();
  });
});
