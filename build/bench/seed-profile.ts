// Benchmark support: writes large conversations into a profile's history through the core's own repositories, so
// anyone can reproduce the figures (`npx tsx build/bench/seed-profile.ts <profile-dir> <messages> [title]`).

import { join } from 'node:path';
import { historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';

const words =
  'the quick brown fox jumps over a lazy dog while tokens from many models stream in and costs add up slowly'.split(
    ' ',
  );

/** A reply of ~700 characters of Markdown: a paragraph, a short list, and every fifth one a code block. */
function answerText(turn: number): string {
  let paragraph = '';
  for (let k = 0; k < 70; k++) paragraph += `${words[(turn * 7 + k) % words.length]} `;
  const list = `\n\n- first point ${turn}\n- second point\n- third point`;
  const code =
    turn % 5 === 0 ? `\n\n\`\`\`ts\nconst answer${turn} = ${turn} * 2;\nconsole.log(answer${turn});\n\`\`\`` : '';
  return `${paragraph.trim()} (${turn}).${list}${code}`;
}

export interface SeededConversation {
  id: string;
  title: string;
  /** Text that appears only in the last message, to recognise it on screen. */
  lastMarker: string;
}

/** Adds one conversation of `messageCount` messages (alternating question and answer) in one transaction. */
export function seedConversation(profileDir: string, messageCount: number, title: string): SeededConversation {
  const db = openDatabase(join(profileDir, historyFileName));
  try {
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    const lastMarker = `end-of-${title.toLowerCase().replace(/\W+/g, '-')}`;
    let id = '';
    db.transaction(() => {
      id = conversations.create({ title, model: 'openai/gpt-4o-mini' }).id;
      const turns = Math.ceil(messageCount / 2);
      for (let t = 0; t < turns; t++) {
        const last = t === turns - 1;
        messages.insertUser({ conversationId: id, content: `Question ${t}: tell me about item ${t}.`, model: null });
        if (last && messageCount % 2 === 1) break;
        const answer = messages.createAssistant({ conversationId: id, model: 'openai/gpt-4o-mini' });
        messages.finalize(answer.id, {
          status: 'complete',
          content: last ? `${answerText(t)}\n\n${lastMarker}` : answerText(t),
          reasoning: null,
          model: 'openai/gpt-4o-mini',
          provider: 'OpenAI',
          generationId: null,
          finishReason: 'stop',
          usage: null,
          error: null,
        });
      }
    })();
    return { id, title, lastMarker };
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [profileDir, count, title] = process.argv.slice(2);
  if (!profileDir || !count) {
    console.error('usage: tsx build/bench/seed-profile.ts <profile-dir> <messages> [title]');
    process.exit(2);
  }
  const seeded = seedConversation(profileDir, Number(count), title ?? `Seeded ${count}`);
  console.log(`seeded "${seeded.title}" (${count} messages) into ${profileDir}`);
}
