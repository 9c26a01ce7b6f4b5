// Core: the total of the thread on screen, kept beside the conversation's total so the header reads it instead of
// walking from the leaf to the root (about 20 ms at 10,000 messages). It is a cache: thread_total is the exact sum of
// the costs from the root down to thread_leaf, or both are NULL when not known, and SpendRepo walks and refills it
// then. The triggers extend it when the leaf moves one message down (every turn), add a cost settled on the leaf
// itself, and forget it when anything else could have changed it: the leaf moving elsewhere (a version chosen), a
// cost changing on a message with children (a late settlement above the leaf), a message removed.

import type { Migration } from './migration';

export const threadTotalMigration: Migration = {
  version: 80,
  name: 'thread-total',
  up(db) {
    db.exec(`
      ALTER TABLE conversation_costs ADD COLUMN thread_leaf TEXT;
      ALTER TABLE conversation_costs ADD COLUMN thread_total INTEGER;

      -- A first message is a thread of its own; a child of the known leaf adds its cost; anything else: unknown.
      CREATE TRIGGER conversation_costs_leaf AFTER UPDATE OF current_leaf_id ON conversations
      WHEN new.current_leaf_id IS NOT old.current_leaf_id BEGIN
        UPDATE conversation_costs SET (thread_leaf, thread_total) = (
          SELECT CASE WHEN m.parent_id IS NULL OR m.parent_id = conversation_costs.thread_leaf THEN m.id END,
                 CASE WHEN m.parent_id IS NULL THEN coalesce(m.cost_pico, 0)
                      WHEN m.parent_id = conversation_costs.thread_leaf
                        THEN conversation_costs.thread_total + coalesce(m.cost_pico, 0) END
          FROM messages m WHERE m.id = new.current_leaf_id
        )
        WHERE conversation_id = new.id;
      END;

      -- A message without children is on the thread only if it is the leaf; one with children might be above it.
      CREATE TRIGGER conversation_costs_thread_cost AFTER UPDATE OF cost_pico ON messages
      WHEN new.cost_pico IS NOT old.cost_pico BEGIN
        UPDATE conversation_costs SET (thread_leaf, thread_total) = (
          SELECT CASE WHEN conversation_costs.thread_leaf = new.id THEN new.id
                      WHEN EXISTS (SELECT 1 FROM messages c
                                   WHERE c.conversation_id = new.conversation_id AND c.parent_id = new.id) THEN NULL
                      ELSE conversation_costs.thread_leaf END,
                 CASE WHEN conversation_costs.thread_leaf = new.id
                        THEN conversation_costs.thread_total - coalesce(old.cost_pico, 0) + coalesce(new.cost_pico, 0)
                      WHEN EXISTS (SELECT 1 FROM messages c
                                   WHERE c.conversation_id = new.conversation_id AND c.parent_id = new.id) THEN NULL
                      ELSE conversation_costs.thread_total END
        )
        WHERE conversation_id = new.conversation_id AND thread_leaf IS NOT NULL;
      END;

      CREATE TRIGGER conversation_costs_thread_delete AFTER DELETE ON messages BEGIN
        UPDATE conversation_costs SET thread_leaf = NULL, thread_total = NULL
        WHERE conversation_id = old.conversation_id AND thread_leaf IS NOT NULL;
      END;
    `);
  },
};
