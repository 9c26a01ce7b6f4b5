import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi, StreamHandle } from '../../../shared/api';
import type {
  ChatStreamEvent,
  Conversation,
  HistoryStatus,
  Message,
  ModelCatalogue,
  ModelPreferences,
} from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { type ConnectionMonitor, type ConnectionState, alwaysOpen } from '../transport/connection';
import type { LibraryEvent } from '../../../shared/library';
import { pendingAssistantId, pendingUserId } from '../features/chat/placeholder';
import { selectOpenTurn } from './selectors';
import { createAppStore } from './create-app-store';
import { messageFixture } from '../../../shared/test-support/domain-fixtures';
import { conversationFixture, keyStatusFixture, manualFrames, ok } from '../test-support/store-over-fake-api';

const fail = (code: 'offline' | 'unauthorized' | 'keychain_unavailable', message: string = code) =>
  Promise.resolve({ ok: false as const, error: { code, message } });

const keyStatus = keyStatusFixture;

const noKey = keyStatus({ present: false, storage: null, last4: null, label: null, limit: null, limitRemaining: null });

const conversation: Conversation = conversationFixture();

const message = (overrides: Partial<Message>): Message => messageFixture({ id: 'a1', createdAt: 2, ...overrides });

/** A chat stream the test drives by hand. */
const manualStream = () => {
  let emit: (event: ChatStreamEvent) => void = () => {};
  let end: () => void = () => {};
  const cancel = vi.fn();
  const send = vi.fn((_input: unknown, onEvent: (event: ChatStreamEvent) => void): StreamHandle => {
    emit = onEvent;
    return { cancel, finished: new Promise<void>((resolve) => (end = resolve)) };
  });
  return { send, cancel, emit: (event: ChatStreamEvent) => emit(event), end: () => end() };
};

const setup = (
  overrides: {
    key?: Partial<DesktopApi['key']>;
    chat?: DesktopApi['chat'];
    history?: Partial<DesktopApi['history']>;
  } = {},
) => {
  const stream = manualStream();
  const frames = manualFrames();
  const api = {
    app: { info: vi.fn() },
    key: {
      status: vi.fn(() => ok(keyStatus())),
      save: vi.fn(() => ok(keyStatus())),
      refresh: vi.fn(() => ok(keyStatus({ limitRemaining: 20.4 }))),
      remove: vi.fn(() => ok(noKey)),
      ...overrides.key,
    },
    conversations: {
      list: vi.fn(() => ok([])),
      get: vi.fn(() => ok({ conversation, messages: [] })),
      create: vi.fn(),
      rename: vi.fn(),
      setModel: vi.fn(),
      delete: vi.fn(),
    },
    models: {
      list: vi.fn(() => ok<ModelCatalogue>({ models: [], fetchedAt: null, refreshError: null })),
      refresh: vi.fn(() => ok<ModelCatalogue>({ models: [], fetchedAt: null, refreshError: null })),
      preferences: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
      setFavorite: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
      setDefault: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
      markUsed: vi.fn(() => ok<ModelPreferences>({ favorites: [], recents: [], defaultModel: null })),
    },
    drafts: {
      get: vi.fn(() => ok({ text: '', attachments: [] })),
      save: vi.fn(() => ok({ saved: true })),
      saveFiles: vi.fn(() => ok({ saved: true })),
    },
    history: {
      status: vi.fn(() => ok<HistoryStatus>({ state: 'ready', damage: null, restoredFrom: null })),
      recover: vi.fn(),
      ...overrides.history,
    },
    chat: overrides.chat ?? { send: stream.send },
    library: { subscribe: vi.fn(() => () => {}) },
    spend: {
      overview: vi.fn(() => ok({ month: '0', budget: null, budgetWarnedMonth: null, keyLimitWarnedMonth: null })),
      conversation: vi.fn(() => ok({ total: '0', thread: '0', pending: 0 })),
      markWarned: vi.fn(() => ok({ marked: true })),
    },
    preferences: {
      get: vi.fn(() => ok({ theme: 'dark' })),
      setTheme: vi.fn((theme: string) => ok({ theme })),
      sidebarWidth: vi.fn(() => ok(260)),
      subscribe: vi.fn(() => () => {}),
    },
    compares: { list: vi.fn(() => ok([])), sets: vi.fn(() => ok([])) },
  } as unknown as DesktopApi;
  const store = createAppStore({ api, connection: alwaysOpen, scheduleFrame: frames.schedule });
  return { store, api, stream, frames };
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('key flows', () => {
  it('loads the workspace only when a key exists', async () => {
    const { store, api } = setup({ key: { status: vi.fn(() => ok(noKey)) } });
    await store.getState().start();
    expect(store.getState().keyStatus?.present).toBe(false);
    // The theme comes at start, so even the key screen shows in the chosen one.
    expect(store.getState().theme).toBe('dark');
    expect(api.conversations.list).not.toHaveBeenCalled();
  });

  it('refuses a malformed key without calling the host', async () => {
    const { store, api } = setup();
    expect(await store.getState().saveKey('  not-a-key\n')).toBe(false);
    expect(store.getState().keySaveError).toMatchObject({ code: 'malformed_key' });
    expect(api.key.save).not.toHaveBeenCalled();
  });

  it('sends the trimmed key, then remembers the options for a follow-up', async () => {
    const save = vi.fn().mockReturnValueOnce(fail('keychain_unavailable')).mockReturnValueOnce(fail('offline'));
    const { store } = setup({ key: { save } });
    await store.getState().saveKey(' sk-or-v1-abc\n');
    expect(save).toHaveBeenLastCalledWith({ key: 'sk-or-v1-abc' });
    await store.getState().saveKey('sk-or-v1-abc', { sessionOnly: true });
    expect(store.getState().keySaveError?.code).toBe('offline');
    expect(store.getState().keySaveOptions).toEqual({ sessionOnly: true });
  });

  it('confirms a saved key and loads conversations and models', async () => {
    const { store, api } = setup();
    expect(await store.getState().saveKey('sk-or-v1-abc', { skipValidation: true })).toBe(true);
    expect(api.key.save).toHaveBeenCalledWith({ key: 'sk-or-v1-abc', skipValidation: true });
    expect(store.getState().keyConfirmation?.label).toBe('laptop');
    await tick();
    expect(api.conversations.list).toHaveBeenCalled();
    expect(api.models.list).toHaveBeenCalled();
  });
});

describe('a chat turn', () => {
  const started: ChatStreamEvent = {
    type: 'started',
    conversation,
    userMessage: message({ id: 'u1', role: 'user', content: 'Hello there', status: 'complete' }),
    assistantMessage: message({}),
  };

  const sendFirstMessage = async () => {
    const ctx = setup();
    ctx.store.getState().setDraft('Hello there');
    const sending = ctx.store.getState().sendMessage();
    await tick();
    return { ...ctx, sending };
  };

  it('lets the core create the conversation for the first message, and opens it at started', async () => {
    const { store, api, stream, frames } = await sendFirstMessage();
    expect(stream.send).toHaveBeenCalledWith(
      { text: 'Hello there', model: 'openai/gpt-4o-mini' },
      expect.any(Function),
    );
    expect(api.conversations.create).not.toHaveBeenCalled();
    expect(selectOpenTurn(store.getState())?.phase).toBe('sending');
    stream.emit(started);
    frames.run();
    const state = store.getState();
    expect(state.activeConversationId).toBe('c1');
    expect(state.conversations.map((c) => c.id)).toEqual(['c1']);
    expect(state.messages.map((m) => m.id)).toEqual(['u1']);
  });

  it('sends nothing over the length limit and keeps the draft', async () => {
    const { store, stream } = setup();
    const draft = 'x'.repeat(200_001);
    store.getState().setDraft(draft);
    await store.getState().sendMessage();
    expect(stream.send).not.toHaveBeenCalled();
    expect(store.getState().draft).toBe(draft);
    store.getState().setDraft('x'.repeat(200_000));
    void store.getState().sendMessage();
    expect(stream.send).toHaveBeenCalledTimes(1);
  });

  it('sends into the open conversation', async () => {
    const { store, stream } = setup();
    await store.getState().selectConversation('c1');
    store.getState().setDraft('Next question');
    void store.getState().sendMessage();
    expect(stream.send).toHaveBeenCalledWith(
      { conversationId: 'c1', text: 'Next question', model: 'openai/gpt-4o-mini' },
      expect.any(Function),
    );
  });

  it('does not pull the person back when they opened another conversation meanwhile', async () => {
    const { store, api, stream, frames } = await sendFirstMessage();
    vi.mocked(api.conversations.get).mockReturnValueOnce(
      ok({
        conversation: { ...conversation, id: 'c9' },
        messages: [message({ id: 'old', conversationId: 'c9' })],
        hasOlder: false,
      }),
    );
    await store.getState().selectConversation('c9');
    stream.emit(started);
    stream.emit({ type: 'delta', text: 'Hi' });
    frames.run();
    const state = store.getState();
    expect(state.activeConversationId).toBe('c9');
    expect(state.messages.map((m) => m.id)).toEqual(['old']);
    expect(state.conversations.map((c) => c.id)).toContain('c1');
  });

  it('shows the message and an empty reply at once, and clears the composer', async () => {
    const { store } = await sendFirstMessage();
    const state = store.getState();
    expect(selectOpenTurn(state)?.pendingUser).toMatchObject({ id: pendingUserId, content: 'Hello there' });
    expect(selectOpenTurn(state)?.reply).toMatchObject({ id: pendingAssistantId, content: '', status: 'streaming' });
    expect(state.draft).toBe('');
  });

  it('applies buffered events once per frame, keeping the message list untouched while text streams', async () => {
    const { store, stream, frames } = await sendFirstMessage();
    stream.emit(started);
    stream.emit({ type: 'delta', text: 'Hel' });
    stream.emit({ type: 'delta', text: 'lo' });
    expect(selectOpenTurn(store.getState())?.reply?.id).toBe(pendingAssistantId);
    frames.run();
    const afterStart = store.getState();
    expect(selectOpenTurn(afterStart)?.reply?.content).toBe('Hello');
    expect(afterStart.messages.map((m) => m.id)).toEqual(['u1']);
    expect(selectOpenTurn(afterStart)?.pendingUser).toBeNull();
    expect(selectOpenTurn(afterStart)?.phase).toBe('streaming');

    stream.emit({ type: 'delta', text: '!' });
    frames.run();
    expect(selectOpenTurn(store.getState())?.reply?.content).toBe('Hello!');
    expect(store.getState().messages).toBe(afterStart.messages);
  });

  it('replaces the streaming reply with the persisted one and refreshes the credit', async () => {
    const { store, api, stream, frames, sending } = await sendFirstMessage();
    stream.emit(started);
    frames.run();
    const usage = { costUsd: '0.000024' } as Message['usage'];
    stream.emit({ type: 'done', message: message({ content: 'Hello!', status: 'complete', usage }) });
    stream.end();
    await sending;
    const state = store.getState();
    expect(state.liveTurns).toEqual({});
    expect(state.messages.map((m) => [m.id, m.status])).toEqual([
      ['u1', 'complete'],
      ['a1', 'complete'],
    ]);
    expect(api.key.refresh).toHaveBeenCalled();
    await tick();
    expect(store.getState().keyStatus?.limitRemaining).toBe(20.4);
  });

  it('cancels the stream on stop', async () => {
    const { store, stream } = await sendFirstMessage();
    store.getState().stopReply();
    expect(stream.cancel).toHaveBeenCalled();
  });

  it('puts the text back when a stop comes before the core saved anything', async () => {
    const { store, stream, sending } = await sendFirstMessage();
    store.getState().stopReply();
    stream.end();
    await sending;
    const state = store.getState();
    expect(state).toMatchObject({ liveTurns: {}, draft: 'Hello there', chatError: null });
  });

  it('keeps the composer empty after a stop once the message was saved', async () => {
    const { store, stream, frames, sending } = await sendFirstMessage();
    stream.emit(started);
    frames.run();
    store.getState().stopReply();
    stream.emit({ type: 'done', message: message({ content: 'Par', status: 'stopped' }) });
    stream.end();
    await sending;
    expect(store.getState().draft).toBe('');
    expect(store.getState().messages.at(-1)).toMatchObject({ content: 'Par', status: 'stopped' });
  });
});

describe('conversations', () => {
  it('ignores a slow load for a conversation that is no longer selected', async () => {
    const { store, api } = setup();
    let answerFirst: (value: Result<unknown>) => void = () => {};
    vi.mocked(api.conversations.get)
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)) as never)
      .mockReturnValueOnce(
        ok({ conversation: { ...conversation, id: 'c2' }, messages: [message({ id: 'x' })], hasOlder: false }),
      );
    const first = store.getState().selectConversation('c1');
    await store.getState().selectConversation('c2');
    answerFirst({ ok: true, value: { conversation, messages: [message({ id: 'stale' })] } });
    await first;
    expect(store.getState().activeConversationId).toBe('c2');
    expect(store.getState().messages.map((m) => m.id)).toEqual(['x']);
  });
});

describe('without a usable keychain', () => {
  it('shows the key screen with the reason instead of failing to start', async () => {
    const { store } = setup({ key: { status: vi.fn(() => fail('keychain_unavailable', 'No Secret Service')) } });
    await store.getState().start();
    expect(store.getState().keyStatus?.present).toBe(false);
    expect(store.getState().keyLoadError).toBeNull();
    expect(store.getState().keychainProblem?.message).toBe('No Secret Service');
  });

  it('saves for this session only when asked, and forgets the problem', async () => {
    const save = vi
      .fn()
      .mockReturnValueOnce(fail('keychain_unavailable'))
      .mockReturnValueOnce(ok(keyStatus({ storage: 'session' })));
    const { store } = setup({ key: { save, status: vi.fn(() => fail('keychain_unavailable')) } });
    await store.getState().start();
    expect(await store.getState().saveKey('sk-or-v1-abc')).toBe(false);
    expect(await store.getState().saveKey('sk-or-v1-abc', { sessionOnly: true })).toBe(true);
    expect(save).toHaveBeenLastCalledWith({ key: 'sk-or-v1-abc', sessionOnly: true });
    expect(store.getState()).toMatchObject({ keychainProblem: null, keySaveError: null });
    expect(store.getState().keyStatus?.storage).toBe('session');
  });
});

describe('a damaged history', () => {
  const damage = { file: '/p/history.sqlite3', movedTo: '/p/history.sqlite3.damaged-x', reason: 'malformed' };
  const needsRecovery: HistoryStatus = {
    state: 'needs-recovery',
    damage,
    newestBackup: { path: '/p/history.sqlite3.bak-v10', takenAt: 1 },
  };

  it('asks the host at start, then restores the backup and loads its conversations again', async () => {
    const recover = vi.fn(() =>
      ok<HistoryStatus>({ state: 'ready', damage, restoredFrom: needsRecovery.newestBackup }),
    );
    const { store, api } = setup({ history: { status: vi.fn(() => ok(needsRecovery)), recover } });
    await store.getState().start();
    expect(store.getState().historyStatus).toEqual(needsRecovery);

    vi.mocked(api.conversations.list).mockClear();
    await store.getState().recoverHistory('restore-backup');
    expect(recover).toHaveBeenCalledWith({ choice: 'restore-backup' });
    expect(store.getState().historyStatus?.state).toBe('ready');
    // The person made the choice on the recovery screen; no notice repeats it.
    expect(store.getState().historyNoticeDismissed).toBe(true);
    expect(api.conversations.list).toHaveBeenCalledTimes(1);
  });

  it('keeps the recovery screen with the reason when the choice fails', async () => {
    const recover = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'storage_error' as const, message: 'backup damaged too' } }),
    );
    const { store } = setup({ history: { status: vi.fn(() => ok(needsRecovery)), recover } });
    await store.getState().start();
    await store.getState().recoverHistory('restore-backup');
    expect(store.getState().historyStatus).toEqual(needsRecovery);
    expect(store.getState().historyRecoverError?.message).toBe('backup damaged too');
    expect(store.getState().historyRecovering).toBe(false);
  });
});

describe('a reply the disk could not take', () => {
  const started: ChatStreamEvent = {
    type: 'started',
    conversation,
    userMessage: message({ id: 'u1', role: 'user', content: 'Hello there', status: 'complete' }),
    assistantMessage: message({}),
  };
  const full = { code: 'storage_error' as const, message: 'The disk is full: Switchboard could not save.' };

  it('marks the reply as kept in memory, shows the whole text, and clears the mark once a new turn is saved', async () => {
    const { store, stream, frames } = setup();
    store.getState().setDraft('Hello there');
    const sending = store.getState().sendMessage();
    await tick();
    stream.emit(started);
    stream.emit({ type: 'delta', text: 'All of it' });
    stream.emit({ type: 'storage-warning', error: full });
    stream.emit({ type: 'done', message: message({ content: 'All of it', status: 'complete' }) });
    stream.end();
    await sending;
    frames.run();
    expect(store.getState().unsavedReplies).toEqual({ a1: full });
    expect(store.getState().messages.at(-1)).toMatchObject({ id: 'a1', content: 'All of it' });
    expect(store.getState().chatError).toBeNull();

    store.getState().setDraft('Next');
    const next = store.getState().sendMessage();
    await tick();
    stream.emit({ ...started, assistantMessage: message({ id: 'a2' }) });
    frames.run();
    expect(store.getState().unsavedReplies).toEqual({});
    stream.end();
    await next;
  });
});

describe('what the store listens to', () => {
  it('mirrors the link to the host, and applies another window’s library changes at once', async () => {
    const { api } = setup();
    let connectionListener: (state: ConnectionState) => void = () => {};
    const connection: ConnectionMonitor = {
      getState: () => 'connecting',
      subscribe: (listener) => {
        connectionListener = listener;
        return () => {};
      },
    };
    let libraryListener: (event: LibraryEvent) => void = () => {};
    vi.mocked(api.library.subscribe).mockImplementation((listener) => {
      libraryListener = listener;
      return () => {};
    });
    const store = createAppStore({ api, connection, scheduleFrame: manualFrames().schedule });

    connectionListener('offline');
    expect(store.getState().connection).toBe('offline');
    connectionListener('open');
    expect(store.getState().connection).toBe('open');

    // Events before the list has loaded are left to the load itself.
    store.setState({ conversationsLoaded: true });
    libraryListener({
      type: 'changed',
      conversation: conversationFixture({ id: 'c9', title: 'From the other window' }),
    });
    expect(store.getState().conversations.map((c) => [c.id, c.title])).toContainEqual(['c9', 'From the other window']);
    libraryListener({ type: 'removed', id: 'c9' });
    expect(store.getState().conversations.map((c) => c.id)).not.toContain('c9');
  });
});
