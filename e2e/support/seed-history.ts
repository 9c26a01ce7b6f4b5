// Test support: writes a long conversation into a profile's history through the core's own repositories, before
// the host starts (the host holds the profile lock while it runs).

import { join } from 'node:path';
import { historyFileName } from '../../electron/core/core';
import { ConversationRepo } from '../../electron/core/db/conversation-repo';
import { MessageRepo } from '../../electron/core/db/message-repo';
import { openDatabase } from '../../electron/core/db/open-database';

/** The question of turn `n`, so a test can tell which page is on screen. */
export const seededQuestion = (turn: number) => `Seeded question number ${turn}`;

/** Adds one conversation of `messageCount` messages (question, answer, …) in one transaction; returns its id. */
export function seedLongConversation(profileDir: string, messageCount: number, title: string): string {
  const db = openDatabase(join(profileDir, historyFileName));
  try {
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    let id = '';
    db.transaction(() => {
      id = conversations.create({ title, model: 'openai/gpt-4o-mini' }).id;
      for (let turn = 0; turn < messageCount / 2; turn++) {
        messages.insertUser({ conversationId: id, content: seededQuestion(turn), model: null });
        const answer = messages.createAssistant({ conversationId: id, model: 'openai/gpt-4o-mini' });
        messages.finalize(answer.id, {
          status: 'complete',
          content: `Seeded answer ${turn}: ${'a few words of text that wrap over a line or two. '.repeat(1 + (turn % 4))}`,
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
    return id;
  } finally {
    db.close();
  }
}
