// Core: full-text search over history. Ranking is bounded: only the newest few hundred matches are scored, so a common
// word costs the same as a rare one, and what is found is recent as well as relevant.

import type { Database, Statement } from 'better-sqlite3';
import type { MessageRole } from '../../../shared/domain';
import type { FindResults, SearchHit, SearchResults } from '../../../shared/library';
import { type SearchPlan, maxQueryChars, planSearch, queryTerms } from './fts-query';
import { matchEnd, matchStart, parseMarkedSnippet, snippetAround } from './snippet';
import { guardStorage } from './storage-error';

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
export const rankedWindow = 500;
const defaultLimit = 50;
const maxLimit = 200;
/** Find stops counting here: a conversation with more matches than this is searched with more words. */
const maxFindHits = 5_000;

interface HitRow {
  messageId: string;
  conversationId: string;
  conversationTitle: string;
  role: MessageRole;
  model: string | null;
  createdAt: number;
  /** snippet() output (the word index), or the whole text to cut a snippet from (the substring search). */
  marked: string | null;
  content: string | null;
}

interface FilterParams {
  model: string | null;
  since: number;
  until: number;
}

const filterSql = `c.deleted_at IS NULL AND (@model IS NULL OR m.model = @model)
  AND m.created_at >= @since AND m.created_at < @until`;

const hitColumns = `m.id AS messageId, m.conversation_id AS conversationId, c.title AS conversationTitle,
  m.role AS role, m.model AS model, m.created_at AS createdAt`;

/** The current thread of a conversation, from its leaf up, with each message's distance from the leaf. */
const threadCte = `WITH RECURSIVE up (id, depth) AS (
    SELECT current_leaf_id, 0 FROM conversations WHERE id = @conversation_id AND deleted_at IS NULL
    UNION ALL
    SELECT m.parent_id, up.depth + 1 FROM up CROSS JOIN messages m ON m.id = up.id WHERE m.parent_id IS NOT NULL
  )`;

/**
 * `count` LIKE tests on the trigram index's text (that is, the message's). The index answers them for runs of three
 * characters or more; streaming rows are not in it, and the status test keeps them out when SQLite scans instead.
 */
const substringClauses = (count: number) =>
  Array.from({ length: count }, () => `t.content LIKE ? ESCAPE '\\'`).join(' AND ') + ` AND m.status <> 'streaming'`;

export class SearchRepo {
  private readonly file: string;
  private readonly db: Database;
  private readonly statements: {
    floor: Statement<[FilterParams & { match: string; offset: number }], { rowid: number }>;
    ranked: Statement<[FilterParams & { match: string; floor: number; limit: number }], HitRow>;
    find: Statement<[{ match: string; conversation_id: string; limit: number }], { id: string }>;
    depth: Statement<[{ conversation_id: string; id: string }], { depth: number }>;
  };
  /** Substring searches, prepared per number of terms as they are first needed. */
  private readonly substringSearches = new Map<number, Statement<unknown[], HitRow>>();
  private readonly substringFinds = new Map<number, Statement<unknown[], { id: string }>>();

  constructor(db: Database) {
    this.db = db;
    this.file = db.name;
    const from = `messages_fts f CROSS JOIN messages m ON m.row_id = f.rowid
      CROSS JOIN conversations c ON c.id = m.conversation_id`;
    this.statements = guardStorage(this.file, () => ({
      // The row id of the window's oldest match: walking the index newest first stops after the window.
      floor: db.prepare<[FilterParams & { match: string; offset: number }], { rowid: number }>(
        `SELECT f.rowid AS rowid FROM ${from}
         WHERE messages_fts MATCH @match AND ${filterSql}
         ORDER BY f.rowid DESC LIMIT 1 OFFSET @offset`,
      ),
      // bm25 over the window only; the row id bound is a range the index applies itself.
      ranked: db.prepare<[FilterParams & { match: string; floor: number; limit: number }], HitRow>(
        `SELECT ${hitColumns},
                snippet(messages_fts, 0, '${matchStart}', '${matchEnd}', '…', 18) AS marked, NULL AS content
         FROM ${from}
         WHERE messages_fts MATCH @match AND f.rowid >= @floor AND ${filterSql}
         ORDER BY bm25(messages_fts), f.rowid DESC
         LIMIT @limit`,
      ),
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
      return this.substringSearch(plan.patterns.length)
        .all({ ...filters, limit }, ...plan.patterns)
        .map((row) => toHit(row, snippetAround(row.content ?? '', plan.terms)));
    }
    const floor = this.statements.floor.get({ ...filters, match: plan.match, offset: rankedWindow - 1 })?.rowid ?? 0;
    return this.statements.ranked
      .all({ ...filters, match: plan.match, floor, limit })
      .map((row) => toHit(row, parseMarkedSnippet(row.marked ?? '')));
  }

  /** Newest first, stopping at `limit`: the trigram index keeps no positions to rank by (see migration 50). */
  private substringSearch(terms: number): Statement<unknown[], HitRow> {
    let statement = this.substringSearches.get(terms);
    if (!statement) {
      statement = this.db.prepare<unknown[], HitRow>(
        `SELECT ${hitColumns}, NULL AS marked, m.content AS content
         FROM messages_trigram t CROSS JOIN messages m ON m.row_id = t.rowid
           CROSS JOIN conversations c ON c.id = m.conversation_id
         WHERE ${substringClauses(terms)} AND ${filterSql}
         ORDER BY t.rowid DESC LIMIT @limit`,
      );
      this.substringSearches.set(terms, statement);
    }
    return statement;
  }

  private substringFind(terms: number): Statement<unknown[], { id: string }> {
    let statement = this.substringFinds.get(terms);
    if (!statement) {
      statement = this.db.prepare<unknown[], { id: string }>(
        `${threadCte}
         SELECT m.id AS id FROM up CROSS JOIN messages m ON m.id = up.id
           CROSS JOIN messages_trigram t ON t.rowid = m.row_id
         WHERE ${substringClauses(terms)}
         ORDER BY up.depth DESC LIMIT @limit`,
      );
      this.substringFinds.set(terms, statement);
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
