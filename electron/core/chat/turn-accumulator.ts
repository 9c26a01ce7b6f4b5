// Core: what one streamed reply has said so far, and which of it the renderer needs to hear.

import type { ChatStreamEvent, Citation, Message, ToolCall, Usage } from '../../../shared/domain';
import { ToolCallCollector } from '../openrouter/tool-calls';
import type { UpstreamEvent } from '../openrouter/types';

export class TurnAccumulator {
  content: string;
  private reasoning: string;
  private readonly toolCallsSoFar: ToolCall[];
  private readonly toolCalls = new ToolCallCollector();
  /** Sources cited, in the order they first came; a URL cited again is kept once. */
  private readonly citations: Citation[];
  /** Pictures the model sent, in order (data URLs as sent; untrusted until the store has checked them). */
  readonly imageUrls: string[] = [];
  provider: string | null;
  generationId: string | null = null;
  /** This generation's finish reason; a continued reply takes the new one. */
  finishReason: string | null = null;
  /** This generation's usage only; a continued reply adds it to what it had. */
  usage: Usage | null = null;
  /** True once the model produced anything (text, reasoning or a tool call): no automatic retry after that. */
  heard = false;
  dirty = false;

  /** `continued` is the reply as it was before Continue: its text, reasoning and tool calls carry on. */
  constructor(
    public model: string,
    continued: Message | null = null,
  ) {
    this.content = continued?.content ?? '';
    this.reasoning = continued?.reasoning ?? '';
    this.toolCallsSoFar = continued?.toolCalls ?? [];
    this.provider = continued?.provider ?? null;
    this.citations = [...(continued?.citations ?? [])];
  }

  citationsOrNull(): Citation[] | null {
    return this.citations.length > 0 ? this.citations : null;
  }

  reasoningOrNull(): string | null {
    return this.reasoning.length > 0 ? this.reasoning : null;
  }

  toolCallsOrNull(): ToolCall[] | null {
    const all = [...this.toolCallsSoFar, ...(this.toolCalls.list() ?? [])];
    return all.length > 0 ? all : null;
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
        this.heard = this.dirty = true;
        return { type: 'delta', text: event.text };
      case 'reasoning':
        this.reasoning += event.text;
        this.heard = this.dirty = true;
        return { type: 'reasoning', text: event.text };
      case 'tool-call':
        // Shown once the reply is done (the message carries them); nothing streams to the page meanwhile.
        this.toolCalls.add(event);
        this.heard = true;
        return null;
      case 'images':
        // Stored with the reply when it ends (chat-service.ts); a picture is an answer, so the turn was heard.
        this.imageUrls.push(...event.urls);
        this.heard = true;
        return null;
      case 'citations':
        for (const citation of event.citations) {
          if (!this.citations.some((known) => known.url === citation.url)) this.citations.push(citation);
        }
        return null;
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
