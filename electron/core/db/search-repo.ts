// Core: full-text search over history. Ranking is bounded: only the newest few hundred matches are scored, so a common
// word costs the same as a rare one, and what is found is recent as well as relevant. Each search walks the index
// once, newest first; scoring and snippets are done on those rows' text (word-rank.ts says why not bm25()).

import type { Database, Statement } from 'better-sqlite3';
import type { MessageRole } from '../../../shared/domain';
import type { FindResults, SearchHit, SearchResults } from '../../../shared/library';
import { type SearchPlan, maxQueryChars, planSearch, queryTerms } from './fts-query';
import { snippetAround, snippetAt } from './snippet';
import { guardStorage } from './storage-error';
import { bm25Scores, inverseFrequency, termPattern, termRanges } from './word-rank';

export interface SearchFilters {
  /** Only messages sent to or written by this model. */
  model?: string | null;
  /** Only messages written at or after this time (milliseconds since the epoch). */
  since?: number | null;
  /** Only messages written before this time. */
  until?: number | null;
}

export interface SearchOptions extends SearchFilters {
  query: string;
  limit?: number;
}

/** How many of the newest matches are ranked. Past this, more matches only cost time; recency already sorted them. */
export const rankedWindow = 200;
/**
 * How much of each message's text ranking reads: its opening, which says what it is about. Reading 200 whole 50 KB
 * replies would cost more than the search's whole budget.
 */
export const rankedChars = 2_000;
/** How many of a word's newest matches tell how common it is: their spread over the row ids estimates its count. */
const frequencySample = 64;
const defaultLimit = 50;
const maxLimit = 200;
/** Find stops counting here: a conversation with more matches than this is searched with more words. */
const maxFindHits = 5_000;

interface HitRow {
  rowId: number;
  messageId: string;
  conversationId: string;
  conversationTitle: string;
  role: MessageRole;
  model: string | null;
  createdAt: number;
  /** The text to cut a snippet from: all of it (substring search), or its first `rankedChars` (word search). */
  content: string;
  /** The whole text's length in characters. */
  length: number;
}

interface FilterParams {
  model: string | null;
  since: number;
  until: number;
}

const filterSql = `c.deleted_at IS NULL AND (@model IS NULL OR m.model = @model)
  AND m.created_at >= @since AND m.created_at < @until`;

const hitColumns = `m.row_id AS rowId, m.id AS messageId, m.conversation_id AS conversationId, c.title AS conversationTitle,
  m.role AS role, m.model AS model, m.created_at AS createdAt`;

/** The current thread of a conversation, from its leaf up, with each message's distance from the leaf. */
const threadCte = `WITH RECURSIVE up (id, depth) AS (
    SELECT current_leaf_id, 0 FROM conversations WHERE id = @conversation_id AND deleted_at IS NULL
    UNION ALL
    SELECT m.parent_id, up.depth + 1 FROM up CROSS JOIN messages m ON m.id = up.id WHERE m.parent_id IS NOT NULL
  )`;

/**
 * Where a substring search reads, and what it tests: `indexed` plain LIKE tests on the trigram index's text (which
 * the index answers itself), then `exact` escaped LIKE tests on the message's text, row by row among what the index
 * let through. Without an indexed test the messages are read newest first. Streaming rows are not in the index; the
 * status test keeps them out when it is not used.
 */
function substringSource(indexed: number, exact: number): { from: string; where: string; order: string } {
  const tests = [
    ...Array.from({ length: indexed }, () => `t.content LIKE ?`),
    ...Array.from({ length: exact }, () => `m.content LIKE ? ESCAPE '\\'`),
    `m.status <> 'streaming'`,
  ];
  return indexed > 0
    ? {
        from: `messages_trigram t CROSS JOIN messages m ON m.row_id = t.rowid`,
        where: tests.join(' AND '),
        order: 't.rowid',
      }
    : { from: 'messages m', where: tests.join(' AND '), order: 'm.row_id' };
}

export class SearchRepo {
  private readonly file: string;
  private readonly db: Database;
  private readonly statements: {
    window: Statement<[FilterParams & { match: string; window: number; chars: number }], HitRow>;
    sample: Statement<[{ match: string; sample: number }], { rowid: number }>;
    newest: Statement<[], { rowid: number | null }>;
    content: Statement<[number], { content: string }>;
    find: Statement<[{ match: string; conversation_id: string; limit: number }], { id: string }>;
    depth: Statement<[{ conversation_id: string; id: string }], { depth: number }>;
  };
  /** Substring searches, prepared per number of indexed and exact tests as they are first needed. */
  private readonly substringSearches = new Map<string, Statement<unknown[], HitRow>>();
  private readonly substringFinds = new Map<number, Statement<unknown[], { id: string }>>();

  constructor(db: Database) {
    this.db = db;
    this.file = db.name;
    this.statements = guardStorage(this.file, () => ({
      // The newest matches, walking the index from its newest row: the only walk a word search makes.
      window: db.prepare<[FilterParams & { match: string; window: number; chars: number }], HitRow>(
        `SELECT ${hitColumns}, substr(m.content, 1, @chars) AS content, length(m.content) AS length
         FROM messages_fts f CROSS JOIN messages m ON m.row_id = f.rowid
           CROSS JOIN conversations c ON c.id = m.conversation_id
         WHERE messages_fts MATCH @match AND ${filterSql}
         ORDER BY f.rowid DESC LIMIT @window`,
      ),
      sample: db.prepare<[{ match: string; sample: number }], { rowid: number }>(
        `SELECT rowid FROM messages_fts WHERE messages_fts MATCH @match ORDER BY rowid DESC LIMIT @sample`,
      ),
      newest: db.prepare<[], { rowid: number | null }>('SELECT max(row_id) AS rowid FROM messages'),
      content: db.prepare<[number], { content: string }>('SELECT content FROM messages WHERE row_id = ?'),
      find: db.prepare<[{ match: string; conversation_id: string; limit: number }], { id: string }>(
        `${threadCte}
         SELECT m.id AS id FROM up CROSS JOIN messages m ON m.id = up.id
         WHERE m.row_id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @match)
         ORDER BY up.depth DESC LIMIT @limit`,
      ),
      depth: db.prepare<[{ conversation_id: string; id: string }], { depth: number }>(
        `${threadCte} SELECT depth FROM up WHERE id = @id`,
      ),
    }));
  }

  /** Best matches first among the newest `rankedWindow`; deleted conversations are never searched. */
  search(options: SearchOptions): SearchResults {
    const plan = planSearch(options.query);
    if (plan === null) return { hits: [], truncated: false };
    const truncated =
      Array.from(options.query).length > maxQueryChars ||
      queryTerms(options.query).length < options.query.split(/\s+/u).filter(Boolean).length;
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? defaultLimit), 1), maxLimit);
    const filters: FilterParams = {
      model: options.model ?? null,
      since: options.since ?? 0,
      until: options.until ?? Number.MAX_SAFE_INTEGER,
    };
    return guardStorage(this.file, () => ({ hits: this.run(plan, filters, limit), truncated }));
  }

  /** The matching messages of the conversation's current thread, oldest first. */
  findInConversation(conversationId: string, query: string): FindResults {
    const plan = planSearch(query);
    if (plan === null) return { messageIds: [], truncated: false };
    return guardStorage(this.file, () => {
      const limit = maxFindHits + 1;
      const rows =
        plan.kind === 'substrings'
          ? this.substringFind(plan.patterns.length).all({ conversation_id: conversationId, limit }, ...plan.patterns)
          : this.statements.find.all({ match: plan.match, conversation_id: conversationId, limit });
      return { messageIds: rows.slice(0, maxFindHits).map((row) => row.id), truncated: rows.length > maxFindHits };
    });
  }

  /** How many messages above the current leaf `messageId` is (0 = the leaf); null when it is on another version. */
  depthInCurrentThread(conversationId: string, messageId: string): number | null {
    return guardStorage(
      this.file,
      () => this.statements.depth.get({ conversation_id: conversationId, id: messageId })?.depth ?? null,
    );
  }

  private run(plan: SearchPlan, filters: FilterParams, limit: number): SearchHit[] {
    if (plan.kind === 'substrings') {
      return this.substringSearch(plan.indexPatterns.length, plan.patterns.length)
        .all({ ...filters, limit }, ...plan.indexPatterns, ...plan.patterns)
        .map((row) => toHit(row, snippetAround(row.content, plan.terms)));
    }
    const window = this.statements.window.all({
      ...filters,
      match: plan.match,
      window: rankedWindow,
      chars: rankedChars,
    });
    const pattern = termPattern(plan.terms);
    if (window.length === 0 || pattern === null) return window.slice(0, limit).map((row) => toHit(row, []));
    const weights = this.termWeights(plan.phrases, window);
    const scores = bm25Scores(
      window.map((row) => row.content),
      pattern,
      weights,
    );
    // Best first; equal scores keep the window's order, newest first.
    const order = window.map((_, i) => i).sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
    return order.slice(0, limit).map((i) => {
      const row = window[i] as HitRow;
      let ranges = termRanges(row.content, pattern);
      // A match past the opening ranking read: the snippet is cut from the whole text.
      if (ranges.length === 0 && row.length > rankedChars) {
        row.content = this.statements.content.get(row.rowId)?.content ?? row.content;
        ranges = termRanges(row.content, pattern);
      }
      return toHit(row, snippetAt(row.content, ranges));
    });
  }

  /**
   * Each term's inverse document frequency, its count estimated from how far back its newest `frequencySample`
   * matches reach (a word in every message reaches back 64 rows, a rare one thousands). The last term is a prefix,
   * which the index would have to expand in full to count: it is taken to be at least as common as the word typed so
   * far and as the whole query (whose window is at hand).
   */
  private termWeights(phrases: readonly string[], window: readonly HitRow[]): number[] {
    const newest = this.statements.newest.get()?.rowid ?? 0;
    const estimate = (rowIds: readonly number[], full: number) => {
      const oldest = rowIds[rowIds.length - 1] ?? newest;
      return rowIds.length < full ? rowIds.length : (rowIds.length * newest) / Math.max(1, newest - oldest + 1);
    };
    const sampled = (phrase: string) =>
      estimate(
        this.statements.sample.all({ match: phrase, sample: frequencySample }).map((row) => row.rowid),
        frequencySample,
      );
    return phrases.map((phrase, i) => {
      const frequency =
        i < phrases.length - 1
          ? sampled(phrase)
          : Math.max(
              sampled(phrase.slice(0, -1)),
              estimate(
                window.map((row) => row.rowId),
                rankedWindow,
              ),
            );
      return inverseFrequency(newest, frequency);
    });
  }

  /** Newest first, stopping at `limit`: the trigram index keeps no positions to rank by (see migration 50). */
  private substringSearch(indexed: number, exact: number): Statement<unknown[], HitRow> {
    const key = `${indexed}/${exact}`;
    let statement = this.substringSearches.get(key);
    if (!statement) {
      const source = substringSource(indexed, exact);
      statement = this.db.prepare<unknown[], HitRow>(
        `SELECT ${hitColumns}, m.content AS content, length(m.content) AS length
         FROM ${source.from} CROSS JOIN conversations c ON c.id = m.conversation_id
         WHERE ${source.where} AND ${filterSql}
         ORDER BY ${source.order} DESC LIMIT @limit`,
      );
      this.substringSearches.set(key, statement);
    }
    return statement;
  }

  /** The thread is read message by message anyway, so its text is tested directly, without the trigram index. */
  private substringFind(exact: number): Statement<unknown[], { id: string }> {
    let statement = this.substringFinds.get(exact);
    if (!statement) {
      statement = this.db.prepare<unknown[], { id: string }>(
        `${threadCte}
         SELECT m.id AS id FROM up CROSS JOIN messages m ON m.id = up.id
         WHERE ${substringSource(0, exact).where}
         ORDER BY up.depth DESC LIMIT @limit`,
      );
      this.substringFinds.set(exact, statement);
    }
    return statement;
  }
}

const toHit = (row: HitRow, snippet: SearchHit['snippet']): SearchHit => ({
  messageId: row.messageId,
  conversationId: row.conversationId,
  conversationTitle: row.conversationTitle,
  role: row.role,
  model: row.model,
  createdAt: row.createdAt,
  snippet,
});
