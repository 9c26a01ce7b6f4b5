// Core: the defaults for new conversations' settings and the saved presets, as the Settings and preset UI manage them.

import type {
  ConversationSettings,
  Preset,
  PresetSaveInput,
  PresetsFile,
  PromptSnippet,
} from '../../shared/conversation-settings';
import { type AppError, AppFailure, type Result, fail, ok } from '../../shared/result';
import type { ConversationDefaultsRepo } from './db/conversation-defaults-repo';
import type { PresetRepo } from './db/preset-repo';
import type { PromptSnippetsRepo } from './db/prompt-snippets-repo';

function guard<T>(work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** More than anyone picks from; an import that would pass it is refused whole. */
export const maxPresets = 500;

export class SettingsService {
  constructor(
    private readonly defaults: ConversationDefaultsRepo,
    private readonly presets: PresetRepo,
    private readonly snippets: PromptSnippetsRepo,
  ) {}

  promptSnippets(): Result<PromptSnippet[]> {
    return guard(() => this.snippets.read());
  }

  setPromptSnippets(snippets: PromptSnippet[]): Result<PromptSnippet[]> {
    return guard(() => this.snippets.write(snippets));
  }

  conversationDefaults(): Result<ConversationSettings> {
    return guard(() => this.defaults.read());
  }

  setConversationDefaults(settings: ConversationSettings): Result<ConversationSettings> {
    return guard(() => this.defaults.write(settings));
  }

  listPresets(): Result<Preset[]> {
    return guard(() => this.presets.list());
  }

  savePreset(input: PresetSaveInput): Result<Preset> {
    if (input.id === undefined) {
      const count = guard(() => this.presets.list().length);
      if (!count.ok) return count;
      if (count.value >= maxPresets) return { ok: false, error: tooManyError() };
    }
    return guard(() => this.presets.save(input));
  }

  deletePreset(id: string): Result<{ id: string }> {
    const deleted = guard(() => this.presets.delete(id));
    if (!deleted.ok) return deleted;
    return deleted.value ? ok({ id }) : fail('not_found', 'That preset no longer exists.');
  }

  /** Every preset of the file is added under a new id (names may repeat: nothing is overwritten). */
  importPresets(file: PresetsFile): Result<Preset[]> {
    return guard(() => {
      if (this.presets.list().length + file.presets.length > maxPresets) throw new AppFailure(tooManyError());
      this.presets.addAll(file.presets);
      return this.presets.list();
    });
  }
}

const tooManyError = (): AppError => ({
  code: 'invalid_input',
  message: `Switchboard keeps at most ${maxPresets} presets; delete some first.`,
});
