// Core: one chat turn — persist the question, stream the answer, checkpoint it, finalize it; never one write per token.

import type { ChatStreamEvent, Message, Usage } from '../../shared/domain';
import type { AppError } from '../../shared/result';
import { AppFailure } from '../../shared/result';
import type { ChatSendInput } from '../../shared/schemas';
import { deriveTitle } from '../../shared/title';
import type { ConversationRepo } from './db/conversation-repo';
import type { FinalizeInput, MessageRepo } from './db/message-repo';
import { toStorageError } from './db/storage-error';
import type { Result } from '../../shared/result';
import type { ChatRequest, GenerationStats, UpstreamEvent } from './openrouter/types';

export interface ChatStreamer {
  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<UpstreamEvent>;
  /** OpenRouter's settled accounting for a generation; used when a stream ended before its usage chunk. */
  getGeneration(id: string): Promise<Result<GenerationStats>>;
}

export interface ChatServiceOptions {
  /** Longest a streamed answer goes unsaved; a crash loses at most this much text. */
  checkpointIntervalMs?: number;
  /** How often a reply whose final save failed (a full disk) is saved again; every send and write also retries. */
  retrySaveIntervalMs?: number;
  now?: () => number;
}

/** A finished reply the database refused (a full disk): kept in memory until a save succeeds. */
interface UnsavedReply {
  input: FinalizeInput;
  /** A stopped or failed reply still needs its cost looked up once it is saved. */
  settle: boolean;
}

type Outcome = { status: 'complete' | 'stopped' | 'error'; error: AppError | null };

/** The conversation so far, as OpenRouter expects it: failed, empty answers are left out. */
function toUpstreamMessages(history: Message[]): ChatRequest['messages'] {
  return history
    .filter((m) => m.role === 'user' || m.content.length > 0)
    .map((m) => ({ role: m.role, content: m.content }));
}

/** Usage in the shape a streamed reply reports it, from the generation record. */
function usageFromGeneration(stats: GenerationStats): Usage {
  const prompt = stats.promptTokens ?? 0;
  const completion = stats.completionTokens ?? 0;
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: prompt + completion,
    reasoningTokens: stats.reasoningTokens,
    cachedTokens: stats.cachedTokens,
    costUsd: stats.totalCostUsd,
    isByok: stats.isByok,
    raw: { source: 'generation', ...stats },
  };
}

export class ChatService {
  private readonly checkpointIntervalMs: number;
  private readonly now: () => number;
  private readonly retrySaveIntervalMs: number;
  private readonly settlements = new Set<Promise<void>>();
  private readonly activeTurns = new Set<Promise<void>>();
  private readonly unsaved = new Map<string, UnsavedReply>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly conversations: ConversationRepo,
    private readonly messages: MessageRepo,
    private readonly streamer: ChatStreamer,
    options: ChatServiceOptions = {},
  ) {
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 500;
    this.retrySaveIntervalMs = options.retrySaveIntervalMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** One chat turn; shutdown waits for it (see `settled`) so an aborted reply is saved before the database closes. */
  send(input: ChatSendInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    return this.tracked(this.runSend(input, signal));
  }

  private async *tracked(turn: AsyncGenerator<ChatStreamEvent>): AsyncGenerator<ChatStreamEvent> {
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    this.activeTurns.add(finished);
    try {
      yield* turn;
    } finally {
      this.activeTurns.delete(finished);
      finish();
    }
  }

  private async *runSend(input: ChatSendInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    // A new turn is the next write: replies waiting for disk space go first, in the order they finished.
    this.saveUnsavedReplies();
    let conversation;
    try {
      conversation = input.conversationId
        ? this.conversations.get(input.conversationId)
        : this.conversations.create({ title: deriveTitle(input.text), model: input.model });
    } catch (error) {
      yield { type: 'error', error: toAppError(error), message: null };
      return;
    }
    if (!conversation) {
      yield {
        type: 'error',
        error: { code: 'not_found', message: 'That conversation no longer exists.' },
        message: null,
      };
      return;
    }

    let userMessage: Message;
    let assistant: Message;
    let history: Message[];
    try {
      if (conversation.model !== input.model) conversation = this.conversations.setModel(conversation.id, input.model);
      userMessage = this.messages.insertUser({
        conversationId: conversation.id,
        content: input.text,
        model: input.model,
      });
      history = this.messages.listForConversation(conversation.id);
      assistant = this.messages.createAssistant({ conversationId: conversation.id, model: input.model });
      // The inserts moved the conversation to the top of the list; send the renderer its fresh row.
      conversation = this.conversations.get(conversation.id) ?? conversation;
    } catch (error) {
      yield { type: 'error', error: toAppError(error), message: null };
      return;
    }
    yield { type: 'started', conversation, userMessage, assistantMessage: assistant };

    const turn = new TurnAccumulator(input.model);
    let lastCheckpoint = this.now();
    let warned = false;
    let outcome: Outcome | null = null;
    try {
      for await (const event of this.streamer.streamChat(
        { model: input.model, messages: toUpstreamMessages(history) },
        signal,
      )) {
        const forward = turn.apply(event);
        if (forward) yield forward;
        if (event.type === 'done') outcome = { status: 'complete', error: null };
        if (event.type === 'error') {
          outcome =
            event.error.code === 'aborted'
              ? { status: 'stopped', error: null }
              : { status: 'error', error: event.error };
        }
        if (turn.dirty && this.now() - lastCheckpoint >= this.checkpointIntervalMs) {
          // A failed checkpoint must not end the reply: the text is in memory, and the final save retries.
          try {
            this.messages.checkpoint(assistant.id, turn.content, turn.reasoningOrNull());
            turn.dirty = false;
          } catch (error) {
            if (!warned) yield { type: 'storage-warning', error: toStorageError(error).error };
            warned = true;
          }
          lastCheckpoint = this.now();
        }
      }
    } catch (error) {
      outcome = { status: 'error', error: toAppError(error) };
    } finally {
      // Reached on completion, on error, and when the consumer stops listening (a closed socket or port).
      outcome ??= { status: 'stopped', error: null };
      // Everything that must happen runs before the first yield: a consumer that has gone never resumes us.
      const final = this.finalize(assistant, turn, outcome);
      if (final.unsavedError) yield { type: 'storage-warning', error: final.unsavedError };
      if (outcome.status === 'error' && outcome.error) {
        yield { type: 'error', error: outcome.error, message: final.message };
      } else {
        yield { type: 'done', message: final.message };
      }
    }
  }

  /**
   * Saves replies whose final save failed; returns how many are still unsaved. Runs on a timer, before every turn
   * and before other history writes, and once more at shutdown.
   */
  saveUnsavedReplies(): number {
    for (const [id, reply] of this.unsaved) {
      try {
        const saved = this.messages.finalize(id, reply.input);
        this.unsaved.delete(id);
        if (reply.settle && !saved.usage && saved.generationId) this.settleLater(saved.id, saved.generationId);
      } catch (error) {
        // Still no room: the rest would fail the same way. Anything else (the conversation was deleted) is final.
        if (toStorageError(error).error.code === 'storage_error') break;
        this.unsaved.delete(id);
      }
    }
    this.scheduleRetry();
    return this.unsaved.size;
  }

  /** Stops the retry timer; the core calls `saveUnsavedReplies` one last time first. */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleRetry(): void {
    if (this.unsaved.size === 0 || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.saveUnsavedReplies();
    }, this.retrySaveIntervalMs);
    // The web host and Electron stay up on their own; the timer alone must not keep a test or shutdown waiting.
    this.retryTimer.unref?.();
  }

  /**
   * Resolves once every turn in flight has saved its reply and every background cost lookup has finished; tests and
   * shutdown wait on it (shutdown aborts the turns first, so they end promptly as stopped).
   */
  async settled(): Promise<void> {
    // A finishing turn can start a cost lookup, so look again until both sets are empty.
    while (this.activeTurns.size > 0 || this.settlements.size > 0) {
      await Promise.all([...this.activeTurns, ...this.settlements]);
    }
  }

  private settleLater(messageId: string, generationId: string): void {
    const settlement = this.streamer
      .getGeneration(generationId)
      .then((stats) => {
        if (stats.ok) this.messages.settleUsage(messageId, usageFromGeneration(stats.value));
      })
      // Best effort: the reply is already saved; a missing figure is better than a failed shutdown.
      .catch(() => undefined)
      .finally(() => this.settlements.delete(settlement));
    this.settlements.add(settlement);
  }

  /** The saved message, or — when the database refuses it — the same message from memory, kept for a retry. */
  private finalize(
    assistant: Message,
    turn: TurnAccumulator,
    outcome: Outcome,
  ): { message: Message; unsavedError: AppError | null } {
    const input: FinalizeInput = {
      status: outcome.status,
      content: turn.content,
      reasoning: turn.reasoningOrNull(),
      model: turn.model,
      provider: turn.provider,
      generationId: turn.generationId,
      finishReason: turn.finishReason,
      usage: turn.usage,
      error: outcome.error,
    };
    // A stopped or failed stream sends no usage chunk, but OpenRouter may still have billed it (§3.9).
    const settle = outcome.status !== 'complete';
    try {
      const saved = this.messages.finalize(assistant.id, input);
      if (settle && !saved.usage && saved.generationId) this.settleLater(saved.id, saved.generationId);
      return { message: saved, unsavedError: null };
    } catch (error) {
      const failure = toStorageError(error).error;
      const inMemory: Message = { ...assistant, ...input };
      // not_found: the conversation was deleted meanwhile; there is nothing left to save it into.
      if (failure.code !== 'storage_error') return { message: inMemory, unsavedError: null };
      this.unsaved.set(assistant.id, { input, settle });
      this.scheduleRetry();
      return { message: inMemory, unsavedError: failure };
    }
  }
}

/** Collects what the stream said about the answer, and decides which events the renderer needs. */
class TurnAccumulator {
  content = '';
  private reasoning = '';
  provider: string | null = null;
  generationId: string | null = null;
  finishReason: string | null = null;
  usage: Usage | null = null;
  dirty = false;

  constructor(public model: string) {}

  reasoningOrNull(): string | null {
    return this.reasoning.length > 0 ? this.reasoning : null;
  }

  apply(event: UpstreamEvent): ChatStreamEvent | null {
    switch (event.type) {
      case 'started':
        this.model = event.model ?? this.model;
        this.provider = event.provider ?? this.provider;
        this.generationId = event.generationId ?? this.generationId;
        return null;
      case 'delta':
        this.content += event.text;
        this.dirty = true;
        return { type: 'delta', text: event.text };
      case 'reasoning':
        this.reasoning += event.text;
        this.dirty = true;
        return { type: 'reasoning', text: event.text };
      case 'usage':
        this.usage = event.usage;
        return { type: 'usage', usage: event.usage };
      case 'finish':
        this.finishReason ??= event.finishReason;
        return null;
      case 'done':
      case 'error':
        this.generationId ??= event.generationId;
        return null;
      default:
        return null;
    }
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.error;
  return { code: 'internal', message: 'Something went wrong while handling this message; what was received is kept.' };
}
