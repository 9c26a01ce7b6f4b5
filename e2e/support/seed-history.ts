// Test and benchmark support: writes long conversations into a profile's history through the core's own
// repositories, before a host starts (the host holds the profile lock while it runs). `npm run bench` seeds its
// profiles with this too (build/bench/seed-profile.ts is the command-line form).

import { join } from 'node:path';
import { historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';

/** The question of turn `n`, so a test can tell which page is on screen. */
export const seededQuestion = (turn: number) => `Seeded question number ${turn}`;

const words =
  'the quick brown fox jumps over a lazy dog while tokens from many models stream in and costs add up slowly'.split(
    ' ',
  );

/** A reply of ~700 characters of Markdown: a paragraph, a short list, and every fifth one a code block. */
function seededAnswer(turn: number): string {
  let paragraph = '';
  for (let k = 0; k < 70; k++) paragraph += `${words[(turn * 7 + k) % words.length]} `;
  const list = `\n\n- first point ${turn}\n- second point\n- third point`;
  const code =
    turn % 5 === 0 ? `\n\n\`\`\`ts\nconst answer${turn} = ${turn} * 2;\nconsole.log(answer${turn});\n\`\`\`` : '';
  return `Seeded answer ${turn}: ${paragraph.trim()}.${list}${code}`;
}

export interface SeededConversation {
  id: string;
  title: string;
  /** Text that appears only in the last message, to recognise it on screen. */
  lastMarker: string;
}

/** Adds one conversation of `messageCount` messages (question, answer, …) on `model`, in one transaction. */
export function seedLongConversation(
  profileDir: string,
  messageCount: number,
  title: string,
  model = 'openai/gpt-4o-mini',
): SeededConversation {
  const db = openDatabase(join(profileDir, historyFileName));
  try {
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    const lastMarker = `end-of-${title.toLowerCase().replace(/\W+/g, '-')}`;
    let id = '';
    db.transaction(() => {
      id = conversations.create({ title, model }).id;
      const turns = Math.ceil(messageCount / 2);
      for (let turn = 0; turn < turns; turn++) {
        const last = turn === turns - 1;
        messages.insertUser({ conversationId: id, content: seededQuestion(turn), model: null });
        if (last && messageCount % 2 === 1) break;
        const answer = messages.createAssistant({ conversationId: id, model });
        messages.finalize(answer.id, {
          status: 'complete',
          content: last ? `${seededAnswer(turn)}\n\n${lastMarker}` : seededAnswer(turn),
          reasoning: null,
          model,
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
