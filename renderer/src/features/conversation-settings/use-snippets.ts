// Renderer: the saved system prompts for a settings panel, loaded on first use.

import { useEffect } from 'react';
import { useAppStore } from '../../store/use-app-store';
import type { SnippetChoices } from './SettingsFields';

export function useSnippets(): SnippetChoices {
  const list = useAppStore((s) => s.promptSnippets);
  const load = useAppStore((s) => s.loadPromptSnippets);
  const save = useAppStore((s) => s.savePromptSnippet);
  useEffect(() => {
    if (list === null) void load();
  }, [list, load]);
  return { list, save };
}
