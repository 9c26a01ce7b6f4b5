// Contract: DesktopApi is exactly what the renderer sees as `window.api`, whichever transport carries it.

import type { ChatStreamEvent } from './domain';
import type { ChannelInput, ChannelResult, RequestChannel, StreamChannel, StreamEvent, StreamInput } from './ipc';
import type { Result } from './result';
import type { ChatSendInput, ConversationCreateInput, HistoryRecoverInput, KeySaveInput } from './schemas';

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
  };
  models: { list(): Call<'models:list'> };
  history: { status(): Call<'history:status'>; recover(input: HistoryRecoverInput): Call<'history:recover'> };
  chat: { send(input: ChatSendInput, onEvent: (event: ChatStreamEvent) => void): StreamHandle };
}

/** What a transport must provide; `createDesktopApi` turns it into the DesktopApi, so transports cannot drift. */
export interface Transport {
  invoke<C extends RequestChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>>;
  stream<C extends StreamChannel>(
    channel: C,
    input: StreamInput<C>,
    onEvent: (event: StreamEvent<C>) => void,
  ): StreamHandle;
}

export function createDesktopApi(transport: Transport): DesktopApi {
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
    },
    models: { list: () => call('models:list', undefined) },
    history: {
      status: () => call('history:status', undefined),
      recover: (input) => call('history:recover', input),
    },
    chat: { send: (input, onEvent) => transport.stream('chat:send', input, onEvent) },
  };
}
