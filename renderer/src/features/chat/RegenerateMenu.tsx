// Renderer: Regenerate, and a small menu to regenerate with another model (lately used ones, or any model id), or
// exactly as the reply was sent (its model and settings, when the conversation's have changed since).

import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Message } from '../../../../shared/domain';
import { shortModelName } from '../../lib/format';
import { selectCurrentModel } from '../../store/selectors';
import { useAppStore } from '../../store/use-app-store';
import { recentModels } from './recent-models';
import clsx from 'clsx';
import styles from './message-actions.module.css';

export function RegenerateMenu({ message, disabled }: { message: Message; disabled: boolean }) {
  const id = useId();
  const regenerate = useAppStore((s) => s.regenerate);
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) toggleRef.current?.focus();
  }, []);
  const choose = (model?: string) => {
    close(false);
    void regenerate(message.id, model);
  };
  const chooseAsSent = () => {
    close(false);
    void regenerate(message.id, undefined, { asSent: true });
  };
  const sentModel = message.requestedModel ?? message.model;

  return (
    <span className={styles.regenerate}>
      <button type="button" className={styles.quietButton} disabled={disabled} onClick={() => choose()}>
        Regenerate
      </button>
      <button
        ref={toggleRef}
        type="button"
        className={clsx(styles.quietButton, styles.iconOnly)}
        aria-label="Regenerate with another model"
        title="Regenerate with another model"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        ▾
      </button>
      {open ? (
        <ModelMenu
          id={`${id}-menu`}
          exclude={message.model}
          asSent={message.sentSettings && sentModel ? { model: sentModel, onChoose: chooseAsSent } : null}
          onChoose={choose}
          onClose={close}
        />
      ) : null}
    </span>
  );
}

interface ModelMenuProps {
  id: string;
  exclude: string | null;
  /** Offered when the reply recorded what it was sent with. */
  asSent: { model: string; onChoose(): void } | null;
  onChoose(model: string): void;
  onClose(refocus: boolean): void;
}

function ModelMenu({ id, exclude, asSent, onChoose, onClose }: ModelMenuProps) {
  const models = useAppStore(useShallow((s) => recentModels(s.conversations, selectCurrentModel(s), exclude)));
  const [typed, setTyped] = useState('');
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"], input')?.focus();
    // A click anywhere else closes the menu, as menus do.
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Closing the menu is all Esc does here: it must not also stop a reply.
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"], input') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    event.preventDefault();
    next?.focus();
  };

  return (
    <div
      ref={menuRef}
      id={id}
      role="menu"
      aria-label="Regenerate with"
      className={styles.popoverMenu}
      onKeyDown={onKeyDown}
    >
      {asSent ? (
        <button type="button" role="menuitem" title={asSent.model} onClick={asSent.onChoose}>
          As sent
          <span className={styles.menuDetail}>{shortModelName(asSent.model)} with this reply’s settings</span>
        </button>
      ) : null}
      {models.map((model) => (
        <button key={model} type="button" role="menuitem" title={model} onClick={() => onChoose(model)}>
          {shortModelName(model)}
          <span className={styles.menuDetail}>{model}</span>
        </button>
      ))}
      <form
        className={styles.menuField}
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim() !== '') onChoose(typed.trim());
        }}
      >
        <label htmlFor={`${id}-other`}>Other model id</label>
        <input
          id={`${id}-other`}
          value={typed}
          placeholder="e.g. anthropic/claude-sonnet-4"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
    </div>
  );
}
