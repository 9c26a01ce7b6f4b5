// Renderer: how the untrusted parts of a reply become elements: links, images and tables.

import type { ComponentProps } from 'react';
import type { ExtraProps } from 'hast-util-to-jsx-runtime';
import { safeHref } from './safe-url';
import styles from './markdown.module.css';

/** An http(s) link opens outside the app; any other target is shown as its text, not as a link. */
export function SafeLink({ href, title, children }: ComponentProps<'a'> & ExtraProps) {
  const safe = safeHref(href);
  if (safe === null) return <span>{children}</span>;
  return (
    <a href={safe} title={title} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/**
 * Images in a reply are never loaded (a remote image tells its server the reply was read, and the page's CSP
 * refuses them anyway): an http(s) image becomes a link to it, anything else its alt text.
 */
export function ImageAsLink({ src, alt, title }: ComponentProps<'img'> & ExtraProps) {
  const safe = safeHref(src);
  const text = `Image: ${alt || 'untitled'}`;
  if (safe === null) return <span className={styles.mdImage}>{text}</span>;
  return (
    <a className={styles.mdImage} href={safe} title={title} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}

/** Wide tables scroll sideways inside the reading column instead of widening it. */
export function ScrollTable({ children }: ComponentProps<'table'> & ExtraProps) {
  return (
    // Focusable so the table can be scrolled from the keyboard.
    <div className={styles.mdTableScroll} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}
