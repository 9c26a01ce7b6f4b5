// Core: reading a JSON column. One rule for every such column: a value that is absent or does not parse reads as
// undefined, never as an error, because a damaged blob must not hide the row it belongs to (each reader then checks
// the shape it expects and falls back the same way).

export function readStoredJson(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
