// Renderer: where the next message is written. Enter sends, Shift+Enter starts a new line.

import type { FormEvent, KeyboardEvent } from 'react';
import { selectIsReplying } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';

export function Composer() {
  const draft = useAppStore((s) => s.draft);
  const replying = useAppStore(selectIsReplying);
  const setDraft = useAppStore((s) => s.setDraft);
  const sendMessage = useAppStore((s) => s.sendMessage);
  const stopReply = useAppStore((s) => s.stopReply);
  const canSend = !replying && draft.trim() !== '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) void sendMessage();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms an IME candidate (Japanese, Chinese…), which must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) void sendMessage();
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="composer-input" className="visually-hidden">
        Message
      </label>
      <textarea
        id="composer-input"
        value={draft}
        rows={2}
        placeholder="Write a message…  (Enter to send, Shift+Enter for a new line)"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {replying ? (
        <button type="button" className="stop" onClick={stopReply}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!canSend}>
          Send
        </button>
      )}
    </form>
  );
}
