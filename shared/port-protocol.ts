// Contract: what travels on the MessagePort of one Electron chat stream (the preload's end and main's end).

import type { ChatStreamEvent } from './domain';

/** Main → page: the stream's events, then exactly one end marker so the page can settle even without a close event. */
export type PortFrame = { event: ChatStreamEvent } | { end: true };

/** Page → main: the person pressed Stop. Main aborts upstream and still sends the stopped message before `end`. */
export type PortCancelFrame = { cancel: true };
