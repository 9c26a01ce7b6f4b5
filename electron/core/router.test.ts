import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/core-events';
import type { ChatStreamEvent } from '../../shared/domain';
import type { AppPreferences } from '../../shared/preferences';
import { AppFailure } from '../../shared/result';
import type { Core } from './core';
import { LibraryEvents } from './library-events';
import type { Logger } from './logger';
import { createRouter } from './router';

const logs: string[] = [];
const logger: Logger = { info: () => {}, warn: () => {}, error: (m) => logs.push(m) };

/** A core whose services record what reached them; only the members a test touches exist. */
function recordingCore() {
  const seen: { method: string; args: unknown[] }[] = [];
  const core = {
    library: {
      rename: (...args: unknown[]) => {
        seen.push({ method: 'rename', args });
        return { ok: true, value: { id: args[0], title: args[1] } };
      },
      delete: () => {
        throw new AppFailure({ code: 'not_found', message: 'gone' });
      },
      list: () => {
        throw new Error('disk on fire');
      },
    },
    chat: {
      async *send(input: unknown): AsyncGenerator<ChatStreamEvent> {
        seen.push({ method: 'send', args: [input] });
        yield { type: 'delta', text: 'hi' };
      },
    },
  } as unknown as Core;
  return { core, seen };
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const out: ChatStreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('router calls', () => {
  it('hands the handler the parsed input, arguments in their order', async () => {
    const { core, seen } = recordingCore();
    const result = await createRouter(core, logger).call('conversations:rename', { id: 'c1', title: '  Plans  ' });
    expect(result).toEqual({ ok: true, value: { id: 'c1', title: 'Plans' } });
    expect(seen).toEqual([{ method: 'rename', args: ['c1', 'Plans'] }]);
  });

  it('refuses invalid input before any handler runs', async () => {
    const { core, seen } = recordingCore();
    const result = await createRouter(core, logger).call('conversations:rename', { id: 'c1', title: '', extra: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(seen).toEqual([]);
    // The message names the channel and each field at fault, for the next engineer reading a log.
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/^Invalid conversations:rename request: /);
    expect(message).toMatch(/title: /);
  });

  it('refuses an export of one conversation and one compare at once', async () => {
    const { core, seen } = recordingCore();
    const input = { format: 'json', conversationId: 'c1', compareId: 'p1' };
    const result = await createRouter(core, logger).call('portability:export-start', input);
    expect(!result.ok && result.error.message).toMatch(/Export one conversation or one compare, not both/);
    expect(seen).toEqual([]);
  });

  it('refuses an unknown channel', async () => {
    const { core } = recordingCore();
    const result = await createRouter(core, logger).call('__proto__', {});
    expect(!result.ok && result.error.code).toBe('invalid_input');
    // A page may send anything: the answer echoes at most 64 characters of it.
    const long = await createRouter(core, logger).call(`x${'y'.repeat(200)}`, {});
    expect(long.ok ? '' : long.error.message).toBe(`Unknown request "x${'y'.repeat(63)}".`);
  });

  it('passes an AppFailure through and hides anything else behind a generic, logged error', async () => {
    const { core } = recordingCore();
    const router = createRouter(core, logger);
    const deleted = await router.call('conversations:delete', { id: 'c1' });
    expect(!deleted.ok && deleted.error).toEqual({ code: 'not_found', message: 'gone' });
    const listed = await router.call('conversations:list', undefined);
    expect(!listed.ok && listed.error.code).toBe('internal');
    expect(!listed.ok && listed.error.message).not.toContain('disk on fire');
    expect(logs.at(-1)).toContain('conversations:list failed');
  });
});

describe('router streams', () => {
  it('routes chat:send with its parsed input', async () => {
    const { core, seen } = recordingCore();
    const input = { text: ' hello ', model: 'openai/gpt-4o-mini' };
    const events = await collect(createRouter(core, logger).stream('chat:send', input, new AbortController().signal));
    expect(events).toEqual([{ type: 'delta', text: 'hi' }]);
    expect(seen).toEqual([{ method: 'send', args: [{ text: 'hello', model: 'openai/gpt-4o-mini' }] }]);
  });

  it('answers an unknown stream or invalid input with one error event and never reaches the core', async () => {
    const { core, seen } = recordingCore();
    const router = createRouter(core, logger);
    const signal = new AbortController().signal;
    const unknown = await collect(router.stream('conversations:list', {}, signal));
    const invalid = await collect(router.stream('chat:send', { text: 'x'.repeat(200_001), model: 'a/b' }, signal));
    expect(unknown).toMatchObject([{ type: 'error', error: { code: 'invalid_input' } }]);
    expect(invalid).toMatchObject([{ type: 'error', error: { code: 'invalid_input' } }]);
    expect(seen).toEqual([]);
  });
});

describe('router subscriptions', () => {
  it('merges library changes and preference changes into one subscription per window, until it stops', () => {
    const events = new LibraryEvents();
    const preferenceListeners = new Set<(preferences: AppPreferences) => void>();
    const core = {
      events,
      preferences: {
        subscribe: (listener: (preferences: AppPreferences) => void) => {
          preferenceListeners.add(listener);
          return () => void preferenceListeners.delete(listener);
        },
      },
    } as unknown as Core;
    const heard: CoreEvent[] = [];
    const stop = createRouter(core, logger).subscribe((event) => heard.push(event));
    events.emit({ type: 'removed', id: 'c1' });
    for (const listener of preferenceListeners) listener({ theme: 'dark', notifications: false });
    expect(heard).toEqual([
      { topic: 'library', event: { type: 'removed', id: 'c1' } },
      { topic: 'preferences', preferences: { theme: 'dark', notifications: false } },
    ]);
    stop();
    // Both halves stop: a closed window hears neither.
    events.emit({ type: 'cleared' });
    expect(preferenceListeners.size).toBe(0);
    expect(heard).toHaveLength(2);
  });
});
