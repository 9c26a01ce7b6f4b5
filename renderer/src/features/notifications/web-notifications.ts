// Renderer: on the web host, a finished reply is announced with the browser's Notification API — only once the
// person turned the Settings switch on and the browser granted it then; the desktop app's main process announces
// replies itself (electron/main/reply-notifier.ts), so the page there never does.

import { useEffect } from 'react';
import type { FinishedReply } from '../../store/types';
import { appStore } from '../../store/use-app-store';

/** What the page can know: whether it is the desktop app, the switch, the browser's answer and the page's focus. */
export interface NotifyFacts {
  desktop: boolean;
  enabled: boolean;
  permission: NotificationPermission | 'unsupported';
  focused: boolean;
}

export const shouldNotifyInPage = (facts: NotifyFacts): boolean =>
  !facts.desktop && facts.enabled && facts.permission === 'granted' && !facts.focused;

export const browserPermission = (): NotifyFacts['permission'] =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export function notificationText(reply: FinishedReply): { title: string; body: string } {
  return {
    title: reply.failed ? 'Reply failed' : 'Reply finished',
    body: reply.title.trim() || 'Untitled conversation',
  };
}

/** Watches the store for finished replies while mounted (web host only; `desktop` turns it off). */
export function useWebReplyNotifications(desktop: boolean): void {
  useEffect(() => {
    if (desktop) return;
    return appStore.subscribe((state, previous) => {
      const reply = state.finishedReply;
      if (!reply || reply === previous.finishedReply) return;
      const facts = {
        desktop,
        enabled: state.notifications,
        permission: browserPermission(),
        focused: document.hasFocus(),
      };
      if (!shouldNotifyInPage(facts)) return;
      const text = notificationText(reply);
      const notification = new Notification(text.title, { body: text.body });
      notification.onclick = () => {
        window.focus();
        void appStore.getState().selectConversation(reply.conversationId);
        notification.close();
      };
    });
  }, [desktop]);
}
