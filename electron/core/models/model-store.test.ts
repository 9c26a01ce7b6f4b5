import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sidebarWidthRange } from '../../../shared/preferences';
import { openDatabase } from '../db/open-database';
import { useTempDir } from '../test-support/temp-dir';
import { ModelStore } from './model-store';

describe('ModelStore', () => {
  const tempDir = useTempDir();
  let db: Database | null = null;
  afterEach(() => {
    db?.close();
    db = null;
  });

  /** A store over a freshly migrated history whose clock reads `clock.now`. */
  const open = (clock = { now: 1_000 }) => {
    db = openDatabase(join(tempDir(), 'history.sqlite3'));
    return { store: new ModelStore(db, { now: () => clock.now }), db, clock };
  };

  it('keeps favorites in the order they were added, once each', () => {
    const { store, clock } = open();
    store.setFavorite('b/two', true);
    clock.now += 1;
    store.setFavorite('a/one', true);
    clock.now += 1;
    store.setFavorite('b/two', true);
    expect(store.preferences().favorites).toEqual(['b/two', 'a/one']);
    expect(store.setFavorite('b/two', false).favorites).toEqual(['a/one']);
  });

  it('puts the latest use first even within one millisecond, and a re-used model moves to the front', () => {
    const { store } = open();
    store.markUsed('a/one');
    store.markUsed('b/two');
    store.markUsed('c/three');
    expect(store.preferences().recents).toEqual(['c/three', 'b/two', 'a/one']);
    expect(store.markUsed('a/one').recents).toEqual(['a/one', 'c/three', 'b/two']);
  });

  it('has no default model until one is chosen, then the latest choice', () => {
    const { store } = open();
    expect(store.preferences().defaultModel).toBeNull();
    store.setDefault('a/one');
    expect(store.setDefault('b/two').defaultModel).toBe('b/two');
  });

  it('writes titles by model only once turned on (each is a paid request), and notifies unless turned off', () => {
    const { store } = open();
    expect(store.generatedTitles()).toBe(false);
    expect(store.setGeneratedTitles(true)).toBe(true);
    expect(store.setGeneratedTitles(false)).toBe(false);
    expect(store.notifications()).toBe(true);
    expect(store.setNotifications(false)).toBe(false);
    expect(store.setNotifications(true)).toBe(true);
  });

  it('keeps the sidebar width within its range, reading anything else as the default', () => {
    const { store, db } = open();
    expect(store.sidebarWidth()).toBe(sidebarWidthRange.default);
    expect(store.setSidebarWidth(sidebarWidthRange.min)).toBe(sidebarWidthRange.min);
    expect(store.setSidebarWidth(sidebarWidthRange.max)).toBe(sidebarWidthRange.max);
    expect(store.setSidebarWidth(300)).toBe(300);
    for (const stranger of [String(sidebarWidthRange.min - 1), String(sidebarWidthRange.max + 1), '300.5', 'wide']) {
      db.prepare("UPDATE model_settings SET value = ? WHERE key = 'sidebar_width'").run(stranger);
      expect(store.sidebarWidth(), stranger).toBe(sidebarWidthRange.default);
    }
  });

  it('keeps the last catalogue, and reads one it cannot use as none', () => {
    const { store, db } = open();
    expect(store.readCatalogue()).toBeNull();
    store.writeCatalogue({ fetchedAt: 5, entries: [{ id: 'a/one' }] });
    store.writeCatalogue({ fetchedAt: 9, entries: [{ id: 'b/two' }, { id: 'c/three' }] });
    expect(store.readCatalogue()).toEqual({ fetchedAt: 9, entries: [{ id: 'b/two' }, { id: 'c/three' }] });
    db.prepare('UPDATE model_catalogue SET entries_json = ?').run('[{"id":"a/one"}, 3, null]');
    expect(store.readCatalogue()).toEqual({ fetchedAt: 9, entries: [{ id: 'a/one' }] });
    db.prepare('UPDATE model_catalogue SET entries_json = ?').run('{"id":"a/one"}');
    expect(store.readCatalogue()).toBeNull();
    db.prepare('UPDATE model_catalogue SET entries_json = ?').run('not json');
    expect(store.readCatalogue()).toBeNull();
  });
});
