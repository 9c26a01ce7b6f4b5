// Which of a reply's cited sources become links, and how each is labelled. Pure, so each rule is tested.

import type { Citation } from '../../../../shared/domain';
import { safeHref } from '../markdown/safe-url';

export interface SourceLink {
  /** 1-based, in the order the sources came. */
  number: number;
  /** The http(s) address to open outside the app, or null: then the source is shown as text, never as a link. */
  href: string | null;
  /** The page title as the provider sent it (untrusted: rendered as text), else the address. */
  title: string;
  /** "example.com", so the person sees where a link goes whatever its title says; null when not a web address. */
  host: string | null;
}

/** Numbered sources under a reply: each address once (a page cited twice keeps its first number). */
export function sourceLinks(citations: readonly Citation[] | null): SourceLink[] {
  const links: SourceLink[] = [];
  const seen = new Set<string>();
  for (const citation of citations ?? []) {
    if (seen.has(citation.url)) continue;
    seen.add(citation.url);
    const href = safeHref(citation.url);
    const title = citation.title?.trim() || citation.url;
    links.push({ number: links.length + 1, href, title, host: href === null ? null : new URL(href).host });
  }
  return links;
}
