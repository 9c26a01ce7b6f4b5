import { describe, expect, it } from 'vitest';
import { repairForDisplay } from './stream-repair';

describe('repairForDisplay', () => {
  it('leaves finished Markdown alone', () => {
    const text = '# Title\n\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n';
    expect(repairForDisplay(text)).toBe(text);
  });

  it('hides the backticks of a closing fence that is still arriving', () => {
    expect(repairForDisplay('```ts\nconst x = 1;\n`')).toBe('```ts\nconst x = 1;');
    expect(repairForDisplay('```ts\nconst x = 1;\n``')).toBe('```ts\nconst x = 1;');
    expect(repairForDisplay('````\na\n```')).toBe('````\na');
  });

  it('keeps a complete closing fence, and runs of the other fence character inside code', () => {
    expect(repairForDisplay('```\na\n```')).toBe('```\na\n```');
    expect(repairForDisplay('```\na\n~~')).toBe('```\na\n~~');
  });

  it('hides one or two backticks starting a line outside code, but not an opening fence', () => {
    expect(repairForDisplay('Here:\n\n``')).toBe('Here:\n');
    expect(repairForDisplay('Here:\n\n```')).toBe('Here:\n\n```');
  });

  it('gives a table header its delimiter row before that row arrives', () => {
    expect(repairForDisplay('| Name | Qty |')).toBe('| Name | Qty |\n| --- | --- |');
    expect(repairForDisplay('| Name | Qty |\n')).toBe('| Name | Qty |\n| --- | --- |');
    expect(repairForDisplay('Intro\n| Name | Q')).toBe('Intro\n| Name | Q\n| --- | --- |');
  });

  it('completes a delimiter row that is still arriving, and keeps a whole one with its alignment', () => {
    expect(repairForDisplay('| Name | Qty |\n| --')).toBe('| Name | Qty |\n| --- | --- |');
    expect(repairForDisplay('| Name | Qty |\n| :-- |')).toBe('| Name | Qty |\n| --- | --- |');
    expect(repairForDisplay('| Name | Qty |\n| :-- | --: |')).toBe('| Name | Qty |\n| :-- | --: |');
  });

  it('leaves a table alone once its body rows arrive', () => {
    const text = '| a | b |\n| --- | --- |\n| 1 | 2';
    expect(repairForDisplay(text)).toBe(text);
  });

  it('does not treat pipes inside an open code fence as a table', () => {
    const text = '```\n| a | b |';
    expect(repairForDisplay(text)).toBe(text);
  });
});
