// Renderer: where the next message is written. Enter sends, Shift+Enter starts a new line, Up in an empty composer
// edits your last message. Files come in by the paperclip (Ctrl/Cmd+U), a drop or a paste and wait in the tray above
// the text. Only this component reads the draft, so typing re-renders nothing else.

import { type ClipboardEvent, type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import clsx from 'clsx';
import { maxMessageLength } from '../../../../shared/schemas';
import { selectIsReplying } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { type ClickGuard, createClickGuard, stopArmDelayMs } from './click-guard';
import { SendEstimate } from '../spend/SendEstimate';
import { AttachButton } from '../attachments/AttachButton';
import { AttachmentTray } from '../attachments/AttachmentTray';
import { AttachmentRefusalNotice } from '../attachments/AttachmentRefusalNotice';
import { PdfEngineChoice } from '../attachments/PdfEngineChoice';
import { decidePaste, pastedData } from '../attachments/paste-rule';
import { selectSendBlocker } from '../attachments/send-blocker';
import styles from './composer.module.css';

export const composerInputId = 'composer-input';

export function Composer() {
  const draft = useAppStore((s) => s.draft);
  const saved = useAppStore((s) => s.draftSaved);
  const replying = useAppStore(selectIsReplying);
  const setDraft = useAppStore((s) => s.setDraft);
  // Through the budget check: a reply that may pass the budget or the key's limit is asked about first.
  const sendMessage = useAppStore((s) => s.requestSend);
  const editLastMessage = useAppStore((s) => s.editLastMessage);
  const attachFiles = useAppStore((s) => s.attachFiles);
  const attachPastedText = useAppStore((s) => s.attachPastedText);
  const tooLong = draft.length > maxMessageLength;
  // One rule for the button, Enter and the store's send: empty, too long, uploading, or a file the model can't read.
  const blocker = useAppStore((s) => selectSendBlocker(s)?.kind ?? null);
  const canSend = !replying && blocker === null;

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const decision = decidePaste(pastedData(event.clipboardData));
    if (decision.kind === 'plain') return;
    event.preventDefault();
    if (decision.kind === 'files') attachFiles(decision.files);
    else attachPastedText(decision.text);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) void sendMessage();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms an IME candidate (Japanese, Chinese…), which must not send.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowUp' && draft === '' && !event.shiftKey && !event.altKey) {
      if (editLastMessage()) event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    if (canSend) void sendMessage();
  };

  return (
    <form className={styles.composer} onSubmit={submit} data-testid="composer" data-draft-saved={saved}>
      <label htmlFor={composerInputId} className="visually-hidden">
        Message
      </label>
      <AttachButton />
      <div className={styles.field}>
        <AttachmentTray />
        <PdfEngineChoice />
        <AttachmentRefusalNotice />
        {tooLong && (
          <p className={styles.limit} role="alert" id="composer-limit">
            This message is {draft.length.toLocaleString('en-US')} characters long; the limit is{' '}
            {maxMessageLength.toLocaleString('en-US')}. Shorten it or send it in parts — nothing has been sent.
          </p>
        )}
        <textarea
          id={composerInputId}
          value={draft}
          rows={2}
          placeholder="Write a message…  (Enter to send, Shift+Enter for a new line)"
          aria-invalid={tooLong}
          aria-describedby={tooLong ? 'composer-limit' : blocker === 'model' ? 'composer-refusal' : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      </div>
      {replying ? (
        <StopButton />
      ) : (
        <div className={styles.sendSide}>
          <SendEstimate />
          <button
            type="submit"
            className={clsx('primary', styles.send)}
            disabled={!canSend}
            aria-describedby={blocker === 'model' ? 'composer-refusal' : undefined}
            title={blocker === 'uploading' ? 'Waiting for the files to be added' : undefined}
          >
            Send
          </button>
        </div>
      )}
    </form>
  );
}

/**
 * Stop appears where Send was the moment a message goes out, so the second click of a double-click on Send would
 * land on it. It takes no click in its first moments on screen (Esc still stops at once).
 */
export function StopButton() {
  const stopReply = useAppStore((s) => s.stopReply);
  const guard = useRef<ClickGuard | null>(null);
  // The page says when clicks start to count (data-armed), so an end-to-end test waits for that instead of racing
  // the delay; the guard alone decides, and the timer only fires once the delay has passed, so it never says early.
  const [armed, setArmed] = useState(false);
  // Armed from the moment it is on screen; a click before that (the rest of a double-click) does nothing.
  useEffect(() => {
    guard.current = createClickGuard(() => performance.now());
    const timer = setTimeout(() => setArmed(true), stopArmDelayMs);
    return () => clearTimeout(timer);
  }, []);
  return (
    <button
      type="button"
      className={styles.send}
      data-armed={armed}
      onClick={() => {
        if (guard.current?.accepts()) stopReply();
      }}
    >
      Stop
    </button>
  );
}
