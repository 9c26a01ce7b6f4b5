// Core: saved compare sets ("cheap vs best"), kept with the other app settings (model_settings, one JSON row) and
// checked against the shared schema on every read, so a damaged or newer row never reaches the page.

import type { Database, Statement } from 'better-sqlite3';
import { type CompareSet, compareSetsSetSchema } from '../../../shared/compare';
import { guardStorage } from '../db/storage-error';

const key = 'compare_sets';

export class CompareSetsRepo {
  private readonly file: string;
  private readonly statements: {
    read: Statement<[], { value: string }>;
    write: Statement<[{ value: string }]>;
  };

  constructor(db: Database) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      read: db.prepare<[], { value: string }>(`SELECT value FROM model_settings WHERE key = '${key}'`),
      write: db.prepare<{ value: string }>(
        `INSERT INTO model_settings (key, value) VALUES ('${key}', @value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    }));
  }

  /** None until one is saved; a row that no longer passes the schema reads as none. */
  read(): CompareSet[] {
    return guardStorage(this.file, () => {
      const raw = this.statements.read.get()?.value;
      if (raw === undefined) return [];
      try {
        const parsed = compareSetsSetSchema.safeParse({ sets: JSON.parse(raw) });
        return parsed.success ? parsed.data.sets : [];
      } catch {
        return [];
      }
    });
  }

  write(sets: CompareSet[]): CompareSet[] {
    guardStorage(this.file, () => this.statements.write.run({ value: JSON.stringify(sets) }));
    return this.read();
  }
}
