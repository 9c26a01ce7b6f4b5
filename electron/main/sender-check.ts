// Electron main: who may call the core — the main frame of our own page, at exactly our origin; every refusal is logged.

import type { WebFrameMain } from 'electron';
import type { Logger } from '../core/logger';
import { originOf } from './origin';

/** The two facts about a frame the check reads; Electron's WebFrameMain has both. */
export type SenderFrame = Pick<WebFrameMain, 'url'> & { parent: unknown };

export type SenderCheck = (frame: SenderFrame | null) => boolean;

export function createSenderCheck(trustedOrigin: string, logger: Logger): SenderCheck {
  return (frame) => {
    const refuse = (why: string) => {
      logger.warn(`refused a call from ${why}`);
      return false;
    };
    if (!frame) return refuse('a frame that is gone');
    // A subframe could be anything the page embedded (or was tricked into embedding); only the top frame is the app.
    if (frame.parent !== null) return refuse('a subframe');
    const origin = originOf(frame.url);
    if (origin !== trustedOrigin) return refuse(`another origin (${String(origin).slice(0, 100)})`);
    return true;
  };
}
