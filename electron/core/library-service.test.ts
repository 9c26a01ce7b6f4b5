import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../shared/library';
import type { Result } from '../../shared/result';
import type { MessageRepo } from './db/message-repo';
import { libraryHarness } from './test-support/library-harness';
import { useTempDir } from './test-support/temp-dir';
import { type LibraryService, undoWindowMs } from './library-service';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('LibraryService: history', () => {
  const tempDir = useTempDir();
  let db: Database;
  let clock: number;
  let messages: MessageRepo;
  let library: LibraryService;
  let events: LibraryEvent[];

  beforeEach(() => {
    clock = 1_000_000;
    ({ db, messages, library, events } = libraryHarness(join(tempDir(), 'history.sqlite3'), () => clock));
  });
  afterEach(() => db.close());

  it('announces each change, and lets a delete be undone within its undo time only', () => {
    const a = value(library.create({ model: 'm/a', title: 'Alpha' }));
    value(library.rename(a.id, 'Renamed'));
    value(library.setPinned(a.id, true));
    value(library.delete(a.id));
    expect(library.list()).toEqual({ ok: true, value: [] });
    expect(value(library.restore(a.id))).toMatchObject({ title: 'Renamed', pinned: true });
    expect(events.map((e) => (e.type === 'changed' ? `changed ${e.conversation.title}` : e.type))).toEqual([
      'changed Alpha',
      'changed Renamed',
      'changed Renamed',
      'removed',
      'changed Renamed',
    ]);

    value(library.delete(a.id));
    clock += undoWindowMs + 1;
    // Another delete past the undo time removes the first for good.
    const b = value(library.create({ model: 'm/a', title: 'Beta' }));
    value(library.delete(b.id));
    expect(library.restore(a.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(library.restore(b.id)).title).toBe('Beta');

    expect(value(library.deleteAll())).toEqual({ deleted: 1 });
    expect(events.at(-1)).toEqual({ type: 'cleared' });
  });

  it('reveals a message far up a long thread, and one on another version by switching to it', () => {
    const { id } = value(library.create({ model: 'm/a' }));
    let target = '';
    let firstQuestion = '';
    db.transaction(() => {
      for (let i = 0; i < 600; i++) {
        const q = messages.insertUser({ conversationId: id, content: `question ${i}`, model: null });
        if (i === 0) firstQuestion = q.id;
        if (i === 100) target = q.id;
        const a = messages.createAssistant({ conversationId: id, model: null });
        messages.finalize(a.id, {
          status: 'complete',
          content: `answer ${i}`,
          reasoning: null,
          model: null,
          provider: null,
          generationId: null,
          finishReason: 'stop',
          usage: null,
          error: null,
        });
      }
    })();
    // Opening normally shows only the last page; revealing reaches back to the message, with a little before it.
    expect(value(library.get(id)).messages.some((m) => m.id === target)).toBe(false);
    const revealed = value(library.reveal(id, target));
    const at = revealed.messages.findIndex((m) => m.id === target);
    expect(at).toBe(50);
    expect(revealed.hasOlder).toBe(true);
    expect(revealed.messages.at(-1)?.content).toBe('answer 599');

    // A second version of the first question: the old thread is no longer current, revealing goes back to it.
    const other = messages.insertUser({ conversationId: id, content: 'another start', model: null, parentId: null });
    expect(value(library.get(id)).messages.map((m) => m.id)).toEqual([other.id]);
    const back = value(library.reveal(id, firstQuestion));
    expect(back.messages[0]?.id).toBe(firstQuestion);
    expect(back.messages.at(-1)?.content).toBe('answer 599');
    expect(library.reveal(id, 'missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
