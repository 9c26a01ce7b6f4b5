// Renderer: which link targets in model output may become links at all.

/**
 * Only absolute http(s) URLs become links. Anything else — `javascript:`, `data:`, `vbscript:`, `file:`, and
 * relative URLs, which would resolve inside the app — is shown as plain text. Both hosts open http(s) outside the
 * app (Electron's navigation guard sends it to the OS browser; the web host opens a new tab).
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  // Browsers ignore leading/trailing control characters and whitespace, and tabs or newlines inside the scheme.
  const trimmed = href.replace(/[\t\n\r]/g, '').trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
