// Core: the history database's public surface; other core modules import from here.

export { openDatabase, type OpenDatabaseOptions } from './open-database';
export { migrate, readSchemaVersion, type MigrateOptions, type MigrationReport } from './migrate';
export { allMigrations, type Migration } from './migrations';
export { ConversationRepo, defaultConversationTitle, type RepoOptions } from './conversation-repo';
export { MessageRepo, type FinalizeInput, type NewAssistantMessage, type NewUserMessage } from './message-repo';
export { SearchRepo, type SearchOptions } from './search-repo';
export { guardStorage, toStorageError } from './storage-error';
