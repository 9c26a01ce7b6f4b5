// The open conversation's thread as the renderer holds it: the newest pages only, oldest first. Pure list updates
// for the moments the thread changes shape (a turn starts, an older page arrives, another version is shown).

import type { Message, MessagePage } from '../../../../shared/domain';

/**
 * The thread as a turn's `started` event describes it: everything up to the new user message's parent, then that
 * message. A send appends; an edit replaces the old question and what followed it; a regenerate keeps the question
 * and drops the reply being replaced (the live reply is drawn after it).
 */
export function threadAtStart(messages: readonly Message[], userMessage: Message): Message[] {
  if (userMessage.parentId === null) return [userMessage];
  const parent = messages.findIndex((item) => item.id === userMessage.parentId);
  if (parent !== -1) return [...messages.slice(0, parent + 1), userMessage];
  // The parent is on a page not loaded (or the list is still loading): keep what is there, place the message last.
  const own = messages.findIndex((item) => item.id === userMessage.id);
  return own === -1 ? [...messages, userMessage] : [...messages.slice(0, own), userMessage];
}

/** The messages up to and including `id`; all of them when `id` is not there. */
export function cutAfter(messages: readonly Message[], id: string): readonly Message[] {
  const index = messages.findIndex((item) => item.id === id);
  return index === -1 ? messages : messages.slice(0, index + 1);
}

/** An older page goes in front; a message already held (a page that overlaps) is not drawn twice. */
export function prependPage(messages: readonly Message[], page: readonly Message[]): Message[] {
  const held = new Set(messages.map((item) => item.id));
  return [...page.filter((item) => !held.has(item.id)), ...messages];
}

export interface VersionSwitch {
  messages: Message[];
  hasOlder: boolean;
  /** False when the answer could be joined to what was shown (the part above the flipped message stays put). */
  replaced: boolean;
}

/**
 * After another version was selected the core answers with the last page of the new thread. The part above the
 * flipped message is the same in both threads, so it is kept (and with it the reader's place) whenever the page
 * reaches back to the version now shown.
 */
export function switchVersion(
  messages: readonly Message[],
  hasOlder: boolean,
  selectedId: string,
  page: MessagePage,
): VersionSwitch {
  const flipped = messages.findIndex((item) => item.versionIds.includes(selectedId));
  const start = page.messages.findIndex((item) => item.id === selectedId);
  if (flipped === -1 || start === -1) return { messages: [...page.messages], hasOlder: page.hasOlder, replaced: true };
  return { messages: [...messages.slice(0, flipped), ...page.messages.slice(start)], hasOlder, replaced: false };
}

/** The newest message of a role in the loaded thread. */
export function lastOfRole(messages: readonly Message[], role: Message['role']): Message | null {
  for (let index = messages.length - 1; index >= 0; index--) {
    const item = messages[index];
    if (item?.role === role) return item;
  }
  return null;
}
