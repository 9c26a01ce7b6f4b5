// Renderer: the one selector the spend feature reads model prices and limits through (the catalogue is the models
// slice's); null when the model is not in the loaded catalogue.

import type { EstimatePrices } from '../../../../shared/cost-estimate';
import type { AppState } from '../../store/types';

export interface ModelPricing extends EstimatePrices {
  maxCompletionTokens: number | null;
  contextLength: number | null;
  isFree: boolean;
}

export function selectModelPricing(state: AppState, modelId: string | null): ModelPricing | null {
  if (!modelId) return null;
  const model = state.models.find((item) => item.id === modelId);
  if (!model) return null;
  return {
    promptPrice: model.promptPrice,
    completionPrice: model.completionPrice,
    // Null when the model does not cache: the estimate's low end is then the full prompt price.
    cacheReadPrice: model.extraPrices.cacheRead,
    maxCompletionTokens: model.maxCompletionTokens,
    contextLength: model.contextLength,
    isFree: model.isFree,
  };
}
