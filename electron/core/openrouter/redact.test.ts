import { describe, expect, it } from 'vitest';
import { redactKnownSecret, redactSecrets } from './redact';

const KEY = 'sk-or-v1-' + '0123456789abcdef'.repeat(4);

describe('redactSecrets', () => {
  it('replaces an OpenRouter key wherever it appears', () => {
    const out = redactSecrets(`Invalid key ${KEY}, got "${KEY}".`);
    expect(out).not.toContain('0123456789abcdef');
    expect(out).toBe('Invalid key sk-or-…[redacted], got "sk-or-…[redacted]".');
  });

  it('replaces bearer tokens of any shape, case-insensitively', () => {
    expect(redactSecrets('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('authorization: bearer xyz')).toBe('authorization: Bearer [redacted]');
    expect(redactSecrets(`{"Authorization":"Bearer ${KEY}"}`)).toBe('{"Authorization":"Bearer [redacted]"}');
  });

  it("replaces other providers' sk- keys that BYOK errors may relay", () => {
    expect(redactSecrets('bad key sk-ant-api03-abcdefghijklmnopqrstuvwxyz')).toBe('bad key sk-…[redacted]');
  });

  it('leaves ordinary text, short sk-or- fragments and its own output alone', () => {
    expect(redactSecrets('Provider returned error (sk-or- prefix expected)')).toBe(
      'Provider returned error (sk-or- prefix expected)',
    );
    expect(redactSecrets('task-oriented sk-or-ab')).toBe('task-oriented sk-or-ab');
    const once = redactSecrets(`${KEY} Bearer t0k3n`);
    expect(redactSecrets(once)).toBe(once);
  });

  it('redactKnownSecret also removes an exact secret that matches no pattern', () => {
    expect(redactKnownSecret('echo: my-custom-secret-42', 'my-custom-secret-42')).toBe('echo: [redacted]');
    expect(redactKnownSecret('nothing here', null)).toBe('nothing here');
  });
});
