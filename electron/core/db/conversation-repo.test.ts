import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { defaultConversationTitle } from '../../../shared/title';
import { ConversationRepo } from './conversation-repo';
import { openDatabase } from './open-database';

describe('ConversationRepo', () => {
  let db: Database;
  let clock: number;
  let repo: ConversationRepo;

  beforeEach(() => {
    db = openDatabase(':memory:');
    clock = 1_000;
    repo = new ConversationRepo(db, { now: () => clock });
  });
  afterEach(() => db.close());

  it('creates conversations with random ids and gets them back', () => {
    const created = repo.create({ title: '  Trip plans ', model: 'openai/gpt-4o' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toEqual({
      id: created.id,
      title: 'Trip plans',
      model: 'openai/gpt-4o',
      createdAt: 1000,
      updatedAt: 1000,
      maxOutputTokens: null,
      pinned: false,
      settings: {},
    });
    expect(repo.get(created.id)).toEqual(created);
    expect(repo.get('missing')).toBeNull();
    expect(repo.create({ model: 'openai/gpt-4o' }).title).toBe(defaultConversationTitle);
  });

  it('lists the most recently active first', () => {
    const a = repo.create({ title: 'A', model: 'm/a' });
    clock = 2_000;
    const b = repo.create({ title: 'B', model: 'm/b' });
    clock = 3_000;
    const c = repo.create({ title: 'C', model: 'm/c' });
    expect(repo.list().map((x) => x.title)).toEqual(['C', 'B', 'A']);

    clock = 4_000;
    expect(repo.touch(a.id).updatedAt).toBe(4_000);
    expect(repo.list().map((x) => x.id)).toEqual([a.id, c.id, b.id]);

    // A clock that goes backwards never moves a conversation down.
    clock = 500;
    expect(repo.touch(a.id).updatedAt).toBe(4_000);
  });

  it('renames and switches model without reordering the list', () => {
    const a = repo.create({ title: 'A', model: 'm/a' });
    clock = 2_000;
    repo.create({ title: 'B', model: 'm/b' });
    clock = 3_000;
    expect(repo.rename(a.id, 'Renamed')).toMatchObject({ title: 'Renamed', updatedAt: 1_000 });
    expect(repo.setModel(a.id, 'anthropic/claude')).toMatchObject({ model: 'anthropic/claude', updatedAt: 1_000 });
    expect(repo.list().map((x) => x.title)).toEqual(['B', 'Renamed']);
  });

  it('says not_found for changes to a conversation that does not exist', () => {
    for (const change of [
      () => repo.rename('nope', 'x'),
      () => repo.setModel('nope', 'm/x'),
      () => repo.touch('nope'),
    ]) {
      try {
        change();
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AppFailure);
        expect((err as AppFailure).error.code).toBe('not_found');
      }
    }
  });

  it('deletes, and deleting again is harmless', () => {
    const a = repo.create({ title: 'A', model: 'm/a' });
    expect(repo.delete(a.id)).toBe(true);
    expect(repo.get(a.id)).toBeNull();
    expect(repo.delete(a.id)).toBe(false);
  });

  it('lists pinned conversations first, newest activity first within each part, without pinning counting as activity', () => {
    const a = repo.create({ title: 'A', model: 'm/a' });
    clock = 2_000;
    const b = repo.create({ title: 'B', model: 'm/b' });
    clock = 3_000;
    const c = repo.create({ title: 'C', model: 'm/c' });
    expect(repo.setPinned(a.id, true)).toMatchObject({ pinned: true, updatedAt: 1_000 });
    expect(repo.list().map((x) => x.title)).toEqual(['A', 'C', 'B']);
    repo.setPinned(b.id, true);
    expect(repo.list().map((x) => x.title)).toEqual(['B', 'A', 'C']);
    expect(repo.setPinned(b.id, false).pinned).toBe(false);
    expect(repo.list().map((x) => x.title)).toEqual(['A', 'C', 'B']);
    expect(() => repo.setPinned('missing', true)).toThrow(AppFailure);
    void c;
  });

  it('hides a deleted conversation until it is restored, and purges it for good after its undo time', () => {
    const a = repo.create({ title: 'A', model: 'm/a' });
    const b = repo.create({ title: 'B', model: 'm/b' });
    expect(repo.markDeleted(a.id)).toBe(true);
    expect(repo.markDeleted(a.id)).toBe(false);
    expect(repo.get(a.id)).toBeNull();
    expect(repo.list().map((x) => x.id)).toEqual([b.id]);
    expect(() => repo.rename(a.id, 'Nope')).toThrow(AppFailure);
    expect(repo.restore(a.id)).toMatchObject({ id: a.id, title: 'A' });
    expect(repo.restore(a.id)).toBeNull();

    repo.markDeleted(a.id);
    clock = 5_000;
    repo.markDeleted(b.id);
    // Only what was deleted at or before the cut-off goes.
    expect(repo.purgeDeleted(4_000)).toBe(1);
    expect(repo.restore(a.id)).toBeNull();
    expect(repo.restore(b.id)).toMatchObject({ id: b.id });
  });

  it('deletes all conversations at once', () => {
    repo.create({ title: 'A', model: 'm/a' });
    repo.create({ title: 'B', model: 'm/b' });
    expect(repo.deleteAll()).toBe(2);
    expect(repo.list()).toEqual([]);
  });
});
