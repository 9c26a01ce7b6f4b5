// Core: the Spend view, the conversation header's total, the budget, the CSV export and the ledger-clearing call,
// over the spend repository; what OpenRouter says about the key comes from GET /key (never /credits or /activity,
// which need a management key: docs/openrouter-protocol.md §8.2, §8.3).

import type { Message } from '../../../shared/domain';
import { type Result, resultOf } from '../../../shared/result';
import type { SpendSummaryInput } from '../../../shared/schemas';
import type { ConversationSpend, KeyUsage, SpendExport, SpendOverview, SpendSummary } from '../../../shared/spend';
import type { MessageRepo } from '../db/message-repo';
import type { KeyInfo } from '../openrouter/types';
import { ledgerToCsv } from './ledger-csv';
import type { SpendRepo } from './spend-repo';

export class SpendService {
  constructor(
    private readonly spend: SpendRepo,
    private readonly messages: MessageRepo,
  ) {}

  summary(input: SpendSummaryInput): Result<SpendSummary> {
    return resultOf(() => this.spend.summary(input));
  }

  overview(monthStart: number): Result<SpendOverview> {
    return resultOf(() => this.spend.overview(monthStart));
  }

  conversation(conversationId: string): Result<ConversationSpend> {
    return resultOf(() => this.spend.conversation(conversationId));
  }

  exportCsv(): Result<SpendExport> {
    return resultOf(() => ledgerToCsv((write) => this.spend.eachLedgerRow(write)));
  }

  setBudget(monthlyUsd: string | null): Result<{ budget: string | null }> {
    return resultOf(() => {
      // Stored in canonical form: "20.50" and "20.5" are one budget.
      const budget = monthlyUsd === null || Number(monthlyUsd) === 0 ? null : canonical(monthlyUsd);
      this.spend.setBudget(budget);
      return { budget };
    });
  }

  markWarned(kind: 'budget' | 'key-limit', month: string): Result<{ marked: true }> {
    return resultOf(() => {
      this.spend.markWarned(kind, month);
      return { marked: true as const };
    });
  }

  /**
   * "Also delete the spend history": removes every ledger row. Conversations and the figures shown under their
   * replies are untouched (deleting those is the history's own operation); this is the ledger's only delete.
   */
  clearLedger(): Result<{ deleted: number }> {
    return resultOf(() => ({ deleted: this.spend.clear() }));
  }

  /** The replies as stored now, for a view waiting on "cost pending"; ids no longer stored are left out. */
  replyCosts(messageIds: readonly string[]): Result<Message[]> {
    return resultOf(() => messageIds.flatMap((id) => this.messages.get(id) ?? []));
  }
}

function canonical(amount: string): string {
  const [whole = '0', fraction = ''] = amount.trim().split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

export function keyUsageOf(info: KeyInfo): KeyUsage {
  return {
    usage: info.usage,
    usageDaily: info.usageDaily,
    usageWeekly: info.usageWeekly,
    usageMonthly: info.usageMonthly,
    limit: info.limit,
    limitRemaining: info.limitRemaining,
  };
}
