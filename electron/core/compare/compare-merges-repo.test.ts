// Which conversations Merge started from which compare: one link per conversation, dropped when the conversation is
// gone for good, forgotten with its compare and put back by Undo.

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { CompareMergesRepo } from './compare-merges-repo';
import { CompareSetsRepo } from './compare-sets-repo';

describe('CompareMergesRepo', () => {
  let db: Database;
  let merges: CompareMergesRepo;
  const all = () => [...merges.of('k1'), ...merges.of('k2')];
  const everyConversation = () => true;

  beforeEach(() => {
    db = openDatabase(':memory:');
    merges = new CompareMergesRepo(db);
  });
  afterEach(() => db.close());

  it('lists a compare’s links oldest first, and only its own', () => {
    merges.add({ compareId: 'k1', conversationId: 'a' }, everyConversation);
    merges.add({ compareId: 'k2', conversationId: 'b' }, everyConversation);
    merges.add({ compareId: 'k1', conversationId: 'c' }, everyConversation);
    expect(merges.of('k1')).toEqual([
      { compareId: 'k1', conversationId: 'a' },
      { compareId: 'k1', conversationId: 'c' },
    ]);
    expect(merges.of('k2')).toEqual([{ compareId: 'k2', conversationId: 'b' }]);
    expect(merges.of('k3')).toEqual([]);
  });

  it('keeps one link per conversation (the latest), and drops links whose conversation is gone', () => {
    merges.add({ compareId: 'k1', conversationId: 'a' }, everyConversation);
    merges.add({ compareId: 'k1', conversationId: 'gone' }, everyConversation);
    merges.add({ compareId: 'k2', conversationId: 'a' }, (id) => id !== 'gone');
    expect(all()).toEqual([{ compareId: 'k2', conversationId: 'a' }]);
  });

  it('forgets a deleted compare’s links, answering them for Undo, and keeps the others', () => {
    merges.add({ compareId: 'k1', conversationId: 'a' }, everyConversation);
    merges.add({ compareId: 'k2', conversationId: 'b' }, everyConversation);
    merges.add({ compareId: 'k1', conversationId: 'c' }, everyConversation);
    const removed = merges.removeCompare('k1');
    expect(removed).toEqual([
      { compareId: 'k1', conversationId: 'a' },
      { compareId: 'k1', conversationId: 'c' },
    ]);
    expect(all()).toEqual([{ compareId: 'k2', conversationId: 'b' }]);
    expect(merges.removeCompare('k1')).toEqual([]);
    expect(all()).toEqual([{ compareId: 'k2', conversationId: 'b' }]);

    merges.restore(removed);
    expect(merges.of('k1')).toEqual(removed);
    expect(merges.of('k2')).toEqual([{ compareId: 'k2', conversationId: 'b' }]);
  });

  it('puts back a link over one the same conversation gained meanwhile, and changes nothing for an empty Undo', () => {
    merges.add({ compareId: 'k2', conversationId: 'a' }, everyConversation);
    merges.restore([{ compareId: 'k1', conversationId: 'a' }]);
    expect(all()).toEqual([{ compareId: 'k1', conversationId: 'a' }]);
    merges.restore([]);
    expect(all()).toEqual([{ compareId: 'k1', conversationId: 'a' }]);
  });

  it('reads the links kept by an earlier run, apart from the saved compare sets', () => {
    db.prepare("INSERT INTO model_settings (key, value) VALUES ('compare_merges', ?)").run(
      JSON.stringify([{ compareId: 'k1', conversationId: 'kept' }]),
    );
    new CompareSetsRepo(db).write([{ name: 'cheap vs best', models: ['a/one', 'b/two'] }]);
    expect(new CompareMergesRepo(db).of('k1')).toEqual([{ compareId: 'k1', conversationId: 'kept' }]);
  });
});
