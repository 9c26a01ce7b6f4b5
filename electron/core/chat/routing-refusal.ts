// Core: a request OpenRouter refused because the conversation's routing settings left no provider gets the code of
// the setting to relax (docs/openrouter-protocol.md §5.4); the renderer words each code (lib/error-text.ts).

import type { AppError, ErrorCode } from '../../../shared/result';
import type { RequestOptions } from '../openrouter/types';

/** What OpenRouter says when no endpoint is left; its wording varies, so only these markers are relied on. */
const noEndpoint =
  /no (endpoints?|allowed providers?|providers?)\b|data policy|privacy|retention|max(imum)?[ _-]?price/i;
const aboutPrivacy = /data policy|privacy|retention|\bzdr\b|data collection/i;
const aboutPrice = /price/i;

/** Refusals come before streaming as 400, 404 or 503 (and 403 for a region); others are not about routing. */
const refusalStatuses = new Set([400, 403, 404, 503]);

export function routingRefusal(error: AppError, provider: RequestOptions['provider'] | undefined): AppError {
  if (!provider || error.status === undefined || !refusalStatuses.has(error.status)) return error;
  if (!noEndpoint.test(error.message)) return error;
  const privacy = provider.data_collection === 'deny' || provider.zdr === true;
  const price = provider.max_price !== undefined;
  const providers =
    provider.only !== undefined ||
    provider.ignore !== undefined ||
    provider.require_parameters === true ||
    provider.allow_fallbacks === false;
  let code: ErrorCode | null = null;
  if (privacy && aboutPrivacy.test(error.message)) code = 'routing_privacy';
  else if (price && aboutPrice.test(error.message)) code = 'routing_price';
  // The answer does not say which: the one kind of restriction sent, else the first of them in this order.
  else if (privacy) code = 'routing_privacy';
  else if (price) code = 'routing_price';
  else if (providers) code = 'routing_providers';
  return code === null ? error : { ...error, code };
}
