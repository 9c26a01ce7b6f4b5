// Renderer: under a reply the core could not save yet (a full disk): what happened and that the text is not lost.

import { describeUnsavedReply } from '../lib/error-text';
import { useAppStore } from '../store/use-app-store';
import { ErrorTextLines } from './ErrorTextLines';

export function UnsavedReplyNote({ messageId }: { messageId: string }) {
  const error = useAppStore((s) => s.unsavedReplies[messageId]);
  if (!error) return null;
  const text = describeUnsavedReply(error);
  return (
    <div role="status" className="message-warning">
      <ErrorTextLines text={text} />
    </div>
  );
}
