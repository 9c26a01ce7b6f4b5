import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { useTempDir } from '../test-support/temp-dir';
import { ModelStore } from './model-store';

describe('ModelStore theme', () => {
  const tempDir = useTempDir();

  it('follows the system until chosen, remembers the choice across a reopen, and reads a stranger value as the default', () => {
    const file = join(tempDir(), 'history.sqlite3');
    const first = openDatabase(file);
    const store = new ModelStore(first);
    expect(store.theme()).toBe('system');
    expect(store.setTheme('dark')).toBe('dark');
    first.close();

    const again = openDatabase(file);
    try {
      expect(new ModelStore(again).theme()).toBe('dark');
      // A newer app may have stored a choice this one does not know.
      again.prepare("UPDATE model_settings SET value = 'sepia' WHERE key = 'theme'").run();
      expect(new ModelStore(again).theme()).toBe('system');
    } finally {
      again.close();
    }
  });
});
