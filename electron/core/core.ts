// Core (Node: Electron main or web host): builds every service from one configuration; both transports call this.

import { existsSync } from 'node:fs';
import { describeApp } from './app-info';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo, ChatStreamEvent, HistoryStatus, Message } from '../../shared/domain';
import type {
  ChatContinueInput,
  ChatEditInput,
  ChatRegenerateInput,
  ChatSendInput,
  HistoryRecoverInput,
} from '../../shared/schemas';
import { ActiveKeySource } from './active-key';
import { ChatService } from './chat-service';
import { CostSettler } from './cost/cost-settler';
import { SpendRepo } from './cost/spend-repo';
import { SpendService } from './cost/spend-service';
import { createOutputBudget } from './chat/output-budget';
import type { CoreConfig } from './config';
import { ConversationRepo } from './db/conversation-repo';
import { toStorageError } from './db/storage-error';
import { DraftRepo } from './db/draft-repo';
import { MessageRepo } from './db/message-repo';
import { SearchRepo } from './db/search-repo';
import { LibraryEvents } from './library-events';
import { backupFolder, listBackupEntries } from './db/backup-files';
import { scheduleDailyBackups } from './history/daily-backup';
import { HistoryGate } from './history/history-gate';
import { PortabilityService } from './portability/portability-service';
import type { BackupEntry, BackupOverview } from '../../shared/portability';
import { type Result, fail } from '../../shared/result';
import { KeyService } from './key-service';
import type { AttachmentFiles } from './attachments/attachment-files';
import { AttachmentStore, attachmentsFolderName } from './attachments/attachment-store';
import { chatFiles } from './attachments/chat-files';
import { attachmentsHeldByBackups } from './attachments/backup-attachments';
import type { AttachmentRepo } from './db/attachment-repo';
import { LibraryService } from './library-service';
import type { Logger } from './logger';
import { ModelService } from './models/model-service';
import { ModelStore } from './models/model-store';
import { OpenRouterClient } from './openrouter/client';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { MemorySecretStore } from './secrets/memory-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { TitleGenerator, defaultTitleModel } from './titles/title-generator';
import { ConversationDefaultsRepo } from './db/conversation-defaults-repo';
import { PresetRepo } from './db/preset-repo';
import { PromptSnippetsRepo } from './db/prompt-snippets-repo';
import { SettingsService } from './settings-service';
import type { TitleSettings } from '../../shared/titles';
import type { AppPreferences, ThemeChoice } from '../../shared/preferences';
import { CompareRepo } from './compare/compare-repo';
import { CompareService } from './compare/compare-service';
import { CompareSetsRepo } from './compare/compare-sets-repo';

/** LibraryService's methods, answering once the history is known to be sound (or with the storage_error why not). */
/** Start-up and turn bookkeeping stay inside the core. */
type InternalLibraryMethods = 'purgeDeleted' | 'announceChanged';
export type HistoryLibrary = {
  [K in Exclude<keyof LibraryService, InternalLibraryMethods>]: (
    ...args: Parameters<LibraryService[K]>
  ) => Promise<ReturnType<LibraryService[K]>>;
};

/** SettingsService's methods (conversation defaults, presets), answering once the history is known to be sound. */
export type HistorySettings = {
  [K in keyof SettingsService]: (...args: Parameters<SettingsService[K]>) => Promise<ReturnType<SettingsService[K]>>;
};

/** CompareService's methods, answering once the history is known to be sound. */
export type HistoryCompares = {
  [K in keyof CompareService]: (...args: Parameters<CompareService[K]>) => Promise<ReturnType<CompareService[K]>>;
};

/** SpendService's methods, answering once the history is known to be sound. */
export type HistorySpend = {
  [K in keyof SpendService]: (...args: Parameters<SpendService[K]>) => Promise<ReturnType<SpendService[K]>>;
};

export interface Core {
  keys: KeyService;
  /** Library changes, for every connected window (both transports subscribe). */
  events: LibraryEvents;
  library: HistoryLibrary;
  spend: HistorySpend;
  /** Defaults for new conversations' settings, and presets. */
  settings: HistorySettings;
  /** Compares: groups of ordinary conversations, one per column (a round is one chat turn per column). */
  compares: HistoryCompares;
  models: ModelService;
  chat: {
    send(input: ChatSendInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent>;
    regenerate(input: ChatRegenerateInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent>;
    edit(input: ChatEditInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent>;
    continue(input: ChatContinueInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent>;
    /** Resolves once every background cost lookup has finished; shutdown waits on it. */
    settled(): Promise<void>;
  };
  history: {
    status(): Promise<HistoryStatus>;
    recover(input: HistoryRecoverInput): Promise<Result<HistoryStatus>>;
  };
  /** Export and import jobs; the transports deliver their bytes (openExport, runImport). */
  portability: PortabilityService;
  /** Files sent with messages and images models send back: both transports hand bytes in and read them by id. */
  attachments: AttachmentFiles;
  /** Where snapshots of the history are kept (the one folder the desktop app may open for the page). */
  backupFolder: string;
  backups: {
    list(): Promise<Result<BackupOverview>>;
    create(): Promise<Result<BackupEntry>>;
    restore(path: string): Promise<Result<HistoryStatus>>;
  };
  /** Whether a cheap model names new conversations (off by default: each title costs money). */
  titles: {
    settings(): Promise<Result<TitleSettings>>;
    setEnabled(enabled: boolean): Promise<Result<TitleSettings>>;
  };
  /** The app's own preferences (theme, notifications), in the history database beside the other named settings. */
  preferences: {
    get(): Promise<Result<AppPreferences>>;
    setTheme(theme: ThemeChoice): Promise<Result<AppPreferences>>;
    setNotifications(enabled: boolean): Promise<Result<AppPreferences>>;
    /**
     * The sidebar's width (the page's layout, so no listener hears it): the web host's one width; the desktop app keeps
     * its own per arrangement of displays and starts from this one (electron/main/sidebar-width.ts).
     */
    sidebarWidth(): Promise<Result<number>>;
    setSidebarWidth(width: number): Promise<Result<number>>;
    /** Hears every change once kept (the desktop app's theme and notifications follow); returns the unsubscribe. */
    subscribe(listener: (preferences: AppPreferences) => void): () => void;
  };
  appInfo(): AppInfo;
  close(): void;
}

interface HistoryServices {
  library: LibraryService;
  attachments: AttachmentRepo;
  chat: ChatService;
  db: Database;
  spend: SpendService;
  modelStore: ModelStore;
  titles: TitleGenerator;
  settings: SettingsService;
  compares: CompareService;
}

export interface CoreDependencies {
  logger: Logger;
  transport: AppInfo['transport'];
  fetch?: typeof globalThis.fetch;
  /** Waits before automatic retries of a turn; tests shorten them. */
  retryDelaysMs?: readonly number[];
  /** Waits between rounds of asking OpenRouter for a reply's cost; tests shorten them. */
  settlementRoundDelaysMs?: readonly number[];
}

export const historyFileName = 'history.sqlite3';
/** The model of an imported conversation whose file names none (the renderer's default for a new chat). */
const importFallbackModel = 'openai/gpt-4o-mini';

const withRoundDelays = (delays: readonly number[] | undefined) => (delays ? { roundDelaysMs: delays } : {});

export function createCore(config: CoreConfig, deps: CoreDependencies): Core {
  const keychain: SecretStore =
    config.secretStore === 'memory'
      ? new MemorySecretStore()
      : new KeytarSecretStore({ service: config.keychainService, account: config.keychainAccount });
  const keySource = new ActiveKeySource(keychain, new MemorySecretStore());
  const client = new OpenRouterClient({
    baseUrl: config.openRouterBaseUrl,
    fetch: deps.fetch ?? globalThis.fetch,
    getKey: () => keySource.read(),
  });

  const keys = new KeyService(keySource, client);
  // One catalogue for the picker and for sizing replies, so a turn does not fetch it again. Kept in the history
  // database; while that cannot be used the catalogue lives in memory only.
  const models = new ModelService({
    source: client,
    store: async (): Promise<ModelStore | null> => {
      const services: Result<HistoryServices> = await history.services();
      return services.ok ? services.value.modelStore : null;
    },
    logger: deps.logger,
  });

  const events = new LibraryEvents(deps.logger);
  const attachments: AttachmentStore = new AttachmentStore({
    folder: join(config.profileDir, attachmentsFolderName),
    heldByBackups: () => attachmentsHeldByBackups(historyFile),
    repo: async (): Promise<AttachmentRepo | null> => {
      const services: Result<HistoryServices> = await history.services();
      return services.ok ? services.value.attachments : null;
    },
  });
  /** After a delete: files only deleted conversations carried go (once those are purged, after their Undo). */
  const sweepAttachments = <T>(result: Result<T>): Result<T> => {
    void attachments
      .collectGarbage()
      .catch((error: unknown) => deps.logger.warn(`attachment clean-up failed: ${String(error)}`));
    return result;
  };

  /**
   * Runs a turn once the history is sound, or says why it cannot. Other windows hear of it when it starts (a new
   * conversation, or activity that moves one up the list) and when it ends (answered).
   */
  async function* turn(run: (chat: ChatService) => AsyncGenerator<ChatStreamEvent>): AsyncGenerator<ChatStreamEvent> {
    const services = await history.services();
    if (!services.ok) {
      yield { type: 'error', error: services.error, message: null };
      return;
    }
    let conversationId: string | null = null;
    let answered: Message | null = null;
    try {
      for await (const event of run(services.value.chat)) {
        if (event.type === 'started') {
          conversationId = event.conversation.id;
          events.emit({ type: 'changed', conversation: event.conversation });
        }
        if (event.type === 'done') answered = event.message;
        yield event;
      }
    } finally {
      if (conversationId !== null) {
        services.value.library.announceChanged(conversationId);
        // A first reply may earn the conversation a generated title (when the person turned them on).
        if (answered) services.value.titles.afterReply(conversationId, answered);
      }
    }
  }

  // Throws at start, as before, only for what no choice can fix (a newer app's history, an unusable folder).
  const historyFile = join(config.profileDir, historyFileName);
  const history = new HistoryGate<HistoryServices>({
    file: historyFile,
    logger: deps.logger,
    build: (db) => {
      const conversations = new ConversationRepo(db);
      const messages = new MessageRepo(db);
      const library = new LibraryService(
        conversations,
        messages,
        messages.threads,
        new DraftRepo(db),
        new SearchRepo(db),
        (event) => events.emit(event),
      );
      // No Undo from an earlier run can still be on screen.
      const purged = library.purgeDeleted();
      if (purged.ok && purged.value.purged > 0)
        deps.logger.info(`removed ${purged.value.purged} deleted conversation(s) for good`);
      const repaired = messages.repairInterrupted();
      if (repaired > 0) deps.logger.warn(`marked ${repaired} repl${repaired === 1 ? 'y' : 'ies'} as interrupted`);
      const settler = new CostSettler(messages, messages.settlements, {
        lookup: (id) => client.getGeneration(id),
        prices: (id) => models.find(id),
        ...withRoundDelays(deps.settlementRoundDelaysMs ?? config.settlementRoundDelaysMs),
      });
      // Lookups a quit or crash cut short (a stopped reply, one interrupted mid-stream) go on where they left off.
      const resumed = settler.resumeAll();
      if (resumed > 0)
        deps.logger.info(`asking OpenRouter for ${resumed} reply cost${resumed === 1 ? '' : 's'} still owed`);
      const modelStore = new ModelStore(db);
      const attachmentRepo = messages.threads.attachments;
      // Files no message carries any more (their conversations purged above) go, and old ones never sent. With this
      // build's own repo: the gate may build while the core is still being made, before `history` can be asked.
      void attachments
        .collectGarbage(attachmentRepo)
        .catch((error: unknown) => deps.logger.warn(`attachment clean-up failed: ${String(error)}`));
      const conversationDefaults = new ConversationDefaultsRepo(db);
      const titles = new TitleGenerator({
        streamer: client,
        enabled: () => modelStore.generatedTitles(),
        findMessage: (conversationId, id) => messages.threads.find(conversationId, id),
        currentTitle: (id) => conversations.get(id)?.title ?? null,
        // The library's rename tells every window, as a rename by hand does.
        rename: (id, title) => void library.rename(id, title),
        recordSpend: (owner, usage, provider) => void messages.recordOrphanSpend(owner, usage, provider),
        logger: deps.logger,
      });
      return {
        library,
        attachments: attachmentRepo,
        db,
        modelStore,
        titles,
        chat: new ChatService(conversations, messages, client, {
          retryDelaysMs: deps.retryDelaysMs,
          settler,
          conversationDefaults: () => conversationDefaults.read(),
          modelInfo: (id) => models.find(id),
          files: chatFiles(attachments, attachmentRepo),
          outputBudget: createOutputBudget({
            model: (id) => models.find(id),
            limitRemaining: () => keys.limitRemaining(),
          }),
        }),
        spend: new SpendService(new SpendRepo(db), messages),
        settings: new SettingsService(conversationDefaults, new PresetRepo(db), new PromptSnippetsRepo(db)),
        compares: new CompareService(
          db,
          new CompareRepo(db),
          conversations,
          library,
          (event) => events.emit(event),
          new CompareSetsRepo(db),
          messages,
        ),
      };
    },
  });

  /** Runs a library call once the history is sound; a write first retries replies a full disk kept in memory. */
  const library = <T>(work: (library: LibraryService) => Result<T>, write = false) =>
    history.services().then((services): Result<T> => {
      if (!services.ok) return services;
      if (write) services.value.chat.saveUnsavedReplies();
      return work(services.value.library);
    });

  const portability = new PortabilityService({
    historyFile,
    appVersion: config.appVersion,
    fallbackModel: importFallbackModel,
    files: {
      has: (id) => existsSync(attachments.pathOf(id, 'original')),
      read: async (id) => (await attachments.read(id, 'original'))?.bytes ?? null,
      add: (name, bytes) => attachments.add(name, bytes),
    },
    history: async () => {
      const services = await history.services();
      if (!services.ok) return services;
      const { db, chat, library } = services.value;
      const added = (ids: string[]) => {
        for (const id of ids) {
          const found = library.get(id);
          if (found.ok) events.emit({ type: 'changed', conversation: found.value.conversation });
        }
      };
      return { ok: true, value: { db, beforeWrite: () => void chat.saveUnsavedReplies(), added } };
    },
  });
  const dailyBackups = scheduleDailyBackups({
    file: historyFile,
    snapshot: () => history.snapshot('daily'),
    logger: deps.logger,
  });

  const backups: Core['backups'] = {
    list: async () => {
      await history.status();
      return {
        ok: true,
        value: {
          folder: backupFolder(historyFile),
          backups: listBackupEntries(historyFile),
          canOpenFolder: deps.transport === 'electron',
        },
      };
    },
    create: () => history.snapshot('manual'),
    restore: async (path) => {
      const chat = history.current()?.chat;
      if (chat?.replying)
        return fail('invalid_input', 'A reply is still arriving. Stop it or let it finish, then restore.');
      if (chat) {
        chat.saveUnsavedReplies();
        chat.close();
      }
      history.current()?.titles.close();
      portability.cancelAll();
      const restored = await history.restoreFrom(path);
      // Every window's list is replaced by the backup's.
      const list = await library((l) => l.list());
      if (restored.ok && list.ok) {
        events.emit({ type: 'cleared' });
        for (const conversation of list.value) events.emit({ type: 'changed', conversation });
      }
      return restored;
    },
  };
  /** The title setting lives with the model preferences; the model is the core's choice (title-generator.ts). */
  const titleSettings = async (change?: boolean): Promise<Result<TitleSettings>> => {
    const services = await history.services();
    if (!services.ok) return services;
    const store = services.value.modelStore;
    try {
      const enabled = change === undefined ? store.generatedTitles() : store.setGeneratedTitles(change);
      return { ok: true, value: { enabled, model: defaultTitleModel } };
    } catch (error) {
      return { ok: false, error: toStorageError(error).error };
    }
  };
  /** Runs a settings call once the history is sound. */
  const settingsCall = <T>(work: (settings: SettingsService) => Result<T>) =>
    history.services().then((services): Result<T> => (services.ok ? work(services.value.settings) : services));
  const sidebarWidth = async (change?: number): Promise<Result<number>> => {
    const services = await history.services();
    if (!services.ok) return services;
    const store = services.value.modelStore;
    try {
      return { ok: true, value: change === undefined ? store.sidebarWidth() : store.setSidebarWidth(change) };
    } catch (error) {
      return { ok: false, error: toStorageError(error).error };
    }
  };
  /** Preferences wait for a sound history like every other setting; until then the page follows the system. */
  const preferenceListeners = new Set<(preferences: AppPreferences) => void>();
  const preferences = async (change?: Partial<AppPreferences>): Promise<Result<AppPreferences>> => {
    const services = await history.services();
    if (!services.ok) return services;
    const store = services.value.modelStore;
    let value: AppPreferences;
    try {
      if (change?.theme !== undefined) store.setTheme(change.theme);
      if (change?.notifications !== undefined) store.setNotifications(change.notifications);
      value = { theme: store.theme(), notifications: store.notifications() };
    } catch (error) {
      return { ok: false, error: toStorageError(error).error };
    }
    if (change !== undefined) {
      for (const listener of [...preferenceListeners]) {
        // A listener's failure (a window gone) must not turn a kept change into a reported failure.
        try {
          listener(value);
        } catch (error) {
          deps.logger.warn(`a preferences listener failed: ${String(error)}`);
        }
      }
    }
    return { ok: true, value };
  };
  /** Runs a compare call once the history is sound; a write first retries replies a full disk kept in memory. */
  const comparing = <T>(work: (compares: CompareService) => Result<T>, write = false) =>
    history.services().then((services): Result<T> => {
      if (!services.ok) return services;
      if (write) services.value.chat.saveUnsavedReplies();
      return work(services.value.compares);
    });
  /** Runs a spend call once the history is sound. */
  const spending = <T>(work: (spend: SpendService) => Result<T>) =>
    history.services().then((services): Result<T> => (services.ok ? work(services.value.spend) : services));

  return {
    keys,
    events,
    portability,
    attachments,
    backupFolder: backupFolder(historyFile),
    backups,
    spend: {
      summary: (input) => spending((s) => s.summary(input)),
      overview: (monthStart) => spending((s) => s.overview(monthStart)),
      conversation: (id) => spending((s) => s.conversation(id)),
      exportCsv: () => spending((s) => s.exportCsv()),
      setBudget: (usd) => spending((s) => s.setBudget(usd)),
      markWarned: (kind, month) => spending((s) => s.markWarned(kind, month)),
      clearLedger: () => spending((s) => s.clearLedger()),
      replyCosts: (ids) => spending((s) => s.replyCosts(ids)),
    },
    settings: {
      conversationDefaults: () => settingsCall((s) => s.conversationDefaults()),
      setConversationDefaults: (value) => settingsCall((s) => s.setConversationDefaults(value)),
      listPresets: () => settingsCall((s) => s.listPresets()),
      savePreset: (input) => settingsCall((s) => s.savePreset(input)),
      deletePreset: (id) => settingsCall((s) => s.deletePreset(id)),
      importPresets: (file) => settingsCall((s) => s.importPresets(file)),
      promptSnippets: () => settingsCall((s) => s.promptSnippets()),
      setPromptSnippets: (snippets) => settingsCall((s) => s.setPromptSnippets(snippets)),
    },
    compares: {
      list: () => comparing((c) => c.list()),
      get: (id) => comparing((c) => c.get(id)),
      create: (input) => comparing((c) => c.create(input), true),
      delete: (id) => comparing((c) => c.delete(id), true),
      restore: (id) => comparing((c) => c.restore(id), true),
      rename: (id, title) => comparing((c) => c.rename(id, title), true),
      addMerge: (compareId, conversationId) => comparing((c) => c.addMerge(compareId, conversationId), true),
      continueColumn: (id) => comparing((c) => c.continueColumn(id), true),
      addColumn: (compareId, model, from) => comparing((c) => c.addColumn(compareId, model, from), true),
      dropColumn: (id) => comparing((c) => c.dropColumn(id), true),
      sets: () => comparing((c) => c.sets()),
      setSets: (sets) => comparing((c) => c.setSets(sets), true),
    },
    library: {
      list: () => library((l) => l.list()),
      get: (id) => library((l) => l.get(id)),
      create: (input) => library((l) => l.create(input), true),
      rename: (id, title) => library((l) => l.rename(id, title), true),
      setModel: (id, model) => library((l) => l.setModel(id, model), true),
      delete: (id) => library((l) => l.delete(id), true).then(sweepAttachments),
      setPinned: (id, pinned) => library((l) => l.setPinned(id, pinned), true),
      restore: (id) => library((l) => l.restore(id), true),
      deleteAll: () => library((l) => l.deleteAll(), true).then(sweepAttachments),
      searchMessages: (input) => library((l) => l.searchMessages(input)),
      findInConversation: (conversationId, query) => library((l) => l.findInConversation(conversationId, query)),
      reveal: (conversationId, messageId) => library((l) => l.reveal(conversationId, messageId), true),

      older: (conversationId, beforeId, limit) => library((l) => l.older(conversationId, beforeId, limit)),
      selectVersion: (conversationId, messageId) => library((l) => l.selectVersion(conversationId, messageId), true),
      setMaxOutput: (id, max) => library((l) => l.setMaxOutput(id, max), true),
      setSettings: (id, settings) => library((l) => l.setSettings(id, settings), true),
      getDraft: (conversationId) => library((l) => l.getDraft(conversationId)),
      saveDraft: (conversationId, text) => library((l) => l.saveDraft(conversationId, text), true),
      saveDraftFiles: (conversationId, files) => library((l) => l.saveDraftFiles(conversationId, files), true),
    },
    models,
    chat: {
      send: (input, signal) => turn((chat) => chat.send(input, signal)),
      regenerate: (input, signal) => turn((chat) => chat.regenerate(input, signal)),
      edit: (input, signal) => turn((chat) => chat.edit(input, signal)),
      continue: (input, signal) => turn((chat) => chat.continue(input, signal)),
      settled: async () => {
        await history.current()?.chat.settled();
        await history.current()?.titles.idle();
      },
    },
    history: {
      status: () => history.status(),
      recover: (input) => history.recover(input),
    },
    titles: {
      settings: () => titleSettings(),
      setEnabled: (enabled) => titleSettings(enabled),
    },
    preferences: {
      get: () => preferences(),
      setTheme: (theme) => preferences({ theme }),
      setNotifications: (notifications) => preferences({ notifications }),
      sidebarWidth: () => sidebarWidth(),
      setSidebarWidth: (width) => sidebarWidth(width),
      subscribe: (listener) => {
        preferenceListeners.add(listener);
        return () => void preferenceListeners.delete(listener);
      },
    },
    appInfo: () =>
      describeApp({
        version: config.appVersion,
        transport: deps.transport,
        openRouterBaseUrl: config.openRouterBaseUrl,
        profileDir: config.profileDir,
        versions: process.versions,
      }),
    close: () => {
      dailyBackups.stop();
      portability.cancelAll();
      history.current()?.titles.close();
      const chat = history.current()?.chat;
      if (chat) {
        const unsaved = chat.saveUnsavedReplies();
        if (unsaved > 0) deps.logger.warn(`${unsaved} finished repl${unsaved === 1 ? 'y' : 'ies'} could not be saved`);
        chat.close();
      }
      history.close();
    },
  };
}
