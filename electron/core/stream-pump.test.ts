import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent } from '../../shared/domain';
import type { Logger } from './logger';
import { pumpStream, streamFailedEvent } from './stream-pump';

const delta = (text: string): ChatStreamEvent => ({ type: 'delta', text });

function recorder() {
  const frames: (ChatStreamEvent | 'end')[] = [];
  const logs: string[] = [];
  const logger: Logger = { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) };
  return {
    frames,
    logs,
    logger,
    sink: { event: (e: ChatStreamEvent) => frames.push(e), end: () => frames.push('end') },
  };
}

describe('pumpStream', () => {
  it('forwards every event, then one end marker', async () => {
    const r = recorder();
    async function* source() {
      yield delta('a');
      yield delta('b');
    }
    await pumpStream(source(), r.sink, r.logger, 'chat:send');
    expect(r.frames).toEqual([delta('a'), delta('b'), 'end']);
  });

  it('turns a throw from the source into an error event before the end marker, and logs it', async () => {
    const r = recorder();
    async function* source(): AsyncGenerator<ChatStreamEvent> {
      yield delta('a');
      throw new Error('router blew up');
    }
    await expect(pumpStream(source(), r.sink, r.logger, 'chat:send')).resolves.toBeUndefined();
    expect(r.frames).toEqual([delta('a'), streamFailedEvent, 'end']);
    expect(r.logs.join('\n')).toContain('stream chat:send failed');
  });

  it('releases the source when the sink throws (the consumer is gone) and sends nothing more', async () => {
    const r = recorder();
    let released = false;
    let produced = 0;
    async function* source(): AsyncGenerator<ChatStreamEvent> {
      try {
        for (;;) {
          produced++;
          yield delta(String(produced));
        }
      } finally {
        released = true;
      }
    }
    let calls = 0;
    const sink = {
      event: () => {
        if (++calls === 2) throw new Error('port closed');
      },
      end: () => r.frames.push('end'),
    };
    await pumpStream(source(), sink, r.logger, 'chat:send', { coalesceMs: 0 });
    expect(released).toBe(true);
    expect(produced).toBe(2);
    expect(r.frames).toEqual([]);
    expect(r.logs.join('\n')).toContain('went away');
  });
});

/** A clock the test moves by hand; timers fire only when it is advanced past them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  return {
    clock: {
      now: () => now,
      setTimeout: (callback: () => void, ms: number) => {
        const timer = { at: now + ms, callback };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (handle: unknown) => void (timers = timers.filter((t) => t !== handle)),
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.callback();
    },
  };
}

/** A source the test feeds one event at a time. */
function feed() {
  const queue: (ChatStreamEvent | 'end')[] = [];
  let wake: () => void = () => {};
  async function* source(): AsyncGenerator<ChatStreamEvent> {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const next = queue.shift()!;
      if (next === 'end') return;
      yield next;
    }
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    source: source(),
    push: async (...events: (ChatStreamEvent | 'end')[]) => {
      queue.push(...events);
      wake();
      await settle();
    },
  };
}

describe('pumpStream coalescing', () => {
  it('sends the first text at once, joins what follows within 16 ms, and keeps order around other events', async () => {
    const r = recorder();
    const time = manualClock();
    const input = feed();
    const done = pumpStream(input.source, r.sink, r.logger, 'chat:send', { clock: time.clock });
    await input.push(delta('a'));
    expect(r.frames).toEqual([delta('a')]);
    await input.push(delta('b'), delta('c'));
    expect(r.frames).toEqual([delta('a')]);
    time.advance(16);
    expect(r.frames).toEqual([delta('a'), delta('bc')]);

    await input.push(delta('d'));
    expect(r.frames).toHaveLength(2);
    await input.push({ type: 'reasoning', text: 'r' }, delta('e'));
    const usage = { type: 'usage', usage: null } as unknown as ChatStreamEvent;
    await input.push(usage);
    // The usage event pushes out the text queued before it, in order, each kind kept apart.
    expect(r.frames.slice(2)).toEqual([delta('d'), { type: 'reasoning', text: 'r' }, delta('e'), usage]);
    await input.push(delta('f'), 'end');
    await done;
    expect(r.frames.slice(6)).toEqual([delta('f'), 'end']);
  });

  it('sends every event as it comes with coalescing off', async () => {
    const r = recorder();
    const input = feed();
    const done = pumpStream(input.source, r.sink, r.logger, 'chat:send', { coalesceMs: 0 });
    await input.push(delta('a'), delta('b'), 'end');
    await done;
    expect(r.frames).toEqual([delta('a'), delta('b'), 'end']);
  });
});

describe('pumpStream coalescing, edges', () => {
  const reasoning = (text: string): ChatStreamEvent => ({ type: 'reasoning', text });

  it('joins reasoning within the window as it joins text', async () => {
    const r = recorder();
    const time = manualClock();
    const input = feed();
    const done = pumpStream(input.source, r.sink, r.logger, 'chat:send', { clock: time.clock });
    await input.push(reasoning('a'), reasoning('b'), reasoning('c'));
    expect(r.frames).toEqual([reasoning('a')]);
    time.advance(16);
    await input.push('end');
    await done;
    expect(r.frames).toEqual([reasoning('a'), reasoning('bc'), 'end']);
  });

  it('sends text at once when the window has just closed, and holds the next text for a full window', async () => {
    const r = recorder();
    const time = manualClock();
    const input = feed();
    const done = pumpStream(input.source, r.sink, r.logger, 'chat:send', { clock: time.clock });
    await input.push(delta('a'), delta('b'));
    // A usage event sends 'b' early, at 5 ms; text after it waits a whole window from there (until 21 ms).
    time.advance(5);
    const usage = { type: 'usage', usage: null } as unknown as ChatStreamEvent;
    await input.push(usage, delta('c'));
    time.advance(11);
    expect(r.frames).toEqual([delta('a'), delta('b'), usage]);
    time.advance(5);
    expect(r.frames.at(-1)).toEqual(delta('c'));
    // Exactly one window later, nothing is held.
    time.advance(16);
    await input.push(delta('d'));
    expect(r.frames.at(-1)).toEqual(delta('d'));
    await input.push('end');
    await done;
  });

  it('sends held text early once it passes 64 KiB, not before', async () => {
    const r = recorder();
    const time = manualClock();
    const input = feed();
    const done = pumpStream(input.source, r.sink, r.logger, 'chat:send', { clock: time.clock });
    await input.push(delta('a'), delta('x'.repeat(64 * 1024)));
    expect(r.frames).toHaveLength(1);
    await input.push(delta('y'));
    expect(r.frames).toEqual([delta('a'), delta(`${'x'.repeat(64 * 1024)}y`)]);
    await input.push('end');
    await done;
  });

  it('stops reading the source when the sink fails while sending held text', async () => {
    const r = recorder();
    const time = manualClock();
    const input = feed();
    let calls = 0;
    const sink = {
      event: () => {
        if (++calls === 2) throw new Error('port closed');
      },
      end: () => r.frames.push('end'),
    };
    let finished = false;
    const done = pumpStream(input.source, sink, r.logger, 'chat:send', { clock: time.clock }).then(
      () => (finished = true),
    );
    await input.push(delta('a'), delta('b'));
    time.advance(16);
    await input.push({ type: 'usage', usage: null } as unknown as ChatStreamEvent);
    expect(finished).toBe(true);
    await done;
    expect(r.frames).toEqual([]);
  });
});
