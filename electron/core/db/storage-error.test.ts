import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { ConversationRepo } from './conversation-repo';
import { MessageRepo } from './message-repo';
import { openDatabase } from './open-database';
import { guardStorage, toStorageError } from './storage-error';
import { failureOf } from '../test-support/app-failure';
import { useTempDir } from '../test-support/temp-dir';

describe('toStorageError', () => {
  const sqliteError = (code: string) => new BetterSqlite3.SqliteError(`sqlite said ${code}`, code);

  it('names the problem a person can act on', () => {
    expect(toStorageError(sqliteError('SQLITE_FULL')).message).toMatch(/disk is full/);
    expect(toStorageError(sqliteError('SQLITE_CORRUPT'), '/p/h.db').message).toMatch(/\/p\/h\.db is damaged/);
    expect(toStorageError(sqliteError('SQLITE_NOTADB')).message).toMatch(/damaged/);
    expect(toStorageError(sqliteError('SQLITE_BUSY')).message).toMatch(/locked by another program/);
    expect(toStorageError(sqliteError('SQLITE_READONLY_DBMOVED')).message).toMatch(/permissions/);
    expect(toStorageError(sqliteError('SQLITE_IOERR_WRITE')).message).toMatch(/SQLITE_IOERR_WRITE/);
    expect(toStorageError(sqliteError('SQLITE_FULL')).error.code).toBe('storage_error');
    expect(toStorageError(sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY')).error.code).toBe('not_found');
    expect(toStorageError(new Error('boom')).message).toMatch(/boom/);
  });

  it('reads extended result codes by their family, and tells an I/O error from any other by its own message', () => {
    const message = (code: string) => toStorageError(sqliteError(code), '/p/h.db').message;
    expect(message('SQLITE_CORRUPT_INDEX')).toMatch(/is damaged/);
    expect(message('SQLITE_BUSY_SNAPSHOT')).toMatch(/locked by another program/);
    expect(message('SQLITE_LOCKED_SHAREDCACHE')).toMatch(/locked by another program/);
    expect(message('SQLITE_PERM')).toMatch(/permissions/);
    expect(message('SQLITE_CANTOPEN_ISDIR')).toMatch(/permissions/);
    expect(message('SQLITE_IOERR_SHORT_READ')).toBe(
      'Switchboard could not read or write its history database at /p/h.db (SQLITE_IOERR_SHORT_READ). Check the disk.',
    );
    expect(message('SQLITE_CONSTRAINT_UNIQUE')).toBe(
      "Switchboard's history database reported an error (SQLITE_CONSTRAINT_UNIQUE): sqlite said SQLITE_CONSTRAINT_UNIQUE",
    );
    // Not SQLite's: a code of another kind, or a thrown string, is worded as an unexpected failure with the file.
    const other = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(toStorageError(other, '/p/h.db').message).toBe(
      'Switchboard could not use its history database at /p/h.db: EACCES: permission denied',
    );
    expect(toStorageError('odd').message).toBe('Switchboard could not use its history database: odd');
  });

  it('passes AppFailures through unchanged', () => {
    const original = new AppFailure({ code: 'not_found', message: 'gone' });
    expect(toStorageError(original)).toBe(original);
    expect(
      failureOf(() =>
        guardStorage(undefined, () => {
          throw original;
        }),
      ),
    ).toBe(original);
  });
});

describe('a full disk', () => {
  const tempDir = useTempDir();

  it('surfaces as storage_error "disk is full" from the repositories and loses nothing already saved', () => {
    const db = openDatabase(join(tempDir(), 'history.sqlite3'));
    try {
      const conversations = new ConversationRepo(db);
      const messages = new MessageRepo(db);
      const { id: conversationId } = conversations.create({ title: 'Before the disk filled', model: 'm/x' });
      const saved = messages.insertUser({ conversationId, content: 'kept', model: null });
      const answer = messages.createAssistant({ conversationId, model: null });

      // Cap the file at its current size: the next write that needs a new page fails as SQLITE_FULL would.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const big = 'lorem ipsum '.repeat(20_000);

      for (const write of [
        () => messages.insertUser({ conversationId, content: big, model: null }),
        () => messages.checkpoint(answer.id, big, null),
        () =>
          messages.finalize(answer.id, {
            status: 'complete',
            content: big,
            reasoning: null,
            model: 'm/x',
            provider: null,
            generationId: 'gen-1',
            finishReason: 'stop',
            usage: usageFixture({
              promptTokens: 1,
              completionTokens: 1,
              totalTokens: 2,
              costUsd: '0.1',
              isByok: false,
            }),
            error: null,
          }),
      ]) {
        const failure = failureOf(write);
        expect(failure.error.code).toBe('storage_error');
        expect(failure.message).toMatch(/disk is full/);
      }

      expect(messages.listForConversation(conversationId).map((m) => m.id)).toEqual([saved.id, answer.id]);
      expect(messages.get(answer.id)).toMatchObject({ status: 'streaming', content: '' });
      expect(db.prepare('SELECT count(*) FROM spend_ledger').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
