// Web host (Node): export downloads and import uploads over plain HTTP on the loopback host. Files never travel
// through the WebSocket (its frames are capped at 4 MB): a download streams the export as it is written, an upload
// streams the browser's file straight into the import. The job id, 128 random bits handed out only over the
// token-checked socket and good for one use, is what authorises either; Host is checked as for every request,
// an upload must come from the app's own origin, and a download from the app's own page.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportSummary } from '../../shared/portability';
import type { Result } from '../../shared/result';
import { exportPathPrefix, importPathPrefix } from '../../shared/web-protocol';
import { pageHeaders } from '../core/page-policy';
import type { Logger } from '../core/logger';
import { isAllowedOrigin } from './request-guard';

/** The core's side of file transfers (PortabilityService). */
export interface FileJobs {
  openExport(jobId: string): Promise<{ fileName: string; bytes: AsyncIterable<Uint8Array> } | null>;
  runImport(jobId: string, bytes: AsyncIterable<Uint8Array>): Promise<Result<ImportSummary>>;
}

const jobIdPattern = /^[0-9a-f]{32}$/;

const contentTypes: Record<string, string> = {
  json: 'application/json',
  zip: 'application/zip',
  md: 'text/markdown; charset=utf-8',
};

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...pageHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

/** Answers a files request and returns true, or returns false when the path is not one of ours. */
export async function serveFiles(
  request: IncomingMessage,
  response: ServerResponse,
  jobs: FileJobs,
  port: number,
  logger: Logger,
): Promise<boolean> {
  const path = (request.url ?? '').split('?')[0] ?? '';
  if (path.startsWith(exportPathPrefix)) {
    await serveExport(request, response, jobs, path.slice(exportPathPrefix.length), logger);
    return true;
  }
  if (path.startsWith(importPathPrefix)) {
    await serveImport(request, response, jobs, path.slice(importPathPrefix.length), port);
    return true;
  }
  return false;
}

async function serveExport(
  request: IncomingMessage,
  response: ServerResponse,
  jobs: FileJobs,
  jobId: string,
  logger: Logger,
): Promise<void> {
  if (request.method !== 'GET') return plain(response, 405, 'Downloads are GET requests.');
  // Browsers mark where a request came from; only the app's own page may start a download.
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return plain(response, 403, 'Forbidden.');
  const opened = jobIdPattern.test(jobId) ? await jobs.openExport(jobId) : null;
  if (!opened) return plain(response, 404, 'This export is over or was never started; export again from Switchboard.');
  const extension = opened.fileName.split('.').pop() ?? '';
  response.writeHead(200, {
    ...pageHeaders,
    'Content-Type': contentTypes[extension] ?? 'application/octet-stream',
    'Content-Disposition': attachmentHeader(opened.fileName),
  });
  try {
    await pipeline(Readable.from(opened.bytes), response);
  } catch (error) {
    // A download cancelled in the browser, or the export cancelled in the app: the job already says which.
    logger.info(`export download ended early: ${(error as Error).message}`);
    response.destroy();
  }
}

async function serveImport(
  request: IncomingMessage,
  response: ServerResponse,
  jobs: FileJobs,
  jobId: string,
  port: number,
): Promise<void> {
  if (request.method !== 'POST') return plain(response, 405, 'Uploads are POST requests.');
  if (!isAllowedOrigin(request.headers.origin, port)) return plain(response, 403, 'Forbidden.');
  if (!jobIdPattern.test(jobId)) return plain(response, 404, 'No such import.');
  const result = await jobs.runImport(jobId, request);
  const body = JSON.stringify(result);
  // The import may have stopped before the end of the file (too large, cancelled): the rest is not read.
  const complete = request.readableEnded;
  response.writeHead(result.ok ? 200 : 422, {
    ...pageHeaders,
    'Content-Type': 'application/json',
    ...(complete ? {} : { Connection: 'close' }),
  });
  response.end(body, () => {
    if (!complete) request.destroy();
  });
}
