import { describe, expect, it } from 'vitest';
import type { ChatStreamEvent, Conversation, Message } from '../../shared/domain';
import { type NotificationRequest, createReplyNotifier } from './reply-notifier';

const conversation = { id: 'c1', title: 'Tax questions' } as Conversation;
const started = (c: Conversation = conversation): ChatStreamEvent => ({
  type: 'started',
  conversation: c,
  userMessage: {} as Message,
  assistantMessage: {} as Message,
});
const done = (status: Message['status'] = 'complete'): ChatStreamEvent => ({
  type: 'done',
  message: { status } as Message,
});
const failed = (code: 'upstream_error' | 'aborted' = 'upstream_error'): ChatStreamEvent => ({
  type: 'error',
  error: { code, message: 'The provider returned an error.' },
  message: null,
});

function setup({ focused = false, supported = true } = {}) {
  const shown: NotificationRequest[] = [];
  const badges: number[] = [];
  const opened: string[] = [];
  const state = { focused };
  const notifier = createReplyNotifier({
    isWindowFocused: () => state.focused,
    isSupported: () => supported,
    show: (n) => void shown.push(n),
    setBadgeCount: (n) => void badges.push(n),
    openConversation: (id) => void opened.push(id),
  });
  const turn = (...events: ChatStreamEvent[]) => {
    const watch = notifier.watchTurn();
    for (const event of events) watch(event);
  };
  return { notifier, turn, shown, badges, opened, state };
}

describe('reply notifications', () => {
  it('tell of a reply finished while the window is not focused, and a click opens that conversation', () => {
    const { turn, shown, opened } = setup();
    turn(started(), { type: 'delta', text: 'hi' }, done());
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Reply finished', body: 'Tax questions' },
    ]);
    shown[0]!.onClick();
    expect(opened).toEqual(['c1']);
  });

  it('tell of a failed reply with the app’s own wording of the failure', () => {
    const { turn, shown } = setup();
    turn(started({ id: 'c2', title: '  ' } as Conversation), failed());
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Reply failed', body: 'Untitled conversation: The provider returned an error.' },
    ]);
  });

  it('say nothing while the window is focused', () => {
    const { turn, shown, badges } = setup({ focused: true });
    turn(started(), done());
    turn(started(), failed());
    expect(shown).toEqual([]);
    expect(badges).toEqual([]);
  });

  it('say nothing when the switch is off, and clear the badge when it is turned off', () => {
    const { notifier, turn, shown, badges } = setup();
    turn(started(), done());
    notifier.setEnabled(false);
    turn(started(), done());
    expect(shown).toHaveLength(1);
    expect(badges).toEqual([1, 0]);
    notifier.setEnabled(true);
    turn(started(), done());
    expect(shown).toHaveLength(2);
  });

  it('say nothing of a stopped reply, an aborted one or a turn that never started', () => {
    const { turn, shown } = setup();
    turn(started(), done('stopped'));
    turn(started(), failed('aborted'));
    turn(failed());
    expect(shown).toEqual([]);
  });

  it('count replies finished unread on the badge until the window is focused', () => {
    const { notifier, turn, badges, state } = setup();
    turn(started(), done());
    turn(started(), failed());
    expect(badges).toEqual([1, 2]);
    state.focused = true;
    notifier.windowFocused();
    notifier.windowFocused();
    expect(badges).toEqual([1, 2, 0]);
  });

  it('still count on the badge where the OS has no notifications', () => {
    const { turn, shown, badges } = setup({ supported: false });
    turn(started(), done());
    expect(shown).toEqual([]);
    expect(badges).toEqual([1]);
  });

  it('clip a long title', () => {
    const { turn, shown } = setup();
    turn(started({ id: 'c3', title: 'x'.repeat(500) } as Conversation), done());
    expect(shown[0]!.body).toHaveLength(120);
    expect(shown[0]!.body.endsWith('…')).toBe(true);
  });
});
