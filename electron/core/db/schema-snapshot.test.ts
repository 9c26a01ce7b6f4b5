// The schema guard: the schema a fresh database gets from every migration is checked in as schema-snapshot.sql, so a
// migration that changes it shows up in review as a diff of that file, and one that changes it unrecorded fails
// here. (After Actual Budget's migration guard.)

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from './migrate';

const snapshotFile = fileURLToPath(new URL('./schema-snapshot.sql', import.meta.url));
const regenerate = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run electron/core/db/schema-snapshot.test.ts';

const header = [
  '-- The schema of a freshly migrated history database (sqlite_schema, every statement re-indented),',
  '-- written by electron/core/db/schema-snapshot.test.ts. Do not edit by hand; after changing a migration run',
  `--   ${regenerate}`,
  '-- and commit this file with it.',
];

/**
 * Every object SQLite keeps a definition for, by kind then name, each statement's lines trimmed and indented by two
 * (the migrations' template literals indent them by where they sit in the source, which says nothing about the
 * schema). Objects without SQL (automatic indexes) follow from their tables; sqlite_* bookkeeping tables are not ours.
 */
function schemaSnapshot(db: Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
       WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const statements = rows.map(({ sql }) =>
    sql
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n  '),
  );
  return [
    ...header,
    '',
    `PRAGMA user_version = ${readSchemaVersion(db)};`,
    ...statements.map((s) => `\n${s};`),
    '',
  ].join('\n');
}

describe('the schema snapshot', () => {
  it('matches the schema every migration builds on a fresh database', () => {
    const db = new BetterSqlite3(':memory:');
    let actual: string;
    try {
      migrate(db);
      actual = schemaSnapshot(db);
    } finally {
      db.close();
    }
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      writeFileSync(snapshotFile, actual);
      return;
    }
    const recorded = existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : '(no snapshot file)';
    expect(
      actual,
      `The migrations build a schema other than electron/core/db/schema-snapshot.sql records. If the change is ` +
        `meant, regenerate the snapshot with \`${regenerate}\` and commit it with the migration; if not, a ` +
        `migration changed the schema by mistake.`,
    ).toBe(recorded);
  });

  it('tells two schemas apart that differ only in one column, index or trigger', () => {
    const snapshotAfter = (extra: string) => {
      const db = new BetterSqlite3(':memory:');
      try {
        migrate(db);
        if (extra) db.exec(extra);
        return schemaSnapshot(db);
      } finally {
        db.close();
      }
    };
    const base = snapshotAfter('');
    expect(snapshotAfter('ALTER TABLE conversations ADD COLUMN colour TEXT')).not.toBe(base);
    expect(snapshotAfter('CREATE INDEX conversations_by_title ON conversations (title)')).not.toBe(base);
    expect(snapshotAfter('DROP TRIGGER messages_fts_after_delete')).not.toBe(base);
    // Indentation alone is not a schema change: where a statement sits in a migration's source does not matter.
    expect(snapshotAfter('CREATE TABLE notes (\n        body TEXT\n      )')).toBe(
      snapshotAfter('CREATE TABLE notes (\n  body TEXT\n)'),
    );
  });
});
