import { describe, expect, it, vi } from 'vitest';
import type { ModelPreferences } from '../../../shared/domain';
import { modelFixture } from '../test-support/model-fixture';
import { selectModelEntry, selectModelUnlisted } from './models-slice';
import { conversationFixture, ok, setupStore, tick } from '../test-support/store-over-fake-api';
import { defaultModel } from './types';

const prefs = (overrides: Partial<ModelPreferences> = {}): ModelPreferences => ({
  favorites: [],
  recents: [],
  defaultModel: null,
  ...overrides,
});
const failure = { ok: false as const, error: { code: 'offline' as const, message: 'Could not reach OpenRouter.' } };

describe('models slice', () => {
  it('loads the catalogue with its date and the reason a refresh failed', async () => {
    const { store, api } = setupStore();
    const models = [modelFixture({ id: 'a/one' })];
    vi.mocked(api.models.list).mockReturnValueOnce(ok({ models, fetchedAt: 42, refreshError: failure.error }));
    await store.getState().loadModels();
    expect(store.getState()).toMatchObject({
      modelsStatus: 'ready',
      models,
      modelsFetchedAt: 42,
      modelsRefreshError: failure.error,
    });
  });

  it('keeps the catalogue shown when Refresh fails outright', async () => {
    const { store, api } = setupStore();
    const models = [modelFixture({ id: 'a/one' })];
    vi.mocked(api.models.list).mockReturnValueOnce(ok({ models, fetchedAt: 42, refreshError: null }));
    await store.getState().loadModels();
    vi.mocked(api.models.refresh).mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().refreshModels();
    expect(store.getState()).toMatchObject({ models, modelsRefreshError: failure.error, modelsRefreshing: false });
  });

  it('selectModelEntry answers the same entry object until the catalogue changes, and null when unlisted', async () => {
    const { store, api } = setupStore();
    const entry = modelFixture({ id: 'a/one', contextLength: 1000 });
    vi.mocked(api.models.list).mockReturnValueOnce(ok({ models: [entry], fetchedAt: 1, refreshError: null }));
    expect(selectModelUnlisted(store.getState(), 'x/gone')).toBe(false);
    await store.getState().loadModels();
    expect(selectModelEntry(store.getState(), 'a/one')).toBe(entry);
    expect(selectModelEntry(store.getState(), 'a/one')).toBe(selectModelEntry(store.getState(), 'a/one'));
    expect(selectModelEntry(store.getState(), 'x/gone')).toBeNull();
    expect(selectModelUnlisted(store.getState(), 'x/gone')).toBe(true);
    expect(selectModelUnlisted(store.getState(), 'a/one:nitro')).toBe(false);
    expect(selectModelUnlisted(store.getState(), 'x/gone:free')).toBe(true);
  });

  it('choosing a model puts it first among the recents at once and asks the core to keep it', async () => {
    const { store, api } = setupStore();
    store.setState({ recentModels: ['b/two', 'a/one'] });
    vi.mocked(api.models.markUsed).mockReturnValueOnce(ok(prefs({ recents: ['a/one', 'b/two', 'c/kept'] })));
    const choosing = store.getState().chooseModel('a/one');
    expect(store.getState().recentModels).toEqual(['a/one', 'b/two']);
    await choosing;
    await tick();
    expect(api.models.markUsed).toHaveBeenCalledWith('a/one');
    expect(store.getState().recentModels).toEqual(['a/one', 'b/two', 'c/kept']);
    expect(store.getState().newChatModel).toBe('a/one');
  });

  it('refuses what is not a model id', async () => {
    const { store, api } = setupStore();
    expect(await store.getState().chooseModel('not a model')).toBe(false);
    expect(api.models.markUsed).not.toHaveBeenCalled();
  });

  it("switches the open conversation's model through the core", async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1', model: 'a/one' }));
    store.setState({ activeConversationId: 'c1' });
    vi.mocked(api.conversations.setModel).mockReturnValueOnce(ok(conversationFixture({ id: 'c1', model: 'b/two' })));
    await store.getState().chooseModel('b/two');
    expect(api.conversations.setModel).toHaveBeenCalledWith('c1', 'b/two');
    expect(store.getState().conversations[0]?.model).toBe('b/two');
  });

  it('a star shows at once and is taken back when the core cannot keep it', async () => {
    const { store, api } = setupStore();
    let settle: (value: Awaited<ReturnType<typeof api.models.setFavorite>>) => void = () => {};
    vi.mocked(api.models.setFavorite).mockReturnValueOnce(new Promise((resolve) => (settle = resolve)));
    const pending = store.getState().toggleFavorite('a/one');
    expect(store.getState().favoriteModels).toEqual(['a/one']);
    settle({ ok: false, error: { code: 'storage_error', message: 'disk' } });
    await pending;
    expect(store.getState().favoriteModels).toEqual([]);
    expect(store.getState().chatError?.code).toBe('storage_error');
  });

  it('the default model starts every new chat, and a new chat nobody picked for follows a changed default', async () => {
    const { store, api } = setupStore();
    vi.mocked(api.models.preferences).mockReturnValueOnce(
      ok(prefs({ defaultModel: 'd/efault', favorites: ['a/one'] })),
    );
    await store.getState().loadModelPreferences();
    expect(store.getState()).toMatchObject({
      defaultModel: 'd/efault',
      newChatModel: 'd/efault',
      favoriteModels: ['a/one'],
    });

    vi.mocked(api.models.setDefault).mockReturnValueOnce(ok(prefs({ defaultModel: 'n/ew' })));
    await store.getState().setDefaultModel('n/ew');
    expect(store.getState().newChatModel).toBe('n/ew');

    // A model picked for this new chat is kept; the next new chat starts on the default again.
    await store.getState().chooseModel('p/icked');
    vi.mocked(api.models.setDefault).mockReturnValueOnce(ok(prefs({ defaultModel: 'o/ther' })));
    await store.getState().setDefaultModel('o/ther');
    expect(store.getState().newChatModel).toBe('p/icked');
    store.getState().newChat();
    await tick();
    expect(store.getState().newChatModel).toBe('o/ther');
  });

  it('without kept preferences the built-in default stands', async () => {
    const { store, api } = setupStore();
    vi.mocked(api.models.preferences).mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().loadModelPreferences();
    expect(store.getState().defaultModel).toBe(defaultModel);
  });

  it('a catalogue that cannot load is not fatal: the reason is kept, and one load runs at a time', async () => {
    const { store, api } = setupStore();
    let answer: (value: typeof failure) => void = () => {};
    vi.mocked(api.models.list).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = store.getState().loadModels();
    expect(store.getState().modelsStatus).toBe('loading');
    await store.getState().loadModels();
    answer(failure);
    await loading;
    expect(api.models.list).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({ modelsStatus: 'error', modelsError: failure.error, models: [] });
  });

  it('Refresh replaces the catalogue and clears the earlier failure', async () => {
    const { store, api } = setupStore();
    vi.mocked(api.models.list).mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().loadModels();
    const models = [modelFixture({ id: 'a/one' })];
    vi.mocked(api.models.refresh).mockReturnValueOnce(ok({ models, fetchedAt: 7, refreshError: null }));
    const refreshing = store.getState().refreshModels();
    expect(store.getState().modelsRefreshing).toBe(true);
    await store.getState().refreshModels();
    await refreshing;
    expect(api.models.refresh).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({
      modelsStatus: 'ready',
      modelsError: null,
      models,
      modelsFetchedAt: 7,
      modelsRefreshError: null,
      modelsRefreshing: false,
    });
  });

  it('a failed Refresh with no catalogue at all shows the error in place of one', async () => {
    const { store, api } = setupStore();
    vi.mocked(api.models.refresh).mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().refreshModels();
    expect(store.getState()).toMatchObject({
      modelsStatus: 'error',
      modelsError: failure.error,
      modelsRefreshing: false,
    });
  });

  it('taking a star away shows at once too, before the core answers', async () => {
    const { store, api } = setupStore();
    store.setState({ favoriteModels: ['a/one', 'b/two', 'c/three'] });
    let settle: (value: Awaited<ReturnType<typeof api.models.setFavorite>>) => void = () => {};
    vi.mocked(api.models.setFavorite).mockReturnValueOnce(new Promise((resolve) => (settle = resolve)));
    const pending = store.getState().toggleFavorite('b/two');
    expect(store.getState().favoriteModels).toEqual(['a/one', 'c/three']);
    settle({ ok: true, value: prefs({ favorites: ['a/one', 'c/three'] }) });
    await pending;
    expect(api.models.setFavorite).toHaveBeenCalledWith('b/two', false);
  });

  it('a switched conversation shows what the core kept once it answers', async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1', model: 'a/one', updatedAt: 1 }));
    store.setState({ activeConversationId: 'c1' });
    vi.mocked(api.conversations.setModel).mockReturnValueOnce(
      ok(conversationFixture({ id: 'c1', model: 'b/two', updatedAt: 99 })),
    );
    expect(await store.getState().chooseModel('b/two')).toBe(true);
    expect(store.getState().conversations[0]).toMatchObject({ model: 'b/two', updatedAt: 99 });
  });

  it('a model chosen with no conversation open is the next new chat’s', async () => {
    const { store, api } = setupStore();
    expect(store.getState()).toMatchObject({ recentModels: [], modelPaletteRequires: [] });
    expect(await store.getState().chooseModel('n/ext')).toBe(true);
    expect(store.getState().newChatModel).toBe('n/ext');
    expect(api.conversations.setModel).not.toHaveBeenCalled();
  });

  it('opening the palette before the catalogue was ever asked for loads it', () => {
    const { store, api } = setupStore();
    expect(store.getState().modelsStatus).toBe('idle');
    store.getState().openModelPalette();
    expect(api.models.list).toHaveBeenCalledTimes(1);
  });

  it('a star the core kept stays, as the core lists it', async () => {
    const { store, api } = setupStore();
    store.setState({ favoriteModels: ['a/one'] });
    vi.mocked(api.models.setFavorite).mockReturnValueOnce(ok(prefs({ favorites: ['a/one', 'b/two'] })));
    await store.getState().toggleFavorite('b/two');
    expect(api.models.setFavorite).toHaveBeenCalledWith('b/two', true);
    vi.mocked(api.models.setFavorite).mockReturnValueOnce(ok(prefs({ favorites: ['b/two'] })));
    await store.getState().toggleFavorite('a/one');
    expect(api.models.setFavorite).toHaveBeenLastCalledWith('a/one', false);
    expect(store.getState().favoriteModels).toEqual(['b/two']);
  });

  it('a default the core could not keep leaves the old one and says why', async () => {
    const { store, api } = setupStore();
    vi.mocked(api.models.setDefault).mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().setDefaultModel('n/ew');
    expect(store.getState()).toMatchObject({ defaultModel, newChatModel: defaultModel, chatError: failure.error });
  });

  it('choosing the model a conversation already has asks the core nothing', async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1', model: 'a/one' }));
    store.setState({ activeConversationId: 'c1' });
    expect(await store.getState().chooseModel(' a/one ')).toBe(true);
    expect(api.conversations.setModel).not.toHaveBeenCalled();
  });

  it("puts the conversation's old model back when the core refuses the switch", async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1', model: 'a/one' }));
    store.setState({ activeConversationId: 'c1' });
    let answer: (value: typeof failure) => void = () => {};
    vi.mocked(api.conversations.setModel).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const choosing = store.getState().chooseModel('b/two');
    expect(store.getState().conversations[0]?.model).toBe('b/two');
    answer(failure);
    expect(await choosing).toBe(true);
    expect(store.getState().conversations[0]?.model).toBe('a/one');
    expect(store.getState().chatError).toEqual(failure.error);
  });

  it('a refused switch does not undo a later choice made meanwhile', async () => {
    const { store, api } = setupStore();
    store.getState().putConversation(conversationFixture({ id: 'c1', model: 'a/one' }));
    store.setState({ activeConversationId: 'c1' });
    let answer: (value: typeof failure) => void = () => {};
    vi.mocked(api.conversations.setModel)
      .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
      .mockReturnValueOnce(ok(conversationFixture({ id: 'c1', model: 'c/three' })));
    const first = store.getState().chooseModel('b/two');
    await store.getState().chooseModel('c/three');
    answer(failure);
    await first;
    expect(store.getState().conversations[0]?.model).toBe('c/three');
  });

  it('the palette opens for a purpose and a required input, and catches up with a catalogue that failed', async () => {
    const { store, api } = setupStore();
    vi.mocked(api.models.list).mockReturnValueOnce(Promise.resolve(failure));
    await store.getState().loadModels();
    store.getState().openModelPalette('default', ['image']);
    expect(store.getState()).toMatchObject({ modelPalette: 'default', modelPaletteRequires: ['image'] });
    expect(api.models.list).toHaveBeenCalledTimes(2);
    await tick();
    store.getState().closeModelPalette();
    expect(store.getState().modelPalette).toBeNull();
    // With a catalogue loaded, opening asks nothing again; the purpose defaults to the open conversation.
    store.getState().openModelPalette();
    expect(store.getState()).toMatchObject({ modelPalette: 'conversation', modelPaletteRequires: [] });
    expect(api.models.list).toHaveBeenCalledTimes(2);
  });
});
