// Renderer: one conversation in the sidebar: its title on up to two lines (all of it on hover), the model and time
// beneath, and Pin, Rename and Delete (undoable for a few seconds from the toast).

import { memo, useState } from 'react';
import type { Conversation } from '../../../shared/domain';
import { activityTime, shortModel } from '../features/history/sidebar-rows';
import { selectIsStreamingIn } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';
import { RenameField } from './RenameField';

interface ConversationItemProps {
  conversation: Conversation;
  active: boolean;
  now: Date;
}

export const ConversationItem = memo(function ConversationItem({ conversation, active, now }: ConversationItemProps) {
  const selectConversation = useAppStore((s) => s.selectConversation);
  const renameConversation = useAppStore((s) => s.renameConversation);
  const deleteWithUndo = useAppStore((s) => s.deleteWithUndo);
  const togglePinned = useAppStore((s) => s.togglePinned);
  const streaming = useAppStore((s) => selectIsStreamingIn(s, conversation.id));
  const unread = useAppStore((s) => s.unread[conversation.id] === true);
  const [renaming, setRenaming] = useState(false);
  const title = conversation.title.trim() || 'Untitled conversation';
  const when = activityTime(conversation.updatedAt, now);
  const model = shortModel(conversation.model);

  return (
    <div role="listitem" className={`conversation-item${active ? ' active' : ''}`}>
      {renaming ? (
        <RenameField
          initial={conversation.title}
          onDone={async (next) => {
            if (next !== null) await renameConversation(conversation.id, next);
            setRenaming(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="conversation-title"
          aria-current={active ? 'true' : undefined}
          title={`${title}\n${conversation.model} · ${new Date(conversation.updatedAt).toLocaleString()}`}
          onClick={() => void selectConversation(conversation.id)}
        >
          <span className="conversation-name">{title}</span>
          <span className="conversation-subtitle">
            {model} · {when}
            {conversation.pinned ? <span className="visually-hidden">, pinned</span> : null}
          </span>
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
      {renaming ? null : (
        <span className="conversation-actions">
          <button
            type="button"
            className={`icon-button${conversation.pinned ? ' pinned' : ''}`}
            aria-label={conversation.pinned ? 'Unpin conversation' : 'Pin conversation'}
            aria-pressed={conversation.pinned}
            title={conversation.pinned ? 'Unpin' : 'Pin to the top'}
            onClick={() => void togglePinned(conversation.id)}
          >
            <PinIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Rename conversation"
            title="Rename conversation"
            onClick={() => setRenaming(true)}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Delete conversation"
            title="Delete conversation (you can undo it for a few seconds)"
            onClick={() => void deleteWithUndo(conversation.id)}
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
});

function PinIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M9 3h6l-1 6 4 4v2h-5v6l-1 1-1-1v-6H6v-2l4-4z"
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="1"
        strokeLinejoin="round"
      />
    </svg>
  );
}
