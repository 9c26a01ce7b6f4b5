import { describe, expect, it } from 'vitest';
import { copyText, menuPosition } from './message-menu';

describe('copyText', () => {
  it('copies the selection when it is inside the message, else the whole message', () => {
    expect(copyText({ text: 'two words', inMessage: true }, 'All of it')).toBe('two words');
    expect(copyText({ text: 'elsewhere', inMessage: false }, 'All of it')).toBe('All of it');
    expect(copyText({ text: '  ', inMessage: true }, 'All of it')).toBe('All of it');
  });
});

describe('menuPosition', () => {
  const menu = { width: 200, height: 120 };
  const viewport = { width: 800, height: 600 };

  it('opens at the pointer when it fits', () => {
    expect(menuPosition({ x: 100, y: 50 }, menu, viewport)).toEqual({ left: 100, top: 50 });
  });

  it('moves left and up to stay inside the window near its right and bottom edges', () => {
    expect(menuPosition({ x: 790, y: 590 }, menu, viewport)).toEqual({ left: 596, top: 476 });
  });

  it('never goes past the top-left corner, even in a window smaller than the menu', () => {
    expect(menuPosition({ x: 50, y: 50 }, menu, { width: 150, height: 100 })).toEqual({ left: 4, top: 4 });
  });
});
