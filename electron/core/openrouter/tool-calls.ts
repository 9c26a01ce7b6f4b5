// Joins streamed tool-call fragments into whole calls: the first fragment names the call, later ones add arguments.

import type { ToolCall } from '../../../shared/domain';

export interface ToolCallFragment {
  index: number;
  id: string | null;
  name: string | null;
  arguments: string;
}

export class ToolCallCollector {
  private readonly calls = new Map<number, { id: string | null; name: string | null; arguments: string }>();

  add(fragment: ToolCallFragment): void {
    const call = this.calls.get(fragment.index);
    if (!call) {
      this.calls.set(fragment.index, { id: fragment.id, name: fragment.name, arguments: fragment.arguments });
      return;
    }
    // Some providers repeat the id or name on later fragments, or send them empty: the first real one is kept.
    call.id ??= fragment.id;
    call.name ??= fragment.name;
    call.arguments += fragment.arguments;
  }

  /** In index order; a call whose name never arrived is still shown, as "unknown", rather than dropped. */
  list(): ToolCall[] | null {
    if (this.calls.size === 0) return null;
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({ id: call.id, name: call.name ?? 'unknown', arguments: call.arguments }));
  }
}
