// The router's table from channel to core method, checked row by row: a handler that calls the wrong method, drops
// an argument or swaps two (a rename whose id and title change places) breaks both hosts at once. The contract's
// schemas are replaced by ones that accept anything here, so each row can name its arguments plainly; that input is
// validated first, and that the parsed value is what a handler gets, is router.test.ts's job.

import { describe, expect, it, vi } from 'vitest';
import type { Core } from './core';
import type { Logger } from './logger';
import { createRouter } from './router';
import type * as Ipc from '../../shared/ipc';

vi.mock('../../shared/ipc', async (importOriginal) => {
  const ipc = await importOriginal<typeof Ipc>();
  const anything = { safeParse: (data: unknown) => ({ success: true, data }) };
  const accepting = <T extends Record<string, object>>(channels: T): T =>
    Object.fromEntries(Object.entries(channels).map(([name, entry]) => [name, { ...entry, input: anything }])) as T;
  return {
    ...ipc,
    requestChannels: accepting(ipc.requestChannels),
    streamChannels: accepting(ipc.streamChannels),
  };
});

const { requestChannels, streamChannels } = await import('../../shared/ipc');

const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A core in which every method records its call and answers with a Result naming itself. */
function recordingCore() {
  const calls: { method: string; args: unknown[] }[] = [];
  const member = (path: string): unknown =>
    new Proxy(() => {}, {
      get: (_target, name) => (typeof name === 'string' ? member(path ? `${path}.${name}` : name) : undefined),
      apply: (_target, _this, args: unknown[]) => {
        calls.push({ method: path, args });
        // The two members that answer with a bare value (the router wraps them); every other answers a Result.
        if (path === 'appInfo') return { version: 'v' };
        if (path === 'history.status') return Promise.resolve({ state: 'ok' });
        if (path.startsWith('chat.'))
          return (async function* () {
            yield { type: 'delta', text: path };
          })();
        return Promise.resolve({ ok: true, value: path });
      },
    });
  return { core: member('') as Core, calls };
}

/** An input handed over whole: the very object must reach the core. */
const given = (name: string) => ({ given: name });

const requests: [channel: string, input: unknown, method: string, args: unknown[]][] = [
  ['app:info', undefined, 'appInfo', []],
  ['key:status', undefined, 'keys.status', []],
  ['key:save', given('key:save'), 'keys.save', [given('key:save')]],
  ['key:refresh', undefined, 'keys.refresh', []],
  ['key:remove', undefined, 'keys.remove', []],
  ['conversations:list', undefined, 'library.list', []],
  ['conversations:get', { id: 'id' }, 'library.get', ['id']],
  ['conversations:create', given('conversations:create'), 'library.create', [given('conversations:create')]],
  ['conversations:rename', { id: 'id', title: 'title' }, 'library.rename', ['id', 'title']],
  ['conversations:set-model', { id: 'id', model: 'model' }, 'library.setModel', ['id', 'model']],
  ['conversations:delete', { id: 'id' }, 'library.delete', ['id']],
  [
    'conversations:select-version',
    { conversationId: 'conversationId', messageId: 'messageId' },
    'library.selectVersion',
    ['conversationId', 'messageId'],
  ],
  [
    'conversations:set-max-output',
    { id: 'id', maxOutputTokens: 'maxOutputTokens' },
    'library.setMaxOutput',
    ['id', 'maxOutputTokens'],
  ],
  [
    'messages:older',
    { conversationId: 'conversationId', beforeId: 'beforeId', limit: 'limit' },
    'library.older',
    ['conversationId', 'beforeId', 'limit'],
  ],
  ['drafts:get', { conversationId: 'conversationId' }, 'library.getDraft', ['conversationId']],
  ['drafts:save', { conversationId: 'conversationId', text: 'text' }, 'library.saveDraft', ['conversationId', 'text']],
  [
    'drafts:save-files',
    { conversationId: 'conversationId', files: 'files' },
    'library.saveDraftFiles',
    ['conversationId', 'files'],
  ],
  ['attachments:ready', { id: 'id' }, 'attachments.ready', ['id']],
  ['models:list', undefined, 'models.list', []],
  ['models:refresh', undefined, 'models.refresh', []],
  ['models:preferences', undefined, 'models.preferences', []],
  ['models:set-favorite', { model: 'model', favorite: 'favorite' }, 'models.setFavorite', ['model', 'favorite']],
  ['models:set-default', { model: 'model' }, 'models.setDefault', ['model']],
  ['models:mark-used', { model: 'model' }, 'models.markUsed', ['model']],
  ['models:providers', { model: 'model' }, 'models.providers', ['model']],
  ['history:status', undefined, 'history.status', []],
  ['history:recover', given('history:recover'), 'history.recover', [given('history:recover')]],
  ['conversations:set-pinned', { id: 'id', pinned: 'pinned' }, 'library.setPinned', ['id', 'pinned']],
  ['conversations:restore', { id: 'id' }, 'library.restore', ['id']],
  ['conversations:delete-all', undefined, 'library.deleteAll', []],
  [
    'conversations:reveal',
    { conversationId: 'conversationId', messageId: 'messageId' },
    'library.reveal',
    ['conversationId', 'messageId'],
  ],
  ['search:messages', given('search:messages'), 'library.searchMessages', [given('search:messages')]],
  [
    'search:in-conversation',
    { conversationId: 'conversationId', query: 'query' },
    'library.findInConversation',
    ['conversationId', 'query'],
  ],
  [
    'portability:import-start',
    given('portability:import-start'),
    'portability.startImport',
    [given('portability:import-start')],
  ],
  ['portability:job', { jobId: 'jobId' }, 'portability.job', ['jobId']],
  ['portability:cancel', { jobId: 'jobId' }, 'portability.cancel', ['jobId']],
  ['backups:list', undefined, 'backups.list', []],
  ['backups:create', undefined, 'backups.create', []],
  ['backups:restore', { path: 'path' }, 'backups.restore', ['path']],
  ['spend:summary', given('spend:summary'), 'spend.summary', [given('spend:summary')]],
  ['spend:overview', { monthStart: 'monthStart' }, 'spend.overview', ['monthStart']],
  ['spend:conversation', { conversationId: 'conversationId' }, 'spend.conversation', ['conversationId']],
  ['spend:key-usage', undefined, 'keys.usage', []],
  ['spend:export-csv', undefined, 'spend.exportCsv', []],
  ['spend:set-budget', { monthlyUsd: 'monthlyUsd' }, 'spend.setBudget', ['monthlyUsd']],
  ['spend:mark-warned', { kind: 'kind', month: 'month' }, 'spend.markWarned', ['kind', 'month']],
  ['spend:clear-ledger', undefined, 'spend.clearLedger', []],
  ['spend:reply-costs', { messageIds: 'messageIds' }, 'spend.replyCosts', ['messageIds']],
  ['titles:settings', undefined, 'titles.settings', []],
  ['titles:set-enabled', { enabled: 'enabled' }, 'titles.setEnabled', ['enabled']],
  ['conversations:set-settings', { id: 'id', settings: 'settings' }, 'library.setSettings', ['id', 'settings']],
  ['settings:conversation-defaults', undefined, 'settings.conversationDefaults', []],
  ['settings:set-conversation-defaults', { settings: 'settings' }, 'settings.setConversationDefaults', ['settings']],
  ['settings:prompt-snippets', undefined, 'settings.promptSnippets', []],
  ['settings:set-prompt-snippets', { snippets: 'snippets' }, 'settings.setPromptSnippets', ['snippets']],
  ['presets:list', undefined, 'settings.listPresets', []],
  ['presets:save', given('presets:save'), 'settings.savePreset', [given('presets:save')]],
  ['presets:delete', { id: 'id' }, 'settings.deletePreset', ['id']],
  ['presets:import', { file: 'file' }, 'settings.importPresets', ['file']],
  ['preferences:get', undefined, 'preferences.get', []],
  ['preferences:set-theme', { theme: 'theme' }, 'preferences.setTheme', ['theme']],
  ['preferences:set-notifications', { enabled: 'enabled' }, 'preferences.setNotifications', ['enabled']],
  ['preferences:sidebar-width', undefined, 'preferences.sidebarWidth', []],
  ['preferences:set-sidebar-width', { width: 'width' }, 'preferences.setSidebarWidth', ['width']],
  ['compares:list', undefined, 'compares.list', []],
  ['compares:get', { id: 'id' }, 'compares.get', ['id']],
  ['compares:create', given('compares:create'), 'compares.create', [given('compares:create')]],
  ['compares:delete', { id: 'id' }, 'compares.delete', ['id']],
  ['compares:restore', { id: 'id' }, 'compares.restore', ['id']],
  ['compares:rename', { id: 'id', title: 'title' }, 'compares.rename', ['id', 'title']],
  [
    'compares:add-merge',
    { compareId: 'compareId', conversationId: 'conversationId' },
    'compares.addMerge',
    ['compareId', 'conversationId'],
  ],
  ['compares:continue', { conversationId: 'conversationId' }, 'compares.continueColumn', ['conversationId']],
  [
    'compares:add-column',
    { compareId: 'compareId', model: 'model', from: 'from' },
    'compares.addColumn',
    ['compareId', 'model', 'from'],
  ],
  ['compares:drop-column', { conversationId: 'conversationId' }, 'compares.dropColumn', ['conversationId']],
  ['compares:sets', undefined, 'compares.sets', []],
  ['compares:set-sets', { sets: 'sets' }, 'compares.setSets', ['sets']],
  [
    'portability:export-start',
    { format: 'format', conversationId: 'conversationId' },
    'portability.startExport',
    [{ format: 'format', conversationId: 'conversationId', compareId: null }],
  ],
  [
    'portability:export-start',
    { format: 'format', compareId: 'compareId' },
    'portability.startExport',
    [{ format: 'format', conversationId: null, compareId: 'compareId' }],
  ],
  [
    'portability:export-start',
    { format: 'format' },
    'portability.startExport',
    [{ format: 'format', conversationId: null, compareId: null }],
  ],
];

describe('the router’s table', () => {
  it.each(requests)('%s reaches the core once, each argument in its place', async (channel, input, method, args) => {
    const { core, calls } = recordingCore();
    const result = await createRouter(core, logger).call(channel, input);
    expect(calls).toEqual([{ method, args }]);
    if (method === 'appInfo') expect(result).toEqual({ ok: true, value: { version: 'v' } });
    else if (method === 'history.status') expect(result).toEqual({ ok: true, value: { state: 'ok' } });
    else expect(result).toEqual({ ok: true, value: method });
  });

  it('has a row for every request channel of the contract', () => {
    expect(new Set(requests.map(([channel]) => channel))).toEqual(new Set(Object.keys(requestChannels)));
  });

  it.each(['send', 'regenerate', 'edit', 'continue'])(
    'streams chat:%s from the chat service’s own method, with the input and the abort signal',
    async (turn) => {
      const { core, calls } = recordingCore();
      const signal = new AbortController().signal;
      const events = [];
      for await (const event of createRouter(core, logger).stream(`chat:${turn}`, given(turn), signal))
        events.push(event);
      expect(calls).toEqual([{ method: `chat.${turn}`, args: [given(turn), signal] }]);
      expect(events).toEqual([{ type: 'delta', text: `chat.${turn}` }]);
      expect(Object.keys(streamChannels)).toContain(`chat:${turn}`);
    },
  );
});
