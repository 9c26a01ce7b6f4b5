// Renderer: what a new chat shows before its first message, including the just-saved key.

import { selectIsReplying } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { KeyConfirmation } from './KeyConfirmation';
import styles from './empty-chat.module.css';

export function EmptyChat() {
  // Files waiting in the composer mean the person is already writing: the tray needs the room more than the welcome.
  const empty = useAppStore(
    (s) => s.messages.length === 0 && !s.messagesLoading && !selectIsReplying(s) && s.tray.length === 0,
  );
  const confirmation = useAppStore((s) => s.keyConfirmation);
  if (!empty) return null;
  return (
    <div className={styles.emptyChat}>
      {confirmation ? <KeyConfirmation status={confirmation} /> : null}
      <p className="muted">
        Pick a model above and ask anything. Each reply is paid from your OpenRouter credit; prices are per million
        tokens.
      </p>
    </div>
  );
}
