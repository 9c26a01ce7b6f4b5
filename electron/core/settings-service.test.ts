// The settings service's own rules (the preset limit, how failures come back), on a real SQLite file.

import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Preset } from '../../shared/conversation-settings';
import { ConversationDefaultsRepo } from './db/conversation-defaults-repo';
import { openDatabase } from './db/open-database';
import { PresetRepo } from './db/preset-repo';
import { PromptSnippetsRepo } from './db/prompt-snippets-repo';
import { SettingsService, maxPresets } from './settings-service';
import { useTempDir } from './test-support/temp-dir';

const tempDir = useTempDir();
const preset = (name: string): Omit<Preset, 'id'> => ({ name, model: 'openai/gpt-4o-mini', settings: {} });
const presets = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => preset(`${prefix} ${i}`));
const presetsFile = (list: Omit<Preset, 'id'>[]) => ({
  format: 'switchboard-presets' as const,
  version: 1 as const,
  presets: list,
});

describe('SettingsService', () => {
  let db: Database;
  let repo: PresetRepo;
  let service: SettingsService;

  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'history.sqlite3'));
    repo = new PresetRepo(db);
    service = new SettingsService(new ConversationDefaultsRepo(db), repo, new PromptSnippetsRepo(db));
  });
  afterEach(() => {
    if (db.open) db.close();
  });

  const count = () => repo.list().length;

  it(`saves new presets up to ${maxPresets}, then refuses the next one saying why; editing one still works`, () => {
    repo.addAll(presets(maxPresets - 1, 'Old'));
    expect(service.savePreset(preset('Last one')).ok).toBe(true);
    expect(count()).toBe(maxPresets);

    const refused = service.savePreset(preset('One too many'));
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`at most ${maxPresets} presets`) as string },
    });
    expect(count()).toBe(maxPresets);

    const first = repo.list()[0]!;
    expect(service.savePreset({ ...first, name: 'Renamed at the limit' })).toMatchObject({
      ok: true,
      value: { id: first.id, name: 'Renamed at the limit' },
    });
    expect(count()).toBe(maxPresets);
  });

  it(`imports a file that brings the presets to exactly ${maxPresets}, and refuses one that would pass it, whole`, () => {
    repo.addAll(presets(maxPresets - 2, 'Old'));
    expect(service.importPresets(presetsFile(presets(3, 'New')))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`at most ${maxPresets} presets`) as string },
    });
    expect(count()).toBe(maxPresets - 2);

    const imported = service.importPresets(presetsFile(presets(2, 'New')));
    expect(imported.ok && imported.value.length).toBe(maxPresets);
  });

  it(`refuses an import of more than ${maxPresets} presets into an empty list`, () => {
    expect(service.importPresets(presetsFile(presets(maxPresets + 1, 'New')))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(count()).toBe(0);
  });

  it('says a deleted preset no longer exists, but reports a storage failure as one', () => {
    expect(service.deletePreset('gone')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That preset no longer exists.' },
    });
    db.close();
    expect(service.deletePreset('gone')).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(service.savePreset(preset('New'))).toMatchObject({ ok: false, error: { code: 'storage_error' } });
  });

  it('lets a programming error through instead of returning it as a failure without a reason', () => {
    class BrokenSnippets extends PromptSnippetsRepo {
      override read(): never {
        throw new TypeError('a bug');
      }
    }
    const broken = new SettingsService(new ConversationDefaultsRepo(db), repo, new BrokenSnippets(db));
    expect(() => broken.promptSnippets()).toThrow(TypeError);
  });
});
