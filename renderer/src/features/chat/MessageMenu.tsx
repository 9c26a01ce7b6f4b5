// Renderer: a message's own context menu (right-click, or the keyboard's menu key / Shift+F10 on a message): Copy,
// Copy as Markdown and Select all. The page shows it itself, on both hosts: only the page knows which message was
// clicked and the Markdown it was written in — Electron's context menu (electron/main/context-menu.ts) sees only
// Chromium's facts about the click, and a right-click the page took never reaches it. Elsewhere (fields, other text)
// the desktop app's and the browser's own menus are untouched.

import {
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import type { Message } from '../../../../shared/domain';
import { copyText, menuPosition } from './message-menu';
import clsx from 'clsx';
import styles from './message-actions.module.css';
import messageStyles from './message.module.css';
import markdownStyles from '../markdown/markdown.module.css';

const writeClipboard = (text: string) =>
  navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );

/**
 * The element holding the message's text as read on screen: a person's plain text, or a reply's rendered Markdown
 * (the whole of it, and not the Thinking block's, which is Markdown too but not a child of the message).
 */
function textElement(article: HTMLElement): HTMLElement {
  const selector = [messageStyles.text, markdownStyles.markdown]
    .flatMap((name) => (name ? [`:scope > .${CSS.escape(name)}`] : []))
    .join(', ');
  return (selector ? article.querySelector<HTMLElement>(selector) : null) ?? article;
}

interface Open {
  x: number;
  y: number;
  /** The selection when the menu opened (opening it must not lose what the person selected). */
  selection: { text: string; inMessage: boolean };
}

export function useMessageMenu(message: Message, articleRef: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState<Open | null>(null);
  const [note, setNote] = useState('');
  /** What had the focus when the menu opened, to give it back on Esc. */
  const returnFocus = useRef<HTMLElement | null>(null);

  const onContextMenu = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    // A text field inside a message keeps the system's menu (spelling, paste); so does a message still streaming.
    if (target.closest('input, textarea, [contenteditable="true"]') || message.status === 'streaming') return;
    event.preventDefault();
    const article = articleRef.current;
    if (!article) return;
    const selection = window.getSelection();
    const inMessage =
      !!selection && selection.rangeCount > 0 && article.contains(selection.getRangeAt(0).commonAncestorContainer);
    // The keyboard's menu key has no pointer: open at the message's top-left corner instead.
    const fromKeyboard = event.clientX === 0 && event.clientY === 0;
    const rect = article.getBoundingClientRect();
    setNote('');
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen({
      x: fromKeyboard ? rect.left + 16 : event.clientX,
      y: fromKeyboard ? rect.top + 16 : event.clientY,
      selection: { text: selection?.toString() ?? '', inMessage },
    });
  };

  const close = useCallback((refocus: boolean) => {
    setOpen(null);
    if (refocus) returnFocus.current?.focus();
  }, []);

  const copy = async (text: string, what: string) => {
    close(false);
    const ok = await writeClipboard(text);
    setNote(ok ? `Copied ${what}.` : 'Could not copy: the clipboard is not available here.');
  };

  const actions = {
    copy: () => {
      const article = articleRef.current;
      if (open && article) void copy(copyText(open.selection, textElement(article).innerText.trim()), 'the text');
    },
    copyMarkdown: () => void copy(message.content, 'the message as Markdown'),
    selectAll: () => {
      close(false);
      const article = articleRef.current;
      if (!article) return;
      const range = document.createRange();
      range.selectNodeContents(textElement(article));
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    },
  };

  const menu = (
    <>
      {/* In the body, not the message: the list positions its rows with transforms, which would carry a fixed menu. */}
      {open ? createPortal(<MessageMenu at={open} actions={actions} onClose={close} />, document.body) : null}
      {/* A polite live region, as the copy button's: says what was copied. */}
      <span aria-live="polite" className="visually-hidden">
        {note}
      </span>
    </>
  );
  return { onContextMenu, menu };
}

interface MessageMenuProps {
  at: { x: number; y: number };
  actions: { copy(): void; copyMarkdown(): void; selectAll(): void };
  onClose(refocus: boolean): void;
}

function MessageMenu({ at, actions, onClose }: MessageMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: at.x, top: at.y });

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    setPlace(menuPosition(at, menu.getBoundingClientRect(), { width: window.innerWidth, height: window.innerHeight }));
    menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [at]);

  useEffect(() => {
    // A click elsewhere, the person scrolling (wheel or touch; a scrollbar drag starts with a pointerdown) or the
    // window losing focus closes it, as menus do. Not any scroll event: the list scrolls by itself to stay at its end
    // when a reply's row grows (its cost arriving a moment after it finished), and that closed the menu just opened.
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose(false);
    };
    const onAway = () => onClose(false);
    const scrolling = ['wheel', 'touchmove'] as const;
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('blur', onAway);
    for (const type of scrolling) document.addEventListener(type, onAway, { capture: true, passive: true });
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('blur', onAway);
      for (const type of scrolling) document.removeEventListener(type, onAway, { capture: true });
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      // Closing the menu is all Esc does here: it must not also stop a reply.
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    }
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'ArrowDown'
        ? items[(at + 1) % items.length]
        : event.key === 'ArrowUp'
          ? items[(at + items.length - 1) % items.length]
          : event.key === 'Home'
            ? items[0]
            : event.key === 'End'
              ? items.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label="Message"
      className={clsx(styles.popoverMenu, styles.messageMenu)}
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        // A portal's events still bubble to the message in React's tree: this must not reopen the menu.
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      <button type="button" role="menuitem" onClick={actions.copy}>
        Copy
      </button>
      <button type="button" role="menuitem" onClick={actions.copyMarkdown}>
        Copy as Markdown
      </button>
      <button type="button" role="menuitem" onClick={actions.selectAll}>
        Select all
      </button>
    </div>
  );
}
