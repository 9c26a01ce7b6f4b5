import { describe, expect, it } from 'vitest';
import { SecretRegistry, redactSecrets } from './redact';

// Not periodic, so a run of it can be told from its neighbours.
const BODY = 'd9ed8e1dfb8256a5d0906a120e98588ca79e501c1f784724f5df0a019a229899';
const KEY = `sk-or-v1-${BODY}`;

describe('redactSecrets: patterns', () => {
  it('replaces an OpenRouter key wherever it appears', () => {
    const out = redactSecrets(`Invalid key ${KEY}, got "${KEY}".`);
    expect(out).not.toContain(BODY.slice(0, 8));
    expect(out).toBe('Invalid key sk-or-…[redacted], got "sk-or-…[redacted]".');
  });

  it('replaces an OpenRouter key in any case, even one it has never seen', () => {
    expect(redactSecrets(`bad key ${KEY.toUpperCase()}`)).toBe('bad key sk-or-…[redacted]');
    expect(redactSecrets('bad key Sk-Or-V1-AbCdEf0123456789')).toBe('bad key sk-or-…[redacted]');
  });

  it('replaces bearer tokens of any shape, case-insensitively', () => {
    expect(redactSecrets('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('authorization: bearer xyz')).toBe('authorization: Bearer [redacted]');
    expect(redactSecrets(`{"Authorization":"Bearer ${KEY}"}`)).toBe('{"Authorization":"Bearer [redacted]"}');
  });

  it("replaces other providers' sk- keys that BYOK errors may relay, in any case", () => {
    expect(redactSecrets('bad key sk-ant-api03-abcdefghijklmnopqrstuvwxyz')).toBe('bad key sk-…[redacted]');
    expect(redactSecrets('bad key SK-ANT-API03-ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('bad key sk-…[redacted]');
  });

  it('leaves ordinary text, short sk-or- fragments and its own output alone', () => {
    expect(redactSecrets('Provider returned error (sk-or- prefix expected)')).toBe(
      'Provider returned error (sk-or- prefix expected)',
    );
    expect(redactSecrets('task-oriented sk-or-ab')).toBe('task-oriented sk-or-ab');
    const once = redactSecrets(`${KEY} Bearer t0k3n`, [KEY]);
    expect(redactSecrets(once, [KEY])).toBe(once);
  });
});

describe('redactSecrets: a known key, by value', () => {
  it('removes the bare 64-hex body, which no pattern could tell from a hash', () => {
    expect(redactSecrets(`token=${BODY};`)).toBe(`token=${BODY};`);
    expect(redactSecrets(`token=${BODY};`, [KEY])).toBe('token=[redacted];');
  });

  it('removes the body upper-cased or in mixed case', () => {
    expect(redactSecrets(`echo ${BODY.toUpperCase()} end`, [KEY])).toBe('echo [redacted] end');
    const mixed = [...BODY].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    expect(redactSecrets(`echo ${mixed} end`, [KEY])).toBe('echo [redacted] end');
  });

  it('removes any run of 32 or more characters of the body, wherever it starts', () => {
    const head = BODY.slice(0, 32);
    const middle = BODY.slice(17, 17 + 40);
    const tail = BODY.slice(-33).toUpperCase();
    expect(redactSecrets(`a ${head} b ${middle} c ${tail} d`, [KEY])).toBe('a [redacted] b [redacted] c [redacted] d');
    // Glued to other hex, the run still goes; the neighbours are not part of the key and stay.
    expect(redactSecrets(`ffff${head}eeee`, [KEY])).toBe('ffff[redacted]eeee');
  });

  it('leaves runs of the body shorter than 32 characters, which could be anything', () => {
    const short = BODY.slice(0, 31);
    expect(redactSecrets(`id ${short}`, [KEY])).toBe(`id ${short}`);
  });

  it('removes a key of any other shape as a whole, in any case', () => {
    expect(redactSecrets('echo: My-Custom-Secret-42', ['my-custom-secret-42'])).toBe('echo: [redacted]');
  });

  it('keeps the text around a redaction exactly, including non-ASCII text', () => {
    expect(redactSecrets(`İstanbul ✓ ${BODY} ✓ ß`, [KEY])).toBe('İstanbul ✓ [redacted] ✓ ß');
  });
});

describe('SecretRegistry', () => {
  it('scrubs the keys it was told about, and nothing before it is told', () => {
    const registry = new SecretRegistry();
    expect(registry.redact(`x ${BODY}`)).toBe(`x ${BODY}`);
    registry.remember(KEY);
    expect(registry.redact(`x ${BODY.toUpperCase()}`)).toBe('x [redacted]');
  });

  it('keeps a replaced key known, up to its capacity', () => {
    const registry = new SecretRegistry(2);
    const keys = ['a', 'b', 'c'].map((c) => `sk-or-v1-${c.repeat(64)}`);
    for (const key of keys) registry.remember(key);
    expect(registry.redact(`${'c'.repeat(64)} ${'b'.repeat(64)}`)).toBe('[redacted] [redacted]');
    expect(registry.redact('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('ignores empty and absurdly short secrets rather than blanking ordinary words', () => {
    const registry = new SecretRegistry();
    registry.remember('');
    registry.remember(null);
    registry.remember('abc');
    expect(registry.redact('abc def')).toBe('abc def');
  });

  it('exposes no way to read a key back', () => {
    const registry = new SecretRegistry();
    registry.remember(KEY);
    expect(JSON.stringify(registry)).not.toContain(BODY);
    expect(Object.values(registry).join(' ')).not.toContain(BODY);
  });
});

describe('redactSecrets: several known secrets and the edges of their lengths', () => {
  it('removes every known secret, whatever order they appear in the text', () => {
    const first = 'first-secret-value';
    const second = 'other-secret-value-2';
    expect(redactSecrets(`a ${second} b ${first} c`, [first, second])).toBe('a [redacted] b [redacted] c');
  });

  it('blanks a secret repeated back to back as one marker', () => {
    expect(redactSecrets('x abcdefgh12abcdefgh12 y', ['abcdefgh12'])).toBe('x [redacted] y');
  });

  it('removes a secret of eight characters, but never a shorter one', () => {
    expect(redactSecrets('pw pass1234 here', ['pass1234'])).toBe('pw [redacted] here');
    expect(redactSecrets('pw pass123 here', ['pass123'])).toBe('pw pass123 here');
  });

  it('removes a 32-character body quoted without its prefix', () => {
    const body = '0123456789abcdef0123456789abcdef';
    expect(redactSecrets(`token ${body} end`, [`sk-or-v1-${body}`])).toBe('token [redacted] end');
  });
});

describe('SecretRegistry, remembering', () => {
  it('remembers a secret of eight characters', () => {
    const registry = new SecretRegistry();
    registry.remember('pass1234');
    expect(registry.redact('pw pass1234')).toBe('pw [redacted]');
  });

  it('counts a key told again once, so it does not push an older key out', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((ch) => `sk-or-v1-${ch.repeat(64)}`);
    const again = new SecretRegistry(2);
    again.remember(a);
    again.remember(b);
    again.remember(b);
    expect(again.redact('a'.repeat(64))).toBe('[redacted]');

    const reordered = new SecretRegistry(3);
    for (const key of [a, b, c, b]) reordered.remember(key);
    expect(reordered.redact('a'.repeat(64))).toBe('[redacted]');
  });
});
