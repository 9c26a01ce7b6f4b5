import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelProvider } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { openDatabase } from '../db/open-database';
import { useTempDir } from '../test-support/temp-dir';
import type { JsonRecord } from '../openrouter/narrow';
import { catalogueMaxAgeMs, failedFetchPauseMs, ModelService } from './model-service';
import { maxRecents, ModelStore } from './model-store';

const entry = (id: string, extra: JsonRecord = {}): JsonRecord => ({
  id,
  name: id,
  pricing: { prompt: '0.000001', completion: '0.000002' },
  ...extra,
});

const offlineError = {
  ok: false as const,
  error: { code: 'offline' as const, message: 'Could not reach OpenRouter.' },
};
const offline: Result<JsonRecord[]> = offlineError;

describe('ModelService', () => {
  const tempDir = useTempDir();
  const open: Database[] = [];
  afterEach(() => open.splice(0).forEach((db) => db.close()));

  function setup(answers: Result<JsonRecord[]>[], file = join(tempDir(), 'history.sqlite3')) {
    const db = openDatabase(file);
    open.push(db);
    const store = new ModelStore(db);
    let clock = 1_000_000;
    let fetches = 0;
    const service = new ModelService({
      source: {
        listModelEntries: async () => {
          fetches++;
          return answers.shift() ?? offline;
        },
        getModelProviders: async () => offlineError,
      },
      store: async () => store,
      now: () => clock,
    });
    return {
      service,
      store,
      file,
      fetches: () => fetches,
      advance: (ms: number) => (clock += ms),
      db,
    };
  }

  it('fetches once, keeps the list in the database, and serves it without fetching while under a day old', async () => {
    const app = setup([{ ok: true, value: [entry('a/one'), entry('b/two')] }]);
    const first = await app.service.list();
    expect(first.ok && first.value.models.map((m) => m.id)).toEqual(['a/one', 'b/two']);
    expect(first.ok && first.value.fetchedAt).toBe(1_000_000);
    app.advance(catalogueMaxAgeMs - 1);
    expect(await app.service.find('b/two')).toMatchObject({ id: 'b/two' });
    expect(app.fetches()).toBe(1);
    expect(app.store.readCatalogue()?.entries).toHaveLength(2);
  });

  it('fetches again at start when the kept copy is a day old, and keeps it when OpenRouter cannot be reached', async () => {
    const first = setup([{ ok: true, value: [entry('a/one')] }]);
    await first.service.list();
    first.db.close();
    open.length = 0;

    // A restart a day later, offline: the kept list is served with its date and why it is not newer.
    const restarted = setup([offline], first.file);
    restarted.advance(catalogueMaxAgeMs);
    const listed = await restarted.service.list();
    expect(restarted.fetches()).toBe(1);
    expect(listed).toEqual({
      ok: true,
      value: {
        models: [expect.objectContaining({ id: 'a/one' })],
        fetchedAt: 1_000_000,
        refreshError: expect.objectContaining({ code: 'offline' }),
      },
    });
  });

  it('serves a fresh kept copy at start without fetching', async () => {
    const first = setup([{ ok: true, value: [entry('a/one')] }]);
    await first.service.list();
    const restarted = setup([], first.file);
    const listed = await restarted.service.list();
    expect(listed.ok && listed.value.models).toHaveLength(1);
    expect(restarted.fetches()).toBe(0);
  });

  it('keeps the last good copy when the answer is malformed or lists nothing usable', async () => {
    const app = setup([
      { ok: true, value: [entry('a/one')] },
      { ok: false, error: { code: 'upstream_error', message: 'OpenRouter sent a model list that could not be read.' } },
      { ok: true, value: [{ name: 'no id' }] },
    ]);
    await app.service.list();
    const malformed = await app.service.refresh();
    expect(malformed.ok && malformed.value.refreshError?.code).toBe('upstream_error');
    const empty = await app.service.refresh();
    expect(empty.ok && empty.value.models.map((m) => m.id)).toEqual(['a/one']);
    expect(empty.ok && empty.value.refreshError?.code).toBe('upstream_error');
    expect(app.store.readCatalogue()?.entries).toEqual([entry('a/one')]);
  });

  it('says why when there is no copy at all and the fetch fails', async () => {
    const app = setup([offline]);
    expect(await app.service.list()).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('does not ask again on every turn after a failed fetch, but does after a pause; a success clears the error', async () => {
    const app = setup([{ ok: true, value: [entry('a/one')] }, offline, { ok: true, value: [entry('b/two')] }]);
    await app.service.list();
    app.advance(catalogueMaxAgeMs);
    await app.service.list();
    // Within the pause the stale copy still answers, with why it is not newer, and a turn still finds its model.
    expect(await app.service.list()).toMatchObject({
      ok: true,
      value: { models: [{ id: 'a/one' }], refreshError: { code: 'offline' } },
    });
    expect(await app.service.find('a/one')).toMatchObject({ id: 'a/one' });
    expect(app.fetches()).toBe(2);
    app.advance(failedFetchPauseMs);
    const listed = await app.service.list();
    expect(app.fetches()).toBe(3);
    expect(listed.ok && listed.value).toMatchObject({ models: [{ id: 'b/two' }], refreshError: null });
  });

  it('with no copy at all, a turn’s lookups do not ask again after a failed fetch until the pause is over', async () => {
    const app = setup([offline, { ok: true, value: [entry('a/one')] }]);
    expect(await app.service.find('a/one')).toBeNull();
    expect(await app.service.find('a/one')).toBeNull();
    expect(await app.service.find('a/one')).toBeNull();
    expect(app.fetches()).toBe(1);
    app.advance(failedFetchPauseMs);
    expect((await app.service.find('a/one'))?.id).toBe('a/one');
    expect(app.fetches()).toBe(2);
  });

  it('with no copy at all, opening the picker again after a failed fetch asks again and says why, never an empty list', async () => {
    const app = setup([offline, offline]);
    expect(await app.service.list()).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(await app.service.list()).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(app.fetches()).toBe(2);
  });

  it('does not serve a kept catalogue with no usable model in it: it fetches the list instead', async () => {
    const first = setup([]);
    first.store.writeCatalogue({ fetchedAt: 1_000_000, entries: [{ name: 'no id' }] });
    const restarted = setup([{ ok: true, value: [entry('a/one')] }], first.file);
    const listed = await restarted.service.list();
    expect(restarted.fetches()).toBe(1);
    expect(listed.ok && listed.value.models.map((m) => m.id)).toEqual(['a/one']);
  });

  it('shares one request between calls made while it runs', async () => {
    const app = setup([{ ok: true, value: [entry('a/one')] }]);
    await Promise.all([app.service.list(), app.service.refresh(), app.service.list()]);
    expect(app.fetches()).toBe(1);
  });

  it('keeps favorites, recents (newest first, at most a few) and the default model', async () => {
    const app = setup([]);
    await app.service.setFavorite('a/one', true);
    await app.service.setFavorite('b/two', true);
    await app.service.setFavorite('a/one', false);
    for (let i = 0; i < maxRecents + 2; i++) await app.service.markUsed(`m/${i}`);
    await app.service.markUsed('m/3');
    const preferences = await app.service.setDefault('b/two');
    expect(preferences).toEqual({
      ok: true,
      value: {
        favorites: ['b/two'],
        recents: ['m/3', 'm/9', 'm/8', 'm/7', 'm/6', 'm/5', 'm/4', 'm/2'],
        defaultModel: 'b/two',
      },
    });
    expect(await app.service.preferences()).toEqual(preferences);
  });

  it('answers a storage error for preferences when the history cannot be used, and still lists in memory', async () => {
    const service = new ModelService({
      source: {
        listModelEntries: async () => ({ ok: true, value: [entry('a/one')] }),
        getModelProviders: async () => offlineError,
      },
      store: async () => null,
    });
    expect(await service.preferences()).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect((await service.list()).ok).toBe(true);
  });
  it('keeps a model’s providers once they arrived, and asks again after a failure', async () => {
    const answers: Result<ModelProvider[]>[] = [
      offlineError,
      { ok: true, value: [{ slug: 'openai', name: 'OpenAI' }] },
    ];
    let asked = 0;
    const service = new ModelService({
      source: {
        listModelEntries: async () => offline,
        getModelProviders: async () => {
          asked++;
          return answers.shift() ?? offlineError;
        },
      },
      store: async () => null,
    });
    expect((await service.providers('openai/gpt-4o')).ok).toBe(false);
    expect(await service.providers('openai/gpt-4o')).toEqual({ ok: true, value: [{ slug: 'openai', name: 'OpenAI' }] });
    expect(await service.providers('openai/gpt-4o')).toEqual({ ok: true, value: [{ slug: 'openai', name: 'OpenAI' }] });
    expect(asked).toBe(2);
  });
});
