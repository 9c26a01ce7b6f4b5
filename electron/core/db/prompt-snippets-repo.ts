// Core: saved system-prompt snippets, kept with the other app settings (model_settings) as one checked list.

import type { Database, Statement } from 'better-sqlite3';
import { type PromptSnippet, promptSnippetsSchema } from '../../../shared/conversation-settings';
import { guardStorage } from './storage-error';

const key = 'prompt_snippets';

export class PromptSnippetsRepo {
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

  /** Empty until the person saves one; a stored list that no longer reads as one is treated as empty. */
  read(): PromptSnippet[] {
    return guardStorage(this.file, () => {
      const stored = this.statements.read.get()?.value;
      if (stored === undefined) return [];
      let parsed: unknown;
      try {
        parsed = JSON.parse(stored);
      } catch {
        return [];
      }
      const checked = promptSnippetsSchema.safeParse(parsed);
      return checked.success ? checked.data : [];
    });
  }

  write(snippets: PromptSnippet[]): PromptSnippet[] {
    guardStorage(this.file, () => this.statements.write.run({ value: JSON.stringify(snippets) }));
    return this.read();
  }
}
