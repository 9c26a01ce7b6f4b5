// Core: a list kept as one JSON row of the app settings (model_settings), checked against its shared schema on every
// read, so a damaged or newer row never reaches the page: it reads as an empty list instead.

import type { Database, Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { guardStorage } from './storage-error';

export class CheckedListSetting<T> {
  private readonly file: string;
  private readonly statements: {
    read: Statement<[string], { value: string }>;
    write: Statement<[{ key: string; value: string }]>;
  };

  constructor(
    db: Database,
    private readonly key: string,
    private readonly schema: z.ZodType<T[]>,
  ) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      read: db.prepare<[string], { value: string }>(`SELECT value FROM model_settings WHERE key = ?`),
      write: db.prepare<{ key: string; value: string }>(
        `INSERT INTO model_settings (key, value) VALUES (@key, @value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    }));
  }

  /** Empty until a list is saved; a stored row that no longer passes the schema reads as empty. */
  read(): T[] {
    return guardStorage(this.file, () => {
      const stored = this.statements.read.get(this.key)?.value;
      if (stored === undefined) return [];
      let parsed: unknown;
      try {
        parsed = JSON.parse(stored);
      } catch {
        return [];
      }
      const checked = this.schema.safeParse(parsed);
      return checked.success ? checked.data : [];
    });
  }

  /** Replaces the list; returns it as stored (read back through the schema). */
  write(items: T[]): T[] {
    guardStorage(this.file, () => this.statements.write.run({ key: this.key, value: JSON.stringify(items) }));
    return this.read();
  }
}
