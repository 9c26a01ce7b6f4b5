// Core: OpenRouter's model catalogue, kept in SQLite so the picker opens at once and works offline; fetched again
// when the copy is older than a day, or when the person asks (docs/openrouter-protocol.md §6.3).

import type { ModelCatalogue, ModelPreferences, ModelProvider, ModelSummary } from '../../../shared/domain';
import { type AppError, type Result, fail } from '../../../shared/result';
import type { Logger } from '../logger';
import { mapModelEntries } from '../openrouter/models';
import type { JsonRecord } from '../openrouter/narrow';
import type { ModelStore } from './model-store';

export interface ModelSource {
  listModelEntries(): Promise<Result<JsonRecord[]>>;
  getModelProviders(modelId: string): Promise<Result<ModelProvider[]>>;
}

export interface ModelServiceOptions {
  source: ModelSource;
  /** The store once the history database is known to be sound; null when it cannot be used (memory only then). */
  store(): Promise<ModelStore | null>;
  logger?: Logger;
  now?: () => number;
}

/** OpenRouter's list changes daily, not per message. */
export const catalogueMaxAgeMs = 24 * 60 * 60_000;
/** After a failed fetch, a stale copy is served without asking again for this long (each turn reads the catalogue). */
export const failedFetchPauseMs = 5 * 60_000;

const malformed: AppError = {
  code: 'upstream_error',
  message: 'OpenRouter sent a model list that could not be read.',
};

export class ModelService {
  private memory: { fetchedAt: number; models: ModelSummary[] } | null = null;
  private storedRead = false;
  private refreshError: AppError | null = null;
  private lastFailureAt: number | null = null;
  private fetching: Promise<Result<ModelCatalogue>> | null = null;
  private readonly providerLists = new Map<string, ModelProvider[]>();
  private readonly now: () => number;

  constructor(private readonly options: ModelServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The cached catalogue; fetched first when there is none or it is older than a day. */
  async list(): Promise<Result<ModelCatalogue>> {
    await this.readStored();
    if (this.memory && !this.isStale()) return { ok: true, value: this.snapshot() };
    if (this.memory && this.lastFailureAt !== null && this.now() - this.lastFailureAt < failedFetchPauseMs)
      return { ok: true, value: this.snapshot() };
    return this.refresh();
  }

  /** Fetches now. A failure keeps the last good copy (answered with `refreshError` set) and says why. */
  refresh(): Promise<Result<ModelCatalogue>> {
    // Two windows (or the start-up load and a click on Refresh) share one request.
    this.fetching ??= this.fetchNow().finally(() => (this.fetching = null));
    return this.fetching;
  }

  /**
   * One model from the same catalogue (a turn sizes its reply from it); null when unlisted or unreachable. With no
   * copy at all and a failed fetch within the pause, it does not ask again: every turn looks a model up (three times,
   * before its request goes out), and each lookup would otherwise wait for OpenRouter's catalogue first.
   */
  async find(id: string): Promise<ModelSummary | null> {
    await this.readStored();
    if (!this.memory && this.lastFailureAt !== null && this.now() - this.lastFailureAt < failedFetchPauseMs)
      return null;
    const listed = await this.list();
    return listed.ok ? (listed.value.models.find((model) => model.id === id) ?? null) : null;
  }

  /** The providers serving a model; a list that arrived is kept for the session (it changes rarely). */
  async providers(modelId: string): Promise<Result<ModelProvider[]>> {
    const known = this.providerLists.get(modelId);
    if (known) return { ok: true, value: known };
    const fetched = await this.options.source.getModelProviders(modelId);
    if (fetched.ok) this.providerLists.set(modelId, fetched.value);
    return fetched;
  }

  async preferences(): Promise<Result<ModelPreferences>> {
    return this.withStore((store) => store.preferences());
  }

  async setFavorite(model: string, favorite: boolean): Promise<Result<ModelPreferences>> {
    return this.withStore((store) => store.setFavorite(model, favorite));
  }

  async setDefault(model: string): Promise<Result<ModelPreferences>> {
    return this.withStore((store) => store.setDefault(model));
  }

  async markUsed(model: string): Promise<Result<ModelPreferences>> {
    return this.withStore((store) => store.markUsed(model));
  }

  private async fetchNow(): Promise<Result<ModelCatalogue>> {
    await this.readStored();
    const fetched = await this.options.source.listModelEntries();
    const models = fetched.ok ? mapModelEntries(fetched.value) : [];
    if (!fetched.ok || models.length === 0) {
      // An empty or unreadable list is never better than the copy already kept.
      const error = fetched.ok ? malformed : fetched.error;
      this.refreshError = error;
      this.lastFailureAt = this.now();
      this.options.logger?.warn(`model catalogue refresh failed: ${error.code}`);
      return this.memory ? { ok: true, value: this.snapshot() } : { ok: false, error };
    }
    const fetchedAt = this.now();
    this.memory = { fetchedAt, models };
    this.refreshError = null;
    this.lastFailureAt = null;
    const store = await this.options.store();
    try {
      store?.writeCatalogue({ fetchedAt, entries: fetched.value });
    } catch (error) {
      // The list still serves this run; the next start fetches again.
      this.options.logger?.error('could not keep the model catalogue', error);
    }
    return { ok: true, value: this.snapshot() };
  }

  private async readStored(): Promise<void> {
    if (this.storedRead) return;
    const store = await this.options.store();
    this.storedRead = true;
    if (this.memory || !store) return;
    try {
      const stored = store.readCatalogue();
      const models = stored ? mapModelEntries(stored.entries) : [];
      if (stored && models.length > 0) this.memory = { fetchedAt: stored.fetchedAt, models };
    } catch (error) {
      this.options.logger?.error('could not read the kept model catalogue', error);
    }
  }

  private isStale(): boolean {
    return this.memory === null || this.now() - this.memory.fetchedAt >= catalogueMaxAgeMs;
  }

  private snapshot(): ModelCatalogue {
    return {
      models: this.memory?.models ?? [],
      fetchedAt: this.memory?.fetchedAt ?? null,
      refreshError: this.refreshError,
    };
  }

  private async withStore<T>(work: (store: ModelStore) => T): Promise<Result<T>> {
    const store = await this.options.store();
    if (!store) return fail('storage_error', 'Model preferences cannot be saved while the history is unavailable.');
    return { ok: true, value: work(store) };
  }
}
