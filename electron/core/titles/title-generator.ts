// Core: an optional short title for a new conversation, written by a cheap model once its first reply is complete
// (Settings › History, off by default because each title is a paid request). The derived title (shared/title.ts)
// stays unless the model answers usefully and the person has not renamed the conversation meanwhile. The request is
// billed like any other generation, so its cost goes to the spend ledger (with no message: it is never shown as one);
// every failure is silent apart from the derived title staying.

import type { Message, Usage } from '../../../shared/domain';
import { deriveTitle } from '../../../shared/title';
import { usageFromGeneration } from '../cost/cost-settler';
import { defaultConversationTitle } from '../../../shared/title';
import type { Logger } from '../logger';
import type { ChatRequest, GenerationStats, UpstreamEvent } from '../openrouter/types';
import type { Result } from '../../../shared/result';

/**
 * OpenAI's GPT-4.1 Nano: among the cheapest paid models ($0.10 / $0.40 per million tokens, so a title costs about
 * $0.0001), fast, and not a reasoning model (those spend hidden tokens first and can come back empty under a small
 * max_tokens). Not a `:free` variant: those are rate-limited to a few dozen requests a day without credit, and some
 * of their providers may keep prompts.
 */
export const defaultTitleModel = 'openai/gpt-4.1-nano';

/** A title is a few words; the cap also bounds what a misbehaving model can charge. */
const titleMaxTokens = 32;
/** How much of the question and the reply the model reads: enough to tell what it is about, cheap to send. */
const excerptChars = 1_500;
const maxGeneratedLength = 80;

export const titlePrompt =
  'You name chat conversations. Reply with a title of at most six words for the conversation below, in the ' +
  'language it is written in. Reply with the title alone: no quotes, no "Title:", no full stop at the end.';

export interface TitleGeneratorDeps {
  streamer: {
    streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<UpstreamEvent>;
    getGeneration(id: string): Promise<Result<GenerationStats>>;
  };
  /** Whether the person turned generated titles on (read at each reply, so turning it off takes effect at once). */
  enabled(): boolean;
  /** A message of the conversation, or null. */
  findMessage(conversationId: string, id: string): Message | null;
  /** The conversation's title now, or null when it is gone (deleted meanwhile). */
  currentTitle(conversationId: string): string | null;
  /** Renames and tells every window (the library's own rename). */
  rename(conversationId: string, title: string): void;
  /** Writes the request's charge to the spend ledger, with no message. */
  recordSpend(
    owner: { messageId: null; conversationId: string; generationId: string; model: string | null },
    usage: Usage,
    provider: string | null,
  ): void;
  logger: Logger;
  model?: string;
}

const excerpt = (text: string) => {
  const chars = Array.from(text.trim());
  return chars.length <= excerptChars ? chars.join('') : `${chars.slice(0, excerptChars).join('')}…`;
};

/** Model output is untrusted and often decorated: the first line, without a label, quotes, markup or a full stop. */
export function cleanTitle(raw: string): string | null {
  const line =
    raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  let title = line
    .replace(/\p{Cc}/gu, ' ')
    .replace(/^#+\s*/, '')
    .replace(/^(?:\*\*)?title(?:\*\*)?\s*[:：-]\s*/i, '')
    .replace(/^[\s"'“”‘’«»*_`]+|[\s"'“”‘’«»*_`]+$/g, '')
    .replace(/[.。]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (title.length === 0) return null;
  const chars = Array.from(title);
  if (chars.length > maxGeneratedLength) title = `${chars.slice(0, maxGeneratedLength - 1).join('')}…`;
  return title;
}

export class TitleGenerator {
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();
  private readonly model: string;

  constructor(private readonly deps: TitleGeneratorDeps) {
    this.model = deps.model ?? defaultTitleModel;
  }

  /**
   * Called when a reply finished. Starts a title request (in the background) when this is the conversation's first
   * reply, complete, with the setting on and the title still the one derived from the question.
   */
  afterReply(conversationId: string, reply: Message): void {
    if (this.controller.signal.aborted || reply.role !== 'assistant' || reply.status !== 'complete') return;
    if (reply.content.trim() === '' || reply.parentId === null) return;
    try {
      if (!this.deps.enabled()) return;
      const question = this.deps.findMessage(conversationId, reply.parentId);
      // Only the first exchange: a question with nothing above it.
      if (!question || question.role !== 'user' || question.parentId !== null) return;
      if (!this.untouched(conversationId, question)) return;
      const job = this.generate(conversationId, question, reply)
        .catch((error: unknown) => this.deps.logger.warn(`a generated title failed: ${String(error)}`))
        .finally(() => this.running.delete(job));
      this.running.add(job);
    } catch (error) {
      // The history could not be read (a full or damaged disk): the derived title stays.
      this.deps.logger.warn(`a generated title was not started: ${String(error)}`);
    }
  }

  /** Resolves once no title request is running (shutdown and tests wait on it). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Stops every title request: nothing is renamed after this. */
  close(): void {
    this.controller.abort();
  }

  /** The title is still the one Switchboard gave it: the person has not renamed it. */
  private untouched(conversationId: string, question: Message): boolean {
    const title = this.deps.currentTitle(conversationId);
    return title !== null && (title === deriveTitle(question.content) || title === defaultConversationTitle);
  }

  private async generate(conversationId: string, question: Message, reply: Message): Promise<void> {
    const request: ChatRequest = {
      model: this.model,
      maxTokens: titleMaxTokens,
      messages: [
        { role: 'system', content: titlePrompt },
        {
          role: 'user',
          content: `<question>\n${excerpt(question.content)}\n</question>\n<answer>\n${excerpt(reply.content)}\n</answer>`,
        },
      ],
    };
    let text = '';
    let generationId: string | null = null;
    let provider: string | null = null;
    let usage: Usage | null = null;
    let completed = false;
    for await (const event of this.deps.streamer.streamChat(request, this.controller.signal)) {
      if (event.type === 'started') {
        generationId = event.generationId;
        provider = event.provider;
      } else if (event.type === 'delta') text += event.text;
      else if (event.type === 'usage') usage = event.usage;
      else if (event.type === 'done') {
        generationId ??= event.generationId;
        completed = true;
      } else if (event.type === 'error') generationId ??= event.generationId;
    }
    await this.bill(conversationId, generationId, usage, provider);
    const title = completed ? cleanTitle(text) : null;
    if (title === null || this.controller.signal.aborted) return;
    // Checked again at the moment of writing: a rename while the model was answering wins.
    if (!this.untouched(conversationId, question)) return;
    this.deps.rename(conversationId, title);
  }

  /** The charge goes to the ledger like any reply's: from the stream, or from OpenRouter's record when it had none. */
  private async bill(
    conversationId: string,
    generationId: string | null,
    usage: Usage | null,
    provider: string | null,
  ): Promise<void> {
    if (generationId === null) return; // never reached a model: nothing was billed
    let charged = usage;
    // Quitting cuts the lookup short: the history is closing (see README, "Not done yet").
    if ((charged === null || charged.costUsd === null) && !this.controller.signal.aborted) {
      const stats = await this.deps.streamer.getGeneration(generationId);
      if (stats.ok) {
        charged = usageFromGeneration(stats.value);
        provider = stats.value.provider ?? provider;
      }
    }
    if (charged === null || charged.costUsd === null) return;
    this.deps.recordSpend({ messageId: null, conversationId, generationId, model: this.model }, charged, provider);
  }
}
