// Core: conversation settings as stored (JSON), checked against the shared schema on every read: a row written by a
// newer version, or damaged, must not put an unvalidated value into a request.

import { type ConversationSettings, conversationSettingsSchema } from '../../../shared/conversation-settings';
import { readStoredJson } from './stored-json';

/** Null for no fields at all, so "nothing set" is one value on disk. */
export function settingsToJson(settings: ConversationSettings | null): string | null {
  return settings && Object.keys(settings).length > 0 ? JSON.stringify(settings) : null;
}

/** The stored settings, or null when none were stored or what is stored does not pass the schema. */
export function settingsFromJson(json: string | null): ConversationSettings | null {
  const parsed = readStoredJson(json);
  if (parsed === undefined) return null;
  const checked = conversationSettingsSchema.safeParse(parsed);
  return checked.success ? checked.data : null;
}
