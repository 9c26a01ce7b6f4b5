// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount, type Mounted } from '../markdown/test-dom';
import { BreakdownTable, conversationRows, modelRows } from './BreakdownTable';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const cells = (table: Element | null) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.children].map((cell) => [cell.textContent, cell.getAttribute('title')]),
  );

describe('BreakdownTable', () => {
  it('names models shortly with the full id in the tooltip, and a ledger row without one as unknown', () => {
    mounted = mount(
      <BreakdownTable
        id="by-model"
        heading="By model"
        label="Spend by model"
        rows={modelRows([
          { model: 'openai/gpt-4o-mini', total: '0.000000001234', replies: 1200 },
          { model: null, total: '0.5', replies: 1 },
        ])}
      />,
    );
    const section = mounted.container.querySelector('section');
    expect(section?.querySelector('h3')?.textContent).toBe('By model');
    const table = section?.querySelector('table[aria-label="Spend by model"]') ?? null;
    expect(cells(table)).toEqual([
      [
        ['gpt-4o-mini', 'openai/gpt-4o-mini'],
        ['1,200', null],
        ['$0.0000000012', '$0.000000001234'],
      ],
      [
        ['unknown model', 'unknown model'],
        ['1', null],
        ['$0.50', '$0.5'],
      ],
    ]);
  });

  it('shows a deleted conversation as one, and says when nothing was spent', () => {
    mounted = mount(
      <BreakdownTable
        id="by-conversation"
        heading="By conversation"
        label="Spend by conversation"
        rows={conversationRows([
          { conversationId: 'c1', title: 'Trip plans', total: '2', replies: 3 },
          { conversationId: 'gone', title: null, total: '1', replies: 2 },
        ])}
      />,
    );
    const names = [...mounted.container.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(names).toEqual(['Trip plans', 'deleted conversation']);
    mounted.render(
      <BreakdownTable id="by-conversation" heading="By conversation" label="Spend by conversation" rows={[]} />,
    );
    expect(mounted.container.querySelector('table')).toBeNull();
    expect(mounted.container.textContent).toContain('Nothing spent yet.');
  });
});
