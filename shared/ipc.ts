// Contract: the channel map. Both transports route by these names; nothing else names a channel.

import type { z } from 'zod';
import type { Attachment } from './attachments';
import type {
  AppInfo,
  ChatStreamEvent,
  Conversation,
  ConversationWithMessages,
  HistoryStatus,
  KeyStatus,
  Message,
  MessagePage,
  ModelCatalogue,
  ModelPreferences,
  ModelProvider,
} from './domain';
import type { FindResults, SearchResults } from './library';
import {
  chatContinueSchema,
  chatEditSchema,
  chatRegenerateSchema,
  chatSendSchema,
  conversationCreateSchema,
  conversationIdSchema,
  conversationRenameSchema,
  conversationSelectVersionSchema,
  conversationSetMaxOutputSchema,
  conversationSetModelSchema,
  draftGetSchema,
  draftSaveSchema,
  draftFilesSaveSchema,
  attachmentReadySchema,
  emptySchema,
  historyRecoverSchema,
  keySaveSchema,
  messagesOlderSchema,
  conversationRevealSchema,
  conversationSetPinnedSchema,
  searchInConversationSchema,
  searchSchema,
  spendConversationSchema,
  spendMarkWarnedSchema,
  spendOverviewSchema,
  spendReplyCostsSchema,
  spendSetBudgetSchema,
  spendSummarySchema,
  modelFavoriteSchema,
  modelOnlySchema,
} from './schemas';
import {
  type BackupEntry,
  type BackupOverview,
  type ExportTicket,
  type PortabilityJob,
  backupRestoreSchema,
  exportStartSchema,
  importStartSchema,
  jobIdSchema,
} from './portability';
import type { ConversationSpend, KeyUsage, SpendExport, SpendOverview, SpendSummary } from './spend';
import { type TitleSettings, titleSettingsSetSchema } from './titles';
import {
  type ConversationSettings,
  type Preset,
  conversationDefaultsSetSchema,
  conversationSetSettingsSchema,
  presetIdSchema,
  presetSaveSchema,
  presetsImportSchema,
  type PromptSnippet,
  promptSnippetsSetSchema,
} from './conversation-settings';
import {
  type AppPreferences,
  preferencesSetNotificationsSchema,
  preferencesSetThemeSchema,
  sidebarWidthSchema,
} from './preferences';
import {
  type Compare,
  type CompareWithThreads,
  type CompareSet,
  compareSetsSetSchema,
  compareAddColumnSchema,
  compareColumnSchema,
  compareCreateSchema,
  compareIdSchema,
  compareMergeSchema,
  compareRenameSchema,
} from './compare';

/** Request/response channels: input schema and (type-only) result. */
export const requestChannels = {
  'app:info': { input: emptySchema, result: null as unknown as AppInfo },
  'key:status': { input: emptySchema, result: null as unknown as KeyStatus },
  'key:save': { input: keySaveSchema, result: null as unknown as KeyStatus },
  'key:refresh': { input: emptySchema, result: null as unknown as KeyStatus },
  'key:remove': { input: emptySchema, result: null as unknown as KeyStatus },
  'conversations:list': { input: emptySchema, result: null as unknown as Conversation[] },
  'conversations:get': { input: conversationIdSchema, result: null as unknown as ConversationWithMessages },
  'conversations:create': { input: conversationCreateSchema, result: null as unknown as Conversation },
  'conversations:rename': { input: conversationRenameSchema, result: null as unknown as Conversation },
  'conversations:set-model': { input: conversationSetModelSchema, result: null as unknown as Conversation },
  'conversations:delete': { input: conversationIdSchema, result: null as unknown as { id: string } },
  // The current leaf becomes the newest leaf under messageId; answers with the last page of that thread.
  'conversations:select-version': {
    input: conversationSelectVersionSchema,
    result: null as unknown as ConversationWithMessages,
  },
  'conversations:set-max-output': { input: conversationSetMaxOutputSchema, result: null as unknown as Conversation },
  // The thread messages before beforeId (at most limit, default 50), oldest first.
  'messages:older': { input: messagesOlderSchema, result: null as unknown as MessagePage },
  // The text and the files waiting in the tray (ready ones, as the core knows them).
  'drafts:get': { input: draftGetSchema, result: null as unknown as { text: string; attachments: Attachment[] } },
  // Empty text deletes the draft.
  'drafts:save': { input: draftSaveSchema, result: null as unknown as { saved: true } },
  // Replaces the files the tray holds (kept across a restart; garbage collection keeps them); an empty list forgets.
  'drafts:save-files': { input: draftFilesSaveSchema, result: null as unknown as { saved: true } },
  // Whether a stored file can go with a message: an image's sent copy is made in the background after attaching, and
  // a picture whose header was sound can still fail to decode in full (attachment_corrupt). Waits for the copy.
  'attachments:ready': { input: attachmentReadySchema, result: null as unknown as { ready: true } },
  // The cached catalogue, fetched first when older than a day; `refresh` fetches now (the cache stays on failure).
  'models:list': { input: emptySchema, result: null as unknown as ModelCatalogue },
  'models:refresh': { input: emptySchema, result: null as unknown as ModelCatalogue },
  'models:preferences': { input: emptySchema, result: null as unknown as ModelPreferences },
  'models:set-favorite': { input: modelFavoriteSchema, result: null as unknown as ModelPreferences },
  'models:set-default': { input: modelOnlySchema, result: null as unknown as ModelPreferences },
  // A model was just chosen: it heads the recents.
  'models:mark-used': { input: modelOnlySchema, result: null as unknown as ModelPreferences },
  // The providers serving a model, for the routing settings to choose from.
  'models:providers': { input: modelOnlySchema, result: null as unknown as ModelProvider[] },
  // Answers once the start-up integrity check has decided; `recover` is the person's choice after damage.
  'history:status': { input: emptySchema, result: null as unknown as HistoryStatus },
  'history:recover': { input: historyRecoverSchema, result: null as unknown as HistoryStatus },
  // History (issue 10). Delete (above) can be undone for a minute by restore; delete-all cannot.
  'conversations:set-pinned': { input: conversationSetPinnedSchema, result: null as unknown as Conversation },
  'conversations:restore': { input: conversationIdSchema, result: null as unknown as Conversation },
  'conversations:delete-all': { input: emptySchema, result: null as unknown as { deleted: number } },
  // Like get, but the page reaches back to messageId, whose thread becomes the current one.
  'conversations:reveal': { input: conversationRevealSchema, result: null as unknown as ConversationWithMessages },
  'search:messages': { input: searchSchema, result: null as unknown as SearchResults },
  'search:in-conversation': { input: searchInConversationSchema, result: null as unknown as FindResults },
  // Export and import run as jobs: start one, watch it with `job`, stop it with `cancel`. The bytes travel outside
  // the channels (a download or upload on the web host, a file chosen in a dialog on the desktop): see FileTransfer.
  'portability:export-start': { input: exportStartSchema, result: null as unknown as ExportTicket },
  'portability:import-start': { input: importStartSchema, result: null as unknown as { jobId: string } },
  'portability:job': { input: jobIdSchema, result: null as unknown as PortabilityJob },
  'portability:cancel': { input: jobIdSchema, result: null as unknown as PortabilityJob },
  'backups:list': { input: emptySchema, result: null as unknown as BackupOverview },
  'backups:create': { input: emptySchema, result: null as unknown as BackupEntry },
  // Only a path `backups:list` named; the history as it was is backed up first.
  'backups:restore': { input: backupRestoreSchema, result: null as unknown as HistoryStatus },
  // Spend: the ledger's totals and breakdowns, budget, CSV, the key's own figures (GET /key), and the one call that
  // deletes the spend history (for "delete all history … and the spend history too").
  'spend:summary': { input: spendSummarySchema, result: null as unknown as SpendSummary },
  'spend:overview': { input: spendOverviewSchema, result: null as unknown as SpendOverview },
  'spend:conversation': { input: spendConversationSchema, result: null as unknown as ConversationSpend },
  'spend:key-usage': { input: emptySchema, result: null as unknown as KeyUsage },
  'spend:export-csv': { input: emptySchema, result: null as unknown as SpendExport },
  'spend:set-budget': { input: spendSetBudgetSchema, result: null as unknown as { budget: string | null } },
  'spend:mark-warned': { input: spendMarkWarnedSchema, result: null as unknown as { marked: true } },
  'spend:clear-ledger': { input: emptySchema, result: null as unknown as { deleted: number } },
  // The replies as stored now: how a view waiting on "cost pending" sees the settled figure without a reopen.
  'spend:reply-costs': { input: spendReplyCostsSchema, result: null as unknown as Message[] },
  // Generated titles: off by default (each title is a paid request to a cheap model after a first reply).
  'titles:settings': { input: emptySchema, result: null as unknown as TitleSettings },
  'titles:set-enabled': { input: titleSettingsSetSchema, result: null as unknown as TitleSettings },
  // Per-conversation settings (issue 11): the conversation's own fields (validated; every window hears of the change),
  // the defaults for new conversations, and presets (model + settings). Export is the renderer's (toPresetsFile).
  'conversations:set-settings': { input: conversationSetSettingsSchema, result: null as unknown as Conversation },
  'settings:conversation-defaults': { input: emptySchema, result: null as unknown as ConversationSettings },
  'settings:set-conversation-defaults': {
    input: conversationDefaultsSetSchema,
    result: null as unknown as ConversationSettings,
  },
  // Saved system prompts to pick from in the settings panel; the whole list is replaced at once.
  'settings:prompt-snippets': { input: emptySchema, result: null as unknown as PromptSnippet[] },
  'settings:set-prompt-snippets': { input: promptSnippetsSetSchema, result: null as unknown as PromptSnippet[] },
  'presets:list': { input: emptySchema, result: null as unknown as Preset[] },
  'presets:save': { input: presetSaveSchema, result: null as unknown as Preset },
  'presets:delete': { input: presetIdSchema, result: null as unknown as { id: string } },
  // Adds every preset of the file (new ids); answers with the whole list.
  'presets:import': { input: presetsImportSchema, result: null as unknown as Preset[] },
  // The app's own preferences (the theme), kept by the core so both hosts remember them.
  'preferences:get': { input: emptySchema, result: null as unknown as AppPreferences },
  'preferences:set-theme': { input: preferencesSetThemeSchema, result: null as unknown as AppPreferences },
  'preferences:set-notifications': {
    input: preferencesSetNotificationsSchema,
    result: null as unknown as AppPreferences,
  },
  // The sidebar's width: the default until the person resizes it. The desktop app's main answers these two itself,
  // per arrangement of displays (shared/preferences.ts says why); on the web host the core does.
  'preferences:sidebar-width': { input: emptySchema, result: null as unknown as number },
  'preferences:set-sidebar-width': { input: sidebarWidthSchema, result: null as unknown as number },
  // Compares (issue 13): a group of ordinary conversations, one per column. A round is one chat:send per column.
  'compares:list': { input: emptySchema, result: null as unknown as Compare[] },
  'compares:get': { input: compareIdSchema, result: null as unknown as CompareWithThreads },
  'compares:create': { input: compareCreateSchema, result: null as unknown as Compare },
  'compares:delete': { input: compareIdSchema, result: null as unknown as { id: string } },
  // Undo of a delete, while its columns' conversations can still be restored.
  'compares:restore': { input: compareIdSchema, result: null as unknown as Compare },
  'compares:rename': { input: compareRenameSchema, result: null as unknown as Compare },
  // Links the conversation Merge started to the compare it merged (both show the link).
  'compares:add-merge': { input: compareMergeSchema, result: null as unknown as Compare },
  // The column's conversation becomes an ordinary one; the compare keeps it, marked continued.
  'compares:continue': { input: compareColumnSchema, result: null as unknown as Conversation },
  'compares:add-column': { input: compareAddColumnSchema, result: null as unknown as Compare },
  'compares:drop-column': { input: compareColumnSchema, result: null as unknown as Compare },
  'compares:sets': { input: emptySchema, result: null as unknown as CompareSet[] },
  'compares:set-sets': { input: compareSetsSetSchema, result: null as unknown as CompareSet[] },
} as const;

/** Streaming channels: one input, then a sequence of events until done/error; cancelling aborts upstream. */
export const streamChannels = {
  'chat:send': { input: chatSendSchema, event: null as unknown as ChatStreamEvent },
  'chat:regenerate': { input: chatRegenerateSchema, event: null as unknown as ChatStreamEvent },
  'chat:edit': { input: chatEditSchema, event: null as unknown as ChatStreamEvent },
  'chat:continue': { input: chatContinueSchema, event: null as unknown as ChatStreamEvent },
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type StreamChannel = keyof typeof streamChannels;
export type ChannelInput<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['input']>;
export type ChannelParsedInput<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['input']>;
export type ChannelResult<C extends RequestChannel> = (typeof requestChannels)[C]['result'];
export type StreamInput<C extends StreamChannel> = z.input<(typeof streamChannels)[C]['input']>;
export type StreamParsedInput<C extends StreamChannel> = z.output<(typeof streamChannels)[C]['input']>;
export type StreamEvent<C extends StreamChannel> = (typeof streamChannels)[C]['event'];

export const isRequestChannel = (name: string): name is RequestChannel =>
  Object.prototype.hasOwnProperty.call(requestChannels, name);
export const isStreamChannel = (name: string): name is StreamChannel =>
  Object.prototype.hasOwnProperty.call(streamChannels, name);
