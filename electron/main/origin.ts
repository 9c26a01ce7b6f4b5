// Electron main: the origin of a page address, compared exactly (never by prefix) wherever main decides whom to trust.

/**
 * `scheme://host[:port]`, or null for an unreadable address. URL.origin is "null" for custom schemes such as app://,
 * so the origin is spelled out from its parts.
 */
export function originOf(address: string): string | null {
  try {
    const url = new URL(address);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}
