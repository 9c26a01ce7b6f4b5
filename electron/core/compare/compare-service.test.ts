// The column/thread model: a compare is ordinary conversations linked in order; each column keeps its own thread
// through the ordinary chat path, is billed like any reply, and the whole survives a restart.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../shared/domain';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { ChatService, type ChatStreamer } from '../chat-service';
import { ConversationRepo } from '../db/conversation-repo';
import { DraftRepo } from '../db/draft-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { SearchRepo } from '../db/search-repo';
import { useTempDir } from '../test-support/temp-dir';
import { LibraryService } from '../library-service';
import { libraryHarness } from '../test-support/library-harness';
import type { ChatRequest, UpstreamEvent } from '../openrouter/types';
import { CompareRepo } from './compare-repo';
import { CompareService } from './compare-service';
import { CompareSetsRepo } from './compare-sets-repo';

const tempDir = useTempDir();

const usageCosting = (costUsd: string): Usage =>
  usageFixture({ promptTokens: 10, completionTokens: 5, totalTokens: 15, costUsd, isByok: false });

/** Answers "<model> says <n>" and bills each model its own price; counts requests in flight at once. */
function echoStreamer(prices: Record<string, string>) {
  const requests: ChatRequest[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const streamer: ChatStreamer = {
    getGeneration: async () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    async *streamChat(request): AsyncGenerator<UpstreamEvent> {
      requests.push(request);
      inFlight++;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      try {
        // Every column's request is out before any answers: a slow one never holds back the others' start.
        await new Promise((resolve) => setTimeout(resolve, 5));
        const n = requests.filter((r) => r.model === request.model).length;
        const generationId = `gen-${request.model}-${n}`;
        yield { type: 'started', model: request.model, provider: 'Fake', generationId };
        yield { type: 'delta', text: `${request.model} says ${n}` };
        yield { type: 'usage', usage: usageCosting(prices[request.model] ?? '0') };
        yield { type: 'done', finishReason: 'stop', generationId };
      } finally {
        inFlight--;
      }
    },
  };
  return { streamer, requests, mostAtOnce: () => mostAtOnce };
}

function open(file: string, streamer: ChatStreamer, now: () => number = Date.now) {
  const { db, conversations, messages, library, events } = libraryHarness(file, now);
  const compares = new CompareService(
    db,
    new CompareRepo(db),
    conversations,
    library,
    (e) => events.push(e),
    new CompareSetsRepo(db),
    messages,
    now,
  );
  const chat = new ChatService(conversations, messages, streamer);
  return { db, compares, library, chat, events };
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};

async function drain(stream: AsyncIterable<unknown>) {
  for await (const _ of stream);
}

const models = ['a/one', 'b/two', 'c/three'];
const prices = { 'a/one': '0.001', 'b/two': '0.02', 'c/three': '0.3' };

async function round(chat: ChatService, conversationIds: string[], text: string) {
  await Promise.all(
    conversationIds.map((conversationId, i) =>
      drain(chat.send({ conversationId, text, model: models[i]! }, new AbortController().signal)),
    ),
  );
}

describe('compares', () => {
  it('starts one conversation per model, in order, each a column named after the first message', () => {
    const { compares, library } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer);
    const compare = value(compares.create({ models, text: 'Which sorting algorithm for 10 items?' }));
    expect(compare.title).toBe('Which sorting algorithm for 10 items?');
    expect(compare.columns.map((c) => [c.model, c.position, c.continuedAt])).toEqual([
      ['a/one', 0, null],
      ['b/two', 1, null],
      ['c/three', 2, null],
    ]);
    const listed = value(library.list());
    expect(listed).toHaveLength(3);
    for (const column of compare.columns) {
      const conversation = listed.find((c) => c.id === column.conversationId);
      expect(conversation).toMatchObject({ model: column.model, compareId: compare.id, title: compare.title });
    }
  });

  it('sends a round to every column at once and keeps each thread to its own answers', async () => {
    const upstream = echoStreamer(prices);
    const { compares, chat } = open(join(tempDir(), 'h.sqlite3'), upstream.streamer);
    const compare = value(compares.create({ models, text: 'First' }));
    const ids = compare.columns.map((c) => c.conversationId);
    await round(chat, ids, 'First');
    expect(upstream.mostAtOnce()).toBe(3);
    await round(chat, ids, 'Second');

    const second = upstream.requests.slice(3);
    for (const model of models) {
      const request = second.find((r) => r.model === model)!;
      expect(request.messages.map((m) => [m.role, m.content])).toEqual([
        ['user', 'First'],
        ['assistant', `${model} says 1`],
        ['user', 'Second'],
      ]);
    }
    const opened = value(compares.get(compare.id));
    expect(opened.threads.map((t) => t.messages.map((m) => m.content))).toEqual(
      models.map((model) => ['First', `${model} says 1`, 'Second', `${model} says 2`]),
    );
    // Each column's replies carry their own model's cost, as any reply does.
    expect(opened.threads.map((t) => t.messages.at(-1)?.usage?.costUsd)).toEqual(['0.001', '0.02', '0.3']);
  });

  it('writes every column reply to the spend ledger like any other', async () => {
    const { compares, chat, db } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer);
    const compare = value(compares.create({ models, text: 'Hi' }));
    await round(
      chat,
      compare.columns.map((c) => c.conversationId),
      'Hi',
    );
    const rows = db.prepare('SELECT model, cost_pico FROM spend_ledger ORDER BY model').all();
    expect(rows).toEqual([
      { model: 'a/one', cost_pico: 1_000_000_000 },
      { model: 'b/two', cost_pico: 20_000_000_000 },
      { model: 'c/three', cost_pico: 300_000_000_000 },
    ]);
  });

  it('reopens exactly as it was after a restart', async () => {
    const file = join(tempDir(), 'h.sqlite3');
    const first = open(file, echoStreamer(prices).streamer);
    const compare = value(first.compares.create({ models, text: 'Persist me' }));
    await round(
      first.chat,
      compare.columns.map((c) => c.conversationId),
      'Persist me',
    );
    const before = value(first.compares.get(compare.id));
    first.db.close();

    const second = open(file, echoStreamer(prices).streamer);
    expect(value(second.compares.list()).map((c) => c.id)).toEqual([compare.id]);
    expect(value(second.compares.get(compare.id))).toEqual(before);
  });

  it('continues one column as an ordinary conversation; the compare keeps it, marked, and sends it no more', () => {
    const { compares, library, events } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer);
    const compare = value(compares.create({ models, text: 'Pick one' }));
    const chosen = compare.columns[1]!.conversationId;
    const conversation = value(compares.continueColumn(chosen));
    expect(conversation.id).toBe(chosen);
    expect(conversation.compareId).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'changed', conversation });
    expect(value(library.list()).find((c) => c.id === chosen)?.compareId).toBeUndefined();
    const after = value(compares.get(compare.id)).compare;
    expect(after.columns[1]).toMatchObject({ conversationId: chosen, continuedAt: expect.any(Number) });
    expect(after.columns[0]!.continuedAt).toBeNull();
  });

  it('lists the newest activity of any column as the compare’s own', async () => {
    let clock = 1_000;
    const upstream = echoStreamer(prices);
    const file = join(tempDir(), 'h.sqlite3');
    const db = openDatabase(file);
    const conversations = new ConversationRepo(db, { now: () => clock });
    const messages = new MessageRepo(db, { now: () => clock });
    const library = new LibraryService(
      conversations,
      messages,
      messages.threads,
      new DraftRepo(db),
      new SearchRepo(db),
    );
    const compares = new CompareService(db, new CompareRepo(db, { now: () => clock }), conversations, library);
    const old = value(compares.create({ models: ['a/one', 'b/two'], text: 'Older' }));
    clock = 2_000;
    const newer = value(compares.create({ models: ['a/one', 'b/two'], text: 'Newer' }));
    clock = 3_000;
    const chat = new ChatService(conversations, messages, upstream.streamer, { now: () => clock });
    await drain(
      chat.send(
        { conversationId: old.columns[1]!.conversationId, text: 'Older', model: 'b/two' },
        new AbortController().signal,
      ),
    );
    expect(value(compares.list()).map((c) => [c.id, c.updatedAt])).toEqual([
      [old.id, 3_000],
      [newer.id, 2_000],
    ]);
  });

  it('adds a column up to four, drops one, and deletes the compare with its columns but not a continued one', () => {
    const { compares, library } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer);
    const compare = value(compares.create({ models, text: 'Grow' }));
    const grown = value(compares.addColumn(compare.id, 'd/four'));
    expect(grown.columns.map((c) => [c.model, c.position])).toEqual([
      ['a/one', 0],
      ['b/two', 1],
      ['c/three', 2],
      ['d/four', 3],
    ]);
    const full = compares.addColumn(compare.id, 'e/five');
    expect(full.ok ? null : full.error.code).toBe('invalid_input');

    const dropped = value(compares.dropColumn(grown.columns[0]!.conversationId));
    expect(dropped.columns.map((c) => c.model)).toEqual(['b/two', 'c/three', 'd/four']);
    expect(value(library.list()).some((c) => c.id === grown.columns[0]!.conversationId)).toBe(false);

    const kept = dropped.columns[0]!.conversationId;
    value(compares.continueColumn(kept));
    value(compares.delete(compare.id));
    expect(value(compares.list())).toEqual([]);
    expect(value(library.list()).map((c) => c.id)).toEqual([kept]);
    const gone = compares.get(compare.id);
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
  });

  it('answers not_found for a conversation that is no column or a compare that is gone, changing nothing', () => {
    const { compares, library } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer);
    const ordinary = value(library.create({ model: 'a/one', title: 'Just a chat' }));
    const notColumn = compares.dropColumn(ordinary.id);
    expect(notColumn.ok ? null : notColumn.error.code).toBe('not_found');
    expect(value(library.list()).map((c) => c.id)).toEqual([ordinary.id]);
    const deleted = compares.delete('no-such-compare');
    expect(deleted.ok ? null : deleted.error.code).toBe('not_found');
    const grown = compares.addColumn('no-such-compare', 'd/four');
    expect(grown.ok ? null : grown.error.code).toBe('not_found');
    expect(value(compares.list())).toEqual([]);
  });

  it('undoes a delete: the compare comes back as it was, its columns listed under it; later than the undo time it cannot', () => {
    let clock = 1_000_000;
    const { compares, library } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer, () => clock);
    const compare = value(compares.create({ models, text: 'Undo me' }));
    const continued = compare.columns[2]!.conversationId;
    value(compares.continueColumn(continued));
    const before = value(compares.get(compare.id)).compare;

    value(compares.delete(compare.id));
    expect(value(compares.list())).toEqual([]);
    expect(value(library.list()).map((c) => c.id)).toEqual([continued]);

    clock += 5_000;
    const restored = value(compares.restore(compare.id));
    expect(restored).toEqual(before);
    expect(value(compares.list()).map((c) => c.id)).toEqual([compare.id]);
    // The columns are listed as columns again (under the compare), the continued one as an ordinary conversation.
    const listed = value(library.list());
    expect(listed.filter((c) => c.compareId === compare.id).map((c) => c.id)).toEqual(
      expect.arrayContaining(compare.columns.slice(0, 2).map((c) => c.conversationId)),
    );
    expect(listed.find((c) => c.id === continued)?.compareId).toBeUndefined();
    const twice = compares.restore(compare.id);
    expect(twice.ok ? null : twice.error.code).toBe('not_found');

    value(compares.delete(compare.id));
    clock += 60_000;
    const late = compares.restore(compare.id);
    expect(late.ok ? null : late.error.code).toBe('not_found');
    expect(value(compares.list())).toEqual([]);
  });

  it('renames a compare, kept across a restart; its columns keep their own titles', () => {
    const file = join(tempDir(), 'h.sqlite3');
    const first = open(file, echoStreamer(prices).streamer);
    const compare = value(first.compares.create({ models, text: 'Old name' }));
    expect(value(first.compares.rename(compare.id, '  Cheap vs best  ')).title).toBe('Cheap vs best');
    first.db.close();

    const second = open(file, echoStreamer(prices).streamer);
    expect(value(second.compares.list())[0]?.title).toBe('Cheap vs best');
    expect(value(second.library.get(compare.columns[0]!.conversationId)).conversation.title).toBe('Old name');
    const missing = second.compares.rename('nope', 'x');
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('links a merged conversation to its compare, across a restart, while the conversation is there; Undo keeps the link', () => {
    const file = join(tempDir(), 'h.sqlite3');
    const first = open(file, echoStreamer(prices).streamer);
    const compare = value(first.compares.create({ models, text: 'Merge me' }));
    const merged = value(first.library.create({ title: 'Merged', model: 'a/one' }));
    expect(value(first.compares.addMerge(compare.id, merged.id)).merges).toEqual([merged.id]);
    const column = first.compares.addMerge(compare.id, compare.columns[0]!.conversationId);
    expect(column.ok ? null : column.error.code).toBe('invalid_input');
    const unknown = first.compares.addMerge(compare.id, 'nope');
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    first.db.close();

    const second = open(file, echoStreamer(prices).streamer);
    expect(value(second.compares.list())[0]?.merges).toEqual([merged.id]);
    // A deleted merge is not shown; restored, it is again.
    value(second.library.delete(merged.id));
    expect(value(second.compares.get(compare.id)).compare.merges).toEqual([]);
    value(second.library.restore(merged.id));
    expect(value(second.compares.get(compare.id)).compare.merges).toEqual([merged.id]);
    // Deleting the compare keeps the merged conversation; its Undo brings the link back.
    value(second.compares.delete(compare.id));
    expect(value(second.library.list()).map((c) => c.id)).toContain(merged.id);
    expect(value(second.compares.restore(compare.id)).merges).toEqual([merged.id]);
  });

  it('adds a column that starts from a chosen column’s thread, copied without its cost, and answers the next round', async () => {
    const fake = echoStreamer(prices);
    const { db, compares, library, chat } = open(join(tempDir(), 'h.sqlite3'), fake.streamer);
    const compare = value(compares.create({ models, text: 'Pick a sort' }));
    const ids = compare.columns.map((c) => c.conversationId);
    await round(chat, ids, 'Pick a sort');
    const ledgerRows = () => (db.prepare('SELECT count(*) AS n FROM spend_ledger').get() as { n: number }).n;
    const billedBefore = ledgerRows();

    const grown = value(compares.addColumn(compare.id, 'd/four', ids[1]));
    const added = grown.columns.at(-1)!;
    expect(added.model).toBe('d/four');
    const copied = value(library.get(added.conversationId)).messages;
    expect(copied.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Pick a sort'],
      ['assistant', 'b/two says 1'],
    ]);
    expect(copied[1]).toMatchObject({ model: 'b/two', status: 'complete', usage: null, generationId: null });
    // Paid once, in the column it came from.
    expect(ledgerRows()).toBe(billedBefore);

    // The next round: the new model is sent the copied thread and the new question.
    await drain(
      chat.send({ conversationId: added.conversationId, text: 'Why?', model: 'd/four' }, new AbortController().signal),
    );
    const sent = fake.requests.at(-1)!;
    expect(sent.model).toBe('d/four');
    expect(sent.messages.map((m) => [m.role, typeof m.content === 'string' ? m.content : ''])).toEqual([
      ['user', 'Pick a sort'],
      ['assistant', 'b/two says 1'],
      ['user', 'Why?'],
    ]);
  });

  it('refuses to start a column from a conversation that is not a live column of that compare', () => {
    const { compares, library } = open(join(tempDir(), 'h.sqlite3'), echoStreamer(prices).streamer);
    const compare = value(compares.create({ models, text: 'One' }));
    const other = value(compares.create({ models, text: 'Two' }));
    const foreign = compares.addColumn(compare.id, 'd/four', other.columns[0]!.conversationId);
    expect(foreign.ok ? null : foreign.error.code).toBe('invalid_input');
    value(compares.continueColumn(compare.columns[0]!.conversationId));
    const continued = compares.addColumn(compare.id, 'd/four', compare.columns[0]!.conversationId);
    expect(continued.ok ? null : continued.error.code).toBe('invalid_input');
    // Nothing half-made is left behind.
    expect(value(compares.get(compare.id)).compare.columns).toHaveLength(3);
    expect(value(library.list()).filter((c) => c.title === 'One')).toHaveLength(3);
  });

  it('keeps saved compare sets across a restart; a repeated name keeps its last models; a damaged row reads as none', () => {
    const file = join(tempDir(), 'h.sqlite3');
    const first = open(file, echoStreamer(prices).streamer);
    expect(value(first.compares.sets())).toEqual([]);
    const saved = value(
      first.compares.setSets([
        { name: 'cheap vs best', models: ['a/one', 'c/three'] },
        { name: 'trio', models: models },
        { name: ' cheap vs best ', models: ['a/one', 'b/two'] },
      ]),
    );
    expect(saved).toEqual([
      { name: 'cheap vs best', models: ['a/one', 'b/two'] },
      { name: 'trio', models },
    ]);
    first.db.close();
    const second = open(file, echoStreamer(prices).streamer);
    expect(value(second.compares.sets())).toEqual(saved);
    second.db
      .prepare(
        'UPDATE model_settings SET value = \'[{"name":"x","models":["one-model"]}]\' WHERE key = \'compare_sets\'',
      )
      .run();
    expect(value(second.compares.sets())).toEqual([]);
  });
});
