// Renderer: the estimate beside a compare's Send: every column's next reply (its own thread, model and cap) added up,
// so the budget check weighs the whole round, not one column.

import type { CostRange } from '../../../../shared/cost-estimate';
import { estimateNextReply } from '../spend/send-estimate';
import { selectModelPricing } from '../spend/model-prices';
import type { AppState } from '../../store/types';
import { liveColumns, sumEstimates } from './compare-model';

export function selectCompareEstimate(state: AppState): CostRange | null {
  const view = state.compareView;
  if (!view) return null;
  const columns = view.compare
    ? liveColumns(view.compare.columns).map((column) => {
        const conversation = state.conversations.find((item) => item.id === column.conversationId);
        return {
          thread: view.threads[column.conversationId] ?? [],
          model: conversation?.model ?? column.model,
          maxOutputTokens: conversation?.maxOutputTokens ?? null,
        };
      })
    : view.models.map((model) => ({ thread: [], model, maxOutputTokens: null }));
  return sumEstimates(
    columns.map((column) =>
      estimateNextReply({
        thread: column.thread,
        draft: state.compareDraft,
        pricing: selectModelPricing(state, column.model),
        maxOutputTokens: column.maxOutputTokens,
      }),
    ),
  );
}
