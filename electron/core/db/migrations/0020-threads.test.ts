import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationRepo } from '../conversation-repo';
import { MessageRepo } from '../message-repo';
import { migrate, readSchemaVersion } from '../migrate';
import { openDatabase } from '../open-database';
import { SearchRepo } from '../search-repo';
import { useTempDir } from '../../test-support/temp-dir';
import { ThreadRepo } from '../thread-repo';
import { initMigration } from './0010-init';
import { allMigrations } from './index';

/** Rows exactly as schema 10 wrote them: (id, conversation, seq, role, content, status). */
const oldRows: [string, string, number, 'user' | 'assistant', string, string][] = [
  ['u1', 'c1', 1, 'user', 'What is a quokka?', 'complete'],
  ['a1', 'c1', 2, 'assistant', 'A small marsupial from Rottnest Island.', 'complete'],
  ['u2', 'c1', 3, 'user', 'Are they friendly?', 'complete'],
  ['a2', 'c1', 4, 'assistant', '', 'error'],
  ['u3', 'c1', 5, 'user', 'Are they friendly?', 'complete'],
  ['a3', 'c1', 6, 'assistant', 'Curious, mostly.', 'streaming'],
  // Inserted out of conversation order on purpose: the backfill must follow seq, not row order.
  ['b2', 'c2', 2, 'assistant', 'Bonjour aussi.', 'complete'],
  ['b1', 'c2', 1, 'user', 'Bonjour', 'complete'],
];

function schema10(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  migrate(db, [initMigration]);
  const conversation = db.prepare('INSERT INTO conversations VALUES (?, ?, ?, ?, ?)');
  conversation.run('c1', 'Quokkas', 'openai/gpt-4o-mini', 1, 10);
  conversation.run('c2', 'French', 'openai/gpt-4o-mini', 2, 20);
  conversation.run('c3', 'Empty', 'openai/gpt-4o-mini', 3, 30);
  const message = db.prepare(
    `INSERT INTO messages (id, conversation_id, seq, role, content, status, generation_id, cost_usd, usage_json,
                           created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 100, 100)`,
  );
  for (const [id, conversationId, seq, role, content, status] of oldRows) {
    const billed = id === 'a1';
    message.run(id, conversationId, seq, role, content, status, billed ? 'gen-a1' : null, billed ? 0.01 : null, null);
  }
  db.prepare(
    `INSERT INTO spend_ledger (message_id, conversation_id, generation_id, model, cost_usd, created_at)
     VALUES ('a1', 'c1', 'gen-a1', 'openai/gpt-4o-mini', 0.01, 100)`,
  ).run();
  db.close();
}

describe('migration 20: threads', () => {
  const tempDir = useTempDir();
  let db: Database | null = null;
  afterEach(() => db?.close());

  function upgraded(): { db: Database; file: string } {
    const file = join(tempDir(), 'history.sqlite3');
    schema10(file);
    db = openDatabase(file);
    return { db, file };
  }

  it('chains each old conversation by seq, points its current leaf at the last message, and keeps every row', () => {
    const { db: upgradedDb, file } = upgraded();
    expect(readSchemaVersion(upgradedDb)).toBe(allMigrations.at(-1)?.version);
    expect(existsSync(`${file}.bak-v10`)).toBe(true);

    const parents = upgradedDb
      .prepare('SELECT id, parent_id AS parent, content, status FROM messages ORDER BY conversation_id, seq')
      .all();
    expect(parents).toEqual([
      { id: 'u1', parent: null, content: 'What is a quokka?', status: 'complete' },
      { id: 'a1', parent: 'u1', content: 'A small marsupial from Rottnest Island.', status: 'complete' },
      { id: 'u2', parent: 'a1', content: 'Are they friendly?', status: 'complete' },
      { id: 'a2', parent: 'u2', content: '', status: 'error' },
      { id: 'u3', parent: 'a2', content: 'Are they friendly?', status: 'complete' },
      { id: 'a3', parent: 'u3', content: 'Curious, mostly.', status: 'streaming' },
      { id: 'b1', parent: null, content: 'Bonjour', status: 'complete' },
      { id: 'b2', parent: 'b1', content: 'Bonjour aussi.', status: 'complete' },
    ]);
    const leaves = upgradedDb
      .prepare('SELECT id, current_leaf_id AS leaf, max_output_tokens AS max FROM conversations ORDER BY id')
      .all();
    expect(leaves).toEqual([
      { id: 'c1', leaf: 'a3', max: null },
      { id: 'c2', leaf: 'b2', max: null },
      { id: 'c3', leaf: null, max: null },
    ]);

    // The repositories read the old conversation as one thread, with a single version at each step.
    const page = new ThreadRepo(upgradedDb).pageEndingAt('c1', 'a3');
    expect(page.messages.map((m) => [m.id, m.parentId, m.versionIds])).toEqual([
      ['u1', null, ['u1']],
      ['a1', 'u1', ['a1']],
      ['u2', 'a1', ['u2']],
      ['a2', 'u2', ['a2']],
      ['u3', 'a2', ['u3']],
      ['a3', 'u3', ['a3']],
    ]);
    expect(new ConversationRepo(upgradedDb).get('c1')).toMatchObject({ maxOutputTokens: null });
  });

  it('keeps the full-text index attached: old text is found, and new and edited rows are indexed', () => {
    const { db: upgradedDb } = upgraded();
    const messages = new MessageRepo(upgradedDb);
    const search = new SearchRepo(upgradedDb);
    const found = (query: string) => search.search({ query }).hits.map((hit) => [hit.messageId, hit.conversationId]);
    expect(found('Rottnest')).toEqual([['a1', 'c1']]);
    expect(found('Bonjour').sort()).toEqual([
      ['b1', 'c2'],
      ['b2', 'c2'],
    ]);

    const added = messages.insertUser({ conversationId: 'c2', content: 'Comment allez-vous?', model: null });
    expect(added.parentId).toBe('b2');
    expect(found('allez')).toEqual([[added.id, 'c2']]);

    const reply = messages.createAssistant({ conversationId: 'c2', model: null });
    messages.finalize(reply.id, {
      status: 'complete',
      content: 'Très bien, merci.',
      reasoning: null,
      model: null,
      provider: null,
      generationId: null,
      finishReason: 'stop',
      usage: null,
      error: null,
    });
    expect(found('merci')).toEqual([[reply.id, 'c2']]);

    // The index agrees with its content table row for row (FTS5's own consistency check).
    expect(() =>
      upgradedDb.prepare("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });

  it("accepts the 'interrupted' status and still refuses unknown ones", () => {
    const { db: upgradedDb } = upgraded();
    expect(new MessageRepo(upgradedDb).repairInterrupted()).toBe(1);
    expect(upgradedDb.prepare("SELECT status FROM messages WHERE id = 'a3'").pluck().get()).toBe('interrupted');
    expect(() => upgradedDb.prepare("UPDATE messages SET status = 'paused' WHERE id = 'a3'").run()).toThrow(/CHECK/);
  });

  it('keys the ledger by generation: a second generation of a message is a new row, the same one is not', () => {
    const { db: upgradedDb } = upgraded();
    const insert = upgradedDb.prepare(
      `INSERT INTO spend_ledger (message_id, conversation_id, generation_id, cost_pico, created_at)
       VALUES ('a1', 'c1', ?, 20000000000, 200) ON CONFLICT DO NOTHING`,
    );
    expect(insert.run('gen-a1').changes).toBe(0);
    expect(insert.run('gen-a1-continued').changes).toBe(1);
    expect(upgradedDb.prepare('SELECT count(*) FROM spend_ledger').pluck().get()).toBe(2);
  });

  it('deletes drafts with their conversation, and allows one draft for the chat not created yet', () => {
    const { db: upgradedDb } = upgraded();
    upgradedDb
      .prepare("INSERT INTO drafts (conversation_id, text, updated_at) VALUES ('c1', 'half a thought', 1)")
      .run();
    upgradedDb.prepare("INSERT INTO drafts (conversation_id, text, updated_at) VALUES (NULL, 'new chat', 1)").run();
    expect(() =>
      upgradedDb.prepare("INSERT INTO drafts (conversation_id, text, updated_at) VALUES (NULL, 'again', 1)").run(),
    ).toThrow(/UNIQUE/);
    upgradedDb.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(upgradedDb.prepare('SELECT text FROM drafts').pluck().all()).toEqual(['new chat']);
    // The cascade reached the messages too, and the ledger kept what was spent.
    expect(upgradedDb.prepare("SELECT count(*) FROM messages WHERE conversation_id = 'c1'").pluck().get()).toBe(0);
    expect(upgradedDb.prepare('SELECT count(*) FROM spend_ledger').pluck().get()).toBe(1);
  });
});
