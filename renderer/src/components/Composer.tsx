// Renderer: where the next message is written. Enter sends, Shift+Enter starts a new line.

import type { FormEvent, KeyboardEvent } from 'react';
import { maxMessageLength } from '../../../shared/schemas';
import { selectIsReplying } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';

export function Composer() {
  const draft = useAppStore((s) => s.draft);
  const replying = useAppStore(selectIsReplying);
  const setDraft = useAppStore((s) => s.setDraft);
  const sendMessage = useAppStore((s) => s.sendMessage);
  const stopReply = useAppStore((s) => s.stopReply);
  const tooLong = draft.length > maxMessageLength;
  const canSend = !replying && draft.trim() !== '' && !tooLong;

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
      <div className="composer-field">
        {tooLong && (
          <p className="composer-limit" role="alert" id="composer-limit">
            This message is {draft.length.toLocaleString('en-US')} characters long; the limit is{' '}
            {maxMessageLength.toLocaleString('en-US')}. Shorten it or send it in parts — nothing has been sent.
          </p>
        )}
        <textarea
          id="composer-input"
          value={draft}
          rows={2}
          placeholder="Write a message…  (Enter to send, Shift+Enter for a new line)"
          aria-invalid={tooLong}
          aria-describedby={tooLong ? 'composer-limit' : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
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
