// Runs in the fake OpenRouter process: Bearer-key authentication, answered as OpenRouter answers it.

import { type RequestContext, sendFixture } from './context';
import { noAuth, userNotFound } from './fixtures';
import { type KeyProfile } from './scenarios';

export interface Authenticated {
  key: string;
  profile: KeyProfile;
}

/** The caller's key and account, or null after a 401 has been sent. */
export function authenticate(ctx: RequestContext): Authenticated | null {
  const header = ctx.req.headers.authorization;
  const match = /^Bearer\s+(\S*)\s*$/i.exec(header ?? '');
  const key = match?.[1];
  if (!key) {
    sendFixture(ctx, noAuth());
    return null;
  }
  const profile = ctx.ledger.profile(key);
  if (!profile) {
    sendFixture(ctx, userNotFound());
    return null;
  }
  return { key, profile };
}
