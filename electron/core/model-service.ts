// Core: OpenRouter's model catalogue, fetched once and kept for a while (it changes daily, not per message).

import type { ModelSummary } from '../../shared/domain';
import type { Result } from '../../shared/result';

export interface ModelSource {
  listModels(): Promise<Result<ModelSummary[]>>;
}

export class ModelService {
  private cached: { at: number; models: ModelSummary[] } | null = null;

  constructor(
    private readonly source: ModelSource,
    private readonly maxAgeMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<Result<ModelSummary[]>> {
    if (this.cached && this.now() - this.cached.at < this.maxAgeMs) return { ok: true, value: this.cached.models };
    const fetched = await this.source.listModels();
    if (fetched.ok) this.cached = { at: this.now(), models: fetched.value };
    // A failed refresh still serves the last good catalogue rather than an empty picker.
    else if (this.cached) return { ok: true, value: this.cached.models };
    return fetched;
  }

  /** One model from the same cached catalogue (a turn sizes its reply from it); null when unlisted or unreachable. */
  async find(id: string): Promise<ModelSummary | null> {
    const listed = await this.list();
    return listed.ok ? (listed.value.find((model) => model.id === id) ?? null) : null;
  }
}
