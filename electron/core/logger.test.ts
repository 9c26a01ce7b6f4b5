// The logger: one redacted line per call, with a timestamp, the level and, for errors, what went wrong.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';
import { SecretRegistry } from './redact';

const key = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

function capture() {
  const lines: string[] = [];
  const secrets = new SecretRegistry();
  secrets.remember(key);
  return { lines, logger: createLogger((line) => lines.push(line), secrets) };
}

const stamp = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;

describe('createLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes info and warn lines with a timestamp and their level', () => {
    const { lines, logger } = capture();
    logger.info('started');
    logger.warn('slow disk');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${stamp} info started$`));
    expect(lines[1]).toMatch(new RegExp(`^${stamp} warn slow disk$`));
  });

  it('writes an error line alone, or followed by the stack of what was thrown, scrubbed of the key', () => {
    const { lines, logger } = capture();
    logger.error('gave up');
    logger.error('request failed', new Error(`refused ${key}`));
    expect(lines[0]).toMatch(new RegExp(`^${stamp} error gave up$`));
    expect(lines[1]).toMatch(new RegExp(`^${stamp} error request failed: Error: refused \\[redacted\\]\\n\\s+at `));
    expect(lines[1]).not.toContain('0123456789abcdef0123456789abcdef');
  });

  it('names an error without a stack by its name and message, and anything else thrown as text', () => {
    const { lines, logger } = capture();
    const bare = new TypeError('no stack here');
    bare.stack = undefined;
    logger.error('failed', bare);
    logger.error('failed', 'a plain string');
    logger.error('failed', 42);
    expect(lines.map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'error failed: TypeError: no stack here',
      'error failed: a plain string',
      'error failed: 42',
    ]);
  });

  it('writes to stderr, one line per call, when given nowhere else', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    createLogger().warn('to stderr');
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0]).toMatch(new RegExp(`^${stamp} warn to stderr\\n$`));
  });
});
