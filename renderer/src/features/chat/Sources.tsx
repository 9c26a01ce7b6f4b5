// Renderer: "Sources: [1] title — host" under a reply that cited pages (web search). Links open outside the app, as
// links in a reply do (markdown/SafeLink); titles come from the web and are only ever text.

import type { Citation } from '../../../../shared/domain';
import { sourceLinks } from './citations';
import styles from './message.module.css';

export function Sources({ citations }: { citations: readonly Citation[] | null }) {
  const links = sourceLinks(citations);
  if (links.length === 0) return null;
  return (
    <div className={styles.sources}>
      <span aria-hidden="true">Sources:</span>
      <ol aria-label="Sources">
        {links.map((link) => (
          <li key={link.number}>
            [{link.number}]{' '}
            {link.href === null ? (
              <span>{link.title}</span>
            ) : (
              <a href={link.href} target="_blank" rel="noopener noreferrer" title={link.href}>
                {link.title}
              </a>
            )}
            {link.host !== null ? <span className={styles.sourceHost}> — {link.host}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
