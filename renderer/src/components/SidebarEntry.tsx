// Renderer: one row of the sidebar, a conversation's or a compare's (their items say what goes in it): the title that
// opens it, on up to two lines (all of it on hover), what and when beneath, a mark while a reply is being written or
// unread, and Pin (conversations only), Rename (in place) and Delete (undoable for a few seconds from the toast).

import clsx from 'clsx';
import { type ReactNode, useState } from 'react';
import { RenameField } from './RenameField';
import styles from './sidebar-entry.module.css';

/** On the button that opens a row: a click on it means the person is done with the list (see ConversationList). */
export const opensRowAttribute = 'data-opens-row';

interface SidebarEntryProps {
  /** What the row is, in its buttons' names: "Rename conversation", "Delete compare". */
  noun: 'conversation' | 'compare';
  /** The title as shown (a blank title already replaced by "Untitled …"). */
  title: string;
  /** The stored title, which the rename field starts from. */
  storedTitle: string;
  /** All of the title and what the subtitle shortens, on hover. */
  tooltip: string;
  subtitle: ReactNode;
  active: boolean;
  mark: { kind: 'streaming' | 'unread'; title: string; spoken: string } | null;
  /** Conversations only: whether it is pinned, and the button that pins or unpins it. */
  pin?: { pinned: boolean; toggle(): void };
  deleteTitle: string;
  onOpen(): void;
  onRename(title: string): Promise<unknown>;
  onDelete(): void;
}

export function SidebarEntry(props: SidebarEntryProps) {
  const { noun, pin } = props;
  const [renaming, setRenaming] = useState(false);
  return (
    <div role="listitem" className={clsx(styles.entry, props.active && styles.active)}>
      {renaming ? (
        <RenameField
          className={styles.rename}
          initial={props.storedTitle}
          label={noun === 'compare' ? 'Compare title' : 'Conversation title'}
          onDone={async (next) => {
            if (next !== null) await props.onRename(next);
            setRenaming(false);
          }}
        />
      ) : (
        <>
          <button
            type="button"
            className={styles.open}
            aria-current={props.active ? 'true' : undefined}
            title={props.tooltip}
            {...{ [opensRowAttribute]: '' }}
            onClick={props.onOpen}
          >
            <span className={styles.name} data-testid="row-title">
              {props.title}
            </span>
            <span className={styles.subtitle}>{props.subtitle}</span>
            {props.mark ? (
              <span className={clsx(styles.mark, styles[props.mark.kind])} title={props.mark.title}>
                <span className="visually-hidden">{props.mark.spoken}</span>
              </span>
            ) : null}
          </button>
          <span className={styles.actions}>
            {pin ? (
              <button
                type="button"
                className={clsx('icon-button', styles.action, pin.pinned && styles.pinned)}
                aria-label={pin.pinned ? 'Unpin conversation' : 'Pin conversation'}
                aria-pressed={pin.pinned}
                title={pin.pinned ? 'Unpin' : 'Pin to the top'}
                onClick={pin.toggle}
              >
                <PinIcon />
              </button>
            ) : null}
            <button
              type="button"
              className={clsx('icon-button', styles.action)}
              aria-label={`Rename ${noun}`}
              title={`Rename ${noun}`}
              onClick={() => setRenaming(true)}
            >
              ✎
            </button>
            <button
              type="button"
              className={clsx('icon-button', styles.action)}
              aria-label={`Delete ${noun}`}
              title={props.deleteTitle}
              onClick={props.onDelete}
            >
              ×
            </button>
          </span>
        </>
      )}
    </div>
  );
}

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
