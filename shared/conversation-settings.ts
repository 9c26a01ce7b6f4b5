// Contract: what a person can set per conversation (and as defaults for new ones, and in presets). Every field is
// optional: an absent field means OpenRouter's own default, and is not sent. The core validates with these schemas
// and turns the effective settings into request fields (docs/openrouter-protocol.md §2).

import { z } from 'zod';
import { modelIdSchema } from './model-id';

/** Reasoning effort, from none (reasoning off) to the most; a model accepts only some (its catalogue entry says). */
export const reasoningEfforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];

export const providerSorts = ['price', 'throughput', 'latency'] as const;
export type ProviderSort = (typeof providerSorts)[number];

/** OpenRouter accepts at most this many models in its fallback list. */
export const maxFallbackModels = 3;

/** A provider slug as OpenRouter names it ("anthropic", "google-vertex/us-east5", "deepinfra/turbo"). */
const providerSlug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][\w.-]*(\/[\w.-]+)?$/i, 'must be a provider name such as anthropic');

/** USD per million tokens, as a decimal string (OpenRouter's own form for max_price). */
const usdPerMillion = z
  .string()
  .regex(/^\d{1,6}(\.\d{1,6})?$/, 'must be an amount in dollars per million tokens, such as 2.5');

export const routingSettingsSchema = z
  .object({
    /** Try providers cheapest (or fastest, or quickest to answer) first; unset = OpenRouter's load balancing. */
    sort: z.enum(providerSorts).optional(),
    /** Providers to try first, in this order. */
    order: z.array(providerSlug).max(20).optional(),
    /** Only these providers. */
    only: z.array(providerSlug).max(50).optional(),
    /** Never these providers. */
    ignore: z.array(providerSlug).max(50).optional(),
    /** false = only the providers named above (or the first one OpenRouter picks): no other provider on failure. */
    allowFallbacks: z.boolean().optional(),
    /** Only providers that support every parameter sent (OpenRouter's require_parameters). */
    requireParameters: z.boolean().optional(),
    /** true = data_collection "deny": no provider that stores or trains on prompts. */
    denyDataCollection: z.boolean().optional(),
    /** true = zero-data-retention endpoints only. */
    zeroDataRetention: z.boolean().optional(),
    /** The most a provider may charge, per million prompt / completion tokens. */
    maxPrice: z.object({ prompt: usdPerMillion.optional(), completion: usdPerMillion.optional() }).strict().optional(),
  })
  .strict();
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;

export const conversationSettingsSchema = z
  .object({
    systemPrompt: z.string().max(100_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().gt(0).max(1).optional(),
    reasoningEffort: z.enum(reasoningEfforts).optional(),
    /** A reasoning token budget instead of an effort (Anthropic/Gemini style); one or the other is sent, not both. */
    reasoningMaxTokens: z.number().int().min(1024).max(128_000).optional(),
    /** false = the model still reasons, but its reasoning is not returned (reasoning.exclude). */
    showReasoning: z.boolean().optional(),
    routing: routingSettingsSchema.optional(),
    /** Tried in order when the conversation's model fails (OpenRouter's `models` list). */
    fallbackModels: z.array(modelIdSchema).max(maxFallbackModels).optional(),
    webSearch: z
      .object({ enabled: z.boolean(), maxResults: z.number().int().min(1).max(10).optional() })
      .strict()
      .optional(),
    /** Explicit prompt-caching breakpoints; unset = on for models that support explicit caching. */
    promptCaching: z.boolean().optional(),
  })
  .strict();
export type ConversationSettings = z.infer<typeof conversationSettingsSchema>;

export const noSettings: ConversationSettings = {};

/** A saved model + settings to start or re-shape a conversation with ("Careful coder", "Private & cheap"). */
export const presetSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(80),
    model: modelIdSchema,
    settings: conversationSettingsSchema,
  })
  .strict();
export type Preset = z.infer<typeof presetSchema>;

/** The presets file people import and export. */
export const presetsFileSchema = z
  .object({
    format: z.literal('switchboard-presets'),
    version: z.literal(1),
    presets: z.array(presetSchema.omit({ id: true })).max(500),
  })
  .strict();
export type PresetsFile = z.infer<typeof presetsFileSchema>;

/**
 * The settings a turn is sent with: the conversation's own fields over the defaults for new conversations. A
 * conversation stores only what the person set on it, so a later change of defaults reaches every field it left
 * unset. Routing merges field by field.
 */
export function effectiveSettings(defaults: ConversationSettings, own: ConversationSettings): ConversationSettings {
  const merged: ConversationSettings = { ...defaults, ...own };
  if (defaults.routing || own.routing) merged.routing = { ...defaults.routing, ...own.routing };
  return merged;
}

/** The top-level fields (routing counted as one) whose value on the conversation differs from the defaults. */
export function fieldsDifferingFromDefaults(
  defaults: ConversationSettings,
  own: ConversationSettings,
): (keyof ConversationSettings)[] {
  const effective = effectiveSettings(defaults, own);
  return (Object.keys(own) as (keyof ConversationSettings)[]).filter(
    (field) => JSON.stringify(effective[field]) !== JSON.stringify(defaults[field]),
  );
}

/**
 * What a conversation stores when the panel shows `edited` (its effective settings, changed): the fields that differ
 * from the defaults. A default the person cleared for this one conversation cannot be stored as "unset", except the
 * system prompt, kept as an empty one.
 */
export function settingsToStore(edited: ConversationSettings, defaults: ConversationSettings): ConversationSettings {
  const own: Record<string, unknown> = {};
  const fields = new Set([...Object.keys(edited), ...Object.keys(defaults)] as (keyof ConversationSettings)[]);
  for (const field of fields) {
    if (JSON.stringify(edited[field]) === JSON.stringify(defaults[field])) continue;
    if (edited[field] !== undefined) own[field] = edited[field];
    else if (field === 'systemPrompt') own[field] = '';
  }
  return own as ConversationSettings;
}

/** The presets file for a list of presets (what export writes; ids stay behind, import gives new ones). */
export function toPresetsFile(presets: readonly Preset[]): PresetsFile {
  return {
    format: 'switchboard-presets',
    version: 1,
    presets: presets.map(({ name, model, settings }) => ({ name, model, settings })),
  };
}

// Channel inputs (shared/ipc.ts).
const recordId = z.string().min(1).max(100);
export const conversationSetSettingsSchema = z.object({ id: recordId, settings: conversationSettingsSchema }).strict();
export const conversationDefaultsSetSchema = z.object({ settings: conversationSettingsSchema }).strict();
/** Without `id` a new preset; with one, that preset replaced. */
export const presetSaveSchema = presetSchema.extend({ id: recordId.optional() }).strict();
export type PresetSaveInput = z.infer<typeof presetSaveSchema>;
export const presetIdSchema = z.object({ id: recordId }).strict();
export const presetsImportSchema = z.object({ file: presetsFileSchema }).strict();

/** A system prompt kept under a name, to pick from in the settings panel. */
export const promptSnippetSchema = z
  .object({ name: z.string().trim().min(1).max(60), text: z.string().min(1).max(20_000) })
  .strict();
export type PromptSnippet = z.infer<typeof promptSnippetSchema>;

/** The whole list is saved at once; a name appears once. */
export const promptSnippetsSchema = z
  .array(promptSnippetSchema)
  .max(50)
  .refine((list) => new Set(list.map((item) => item.name)).size === list.length, 'each snippet needs its own name');
export const promptSnippetsSetSchema = z.object({ snippets: promptSnippetsSchema }).strict();
