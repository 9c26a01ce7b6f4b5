// Core: messages in the history database — a turn's rows from insert through checkpoints to finalize.

import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationSettings } from '../../../shared/conversation-settings';
import type {
  Citation,
  CostStatus,
  Message,
  MessageRole,
  MessageStatus,
  ToolCall,
  Usage,
} from '../../../shared/domain';
import { toPico } from '../../../shared/money';
import { type AppError, AppFailure } from '../../../shared/result';
import type { RepoOptions } from './conversation-repo';
import {
  type MessageRow,
  type UsageParams,
  citationsToJson,
  messageColumns,
  rowToMessage,
  toolCallsToJson,
  usageToParams,
} from './message-row';
import { guardStorage } from './storage-error';
import { ThreadRepo } from './thread-repo';
import type { Attachment } from '../../../shared/attachments';
import { SettlementRepo } from '../cost/settlement-repo';

export interface NewUserMessage {
  conversationId: string;
  content: string;
  /** The model the person asked for with this message. */
  model: string | null;
  /** The message this one follows; omitted = the conversation's current leaf. The new row becomes the leaf. */
  parentId?: string | null;
  /** Files it carries (already stored), in order, each under the name it has on this message. */
  attachments?: readonly Attachment[];
}

export interface NewAssistantMessage {
  conversationId: string;
  /** The model requested (kept as requested_model); finalize replaces `model` with the one that actually answered. */
  model: string | null;
  /** The effective settings the request goes out with; omitted = none recorded. */
  sentSettings?: ConversationSettings;
  /** The user message it answers; omitted = the conversation's current leaf. The new row becomes the leaf. */
  parentId?: string | null;
}

export interface FinalizeInput {
  status: Exclude<MessageStatus, 'streaming'>;
  content: string;
  reasoning: string | null;
  model: string | null;
  provider: string | null;
  generationId: string | null;
  finishReason: string | null;
  /** What the message shows: for a continued reply, the sum over its generations. */
  usage: Usage | null;
  error: AppError | null;
  firstTokenMs?: number | null;
  durationMs?: number | null;
  toolCalls?: ToolCall[] | null;
  /** Sources the reply cited (url_citation annotations); omitted or null = none. */
  citations?: Citation[] | null;
  /**
   * This generation's own figures, for its ledger row, when they differ from `usage` (a continued reply shows the
   * sum, but each generation is billed once). Defaults to `usage`.
   */
  spend?: Usage | null;
  /** 'pending' when OpenRouter's generation record must still say what this reply cost. */
  costStatus?: CostStatus | null;
}

interface InsertParams {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  model: string | null;
  sent_settings_json: string | null;
  now: number;
}

/** An insert before its parent is known: `parent` undefined means the conversation's current leaf. */
type NewRow = Omit<InsertParams, 'parent_id'> & { parent: string | null | undefined };

/** What finishing a reply writes: its usage as written, and these columns (typed once, by MessageRow). */
type FinalizeParams = UsageParams &
  Pick<
    MessageRow,
    | 'id'
    | 'status'
    | 'content'
    | 'reasoning'
    | 'model'
    | 'provider'
    | 'generation_id'
    | 'finish_reason'
    | 'error_code'
    | 'error_message'
    | 'first_token_ms'
    | 'duration_ms'
    | 'tool_calls_json'
    | 'citations_json'
    | 'cost_status'
  > & { now: number };

/** One spend-ledger row as written; tests read it back without `now`. */
export interface LedgerParams {
  /** null for a generation that wrote no message (a conversation's generated title). */
  message_id: string | null;
  conversation_id: string;
  generation_id: string | null;
  model: string | null;
  provider: string | null;
  cost_pico: bigint;
  is_byok: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  reasoning_tokens: number | null;
  cached_tokens: number | null;
  now: number;
}

type SettleParams = UsageParams & { id: string; now: number };

const notFound = (id: string) =>
  new AppFailure({
    code: 'not_found',
    message: `Message ${id} does not exist (its conversation may have been deleted).`,
  });

/** STRICT INTEGER columns reject fractions; a clock may hand back sub-millisecond values. */
const wholeMsOrNull = (n: number | null | undefined): number | null =>
  n !== null && n !== undefined && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;

export class MessageRepo {
  /** Reads over the same database: pages, paths and versions of the message tree. */
  readonly threads: ThreadRepo;
  /** Cost lookups still owed, on disk so a quit or crash does not lose them. */
  readonly settlements: SettlementRepo;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly file: string;
  private readonly statements: {
    list: Statement<[string], MessageRow>;
    get: Statement<[string], MessageRow>;
    insert: Statement<[InsertParams], MessageRow>;
    touchConversation: Statement<[{ id: string; leaf: string; now: number }]>;
    currentLeaf: Statement<[string], { leaf: string | null }>;
    reopen: Statement<[{ id: string; now: number }], MessageRow>;
    checkpoint: Statement<[{ id: string; content: string; reasoning: string | null; now: number }]>;
    finalize: Statement<[FinalizeParams], MessageRow>;
    ledger: Statement<[LedgerParams]>;
    settle: Statement<[SettleParams], MessageRow>;
    addSettled: Statement<[SettleParams], MessageRow>;
    fillCost: Statement<[{ id: string; cost_pico: bigint; is_byok: number | null; now: number }], MessageRow>;
    estimate: Statement<[{ id: string; estimate_pico: bigint | null; now: number }], MessageRow>;
    markPending: Statement<[{ id: string; now: number }]>;
    repair: Statement<[{ now: number }]>;
  };
  private readonly insertTurnRow: (params: NewRow) => MessageRow;
  private readonly finalizeTurn: (params: FinalizeParams, spend: UsageParams | null) => MessageRow | undefined;
  private readonly settleTurn: (
    params: UsageParams & { id: string; now: number },
    generationId: string,
  ) => MessageRow | undefined;

  constructor(
    private readonly db: Database,
    options: RepoOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.file = db.name;
    this.threads = new ThreadRepo(db);
    this.settlements = new SettlementRepo(db, this.now);
    this.statements = guardStorage(this.file, () => ({
      list: db.prepare<[string], MessageRow>(
        `SELECT ${messageColumns} FROM messages WHERE conversation_id = ? ORDER BY seq`,
      ),
      get: db.prepare<[string], MessageRow>(`SELECT ${messageColumns} FROM messages WHERE id = ?`),
      // seq is computed in the same statement so two inserts can never take the same place in a conversation.
      insert: db.prepare<InsertParams, MessageRow>(
        `INSERT INTO messages
           (id, conversation_id, parent_id, seq, role, content, status, model, requested_model, sent_settings_json,
            created_at, updated_at)
         VALUES (@id, @conversation_id, @parent_id,
                 (SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = @conversation_id),
                 @role, @content, @status, @model, CASE WHEN @role = 'assistant' THEN @model END,
                 @sent_settings_json, @now, @now)
         RETURNING ${messageColumns}`,
      ),
      // A new message is where the person is now: it becomes the end of the current thread.
      touchConversation: db.prepare<{ id: string; leaf: string; now: number }>(
        'UPDATE conversations SET updated_at = max(updated_at, @now), current_leaf_id = @leaf WHERE id = @id',
      ),
      currentLeaf: db.prepare<[string], { leaf: string | null }>(
        'SELECT current_leaf_id AS leaf FROM conversations WHERE id = ?',
      ),
      // Continue: the reply streams again; its error is cleared, its text and figures stay.
      reopen: db.prepare<{ id: string; now: number }, MessageRow>(
        `UPDATE messages SET status = 'streaming', error_code = NULL, error_message = NULL, updated_at = @now
         WHERE id = @id AND role = 'assistant' AND status <> 'streaming'
         RETURNING ${messageColumns}`,
      ),
      // Only while streaming: a checkpoint that arrives after finalize must not overwrite the final text.
      checkpoint: db.prepare<{ id: string; content: string; reasoning: string | null; now: number }>(
        `UPDATE messages SET content = @content, reasoning = @reasoning, updated_at = @now
         WHERE id = @id AND status = 'streaming'`,
      ),
      // Also only while streaming: the first outcome of a turn wins, so a late abort cannot relabel a finished reply.
      finalize: db.prepare<FinalizeParams, MessageRow>(
        `UPDATE messages SET
           status = @status, content = @content, reasoning = @reasoning, model = @model, provider = @provider,
           generation_id = @generation_id, finish_reason = @finish_reason,
           prompt_tokens = @prompt_tokens, completion_tokens = @completion_tokens, total_tokens = @total_tokens,
           reasoning_tokens = @reasoning_tokens, cached_tokens = @cached_tokens, cost_pico = @cost_pico,
           is_byok = @is_byok, usage_json = @usage_json, cost_status = @cost_status,
           error_code = @error_code, error_message = @error_message,
           first_token_ms = @first_token_ms, duration_ms = @duration_ms, tool_calls_json = @tool_calls_json,
           citations_json = coalesce(@citations_json, citations_json), updated_at = @now
         WHERE id = @id AND status = 'streaming'
         RETURNING ${messageColumns}`,
      ),
      // One row per generation of a message, so finalizing or settling twice can never count a charge twice.
      ledger: db.prepare<LedgerParams>(
        `INSERT INTO spend_ledger
           (message_id, conversation_id, generation_id, model, provider, cost_pico, is_byok,
            prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, created_at)
         VALUES (@message_id, @conversation_id, @generation_id, @model, @provider, @cost_pico, @is_byok,
                 @prompt_tokens, @completion_tokens, @reasoning_tokens, @cached_tokens, @now)
         ON CONFLICT DO NOTHING`,
      ),
      // Fills in figures OpenRouter settled later (a stopped or failed turn); never overwrites reported usage.
      settle: db.prepare<SettleParams, MessageRow>(
        `UPDATE messages SET
           prompt_tokens = @prompt_tokens, completion_tokens = @completion_tokens, total_tokens = @total_tokens,
           reasoning_tokens = @reasoning_tokens, cached_tokens = @cached_tokens, cost_pico = @cost_pico,
           is_byok = @is_byok, usage_json = @usage_json, updated_at = @now,
           cost_status = CASE WHEN @cost_pico IS NULL THEN cost_status END
         WHERE id = @id AND status <> 'streaming' AND usage_json IS NULL
         RETURNING ${messageColumns}`,
      ),
      // A continued reply already shows its earlier generations' figures: a settled later one adds to them.
      addSettled: db.prepare<SettleParams, MessageRow>(
        `UPDATE messages SET
           prompt_tokens = coalesce(prompt_tokens, 0) + coalesce(@prompt_tokens, 0),
           completion_tokens = coalesce(completion_tokens, 0) + coalesce(@completion_tokens, 0),
           total_tokens = coalesce(total_tokens, 0) + coalesce(@total_tokens, 0),
           reasoning_tokens = CASE WHEN @reasoning_tokens IS NULL THEN reasoning_tokens
                                   ELSE coalesce(reasoning_tokens, 0) + @reasoning_tokens END,
           cached_tokens = CASE WHEN @cached_tokens IS NULL THEN cached_tokens
                                ELSE coalesce(cached_tokens, 0) + @cached_tokens END,
           cost_pico = CASE WHEN @cost_pico IS NULL THEN cost_pico ELSE coalesce(cost_pico, 0) + @cost_pico END,
           is_byok = coalesce(@is_byok, is_byok),
           usage_json = json_object('generations', json_array(json(coalesce(usage_json, '{}')), json(@usage_json))),
           cost_status = CASE WHEN @cost_pico IS NULL THEN cost_status END,
           updated_at = @now
         WHERE id = @id AND status <> 'streaming'
         RETURNING ${messageColumns}`,
      ),
      // A legacy usage chunk gave the tokens but no cost: only the charge is filled in, the tokens stay as streamed.
      fillCost: db.prepare<{ id: string; cost_pico: bigint; is_byok: number | null; now: number }, MessageRow>(
        `UPDATE messages SET cost_pico = @cost_pico, is_byok = coalesce(is_byok, @is_byok), cost_status = NULL,
           updated_at = @now
         WHERE id = @id AND status <> 'streaming' AND cost_pico IS NULL
         RETURNING ${messageColumns}`,
      ),
      estimate: db.prepare<{ id: string; estimate_pico: bigint | null; now: number }, MessageRow>(
        `UPDATE messages SET cost_status = CASE WHEN @estimate_pico IS NULL THEN NULL ELSE 'estimated' END,
           estimate_pico = @estimate_pico, updated_at = @now
         WHERE id = @id AND cost_status = 'pending'
         RETURNING ${messageColumns}`,
      ),
      markPending: db.prepare<{ id: string; now: number }>(
        `UPDATE messages SET cost_status = 'pending', updated_at = @now
         WHERE id = @id AND status <> 'streaming' AND cost_pico IS NULL`,
      ),
      // Not `stopped`: the reply did not end by anyone's choice, and the person should be offered Retry.
      repair: db.prepare<{ now: number }>(
        `UPDATE messages SET status = 'interrupted', updated_at = @now WHERE status = 'streaming'`,
      ),
    }));

    this.insertTurnRow = db.transaction((input: NewRow) => {
      const { parent, ...params } = input;
      const parent_id =
        parent !== undefined ? parent : (this.statements.currentLeaf.get(params.conversation_id)?.leaf ?? null);
      const row = this.statements.insert.get({ ...params, parent_id });
      if (!row) throw new Error('INSERT … RETURNING produced no row');
      this.statements.touchConversation.run({ id: params.conversation_id, leaf: row.id, now: params.now });
      return row;
    });

    this.finalizeTurn = db.transaction((params: FinalizeParams, spend: UsageParams | null) => {
      const row = this.statements.finalize.get(params);
      if (!row) return undefined;
      if (spend && spend.cost_pico !== null) this.recordSpend(row, { ...spend, now: params.now });
      return row;
    });

    this.settleTurn = db.transaction((params: SettleParams, generationId: string) => {
      const current = this.statements.get.get(params.id);
      if (!current || current.status === 'streaming') return undefined;
      // The stream's own usage arrived without a cost (the legacy shape): the settled charge completes it.
      if (current.usage_json !== null && current.generation_id === generationId && current.cost_pico === null) {
        if (params.cost_pico === null) return undefined;
        const row = this.statements.fillCost.get({ ...params, cost_pico: params.cost_pico });
        if (!row) return undefined;
        const streamed = { ...params, prompt_tokens: row.prompt_tokens, completion_tokens: row.completion_tokens };
        this.recordSpend({ ...row, generation_id: generationId }, { ...streamed, cost_pico: params.cost_pico });
        return row;
      }
      // A reply with figures from earlier generations (a continued one) gets this generation's added, once.
      if (current.usage_json !== null && current.generation_id !== null) {
        if (params.cost_pico === null) return undefined;
        if (!this.recordSpend({ ...current, generation_id: generationId }, params)) return undefined;
        return this.statements.addSettled.get(params);
      }
      const row = this.statements.settle.get(params);
      if (row && params.cost_pico !== null) this.recordSpend({ ...row, generation_id: generationId }, params);
      return row;
    });
  }

  /** True when the row was written; false when this generation of this message was already on record. */
  private recordSpend(
    row: Pick<MessageRow, 'conversation_id' | 'generation_id' | 'model' | 'provider'> & { id: string | null },
    params: UsageParams & { now: number },
  ): boolean {
    return (
      this.statements.ledger.run({
        message_id: row.id,
        conversation_id: row.conversation_id,
        generation_id: row.generation_id,
        model: row.model,
        provider: row.provider,
        cost_pico: params.cost_pico ?? 0n,
        is_byok: params.is_byok,
        prompt_tokens: params.prompt_tokens,
        completion_tokens: params.completion_tokens,
        reasoning_tokens: params.reasoning_tokens,
        cached_tokens: params.cached_tokens,
        now: params.now,
      }).changes > 0
    );
  }

  /**
   * The charge of a reply whose message is gone (its conversation was deleted before OpenRouter settled it): the
   * ledger still records it. Also a generation that never was a message (`messageId` null: a generated title).
   * False when this generation was already on record.
   */
  recordOrphanSpend(
    owner: { messageId: string | null; conversationId: string; generationId: string; model: string | null },
    usage: Usage,
    provider: string | null,
  ): boolean {
    return guardStorage(this.file, () =>
      this.recordSpend(
        {
          id: owner.messageId,
          conversation_id: owner.conversationId,
          generation_id: owner.generationId,
          model: owner.model,
          provider,
        },
        { ...usageToParams(usage), now: this.now() },
      ),
    );
  }

  /** The reply's cost is being asked of OpenRouter: it shows "cost pending" until settled or estimated. */
  markCostPending(id: string): void {
    guardStorage(this.file, () => this.statements.markPending.run({ id, now: this.now() }));
  }

  /** OpenRouter never reported the charge: the reply shows our estimate, marked as one (or nothing, when null). */
  giveUpOnCost(id: string, estimateUsd: string | null): Message | null {
    return guardStorage(this.file, () => {
      const row = this.statements.estimate.get({ id, estimate_pico: toPico(estimateUsd), now: this.now() });
      return row ? rowToMessage(row) : null;
    });
  }

  /**
   * Adds usage that OpenRouter settled after the turn ended (a stopped reply sends no usage chunk), with its
   * ledger entry. Returns null when the message already had this generation's usage or is still streaming.
   */
  settleUsage(id: string, usage: Usage, generationId?: string): Message | null {
    return guardStorage(this.file, () => {
      const current = this.statements.get.get(id);
      const row = this.settleTurn(
        { ...usageToParams(usage), id, now: this.now() },
        generationId ?? current?.generation_id ?? '',
      );
      return row ? rowToMessage(row) : null;
    });
  }

  /** The end of the conversation's current thread; null when it has no messages (or does not exist). */
  currentLeaf(conversationId: string): string | null {
    return guardStorage(this.file, () => this.statements.currentLeaf.get(conversationId)?.leaf ?? null);
  }

  /**
   * Continue: the reply streams again and takes further text; null when it is streaming already or is not a reply.
   */
  reopen(id: string): Message | null {
    return guardStorage(this.file, () => {
      const row = this.statements.reopen.get({ id, now: this.now() });
      return row ? rowToMessage(row) : null;
    });
  }

  /** In conversation order. */
  listForConversation(conversationId: string): Message[] {
    return guardStorage(this.file, () =>
      this.statements.list.all(conversationId).map((row) => this.threads.attachments.hydrate(rowToMessage(row))),
    );
  }

  get(id: string): Message | null {
    return guardStorage(this.file, () => {
      const row = this.statements.get.get(id);
      return row ? rowToMessage(row) : null;
    });
  }

  /** Written before the request goes out, so the person's text survives whatever happens next. */
  insertUser(input: NewUserMessage): Message {
    const { attachments = [], ...fields } = input;
    if (attachments.length === 0)
      return this.insertRow({ ...fields, role: 'user', content: fields.content, status: 'complete' });
    // The message and its files are one write: never a question without the files it was sent with.
    return guardStorage(this.file, () =>
      this.db.transaction(() => {
        const message = this.insertRow({ ...fields, role: 'user', content: fields.content, status: 'complete' });
        this.threads.attachments.link(message.id, attachments, this.now());
        return { ...message, attachments: [...attachments] };
      })(),
    );
  }

  /** Created when the stream starts, empty and `streaming`; checkpoints fill it in. */
  createAssistant(input: NewAssistantMessage): Message {
    const { sentSettings, ...rest } = input;
    return this.insertRow({
      ...rest,
      role: 'assistant',
      content: '',
      status: 'streaming',
      sentSettingsJson: sentSettings ? JSON.stringify(sentSettings) : null,
    });
  }

  /** Saves partial text of a streaming reply; returns false when the message is no longer streaming. */
  checkpoint(id: string, content: string, reasoning: string | null): boolean {
    return guardStorage(
      this.file,
      () => this.statements.checkpoint.run({ id, content, reasoning, now: this.now() }).changes > 0,
    );
  }

  /**
   * Records how a turn ended, and its cost in the spend ledger in the same transaction. A message that is no
   * longer streaming is returned unchanged (the first outcome wins); an unknown id is `not_found`.
   */
  finalize(id: string, input: FinalizeInput): Message {
    return guardStorage(this.file, () => {
      const params: FinalizeParams = {
        ...usageToParams(input.usage),
        cost_status: input.costStatus ?? null,
        id,
        status: input.status,
        content: input.content,
        reasoning: input.reasoning,
        model: input.model,
        provider: input.provider,
        generation_id: input.generationId,
        finish_reason: input.finishReason,
        error_code: input.error?.code ?? null,
        error_message: input.error?.message ?? null,
        first_token_ms: wholeMsOrNull(input.firstTokenMs),
        duration_ms: wholeMsOrNull(input.durationMs),
        tool_calls_json: toolCallsToJson(input.toolCalls ?? null),
        citations_json: citationsToJson(input.citations ?? null),
        now: this.now(),
      };
      const spend = input.spend === undefined ? input.usage : input.spend;
      const row = this.finalizeTurn(params, spend ? usageToParams(spend) : null) ?? this.statements.get.get(id);
      if (!row) throw notFound(id);
      return rowToMessage(row);
    });
  }

  /** Run once at startup: replies a crash left `streaming` become `interrupted`, keeping their last checkpoint. */
  repairInterrupted(): number {
    return guardStorage(this.file, () => this.statements.repair.run({ now: this.now() }).changes);
  }

  private insertRow(input: {
    conversationId: string;
    parentId?: string | null;
    role: MessageRole;
    content: string;
    status: MessageStatus;
    model: string | null;
    sentSettingsJson?: string | null;
  }): Message {
    return guardStorage(this.file, () =>
      rowToMessage(
        this.insertTurnRow({
          id: this.newId(),
          conversation_id: input.conversationId,
          parent: input.parentId,
          role: input.role,
          content: input.content,
          status: input.status,
          model: input.model,
          sent_settings_json: input.sentSettingsJson ?? null,
          now: this.now(),
        }),
      ),
    );
  }
}
