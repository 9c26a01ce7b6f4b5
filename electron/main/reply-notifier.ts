// Electron main: a system notification when a reply finishes or fails while the window is not focused (if the
// Settings switch is on), and the dock or taskbar badge counting replies finished unread, cleared when the window is
// focused again. Clicking the notification focuses the window and opens that conversation. It watches the replies
// main streams to the page; Electron's objects come in as parameters, so it is unit-tested in Node.

import type { ChatStreamEvent } from '../../shared/domain';

export interface NotificationRequest {
  title: string;
  body: string;
  onClick(): void;
}

export interface ReplyNotifierDeps {
  isWindowFocused(): boolean;
  /** False where the OS has no notifications (Electron's Notification.isSupported()). */
  isSupported(): boolean;
  show(notification: NotificationRequest): void;
  setBadgeCount(count: number): void;
  /** Brings the window forward and shows the conversation. */
  openConversation(conversationId: string): void;
}

export interface ReplyNotifier {
  /** A watcher for one streamed turn: it sees each event the page is sent. */
  watchTurn(): (event: ChatStreamEvent) => void;
  /** The Settings switch, as kept by the core. */
  setEnabled(enabled: boolean): void;
  /** The window got focus: the person sees the replies now. */
  windowFocused(): void;
}

/** Long enough to recognise the conversation; a notification shows two lines or so. */
const maxBodyLength = 120;

const clip = (text: string) => (text.length > maxBodyLength ? `${text.slice(0, maxBodyLength - 1)}…` : text);

export function createReplyNotifier(deps: ReplyNotifierDeps): ReplyNotifier {
  let enabled = true;
  let unread = 0;

  const finished = (conversationId: string, title: string, failure: string | null) => {
    if (!enabled || deps.isWindowFocused()) return;
    unread += 1;
    deps.setBadgeCount(unread);
    if (!deps.isSupported()) return;
    const name = title.trim() || 'Untitled conversation';
    deps.show({
      title: failure === null ? 'Reply finished' : 'Reply failed',
      // The title is the person's (or a model's, shown as plain text by the OS); the failure is the app's own wording.
      body: clip(failure === null ? name : `${name}: ${failure}`),
      onClick: () => deps.openConversation(conversationId),
    });
  };

  return {
    watchTurn() {
      let conversation: { id: string; title: string } | null = null;
      return (event) => {
        if (event.type === 'started') conversation = { id: event.conversation.id, title: event.conversation.title };
        else if (!conversation) return;
        else if (event.type === 'done') {
          // A stopped reply is the person's own doing (or the app quitting): nothing to tell them.
          if (event.message.status !== 'stopped') finished(conversation.id, conversation.title, null);
        } else if (event.type === 'error' && event.error.code !== 'aborted') {
          finished(conversation.id, conversation.title, event.error.message);
        }
      };
    },
    setEnabled(next) {
      enabled = next;
      if (!next && unread > 0) {
        unread = 0;
        deps.setBadgeCount(0);
      }
    },
    windowFocused() {
      if (unread === 0) return;
      unread = 0;
      deps.setBadgeCount(0);
    },
  };
}
