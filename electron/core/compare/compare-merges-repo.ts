// Core: which conversations Merge started from which compare, kept with the other app settings (model_settings) as
// one checked list. A link is only a pair of ids: a deleted conversation or compare simply stops being shown (the
// compare repository reads only links to conversations that are still there).

import type { Database } from 'better-sqlite3';
import { type CompareMergeLink, compareMergeLinksSchema } from '../../../shared/compare';
import { CheckedListSetting } from '../db/checked-list-setting';

export class CompareMergesRepo extends CheckedListSetting<CompareMergeLink> {
  constructor(db: Database) {
    super(db, 'compare_merges', compareMergeLinksSchema);
  }

  /** Adds a link once; links whose conversation is gone for good (`exists` false) are dropped meanwhile. */
  add(link: CompareMergeLink, exists: (conversationId: string) => boolean): void {
    const kept = this.read().filter(
      (item) => exists(item.conversationId) && item.conversationId !== link.conversationId,
    );
    this.write([...kept, link]);
  }

  /** The compare's links, oldest first. */
  of(compareId: string): CompareMergeLink[] {
    return this.read().filter((item) => item.compareId === compareId);
  }

  /** Forgets the compare's links (it was deleted); answers them so an Undo can put them back. */
  removeCompare(compareId: string): CompareMergeLink[] {
    const all = this.read();
    const removed = all.filter((item) => item.compareId === compareId);
    if (removed.length > 0) this.write(all.filter((item) => item.compareId !== compareId));
    return removed;
  }

  /** Puts back links an Undo restores. */
  restore(links: readonly CompareMergeLink[]): void {
    if (links.length === 0) return;
    const ids = new Set(links.map((link) => link.conversationId));
    this.write([...this.read().filter((item) => !ids.has(item.conversationId)), ...links]);
  }
}
