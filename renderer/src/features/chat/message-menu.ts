// Renderer: the rules of a message's own context menu (MessageMenu.tsx) — what Copy copies, and where the menu sits.

/** Copy: the text the person selected inside this message, or else the whole message as it reads on screen. */
export function copyText(selection: { text: string; inMessage: boolean }, messageText: string): string {
  return selection.inMessage && selection.text.trim() !== '' ? selection.text : messageText;
}

/** The menu's top-left corner: at the pointer, moved left or up as far as needed to stay inside the window. */
export function menuPosition(
  point: { x: number; y: number },
  menu: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const margin = 4;
  return {
    left: Math.max(margin, Math.min(point.x, viewport.width - menu.width - margin)),
    top: Math.max(margin, Math.min(point.y, viewport.height - menu.height - margin)),
  };
}
