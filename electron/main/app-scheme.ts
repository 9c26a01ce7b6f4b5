// Electron main: the packaged window's pages come from app://switchboard/, a privileged custom scheme, not file://
// (with the GrantFileProtocolExtraPrivileges fuse off, a module script from file:// has a null origin and is blocked).

import type { CustomScheme } from 'electron';
import type { Logger } from '../core/logger';
import { pageHeaders } from '../core/page-policy';
import type { StaticFile } from '../core/static-files';
import type { AttachmentFiles } from '../core/attachments/attachment-files';
import { attachmentHeaders } from '../core/attachments/attachment-headers';
import { desktopAttachmentPrefix, parseAttachmentPath } from '../../shared/attachments';

export const appScheme = 'app';
export const appHost = 'switchboard';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Registered before `ready`: standard (real origin, relative URLs) and secure (like https: for the web platform). */
export const appSchemePrivileges: CustomScheme[] = [
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

export type ReadStaticFile = (root: string, urlPath: string) => Promise<StaticFile | null>;

export interface AppSchemeOptions {
  /** The built renderer (out/renderer); nothing outside it is ever served. */
  rendererDir: string;
  readStaticFile: ReadStaticFile;
  /** Attachments by id (app://switchboard/attachments/<id>/<variant>); absent, those addresses are 404. */
  attachments?: Pick<AttachmentFiles, 'read'>;
  logger: Logger;
}

const attachmentsPath = new URL(desktopAttachmentPrefix).pathname;

/** The handler for `protocol.handle('app', …)`: files under the renderer build only, each with the app's CSP header. */
export function createAppSchemeHandler(options: AppSchemeOptions): (request: Request) => Promise<Response> {
  const refuse = (status: number, why: string) => {
    options.logger.warn(`${appScheme}:// refused a request: ${why}`);
    return new Response(null, { status });
  };
  const serveAttachment = async (rest: string) => {
    const wanted = parseAttachmentPath(rest);
    const stored = wanted && options.attachments ? await options.attachments.read(wanted.id, wanted.variant) : null;
    if (!stored) return refuse(404, `no attachment ${rest.slice(0, 200)}`);
    return new Response(new Uint8Array(stored.bytes), { status: 200, headers: attachmentHeaders(stored.mime) });
  };
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'unreadable address');
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost) return refuse(404, `host ${url.host.slice(0, 100)}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, `method ${request.method}`);
    if (url.pathname.startsWith(attachmentsPath)) return serveAttachment(url.pathname.slice(attachmentsPath.length));
    const file = await options.readStaticFile(options.rendererDir, url.pathname);
    if (!file) return refuse(404, `no file ${url.pathname.slice(0, 200)}`);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...pageHeaders, 'Content-Type': file.contentType },
    });
  };
}
