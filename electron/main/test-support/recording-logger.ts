// Test support (Node): a logger that remembers its lines, for the Electron glue's unit tests.

import type { Logger } from '../../core/logger';

export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
  };
}
