// Per-conversation settings, their defaults, presets and what each reply was sent with, on a real SQLite file.

import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSettings } from '../../../shared/conversation-settings';
import { SettingsService } from '../settings-service';
import { ConversationDefaultsRepo } from './conversation-defaults-repo';
import { ConversationRepo } from './conversation-repo';
import { MessageRepo } from './message-repo';
import { openDatabase } from './open-database';
import { PresetRepo } from './preset-repo';
import { PromptSnippetsRepo } from './prompt-snippets-repo';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();
const careful: ConversationSettings = {
  systemPrompt: 'Be careful.',
  temperature: 0.2,
  routing: { sort: 'price', denyDataCollection: true, maxPrice: { prompt: '2.5' } },
  fallbackModels: ['anthropic/claude-haiku-4.5'],
};

describe('conversation settings storage', () => {
  let file: string;
  let db: Database;
  let conversations: ConversationRepo;
  let messages: MessageRepo;

  beforeEach(() => {
    file = join(tempDir(), 'history.sqlite3');
    db = openDatabase(file);
    conversations = new ConversationRepo(db);
    messages = new MessageRepo(db);
  });
  afterEach(() => db.close());

  it('keeps a conversation’s own settings across a reopen; none set reads as {}', () => {
    const plain = conversations.create({ model: 'openai/gpt-4o' });
    expect(plain.settings).toEqual({});
    const fromPreset = conversations.create({ model: 'openai/gpt-4o', settings: careful });
    expect(fromPreset.settings).toEqual(careful);
    conversations.setSettings(plain.id, { temperature: 1.1 });
    db.close();
    db = openDatabase(file);
    const reopened = new ConversationRepo(db);
    expect(reopened.get(plain.id)?.settings).toEqual({ temperature: 1.1 });
    expect(reopened.get(fromPreset.id)?.settings).toEqual(careful);
    expect(reopened.setSettings(plain.id, {}).settings).toEqual({});
    expect(db.prepare('SELECT settings_json FROM conversations WHERE id = ?').pluck().get(plain.id)).toBeNull();
  });

  it('reads a stored value that fails the schema as nothing set, never as an unchecked value', () => {
    const conversation = conversations.create({ model: 'openai/gpt-4o' });
    db.prepare('UPDATE conversations SET settings_json = ? WHERE id = ?').run('{"temperature":7}', conversation.id);
    expect(conversations.get(conversation.id)?.settings).toEqual({});
    db.prepare('UPDATE conversations SET settings_json = ? WHERE id = ?').run('not json', conversation.id);
    expect(conversations.get(conversation.id)?.settings).toEqual({});
  });

  it('records the settings a reply was sent with, the model it asked for, and what it cited', () => {
    const conversation = conversations.create({ model: 'openai/gpt-4o' });
    const question = messages.insertUser({ conversationId: conversation.id, content: 'Hi', model: 'openai/gpt-4o' });
    expect(question).toMatchObject({ sentSettings: null, requestedModel: null, fallbackFrom: null, citations: null });
    const reply = messages.createAssistant({
      conversationId: conversation.id,
      model: 'openai/gpt-4o',
      sentSettings: careful,
    });
    expect(reply).toMatchObject({ sentSettings: careful, requestedModel: 'openai/gpt-4o', fallbackFrom: null });
    const citations = [
      { url: 'https://example.com/a', title: 'A', content: null, startIndex: 0, endIndex: 5 },
      { url: 'https://example.com/b', title: null, content: 'quoted', startIndex: null, endIndex: null },
    ];
    const done = messages.finalize(reply.id, {
      status: 'complete',
      content: 'Hello',
      reasoning: null,
      model: 'anthropic/claude-haiku-4.5-20251001',
      provider: 'Anthropic',
      generationId: 'gen-1',
      finishReason: 'stop',
      usage: null,
      error: null,
      citations,
    });
    expect(done).toMatchObject({
      model: 'anthropic/claude-haiku-4.5-20251001',
      requestedModel: 'openai/gpt-4o',
      fallbackFrom: 'openai/gpt-4o',
      citations,
      sentSettings: careful,
    });
    expect(messages.get(reply.id)).toEqual(done);
  });

  it('marks no fallback when the requested model answered under a dated id, or without a fallback list', () => {
    const conversation = conversations.create({ model: 'openai/gpt-4o' });
    const finish = (model: string, sentSettings: ConversationSettings) => {
      const reply = messages.createAssistant({ conversationId: conversation.id, model: 'openai/gpt-4o', sentSettings });
      return messages.finalize(reply.id, {
        status: 'complete',
        content: 'x',
        reasoning: null,
        model,
        provider: null,
        generationId: null,
        finishReason: 'stop',
        usage: null,
        error: null,
      });
    };
    expect(finish('openai/gpt-4o-2024-11-20', careful).fallbackFrom).toBeNull();
    expect(finish('anthropic/claude-haiku-4.5', {}).fallbackFrom).toBeNull();
    expect(finish('anthropic/claude-haiku-4.5', careful).fallbackFrom).toBe('openai/gpt-4o');
  });
});

describe('defaults and presets', () => {
  let file: string;
  let db: Database;
  let service: SettingsService;
  let ids: number;

  beforeEach(() => {
    file = join(tempDir(), 'history.sqlite3');
    db = openDatabase(file);
    ids = 0;
    service = new SettingsService(
      new ConversationDefaultsRepo(db),
      new PresetRepo(db, { newId: () => `p${++ids}` }),
      new PromptSnippetsRepo(db),
    );
  });
  afterEach(() => db.close());

  it('keeps prompt snippets across a reopen, and reads a damaged list as none', () => {
    expect(service.promptSnippets()).toEqual({ ok: true, value: [] });
    const snippets = [
      { name: 'Reviewer', text: 'Review this code like a senior engineer.' },
      { name: 'Brief', text: 'Answer in three sentences.' },
    ];
    expect(service.setPromptSnippets(snippets)).toEqual({ ok: true, value: snippets });
    db.close();
    db = openDatabase(file);
    const reopened = new PromptSnippetsRepo(db);
    expect(reopened.read()).toEqual(snippets);
    db.prepare("UPDATE model_settings SET value = '[{\"name\": 3}]' WHERE key = 'prompt_snippets'").run();
    expect(reopened.read()).toEqual([]);
  });

  it('keeps the defaults for new conversations beside the default model; {} clears them', () => {
    expect(service.conversationDefaults()).toEqual({ ok: true, value: {} });
    expect(service.setConversationDefaults(careful)).toEqual({ ok: true, value: careful });
    db.close();
    db = openDatabase(file);
    const reopened = new ConversationDefaultsRepo(db);
    expect(reopened.read()).toEqual(careful);
    expect(reopened.write({})).toEqual({});
    expect(db.prepare("SELECT count(*) FROM model_settings WHERE key = 'conversation_defaults'").pluck().get()).toBe(0);
  });

  it('saves, renames, lists by name, deletes and imports presets', () => {
    const saved = service.savePreset({ name: ' Private & cheap ', model: 'openai/gpt-4o-mini', settings: careful });
    expect(saved).toEqual({
      ok: true,
      value: { id: 'p1', name: 'Private & cheap', model: 'openai/gpt-4o-mini', settings: careful },
    });
    service.savePreset({ name: 'careful coder', model: 'anthropic/claude-sonnet-4.5', settings: {} });
    expect(service.savePreset({ id: 'p1', name: 'Cheap', model: 'openai/gpt-4o-mini', settings: {} }).ok).toBe(true);
    expect(service.savePreset({ id: 'gone', name: 'X', model: 'a/b', settings: {} })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const listed = service.listPresets();
    expect(listed.ok && listed.value.map((p) => [p.id, p.name])).toEqual([
      ['p2', 'careful coder'],
      ['p1', 'Cheap'],
    ]);
    const imported = service.importPresets({
      format: 'switchboard-presets',
      version: 1,
      presets: [{ name: 'Cheap', model: '@preset/team-default', settings: { webSearch: { enabled: true } } }],
    });
    expect(imported.ok && imported.value.map((p) => [p.id, p.name, p.model])).toEqual([
      ['p2', 'careful coder', 'anthropic/claude-sonnet-4.5'],
      ['p1', 'Cheap', 'openai/gpt-4o-mini'],
      ['p3', 'Cheap', '@preset/team-default'],
    ]);
    expect(service.deletePreset('p1')).toEqual({ ok: true, value: { id: 'p1' } });
    expect(service.deletePreset('p1')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
