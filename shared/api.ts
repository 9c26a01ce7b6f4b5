// Contract: DesktopApi is exactly what the renderer sees as `window.api`, whichever transport carries it.

import type { CoreEvent } from './core-events';
import type { ChatStreamEvent } from './domain';
import type { LibraryEvent } from './library';
import type { ChannelInput, ChannelResult, RequestChannel, StreamChannel, StreamEvent, StreamInput } from './ipc';
import type { Result } from './result';
import type {
  ChatContinueInput,
  ChatEditInput,
  ChatRegenerateInput,
  ChatSendInput,
  ConversationCreateInput,
  HistoryRecoverInput,
  KeySaveInput,
  SearchInput,
  SpendSummaryInput,
} from './schemas';
import type { ExportStartInput, FileTransfer, ImportStartInput } from './portability';
import type { ConversationSettings, PresetSaveInput, PresetsFile, PromptSnippet } from './conversation-settings';
import type { AppPreferences, ThemeChoice } from './preferences';
import type { CompareCreateInput, CompareSet } from './compare';
import type { Attachment, AttachmentTransport } from './attachments';

/** A running stream. `cancel()` aborts the upstream request; `finished` settles once no more events will come. */
export interface StreamHandle {
  cancel(): void;
  finished: Promise<void>;
}

type Call<C extends RequestChannel> = Promise<Result<ChannelResult<C>>>;

export interface DesktopApi {
  app: { info(): Call<'app:info'> };
  key: {
    status(): Call<'key:status'>;
    save(input: KeySaveInput): Call<'key:save'>;
    refresh(): Call<'key:refresh'>;
    remove(): Call<'key:remove'>;
  };
  conversations: {
    list(): Call<'conversations:list'>;
    get(id: string): Call<'conversations:get'>;
    create(input: ConversationCreateInput): Call<'conversations:create'>;
    rename(id: string, title: string): Call<'conversations:rename'>;
    setModel(id: string, model: string): Call<'conversations:set-model'>;
    delete(id: string): Call<'conversations:delete'>;
    selectVersion(conversationId: string, messageId: string): Call<'conversations:select-version'>;
    setMaxOutput(id: string, maxOutputTokens: number | null): Call<'conversations:set-max-output'>;
    setPinned(id: string, pinned: boolean): Call<'conversations:set-pinned'>;
    restore(id: string): Call<'conversations:restore'>;
    deleteAll(): Call<'conversations:delete-all'>;
    reveal(conversationId: string, messageId: string): Call<'conversations:reveal'>;
    /** Replaces the conversation's own settings (`{}` = all defaults). */
    setSettings(id: string, settings: ConversationSettings): Call<'conversations:set-settings'>;
  };
  /** The defaults for new conversations' settings (Settings); a conversation's own fields override them. */
  settings: {
    conversationDefaults(): Call<'settings:conversation-defaults'>;
    setConversationDefaults(settings: ConversationSettings): Call<'settings:set-conversation-defaults'>;
    promptSnippets(): Call<'settings:prompt-snippets'>;
    setPromptSnippets(snippets: PromptSnippet[]): Call<'settings:set-prompt-snippets'>;
  };
  presets: {
    list(): Call<'presets:list'>;
    save(input: PresetSaveInput): Call<'presets:save'>;
    delete(id: string): Call<'presets:delete'>;
    import(file: PresetsFile): Call<'presets:import'>;
  };
  search: {
    messages(input: SearchInput): Call<'search:messages'>;
    inConversation(conversationId: string, query: string): Call<'search:in-conversation'>;
  };
  /** Changes to the conversation list made in any window, this one included; returns the unsubscribe function. */
  library: { subscribe(listener: (event: LibraryEvent) => void): () => void };
  messages: { older(conversationId: string, beforeId: string): Call<'messages:older'> };
  drafts: {
    get(conversationId: string | null): Call<'drafts:get'>;
    save(conversationId: string | null, text: string): Call<'drafts:save'>;
    saveFiles(
      conversationId: string | null,
      files: readonly Pick<Attachment, 'id' | 'name'>[],
    ): Call<'drafts:save-files'>;
  };
  models: {
    list(): Call<'models:list'>;
    refresh(): Call<'models:refresh'>;
    preferences(): Call<'models:preferences'>;
    setFavorite(model: string, favorite: boolean): Call<'models:set-favorite'>;
    setDefault(model: string): Call<'models:set-default'>;
    markUsed(model: string): Call<'models:mark-used'>;
    providers(model: string): Call<'models:providers'>;
  };
  history: { status(): Call<'history:status'>; recover(input: HistoryRecoverInput): Call<'history:recover'> };
  portability: {
    startExport(input: ExportStartInput): Call<'portability:export-start'>;
    startImport(input: ImportStartInput): Call<'portability:import-start'>;
    job(jobId: string): Call<'portability:job'>;
    cancel(jobId: string): Call<'portability:cancel'>;
  };
  backups: {
    list(): Call<'backups:list'>;
    create(): Call<'backups:create'>;
    restore(path: string): Call<'backups:restore'>;
  };
  /** Files in and out: each transport hands them over its own way (see FileTransfer). */
  files: FileTransfer;
  /**
   * Files sent with a message, and images models send back: bytes in, URLs out, per transport (shared/attachments.ts);
   * `ready` asks the core whether a file can go with a message (an image's copy made, waiting for it).
   */
  attachments: AttachmentTransport & { ready(id: string): Call<'attachments:ready'> };
  spend: {
    summary(input: SpendSummaryInput): Call<'spend:summary'>;
    overview(monthStart: number): Call<'spend:overview'>;
    conversation(conversationId: string): Call<'spend:conversation'>;
    keyUsage(): Call<'spend:key-usage'>;
    exportCsv(): Call<'spend:export-csv'>;
    setBudget(monthlyUsd: string | null): Call<'spend:set-budget'>;
    markWarned(kind: 'budget' | 'key-limit', month: string): Call<'spend:mark-warned'>;
    /** Deletes the spend history (every ledger row); conversations are untouched. */
    clearLedger(): Call<'spend:clear-ledger'>;
    replyCosts(messageIds: string[]): Call<'spend:reply-costs'>;
  };
  titles: {
    settings(): Call<'titles:settings'>;
    setEnabled(enabled: boolean): Call<'titles:set-enabled'>;
  };
  preferences: {
    get(): Call<'preferences:get'>;
    setTheme(theme: ThemeChoice): Call<'preferences:set-theme'>;
    setNotifications(enabled: boolean): Call<'preferences:set-notifications'>;
    sidebarWidth(): Call<'preferences:sidebar-width'>;
    setSidebarWidth(width: number): Call<'preferences:set-sidebar-width'>;
    /** The preferences as kept after a change made in any window, this one included; returns the unsubscribe function. */
    subscribe(listener: (preferences: AppPreferences) => void): () => void;
  };
  /** Compares: each column is an ordinary conversation; a round is one `chat.send` per column. */
  compares: {
    list(): Call<'compares:list'>;
    get(id: string): Call<'compares:get'>;
    create(input: CompareCreateInput): Call<'compares:create'>;
    delete(id: string): Call<'compares:delete'>;
    restore(id: string): Call<'compares:restore'>;
    rename(id: string, title: string): Call<'compares:rename'>;
    addMerge(compareId: string, conversationId: string): Call<'compares:add-merge'>;
    continueColumn(conversationId: string): Call<'compares:continue'>;
    /** `from`: start the new column from that column's thread instead of the compare's first message. */
    addColumn(compareId: string, model: string, from?: string): Call<'compares:add-column'>;
    dropColumn(conversationId: string): Call<'compares:drop-column'>;
    sets(): Call<'compares:sets'>;
    setSets(sets: CompareSet[]): Call<'compares:set-sets'>;
  };
  chat: {
    send(input: ChatSendInput, onEvent: (event: ChatStreamEvent) => void): StreamHandle;
    regenerate(input: ChatRegenerateInput, onEvent: (event: ChatStreamEvent) => void): StreamHandle;
    edit(input: ChatEditInput, onEvent: (event: ChatStreamEvent) => void): StreamHandle;
    continue(input: ChatContinueInput, onEvent: (event: ChatStreamEvent) => void): StreamHandle;
  };
}

/** What a transport must provide; `createDesktopApi` turns it into the DesktopApi, so transports cannot drift. */
export interface Transport {
  invoke<C extends RequestChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>>;
  stream<C extends StreamChannel>(
    channel: C,
    input: StreamInput<C>,
    onEvent: (event: StreamEvent<C>) => void,
  ): StreamHandle;
  /** What the core tells every window unasked (shared/core-events.ts); returns the unsubscribe function. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export function createDesktopApi(
  transport: Transport,
  files: FileTransfer,
  attachments: AttachmentTransport,
): DesktopApi {
  const call = <C extends RequestChannel>(channel: C, input: ChannelInput<C>) => transport.invoke(channel, input);
  return {
    app: { info: () => call('app:info', undefined) },
    key: {
      status: () => call('key:status', undefined),
      save: (input) => call('key:save', input),
      refresh: () => call('key:refresh', undefined),
      remove: () => call('key:remove', undefined),
    },
    conversations: {
      list: () => call('conversations:list', undefined),
      get: (id) => call('conversations:get', { id }),
      create: (input) => call('conversations:create', input),
      rename: (id, title) => call('conversations:rename', { id, title }),
      setModel: (id, model) => call('conversations:set-model', { id, model }),
      delete: (id) => call('conversations:delete', { id }),
      selectVersion: (conversationId, messageId) => call('conversations:select-version', { conversationId, messageId }),
      setMaxOutput: (id, maxOutputTokens) => call('conversations:set-max-output', { id, maxOutputTokens }),
      setPinned: (id, pinned) => call('conversations:set-pinned', { id, pinned }),
      restore: (id) => call('conversations:restore', { id }),
      deleteAll: () => call('conversations:delete-all', undefined),
      reveal: (conversationId, messageId) => call('conversations:reveal', { conversationId, messageId }),
      setSettings: (id, settings) => call('conversations:set-settings', { id, settings }),
    },
    settings: {
      conversationDefaults: () => call('settings:conversation-defaults', undefined),
      setConversationDefaults: (settings) => call('settings:set-conversation-defaults', { settings }),
      promptSnippets: () => call('settings:prompt-snippets', undefined),
      setPromptSnippets: (snippets) => call('settings:set-prompt-snippets', { snippets }),
    },
    presets: {
      list: () => call('presets:list', undefined),
      save: (input) => call('presets:save', input),
      delete: (id) => call('presets:delete', { id }),
      import: (file) => call('presets:import', { file }),
    },
    search: {
      messages: (input) => call('search:messages', input),
      inConversation: (conversationId, query) => call('search:in-conversation', { conversationId, query }),
    },
    library: {
      subscribe: (listener) =>
        transport.subscribe((event) => {
          if (event.topic === 'library') listener(event.event);
        }),
    },
    messages: { older: (conversationId, beforeId) => call('messages:older', { conversationId, beforeId }) },
    drafts: {
      get: (conversationId) => call('drafts:get', { conversationId }),
      save: (conversationId, text) => call('drafts:save', { conversationId, text }),
      saveFiles: (conversationId, files) =>
        call('drafts:save-files', { conversationId, files: files.map(({ id, name }) => ({ id, name })) }),
    },
    models: {
      list: () => call('models:list', undefined),
      refresh: () => call('models:refresh', undefined),
      preferences: () => call('models:preferences', undefined),
      setFavorite: (model, favorite) => call('models:set-favorite', { model, favorite }),
      setDefault: (model) => call('models:set-default', { model }),
      markUsed: (model) => call('models:mark-used', { model }),
      providers: (model) => call('models:providers', { model }),
    },
    history: {
      status: () => call('history:status', undefined),
      recover: (input) => call('history:recover', input),
    },
    portability: {
      startExport: (input) => call('portability:export-start', input),
      startImport: (input) => call('portability:import-start', input),
      job: (jobId) => call('portability:job', { jobId }),
      cancel: (jobId) => call('portability:cancel', { jobId }),
    },
    backups: {
      list: () => call('backups:list', undefined),
      create: () => call('backups:create', undefined),
      restore: (path) => call('backups:restore', { path }),
    },
    files,
    attachments: { ...attachments, ready: (id) => call('attachments:ready', { id }) },
    spend: {
      summary: (input) => call('spend:summary', input),
      overview: (monthStart) => call('spend:overview', { monthStart }),
      conversation: (conversationId) => call('spend:conversation', { conversationId }),
      keyUsage: () => call('spend:key-usage', undefined),
      exportCsv: () => call('spend:export-csv', undefined),
      setBudget: (monthlyUsd) => call('spend:set-budget', { monthlyUsd }),
      markWarned: (kind, month) => call('spend:mark-warned', { kind, month }),
      clearLedger: () => call('spend:clear-ledger', undefined),
      replyCosts: (messageIds) => call('spend:reply-costs', { messageIds }),
    },
    titles: {
      settings: () => call('titles:settings', undefined),
      setEnabled: (enabled) => call('titles:set-enabled', { enabled }),
    },
    preferences: {
      get: () => call('preferences:get', undefined),
      setTheme: (theme) => call('preferences:set-theme', { theme }),
      setNotifications: (enabled) => call('preferences:set-notifications', { enabled }),
      sidebarWidth: () => call('preferences:sidebar-width', undefined),
      setSidebarWidth: (width) => call('preferences:set-sidebar-width', { width }),
      subscribe: (listener) =>
        transport.subscribe((event) => {
          if (event.topic === 'preferences') listener(event.preferences);
        }),
    },
    compares: {
      list: () => call('compares:list', undefined),
      get: (id) => call('compares:get', { id }),
      create: (input) => call('compares:create', input),
      delete: (id) => call('compares:delete', { id }),
      restore: (id) => call('compares:restore', { id }),
      rename: (id, title) => call('compares:rename', { id, title }),
      addMerge: (compareId, conversationId) => call('compares:add-merge', { compareId, conversationId }),
      continueColumn: (conversationId) => call('compares:continue', { conversationId }),
      addColumn: (compareId, model, from) =>
        call('compares:add-column', from === undefined ? { compareId, model } : { compareId, model, from }),
      dropColumn: (conversationId) => call('compares:drop-column', { conversationId }),
      sets: () => call('compares:sets', undefined),
      setSets: (sets) => call('compares:set-sets', { sets }),
    },
    chat: {
      send: (input, onEvent) => transport.stream('chat:send', input, onEvent),
      regenerate: (input, onEvent) => transport.stream('chat:regenerate', input, onEvent),
      edit: (input, onEvent) => transport.stream('chat:edit', input, onEvent),
      continue: (input, onEvent) => transport.stream('chat:continue', input, onEvent),
    },
  };
}
