// Web host (Node): attachments over plain HTTP on the loopback host, never through the WebSocket (its frames are
// capped at 4 MB). Upload: POST <prefix>?name=… with the bytes as the body; only the app's own origin with the run's
// token (in a header, never the URL) may add a file, and the answer is the core's Result as JSON. Download: GET
// <prefix><id>/<variant>, from the app's own page only; the id is the content's hash, so it names nothing the asker
// does not already have, and the content type is the stored record's.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  attachmentPathPrefix,
  attachmentTokenHeader,
  maxAttachmentBytes,
  parseAttachmentPath,
} from '../../shared/attachments';
import { type Result, fail } from '../../shared/result';
import type { AttachmentFiles } from '../core/attachments/attachment-files';
import { attachmentErrors } from '../core/attachments/attachment-errors';
import { attachmentHeaders } from '../core/attachments/attachment-headers';
import { pageHeaders } from '../core/page-policy';
import { isAllowedOrigin } from './request-guard';

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...pageHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

function json(response: ServerResponse, result: Result<unknown>, complete: boolean, request: IncomingMessage): void {
  // A body refused before it was all read is not read further: the connection closes once the answer is out.
  response.writeHead(result.ok ? 200 : 422, {
    ...pageHeaders,
    'Content-Type': 'application/json',
    ...(complete ? {} : { Connection: 'close' }),
  });
  response.end(JSON.stringify(result), () => {
    if (!complete) request.destroy();
  });
}

function sameToken(offered: string | string[] | undefined, token: string): boolean {
  const a = Buffer.from(typeof offered === 'string' ? offered : '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or null once it grows past `limit` (the rest is left unread). */
async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  // A Buffer is a Uint8Array: the joined bytes go on as they are (a second 20 MB copy would cost time for nothing).
  return Buffer.concat(chunks, size);
}

export interface AttachmentRouteOptions {
  attachments: AttachmentFiles;
  port: number;
  token: string;
}

/** Answers an attachments request and returns true, or returns false when the path is not one of ours. */
export async function serveAttachments(
  request: IncomingMessage,
  response: ServerResponse,
  options: AttachmentRouteOptions,
): Promise<boolean> {
  const [path = '', query = ''] = (request.url ?? '').split('?');
  if (!path.startsWith(attachmentPathPrefix) && path !== attachmentPathPrefix.slice(0, -1)) return false;
  const rest = path.slice(attachmentPathPrefix.length);
  if (request.method === 'POST' && rest === '') {
    await upload(request, response, options, new URLSearchParams(query).get('name') ?? '');
    return true;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plain(response, 405, 'Attachments are added by POST and read by GET.');
    return true;
  }
  // Browsers mark where a request came from; only the app's own page may read an attachment.
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    plain(response, 403, 'Forbidden.');
    return true;
  }
  const wanted = parseAttachmentPath(rest);
  const stored = wanted ? await options.attachments.read(wanted.id, wanted.variant) : null;
  if (!stored) {
    plain(response, 404, 'No such attachment.');
    return true;
  }
  response.writeHead(200, { ...attachmentHeaders(stored.mime), 'Content-Length': stored.bytes.byteLength });
  response.end(request.method === 'HEAD' ? undefined : stored.bytes);
  return true;
}

async function upload(
  request: IncomingMessage,
  response: ServerResponse,
  options: AttachmentRouteOptions,
  name: string,
): Promise<void> {
  if (
    !isAllowedOrigin(request.headers.origin, options.port) ||
    !sameToken(request.headers[attachmentTokenHeader], options.token)
  ) {
    return json(response, fail('forbidden', 'This page may not add files to Switchboard.'), false, request);
  }
  const declared = Number(request.headers['content-length']);
  const tooLarge = {
    ok: false as const,
    error: attachmentErrors.tooLarge(name || 'The file', 'a file', maxAttachmentBytes),
  };
  if (Number.isFinite(declared) && declared > maxAttachmentBytes) return json(response, tooLarge, false, request);
  const bytes = await readBody(request, maxAttachmentBytes);
  if (!bytes) return json(response, tooLarge, false, request);
  json(response, await options.attachments.add(name, bytes), true, request);
}
