import { describe, expect, it } from 'vitest';
import type { Logger } from '../core/logger';
import { type RefusalTimer, createRefusalLog } from './refusal-log';

/** A timer driven by the test: `advance` fires what is due, in order. */
function manualTimer() {
  let now = 0;
  let pending: { at: number; fn: () => void }[] = [];
  const timer: RefusalTimer = {
    after(ms, fn) {
      const entry = { at: now + ms, fn };
      pending.push(entry);
      return () => (pending = pending.filter((p) => p !== entry));
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = pending.filter((p) => p.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      pending = pending.filter((p) => p !== due);
      now = due.at;
      due.fn();
    }
    now = until;
  };
  return { timer, advance, pending: () => pending.length };
}

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { logger, lines };
}

const options = { what: 'a bad token', whatPlural: 'bad tokens', intervalMs: 60_000 };

describe('refusal log', () => {
  it('logs the first refusal, then one summary per interval however many follow', () => {
    const { logger, lines } = recordingLogger();
    const clock = manualTimer();
    const log = createRefusalLog(logger, { ...options, timer: clock.timer });

    log.refused();
    expect(lines).toEqual(['warn refused a bad token']);
    for (let i = 0; i < 10_000; i++) log.refused();
    expect(lines).toHaveLength(1);

    clock.advance(60_000);
    expect(lines).toEqual(['warn refused a bad token', 'warn refused 10000 more bad tokens in the last 60 s']);

    // The flood goes on: still one line per interval.
    for (let i = 0; i < 500; i++) log.refused();
    clock.advance(30_000);
    expect(lines).toHaveLength(2);
    clock.advance(30_000);
    expect(lines.at(-1)).toBe('warn refused 500 more bad tokens in the last 60 s');
    expect(lines).toHaveLength(3);
  });

  it('says nothing for a quiet interval, and logs the next refusal after it in full', () => {
    const { logger, lines } = recordingLogger();
    const clock = manualTimer();
    const log = createRefusalLog(logger, { ...options, timer: clock.timer });

    log.refused();
    clock.advance(60_000);
    expect(lines).toEqual(['warn refused a bad token']);
    expect(clock.pending()).toBe(0);

    clock.advance(5 * 60_000);
    log.refused();
    expect(lines).toEqual(['warn refused a bad token', 'warn refused a bad token']);
  });

  it('counts what is left when closed and leaves no timer behind', () => {
    const { logger, lines } = recordingLogger();
    const clock = manualTimer();
    const log = createRefusalLog(logger, { ...options, timer: clock.timer });

    log.refused();
    log.refused();
    log.refused();
    log.close();
    expect(lines).toEqual(['warn refused a bad token', 'warn refused 2 more bad tokens before closing']);
    expect(clock.pending()).toBe(0);
  });
});
