// Renderer store slice: the open conversation's thread (paged), and every reply in flight. Replies stream in
// several conversations at once; leaving a conversation never cancels its reply.

import type { StreamHandle } from '../../../../shared/api';
import type { ChatStreamEvent, Message } from '../../../../shared/domain';
import { type ChatSendInput, maxMessageLength, modelIdSchema } from '../../../../shared/schemas';
import { upsertMessage } from '../../lib/collections';
import { createFrameBatcher } from '../../lib/frame-batcher';
import { emptyTurn, finishUnended, type TurnView } from '../../lib/stream-reducer';
import { selectCurrentModel } from '../../store/selectors';
import type { AppState, ChatSlice, LiveTurn, SliceCreator } from '../../store/types';
import type { Attachment, PdfEngine } from '../../../../shared/attachments';
import { effectivePdfEngine } from '../attachments/pdf-engine';
import { selectModelEntry } from '../../store/models-slice';
import { selectSendBlocker } from '../attachments/send-blocker';
import { placeholder } from './placeholder';
import { cutAfter, lastOfRole, prependPage, switchVersion, threadAtStart } from './thread';
import { changedTurns, reduceTurns, type TurnEvent, type TurnViews } from './turns-reducer';
import { createDrawPacer, onlyTextGrew } from './draw-pacer';

/** Far above any thread's length, so prepending pages never takes the view's first index below zero. */
export const firstIndexBase = 10_000_000;

/** What the slice keeps about a turn that nothing renders. */
interface Running {
  /** `column`: a compare column's turn, which the compare view shows: no banner, no unread mark, no draft back. */
  kind: 'send' | 'regenerate' | 'edit' | 'continue' | 'column';
  /** The text sent (send and edit), so a turn that never reached the core can give it back. */
  text: string;
  /** The files sent with it (send), given back the same way. */
  attachments?: Attachment[];
  conversationId: string | null;
  handle: StreamHandle | null;
  /** Told the conversation the core created for a first message, once it has (Merge links it to its compare). */
  onStarted?: (conversationId: string) => void;
}

/**
 * chat:send's input: without a conversation id the core starts a new conversation and names it from the message.
 * Files go by id; a PDF names the engine that reads it.
 */
function sendInput(
  conversationId: string | null,
  text: string,
  model: string,
  attachments: Attachment[],
  pdfEngine: PdfEngine,
): ChatSendInput {
  const input = { ...(conversationId ? { conversationId } : {}), text, model };
  if (attachments.length === 0) return input;
  const ids = { ...input, attachmentIds: attachments.map((attachment) => attachment.id) };
  return attachments.some((attachment) => attachment.kind === 'pdf') ? { ...ids, pdfEngine } : ids;
}

/** Finished replies, remembered briefly: a thread loaded while one was finishing may hold its stale copy. */
const rememberedFinals = 50;

export const createChatSlice: SliceCreator<ChatSlice> = (set, get, deps) => {
  const { api } = deps;
  const running = new Map<string, Running>();
  let views: TurnViews = {};
  let nextTurn = 0;
  const finals = new Map<string, Message>();
  /** Only the newest thread request (open, flip, page) may change the list. */
  let threadRequest = 0;

  const remember = (message: Message) => {
    finals.delete(message.id);
    finals.set(message.id, message);
    if (finals.size > rememberedFinals) finals.delete(finals.keys().next().value as string);
  };

  const patchTurn = (turnId: string, change: Partial<LiveTurn> | null, extra: Partial<AppState> = {}) => {
    const turns = { ...get().liveTurns };
    const current = turns[turnId];
    if (change === null) delete turns[turnId];
    else if (current) turns[turnId] = { ...current, ...change };
    set({ liveTurns: turns, ...extra });
  };

  /** Moves one turn's new view into the store; the last one also closes the turn. */
  const commit = (turnId: string, previous: TurnView, next: TurnView) => {
    const run = running.get(turnId);
    if (!run) return;
    if (next.conversation && next.conversation !== previous.conversation) get().putConversation(next.conversation);
    const extra: Partial<AppState> = {};
    const change: Partial<LiveTurn> = {};
    if (run.conversationId === null && next.conversation) {
      // The core created the conversation for this first message. Open it, unless the person has moved on.
      run.conversationId = next.conversation.id;
      change.conversationId = run.conversationId;
      run.onStarted?.(run.conversationId);
      if (get().activeConversationId === null) {
        extra.activeConversationId = run.conversationId;
        get().adoptNewChatDraft(run.conversationId);
      }
    }
    const state = get();
    const showing = (extra.activeConversationId ?? state.activeConversationId) === run.conversationId;
    let messages = state.messages;

    if (next.userMessage && next.userMessage !== previous.userMessage) {
      if (showing) messages = threadAtStart(messages, next.userMessage);
      // A compare column draws its own live rows, so it keeps the saved question with the turn until it ends.
      Object.assign(change, {
        pendingUser: run.kind === 'column' ? next.userMessage : null,
        phase: 'streaming',
        cutAfterId: null,
      });
      // The core saves replies it kept in memory before it writes a new turn; this one's start proves it could.
      if (Object.keys(state.unsavedReplies).length > 0) extra.unsavedReplies = {};
    }
    const replyId = next.assistant?.id;
    if (next.storageWarning && next.storageWarning !== previous.storageWarning && replyId) {
      extra.unsavedReplies = { ...(extra.unsavedReplies ?? state.unsavedReplies), [replyId]: next.storageWarning };
    }

    if (!next.finished) {
      if (next.assistant !== previous.assistant) change.reply = next.assistant;
      if (next.retrying !== previous.retrying) change.retrying = next.retrying;
      if (messages !== state.messages) extra.messages = messages;
      patchTurn(turnId, change, extra);
      return;
    }

    if (next.assistant) {
      remember(next.assistant);
      if (showing) messages = upsertMessage(messages, next.assistant);
      else if (run.conversationId && run.kind !== 'column')
        extra.unread = { ...state.unread, [run.conversationId]: true };
    }
    const error = next.error;
    const failed = error !== null && error.code !== 'aborted';
    // A message the core never saved goes back to the composer. One it saved stays in the thread with Retry on its
    // reply: sending it again would put the question upstream twice.
    if (next.userMessage === null && run.kind === 'send') {
      get().restoreDraft(run.conversationId, run.text);
      get().restoreTray(run.conversationId, run.attachments ?? []);
    }
    if (failed && error.code !== 'unauthorized' && run.kind !== 'column' && (showing || next.userMessage === null)) {
      extra.chatError = error;
    }
    // Stopped replies are the person's own doing (or the app quitting): nothing to tell them about.
    if (run.conversationId && next.assistant?.status !== 'stopped' && error?.code !== 'aborted') {
      extra.finishedReply = {
        seq: (state.finishedReply?.seq ?? 0) + 1,
        conversationId: run.conversationId,
        title: next.conversation?.title ?? '',
        failed,
      };
    }
    if (messages !== state.messages) extra.messages = messages;
    patchTurn(turnId, null, extra);

    if (error?.code === 'unauthorized') get().markKeyRejected();
    else if (error?.code !== 'offline') void get().refreshSpend();
  };

  /** What each running turn was last drawn with (committed to the store); `views` may be ahead of it. */
  let drawn: TurnViews = {};
  const pacer = createDrawPacer();
  /** Compare columns (by conversation id) whose end is below the reader's sight. */
  const endsOutOfSight = new Set<string>();
  let draws = 0;
  let cancelRedraw: (() => void) | null = null;

  /** Commits the turns due this frame; compare columns whose text only grew take turns (draw-pacer.ts). */
  const draw = () => {
    draws++;
    cancelRedraw?.();
    cancelRedraw = null;
    const changed = changedTurns(drawn, views).map((turnId) => {
      const run = running.get(turnId);
      return {
        turnId,
        paced: run?.kind === 'column' && onlyTextGrew(drawn[turnId] ?? emptyTurn, views[turnId]!),
        endOutOfSight: run?.conversationId ? endsOutOfSight.has(run.conversationId) : false,
      };
    });
    const { draw: due, waiting } = pacer.pick(changed);
    for (const turnId of due) {
      const previous = drawn[turnId] ?? emptyTurn;
      const next = views[turnId]!;
      drawn = { ...drawn, [turnId]: next };
      commit(turnId, previous, next);
    }
    // Columns left waiting are drawn in a later frame even if no event arrives meanwhile.
    if (waiting) cancelRedraw = deps.scheduleFrame(redraw);
  };
  const redraw = () => {
    cancelRedraw = null;
    const before = draws;
    batcher.flush();
    if (draws === before) draw();
  };

  const batcher = createFrameBatcher<TurnEvent>((events) => {
    views = reduceTurns(views, events);
    draw();
  }, deps.scheduleFrame);

  /** Runs one turn from the click to its last event; answers with how it ended. */
  const runTurn = async (
    run: Omit<Running, 'handle'>,
    live: Omit<LiveTurn, 'id' | 'conversationId' | 'phase' | 'retrying'>,
    open: (onEvent: (event: ChatStreamEvent) => void) => StreamHandle,
  ) => {
    const turnId = `turn-${++nextTurn}`;
    const current: Running = { ...run, handle: null };
    running.set(turnId, current);
    views = { ...views, [turnId]: emptyTurn };
    drawn = { ...drawn, [turnId]: emptyTurn };
    get().dismissKeyConfirmation();
    set({
      chatError: null,
      liveTurns: {
        ...get().liveTurns,
        [turnId]: { id: turnId, conversationId: run.conversationId, phase: 'sending', retrying: null, ...live },
      },
    });
    current.handle = open((event) => batcher.push({ turnId, event }));
    await current.handle.finished;
    batcher.flush();
    // Cancelled before the host saw it, or cut off without done/error: close the turn with what arrived.
    const view = views[turnId] ?? emptyTurn;
    if (!view.finished) {
      const closed = finishUnended(view);
      views = { ...views, [turnId]: closed };
      commit(turnId, drawn[turnId] ?? emptyTurn, closed);
    }
    running.delete(turnId);
    pacer.forget(turnId);
    const { [turnId]: ended = emptyTurn, ...rest } = views;
    views = rest;
    const { [turnId]: _drawn, ...stillDrawn } = drawn;
    drawn = stillDrawn;
    return ended;
  };

  const busy = (conversationId: string | null) =>
    Object.values(get().liveTurns).some((turn) => turn.conversationId === conversationId);

  const invalidModel = (model: string) => {
    if (modelIdSchema.safeParse(model).success) return false;
    set({
      chatError: { code: 'invalid_input', message: `“${model}” is not a model id; ids look like openai/gpt-4o-mini.` },
    });
    return true;
  };

  const findMessage = (id: string) => get().messages.find((item) => item.id === id) ?? null;

  return {
    messages: [],
    hasOlder: false,
    olderLoading: false,
    firstItemIndex: firstIndexBase,
    threadGeneration: 0,
    liveTurns: {},
    unread: {},
    finishedReply: null,
    editingMessageId: null,
    chatError: null,
    unsavedReplies: {},

    showThread(messages, hasOlder) {
      threadRequest++;
      // A reply that finished while this page was on its way is newer than the page's copy of it — but only while
      // the page still has it streaming: a saved copy is newer than ours (a cost settled later, a new version).
      const fresh =
        finals.size === 0
          ? messages
          : messages.map((item) => (item.status === 'streaming' ? (finals.get(item.id) ?? item) : item));
      set({
        messages: fresh,
        hasOlder,
        olderLoading: false,
        firstItemIndex: firstIndexBase - fresh.length,
        threadGeneration: get().threadGeneration + 1,
        editingMessageId: null,
      });
    },

    async loadOlder() {
      const { messages, hasOlder, olderLoading, activeConversationId } = get();
      const oldest = messages[0];
      if (!hasOlder || olderLoading || !oldest || !activeConversationId) return;
      const mine = ++threadRequest;
      set({ olderLoading: true });
      const result = await api.messages.older(activeConversationId, oldest.id);
      if (mine !== threadRequest) return;
      if (!result.ok) {
        set({ olderLoading: false, chatError: result.error });
        return;
      }
      const next = prependPage(get().messages, result.value.messages);
      const added = next.length - get().messages.length;
      set({
        messages: next,
        hasOlder: result.value.hasOlder,
        olderLoading: false,
        firstItemIndex: get().firstItemIndex - added,
      });
    },

    async sendMessage() {
      const state = get();
      const text = state.draft;
      const conversationId = state.activeConversationId;
      // Over the limit, uploading, or with a file the model cannot read, the composer explains; nothing is sent.
      if (busy(conversationId) || selectSendBlocker(state) !== null) return;
      const model = selectCurrentModel(state);
      if (invalidModel(model)) return;
      state.setDraft('');
      const pdfEngine = effectivePdfEngine(state.pdfEngine, selectModelEntry(state, model));
      const attachments = state.takeTray();
      await runTurn(
        { kind: 'send', text, conversationId, attachments },
        {
          // The files show in the question at once, as they will once the core has saved it.
          pendingUser: { ...placeholder('user', text, conversationId), attachments },
          reply: placeholder('assistant', '', conversationId),
          cutAfterId: null,
        },
        (onEvent) =>
          // Without a conversation id the core starts a new conversation and names it from this message.
          api.chat.send(sendInput(conversationId, text, model, attachments, pdfEngine), onEvent),
      );
    },

    async regenerate(messageId, model, how) {
      const conversationId = get().activeConversationId;
      const reply = findMessage(messageId);
      if (!conversationId || !reply || busy(conversationId)) return;
      if (model !== undefined && invalidModel(model)) return;
      const asSent = how?.asSent === true;
      const placeholderReply = {
        ...placeholder('assistant', '', conversationId),
        model: asSent ? reply.requestedModel : (model ?? null),
      };
      await runTurn(
        { kind: 'regenerate', text: '', conversationId },
        // The question stays; the reply being replaced (and anything after it) steps aside for the new one.
        { pendingUser: null, reply: placeholderReply, cutAfterId: reply.parentId },
        (onEvent) =>
          api.chat.regenerate(
            asSent
              ? { conversationId, messageId, asSent }
              : model
                ? { conversationId, messageId, model }
                : { conversationId, messageId },
            onEvent,
          ),
      );
    },

    async retryReply(messageId) {
      const reply = findMessage(messageId);
      if (!reply) return;
      // The same model again: a retry is the same request, not a different one.
      const model = reply.model && modelIdSchema.safeParse(reply.model).success ? reply.model : undefined;
      await get().regenerate(messageId, model);
    },

    async editMessage(messageId, text) {
      const state = get();
      const conversationId = state.activeConversationId;
      const original = findMessage(messageId);
      if (!conversationId || !original || busy(conversationId)) return;
      if (text.trim() === '' || text.length > maxMessageLength) return;
      const model = selectCurrentModel(state);
      if (invalidModel(model)) return;
      set({ editingMessageId: null });
      await runTurn(
        { kind: 'edit', text, conversationId },
        {
          pendingUser: { ...placeholder('user', text, conversationId), parentId: original.parentId },
          reply: placeholder('assistant', '', conversationId),
          cutAfterId: original.parentId ?? '',
        },
        (onEvent) => api.chat.edit({ conversationId, messageId, text, model }, onEvent),
      );
    },

    async continueReply(messageId) {
      const conversationId = get().activeConversationId;
      const reply = findMessage(messageId);
      if (!conversationId || !reply || busy(conversationId)) return;
      await runTurn(
        { kind: 'continue', text: '', conversationId },
        // The reply goes on where it stopped: draw it live, with its text so far, in its own place.
        { pendingUser: null, reply: { ...reply, status: 'streaming', finishReason: null }, cutAfterId: reply.parentId },
        (onEvent) => api.chat.continue({ conversationId, messageId }, onEvent),
      );
    },

    async selectVersion(messageId) {
      const { activeConversationId: conversationId } = get();
      if (!conversationId || busy(conversationId)) return;
      const mine = ++threadRequest;
      const result = await api.conversations.selectVersion(conversationId, messageId);
      if (mine !== threadRequest || get().activeConversationId !== conversationId) return;
      if (!result.ok) {
        set({ chatError: result.error });
        return;
      }
      get().putConversation(result.value.conversation);
      const state = get();
      const next = switchVersion(state.messages, state.hasOlder, messageId, result.value);
      set({
        messages: next.messages,
        hasOlder: next.hasOlder,
        editingMessageId: null,
        ...(next.replaced
          ? { firstItemIndex: firstIndexBase - next.messages.length, threadGeneration: state.threadGeneration + 1 }
          : {}),
      });
    },

    startEditing(messageId) {
      set({ editingMessageId: messageId });
    },

    editLastMessage() {
      const state = get();
      if (busy(state.activeConversationId)) return false;
      const last = lastOfRole(state.messages, 'user');
      if (!last) return false;
      set({ editingMessageId: last.id });
      return true;
    },

    async startConversation(text, model, onStarted) {
      if (busy(null) || text.trim() === '' || text.length > maxMessageLength || invalidModel(model)) return;
      get().newChat();
      set({ newChatModel: model });
      await runTurn(
        { kind: 'send', text, conversationId: null, ...(onStarted ? { onStarted } : {}) },
        {
          pendingUser: placeholder('user', text, null),
          reply: placeholder('assistant', '', null),
          cutAfterId: null,
        },
        // The core starts the conversation and names it from this message; it opens at `started`.
        (onEvent) => api.chat.send({ text, model }, onEvent),
      );
    },

    setColumnEndInSight(conversationId, inSight) {
      if (inSight === !endsOutOfSight.has(conversationId)) return;
      if (inSight) endsOutOfSight.delete(conversationId);
      else endsOutOfSight.add(conversationId);
      // Back in sight: what it was held from is drawn in the next frame (unless a frame is already due).
      if (inSight && !cancelRedraw) cancelRedraw = deps.scheduleFrame(redraw);
    },

    async sendInColumn(conversationId, text, model) {
      if (busy(conversationId)) return null;
      if (invalidModel(model)) return null;
      return runTurn(
        { kind: 'column', text, conversationId },
        {
          pendingUser: placeholder('user', text, conversationId),
          reply: placeholder('assistant', '', conversationId),
          cutAfterId: null,
        },
        (onEvent) => api.chat.send({ conversationId, text, model }, onEvent),
      );
    },

    async retryInColumn(conversationId, reply) {
      if (busy(conversationId)) return null;
      const model = reply.model && modelIdSchema.safeParse(reply.model).success ? reply.model : undefined;
      return runTurn(
        { kind: 'column', text: '', conversationId },
        {
          pendingUser: null,
          reply: { ...placeholder('assistant', '', conversationId), model: model ?? null },
          cutAfterId: null,
        },
        (onEvent) =>
          api.chat.regenerate(
            model ? { conversationId, messageId: reply.id, model } : { conversationId, messageId: reply.id },
            onEvent,
          ),
      );
    },

    stopReply(conversationId) {
      const wanted = conversationId === undefined ? get().activeConversationId : conversationId;
      for (const run of running.values()) if (run.conversationId === wanted) run.handle?.cancel();
    },

    dismissChatError() {
      set({ chatError: null });
    },

    showError(error) {
      set({ chatError: error });
    },
  };
};

/** The loaded messages the open conversation shows while `turn` runs (the live rows are drawn after them). */
export function visibleThread(
  messages: readonly Message[],
  cutAfterId: string | null,
  liveReplyId: string | null,
): readonly Message[] {
  // An empty id: an edit of the very first message, which replaces the whole thread.
  const cut = cutAfterId === null ? messages : cutAfterId === '' ? [] : cutAfter(messages, cutAfterId);
  // The stored copy of the reply being streamed is stale (a checkpoint); the live one is drawn instead.
  return cut.at(-1)?.id === liveReplyId ? cut.slice(0, -1) : cut;
}
