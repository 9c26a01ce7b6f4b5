// Core: one chat turn — persist the question, stream the answer, checkpoint it, finalize it; never one write per token.
// A turn is planned first (send, regenerate, edit or continue decide where it sits in the message tree), then run
// the same way: retried automatically before the first token, timed, and finalized with its status.

import { type ConversationSettings, effectiveSettings } from '../../shared/conversation-settings';
import type { ChatStreamEvent, Conversation, Message, ModelSummary } from '../../shared/domain';
import type { AppError } from '../../shared/result';
import { AppFailure, appErrorOf } from '../../shared/result';
import type { ChatContinueInput, ChatEditInput, ChatRegenerateInput, ChatSendInput } from '../../shared/schemas';
import { deriveTitle } from '../../shared/title';
import { defaultRetryDelaysMs, isRetryableBeforeFirstToken, retryDelayMs, sleep } from './chat/auto-retry';
import { automaticMaxTokens, type OutputBudget } from './chat/output-budget';
import { buildRequest, outputCapWith } from './chat/request-settings';
import { routingRefusal } from './chat/routing-refusal';
import { TurnAccumulator } from './chat/turn-accumulator';
import { toUpstreamMessages } from './chat/upstream-history';
import { addUsage } from './chat/usage-sum';
import { CostSettler } from './cost/cost-settler';
import type { ConversationRepo } from './db/conversation-repo';
import type { FinalizeInput, MessageRepo } from './db/message-repo';
import { toStorageError } from './db/storage-error';
import type { ThreadRepo } from './db/thread-repo';
import type { Result } from '../../shared/result';
import type { ChatRequest, ContentPart, GenerationStats, UpstreamEvent } from './openrouter/types';
import type { Attachment, PdfEngine } from '../../shared/attachments';
import { attachmentErrors } from './attachments/attachment-errors';
import { type AttachmentBytes, refuseUnacceptedFiles, userContent, withPdfEngine } from './chat/attachment-parts';

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
  /** The clock for checkpoints and for a reply's timing (first token, duration), in milliseconds. */
  now?: () => number;
  /** max_tokens for a turn; without it, the conversation's own setting or the fallback cap. */
  outputBudget?: OutputBudget;
  /** Waits before automatic retries (before the first token only); the length is how many retries there are. */
  retryDelaysMs?: readonly number[];
  /** Injected so tests need not wait for real; resolves false when the turn was cancelled meanwhile. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<boolean>;
  /** Fills in costs a stream did not carry; by default asks the streamer, with no catalogue for estimates. */
  settler?: CostSettler;
  /** The defaults for new conversations' settings, under each conversation's own; none by default. */
  conversationDefaults?: () => ConversationSettings;
  /** The model's catalogue entry, for which settings it honours; unknown (null) by default: settings sent as set. */
  modelInfo?: (id: string) => Promise<ModelSummary | null>;
  /** Stored attachments (by id) and their bytes for a request; none by default. */
  files?: ChatFiles;
}

/** What a turn needs of the attachment store. */
export interface ChatFiles extends AttachmentBytes {
  find(id: string): Attachment | null;
  /**
   * Waits until the files' copies a request sends exist (an image's downscaled copy is made after attaching);
   * throws an AppFailure naming the file when one cannot be made (an image that fails to decode in full).
   */
  prepare(attachments: readonly Attachment[]): Promise<void>;
  /** Stores a picture a model sent; null when it is refused (not an image, too large, damaged). */
  addGenerated(name: string, bytes: Uint8Array): Promise<Attachment | null>;
}

/** A finished reply the database refused (a full disk): kept in memory until a save succeeds. */
interface UnsavedReply {
  input: FinalizeInput;
  /** A generation whose stream carried no cost still needs it looked up once the reply is saved. */
  settleGeneration: string | null;
  conversationId: string;
}

type Outcome = { status: 'complete' | 'stopped' | 'error'; error: AppError | null };

/** Where a turn sits in the tree and what goes upstream; everything is written before the request. */
interface TurnPlan {
  conversation: Conversation;
  userMessage: Message;
  /** The streaming row: new, or reopened by Continue. */
  assistant: Message;
  model: string;
  messages: ChatRequest['messages'];
  /** The effective settings this turn is sent with (recorded on the reply). */
  settings: ConversationSettings;
  /** The reply as it was before Continue, whose text, figures and timing this turn adds to. */
  continued: Message | null;
  /** When the thread carries PDFs: the engine the person chose (if any) and the model's input modalities. */
  pdfs: { chosen: PdfEngine | undefined; modalities: readonly string[] } | null;
}

/** Every file the questions along a thread carry. */
const filesAlong = (path: readonly Message[]) => path.flatMap((m) => (m.role === 'user' ? m.attachments : []));

/** The same files in the same order. */
const sameFiles = (a: readonly Attachment[], b: readonly Attachment[]) =>
  a.length === b.length && a.every((file, i) => file.id === b[i]?.id);

const failure = (code: AppError['code'], message: string) => new AppFailure({ code, message });
const conversationGone = () => failure('not_found', 'That conversation no longer exists.');
const messageGone = () => failure('not_found', 'That message is not in this conversation (any more).');

/** A reply that ended without saying anything: sending again should answer its question, not ask a new one. */
function isUnanswered(message: Message): boolean {
  return (
    message.role === 'assistant' &&
    message.content === '' &&
    message.toolCalls === null &&
    (message.status === 'error' || message.status === 'stopped' || message.status === 'interrupted')
  );
}

const sumOrNull = (earlier: number | null, later: number | null): number | null =>
  later === null ? null : (earlier ?? 0) + later;

export class ChatService {
  private readonly checkpointIntervalMs: number;
  private readonly now: () => number;
  private readonly retrySaveIntervalMs: number;
  private readonly outputBudget: OutputBudget;
  private readonly retryDelaysMs: readonly number[];
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;
  private readonly threads: ThreadRepo;
  private readonly conversationDefaults: () => ConversationSettings;
  private readonly modelInfo: (id: string) => Promise<ModelSummary | null>;
  private readonly files: ChatFiles;
  readonly settler: CostSettler;
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
    this.outputBudget =
      options.outputBudget ??
      (async (conversation) =>
        conversation.maxOutputTokens ??
        automaticMaxTokens({ modelMax: null, completionPrice: null, limitRemaining: null }));
    this.retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
    this.sleep = options.sleep ?? sleep;
    this.threads = messages.threads;
    this.conversationDefaults = options.conversationDefaults ?? (() => ({}));
    this.modelInfo = options.modelInfo ?? (async () => null);
    this.files = options.files ?? {
      find: () => null,
      prepare: async () => undefined,
      forRequest: () => null,
      addGenerated: async () => null,
    };
    this.settler =
      options.settler ??
      new CostSettler(messages, messages.settlements, {
        lookup: (id) => streamer.getGeneration(id),
        prices: async () => null,
      });
  }

  /**
   * A new message at the end of the current thread, and its reply. After a reply that failed without text, the
   * same question is answered again in place (no second copy of it), and a different one replaces it as a new
   * version — so upstream never sees two user messages in a row.
   */
  send(input: ChatSendInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    return this.tracked(this.runTurn(() => this.planSend(input), signal));
  }

  /** A new version of a reply under the same question (also Retry); it becomes the current thread. */
  regenerate(input: ChatRegenerateInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    return this.tracked(this.runTurn(() => this.planRegenerate(input), signal));
  }

  /** A new version of a question and its reply; the old branch stays, one flip away. */
  edit(input: ChatEditInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    return this.tracked(this.runTurn(() => this.planEdit(input), signal));
  }

  /** The model goes on with a reply (assistant prefill); the text is appended to the same message. */
  continue(input: ChatContinueInput, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    return this.tracked(this.runTurn(() => this.planContinue(input), signal));
  }

  /** Shutdown waits for every turn (see `settled`) so an aborted reply is saved before the database closes. */
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

  private conversationFor(id: string): Conversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw conversationGone();
    return conversation;
  }

  private messageIn(conversationId: string, id: string | null, role: Message['role']): Message {
    const message = id === null ? null : this.threads.find(conversationId, id);
    if (!message) throw messageGone();
    if (message.role !== role) {
      throw failure(
        'invalid_input',
        `That message is ${role === 'user' ? 'a reply' : 'your own'}, not ${role === 'user' ? 'yours' : 'a reply'}.`,
      );
    }
    return message;
  }

  /** The files named by id, in order; an id the store no longer has is refused. */
  private filesFor(ids: readonly string[] | undefined): Attachment[] {
    if (!ids?.length) return [];
    return ids.map((id) => {
      const found = this.files.find(id);
      if (!found) throw new AppFailure(attachmentErrors.missing());
      return found;
    });
  }

  /** The model's input modalities from the catalogue; null when it is unknown there (or the catalogue unreachable). */
  private async modalitiesOf(model: string): Promise<readonly string[] | null> {
    return (await this.modelFor(model))?.inputModalities ?? null;
  }

  private async planSend(input: ChatSendInput): Promise<TurnPlan> {
    const files = this.filesFor(input.attachmentIds);
    const modalities = await this.modalitiesOf(input.model);
    refuseUnacceptedFiles(input.model, files, modalities);
    // Before anything is written: an image that fails to decode in full is refused with the draft untouched.
    await this.files.prepare(files);
    const turn = { modalities, pdfEngine: input.pdfEngine };
    let conversation = input.conversationId
      ? this.conversationFor(input.conversationId)
      : this.conversations.create({ title: deriveTitle(input.text || (files[0]?.name ?? '')), model: input.model });
    if (conversation.model !== input.model) conversation = this.conversations.setModel(conversation.id, input.model);
    const leafId = this.messages.currentLeaf(conversation.id);
    const leaf = leafId === null ? null : this.threads.find(conversation.id, leafId);
    let parentId = leafId;
    if (leaf && isUnanswered(leaf) && leaf.parentId !== null) {
      const question = this.threads.find(conversation.id, leaf.parentId);
      if (question?.content === input.text && sameFiles(question.attachments, files))
        return this.replyTo(conversation, question, input.model, turn);
      parentId = question ? question.parentId : parentId;
    }
    const question = this.messages.insertUser({
      conversationId: conversation.id,
      content: input.text,
      model: input.model,
      parentId,
      attachments: files,
    });
    return this.replyTo(conversation, question, input.model, turn);
  }

  private async planRegenerate(input: ChatRegenerateInput): Promise<TurnPlan> {
    const conversation = this.conversationFor(input.conversationId);
    const reply = this.messageIn(conversation.id, input.messageId, 'assistant');
    const question = this.messageIn(conversation.id, reply.parentId, 'user');
    if (input.asSent) {
      // The request that reply was sent with: its own settings, and the model asked for (not a fallback that served it).
      const model = reply.requestedModel ?? question.model ?? conversation.model;
      const modalities = await this.modalitiesOf(model);
      refuseUnacceptedFiles(model, question.attachments, modalities);
      const turn = { modalities, pdfEngine: input.pdfEngine };
      return this.replyTo(conversation, question, model, turn, reply.sentSettings ?? this.settingsFor(conversation));
    }
    const model = input.model ?? conversation.model;
    const modalities = await this.modalitiesOf(model);
    refuseUnacceptedFiles(model, question.attachments, modalities);
    return this.replyTo(conversation, question, model, { modalities, pdfEngine: input.pdfEngine });
  }

  private async planEdit(input: ChatEditInput): Promise<TurnPlan> {
    let conversation = this.conversationFor(input.conversationId);
    const original = this.messageIn(conversation.id, input.messageId, 'user');
    // Omitted ids keep the files the edited message had; given ones replace them.
    const files = input.attachmentIds ? this.filesFor(input.attachmentIds) : original.attachments;
    const modalities = await this.modalitiesOf(input.model);
    refuseUnacceptedFiles(input.model, files, modalities);
    await this.files.prepare(files);
    if (conversation.model !== input.model) conversation = this.conversations.setModel(conversation.id, input.model);
    const question = this.messages.insertUser({
      conversationId: conversation.id,
      content: input.text,
      model: input.model,
      parentId: original.parentId,
      attachments: files,
    });
    return this.replyTo(conversation, question, input.model, { modalities, pdfEngine: input.pdfEngine });
  }

  private async planContinue(input: ChatContinueInput): Promise<TurnPlan> {
    const conversation = this.conversationFor(input.conversationId);
    const reply = this.messageIn(conversation.id, input.messageId, 'assistant');
    const question = this.messageIn(conversation.id, reply.parentId, 'user');
    if (reply.content === '') throw failure('invalid_input', 'That reply has no text to continue; retry it instead.');
    const model = reply.model ?? conversation.model;
    const modalities = await this.modalitiesOf(model);
    await this.files.prepare(filesAlong(this.threads.pathTo(conversation.id, question.id)));
    const reopened = this.messages.reopen(reply.id);
    if (!reopened) throw failure('invalid_input', 'That reply is still being written.');
    this.conversations.setCurrentLeaf(conversation.id, this.threads.newestLeafUnder(conversation.id, reply.id));
    const path = this.threads.pathTo(conversation.id, question.id);
    return {
      // Going on with a reply keeps the request it was sent with.
      settings: reply.sentSettings ?? this.settingsFor(conversation),
      conversation: this.conversationFor(conversation.id),
      userMessage: this.threads.withVersions(question),
      assistant: this.threads.withVersions(reopened),
      model,
      messages: toUpstreamMessages(path, reply.content, this.contentFor(modalities)),
      continued: reply,
      pdfs: this.pdfsIn(path, modalities, undefined),
    };
  }

  /** How a message's content goes upstream: its files as content parts (attachment-parts.ts). */
  private contentFor(modalities: readonly string[] | null): (message: Message) => string | ContentPart[] {
    // Unknown to the catalogue: send the images and let OpenRouter answer for the model.
    const takesImages = modalities === null || modalities.includes('image');
    return (message) =>
      message.role === 'user'
        ? userContent(message.content, message.attachments, this.files, takesImages)
        : message.content;
  }

  /** The file-parser choice when the thread carries a PDF; null when it carries none. */
  private pdfsIn(
    path: readonly Message[],
    modalities: readonly string[] | null,
    chosen: PdfEngine | undefined,
  ): TurnPlan['pdfs'] {
    const hasPdf = path.some((m) => m.role === 'user' && m.attachments.some((a) => a.kind === 'pdf'));
    return hasPdf ? { chosen, modalities: modalities ?? [] } : null;
  }

  /** A new reply row under `question`, which becomes the current leaf; upstream gets the path up to the question. */
  private async replyTo(
    conversation: Conversation,
    question: Message,
    model: string,
    turn: { modalities: readonly string[] | null; pdfEngine?: PdfEngine | undefined },
    settings: ConversationSettings = this.settingsFor(conversation),
  ): Promise<TurnPlan> {
    const path = this.threads.pathTo(conversation.id, question.id);
    // Earlier turns' images too: a file imported or attached in an earlier run may still be waiting for its copy.
    await this.files.prepare(filesAlong(path));
    const assistant = this.messages.createAssistant({
      conversationId: conversation.id,
      model,
      parentId: question.id,
      sentSettings: settings,
    });
    return {
      settings,
      // The inserts moved the conversation to the top of the list; send the renderer its fresh row.
      conversation: this.conversations.get(conversation.id) ?? conversation,
      userMessage: this.threads.withVersions(question),
      assistant: this.threads.withVersions(assistant),
      model,
      messages: toUpstreamMessages(path, undefined, this.contentFor(turn.modalities)),
      continued: null,
      pdfs: this.pdfsIn(path, turn.modalities, turn.pdfEngine),
    };
  }

  /** The conversation's own fields over the defaults (shared/conversation-settings.ts). */
  private settingsFor(conversation: Conversation): ConversationSettings {
    return effectiveSettings(this.conversationDefaults(), conversation.settings);
  }

  private async *runTurn(planTurn: () => Promise<TurnPlan>, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    // A new turn is the next write: replies waiting for disk space go first, in the order they finished.
    this.saveUnsavedReplies();
    let plan: TurnPlan;
    try {
      plan = await planTurn();
    } catch (error) {
      yield { type: 'error', error: toAppError(error), message: null };
      return;
    }
    const { assistant } = plan;
    yield {
      type: 'started',
      conversation: plan.conversation,
      userMessage: plan.userMessage,
      assistantMessage: assistant,
    };

    const turn = new TurnAccumulator(plan.model, plan.continued);
    let lastCheckpoint = this.now();
    let warned = false;
    let outcome: Outcome | null = null;
    let requestedAt = this.now();
    let firstTokenMs: number | null = null;
    // Stays true only when the consumer stopped listening mid-turn (return() at a yield): nobody reads more events.
    let consumerLeft = true;
    let owedGeneration: string | null = null;
    try {
      const maxTokens = await this.maxTokensFor(plan);
      const summary = await this.modelFor(plan.model);
      const request = buildRequest(plan.model, summary, plan.settings, plan.messages);
      const built = plan.pdfs
        ? { ...request, options: withPdfEngine(request.options, true, plan.pdfs.chosen, plan.pdfs.modalities) }
        : request;
      for (let retries = 0; ; retries++) {
        requestedAt = this.now();
        let retry: { error: AppError; delayMs: number } | null = null;
        for await (const upstream of this.streamer.streamChat(
          {
            model: plan.model,
            messages: built.messages,
            maxTokens: outputCapWith(maxTokens, built.options),
            options: built.options,
          },
          signal,
        )) {
          // A refusal caused by the routing settings names the setting to relax (and is not retried: it would recur).
          const event =
            upstream.type === 'error'
              ? { ...upstream, error: routingRefusal(upstream.error, built.options.provider) }
              : upstream;
          // Nothing was said yet, so trying again cannot repeat or lose any of the answer.
          if (event.type === 'error' && !turn.heard && !signal.aborted && isRetryableBeforeFirstToken(event.error)) {
            const delayMs = retryDelayMs(event.error, retries + 1, this.retryDelaysMs);
            if (delayMs !== null) {
              retry = { error: event.error, delayMs };
              break;
            }
          }
          const heardBefore = turn.heard;
          const forward = turn.apply(event);
          if (turn.generationId !== null && turn.generationId !== owedGeneration) {
            owedGeneration = turn.generationId;
            this.oweCost(plan, turn.generationId, plan.model);
          }
          if (!heardBefore && turn.heard) firstTokenMs = this.now() - requestedAt;
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
        if (!retry) break;
        yield { type: 'retrying', attempt: retries + 1, delayMs: retry.delayMs, error: retry.error };
        if (!(await this.sleep(retry.delayMs, signal))) {
          outcome = { status: 'stopped', error: null };
          break;
        }
      }
      consumerLeft = false;
    } catch (error) {
      consumerLeft = false;
      outcome = { status: 'error', error: toAppError(error) };
    } finally {
      // Reached on completion, on error, and when the consumer stops listening (a closed socket or port).
      outcome ??= { status: 'stopped', error: null };
      const timing = { firstTokenMs, durationMs: this.now() - requestedAt };
      // Everything that must happen runs before the first yield: a consumer that has gone never resumes us.
      await this.keepImages(assistant.id, turn.imageUrls);
      const final = this.finalize(plan, turn, outcome, timing);
      // A yield here, after return(), would suspend this generator for good and keep the turn counted as running.
      if (!consumerLeft) {
        if (final.unsavedError) yield { type: 'storage-warning', error: final.unsavedError };
        if (outcome.status === 'error' && outcome.error) {
          yield { type: 'error', error: outcome.error, message: final.message };
        } else {
          yield { type: 'done', message: final.message };
        }
      }
    }
  }

  /** An unreachable catalogue leaves the model unknown: the settings then go as set (OpenRouter drops the rest). */
  private async modelFor(id: string): Promise<ModelSummary | null> {
    try {
      return await this.modelInfo(id);
    } catch {
      return null;
    }
  }

  /** The catalogue or the key may be unreachable; a turn then goes ahead with the fallback cap. */
  private async maxTokensFor(plan: TurnPlan): Promise<number> {
    try {
      return await this.outputBudget(plan.conversation, plan.model);
    } catch {
      return (
        plan.conversation.maxOutputTokens ??
        automaticMaxTokens({ modelMax: null, completionPrice: null, limitRemaining: null })
      );
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
        if (reply.settleGeneration) {
          this.settleLater(saved.id, reply.conversationId, saved.model, reply.settleGeneration);
        }
      } catch (error) {
        // Still no room: the rest would fail the same way. Anything else (the conversation was deleted) is final.
        if (toStorageError(error).error.code === 'storage_error') break;
        this.unsaved.delete(id);
      }
    }
    this.scheduleRetry();
    return this.unsaved.size;
  }

  /** Whether a reply is streaming now (restoring a backup waits for none). */
  get replying(): boolean {
    return this.activeTurns.size > 0;
  }

  /** Stops the retry timer; the core calls `saveUnsavedReplies` one last time first. */
  close(): void {
    this.settler.close();
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
    // A finishing turn can start a cost lookup, so look again until both are idle.
    while (this.activeTurns.size > 0) await Promise.all([...this.activeTurns]);
    await this.settler.idle();
  }

  /** Written when the generation id is first known, so a crash mid-reply still leaves the lookup owed. */
  private oweCost(plan: TurnPlan, generationId: string, model: string | null): void {
    try {
      this.settler.owe({
        generationId,
        messageId: plan.assistant.id,
        conversationId: plan.conversation.id,
        model,
      });
    } catch {
      // A full disk: the finalize path owes it again once a save succeeds.
    }
  }

  private forgetOwed(generationId: string): void {
    try {
      this.settler.paid(generationId);
    } catch {
      // Left on disk, the next start looks it up, finds the figure already on record and changes nothing.
    }
  }

  private settleLater(messageId: string, conversationId: string, model: string | null, generationId: string): void {
    try {
      this.settler.owe({ generationId, messageId, conversationId, model });
      this.settler.settle(generationId);
    } catch {
      // Best effort: the reply is saved; a disk that refuses this row refuses the figure too.
    }
  }

  /** The saved message, or — when the database refuses it — the same message from memory, kept for a retry. */
  /**
   * Pictures an image model sent, stored like any attachment (checked by content: model output is untrusted) and
   * attached to the reply. Only data URLs are kept: Switchboard fetches nothing from addresses a model names.
   */
  private async keepImages(replyId: string, urls: readonly string[]): Promise<void> {
    const kept: Attachment[] = [];
    for (const [index, url] of urls.entries()) {
      const match = /^data:image\/([a-z0-9.+-]+);base64,(.*)$/is.exec(url);
      if (!match) continue;
      const extension = match[1]!.toLowerCase() === 'jpeg' ? 'jpg' : match[1]!.toLowerCase();
      const stored = await this.files.addGenerated(`image-${index + 1}.${extension}`, Buffer.from(match[2]!, 'base64'));
      // Whatever the data URL claimed, only what the store found to be an image is kept with the reply.
      if (stored?.kind === 'image') kept.push(stored);
    }
    try {
      this.threads.attachments.link(replyId, kept, this.now());
    } catch {
      // The reply's text is saved regardless; its pictures stay in the store, collected later.
    }
  }

  private finalize(
    plan: TurnPlan,
    turn: TurnAccumulator,
    outcome: Outcome,
    timing: { firstTokenMs: number | null; durationMs: number },
  ): { message: Message; unsavedError: AppError | null } {
    const { assistant, continued } = plan;
    const input: FinalizeInput = {
      status: outcome.status,
      content: turn.content,
      reasoning: turn.reasoningOrNull(),
      model: turn.model,
      provider: turn.provider,
      generationId: turn.generationId ?? continued?.generationId ?? null,
      finishReason: turn.finishReason,
      usage: addUsage(continued?.usage ?? null, turn.usage),
      spend: turn.usage,
      error: outcome.error,
      toolCalls: turn.toolCallsOrNull(),
      citations: turn.citationsOrNull(),
      // A continued reply's times add up, so tokens per second still reads (duration − first token) as writing time.
      firstTokenMs: continued ? sumOrNull(continued.firstTokenMs, timing.firstTokenMs) : timing.firstTokenMs,
      durationMs: continued ? (continued.durationMs ?? 0) + timing.durationMs : timing.durationMs,
    };
    // A stopped or failed stream sends no usage chunk, but OpenRouter may still have billed it
    // (docs/openrouter-protocol.md §3.8); a legacy usage chunk may lack the cost (§3.4). Either way the
    // generation record says what it cost. The stream's own figure is never replaced.
    const reported = turn.usage !== null && turn.usage.costUsd !== null;
    const settleGeneration = reported ? null : turn.generationId;
    input.costStatus = settleGeneration ? 'pending' : null;
    try {
      const saved = this.threads.withVersions(this.messages.finalize(assistant.id, input));
      if (settleGeneration) this.settleLater(saved.id, plan.conversation.id, saved.model, settleGeneration);
      else if (turn.generationId) this.forgetOwed(turn.generationId);
      return { message: saved, unsavedError: null };
    } catch (error) {
      const failure = toStorageError(error).error;
      const inMemory: Message = {
        ...assistant,
        ...input,
        toolCalls: input.toolCalls ?? null,
        citations: input.citations ?? null,
        firstTokenMs: input.firstTokenMs ?? null,
        durationMs: input.durationMs ?? null,
        costStatus: input.costStatus ?? null,
        estimatedCostUsd: null,
      };
      // not_found: the conversation was deleted meanwhile; there is nothing left to save it into.
      if (failure.code !== 'storage_error') return { message: inMemory, unsavedError: null };
      this.unsaved.set(assistant.id, { input, settleGeneration, conversationId: plan.conversation.id });
      this.scheduleRetry();
      return { message: inMemory, unsavedError: failure };
    }
  }
}

/** A turn that threw: an expected failure as it is, anything else as this (the stream must still end with an error). */
const turnFailed: AppError = {
  code: 'internal',
  message: 'Something went wrong while handling this message; what was received is kept.',
};
const toAppError = (error: unknown): AppError => appErrorOf(error, turnFailed);
