import { describe, expect, it } from 'vitest';
import { recordingLogger } from './test-support/recording-logger';
import { createSenderCheck } from './sender-check';

const top = (url: string) => ({ url, parent: null });

describe('createSenderCheck', () => {
  it('trusts the main frame of our own origin', () => {
    const check = createSenderCheck('app://switchboard', recordingLogger());
    expect(check(top('app://switchboard/index.html'))).toBe(true);
    expect(check(top('app://switchboard/index.html#/chat'))).toBe(true);
  });

  it.each([
    ['another host of the scheme', 'app://switchboard.evil/index.html'],
    ['a prefix look-alike', 'app://switchboardx/index.html'],
    ['a file page', 'file:///opt/Switchboard/resources/renderer/index.html'],
    ['a web page', 'https://switchboard.example/'],
    ['an unreadable address', 'not a url'],
  ])('refuses %s and logs it', (_name, url) => {
    const logger = recordingLogger();
    expect(createSenderCheck('app://switchboard', logger)(top(url))).toBe(false);
    expect(logger.lines[0]).toContain('refused a call from another origin');
  });

  it('refuses a subframe even at our own origin', () => {
    const logger = recordingLogger();
    const frame = { url: 'app://switchboard/index.html', parent: top('app://switchboard/index.html') };
    expect(createSenderCheck('app://switchboard', logger)(frame)).toBe(false);
    expect(logger.lines).toEqual(['refused a call from a subframe']);
  });

  it('refuses a frame that is gone', () => {
    expect(createSenderCheck('app://switchboard', recordingLogger())(null)).toBe(false);
  });

  it('compares a development server origin exactly, port included', () => {
    const check = createSenderCheck('http://localhost:5173', recordingLogger());
    expect(check(top('http://localhost:5173/'))).toBe(true);
    expect(check(top('http://localhost:5174/'))).toBe(false);
    expect(check(top('http://localhost:5173.evil.example/'))).toBe(false);
  });
});
