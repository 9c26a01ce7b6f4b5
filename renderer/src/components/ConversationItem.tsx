// Renderer: one conversation in the sidebar, with rename and delete.

import { memo, useState } from 'react';
import type { Conversation } from '../../../shared/domain';
import { selectIsStreamingIn } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { ConfirmDialog } from './ConfirmDialog';
import { RenameField } from './RenameField';

interface ConversationItemProps {
  conversation: Conversation;
  active: boolean;
}

export const ConversationItem = memo(function ConversationItem({ conversation, active }: ConversationItemProps) {
  const selectConversation = useAppStore((s) => s.selectConversation);
  const renameConversation = useAppStore((s) => s.renameConversation);
  const deleteConversation = useAppStore((s) => s.deleteConversation);
  const streaming = useAppStore((s) => selectIsStreamingIn(s, conversation.id));
  const unread = useAppStore((s) => s.unread[conversation.id] === true);
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [deleting, setDeleting] = useState(false);
  const title = conversation.title.trim() || 'Untitled conversation';

  const confirmDelete = async () => {
    setDeleting(true);
    const deleted = await deleteConversation(conversation.id);
    // On success this row unmounts; on failure the banner explains and the row stays.
    if (!deleted) {
      setDeleting(false);
      setMode('view');
    }
  };

  return (
    <li className={`conversation-item${active ? ' active' : ''}`}>
      {mode === 'rename' ? (
        <RenameField
          initial={conversation.title}
          onDone={async (next) => {
            if (next !== null) await renameConversation(conversation.id, next);
            setMode('view');
          }}
        />
      ) : (
        <button
          type="button"
          className="conversation-title"
          aria-current={active ? 'true' : undefined}
          title={title}
          onClick={() => void selectConversation(conversation.id)}
        >
          <span className="conversation-name">{title}</span>
          {streaming ? (
            <span className="conversation-mark streaming" title="A reply is being written">
              <span className="visually-hidden">, replying</span>
            </span>
          ) : unread ? (
            <span className="conversation-mark unread" title="New reply">
              <span className="visually-hidden">, new reply</span>
            </span>
          ) : null}
        </button>
      )}
      {mode === 'rename' ? null : (
        <span className="conversation-actions">
          <button
            type="button"
            className="icon-button"
            aria-label="Rename conversation"
            title="Rename conversation"
            onClick={() => setMode('rename')}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Delete conversation"
            title="Delete conversation"
            onClick={() => setMode('confirm-delete')}
          >
            ×
          </button>
        </span>
      )}
      {mode === 'confirm-delete' ? (
        <ConfirmDialog
          title="Delete this conversation?"
          body={`“${title}” and its messages will be removed from this computer. What it cost stays in your spending history.`}
          confirmLabel="Delete"
          busy={deleting}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setMode('view')}
        />
      ) : null}
    </li>
  );
});
