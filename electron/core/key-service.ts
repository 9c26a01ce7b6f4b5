// Core: the API key's life cycle — check a pasted key with OpenRouter, keep it in the keychain (or this session only), describe it safely.

import type { KeyStatus } from '../../shared/domain';
import { type AppError, type Result, fail, resultOfAsync } from '../../shared/result';
import type { KeyInfo } from './openrouter/types';
import type { KeyUsage } from '../../shared/spend';
import { keyUsageOf } from './cost/spend-service';

const noInfo = (): Result<never> => ({
  ok: false,
  error: { code: 'upstream_error', message: 'OpenRouter did not say what this key has spent.' },
});
import type { SecretStore } from './secrets/secret-store';
import { AppFailure } from '../../shared/result';
import { checkKeyInput } from '../../shared/key-format';
import type { ActiveKeySource } from './active-key';

/** The slice of the OpenRouter client this service needs: a pasted key is checked there, the stored one read there. */
export interface KeyChecker {
  getKeyInfo(candidateKey?: string): Promise<Result<KeyInfo>>;
}

/** Validation failures say what happened to the key as well as why. */
function explainValidationFailure(error: AppError): AppError {
  switch (error.code) {
    case 'unauthorized':
      return { ...error, message: 'OpenRouter did not accept this key: it was revoked or mistyped. It was not saved.' };
    case 'offline':
    case 'timeout':
      return { ...error, message: 'OpenRouter could not be reached, so the key was not checked or saved.' };
    case 'upstream_error':
      return {
        ...error,
        message: 'OpenRouter is having trouble right now; the key was not saved. Try again in a minute.',
      };
    default:
      return error;
  }
}

export class KeyService {
  private info: KeyInfo | null = null;
  private verified = false;
  private askedForInfo = false;

  constructor(
    private readonly source: ActiveKeySource,
    private readonly checker: KeyChecker,
  ) {}

  private get keychain(): SecretStore {
    return this.source.keychain;
  }

  private get session(): SecretStore {
    return this.source.session;
  }

  async status(): Promise<Result<KeyStatus>> {
    return resultOfAsync(async () => {
      const described = await this.source.describe();
      return {
        present: described.present,
        storage: described.storage,
        last4: described.last4,
        label: this.info?.label ?? null,
        limit: this.info?.limit ?? null,
        limitRemaining: this.info?.limitRemaining ?? null,
        isFreeTier: this.info?.isFreeTier ?? null,
        verified: described.present && this.verified,
      };
    });
  }

  async save(input: { key: string; sessionOnly?: boolean; skipValidation?: boolean }): Promise<Result<KeyStatus>> {
    const checkedInput = checkKeyInput(input.key);
    if (!checkedInput.ok) return fail('malformed_key', checkedInput.problem);
    const key = checkedInput.key;

    let info: KeyInfo | null = null;
    if (!input.skipValidation) {
      const checked = await this.checker.getKeyInfo(key);
      if (!checked.ok) return { ok: false, error: explainValidationFailure(checked.error) };
      info = checked.value;
    }

    const stored = await resultOfAsync(async () => {
      if (input.sessionOnly) {
        await this.session.set(key);
      } else {
        await this.keychain.set(key);
        await this.session.delete();
      }
    });
    if (!stored.ok) return stored;
    this.info = info;
    this.verified = info !== null;
    return this.status();
  }

  /** Re-reads label and remaining credit from OpenRouter; the UI calls it after each reply. */
  async refresh(): Promise<Result<KeyStatus>> {
    const checked = await this.checker.getKeyInfo();
    if (!checked.ok) {
      if (checked.error.code === 'unauthorized') this.verified = false;
      return checked;
    }
    this.info = checked.value;
    this.verified = true;
    return this.status();
  }

  /**
   * USD left under the key's spending cap, as last heard from OpenRouter (the renderer refreshes after each reply);
   * asked once when nothing was heard yet. Null when the key has no cap or nothing is known.
   */
  async limitRemaining(): Promise<number | null> {
    if (this.info === null && !this.askedForInfo) {
      this.askedForInfo = true;
      await this.refresh();
    }
    return this.info?.limitRemaining ?? null;
  }

  /** What OpenRouter says the key has spent, everywhere it is used: fresh from GET /key (§8.1). */
  async usage(): Promise<Result<KeyUsage>> {
    const refreshed = await this.refresh();
    if (!refreshed.ok) return refreshed;
    return this.info ? { ok: true, value: keyUsageOf(this.info) } : noInfo();
  }

  async remove(): Promise<Result<KeyStatus>> {
    const wasSessionOnly = (await this.source.describe()).storage === 'session';
    await this.session.delete();
    try {
      await this.keychain.delete();
    } catch (error) {
      // A session-only key usually means the keychain is unreachable; removing that key must still work.
      if (!(error instanceof AppFailure)) throw error;
      if (!wasSessionOnly) return { ok: false, error: error.error };
    }
    this.info = null;
    this.verified = false;
    return this.status();
  }
}
