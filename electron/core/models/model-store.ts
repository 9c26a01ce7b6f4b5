// Core: the model feature's tables: the last good catalogue, favorites, recents, the default model, whether a
// cheap model writes conversation titles (titles/title-generator.ts), and the app's theme — the named settings share
// one key/value table (model_settings) rather than a migration per preference.

import type { Database, Statement } from 'better-sqlite3';
import type { ModelPreferences } from '../../../shared/domain';
import { type ThemeChoice, defaultPreferences, sidebarWidthRange, themeChoices } from '../../../shared/preferences';
import { guardStorage } from '../db/storage-error';
import { isRecord, type JsonRecord, parseJson } from '../openrouter/narrow';

export interface StoredCatalogue {
  fetchedAt: number;
  entries: JsonRecord[];
}

/** Enough to reach a model the person used lately, few enough to scan at a glance. */
export const maxRecents = 8;

export class ModelStore {
  private readonly file: string;
  private readonly now: () => number;
  private readonly statements: {
    readCatalogue: Statement<[], { fetched_at: number; entries_json: string }>;
    writeCatalogue: Statement<[{ fetched_at: number; entries_json: string }]>;
    favorites: Statement<[], { model_id: string }>;
    addFavorite: Statement<[{ model_id: string; now: number }]>;
    removeFavorite: Statement<[{ model_id: string }]>;
    recents: Statement<[], { model_id: string }>;
    forgetRecent: Statement<[{ model_id: string }]>;
    addRecent: Statement<[{ model_id: string; now: number }]>;
    trimRecents: Statement<[{ keep: number }]>;
    readSetting: Statement<[{ key: string }], { value: string }>;
    writeSetting: Statement<[{ key: string; value: string }]>;
  };
  private readonly markUsedTx: (model: string) => void;

  constructor(db: Database, options: { now?: () => number } = {}) {
    this.file = db.name;
    this.now = options.now ?? Date.now;
    this.statements = guardStorage(this.file, () => ({
      readCatalogue: db.prepare('SELECT fetched_at, entries_json FROM model_catalogue WHERE id = 1'),
      writeCatalogue: db.prepare(
        `INSERT INTO model_catalogue (id, fetched_at, entries_json) VALUES (1, @fetched_at, @entries_json)
         ON CONFLICT (id) DO UPDATE SET fetched_at = excluded.fetched_at, entries_json = excluded.entries_json`,
      ),
      favorites: db.prepare('SELECT model_id FROM model_favorites ORDER BY added_at, model_id'),
      addFavorite: db.prepare(
        'INSERT INTO model_favorites (model_id, added_at) VALUES (@model_id, @now) ON CONFLICT DO NOTHING',
      ),
      removeFavorite: db.prepare('DELETE FROM model_favorites WHERE model_id = @model_id'),
      // rowid breaks ties between two uses in the same millisecond: the later write is the newer use.
      recents: db.prepare('SELECT model_id FROM model_recents ORDER BY used_at DESC, rowid DESC'),
      forgetRecent: db.prepare('DELETE FROM model_recents WHERE model_id = @model_id'),
      addRecent: db.prepare('INSERT INTO model_recents (model_id, used_at) VALUES (@model_id, @now)'),
      trimRecents: db.prepare(
        `DELETE FROM model_recents WHERE model_id NOT IN
           (SELECT model_id FROM model_recents ORDER BY used_at DESC, rowid DESC LIMIT @keep)`,
      ),
      readSetting: db.prepare('SELECT value FROM model_settings WHERE key = @key'),
      writeSetting: db.prepare(
        'INSERT INTO model_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    }));
    this.markUsedTx = db.transaction((model: string) => {
      // A re-used model moves to the front: delete first, so its new row is also the newest rowid.
      this.statements.forgetRecent.run({ model_id: model });
      this.statements.addRecent.run({ model_id: model, now: this.now() });
      this.statements.trimRecents.run({ keep: maxRecents });
    });
  }

  /** The last good catalogue, or null when none was stored (or what is stored cannot be read). */
  readCatalogue(): StoredCatalogue | null {
    return guardStorage(this.file, () => {
      const row = this.statements.readCatalogue.get();
      if (!row) return null;
      const entries = parseJson(row.entries_json);
      return Array.isArray(entries) ? { fetchedAt: row.fetched_at, entries: entries.filter(isRecord) } : null;
    });
  }

  writeCatalogue(catalogue: StoredCatalogue): void {
    guardStorage(this.file, () =>
      this.statements.writeCatalogue.run({
        fetched_at: catalogue.fetchedAt,
        entries_json: JSON.stringify(catalogue.entries),
      }),
    );
  }

  preferences(): ModelPreferences {
    return guardStorage(this.file, () => ({
      favorites: this.statements.favorites.all().map((row) => row.model_id),
      recents: this.statements.recents.all().map((row) => row.model_id),
      defaultModel: this.statements.readSetting.get({ key: 'default_model' })?.value ?? null,
    }));
  }

  setFavorite(model: string, favorite: boolean): ModelPreferences {
    guardStorage(this.file, () => {
      if (favorite) this.statements.addFavorite.run({ model_id: model, now: this.now() });
      else this.statements.removeFavorite.run({ model_id: model });
    });
    return this.preferences();
  }

  setDefault(model: string): ModelPreferences {
    guardStorage(this.file, () => this.statements.writeSetting.run({ key: 'default_model', value: model }));
    return this.preferences();
  }

  /** Generated titles are off unless the person turned them on: each one is a paid request. */
  generatedTitles(): boolean {
    return guardStorage(this.file, () => this.statements.readSetting.get({ key: 'generated_titles' })?.value === 'on');
  }

  setGeneratedTitles(enabled: boolean): boolean {
    guardStorage(this.file, () =>
      this.statements.writeSetting.run({ key: 'generated_titles', value: enabled ? 'on' : 'off' }),
    );
    return this.generatedTitles();
  }

  /** The colour theme; anything unknown (a newer app's choice) reads as the default. */
  theme(): ThemeChoice {
    const stored = guardStorage(this.file, () => this.statements.readSetting.get({ key: 'theme' })?.value);
    return themeChoices.find((choice) => choice === stored) ?? defaultPreferences.theme;
  }

  setTheme(theme: ThemeChoice): ThemeChoice {
    guardStorage(this.file, () => this.statements.writeSetting.run({ key: 'theme', value: theme }));
    return this.theme();
  }

  /** System notifications for replies finished in the background: on unless turned off. */
  notifications(): boolean {
    return guardStorage(this.file, () => this.statements.readSetting.get({ key: 'notifications' })?.value !== 'off');
  }

  setNotifications(enabled: boolean): boolean {
    guardStorage(this.file, () =>
      this.statements.writeSetting.run({ key: 'notifications', value: enabled ? 'on' : 'off' }),
    );
    return this.notifications();
  }

  /** The sidebar's width; the default until set, and for anything out of range (a hand-edited database). */
  sidebarWidth(): number {
    const stored = Number(
      guardStorage(this.file, () => this.statements.readSetting.get({ key: 'sidebar_width' })?.value),
    );
    return Number.isInteger(stored) && stored >= sidebarWidthRange.min && stored <= sidebarWidthRange.max
      ? stored
      : sidebarWidthRange.default;
  }

  setSidebarWidth(width: number): number {
    guardStorage(this.file, () => this.statements.writeSetting.run({ key: 'sidebar_width', value: String(width) }));
    return this.sidebarWidth();
  }

  markUsed(model: string): ModelPreferences {
    guardStorage(this.file, () => this.markUsedTx(model));
    return this.preferences();
  }
}
