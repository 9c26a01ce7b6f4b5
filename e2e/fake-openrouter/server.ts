// Runs in the fake OpenRouter process (or inside a test runner): a local stand-in for
// https://openrouter.ai/api/v1 that records every request so tests can assert on what a client sent.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type RequestContext, type ServerSettings } from './context';
import { AttemptCounter } from './attempts';
import { PromptCache } from './prompt-cache';
import { GenerationStore } from './generation-store';
import { KeyLedger } from './keys';
import { route } from './routes';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON, or null when there was no body or it was not JSON. */
  body: unknown;
  startedAt: number;
  endedAt: number | null;
  /** True if the client closed the connection before the response finished. */
  clientDisconnected: boolean;
  status: number | null;
  generationId: string | null;
}

export interface FakeOpenRouter {
  /** e.g. http://127.0.0.1:PORT/api/v1 */
  baseUrl: string;
  port: number;
  /** In arrival order. */
  requests: RecordedRequest[];
  /**
   * Resolves with the first recorded request that satisfies `predicate`, re-checked whenever a request
   * progresses (status sent, client disconnected, ended). Rejects after `timeoutMs` (default 5000).
   */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Revokes a key as its owner would on openrouter.ai, while the app keeps running with it. */
  revokeKey(key: string): void;
  /** Forgets recorded requests, generations, spending and revocations, so the next test starts afresh. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** 0 = random. */
  port?: number;
  /** Default 127.0.0.1: the fake is never reachable from another machine. */
  host?: string;
  /** How long /generation answers 404 after a generation ends; default 1500. */
  generationDelayMs?: number;
  /** Default delay between content chunks; default 30. */
  chunkDelayMs?: number;
  /** Accepted `reasoning.effort` values; the set OpenRouter accepts has changed over time. */
  reasoningEfforts?: readonly string[];
  /** One line per finished request: method, path, status. */
  log?: (line: string) => void;
}

const DEFAULT_EFFORTS = ['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none'];

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // A client that leaves mid-body still gets recorded with what arrived.
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('aborted', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseJson(text: string): { body: unknown; invalid: boolean } {
  if (text.trim() === '') return { body: null, invalid: false };
  try {
    return { body: JSON.parse(text) as unknown, invalid: false };
  } catch {
    return { body: null, invalid: true };
  }
}

interface Waiter {
  check(): void;
}

export function startFakeOpenRouter(options: FakeOptions = {}): Promise<FakeOpenRouter> {
  const host = options.host ?? '127.0.0.1';
  const settings: ServerSettings = {
    generationDelayMs: options.generationDelayMs ?? 1500,
    chunkDelayMs: options.chunkDelayMs ?? 30,
    reasoningEfforts: options.reasoningEfforts ?? DEFAULT_EFFORTS,
  };
  const log = options.log ?? (() => {});
  const ledger = new KeyLedger();
  const generations = new GenerationStore(settings.generationDelayMs);
  const attempts = new AttemptCounter();
  const promptCache = new PromptCache();
  const requests: RecordedRequest[] = [];
  const waiters = new Set<Waiter>();
  const notify = () => {
    for (const w of [...waiters]) w.check();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-openrouter.invalid');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: headersOf(req),
      body: null,
      startedAt: Date.now(),
      endedAt: null,
      clientDisconnected: false,
      status: null,
      generationId: null,
    };
    requests.push(record);
    const aborter = new AbortController();
    res.on('close', () => {
      record.endedAt = Date.now();
      if (!res.writableFinished) {
        record.clientDisconnected = true;
        aborter.abort();
      }
      record.status ??= res.headersSent ? res.statusCode : null;
      const note = record.clientDisconnected ? ' (client disconnected)' : '';
      log(`${record.method} ${record.path} ${record.status ?? '-'}${note} ${record.endedAt - record.startedAt}ms`);
      notify();
    });

    // Waiters hear of a request once its body is read: a test that finds it can always inspect what was sent.
    const { body, invalid } = parseJson(await readBody(req));
    record.body = body;
    notify();
    const ctx: RequestContext = {
      req,
      res,
      url,
      body,
      bodyInvalid: invalid,
      record,
      signal: aborter.signal,
      settings,
      ledger,
      generations,
      attempts,
      promptCache,
      notify,
    };
    try {
      await route(ctx);
    } catch (error) {
      log(
        `error while answering ${record.method} ${record.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        record.status = 500;
        res.end(JSON.stringify({ error: { code: 500, message: 'Internal Server Error' } }));
      } else {
        res.destroy();
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const hostInUrl = host.includes(':') ? `[${host}]` : host;
      const fake: FakeOpenRouter = {
        baseUrl: `http://${hostInUrl}:${port}/api/v1`,
        port,
        requests,
        waitFor(predicate, timeoutMs = 5000) {
          return new Promise((resolveWait, rejectWait) => {
            const waiter: Waiter = {
              check() {
                let found: RecordedRequest | undefined;
                try {
                  found = requests.find(predicate);
                } catch (error) {
                  finish();
                  rejectWait(error);
                  return;
                }
                if (found) {
                  finish();
                  resolveWait(found);
                }
              },
            };
            const timer = setTimeout(() => {
              finish();
              const seen = requests.map(
                (r) => `${r.method} ${r.path} ${r.status ?? '-'}${r.clientDisconnected ? ' (disconnected)' : ''}`,
              );
              rejectWait(
                new Error(`waitFor timed out after ${timeoutMs} ms; requests so far: ${seen.join('; ') || 'none'}`),
              );
            }, timeoutMs);
            const finish = () => {
              clearTimeout(timer);
              waiters.delete(waiter);
            };
            waiters.add(waiter);
            waiter.check();
          });
        },
        revokeKey(key) {
          ledger.revoke(key);
        },
        reset() {
          requests.length = 0;
          ledger.reset();
          generations.reset();
          attempts.reset();
          promptCache.reset();
        },
        close() {
          return new Promise((resolveClose) => {
            server.close(() => resolveClose());
            // Streams that never end (the hang scenario) and idle keep-alive sockets would hold close() forever.
            server.closeAllConnections();
          });
        },
      };
      resolve(fake);
    });
  });
}
