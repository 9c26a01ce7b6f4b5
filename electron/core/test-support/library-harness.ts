// Test support: a LibraryService over a fresh history database, on a clock the test moves, its announcements kept.

import type { Database } from 'better-sqlite3';
import type { LibraryEvent } from '../../../shared/library';
import { ConversationRepo } from '../db/conversation-repo';
import { DraftRepo } from '../db/draft-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import { SearchRepo } from '../db/search-repo';
import { LibraryService } from '../library-service';

export interface LibraryHarness {
  db: Database;
  conversations: ConversationRepo;
  messages: MessageRepo;
  library: LibraryService;
  /** What the library announced, oldest first. */
  events: LibraryEvent[];
}

/** Opens (or creates) the history database `file`; the caller closes `db`. */
export function libraryHarness(file: string, now: () => number = Date.now): LibraryHarness {
  const db = openDatabase(file);
  const conversations = new ConversationRepo(db, { now });
  const messages = new MessageRepo(db, { now });
  const events: LibraryEvent[] = [];
  const library = new LibraryService(
    conversations,
    messages,
    messages.threads,
    new DraftRepo(db),
    new SearchRepo(db),
    (event) => events.push(event),
    now,
  );
  return { db, conversations, messages, library, events };
}
