// Core: the settings new conversations start from (Settings), kept with the other app settings (model_settings).

import type { Database, Statement } from 'better-sqlite3';
import type { ConversationSettings } from '../../../shared/conversation-settings';
import { settingsFromJson, settingsToJson } from './settings-json';
import { guardStorage } from './storage-error';

const key = 'conversation_defaults';

export class ConversationDefaultsRepo {
  private readonly file: string;
  private readonly statements: {
    read: Statement<[], { value: string }>;
    write: Statement<[{ value: string }]>;
    clear: Statement<[]>;
  };

  constructor(db: Database) {
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      read: db.prepare<[], { value: string }>(`SELECT value FROM model_settings WHERE key = '${key}'`),
      write: db.prepare<{ value: string }>(
        `INSERT INTO model_settings (key, value) VALUES ('${key}', @value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
      clear: db.prepare<[]>(`DELETE FROM model_settings WHERE key = '${key}'`),
    }));
  }

  /** `{}` until the person sets any: OpenRouter's own defaults then apply. */
  read(): ConversationSettings {
    return guardStorage(this.file, () => settingsFromJson(this.statements.read.get()?.value ?? null) ?? {});
  }

  write(settings: ConversationSettings): ConversationSettings {
    guardStorage(this.file, () => {
      const json = settingsToJson(settings);
      if (json === null) this.statements.clear.run();
      else this.statements.write.run({ value: json });
    });
    return this.read();
  }
}
