// Runs in the fake OpenRouter process: generation records for GET /generation (docs/openrouter-protocol.md §7),
// including the lag before a finished generation becomes visible, which clients must survive by retrying a 404.

export interface GenerationRecord {
  id: string;
  upstream_id: string;
  request_id: string;
  total_cost: number;
  usage: number;
  upstream_inference_cost: number | null;
  cache_discount: number | null;
  created_at: string;
  model: string;
  router: string | null;
  app_id: number | null;
  origin: string | null;
  http_referer: string | null;
  user_agent: string | null;
  streamed: boolean;
  cancelled: boolean;
  provider_name: string;
  provider_responses: null;
  latency: number | null;
  moderation_latency: number | null;
  generation_time: number | null;
  finish_reason: string | null;
  native_finish_reason: string | null;
  tokens_prompt: number;
  tokens_completion: number;
  native_tokens_prompt: number;
  native_tokens_completion: number;
  native_tokens_completion_images: number;
  native_tokens_reasoning: number;
  native_tokens_cached: number;
  num_media_prompt: number;
  num_input_audio_prompt: number;
  num_media_completion: number;
  num_search_results: number;
  num_fetches: number;
  web_search_engine: string | null;
  is_byok: boolean;
  external_user: string | null;
  api_type: string;
  preset_id: string | null;
  session_id: string | null;
  service_tier: string | null;
  data_region: string;
  workspace_id: string | null;
}

interface Entry {
  ownerKey: string;
  record: GenerationRecord;
  /** When the record may be served; null while the generation runs. */
  visibleAt: number | null;
}

export class GenerationStore {
  private entries = new Map<string, Entry>();

  constructor(private readonly delayMs: number) {}

  begin(ownerKey: string, record: GenerationRecord): void {
    this.entries.set(record.id, { ownerKey, record, visibleAt: null });
  }

  finish(id: string, patch: Partial<GenerationRecord>, now = Date.now()): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.record = { ...entry.record, ...patch };
    entry.visibleAt = now + this.delayMs;
  }

  /** The record if `key` owns it and accounting has settled; otherwise undefined (a 404, as OpenRouter answers). */
  lookup(id: string, key: string, now = Date.now()): GenerationRecord | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.ownerKey !== key || entry.visibleAt === null || now < entry.visibleAt) return undefined;
    return entry.record;
  }

  reset(): void {
    this.entries.clear();
  }
}
