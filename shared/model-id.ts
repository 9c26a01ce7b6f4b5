// Contract: what a model id looks like. Its own module so the settings contract and the channel schemas can both use
// it without importing each other.

import { z } from 'zod';

/**
 * OpenRouter model ids look like "author/slug[:variant]"; OpenRouter's own presets are "@preset/slug" and are passed
 * through as typed.
 */
export const modelIdSchema = z
  .string()
  .min(3)
  .max(200)
  .regex(/^@?[\w.~-]+\/[\w.:~-]+$/, 'must look like author/model');
