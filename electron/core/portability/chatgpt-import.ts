// Core: one conversation of a ChatGPT export (`conversations.json`) in Switchboard's shape. ChatGPT keeps a tree of
// message nodes (`mapping`, each node naming its parent and children, `current_node` the end of the thread shown):
// regenerated answers and edited questions are sibling branches, which become versions here. Nodes a person never
// saw as chat (system prompts, tool calls and their output, hidden or empty nodes) are left out, and their children
// hang from the nearest kept ancestor instead.

import { createHash } from 'node:crypto';
import type { ExportedConversation, ExportedMessage } from './export-format';
import { badFile } from './import-limits';
import { importedConversation, importedMessage } from './imported-message';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
/** ChatGPT times are seconds (with fractions) since the epoch. */
const asMs = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;

/** ChatGPT names models by slug ("gpt-4o"); OpenRouter knows OpenAI's as "openai/<slug>". */
export function openRouterModel(slug: string | null): string | null {
  if (!slug) return null;
  const clean = slug
    .toLowerCase()
    .replace(/[^\w.:~-]/g, '-')
    .slice(0, 150);
  return clean ? `openai/${clean}` : null;
}

/** The text a person saw in a node, or null for nodes that were never chat. */
function visibleText(message: Json): string | null {
  const role = asString(asObject(message.author)?.role);
  if (role !== 'user' && role !== 'assistant') return null;
  const metadata = asObject(message.metadata);
  if (metadata?.is_visually_hidden_from_conversation === true) return null;
  const recipient = asString(message.recipient);
  if (recipient !== null && recipient !== 'all') return null; // a tool call
  const content = asObject(message.content);
  const type = asString(content?.content_type);
  let text: string | null = null;
  if (type === 'text' || type === 'multimodal_text') {
    const parts = Array.isArray(content?.parts) ? content.parts : [];
    text = parts
      .map((part) => (typeof part === 'string' ? part : asObject(part) ? '[attachment not imported]' : ''))
      .filter((part) => part.length > 0)
      .join('\n\n');
  } else if (type === 'code' && role === 'user') {
    text = asString(content?.text);
  }
  return text !== null && text.trim().length > 0 ? text : null;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * Ids are derived from ChatGPT's own, so importing the same export again finds the conversation already there.
 * `fallbackModel` is the conversation's model when ChatGPT named none.
 */
export function chatGptConversation(raw: unknown, index: number, fallbackModel: string): ExportedConversation | null {
  const label = `Conversation ${index + 1} of the ChatGPT export`;
  const conversation = asObject(raw);
  const mapping = asObject(conversation?.mapping);
  if (!conversation || !mapping) throw badFile(`${label} is not a ChatGPT conversation (it has no "mapping").`);

  const title = (asString(conversation.title) ?? '').trim() || 'Imported from ChatGPT';
  const createdAt = asMs(conversation.create_time) ?? 0;
  const sourceId =
    asString(conversation.conversation_id) ??
    asString(conversation.id) ??
    digest(`${title}\u0000${String(conversation.create_time)}`);
  const id = `chatgpt-${sourceId.slice(0, 60)}`;

  // Which kept message each node stands for (itself, or its nearest kept ancestor), resolved without recursion.
  const nodes = new Map<string, Json>();
  for (const [key, value] of Object.entries(mapping)) {
    const node = asObject(value);
    if (node) nodes.set(asString(node.id) ?? key, node);
  }
  const kept = new Map<string, ExportedMessage>();
  const standsFor = new Map<string, string | null>();
  const resolve = (start: string): string | null => {
    const trail: string[] = [];
    let at: string | null = start;
    const visiting = new Set<string>();
    while (at !== null && !standsFor.has(at)) {
      if (visiting.has(at)) break; // a cycle: what it reaches has no root
      visiting.add(at);
      trail.push(at);
      const node = nodes.get(at);
      at = node ? asString(node.parent) : null;
      if (at !== null && !nodes.has(at)) at = null;
    }
    let answer: string | null = at !== null ? (standsFor.get(at) ?? null) : null;
    for (let i = trail.length - 1; i >= 0; i--) {
      const nodeId = trail[i]!;
      if (kept.has(nodeId)) answer = kept.get(nodeId)!.id;
      standsFor.set(nodeId, answer);
    }
    return standsFor.get(start) ?? null;
  };

  let lastModel: string | null = null;
  for (const [nodeId, node] of nodes) {
    const message = asObject(node.message);
    const text = message ? visibleText(message) : null;
    if (!message || text === null) continue;
    const role = asString(asObject(message.author)?.role) as 'user' | 'assistant';
    const model = role === 'assistant' ? openRouterModel(asString(asObject(message.metadata)?.model_slug)) : null;
    if (model) lastModel = model;
    const at = asMs(message.create_time) ?? createdAt;
    kept.set(
      nodeId,
      importedMessage({
        id: `${id}/${nodeId.slice(0, 36)}`,
        parentId: null,
        role,
        content: text,
        status: asString(message.status) === 'in_progress' ? 'interrupted' : 'complete',
        model,
        provider: model ? 'OpenAI' : null,
        createdAt: at,
      }),
    );
  }

  const messages: ExportedMessage[] = [];
  for (const [nodeId, message] of kept) {
    const parent = asString(nodes.get(nodeId)?.parent);
    messages.push({ ...message, parentId: parent !== null && nodes.has(parent) ? resolve(parent) : null });
  }
  if (messages.length === 0) return null; // nothing a person wrote or read: not worth a conversation
  // Siblings (versions) in the order they were written.
  messages.sort((a, b) => a.createdAt - b.createdAt);

  const current = asString(conversation.current_node);
  const updatedAt = Math.max(asMs(conversation.update_time) ?? 0, ...messages.map((m) => m.createdAt), createdAt);
  return importedConversation({
    id,
    title: title.slice(0, 500),
    model: openRouterModel(asString(conversation.default_model_slug)) ?? lastModel ?? fallbackModel,
    createdAt,
    updatedAt,
    currentLeafId: current !== null && nodes.has(current) ? resolve(current) : null,
    messages,
  });
}
