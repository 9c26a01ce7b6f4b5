// Contract: what history search answers, and the library changes the core broadcasts to every open window.

import type { Conversation, MessageRole } from './domain';

/** A piece of a search snippet; `match` pieces are the searched words. Plain text: shown as text, never as HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  messageId: string;
  conversationId: string;
  conversationTitle: string;
  role: MessageRole;
  /** The model the message was sent to (a question) or that wrote it (a reply). */
  model: string | null;
  createdAt: number;
  snippet: SnippetPart[];
}

export interface SearchResults {
  /** Best first, at most `limit`; the renderer groups them by conversation. */
  hits: SearchHit[];
  /** The query was longer than the search reads (its first 256 characters, 16 words). */
  truncated: boolean;
}

/** The messages of a conversation's current thread that match, oldest first: what Find steps through. */
export interface FindResults {
  messageIds: string[];
  truncated: boolean;
}

/**
 * A change to the conversation list, sent to every connected window (the one that made it too), so all of them show
 * the same list without reloading. `changed` carries the conversation as it now is (created, renamed, pinned,
 * answered, restored); `removed` means deleted (perhaps only until an undo); `cleared` means all history was deleted.
 */
export type LibraryEvent =
  { type: 'changed'; conversation: Conversation } | { type: 'removed'; id: string } | { type: 'cleared' };
