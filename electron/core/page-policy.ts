// Core (Node): the headers every page of the app is served with, by the web host and by the desktop app's app://
// scheme alike. renderer/index.html repeats the CSP as a <meta> for the development server, which sets no headers.

/** No remote code, no network but the host's own, no plugins, no frames around us. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const pageHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
