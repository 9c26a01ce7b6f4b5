// Electron main: the page asks before it is closed while replies are still being written (its `beforeunload`); a
// browser shows its own prompt, Electron shows none and silently keeps the window open unless main asks instead.

export interface UnloadGuardedContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** The question main puts to the person; `confirmClose` returns true when they chose to close anyway. */
export const closeWhileReplyingPrompt = {
  message: 'Replies are still being written.',
  detail: 'Closing now stops them; what was written so far is kept.',
  closeButton: 'Stop replies and close',
  keepButton: 'Keep writing',
} as const;

export function guardUnload(contents: UnloadGuardedContents, confirmClose: () => boolean): void {
  // preventDefault here overrides the page's refusal, i.e. lets the window close.
  contents.on('will-prevent-unload', (event) => {
    if (confirmClose()) event.preventDefault();
  });
}
