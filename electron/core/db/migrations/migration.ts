// Core: the shape of one schema step; steps are numbered by tens so a fix can slot in between two of them.

import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Written to `PRAGMA user_version` once this step has run; strictly increasing across the list. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the runner's transaction: never open one here, never change `foreign_keys` here. */
  up(db: Database): void;
}
