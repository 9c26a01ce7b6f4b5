// Core: the one table from channel to core method, shared by the Electron and web-host transports so they cannot drift.

import type { ChatStreamEvent } from '../../shared/domain';
import type { CoreEvent } from '../../shared/core-events';
import {
  type ChannelParsedInput,
  type ChannelResult,
  type RequestChannel,
  type StreamChannel,
  type StreamEvent,
  type StreamParsedInput,
  isRequestChannel,
  isStreamChannel,
  requestChannels,
  streamChannels,
} from '../../shared/ipc';
import { AppFailure, type AppError, type Result, appErrorOf, fail } from '../../shared/result';
import type { Core } from './core';
import type { Logger } from './logger';

type RequestHandlers = {
  [C in RequestChannel]: (input: ChannelParsedInput<C>) => Promise<Result<ChannelResult<C>>>;
};

/**
 * Channels a host answers itself instead of the core, with the same parsed input and the same error handling: the
 * desktop app keeps the sidebar's width beside the window's place, per arrangement of displays
 * (electron/main/sidebar-width.ts), where the web host, with one browser window, leaves it to the core.
 */
export type HostHandlers = Partial<RequestHandlers>;

function requestHandlers(core: Core): RequestHandlers {
  return {
    'app:info': async () => ({ ok: true, value: core.appInfo() }),
    'key:status': () => core.keys.status(),
    'key:save': (input) => core.keys.save(input),
    'key:refresh': () => core.keys.refresh(),
    'key:remove': () => core.keys.remove(),
    'conversations:list': async () => core.library.list(),
    'conversations:get': async ({ id }) => core.library.get(id),
    'conversations:create': async (input) => core.library.create(input),
    'conversations:rename': async ({ id, title }) => core.library.rename(id, title),
    'conversations:set-model': async ({ id, model }) => core.library.setModel(id, model),
    'conversations:delete': async ({ id }) => core.library.delete(id),
    'conversations:select-version': ({ conversationId, messageId }) =>
      core.library.selectVersion(conversationId, messageId),
    'conversations:set-max-output': ({ id, maxOutputTokens }) => core.library.setMaxOutput(id, maxOutputTokens),
    'messages:older': ({ conversationId, beforeId, limit }) => core.library.older(conversationId, beforeId, limit),
    'drafts:get': ({ conversationId }) => core.library.getDraft(conversationId),
    'drafts:save': ({ conversationId, text }) => core.library.saveDraft(conversationId, text),
    'drafts:save-files': ({ conversationId, files }) => core.library.saveDraftFiles(conversationId, files),
    'attachments:ready': ({ id }) => core.attachments.ready(id),
    'models:list': () => core.models.list(),
    'models:refresh': () => core.models.refresh(),
    'models:preferences': () => core.models.preferences(),
    'models:set-favorite': ({ model, favorite }) => core.models.setFavorite(model, favorite),
    'models:set-default': ({ model }) => core.models.setDefault(model),
    'models:mark-used': ({ model }) => core.models.markUsed(model),
    'models:providers': ({ model }) => core.models.providers(model),
    'history:status': async () => ({ ok: true, value: await core.history.status() }),
    'history:recover': (input) => core.history.recover(input),
    'conversations:set-pinned': ({ id, pinned }) => core.library.setPinned(id, pinned),
    'conversations:restore': ({ id }) => core.library.restore(id),
    'conversations:delete-all': () => core.library.deleteAll(),
    'conversations:reveal': ({ conversationId, messageId }) => core.library.reveal(conversationId, messageId),
    'search:messages': (input) => core.library.searchMessages(input),
    'search:in-conversation': ({ conversationId, query }) => core.library.findInConversation(conversationId, query),
    'portability:export-start': ({ format, conversationId, compareId }) =>
      core.portability.startExport({ format, conversationId: conversationId ?? null, compareId: compareId ?? null }),
    'portability:import-start': async (input) => core.portability.startImport(input),
    'portability:job': async ({ jobId }) => core.portability.job(jobId),
    'portability:cancel': async ({ jobId }) => core.portability.cancel(jobId),
    'backups:list': () => core.backups.list(),
    'backups:create': () => core.backups.create(),
    'backups:restore': ({ path }) => core.backups.restore(path),
    'spend:summary': (input) => core.spend.summary(input),
    'spend:overview': ({ monthStart }) => core.spend.overview(monthStart),
    'spend:conversation': ({ conversationId }) => core.spend.conversation(conversationId),
    'spend:key-usage': () => core.keys.usage(),
    'spend:export-csv': () => core.spend.exportCsv(),
    'spend:set-budget': ({ monthlyUsd }) => core.spend.setBudget(monthlyUsd),
    'spend:mark-warned': ({ kind, month }) => core.spend.markWarned(kind, month),
    'spend:clear-ledger': () => core.spend.clearLedger(),
    'spend:reply-costs': ({ messageIds }) => core.spend.replyCosts(messageIds),
    'titles:settings': () => core.titles.settings(),
    'titles:set-enabled': ({ enabled }) => core.titles.setEnabled(enabled),
    'conversations:set-settings': ({ id, settings }) => core.library.setSettings(id, settings),
    'settings:conversation-defaults': () => core.settings.conversationDefaults(),
    'settings:set-conversation-defaults': ({ settings }) => core.settings.setConversationDefaults(settings),
    'settings:prompt-snippets': () => core.settings.promptSnippets(),
    'settings:set-prompt-snippets': ({ snippets }) => core.settings.setPromptSnippets(snippets),
    'presets:list': () => core.settings.listPresets(),
    'presets:save': (input) => core.settings.savePreset(input),
    'presets:delete': ({ id }) => core.settings.deletePreset(id),
    'presets:import': ({ file }) => core.settings.importPresets(file),
    'preferences:get': () => core.preferences.get(),
    'preferences:set-theme': ({ theme }) => core.preferences.setTheme(theme),
    'preferences:set-notifications': ({ enabled }) => core.preferences.setNotifications(enabled),
    'preferences:sidebar-width': () => core.preferences.sidebarWidth(),
    'preferences:set-sidebar-width': ({ width }) => core.preferences.setSidebarWidth(width),
    'compares:list': () => core.compares.list(),
    'compares:get': ({ id }) => core.compares.get(id),
    'compares:create': (input) => core.compares.create(input),
    'compares:delete': ({ id }) => core.compares.delete(id),
    'compares:restore': ({ id }) => core.compares.restore(id),
    'compares:rename': ({ id, title }) => core.compares.rename(id, title),
    'compares:add-merge': ({ compareId, conversationId }) => core.compares.addMerge(compareId, conversationId),
    'compares:continue': ({ conversationId }) => core.compares.continueColumn(conversationId),
    'compares:add-column': ({ compareId, model, from }) => core.compares.addColumn(compareId, model, from),
    'compares:drop-column': ({ conversationId }) => core.compares.dropColumn(conversationId),
    'compares:sets': () => core.compares.sets(),
    'compares:set-sets': ({ sets }) => core.compares.setSets(sets),
  };
}

type StreamHandlers = {
  [C in StreamChannel]: (input: StreamParsedInput<C>, signal: AbortSignal) => AsyncIterable<StreamEvent<C>>;
};

function streamHandlers(core: Core): StreamHandlers {
  return {
    'chat:send': (input, signal) => core.chat.send(input, signal),
    'chat:regenerate': (input, signal) => core.chat.regenerate(input, signal),
    'chat:edit': (input, signal) => core.chat.edit(input, signal),
    'chat:continue': (input, signal) => core.chat.continue(input, signal),
  };
}

export interface Router {
  /** Validates the channel and its input, runs the handler, and always answers with a Result. */
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Validates, then streams the turn's events; aborting `signal` cancels the upstream request. */
  stream(channel: string, input: unknown, signal: AbortSignal): AsyncIterable<ChatStreamEvent>;
  /**
   * Everything the core tells a window unasked (library changes, preferences) for one window; returns the function that
   * stops them (the window went away).
   */
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

function describeInvalid(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

export function createRouter(core: Core, logger: Logger, hostHandlers: HostHandlers = {}): Router {
  const handlers = { ...requestHandlers(core), ...hostHandlers };
  const streams = streamHandlers(core);

  return {
    subscribe: (listener) => {
      const stopLibrary = core.events.subscribe((event) => listener({ topic: 'library', event }));
      const stopPreferences = core.preferences.subscribe((preferences) =>
        listener({ topic: 'preferences', preferences }),
      );
      return () => {
        stopLibrary();
        stopPreferences();
      };
    },

    async call(channel, input) {
      if (!isRequestChannel(channel)) return fail('invalid_input', `Unknown request "${channel.slice(0, 64)}".`);
      const parsed = requestChannels[channel].input.safeParse(input);
      if (!parsed.success)
        return fail('invalid_input', `Invalid ${channel} request: ${describeInvalid(parsed.error.issues)}`);
      try {
        const handler = handlers[channel] as (input: unknown) => Promise<Result<unknown>>;
        return await handler(parsed.data);
      } catch (error) {
        return { ok: false, error: unexpected(error, channel, logger) };
      }
    },

    async *stream(channel, input, signal) {
      if (!isStreamChannel(channel)) {
        yield {
          type: 'error',
          error: { code: 'invalid_input', message: `Unknown stream "${channel.slice(0, 64)}".` },
          message: null,
        };
        return;
      }
      const parsed = streamChannels[channel].input.safeParse(input);
      if (!parsed.success) {
        const message = `Invalid ${channel} request: ${describeInvalid(parsed.error.issues)}`;
        yield { type: 'error', error: { code: 'invalid_input', message }, message: null };
        return;
      }
      const handler = streams[channel] as (input: unknown, signal: AbortSignal) => AsyncIterable<ChatStreamEvent>;
      yield* handler(parsed.data, signal);
    },
  };
}

const internalError: AppError = {
  code: 'internal',
  message: 'Something went wrong inside Switchboard; nothing was lost. Details are in the log.',
};

/** A handler that threw: an expected failure is answered as it is; a bug is logged here, once, and answered `internal`. */
function unexpected(error: unknown, channel: string, logger: Logger): AppError {
  if (!(error instanceof AppFailure)) logger.error(`${channel} failed`, error);
  return appErrorOf(error, internalError);
}
