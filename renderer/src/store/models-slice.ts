// Renderer store slice: the model catalogue, the person's favorite, recent and default models, the palette, and
// which model the next turn uses.

import type { ModelPreferences, ModelSummary } from '../../../shared/domain';
import { modelIdSchema } from '../../../shared/schemas';
import { selectActiveConversation } from './selectors';
import { type AppState, defaultModel, type ModelsSlice, type SliceCreator } from './types';

const byIdCache = new WeakMap<readonly ModelSummary[], Map<string, ModelSummary>>();

/**
 * The catalogue entry of model `id` (prices per token, context length, max output, modalities, capabilities), or null
 * when the catalogue does not list it. Stable: the same object until the catalogue itself is replaced.
 */
export function selectModelEntry(state: Pick<AppState, 'models'>, id: string): ModelSummary | null {
  let byId = byIdCache.get(state.models);
  if (!byId) {
    byId = new Map(state.models.map((model) => [model.id, model]));
    byIdCache.set(state.models, byId);
  }
  return byId.get(id) ?? null;
}

/**
 * True once a catalogue is loaded that lists neither `id` nor its base model: the model left OpenRouter. A variant
 * typed by hand (`…:nitro`, `…:online`) of a listed model is not flagged.
 */
export function selectModelUnlisted(state: AppState, id: string): boolean {
  if (state.models.length === 0 || selectModelEntry(state, id) !== null) return false;
  return selectModelEntry(state, id.replace(/:[\w-]+$/, '')) === null;
}

export const createModelsSlice: SliceCreator<ModelsSlice> = (set, get, { api }) => {
  const applyPreferences = (preferences: ModelPreferences) => {
    const wasDefault = get().defaultModel;
    const next = preferences.defaultModel ?? defaultModel;
    set({ favoriteModels: preferences.favorites, recentModels: preferences.recents, defaultModel: next });
    // A new chat nobody has picked a model for follows the default.
    if (get().activeConversationId === null && get().newChatModel === wasDefault) set({ newChatModel: next });
  };

  return {
    models: [],
    modelsStatus: 'idle',
    modelsError: null,
    modelsFetchedAt: null,
    modelsRefreshError: null,
    modelsRefreshing: false,
    favoriteModels: [],
    recentModels: [],
    defaultModel,
    newChatModel: defaultModel,
    modelPalette: null,
    modelPaletteRequires: [],

    async loadModels() {
      if (get().modelsStatus === 'loading') return;
      set({ modelsStatus: 'loading', modelsError: null });
      const result = await api.models.list();
      if (!result.ok) {
        // Not fatal: a typed model id still works without the catalogue.
        set({ modelsStatus: 'error', modelsError: result.error });
        return;
      }
      const { models, fetchedAt, refreshError } = result.value;
      set({ modelsStatus: 'ready', models, modelsFetchedAt: fetchedAt, modelsRefreshError: refreshError });
    },

    async refreshModels() {
      if (get().modelsRefreshing) return;
      set({ modelsRefreshing: true });
      const result = await api.models.refresh();
      if (result.ok) {
        const { models, fetchedAt, refreshError } = result.value;
        set({
          modelsStatus: 'ready',
          modelsError: null,
          models,
          modelsFetchedAt: fetchedAt,
          modelsRefreshError: refreshError,
          modelsRefreshing: false,
        });
      } else if (get().models.length > 0) {
        set({ modelsRefreshError: result.error, modelsRefreshing: false });
      } else {
        set({ modelsStatus: 'error', modelsError: result.error, modelsRefreshing: false });
      }
    },

    async loadModelPreferences() {
      const result = await api.models.preferences();
      // Without them the palette still works; stars and recents just start empty.
      if (result.ok) applyPreferences(result.value);
    },

    async toggleFavorite(id) {
      const favorite = !get().favoriteModels.includes(id);
      const before = get().favoriteModels;
      set({ favoriteModels: favorite ? [...before, id] : before.filter((item) => item !== id) });
      const result = await api.models.setFavorite(id, favorite);
      if (result.ok) applyPreferences(result.value);
      else {
        set({ favoriteModels: before });
        get().showError(result.error);
      }
    },

    async setDefaultModel(id) {
      const result = await api.models.setDefault(id);
      if (result.ok) applyPreferences(result.value);
      else get().showError(result.error);
    },

    async chooseModel(id) {
      const parsed = modelIdSchema.safeParse(id.trim());
      if (!parsed.success) return false;
      const model = parsed.data;
      // Recents move at once; the core's answer (the kept list) follows.
      set({ recentModels: [model, ...get().recentModels.filter((item) => item !== model)] });
      void api.models.markUsed(model).then((result) => {
        if (result.ok) applyPreferences(result.value);
      });
      const conversation = selectActiveConversation(get());
      if (!conversation) {
        set({ newChatModel: model });
        return true;
      }
      if (conversation.model === model) return true;
      // Show the choice at once; the core's answer (or the old model, on failure) follows.
      get().putConversation({ ...conversation, model });
      const result = await api.conversations.setModel(conversation.id, model);
      if (result.ok) {
        get().putConversation(result.value);
      } else {
        const current = get().conversations.find((item) => item.id === conversation.id);
        if (current?.model === model) get().putConversation(conversation);
        get().showError(result.error);
      }
      return true;
    },

    openModelPalette(purpose = 'conversation', requires = []) {
      set({ modelPalette: purpose, modelPaletteRequires: requires });
      // Opening the palette is the natural moment to catch up with a catalogue that failed to load.
      if (get().modelsStatus === 'error' || get().modelsStatus === 'idle') void get().loadModels();
    },

    closeModelPalette() {
      set({ modelPalette: null });
    },
  };
};
