// Renderer: a conversation's settings, the defaults for new conversations, and presets (a model + settings, saved by
// name). The core validates and stores them; this slice keeps what the panels show.

import {
  type ConversationSettings,
  type Preset,
  type PresetsFile,
  type PromptSnippet,
  settingsToStore,
} from '../../../../shared/conversation-settings';
import type { ModelProvider } from '../../../../shared/domain';
import type { SliceCreator } from '../../store/types';

export interface SettingsSlice {
  /** The defaults for new conversations; null until loaded. */
  conversationDefaults: ConversationSettings | null;
  /** Saved presets, by name; null until loaded. */
  presets: Preset[] | null;
  /** The providers serving each model asked about (an empty list when OpenRouter could not say). */
  modelProviders: Record<string, ModelProvider[]>;
  /** Saved system prompts; null until loaded. */
  promptSnippets: PromptSnippet[] | null;
  loadPromptSnippets(): Promise<void>;
  /** Adds a snippet, or replaces the one with that name; false (and the error shown) when it could not be kept. */
  savePromptSnippet(snippet: PromptSnippet): Promise<boolean>;
  deletePromptSnippet(name: string): Promise<boolean>;
  loadModelProviders(model: string): Promise<void>;
  loadConversationDefaults(): Promise<void>;
  saveConversationDefaults(settings: ConversationSettings): Promise<boolean>;
  /** Keeps on the conversation what differs from the defaults in `edited` (the panel shows effective settings). */
  saveConversationSettings(id: string, edited: ConversationSettings): Promise<boolean>;
  loadPresets(): Promise<void>;
  savePreset(preset: Omit<Preset, 'id'> & { id?: string }): Promise<boolean>;
  deletePreset(id: string): Promise<boolean>;
  importPresets(file: PresetsFile): Promise<boolean>;
  /** A new conversation on the preset's model and settings, opened at once. */
  startFromPreset(preset: Preset): Promise<boolean>;
  /** The open conversation takes the preset's model and settings (a new chat starts from it instead). */
  applyPreset(preset: Preset): Promise<boolean>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, { api }) => {
  const writeSnippets = async (snippets: PromptSnippet[]) => {
    const result = await api.settings.setPromptSnippets(snippets);
    if (!result.ok) {
      get().showError(result.error);
      return false;
    }
    set({ promptSnippets: result.value });
    return true;
  };

  return {
    conversationDefaults: null,
    presets: null,
    modelProviders: {},
    promptSnippets: null,

    async loadPromptSnippets() {
      const result = await api.settings.promptSnippets();
      if (result.ok) set({ promptSnippets: result.value });
      else get().showError(result.error);
    },

    async savePromptSnippet(snippet) {
      const others = (get().promptSnippets ?? []).filter((item) => item.name !== snippet.name);
      return writeSnippets([...others, snippet].sort((a, b) => a.name.localeCompare(b.name)));
    },

    async deletePromptSnippet(name) {
      return writeSnippets((get().promptSnippets ?? []).filter((item) => item.name !== name));
    },

    async loadModelProviders(model) {
      const result = await api.models.providers(model);
      // Unknown providers only mean none to choose from: the rest of the panel works without them.
      set({ modelProviders: { ...get().modelProviders, [model]: result.ok ? result.value : [] } });
    },

    async loadConversationDefaults() {
      const result = await api.settings.conversationDefaults();
      if (result.ok) set({ conversationDefaults: result.value });
      else get().showError(result.error);
    },

    async saveConversationDefaults(settings) {
      const result = await api.settings.setConversationDefaults(settings);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      set({ conversationDefaults: result.value });
      return true;
    },

    async saveConversationSettings(id, edited) {
      const result = await api.conversations.setSettings(id, settingsToStore(edited, get().conversationDefaults ?? {}));
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().putConversation(result.value);
      return true;
    },

    async loadPresets() {
      const result = await api.presets.list();
      if (result.ok) set({ presets: result.value });
      else get().showError(result.error);
    },

    async savePreset(preset) {
      const result = await api.presets.save(preset);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      const others = (get().presets ?? []).filter((item) => item.id !== result.value.id);
      set({ presets: [...others, result.value].sort((a, b) => a.name.localeCompare(b.name)) });
      return true;
    },

    async deletePreset(id) {
      const result = await api.presets.delete(id);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      set({ presets: (get().presets ?? []).filter((item) => item.id !== id) });
      return true;
    },

    async importPresets(file) {
      const result = await api.presets.import(file);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      set({ presets: result.value });
      return true;
    },

    async startFromPreset(preset) {
      const result = await api.conversations.create({ model: preset.model, settings: preset.settings });
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().putConversation(result.value);
      await get().selectConversation(result.value.id);
      return true;
    },

    async applyPreset(preset) {
      const id = get().activeConversationId;
      if (id === null) return get().startFromPreset(preset);
      const model = await api.conversations.setModel(id, preset.model);
      if (!model.ok) {
        get().showError(model.error);
        return false;
      }
      get().putConversation(model.value);
      // The preset's settings are the conversation's whole own settings from now on, as the preset has them.
      const result = await api.conversations.setSettings(id, preset.settings);
      if (!result.ok) {
        get().showError(result.error);
        return false;
      }
      get().putConversation(result.value);
      return true;
    },
  };
};
