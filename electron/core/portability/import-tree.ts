// Core: checks an imported conversation's message tree and puts it in an order the database accepts — every
// parent before its children, no cycles, no dangling parents — whatever order the file listed it in.

import type { ExportedConversation, ExportedMessage } from './export-format';
import { badFile } from './import-limits';

/** The messages parents-first (siblings keep the file's order); the current leaf is one of them or the newest. */
export function orderTree(conversation: ExportedConversation, label: string): ExportedConversation {
  const byId = new Map<string, ExportedMessage>();
  const children = new Map<string | null, ExportedMessage[]>();
  for (const message of conversation.messages) {
    if (byId.has(message.id)) badFileThrow(`${label} lists message "${message.id}" twice.`);
    byId.set(message.id, message);
  }
  for (const message of conversation.messages) {
    if (message.parentId !== null && !byId.has(message.parentId)) {
      badFileThrow(`${label}: message "${message.id}" follows "${message.parentId}", which is not in it.`);
    }
    const list = children.get(message.parentId);
    if (list) list.push(message);
    else children.set(message.parentId, [message]);
  }

  // A file already parents-first (every export is) keeps its order, so versions keep theirs and a round trip is exact.
  const seen = new Set<string>();
  const inOrder = conversation.messages.every((m) => {
    seen.add(m.id);
    return m.parentId === null || (seen.has(m.parentId) && m.parentId !== m.id);
  });
  // Otherwise depth-first from the roots without recursion: a 10,000-turn thread is 10,000 levels deep.
  const ordered: ExportedMessage[] = inOrder ? [...conversation.messages] : [];
  const stack = inOrder ? [] : [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const message = stack.pop()!;
    ordered.push(message);
    const next = children.get(message.id);
    if (next) for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  if (ordered.length !== conversation.messages.length) {
    badFileThrow(`${label}: its messages follow each other in a circle.`);
  }

  const leaf =
    conversation.currentLeafId !== null && byId.has(conversation.currentLeafId)
      ? conversation.currentLeafId
      : (ordered.at(-1)?.id ?? null);
  return {
    ...conversation,
    currentLeafId: leaf,
    // A reply cut off by a crash in the exporting app is not streaming here.
    messages: ordered.map((m) => (m.status === 'streaming' ? { ...m, status: 'interrupted' } : m)),
  };
}

function badFileThrow(problem: string): never {
  throw badFile(problem);
}
