// Core (Node: Electron main or web host): builds every service from one configuration; both transports call this.

import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AppInfo } from '../../shared/domain';
import { ActiveKeySource } from './active-key';
import { ChatService } from './chat-service';
import type { CoreConfig } from './config';
import { ConversationRepo } from './db/conversation-repo';
import { MessageRepo } from './db/message-repo';
import { openDatabase } from './db/open-database';
import { KeyService } from './key-service';
import { LibraryService } from './library-service';
import type { Logger } from './logger';
import { ModelService } from './model-service';
import { OpenRouterClient } from './openrouter/client';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { MemorySecretStore } from './secrets/memory-secret-store';
import type { SecretStore } from './secrets/secret-store';

export interface Core {
  keys: KeyService;
  library: LibraryService;
  models: ModelService;
  chat: ChatService;
  appInfo(): AppInfo;
  close(): void;
}

export interface CoreDependencies {
  logger: Logger;
  transport: AppInfo['transport'];
  fetch?: typeof globalThis.fetch;
}

export const historyFileName = 'history.sqlite3';

export function createCore(config: CoreConfig, deps: CoreDependencies): Core {
  const db: Database.Database = openDatabase(join(config.profileDir, historyFileName));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const repaired = messages.repairInterrupted();
  if (repaired > 0) deps.logger.warn(`marked ${repaired} interrupted repl${repaired === 1 ? 'y' : 'ies'} as stopped`);

  const keychain: SecretStore =
    config.secretStore === 'memory'
      ? new MemorySecretStore()
      : new KeytarSecretStore({ service: config.keychainService, account: config.keychainAccount });
  const keySource = new ActiveKeySource(keychain, new MemorySecretStore());
  const client = new OpenRouterClient({
    baseUrl: config.openRouterBaseUrl,
    fetch: deps.fetch ?? globalThis.fetch,
    getKey: () => keySource.read(),
  });

  return {
    keys: new KeyService(keySource, client),
    library: new LibraryService(conversations, messages),
    models: new ModelService(client),
    chat: new ChatService(conversations, messages, client),
    appInfo: () => ({
      version: config.appVersion,
      transport: deps.transport,
      openRouterBaseUrl: config.openRouterBaseUrl,
    }),
    close: () => db.close(),
  };
}
