// Tolerant readers for JSON from OpenRouter: its shapes vary by era and provider, so fields are checked one by one.

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record field, or an empty record, so nested lookups never throw on missing parents. */
export const recordAt = (value: unknown, key: string): JsonRecord => {
  const inner = isRecord(value) ? value[key] : undefined;
  return isRecord(inner) ? inner : {};
};

export const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const nonEmptyStringOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** Finite numbers, and numeric strings (OpenRouter sends prices and some codes as strings). */
export const numberOrNull = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
};

export const booleanOrNull = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

export const stringArray = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;

/** JSON.parse that answers undefined instead of throwing; leading whitespace keep-alives are tolerated. */
export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text.trim()) as unknown;
  } catch {
    return undefined;
  }
};
