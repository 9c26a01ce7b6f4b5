// Core: fills in a reply's cost when its stream did not carry one — stopped, failed, interrupted by a crash, or a
// legacy usage chunk without `cost` — from OpenRouter's generation record (docs/openrouter-protocol.md §3.8, §7).
// What is owed is on disk (SettlementRepo) from the moment the generation id is known, so a quit or crash only
// delays it to the next start. After `maxRounds` rounds without a figure the reply shows an estimate, marked so.

import type { Usage } from '../../../shared/domain';
import { estimateWrittenCost, type EstimatePrices, tokensForText } from '../../../shared/cost-estimate';
import type { Result } from '../../../shared/result';
import type { MessageRepo } from '../db/message-repo';
import type { GenerationStats } from '../openrouter/types';
import type { PendingSettlement, SettlementRepo } from './settlement-repo';

export interface CostSettlerOptions {
  /** GET /generation, which itself asks again on early 404s (one "round"). */
  lookup(generationId: string): Promise<Result<GenerationStats>>;
  /** Catalogue prices for an estimate; null when the model is not listed. */
  prices(model: string): Promise<EstimatePrices | null>;
  /** Waits between rounds; the length + 1 is how many rounds there are before an estimate. */
  roundDelaysMs?: readonly number[];
  /** Tells the open view a message's figures changed (it also reads them again by itself). */
  onSettled?(messageId: string): void;
}

/** A round right away, one after 30 s, one after 2 min; then (or at a later start) the estimate. */
export const defaultRoundDelaysMs: readonly number[] = [30_000, 120_000];

/** Usage in the shape a streamed reply reports it, from the generation record. */
export function usageFromGeneration(stats: GenerationStats): Usage {
  const prompt = stats.promptTokens ?? 0;
  const completion = stats.completionTokens ?? 0;
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: prompt + completion,
    reasoningTokens: stats.reasoningTokens,
    cachedTokens: stats.cachedTokens,
    // The generation record's own figures (cache_discount included) stay in `raw`; the stream's are shown when known.
    cacheWriteTokens: null,
    cacheDiscountUsd: null,
    costUsd: stats.totalCostUsd,
    isByok: stats.isByok,
    raw: { source: 'generation', ...stats },
  };
}

export class CostSettler {
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly roundDelaysMs: readonly number[];
  private closed = false;

  constructor(
    private readonly messages: MessageRepo,
    private readonly pending: SettlementRepo,
    private readonly options: CostSettlerOptions,
  ) {
    this.roundDelaysMs = options.roundDelaysMs ?? defaultRoundDelaysMs;
  }

  /** The generation is running: if this process dies before its cost is known, the next start asks for it. */
  owe(settlement: Omit<PendingSettlement, 'attempts'>): void {
    this.pending.add(settlement);
  }

  /** The stream reported the cost; nothing is owed. */
  paid(generationId: string): void {
    this.pending.remove(generationId);
  }

  /** Starts asking OpenRouter for a generation's figures (in the background). */
  settle(generationId: string): void {
    if (this.closed) return;
    const round = this.round(generationId)
      .catch(() => undefined)
      .finally(() => this.running.delete(round));
    this.running.add(round);
  }

  /** At start: every lookup a quit or crash cut short is resumed, and its reply shows "cost pending" meanwhile. */
  resumeAll(): number {
    const owed = this.pending.list();
    for (const settlement of owed) {
      this.messages.markCostPending(settlement.messageId);
      this.settle(settlement.generationId);
    }
    return owed.length;
  }

  /** Resolves once no lookup is in flight (a later round waiting on its timer does not count). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Stops waiting rounds; whatever is still owed stays on disk for the next start. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async round(generationId: string): Promise<void> {
    const owed = this.pending.get(generationId);
    if (!owed) return;
    const stats = await this.options.lookup(generationId);
    if (this.closed) return;
    if (stats.ok && stats.value.totalCostUsd !== null) {
      this.record(owed, stats.value);
      return;
    }
    const rounds = this.pending.failedRound(generationId);
    const delay = this.roundDelaysMs[rounds - 1];
    if (delay === undefined) {
      await this.giveUp(owed);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.settle(generationId);
    }, delay);
    // A waiting round must never keep a test, or a closing app, alive.
    timer.unref?.();
    this.timers.add(timer);
  }

  private record(owed: PendingSettlement, stats: GenerationStats): void {
    const usage = usageFromGeneration(stats);
    const settled = this.messages.settleUsage(owed.messageId, usage, owed.generationId);
    // Deleted meanwhile: the charge still happened, and the ledger outlives the conversation.
    if (!settled && !this.messages.get(owed.messageId)) {
      this.messages.recordOrphanSpend({ ...owed, model: stats.model ?? owed.model }, usage, stats.provider);
    }
    this.pending.remove(owed.generationId);
    this.options.onSettled?.(owed.messageId);
  }

  /** The charge never came: an estimate from the reply's tokens (reported, or counted from its text). */
  private async giveUp(owed: PendingSettlement): Promise<void> {
    const message = this.messages.get(owed.messageId);
    if (message) {
      const model = message.model ?? owed.model;
      const prices = model ? await this.options.prices(model).catch(() => null) : null;
      let estimate: string | null = null;
      if (prices) {
        const promptChars = message.parentId
          ? this.messages.threads
              .pathTo(message.conversationId, message.parentId)
              .reduce((sum, m) => sum + m.content.length, 0)
          : 0;
        estimate = estimateWrittenCost(prices, {
          promptTokens: message.usage?.promptTokens ?? tokensForText(promptChars),
          completionTokens: message.usage?.completionTokens ?? tokensForText(message.content.length),
        });
      }
      this.messages.giveUpOnCost(owed.messageId, estimate);
    }
    this.pending.remove(owed.generationId);
    this.options.onSettled?.(owed.messageId);
  }
}
