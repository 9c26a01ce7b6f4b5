import { describe, expect, it } from 'vitest';
import { guardUnload } from './unload-guard';

function fireWillPreventUnload(answer: boolean): { asked: number; closed: boolean } {
  let listener: ((event: { preventDefault(): void }) => void) | null = null;
  let asked = 0;
  let closed = false;
  guardUnload({ on: (_event, handler) => (listener = handler) }, () => {
    asked++;
    return answer;
  });
  listener!({ preventDefault: () => (closed = true) });
  return { asked, closed };
}

describe('guardUnload', () => {
  it('closes when the person chooses to stop the replies', () => {
    expect(fireWillPreventUnload(true)).toEqual({ asked: 1, closed: true });
  });

  it('keeps the window when the person chooses to keep writing', () => {
    expect(fireWillPreventUnload(false)).toEqual({ asked: 1, closed: false });
  });
});
