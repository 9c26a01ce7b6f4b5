// Core: saved compare sets ("cheap vs best"), kept with the other app settings (model_settings) as one checked list.

import type { Database } from 'better-sqlite3';
import { type CompareSet, compareSetsSetSchema } from '../../../shared/compare';
import { CheckedListSetting } from '../db/checked-list-setting';

export class CompareSetsRepo extends CheckedListSetting<CompareSet> {
  constructor(db: Database) {
    super(db, 'compare_sets', compareSetsSetSchema.shape.sets);
  }
}
