// The Spend view's calls that are more than a read: the budget as the person typed it, and replies' costs by id.

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { SpendRepo } from './spend-repo';
import { SpendService } from './spend-service';

describe('SpendService', () => {
  let db: Database;
  let messages: MessageRepo;
  let service: SpendService;
  const budget = () => {
    const overview = service.overview(0);
    return overview.ok ? overview.value.budget : 'unreadable';
  };

  beforeEach(() => {
    db = openDatabase(':memory:');
    messages = new MessageRepo(db);
    service = new SpendService(new SpendRepo(db), messages);
  });
  afterEach(() => db.close());

  it.each([
    ['20', '20'],
    ['20.50', '20.5'],
    ['20.5', '20.5'],
    ['20.00', '20'],
    ['020', '20'],
    ['0.75', '0.75'],
    ['00.750', '0.75'],
    [' 12.10 ', '12.1'],
    ['20.05', '20.05'],
    ['100', '100'],
    ['007.5', '7.5'],
  ])('keeps a budget of %j as %j', (typed, kept) => {
    expect(service.setBudget(typed)).toEqual({ ok: true, value: { budget: kept } });
    expect(budget()).toBe(kept);
  });

  it.each([null, '0', '0.00', '000'])('reads a budget of %j as none', (typed) => {
    service.setBudget('20');
    expect(service.setBudget(typed)).toEqual({ ok: true, value: { budget: null } });
    expect(budget()).toBeNull();
  });

  it('remembers which month each warning was shown in, separately', () => {
    expect(service.markWarned('budget', '2026-11')).toEqual({ ok: true, value: { marked: true } });
    expect(service.overview(0)).toMatchObject({
      ok: true,
      value: { budgetWarnedMonth: '2026-11', keyLimitWarnedMonth: null },
    });
    service.markWarned('key-limit', '2026-12');
    expect(service.overview(0)).toMatchObject({
      ok: true,
      value: { budgetWarnedMonth: '2026-11', keyLimitWarnedMonth: '2026-12' },
    });
  });

  it('answers replies’ current figures by id, leaving out ids no longer stored', () => {
    const conversation = new ConversationRepo(db).create({ title: 'Wombats', model: 'a/b' });
    const question = messages.insertUser({ conversationId: conversation.id, content: 'Q', model: null });
    const reply = messages.createAssistant({ conversationId: conversation.id, model: 'a/b' });
    const answered = service.replyCosts(['gone', reply.id, question.id]);
    expect(answered.ok && answered.value.map((m) => m.id)).toEqual([reply.id, question.id]);
  });
});
