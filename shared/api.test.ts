// createDesktopApi is what both transports expose, so a method that sends the wrong channel, or puts its arguments
// in each other's fields (a rename whose id and title change places), breaks the app on both hosts at once.

import { describe, expect, it, vi } from 'vitest';
import { type DesktopApi, type Transport, createDesktopApi } from './api';
import type { CoreEvent } from './core-events';
import { requestChannels, streamChannels } from './ipc';
import type { FileTransfer } from './portability';
import type { AttachmentTransport } from './attachments';

function recordingApi() {
  const calls: { channel: string; input: unknown }[] = [];
  const streams: { channel: string; input: unknown; onEvent: unknown }[] = [];
  const answer = { ok: true, value: 'answer' };
  const handle = { cancel: () => undefined };
  const transport: Transport = {
    invoke: async (channel, input) => {
      calls.push({ channel, input });
      return answer as never;
    },
    stream: (channel, input, onEvent) => {
      streams.push({ channel, input, onEvent });
      return handle as never;
    },
    subscribe: () => () => undefined,
  };
  const files = {} as FileTransfer;
  const attachments = {} as AttachmentTransport;
  return { api: createDesktopApi(transport, files, attachments), calls, streams, answer, handle, files, attachments };
}

/** An input passed through as it is: the same object must reach the transport. */
const given = (name: string) => ({ given: name }) as never;

const requests: [string, (api: DesktopApi) => Promise<unknown>, unknown][] = [
  ['app:info', (a) => a.app.info(), undefined],
  ['key:status', (a) => a.key.status(), undefined],
  ['key:save', (a) => a.key.save(given('key')), given('key')],
  ['key:refresh', (a) => a.key.refresh(), undefined],
  ['key:remove', (a) => a.key.remove(), undefined],
  ['conversations:list', (a) => a.conversations.list(), undefined],
  ['conversations:get', (a) => a.conversations.get('c1'), { id: 'c1' }],
  ['conversations:create', (a) => a.conversations.create(given('create')), given('create')],
  ['conversations:rename', (a) => a.conversations.rename('c1', 'New title'), { id: 'c1', title: 'New title' }],
  ['conversations:set-model', (a) => a.conversations.setModel('c1', 'm/x'), { id: 'c1', model: 'm/x' }],
  ['conversations:delete', (a) => a.conversations.delete('c1'), { id: 'c1' }],
  [
    'conversations:select-version',
    (a) => a.conversations.selectVersion('c1', 'm1'),
    { conversationId: 'c1', messageId: 'm1' },
  ],
  [
    'conversations:set-max-output',
    (a) => a.conversations.setMaxOutput('c1', 2048),
    { id: 'c1', maxOutputTokens: 2048 },
  ],
  ['conversations:set-pinned', (a) => a.conversations.setPinned('c1', true), { id: 'c1', pinned: true }],
  ['conversations:restore', (a) => a.conversations.restore('c1'), { id: 'c1' }],
  ['conversations:delete-all', (a) => a.conversations.deleteAll(), undefined],
  ['conversations:reveal', (a) => a.conversations.reveal('c1', 'm1'), { conversationId: 'c1', messageId: 'm1' }],
  [
    'conversations:set-settings',
    (a) => a.conversations.setSettings('c1', given('settings')),
    { id: 'c1', settings: given('settings') },
  ],
  ['settings:conversation-defaults', (a) => a.settings.conversationDefaults(), undefined],
  [
    'settings:set-conversation-defaults',
    (a) => a.settings.setConversationDefaults(given('defaults')),
    { settings: given('defaults') },
  ],
  ['settings:prompt-snippets', (a) => a.settings.promptSnippets(), undefined],
  [
    'settings:set-prompt-snippets',
    (a) => a.settings.setPromptSnippets(given('snippets')),
    { snippets: given('snippets') },
  ],
  ['preferences:get', (a) => a.preferences.get(), undefined],
  ['preferences:set-theme', (a) => a.preferences.setTheme('dark'), { theme: 'dark' }],
  ['preferences:set-notifications', (a) => a.preferences.setNotifications(false), { enabled: false }],
  ['compares:list', (a) => a.compares.list(), undefined],
  ['compares:get', (a) => a.compares.get('p1'), { id: 'p1' }],
  ['compares:create', (a) => a.compares.create(given('compare')), given('compare')],
  ['compares:delete', (a) => a.compares.delete('p1'), { id: 'p1' }],
  ['compares:restore', (a) => a.compares.restore('p1'), { id: 'p1' }],
  ['compares:rename', (a) => a.compares.rename('p1', 'New name'), { id: 'p1', title: 'New name' }],
  ['compares:add-merge', (a) => a.compares.addMerge('p1', 'c9'), { compareId: 'p1', conversationId: 'c9' }],
  ['compares:continue', (a) => a.compares.continueColumn('c1'), { conversationId: 'c1' }],
  ['compares:add-column', (a) => a.compares.addColumn('p1', 'm/x'), { compareId: 'p1', model: 'm/x' }],
  ['compares:drop-column', (a) => a.compares.dropColumn('c1'), { conversationId: 'c1' }],
  ['compares:sets', (a) => a.compares.sets(), undefined],
  ['compares:set-sets', (a) => a.compares.setSets(given('sets')), { sets: given('sets') }],
  ['presets:list', (a) => a.presets.list(), undefined],
  ['presets:save', (a) => a.presets.save(given('preset')), given('preset')],
  ['presets:delete', (a) => a.presets.delete('p1'), { id: 'p1' }],
  ['presets:import', (a) => a.presets.import(given('file')), { file: given('file') }],
  ['search:messages', (a) => a.search.messages(given('search')), given('search')],
  [
    'search:in-conversation',
    (a) => a.search.inConversation('c1', 'puffins'),
    { conversationId: 'c1', query: 'puffins' },
  ],
  ['messages:older', (a) => a.messages.older('c1', 'm1'), { conversationId: 'c1', beforeId: 'm1' }],
  ['drafts:get', (a) => a.drafts.get('c1'), { conversationId: 'c1' }],
  ['drafts:save', (a) => a.drafts.save('c1', 'half a thought'), { conversationId: 'c1', text: 'half a thought' }],
  ['attachments:ready', (a) => a.attachments.ready('b'.repeat(64)), { id: 'b'.repeat(64) }],
  [
    'drafts:save-files',
    (a) => a.drafts.saveFiles(null, [{ id: 'a'.repeat(64), name: 'cat.png' }]),
    { conversationId: null, files: [{ id: 'a'.repeat(64), name: 'cat.png' }] },
  ],
  ['models:list', (a) => a.models.list(), undefined],
  ['models:refresh', (a) => a.models.refresh(), undefined],
  ['models:preferences', (a) => a.models.preferences(), undefined],
  ['models:set-favorite', (a) => a.models.setFavorite('m/x', false), { model: 'm/x', favorite: false }],
  ['models:set-default', (a) => a.models.setDefault('m/x'), { model: 'm/x' }],
  ['models:mark-used', (a) => a.models.markUsed('m/x'), { model: 'm/x' }],
  ['models:providers', (a) => a.models.providers('m/x'), { model: 'm/x' }],
  ['history:status', (a) => a.history.status(), undefined],
  ['history:recover', (a) => a.history.recover(given('recover')), given('recover')],
  ['portability:export-start', (a) => a.portability.startExport(given('export')), given('export')],
  ['portability:import-start', (a) => a.portability.startImport(given('import')), given('import')],
  ['portability:job', (a) => a.portability.job('j1'), { jobId: 'j1' }],
  ['portability:cancel', (a) => a.portability.cancel('j1'), { jobId: 'j1' }],
  ['backups:list', (a) => a.backups.list(), undefined],
  ['backups:create', (a) => a.backups.create(), undefined],
  ['backups:restore', (a) => a.backups.restore('/b/1'), { path: '/b/1' }],
  ['spend:summary', (a) => a.spend.summary(given('summary')), given('summary')],
  ['spend:overview', (a) => a.spend.overview(86_400_000), { monthStart: 86_400_000 }],
  ['spend:conversation', (a) => a.spend.conversation('c1'), { conversationId: 'c1' }],
  ['spend:key-usage', (a) => a.spend.keyUsage(), undefined],
  ['spend:export-csv', (a) => a.spend.exportCsv(), undefined],
  ['spend:set-budget', (a) => a.spend.setBudget('25'), { monthlyUsd: '25' }],
  ['spend:mark-warned', (a) => a.spend.markWarned('key-limit', '2026-12'), { kind: 'key-limit', month: '2026-12' }],
  ['spend:clear-ledger', (a) => a.spend.clearLedger(), undefined],
  ['spend:reply-costs', (a) => a.spend.replyCosts(['m1', 'm2']), { messageIds: ['m1', 'm2'] }],
  ['preferences:sidebar-width', (a) => a.preferences.sidebarWidth(), undefined],
  ['preferences:set-sidebar-width', (a) => a.preferences.setSidebarWidth(300), { width: 300 }],
  ['titles:settings', (a) => a.titles.settings(), undefined],
  ['titles:set-enabled', (a) => a.titles.setEnabled(true), { enabled: true }],
];

describe('createDesktopApi', () => {
  it.each(requests)(
    '%s: the channel, each argument in its own field, and the answer as the transport gave it',
    async (channel, call, input) => {
      const { api, calls, answer } = recordingApi();
      await expect(call(api)).resolves.toBe(answer);
      expect(calls).toEqual([{ channel, input }]);
    },
  );

  it('adds a compare column from a given column when one is named, and from none otherwise (no empty field)', async () => {
    const { api, calls } = recordingApi();
    await api.compares.addColumn('p1', 'm/x', 'c2');
    await api.compares.addColumn('p1', 'm/y');
    expect(calls).toEqual([
      { channel: 'compares:add-column', input: { compareId: 'p1', model: 'm/x', from: 'c2' } },
      { channel: 'compares:add-column', input: { compareId: 'p1', model: 'm/y' } },
    ]);
    expect(Object.keys(calls[1]!.input as object)).toEqual(['compareId', 'model']);
  });

  it('names every request channel of the contract exactly once', () => {
    expect(requests.map(([channel]) => channel).sort()).toEqual(Object.keys(requestChannels).sort());
  });

  it('streams each chat turn on its own channel with its listener, and hands back the handle', () => {
    const { api, streams, handle } = recordingApi();
    const onEvent = () => undefined;
    expect(api.chat.send(given('send'), onEvent)).toBe(handle);
    expect(api.chat.regenerate(given('regenerate'), onEvent)).toBe(handle);
    expect(api.chat.edit(given('edit'), onEvent)).toBe(handle);
    expect(api.chat.continue(given('continue'), onEvent)).toBe(handle);
    expect(streams).toEqual([
      { channel: 'chat:send', input: given('send'), onEvent },
      { channel: 'chat:regenerate', input: given('regenerate'), onEvent },
      { channel: 'chat:edit', input: given('edit'), onEvent },
      { channel: 'chat:continue', input: given('continue'), onEvent },
    ]);
    expect(streams.map((s) => s.channel).sort()).toEqual(Object.keys(streamChannels).sort());
  });

  it('hands each kind of core event to its own listeners, and the file and attachment transfers as given', () => {
    const listeners = new Set<(event: CoreEvent) => void>();
    const transport = {
      invoke: async () => ({ ok: true, value: null }),
      stream: () => ({ cancel: () => undefined }),
      subscribe: (listener: (event: CoreEvent) => void) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    } as unknown as Transport;
    const files = {} as FileTransfer;
    const attachments: AttachmentTransport = { add: vi.fn(), url: vi.fn() };
    const api = createDesktopApi(transport, files, attachments);
    const library: unknown[] = [];
    const preferences: unknown[] = [];
    const stopLibrary = api.library.subscribe((event) => library.push(event));
    const stopPreferences = api.preferences.subscribe((kept) => preferences.push(kept));
    const announce = (event: CoreEvent) => listeners.forEach((listener) => listener(event));
    announce({ topic: 'library', event: { type: 'cleared' } });
    announce({ topic: 'preferences', preferences: { theme: 'light', notifications: false } });
    expect(library).toEqual([{ type: 'cleared' }]);
    expect(preferences).toEqual([{ theme: 'light', notifications: false }]);
    // Each unsubscribe ends its own listener only.
    stopLibrary();
    expect(listeners.size).toBe(1);
    stopPreferences();
    expect(listeners.size).toBe(0);
    expect(api.files).toBe(files);
    // The transport's own add and url, as given; ready is a call like any other (the table above).
    expect(api.attachments.add).toBe(attachments.add);
    expect(api.attachments.url).toBe(attachments.url);
  });
});
