// Renderer: "model · provider · time to first token · tokens/s · tokens · cost" under a reply.

import type { Message } from '../../../../shared/domain';
import { replyMetaParts } from './reply-meta';

export function ReplyMeta({ message }: { message: Message }) {
  const parts = replyMetaParts(message);
  if (parts.length === 0) return null;
  return (
    <p className="message-meta">
      {parts.map((part, index) => (
        <span key={part.text} title={part.title}>
          {index > 0 ? <span aria-hidden="true"> · </span> : null}
          {part.text}
        </span>
      ))}
    </p>
  );
}
