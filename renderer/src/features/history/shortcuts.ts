// Renderer: history's keyboard shortcuts and how they are named on screen.

const isMac = () => typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac');

/** True for Ctrl on Windows/Linux and Cmd on macOS. */
export const primary = (event: KeyboardEvent) => (isMac() ? event.metaKey : event.ctrlKey);

export const searchShortcutLabel = isMac() ? '⇧⌘F' : 'Ctrl+Shift+F';
export const findShortcutLabel = isMac() ? '⌘F' : 'Ctrl+F';
/** Opens and closes the sidebar in a narrow window (SidebarToggle). */
export const sidebarShortcutLabel = isMac() ? '⌘B' : 'Ctrl+B';
