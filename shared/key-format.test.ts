import { describe, expect, it } from 'vitest';
import { checkKeyInput } from './key-format';

describe('checkKeyInput', () => {
  it('trims spaces and newlines around a pasted key', () => {
    expect(checkKeyInput('  sk-or-v1-abc123\n')).toEqual({ ok: true, key: 'sk-or-v1-abc123' });
  });

  it('asks for a key when the field is blank', () => {
    expect(checkKeyInput(' \n')).toEqual({ ok: false, problem: 'Paste your OpenRouter API key first.' });
  });

  it('refuses keys with the wrong prefix and says so', () => {
    const check = checkKeyInput('abc-123');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(/start with “sk-or-”/);
  });

  it('recognises a key for another service', () => {
    const check = checkKeyInput('sk-proj-123456');
    expect(!check.ok && check.problem).toMatch(/another service/);
  });

  it('refuses a key broken across lines, and says so', () => {
    const check = checkKeyInput('sk-or-v1-abc\ndef');
    expect(!check.ok && check.problem).toMatch(/spaces or line breaks/);
  });

  it('refuses a bare prefix and absurd lengths, saying which', () => {
    const bare = checkKeyInput('sk-or-');
    expect(!bare.ok && bare.problem).toMatch(/stops after/);
    const long = checkKeyInput(`sk-or-${'a'.repeat(600)}`);
    expect(!long.ok && long.problem).toMatch(/too long/);
    const longest = `sk-or-${'a'.repeat(494)}`;
    expect(checkKeyInput(longest)).toEqual({ ok: true, key: longest });
    expect(checkKeyInput(`${longest}a`).ok).toBe(false);
  });
});
