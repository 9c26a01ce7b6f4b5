// Core: a Markdown file as a new conversation. Role headings split it into turns — Switchboard's own export
// ("### You", "### Assistant (model · tokens · cost)") and the usual forms other tools write ("## User",
// "**ChatGPT:**"); a file without any becomes one message from you, ready to continue. A zip of such files (what
// "Export all (Markdown zip)" writes) comes here one file at a time (import-reader.ts).

import { createHash } from 'node:crypto';
import type { ExportedConversation, ExportedMessage } from './export-format';
import { fromPico, toPico } from '../../../shared/money';
import { modelIdSchema } from '../../../shared/schemas';
import { importedConversation, importedMessage } from './imported-message';

const userWords = 'you|user|me|human|question|prompt';
const assistantWords = 'assistant|ai|chatgpt|gpt|claude|gemini|model|answer|bot|switchboard';
const rolePattern = (words: string) =>
  new RegExp(`^(?:#{1,6}\\s+(?:${words})\\b(.*)|\\*\\*(?:${words})\\*\\*:?\\s*(.*)|(?:${words}):\\s*$)`, 'i');
const userLine = rolePattern(userWords);
const assistantLine = rolePattern(assistantWords);
const fenceLine = /^\s{0,3}(`{3,}|~{3,})/;
const versionsNote = /^_This (?:question|reply) has \d+ other versions?; the JSON export keeps them\._$/;

interface Turn {
  role: 'user' | 'assistant';
  meta: string;
  lines: string[];
}

/** "(openai/gpt-4o · 1,234 tokens · $0.0012)" → what can be read back. */
function readMeta(meta: string): Pick<ExportedMessage, 'model' | 'usage'> {
  const inner = meta.trim().replace(/^\((.*)\)$/, '$1');
  const parts = inner.split('·').map((p) => p.trim());
  const model = parts.find((p) => modelIdSchema.safeParse(p).success) ?? null;
  const tokens = parts.map((p) => /^([\d,]+) tokens$/.exec(p)).find(Boolean);
  const cost = parts.map((p) => (p === 'free' ? ['', '0'] : /^\$([\d.]+(?:e-?\d+)?)$/.exec(p))).find(Boolean);
  const usage =
    tokens || cost
      ? {
          promptTokens: null,
          completionTokens: null,
          totalTokens: tokens ? Number(tokens[1]!.replace(/,/g, '')) : null,
          reasoningTokens: null,
          cachedTokens: null,
          costUsd: cost ? fromPico(toPico(cost[1]) ?? 0n) : null,
          isByok: null,
          raw: null,
        }
      : null;
  return { model, usage };
}

export function markdownConversation(
  text: string,
  fileName: string,
  fallbackModel: string,
  now: number,
): ExportedConversation {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let title = fileName.replace(/\.(md|markdown|txt)$/i, '').trim();
  let model = fallbackModel;
  const turns: Turn[] = [];
  const preamble: string[] = [];
  let fence: string | null = null;
  let titleTaken = false;
  // The times Switchboard's own export writes, so a zip of conversations keeps its order in the list.
  let started: number | null = null;
  let lastActivity: number | null = null;

  for (const line of lines) {
    const fenceMatch = fenceLine.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    }
    const inFence = fence !== null || fenceMatch !== null;
    if (!inFence) {
      const user = userLine.exec(line);
      const assistant = user ? null : assistantLine.exec(line);
      if (user || assistant) {
        const match = (user ?? assistant)!;
        turns.push({ role: user ? 'user' : 'assistant', meta: match[1] ?? match[2] ?? '', lines: [] });
        continue;
      }
      if (turns.length === 0) {
        const heading = /^#\s+(.+)$/.exec(line);
        if (heading && !titleTaken) {
          title = heading[1]!.trim();
          titleTaken = true;
          continue;
        }
        const modelLine = /^- Model: (\S+)$/.exec(line);
        if (modelLine && modelIdSchema.safeParse(modelLine[1]).success) {
          model = modelLine[1]!;
          continue;
        }
        const time = /^- (Started|Last activity): (\S+)$/.exec(line);
        if (time) {
          const at = Date.parse(time[2]!);
          if (Number.isFinite(at) && at >= 0) {
            if (time[1] === 'Started') started = at;
            else lastActivity = at;
          }
          continue;
        }
      }
      if (versionsNote.test(line.trim())) continue;
    }
    (turns.at(-1)?.lines ?? preamble).push(line);
  }

  const body = (ls: string[]) => ls.join('\n').trim();
  if (turns.length === 0 || body(preamble).length > 0) {
    turns.unshift({ role: 'user', meta: '', lines: preamble });
  }
  // Ids come from the file itself, so importing the same file (or the same zip of them) again adds nothing.
  const id = `md-${createHash('sha256').update(fileName).update('\u0000').update(text).digest('hex').slice(0, 32)}`;
  const messages: ExportedMessage[] = [];
  for (const turn of turns) {
    const content = body(turn.lines);
    if (!content) continue;
    const meta = turn.role === 'assistant' ? readMeta(turn.meta) : { model: null, usage: null };
    messages.push(
      importedMessage({
        id: `${id}/${messages.length}`,
        parentId: messages.at(-1)?.id ?? null,
        role: turn.role,
        content,
        model: meta.model,
        usage: meta.usage,
        createdAt: (started ?? now) + messages.length,
      }),
    );
  }
  return importedConversation({
    id,
    title: (title || 'Imported notes').slice(0, 200),
    model,
    createdAt: started ?? now,
    updatedAt: Math.max(lastActivity ?? 0, (started ?? now) + messages.length),
    currentLeafId: messages.at(-1)?.id ?? null,
    messages,
  });
}
