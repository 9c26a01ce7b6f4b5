import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../shared/domain';
import { messageFixture } from '../../../../shared/test-support/domain-fixtures';
import { cutAfter, lastOfRole, prependPage, switchVersion, threadAtStart } from './thread';

/** u1 → a1 → u2 → a2: a thread of two turns. */
const user = (id: string, parentId: string | null, versionIds = [id]): Message =>
  messageFixture({ id, role: 'user', parentId, versionIds, status: 'complete' });
const reply = (id: string, parentId: string, versionIds = [id]): Message =>
  messageFixture({ id, role: 'assistant', parentId, versionIds, status: 'complete' });
const thread = [user('u1', null), reply('a1', 'u1'), user('u2', 'a1'), reply('a2', 'u2')];
const ids = (list: readonly Message[]) => list.map((item) => item.id);

describe('threadAtStart', () => {
  it('appends a new question after the last reply', () => {
    expect(ids(threadAtStart(thread, user('u3', 'a2')))).toEqual(['u1', 'a1', 'u2', 'a2', 'u3']);
  });

  it('replaces an edited question and everything after it', () => {
    expect(ids(threadAtStart(thread, user('u2b', 'a1', ['u2', 'u2b'])))).toEqual(['u1', 'a1', 'u2b']);
  });

  it('keeps the question of a regenerated reply and drops the old reply', () => {
    expect(ids(threadAtStart(thread, user('u2', 'a1')))).toEqual(['u1', 'a1', 'u2']);
  });

  it('starts over at the first message', () => {
    expect(ids(threadAtStart(thread, user('u1b', null, ['u1', 'u1b'])))).toEqual(['u1b']);
  });

  it('places the message last when its parent is not loaded', () => {
    expect(ids(threadAtStart([reply('a9', 'u9')], user('u10', 'a-not-loaded')))).toEqual(['a9', 'u10']);
    expect(ids(threadAtStart([], user('u3', 'a2')))).toEqual(['u3']);
  });
});

describe('cutAfter', () => {
  it('keeps up to the message, or everything when it is not there', () => {
    expect(ids(cutAfter(thread, 'a1'))).toEqual(['u1', 'a1']);
    expect(cutAfter(thread, 'missing')).toBe(thread);
  });
});

describe('prependPage', () => {
  it('puts the older page in front without doubling a message', () => {
    const older = [user('u0', null), reply('a0', 'u0'), user('u1', null)];
    expect(ids(prependPage(thread, older))).toEqual(['u0', 'a0', 'u1', 'a1', 'u2', 'a2']);
  });
});

describe('switchVersion', () => {
  it('keeps the part above the flipped reply and takes the rest from the new thread', () => {
    const shown = [user('u1', null), reply('a1', 'u1', ['a1', 'a1b']), user('u2', 'a1'), reply('a2', 'u2')];
    const page = { messages: [reply('a1b', 'u1', ['a1', 'a1b'])], hasOlder: true };
    const result = switchVersion(shown, false, 'a1b', page);
    expect(ids(result.messages)).toEqual(['u1', 'a1b']);
    expect(result).toMatchObject({ hasOlder: false, replaced: false });
  });

  it('takes the page whole when it does not reach back to the flipped message', () => {
    const shown = [user('u1', null, ['u1', 'u1b']), reply('a1', 'u1')];
    const page = { messages: [user('u5', 'a4'), reply('a5', 'u5')], hasOlder: true };
    const result = switchVersion(shown, false, 'u1b', page);
    expect(ids(result.messages)).toEqual(['u5', 'a5']);
    expect(result).toMatchObject({ hasOlder: true, replaced: true });
  });
});

describe('lastOfRole', () => {
  it('finds the newest message of a role', () => {
    expect(lastOfRole(thread, 'user')?.id).toBe('u2');
    expect(lastOfRole(thread, 'assistant')?.id).toBe('a2');
    expect(lastOfRole([], 'user')).toBeNull();
  });
});
