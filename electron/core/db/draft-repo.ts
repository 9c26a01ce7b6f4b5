// Core: the unsent text of each conversation's composer, kept across switching and restarts; deleted with its
// conversation. `null` is the chat not created yet.

import type { Database, Statement } from 'better-sqlite3';
import type { RepoOptions } from './conversation-repo';
import { guardStorage } from './storage-error';

interface DraftKey {
  conversation_id: string | null;
}

export class DraftRepo {
  private readonly now: () => number;
  private readonly file: string;
  private readonly statements: {
    get: Statement<[DraftKey], { text: string }>;
    remove: Statement<[DraftKey]>;
    insert: Statement<[DraftKey & { text: string; now: number }]>;
  };
  private readonly replace: (key: DraftKey, text: string) => void;

  constructor(db: Database, options: Pick<RepoOptions, 'now'> = {}) {
    this.now = options.now ?? Date.now;
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      // `IS` matches the NULL key of the new chat as well as a conversation id.
      get: db.prepare<[DraftKey], { text: string }>(
        'SELECT text FROM drafts WHERE conversation_id IS @conversation_id',
      ),
      remove: db.prepare<[DraftKey]>('DELETE FROM drafts WHERE conversation_id IS @conversation_id'),
      insert: db.prepare<[DraftKey & { text: string; now: number }]>(
        'INSERT INTO drafts (conversation_id, text, updated_at) VALUES (@conversation_id, @text, @now)',
      ),
    }));
    this.replace = db.transaction((key: DraftKey, text: string) => {
      this.statements.remove.run(key);
      if (text !== '') this.statements.insert.run({ ...key, text, now: this.now() });
    });
  }

  get(conversationId: string | null): string {
    return guardStorage(this.file, () => this.statements.get.get({ conversation_id: conversationId })?.text ?? '');
  }

  /** Empty text deletes the draft. */
  save(conversationId: string | null, text: string): void {
    guardStorage(this.file, () => this.replace({ conversation_id: conversationId }, text));
  }
}
