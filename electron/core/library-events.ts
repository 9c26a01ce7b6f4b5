// Core: the one place library changes are announced. Both transports subscribe and pass every event to each window
// they serve, so a conversation created, renamed, pinned, deleted or answered in one window shows in all of them.

import type { LibraryEvent } from '../../shared/library';
import type { Logger } from './logger';

export type LibraryListener = (event: LibraryEvent) => void;

export class LibraryEvents {
  private readonly listeners = new Set<LibraryListener>();

  constructor(private readonly logger?: Logger) {}

  /** Returns the function that stops listening (a closed socket, a closed window). */
  subscribe(listener: LibraryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LibraryEvent): void {
    for (const listener of [...this.listeners]) {
      // One broken window must not keep the others from hearing about the change, nor undo the change itself.
      try {
        listener(event);
      } catch (error) {
        this.logger?.warn(`a library listener failed: ${String(error)}`);
      }
    }
  }
}
