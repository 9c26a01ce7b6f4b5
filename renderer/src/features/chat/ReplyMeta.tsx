// Renderer: "model · provider · time to first token · tokens/s · tokens · cost" under a reply; the cost opens its
// breakdown.

import type { Message } from '../../../../shared/domain';
import { ReplyCost } from '../spend/ReplyCost';
import { replyCost } from '../spend/reply-cost';
import { useAppStore } from '../../store/use-app-store';
import { selectModelEntry } from '../../store/models-slice';
import { replyMetaParts } from './reply-meta';
import styles from './message.module.css';

export function ReplyMeta({ message }: { message: Message }) {
  const models = useAppStore((s) => s.models);
  const parts = replyMetaParts(message, (id) => selectModelEntry({ models }, id)?.name ?? null);
  // The cost control shows whenever there is a figure, a pending lookup, an estimate or tokens to break down.
  const showCost = replyCost(message) !== null || (message.status !== 'streaming' && message.usage !== null);
  if (parts.length === 0 && !showCost) return null;
  return (
    <div className={styles.meta} data-testid="reply-meta">
      {parts.map((part, index) => (
        <span key={part.text} title={part.title} className={part.stressed ? styles.metaFallback : undefined}>
          {index > 0 ? <span aria-hidden="true"> · </span> : null}
          {part.text}
        </span>
      ))}
      {showCost ? (
        <>
          {parts.length > 0 ? <span aria-hidden="true"> · </span> : null}
          <ReplyCost message={message} />
        </>
      ) : null}
    </div>
  );
}
