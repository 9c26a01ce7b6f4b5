import { describe, expect, it } from 'vitest';
import { readStoredJson } from './stored-json';

describe('a stored JSON column', () => {
  it('reads what parses, and nothing for an empty column or a damaged blob', () => {
    expect(readStoredJson('{"a":[1,"x"]}')).toEqual({ a: [1, 'x'] });
    expect(readStoredJson('null')).toBeNull();
    expect(readStoredJson(null)).toBeUndefined();
    expect(readStoredJson('{"a":')).toBeUndefined();
    expect(readStoredJson('')).toBeUndefined();
  });
});
