// Core: saved system-prompt snippets, kept with the other app settings (model_settings) as one checked list.

import type { Database } from 'better-sqlite3';
import { type PromptSnippet, promptSnippetsSchema } from '../../../shared/conversation-settings';
import { CheckedListSetting } from './checked-list-setting';

export class PromptSnippetsRepo extends CheckedListSetting<PromptSnippet> {
  constructor(db: Database) {
    super(db, 'prompt_snippets', promptSnippetsSchema);
  }
}
