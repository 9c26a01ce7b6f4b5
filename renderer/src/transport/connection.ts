// Renderer: the state of the link to the host, which the store mirrors so screens can react to it.

/**
 * `refused`: the host would not accept this page (missing or stale token); retrying cannot help.
 * `offline`: the link worked and was lost; the transport reconnects on its own.
 */
export type ConnectionState = 'connecting' | 'open' | 'offline' | 'refused';

export interface ConnectionMonitor {
  getState(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** Electron's IPC cannot drop like a socket can. */
export const alwaysOpen: ConnectionMonitor = {
  getState: () => 'open',
  subscribe: () => () => {},
};
