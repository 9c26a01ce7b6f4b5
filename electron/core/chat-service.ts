// Core: one chat turn — persist the question, stream the answer, checkpoint it, finalize it; never one write per token.

import type { ChatStreamEvent, Message, Usage } from '../../shared/domain';
import type { AppError } from '../../shared/result';
import { AppFailure } from '../../shared/result';
import type { ChatSendInput } from '../../shared/schemas';
import { deriveTitle } from '../../shared/title';
import type { ConversationRepo } from './db/conversation-repo';
import type { MessageRepo } from './db/message-repo';
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
  now?: () => number;
}

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
  private readonly settlements = new Set<Promise<void>>();

  constructor(
    private readonly conversations: ConversationRepo,
    private readonly messages: MessageRepo,
    private readonly streamer: ChatStreamer,
    options: ChatServiceOptions = {},
  ) {
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 500;
    this.now = options.now ?? Date.now;
  }

  async *send(input: ChatSendInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
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
    let outcome: { status: 'complete' | 'stopped' | 'error'; error: AppError | null } | null = null;
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
          this.messages.checkpoint(assistant.id, turn.content, turn.reasoningOrNull());
          turn.dirty = false;
          lastCheckpoint = this.now();
        }
      }
    } catch (error) {
      outcome = { status: 'error', error: toAppError(error) };
    } finally {
      // Reached on completion, on error, and when the consumer stops listening (a closed socket or port).
      outcome ??= { status: 'stopped', error: null };
      const finalMessage = this.finalize(assistant.id, turn, outcome);
      // A stopped or failed stream sends no usage chunk, but OpenRouter may still have billed it (§3.9).
      if (finalMessage && !finalMessage.usage && finalMessage.generationId && outcome.status !== 'complete') {
        this.settleLater(finalMessage.id, finalMessage.generationId);
      }
      if (finalMessage) {
        if (outcome.status === 'error' && outcome.error) {
          yield { type: 'error', error: outcome.error, message: finalMessage };
        } else {
          yield { type: 'done', message: finalMessage };
        }
      }
    }
  }

  /** Resolves once every background cost lookup has finished; tests and shutdown wait on it. */
  async settled(): Promise<void> {
    await Promise.all([...this.settlements]);
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

  private finalize(
    id: string,
    turn: TurnAccumulator,
    outcome: { status: 'complete' | 'stopped' | 'error'; error: AppError | null },
  ): Message | null {
    try {
      return this.messages.finalize(id, {
        status: outcome.status,
        content: turn.content,
        reasoning: turn.reasoningOrNull(),
        model: turn.model,
        provider: turn.provider,
        generationId: turn.generationId,
        finishReason: turn.finishReason,
        usage: turn.usage,
        error: outcome.error,
      });
    } catch {
      // The streamed text is still in the last checkpoint; startup repair marks the row stopped.
      return null;
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
