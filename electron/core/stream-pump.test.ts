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
    await pumpStream(source(), sink, r.logger, 'chat:send');
    expect(released).toBe(true);
    expect(produced).toBe(2);
    expect(r.frames).toEqual([]);
    expect(r.logs.join('\n')).toContain('went away');
  });
});
