// Core: saved presets (a model and its settings, under a name), in the history database.

import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Preset } from '../../../shared/conversation-settings';
import { AppFailure } from '../../../shared/result';
import type { RepoOptions } from './conversation-repo';
import { settingsFromJson, settingsToJson } from './settings-json';
import { guardStorage } from './storage-error';

interface PresetRow {
  id: string;
  name: string;
  model: string;
  settings_json: string;
}

const toPreset = (row: PresetRow): Preset => ({
  id: row.id,
  name: row.name,
  model: row.model,
  settings: settingsFromJson(row.settings_json) ?? {},
});

export class PresetRepo {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly file: string;
  private readonly statements: {
    list: Statement<[], PresetRow>;
    get: Statement<[string], PresetRow>;
    insert: Statement<[PresetRow & { now: number }]>;
    update: Statement<[PresetRow & { now: number }]>;
    delete: Statement<[string]>;
  };
  private readonly insertAll: (presets: Omit<Preset, 'id'>[]) => void;

  constructor(db: Database, options: RepoOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      list: db.prepare<[], PresetRow>(
        'SELECT id, name, model, settings_json FROM presets ORDER BY name COLLATE NOCASE, created_at, id',
      ),
      get: db.prepare<[string], PresetRow>('SELECT id, name, model, settings_json FROM presets WHERE id = ?'),
      insert: db.prepare<PresetRow & { now: number }>(
        `INSERT INTO presets (id, name, model, settings_json, created_at, updated_at)
         VALUES (@id, @name, @model, @settings_json, @now, @now)`,
      ),
      update: db.prepare<PresetRow & { now: number }>(
        `UPDATE presets SET name = @name, model = @model, settings_json = @settings_json, updated_at = @now
         WHERE id = @id`,
      ),
      delete: db.prepare<[string]>('DELETE FROM presets WHERE id = ?'),
    }));
    // An import adds all of its presets or none.
    this.insertAll = db.transaction((presets: Omit<Preset, 'id'>[]) => {
      for (const preset of presets) this.statements.insert.run(this.row({ ...preset, id: this.newId() }));
    });
  }

  /** By name, case-insensitively. */
  list(): Preset[] {
    return guardStorage(this.file, () => this.statements.list.all().map(toPreset));
  }

  /** A new preset without `id`; with one, that preset replaced (not_found when it is gone). */
  save(preset: Omit<Preset, 'id'> & { id?: string | undefined }): Preset {
    return guardStorage(this.file, () => {
      if (preset.id === undefined) {
        const row = this.row({ ...preset, id: this.newId() });
        this.statements.insert.run(row);
        return toPreset(row);
      }
      const row = this.row({ ...preset, id: preset.id });
      if (this.statements.update.run(row).changes === 0) {
        throw new AppFailure({ code: 'not_found', message: 'That preset no longer exists.' });
      }
      return toPreset(row);
    });
  }

  /** False when there was nothing to delete. */
  delete(id: string): boolean {
    return guardStorage(this.file, () => this.statements.delete.run(id).changes > 0);
  }

  addAll(presets: Omit<Preset, 'id'>[]): void {
    guardStorage(this.file, () => this.insertAll(presets));
  }

  private row(preset: Preset): PresetRow & { now: number } {
    return {
      id: preset.id,
      name: preset.name.trim(),
      model: preset.model,
      settings_json: settingsToJson(preset.settings) ?? '{}',
      now: this.now(),
    };
  }
}
