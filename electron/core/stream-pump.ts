// Core (Node: Electron main or web host): runs one stream from the router to a transport's sink. Both transports use
// it, so a stream always ends the same way: its events, an error event if anything threw, then one end marker.

import type { ChatStreamEvent } from '../../shared/domain';
import type { Logger } from './logger';

/** Where a transport puts a stream's frames: a WebSocket session or an Electron MessagePort. */
export interface StreamSink {
  event(event: ChatStreamEvent): void;
  end(): void;
}

export const streamFailedEvent: ChatStreamEvent = {
  type: 'error',
  error: { code: 'internal', message: 'The reply stream failed inside Switchboard; what was received is kept.' },
  message: null,
};

/**
 * Forwards `events` to `sink` and never throws. A throw from the source becomes an error event; a throw from the sink
 * means its consumer is gone, so the source is released (its `finally` saves the reply as stopped) and nothing more is
 * sent. Cancellation is the caller's AbortSignal, already handed to the source.
 */
export async function pumpStream(
  events: AsyncIterable<ChatStreamEvent>,
  sink: StreamSink,
  logger: Logger,
  label: string,
): Promise<void> {
  let sinkBroken = false;
  const deliver = (send: () => void): boolean => {
    if (sinkBroken) return false;
    try {
      send();
      return true;
    } catch (error) {
      sinkBroken = true;
      logger.warn(`stream ${label}: the receiving end went away (${error instanceof Error ? error.message : error})`);
      return false;
    }
  };

  try {
    for await (const event of events) {
      if (!deliver(() => sink.event(event))) break;
    }
  } catch (error) {
    logger.error(`stream ${label} failed`, error);
    deliver(() => sink.event(streamFailedEvent));
  } finally {
    deliver(() => sink.end());
  }
}
