// Test support (renderer): the real store over a fake api whose streams and frames the test drives by hand.

import type { ConversationSpend, SpendOverview } from '../../../shared/spend';
import { vi } from 'vitest';
import type { DesktopApi, StreamHandle } from '../../../shared/api';
import type {
  ChatStreamEvent,
  Conversation,
  HistoryStatus,
  KeyStatus,
  Message,
  ModelCatalogue,
  ModelPreferences,
} from '../../../shared/domain';
import type { LibraryEvent } from '../../../shared/library';
import type { Result } from '../../../shared/result';
import type { TitleSettings } from '../../../shared/titles';
import type { AppPreferences, ThemeChoice } from '../../../shared/preferences';
import type { Compare } from '../../../shared/compare';
import type { ScheduleFrame } from '../lib/frame-batcher';
import { messageFixture } from '../../../shared/test-support/domain-fixtures';
import { alwaysOpen } from '../transport/connection';
import { createAppStore } from '../store/create-app-store';
import type { Attachment } from '../../../shared/attachments';

/** An attachment as the core describes one; an image unless told otherwise. */
export const attachmentFixture = (overrides: Partial<Attachment> & { id: string }): Attachment => ({
  kind: 'image',
  mime: 'image/png',
  name: `${overrides.id}.png`,
  sizeBytes: 1234,
  width: 640,
  height: 480,
  ...overrides,
});

export const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

export const conversationFixture = (overrides: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  title: 'Hi',
  model: 'openai/gpt-4o-mini',
  createdAt: 1,
  updatedAt: 1,
  maxOutputTokens: null,
  pinned: false,
  settings: {},
  ...overrides,
});

export const keyStatusFixture = (overrides: Partial<KeyStatus> = {}): KeyStatus => ({
  present: true,
  storage: 'keychain',
  last4: 'abcd',
  label: 'laptop',
  limit: 25,
  limitRemaining: 20.5,
  isFreeTier: false,
  verified: true,
  ...overrides,
});

const keyStatus = keyStatusFixture();

/** One stream the test drives: each call of a stream channel opens a new one, kept in order. */
export interface ManualStream {
  input: unknown;
  emit(event: ChatStreamEvent): void;
  end(): void;
  cancel: ReturnType<typeof vi.fn<() => void>>;
}

export const manualFrames = () => {
  let queued: (() => void)[] = [];
  const schedule: ScheduleFrame = (callback) => {
    queued.push(callback);
    return () => (queued = queued.filter((c) => c !== callback));
  };
  return {
    schedule,
    run() {
      const current = queued;
      queued = [];
      for (const callback of current) callback();
    },
    /** Frames asked for and not yet run. */
    pending: () => queued.length,
  };
};

/** Timers that fire only when the test says so. */
export const manualTimers = () => {
  let queued: { callback: () => void; ms: number }[] = [];
  return {
    setTimer(callback: () => void, ms: number) {
      const entry = { callback, ms };
      queued.push(entry);
      return () => (queued = queued.filter((item) => item !== entry));
    },
    runAll() {
      const current = queued;
      queued = [];
      for (const entry of current) entry.callback();
    },
    pending: () => queued.length,
  };
};

/** What the fake core answers for a file: its kind from its name's ending, as the real core would sniff it. */
export function attachmentFor(file: { name: string; bytes: Uint8Array }): Attachment {
  const common = { id: `sha-${file.name}`, name: file.name, sizeBytes: file.bytes.length };
  if (file.name.endsWith('.pdf'))
    return attachmentFixture({ ...common, kind: 'pdf', mime: 'application/pdf', pageCount: 3 });
  if (file.name.endsWith('.txt'))
    return attachmentFixture({ ...common, kind: 'text', mime: 'text/plain', textChars: file.bytes.length });
  return attachmentFixture(common);
}

export function setupStore() {
  const streams: ManualStream[] = [];
  const open = vi.fn((input: unknown, onEvent: (event: ChatStreamEvent) => void): StreamHandle => {
    let end: () => void = () => {};
    const finished = new Promise<void>((resolve) => (end = resolve));
    const stream: ManualStream = { input, emit: onEvent, end: () => end(), cancel: vi.fn<() => void>() };
    streams.push(stream);
    return { cancel: stream.cancel, finished };
  });
  const frames = manualFrames();
  const timers = manualTimers();
  const drafts = new Map<string | null, string>();
  const draftFiles = new Map<string | null, Attachment[]>();
  /** What the store subscribed for library changes: `broadcast` plays the core's part. */
  const libraryListeners = new Set<(event: LibraryEvent) => void>();
  const broadcast = (event: LibraryEvent) => libraryListeners.forEach((listener) => listener(event));
  /** Likewise for preferences changed in any window: `announcePreferences` plays the core's part. */
  const preferenceListeners = new Set<(preferences: AppPreferences) => void>();
  const announcePreferences = (preferences: AppPreferences) =>
    preferenceListeners.forEach((listener) => listener(preferences));
  const api = {
    app: { info: vi.fn() },
    key: {
      status: vi.fn(() => ok(keyStatus)),
      save: vi.fn(() => ok(keyStatus)),
      refresh: vi.fn(() => ok(keyStatus)),
      remove: vi.fn(),
    },
    conversations: {
      list: vi.fn(() => ok<Conversation[]>([])),
      get: vi.fn((id: string) =>
        ok({ conversation: conversationFixture({ id }), messages: [] as Message[], hasOlder: false }),
      ),
      create: vi.fn(),
      rename: vi.fn(),
      setModel: vi.fn(),
      delete: vi.fn(),
      selectVersion: vi.fn(),
      setMaxOutput: vi.fn(),
      setPinned: vi.fn(),
      restore: vi.fn(),
      deleteAll: vi.fn(),
      reveal: vi.fn(),
    },
    search: { messages: vi.fn(), inConversation: vi.fn() },
    library: { subscribe: vi.fn((listener: (event: LibraryEvent) => void) => libraryListeners.add(listener)) },
    messages: { older: vi.fn() },
    drafts: {
      get: vi.fn((id: string | null) => ok({ text: drafts.get(id) ?? '', attachments: draftFiles.get(id) ?? [] })),
      save: vi.fn((id: string | null, text: string) => {
        drafts.set(id, text);
        return ok({ saved: true as const });
      }),
      saveFiles: vi.fn((id: string | null, files: Attachment[]) => {
        draftFiles.set(id, files);
        return ok({ saved: true as const });
      }),
    },
    models: {
      list: vi.fn(() => ok<ModelCatalogue>({ models: [], fetchedAt: null, refreshError: null })),
      refresh: vi.fn(() => ok<ModelCatalogue>({ models: [], fetchedAt: null, refreshError: null })),
      preferences: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
      setFavorite: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
      setDefault: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
      markUsed: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
    },
    history: {
      status: vi.fn(() => ok<HistoryStatus>({ state: 'ready', damage: null, restoredFrom: null })),
      recover: vi.fn(),
    },
    chat: { send: open, regenerate: open, edit: open, continue: open },
    spend: {
      overview: vi.fn(() =>
        ok<SpendOverview>({ month: '0', budget: null, budgetWarnedMonth: null, keyLimitWarnedMonth: null }),
      ),
      conversation: vi.fn(() => ok<ConversationSpend>({ total: '0', thread: '0', pending: 0 })),
      markWarned: vi.fn(() => ok({ marked: true as const })),
      setBudget: vi.fn((monthlyUsd: string | null) => ok({ budget: monthlyUsd })),
      replyCosts: vi.fn(() => ok([] as Message[])),
      summary: vi.fn(),
      keyUsage: vi.fn(),
      exportCsv: vi.fn(),
      clearLedger: vi.fn(),
    },
    titles: {
      settings: vi.fn(() => ok<TitleSettings>({ enabled: false, model: 'openai/gpt-4.1-nano' })),
      setEnabled: vi.fn((enabled: boolean) => ok<TitleSettings>({ enabled, model: 'openai/gpt-4.1-nano' })),
    },
    attachments: {
      // The core's answer for a file it accepts: an id from its name (tests pick distinct names), its kind by type.
      add: vi.fn((file: { name: string; bytes: Uint8Array }) => ok(attachmentFor(file))),
      url: vi.fn((id: string, variant: string) => `/api/attachments/${id}/${variant}`),
      // Every stored file decodes in full unless a test says otherwise.
      ready: vi.fn((_id: string) => ok({ ready: true as const })),
    },
    preferences: {
      get: vi.fn(() => ok<AppPreferences>({ theme: 'system', notifications: true })),
      setTheme: vi.fn((theme: ThemeChoice) => ok<AppPreferences>({ theme, notifications: true })),
      setNotifications: vi.fn((notifications: boolean) => ok<AppPreferences>({ theme: 'system', notifications })),
      sidebarWidth: vi.fn(() => ok(260)),
      setSidebarWidth: vi.fn((width: number) => ok(width)),
      subscribe: vi.fn((listener: (preferences: AppPreferences) => void) => preferenceListeners.add(listener)),
    },
    files: { showDataFolder: vi.fn(() => Promise.resolve(true)) },
    compares: {
      list: vi.fn(() => ok<Compare[]>([])),
      get: vi.fn(),
      create: vi.fn(),
      delete: vi.fn(),
      restore: vi.fn(),
      rename: vi.fn(),
      addMerge: vi.fn(),
      continueColumn: vi.fn(),
      addColumn: vi.fn(),
      dropColumn: vi.fn(),
      sets: vi.fn(() => ok([])),
      setSets: vi.fn(),
    },
  };
  const store = createAppStore({
    api: api as unknown as DesktopApi,
    connection: alwaysOpen,
    scheduleFrame: frames.schedule,
    setTimer: timers.setTimer,
  });
  /** The n-th stream opened (0-based), failing loudly when it does not exist. */
  const stream = (index: number): ManualStream => {
    const found = streams[index];
    if (!found) throw new Error(`stream ${index} was not opened; ${streams.length} were`);
    return found;
  };
  return { store, api, streams, stream, frames, timers, drafts, draftFiles, open, broadcast, announcePreferences };
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export const userMessage = (overrides: Partial<Message>) =>
  messageFixture({ role: 'user', status: 'complete', ...overrides });
export const reply = (overrides: Partial<Message>) => messageFixture({ status: 'complete', ...overrides });
