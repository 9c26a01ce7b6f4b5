import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { type ContextMenuFacts, buildContextMenuTemplate } from './context-menu';

const allowed = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

function facts(over: Partial<ContextMenuFacts>): ContextMenuFacts {
  return {
    isEditable: false,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: allowed,
    ...over,
  };
}

function menu(over: Partial<ContextMenuFacts>) {
  const calls: string[] = [];
  const template = buildContextMenuTemplate(facts(over), {
    replaceMisspelling: (word) => calls.push(`replace ${word}`),
    addToDictionary: (word) => calls.push(`add ${word}`),
  });
  const shape = template.map((item) => item.role ?? item.label ?? item.type);
  return { template, shape, calls };
}

const click = (item: MenuItemConstructorOptions) => item.click?.({} as never, undefined, {} as never);

describe('the context menu', () => {
  it('offers Copy and Select all on selected text in a message', () => {
    expect(menu({ selectionText: 'some reply' }).shape).toEqual(['copy', 'separator', 'selectAll']);
  });

  it('offers only Select all where nothing is selected outside a field', () => {
    expect(menu({}).shape).toEqual(['selectAll']);
  });

  it('offers Cut, Copy and Paste in a text field, Cut and Copy only with a selection', () => {
    const { template, shape } = menu({ isEditable: true });
    expect(shape).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(template.map((item) => item.enabled)).toEqual([false, false, true, undefined, true]);
    expect(
      menu({ isEditable: true, selectionText: 'x' })
        .template.slice(0, 2)
        .map((i) => i.enabled),
    ).toEqual([true, true]);
  });

  it('puts the spell checker’s suggestions first for a misspelt word in a field, and replaces or learns the word', () => {
    const { template, shape, calls } = menu({
      isEditable: true,
      misspelledWord: 'teh',
      dictionarySuggestions: ['the', 'tea', 'ten', 'tel', 'tee', 'toe'],
    });
    expect(shape).toEqual([
      'the',
      'tea',
      'ten',
      'tel',
      'tee',
      'Add to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    click(template[0]!);
    click(template[5]!);
    expect(calls).toEqual(['replace the', 'add teh']);
  });

  it('says there are no suggestions rather than showing nothing', () => {
    const { template } = menu({ isEditable: true, misspelledWord: 'qzxv' });
    expect(template[0]).toMatchObject({ label: 'No suggestions', enabled: false });
  });

  it('never offers spelling outside a field', () => {
    expect(menu({ misspelledWord: 'teh', dictionarySuggestions: ['the'] }).shape).toEqual(['selectAll']);
  });
});
