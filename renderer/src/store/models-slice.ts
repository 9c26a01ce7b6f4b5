// Renderer store slice: the model catalogue and which model the next turn uses.

import { modelIdSchema } from '../../../shared/schemas';
import { defaultModel, type ModelsSlice, type SliceCreator } from './types';

export const createModelsSlice: SliceCreator<ModelsSlice> = (set, get, { api }) => ({
  models: [],
  modelsStatus: 'idle',
  modelsError: null,
  newChatModel: defaultModel,

  async loadModels() {
    if (get().modelsStatus === 'loading') return;
    set({ modelsStatus: 'loading', modelsError: null });
    const result = await api.models.list();
    if (!result.ok) {
      // Not fatal: a typed model id still works without the catalogue.
      set({ modelsStatus: 'error', modelsError: result.error });
      return;
    }
    set({ modelsStatus: 'ready', models: result.value });
  },

  async chooseModel(id) {
    const parsed = modelIdSchema.safeParse(id.trim());
    if (!parsed.success) return false;
    const model = parsed.data;
    set({ newChatModel: model });
    const { activeConversationId, conversations } = get();
    const conversation = conversations.find((item) => item.id === activeConversationId);
    if (!conversation || conversation.model === model) return true;
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
});
