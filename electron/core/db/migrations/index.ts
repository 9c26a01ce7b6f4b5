// Core: every schema step, oldest first. Append new steps; never edit or reorder one that has shipped.

import { initMigration } from './0010-init';
import { threadsMigration } from './0020-threads';
import { modelCatalogueMigration } from './0030-model-catalogue';
import { spendMigration } from './0040-spend';
import { historyMigration } from './0050-history';
import { spendRollupsMigration } from './0060-spend-rollups';
import { wordPrefixesMigration } from './0070-word-prefixes';
import { threadTotalMigration } from './0080-thread-total';
import { conversationSettingsMigration } from './0090-conversation-settings';
import { attachmentsMigration } from './0100-attachments';
import { comparesMigration } from './0110-compares';
import { draftAttachmentsMigration } from './0120-draft-attachments';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const allMigrations: readonly Migration[] = [
  initMigration,
  threadsMigration,
  modelCatalogueMigration,
  spendMigration,
  historyMigration,
  spendRollupsMigration,
  wordPrefixesMigration,
  threadTotalMigration,
  conversationSettingsMigration,
  attachmentsMigration,
  comparesMigration,
  draftAttachmentsMigration,
];
