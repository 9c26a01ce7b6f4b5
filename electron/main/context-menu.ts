// Electron main: the menu on a right-click in the page, from what Chromium says was clicked (the `context-menu`
// event's parameters): Copy and Select all on text; Cut and Paste in a text field; the spell checker's suggestions
// for a misspelt word in one. A plain function of those parameters, unit-tested in Node.

import type { MenuItemConstructorOptions } from 'electron';

/** The fields of Electron's ContextMenuParams this menu reads. */
export interface ContextMenuFacts {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/** What the suggestions act on: the web contents that was clicked, and its session's dictionary. */
export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** At most this many suggestions, as other apps show. */
const maxSuggestions = 5;

export function buildContextMenuTemplate(
  facts: ContextMenuFacts,
  spelling: SpellingActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (facts.isEditable && facts.misspelledWord !== '') {
    const suggestions = facts.dictionarySuggestions.slice(0, maxSuggestions);
    for (const word of suggestions) items.push({ label: word, click: () => spelling.replaceMisspelling(word) });
    if (suggestions.length === 0) items.push({ label: 'No suggestions', enabled: false });
    const word = facts.misspelledWord;
    items.push({ label: 'Add to dictionary', click: () => spelling.addToDictionary(word) });
    items.push({ type: 'separator' });
  }
  const hasSelection = facts.selectionText.trim() !== '';
  if (facts.isEditable) items.push({ role: 'cut', enabled: facts.editFlags.canCut && hasSelection });
  if (facts.isEditable || hasSelection) items.push({ role: 'copy', enabled: facts.editFlags.canCopy && hasSelection });
  if (facts.isEditable) items.push({ role: 'paste', enabled: facts.editFlags.canPaste });
  if (items.length > 0 && items.at(-1)?.type !== 'separator') items.push({ type: 'separator' });
  // Select all everywhere: in a field it selects the field, elsewhere the page's text (then Copy).
  items.push({ role: 'selectAll', enabled: facts.editFlags.canSelectAll });
  return items;
}
