import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8, unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import { CompareRepo } from '../compare/compare-repo';
import { ThreadRepo } from '../db/thread-repo';
import {
  type Profile,
  chunksOf,
  dump,
  exportBytes,
  importBytes,
  openProfile,
  seedRandomHistory,
  seeded,
} from '../test-support/portability-histories';

const newDir = useTempDir();
const open: Profile[] = [];
const profile = (limits?: Parameters<typeof openProfile>[1]) => {
  const p = openProfile(newDir(), limits);
  open.push(p);
  return p;
};
afterEach(() => {
  for (const p of open.splice(0)) p.db.close();
});

const conversationsOf = (json: Buffer) =>
  (JSON.parse(json.toString('utf8')) as { conversations: unknown[] }).conversations;

describe('export → import round trip', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives back identical content for random history %i', async (seed) => {
    const source = profile();
    seedRandomHistory(source.db, seeded(seed), 12);
    const exported = await exportBytes(source, 'json');

    const target = profile();
    const { result } = await importBytes(target, exported);
    expect(result.ok && result.value).toMatchObject({ added: 12, skipped: 0 });

    expect(conversationsOf(await exportBytes(target, 'json'))).toEqual(conversationsOf(exported));
    // Row by row too, so a column neither side carries would still show up.
    const rows = (p: Profile) =>
      p.db
        .prepare('SELECT * FROM messages ORDER BY conversation_id, seq')
        .all()
        .map((row) => ({ ...(row as Record<string, unknown>), row_id: undefined, seq: undefined }));
    expect(rows(target)).toEqual(rows(source));
    expect(target.db.prepare('SELECT * FROM conversations ORDER BY id').all()).toEqual(
      source.db.prepare('SELECT * FROM conversations ORDER BY id').all(),
    );
  });

  it('leaves out a conversation deleted but still undoable: to the person it is gone', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(12), 3);
    const [gone] = source.db.prepare('SELECT id FROM conversations').all() as { id: string }[];
    source.db.prepare('UPDATE conversations SET deleted_at = 1 WHERE id = ?').run(gone!.id);
    const ids = conversationsOf(await exportBytes(source, 'json')).map((c) => (c as { id: string }).id);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(gone!.id);
    const single = await source.service.startExport({ format: 'json', conversationId: gone!.id });
    expect(single).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('is idempotent: importing the same file twice adds nothing the second time', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(42), 5);
    const exported = await exportBytes(source, 'json');
    const target = profile();
    await importBytes(target, exported);
    const before = dump(target.db);
    const { result } = await importBytes(target, exported);
    expect(result.ok && result.value).toEqual({ added: 0, skipped: 5, messages: 0 });
    expect(dump(target.db)).toEqual(before);
  });

  it('keeps the full-text index in step with imported messages', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(9), 10);
    const target = profile();
    await importBytes(target, await exportBytes(source, 'json'));
    const count = (p: Profile) =>
      p.db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'answer'").get();
    expect(count(target)).toEqual(count(source));
  });

  it('exports one conversation alone, and all of them as a zip of Markdown files', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(3), 4);
    const [first] = source.db.prepare('SELECT id, title FROM conversations').all() as { id: string; title: string }[];
    const one = conversationsOf(await exportBytes(source, 'json', first!.id));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ id: first!.id });

    const files = unzipSync(new Uint8Array(await exportBytes(source, 'markdown')));
    expect(Object.keys(files)).toHaveLength(4);
    const markdown = strFromU8(files[Object.keys(files).find((n) => n.includes(first!.id.slice(0, 8)))!]!);
    expect(markdown.startsWith(`# ${first!.title.replace(/\s+/g, ' ').trim()}`)).toBe(true);
  });

  it('exports a compare as its columns’ conversations, in column order, named after the compare', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(5), 4);
    const ids = (source.db.prepare('SELECT id FROM conversations ORDER BY id').all() as { id: string }[]).map(
      (row) => row.id,
    );
    const columns = [ids[2]!, ids[0]!, ids[3]!];
    const compare = new CompareRepo(source.db).create(
      'Cheap vs best',
      columns.map((conversationId) => ({ conversationId, model: 'openai/gpt-4o-mini' })),
    );
    const ticket = await source.service.startExport({ format: 'json', conversationId: null, compareId: compare.id });
    expect(ticket.ok && ticket.value.fileName).toMatch(/^Cheap vs best \([\w-]{8}\)\.json$/);
    const json = conversationsOf(await exportBytes(source, 'json', null, compare.id));
    expect(json.map((c) => (c as { id: string }).id)).toEqual(columns);

    const files = unzipSync(new Uint8Array(await exportBytes(source, 'markdown', null, compare.id)));
    expect(Object.keys(files)).toHaveLength(3);
    for (const id of columns) expect(Object.keys(files).some((name) => name.includes(id.slice(0, 8)))).toBe(true);

    const gone = await source.service.startExport({ format: 'json', conversationId: null, compareId: 'no-such' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That compare no longer exists.' } });
  });
});

describe('ChatGPT import', () => {
  const sample = readFileSync(join(import.meta.dirname, 'fixtures/chatgpt-conversations.json'));

  it('maps the node tree to versions: regenerated answers and edited questions become siblings', async () => {
    const target = profile();
    const { result } = await importBytes(target, sample, 'conversations.json');
    expect(result.ok && result.value).toEqual({ added: 2, skipped: 0, messages: 11 });

    const id = 'chatgpt-6551a1b2-0000-4000-8000-000000000001';
    const rows = target.db
      .prepare('SELECT id, parent_id, role, content, model FROM messages WHERE conversation_id = ? ORDER BY seq')
      .all(id) as { id: string; parent_id: string | null; role: string; content: string; model: string | null }[];
    const byContent = (text: string) => rows.find((r) => r.content === text)!;
    const q1 = byContent('What is the capital of France?');
    // The hidden system node is left out: the first question is a root.
    expect(q1.parent_id).toBeNull();
    // Regenerated answer: two replies to the same question.
    expect(byContent('Paris.').parent_id).toBe(q1.id);
    expect(byContent('The capital of France is Paris.').parent_id).toBe(q1.id);
    // Edited question: two questions after the same reply.
    const paris = byContent('Paris.');
    expect(byContent('And of Germany?').parent_id).toBe(paris.id);
    expect(byContent('And of Italy? Search the web.').parent_id).toBe(paris.id);
    // The tool call and its output are left out; the answer after them follows the question.
    expect(byContent('Rome, according to the search.').parent_id).toBe(byContent('And of Italy? Search the web.').id);
    expect(rows.some((r) => r.content.includes("search('capital"))).toBe(false);
    expect(byContent('[attachment not imported]\n\nWhat is in this picture?').role).toBe('user');
    expect(byContent('A map of Italy.').model).toBe('openai/gpt-4o-mini');

    const conversation = target.db
      .prepare('SELECT title, model, current_leaf_id, created_at FROM conversations WHERE id = ?')
      .get(id);
    expect(conversation).toEqual({
      title: 'European capitals',
      model: 'openai/gpt-4o',
      current_leaf_id: byContent('A map of Italy.').id,
      created_at: 1_700_000_000_000,
    });
    // The thread on screen is the branch ChatGPT showed.
    const thread = new ThreadRepo(target.db).pageEndingAt(id, byContent('A map of Italy.').id);
    expect(thread.messages.map((m) => m.content)).toEqual([
      'What is the capital of France?',
      'Paris.',
      'And of Italy? Search the web.',
      'Rome, according to the search.',
      '[attachment not imported]\n\nWhat is in this picture?',
      'A map of Italy.',
    ]);
  });

  it('reads conversations.json inside the zip ChatGPT sends, and a second import adds nothing', async () => {
    const zip = zipSync({ 'chat.html': strToU8('<html></html>'), 'conversations.json': new Uint8Array(sample) });
    const target = profile();
    expect((await importBytes(target, zip, 'chatgpt-export.zip')).result).toEqual({
      ok: true,
      value: { added: 2, skipped: 0, messages: 11 },
    });
    expect((await importBytes(target, zip, 'chatgpt-export.zip')).result).toEqual({
      ok: true,
      value: { added: 0, skipped: 2, messages: 0 },
    });
  });
});

describe('Markdown import', () => {
  it('gives a conversation back its times to the millisecond, so two active in the same second keep their order', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(11), 3);
    const [first] = source.db.prepare('SELECT id FROM conversations WHERE current_leaf_id IS NOT NULL').all() as {
      id: string;
    }[];
    source.db
      .prepare('UPDATE conversations SET created_at = ?, updated_at = ? WHERE id = ?')
      .run(1_764_687_000_456, 1_764_687_600_123, first!.id);
    const target = profile();
    await importBytes(target, await exportBytes(source, 'markdown', first!.id), 'one.md');
    expect(target.db.prepare('SELECT created_at, updated_at FROM conversations').get()).toEqual({
      created_at: 1_764_687_000_456,
      updated_at: 1_764_687_600_123,
    });
  });

  it('reads a Switchboard Markdown export back as a new conversation with its turns, model and cost', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(11), 3);
    const [first] = source.db.prepare('SELECT id FROM conversations WHERE current_leaf_id IS NOT NULL').all() as {
      id: string;
    }[];
    const markdown = await exportBytes(source, 'markdown', first!.id);
    const target = profile();
    const { result } = await importBytes(target, markdown, 'chat.md');
    expect(result.ok).toBe(true);
    const sourceThread = new ThreadRepo(source.db).pageEndingAt(
      first!.id,
      (source.db.prepare('SELECT current_leaf_id AS l FROM conversations WHERE id = ?').get(first!.id) as { l: string })
        .l,
    );
    const [imported] = target.db.prepare('SELECT id, current_leaf_id FROM conversations').all() as {
      id: string;
      current_leaf_id: string;
    }[];
    const thread = new ThreadRepo(target.db).pageEndingAt(imported!.id, imported!.current_leaf_id);
    const nonEmpty = sourceThread.messages.filter((m) => m.content.trim() !== '');
    expect(thread.messages.map((m) => [m.role, m.content])).toEqual(nonEmpty.map((m) => [m.role, m.content.trim()]));
    const costs = (ms: typeof thread.messages) =>
      ms.filter((m) => m.role === 'assistant').map((m) => m.usage?.costUsd ?? null);
    expect(costs(thread.messages).filter((c) => c !== null).length).toBeGreaterThan(0);
    expect(costs(thread.messages).map((c) => (c === null ? null : Number(Number(c).toPrecision(2))))).toEqual(
      costs(nonEmpty).map((c) => (c === null ? null : Number(Number(c).toPrecision(2)))),
    );
  });

  it('makes a file without role headings one message from you, titled by its heading', async () => {
    const target = profile();
    const { result } = await importBytes(
      target,
      Buffer.from('# Trip notes\n\nPack the charger.\n\n```\n## User\n```\n'),
      'notes.md',
    );
    expect(result.ok && result.value.added).toBe(1);
    expect(target.db.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'Trip notes' });
    expect(target.db.prepare('SELECT role, content FROM messages').all()).toEqual([
      { role: 'user', content: 'Pack the charger.\n\n```\n## User\n```' },
    ]);
  });
});

describe('Markdown zip import', () => {
  const listed = (p: Profile) =>
    p.db.prepare('SELECT title, model FROM conversations ORDER BY updated_at DESC, id').all() as {
      title: string;
      model: string;
    }[];

  it('reads "Export all (Markdown zip)" back as one conversation per file, in the same order; again adds nothing', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(17), 6);
    // What the Markdown export can carry: conversations with at least one message on their thread.
    const shown = source.db
      .prepare('SELECT count(*) AS n FROM conversations WHERE current_leaf_id IS NOT NULL')
      .get() as { n: number };
    const zip = await exportBytes(source, 'markdown');
    const target = profile();
    const { result } = await importBytes(target, zip, 'switchboard-history-2026-12-02.zip');
    expect(result.ok && result.value.added).toBe(shown.n);
    expect(shown.n).toBeGreaterThan(1);
    const titles = (p: Profile) => listed(p).map((c) => c.title.replace(/\s+/g, ' ').trim() || 'Untitled');
    const sourceWithText = (
      source.db
        .prepare('SELECT title FROM conversations WHERE current_leaf_id IS NOT NULL ORDER BY updated_at DESC, id')
        .all() as { title: string }[]
    ).map((c) => c.title.replace(/\s+/g, ' ').trim() || 'Untitled');
    expect(titles(target)).toEqual(sourceWithText);
    expect(listed(target).map((c) => c.model)).toEqual(
      (
        source.db
          .prepare('SELECT model FROM conversations WHERE current_leaf_id IS NOT NULL ORDER BY updated_at DESC, id')
          .all() as { model: string }[]
      ).map((c) => c.model),
    );

    const before = dump(target.db);
    const again = await importBytes(target, zip, 'switchboard-history-2026-12-02.zip');
    expect(again.result.ok && again.result.value).toEqual({ added: 0, skipped: shown.n, messages: 0 });
    expect(dump(target.db)).toEqual(before);
  });

  it('imports every Markdown file of a hand-made zip, skipping other files and macOS metadata', async () => {
    const zip = zipSync({
      'notes/Trip.md': strToU8('# Trip\n\n### You\n\nWhere to?\n\n### Assistant\n\nLisbon.\n'),
      'notes/Empty.md': strToU8('# Nothing here\n'),
      'notes/readme.txt': strToU8('not a conversation'),
      '__MACOSX/notes/._Trip.md': new Uint8Array([0, 5, 22, 7]),
      'Other.markdown': strToU8('Just a thought.'),
    });
    const target = profile();
    const { result } = await importBytes(target, zip, 'notes.zip');
    expect(result.ok && result.value).toEqual({ added: 2, skipped: 0, messages: 3 });
    expect(target.db.prepare('SELECT title FROM conversations ORDER BY title').all()).toEqual([
      { title: 'Other' },
      { title: 'Trip' },
    ]);
  });

  it.each([
    [
      'a file that is not UTF-8',
      () => zipSync({ 'a.md': strToU8('# A\n\nfine'), 'b.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe]) }),
      /b\.md in the zip is not UTF-8 text/,
    ],
    [
      'a file too long for one conversation',
      () => zipSync({ 'a.md': strToU8('# A\n\nfine'), 'b.md': new Uint8Array(2048).fill(0x61) }),
      /b\.md in the zip is larger than 1 KB/,
    ],
    [
      'a zip bomb of Markdown files',
      // Many small files, each under the per-file limit, that together inflate past the whole-import limit.
      () =>
        zipSync(
          Object.fromEntries(
            Array.from({ length: 9 }, (_, i) => [`${i}.md`, new Uint8Array(1000 * 1024).fill(0x20)] as const),
          ),
          { level: 9 },
        ),
      /expands to more than 4 MB/,
    ],
    [
      'Markdown files beside a conversations.json',
      () => zipSync({ 'a.md': strToU8('# A\n\nfine'), 'conversations.json': strToU8('[]') }),
      /both Markdown files and a conversations.json/,
    ],
    ['only empty Markdown files', () => zipSync({ 'a.md': strToU8('# A\n') }), /have no text in them/],
  ])('%s: a clear error, nothing imported', async (_name, build, message) => {
    const target = profile({
      maxBytes: 4 * 1024 * 1024,
      maxValueBytes: 64 * 1024 * 1024,
      maxDepth: 64,
      maxZipEntries: 100,
      maxMarkdownBytes: 1024,
    });
    seedRandomHistory(target.db, seeded(5), 2);
    const before = dump(target.db);
    const { result } = await importBytes(target, build(), 'notes.zip');
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message).toMatch(/Nothing was imported\.$/);
    expect(dump(target.db)).toEqual(before);
  });

  it('refuses a Markdown zip cut halfway, after its first files were read, without importing any', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(23), 20);
    const zip = await exportBytes(source, 'markdown');
    const target = profile();
    const before = dump(target.db);
    const { result } = await importBytes(target, zip.subarray(0, Math.floor(zip.length / 2)), 'cut.zip');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dump(target.db)).toEqual(before);
  });
});

describe('bad files change nothing', () => {
  const withHistory = () => {
    const target = profile();
    seedRandomHistory(target.db, seeded(5), 3);
    return target;
  };
  const header = '{"format":"switchboard-history","version":1,"exportedAt":"x","appVersion":"1","conversations":[';

  it('refuses a file cut halfway, after staging its first conversations, without importing any', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(21), 30);
    const exported = await exportBytes(source, 'json');
    const target = withHistory();
    const before = dump(target.db);
    const cut = exported.subarray(0, Math.floor(exported.length / 2));
    const { result } = await importBytes(target, cut);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/cut off|not valid JSON/);
    expect(dump(target.db)).toEqual(before);
  });

  it.each([
    ['wrong shape', Buffer.from('{"hello":"world"}'), 'x.json', /not a Switchboard export/],
    [
      'a conversation of the wrong shape',
      Buffer.from(`${header}{"id":"a","title":3}]}`),
      'x.json',
      /Conversation 1 in the file is not in Switchboard's format at title/,
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(`${header}{"id":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]),
      'x.json',
      /not UTF-8 text/,
    ],
    ['deep nesting', Buffer.from('['.repeat(100_000)), 'conversations.json', /nested more than 64 levels/],
    [
      'duplicate message ids',
      Buffer.from(
        `${header}${JSON.stringify({ id: 'c1', title: 't', model: 'openai/gpt-4o', createdAt: 1, updatedAt: 1, maxOutputTokens: null, currentLeafId: null, pinnedAt: null, messages: [msg('m1', null), msg('m1', null)] })}]}`,
      ),
      'x.json',
      /lists message "m1" twice/,
    ],
    [
      'duplicate conversation ids',
      Buffer.from(
        `${header}${[1, 2].map(() => JSON.stringify({ id: 'c1', title: 't', model: 'openai/gpt-4o', createdAt: 1, updatedAt: 1, maxOutputTokens: null, currentLeafId: null, pinnedAt: null, messages: [] })).join(',')}]}`,
      ),
      'x.json',
      /holds conversation "c1" or one of its messages twice/,
    ],
    [
      'a message cycle',
      Buffer.from(
        `${header}${JSON.stringify({ id: 'c1', title: 't', model: 'openai/gpt-4o', createdAt: 1, updatedAt: 1, maxOutputTokens: null, currentLeafId: null, pinnedAt: null, messages: [msg('m1', 'm2'), msg('m2', 'm1')] })}]}`,
      ),
      'x.json',
      /circle/,
    ],
    [
      'a newer format',
      Buffer.from(`{"format":"switchboard-history","version":99,"conversations":[{}]}`),
      'x.json',
      /newer Switchboard/,
    ],
    ['an unknown kind of file', Buffer.from('GIF89a....'), 'picture.gif', /cannot tell what this file is/],
    ['an empty file', Buffer.alloc(0), 'x.json', /empty/],
    [
      'a zip without conversations.json',
      Buffer.from(zipSync({ 'a.txt': strToU8('hi') })),
      'x.zip',
      /no conversations.json \(a ChatGPT export\) and no Markdown files/,
    ],
  ])('%s: a clear error, nothing imported', async (_name, data, fileName, message) => {
    const target = withHistory();
    const before = dump(target.db);
    const { result } = await importBytes(target, new Uint8Array(data), fileName);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message).toMatch(/Nothing was imported\.$/);
    expect(dump(target.db)).toEqual(before);
  });

  it('refuses a 1 GB file from its declared size without reading it', async () => {
    const target = withHistory();
    let read = 0;
    async function* endless() {
      for (;;) {
        read++;
        yield new Uint8Array(1024 * 1024);
      }
    }
    const { result } = await importBytes(target, endless(), 'huge.json', 1024 ** 3);
    expect(!result.ok && result.error.message).toBe(
      'The file is 1.0 GB; Switchboard imports files of up to 512 MB. Nothing was imported.',
    );
    expect(read).toBe(0);
  });

  it('stops reading a file whose size was not declared at the limit', async () => {
    const target = profile({
      maxBytes: 4 * 1024 * 1024,
      maxValueBytes: 1024 * 1024,
      maxDepth: 64,
      maxZipEntries: 10,
      maxMarkdownBytes: 1024,
    });
    let read = 0;
    async function* endless() {
      yield Buffer.from(header);
      for (;;) {
        read++;
        yield Buffer.from(' '.repeat(64 * 1024));
      }
    }
    const { result } = await importBytes(target, endless(), 'huge.json', null);
    expect(!result.ok && result.error.message).toMatch(/One entry in the file is larger than 1 MB|larger than 4 MB/);
    expect(read).toBeLessThan(70);
  });

  it('stops a zip bomb at the limit instead of inflating it', async () => {
    const target = profile({
      maxBytes: 4 * 1024 * 1024,
      maxValueBytes: 64 * 1024 * 1024,
      maxDepth: 64,
      maxZipEntries: 10,
      maxMarkdownBytes: 1024,
    });
    // 32 MB of one repeated byte deflates to about 32 KB.
    const bomb = zipSync({ 'conversations.json': new Uint8Array(32 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { result } = await importBytes(target, bomb, 'export.zip');
    expect(!result.ok && result.error.message).toMatch(/expands to more than 4 MB/);
  });

  it('a cancelled import leaves nothing, and says so', async () => {
    const source = profile();
    seedRandomHistory(source.db, seeded(8), 40);
    const exported = await exportBytes(source, 'json');
    const target = withHistory();
    const before = dump(target.db);
    const job = target.service.startImport({ fileName: 'x.json', size: exported.length });
    if (!job.ok) throw new Error('no job');
    const jobId = job.value.jobId;
    async function* slow() {
      let n = 0;
      for await (const chunk of chunksOf(exported, 4096)) {
        if (++n === 3) target.service.cancel(jobId);
        yield chunk;
      }
    }
    const result = await target.service.runImport(jobId, slow());
    expect(result).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(target.service.job(jobId)).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(dump(target.db)).toEqual(before);
  });
});

function msg(id: string, parentId: string | null) {
  return {
    id,
    parentId,
    role: 'user',
    content: 'x',
    reasoning: null,
    status: 'complete',
    model: null,
    provider: null,
    generationId: null,
    finishReason: null,
    usage: null,
    error: null,
    firstTokenMs: null,
    durationMs: null,
    toolCalls: null,
    costStatus: null,
    estimateUsd: null,
    createdAt: 1,
    updatedAt: 1,
  };
}
