// Test helpers only: a ChatService over a real SQLite file and a scripted upstream, with a clock the script advances.

import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ChatStreamEvent, Message, Usage } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { ChatService, type ChatServiceOptions, type ChatStreamer } from '../chat-service';
import { ConversationRepo } from '../db/conversation-repo';
import { MessageRepo } from '../db/message-repo';
import { openDatabase } from '../db/open-database';
import type { ChatRequest, GenerationStats, UpstreamEvent } from '../openrouter/types';

export const model = 'openai/gpt-4o-mini';

export const usage = (completionTokens: number, costUsd: number | null): Usage =>
  usageFixture({
    promptTokens: 10,
    completionTokens,
    totalTokens: 10 + completionTokens,
    costUsd: costUsd === null ? null : String(costUsd),
    isByok: false,
    raw: { completion_tokens: completionTokens },
  });

export const started = (generationId: string): UpstreamEvent => ({
  type: 'started',
  generationId,
  model,
  provider: 'OpenAI',
});
export const reply = (text: string, generationId = 'gen-1', finish = 'stop'): UpstreamEvent[] => [
  started(generationId),
  { type: 'delta', text },
  { type: 'finish', finishReason: finish, nativeFinishReason: finish },
  { type: 'usage', usage: usage(5, 0.001) },
  { type: 'done', finishReason: finish, generationId },
];
export const upstreamError = (
  status: number,
  retryAfterSeconds?: number,
  message = `HTTP ${status}`,
): UpstreamEvent => ({
  type: 'error',
  error: {
    code: 'upstream_error',
    message,
    status,
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  },
  generationId: null,
});

/** A script step: an upstream event, a clock advance, or a throw (the streamer failing outside the protocol). */
export type ScriptStep = UpstreamEvent | { advance: number } | { throws: Error };

export interface ChatHarnessOptions {
  maxOutput?: number;
  /** GET /generation; by default it finds nothing. */
  getGeneration?: (id: string) => Promise<Result<GenerationStats>>;
  service?: ChatServiceOptions;
}

/** Each call to streamChat plays the next script. */
export interface ChatHarness {
  db: Database;
  conversations: ConversationRepo;
  messages: MessageRepo;
  service: ChatService;
  requests: ChatRequest[];
  /** The waits before automatic retries, in milliseconds. */
  slept: number[];
  /** The generation ids looked up for their cost. */
  lookups: string[];
  conversationId: string;
}

export function chatHarness(dir: string, scripts: ScriptStep[][], options: ChatHarnessOptions = {}): ChatHarness {
  const db = openDatabase(join(dir, 'history.sqlite3'));
  let clock = 1_000;
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const requests: ChatRequest[] = [];
  const slept: number[] = [];
  const lookups: string[] = [];
  const streamer: ChatStreamer = {
    getGeneration: async (id) => {
      lookups.push(id);
      return options.getGeneration
        ? options.getGeneration(id)
        : { ok: false, error: { code: 'not_found', message: 'none' } };
    },
    async *streamChat(request) {
      requests.push(request);
      for (const step of scripts[requests.length - 1] ?? []) {
        if ('advance' in step) clock += step.advance;
        else if ('throws' in step) throw step.throws;
        else yield step;
      }
    },
  };
  const service = new ChatService(conversations, messages, streamer, {
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      return true;
    },
    ...(options.maxOutput ? { outputBudget: async () => options.maxOutput as number } : {}),
    ...options.service,
  });
  const conversation = conversations.create({ title: 't', model });
  return { db, conversations, messages, service, requests, slept, lookups, conversationId: conversation.id };
}

/** Reads a turn to its end; `message` is the reply its last event carries. */
export async function run(stream: AsyncIterable<ChatStreamEvent>) {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  const last = events.at(-1);
  const message = last && (last.type === 'done' || last.type === 'error') ? last.message : null;
  return { events, message: message as Message };
}

export const signal = (): AbortSignal => new AbortController().signal;
export const roles = (request: ChatRequest | undefined) => request?.messages.map((m) => `${m.role}:${m.content}`);
