// Renderer: a message of yours, edited in place. Sending makes a new version of it; the old branch is kept.

import { type KeyboardEvent, useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { maxMessageLength } from '../../../../shared/schemas';
import { useAppStore } from '../../store/use-app-store';
import { messageClass } from './message-class';
import styles from './message.module.css';

export function EditMessageForm({ message }: { message: Message }) {
  const editMessage = useAppStore((s) => s.editMessage);
  const startEditing = useAppStore((s) => s.startEditing);
  const [text, setText] = useState(message.content);
  const changed = text.trim() !== '' && text !== message.content && text.length <= maxMessageLength;

  const cancel = () => {
    startEditing(null);
    document.getElementById('composer-input')?.focus();
  };
  const send = () => {
    if (changed) void editMessage(message.id, text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      // Esc leaves the editor; it must not also stop a reply elsewhere.
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form
      className={messageClass(message, styles.editing)}
      aria-label="Edit your message"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
        Edited message
      </label>
      <textarea
        id={`edit-${message.id}`}
        value={text}
        // The editor opens on purpose (Edit, or Up in the composer): the caret belongs in it.
        autoFocus
        onFocus={(event) => event.target.setSelectionRange(event.target.value.length, event.target.value.length)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="button-row end">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!changed}>
          Send edit
        </button>
      </div>
    </form>
  );
}
