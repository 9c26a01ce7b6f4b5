import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from './test-support/temp-dir';
import { type LockHolder, ProfileInUse, acquireProfileLock, profileLockFileName } from './profile-lock';

const tempDir = useTempDir();
const projectRoot = resolve(import.meta.dirname, '../..');
const contender = join(import.meta.dirname, 'test-support/profile-lock-contender.ts');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Outcome {
  outcome: 'won' | 'refused';
  pid: number;
  holder?: LockHolder | null;
  message?: string;
}

/** Starts a contender process; resolves with its first line once it has tried. */
function startContender(
  profileDir: string,
  options: { kind?: string; startAt?: number; holdMs?: number; end?: 'release' | 'exit' | 'hang' } = {},
): { child: ChildProcess; outcome: Promise<Outcome>; exited: Promise<number | null> } {
  const args = [profileDir, options.kind ?? 'web host', String(options.startAt ?? 0), String(options.holdMs ?? 0)];
  const child = spawn(process.execPath, ['--import', 'tsx', contender, ...args, options.end ?? 'release'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const outcome = new Promise<Outcome>((resolveOutcome, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolveOutcome(JSON.parse(line) as Outcome);
    });
    child.once('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`contender exited with ${code} before trying:\n${err}`));
    });
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, outcome, exited };
}

/** A pid that belonged to a process a moment ago and belongs to none now. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(run.stdout.trim());
}

function writeLock(profileDir: string, holder: Partial<LockHolder> | string): void {
  const content =
    typeof holder === 'string'
      ? holder
      : JSON.stringify({ kind: 'web host', startedAt: Date.now(), host: hostname(), nonce: 'n0', ...holder });
  writeFileSync(join(profileDir, profileLockFileName), content);
}

const readLock = (profileDir: string) =>
  JSON.parse(readFileSync(join(profileDir, profileLockFileName), 'utf8')) as LockHolder;

function refusalOf(fn: () => unknown): ProfileInUse {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProfileInUse) return error;
    throw error;
  }
  throw new Error('expected the profile to be refused');
}

describe('acquireProfileLock', () => {
  it('takes a fresh profile, creating the folder, and names this process in the lock', () => {
    const profileDir = join(tempDir(), 'new', 'profile');
    const before = Date.now();
    const lock = acquireProfileLock(profileDir, { owner: 'desktop app', releaseOnExit: false });
    const holder = readLock(profileDir);
    expect(holder).toMatchObject({ pid: process.pid, kind: 'desktop app', host: hostname() });
    expect(holder.startedAt).toBeGreaterThanOrEqual(before);
    lock.release();
    expect(existsSync(join(profileDir, profileLockFileName))).toBe(false);
    lock.release();
    acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false }).release();
  });

  it('refuses a profile held by a live process, naming its pid and kind in one line, and leaves its lock', async () => {
    const profileDir = tempDir();
    const holder = startContender(profileDir, { kind: 'desktop app', end: 'hang' });
    const won = await holder.outcome;
    expect(won.outcome).toBe('won');
    const lockBefore = readFileSync(join(profileDir, profileLockFileName));

    const refusal = refusalOf(() => acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false }));
    expect(refusal.holder).toMatchObject({ pid: won.pid, kind: 'desktop app' });
    expect(refusal.message).toContain(`desktop app, pid ${won.pid}`);
    expect(refusal.message).toContain(profileDir);
    expect(refusal.message).not.toContain('\n');
    expect(readFileSync(join(profileDir, profileLockFileName)).equals(lockBefore)).toBe(true);
  });

  it('takes over the lock of a process killed without a chance to release it', async () => {
    const profileDir = tempDir();
    const holder = startContender(profileDir, { end: 'hang' });
    const won = await holder.outcome;
    holder.child.kill('SIGKILL');
    await holder.exited;

    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    expect(readLock(profileDir).pid).toBe(process.pid);
    expect(won.pid).not.toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid is gone', () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: deadPid() });
    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    expect(readLock(profileDir).pid).toBe(process.pid);
    lock.release();
  });

  it.each([
    ['garbage', 'not json at all \u0000\u0001'],
    ['an empty file', ''],
    ['JSON without a holder', '{"pid":"twelve"}'],
  ])('takes over a corrupt lock file (%s)', (_name, content) => {
    const profileDir = tempDir();
    writeLock(profileDir, content);
    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    expect(readLock(profileDir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock left with its own pid by an earlier run (pids are reused, in containers especially)', () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: 4242 });
    const lock = acquireProfileLock(profileDir, {
      owner: 'web host',
      pid: 4242,
      isAlive: () => true,
      releaseOnExit: false,
    });
    expect(readLock(profileDir).nonce).not.toBe('n0');
    lock.release();
  });

  it('takes over a lock taken before the machine last started, even if its pid now runs something else', () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: 77, startedAt: Date.now() - 3_600_000 });
    const lock = acquireProfileLock(profileDir, {
      owner: 'web host',
      isAlive: () => true,
      bootTime: Date.now() - 600_000,
      releaseOnExit: false,
    });
    expect(readLock(profileDir).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses another machine's lock, which it cannot check, and says which machine", () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: deadPid(), host: 'other-machine.example' });
    const refusal = refusalOf(() => acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false }));
    expect(refusal.message).toContain('on other-machine.example');
  });

  it('refuses a second acquisition in the same process', () => {
    const profileDir = tempDir();
    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    const refusal = refusalOf(() => acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false }));
    expect(refusal.holder?.pid).toBe(process.pid);
    lock.release();
    acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false }).release();
  });

  it("leaves a lock that is no longer this process's when releasing", () => {
    const profileDir = tempDir();
    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    writeLock(profileDir, { pid: 99, nonce: 'someone-else' });
    lock.release();
    expect(readLock(profileDir).nonce).toBe('someone-else');
  });

  it('is released when its process exits without releasing it', async () => {
    const profileDir = tempDir();
    const holder = startContender(profileDir, { end: 'exit' });
    expect((await holder.outcome).outcome).toBe('won');
    expect(await holder.exited).toBe(0);
    expect(existsSync(join(profileDir, profileLockFileName))).toBe(false);
  });
});

describe('acquireProfileLock, raced', () => {
  it('never removes the live lock of a process that took over the stale one first', () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: 1111, nonce: 'stale' });
    const alive = (pid: number) => pid === 2222;
    const refusal = refusalOf(() =>
      acquireProfileLock(profileDir, {
        owner: 'web host',
        isAlive: alive,
        releaseOnExit: false,
        // Between our reading the stale lock and our removing it, another starter removes it and takes the profile.
        onStaleFound: () => {
          rmSync(join(profileDir, profileLockFileName));
          writeLock(profileDir, { pid: 2222, kind: 'desktop app', nonce: 'winner' });
        },
      }),
    );
    expect(refusal.holder).toMatchObject({ pid: 2222, kind: 'desktop app' });
    expect(readLock(profileDir).nonce).toBe('winner');
  });

  it('lets exactly one of several processes starting at the same instant take a stale lock', async () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: deadPid() });
    // Far enough ahead for every contender to have loaded and be spinning when the instant comes.
    const startAt = Date.now() + 4000;
    const contenders = Array.from({ length: 4 }, () => startContender(profileDir, { startAt, holdMs: 1500 }));
    const outcomes = await Promise.all(contenders.map((c) => c.outcome));

    const winners = outcomes.filter((o) => o.outcome === 'won');
    expect(winners).toHaveLength(1);
    for (const loser of outcomes.filter((o) => o.outcome === 'refused')) {
      expect(loser.holder?.pid).toBe(winners[0]?.pid);
    }
    await Promise.all(contenders.map((c) => c.exited));
    expect(existsSync(join(profileDir, profileLockFileName))).toBe(false);
  }, 30_000);
});

describe('acquireProfileLock, in detail', () => {
  const livePid = 4243;
  const lockPath = (profileDir: string) => join(profileDir, profileLockFileName);

  it('says who holds the profile and since when, in UTC, leaving out the host when it is this machine', () => {
    const profileDir = tempDir();
    const startedAt = Date.UTC(2026, 0, 2, 3, 4, 5, 123);
    writeLock(profileDir, { pid: livePid, kind: 'desktop app', startedAt });
    const refusal = refusalOf(() =>
      acquireProfileLock(profileDir, { owner: 'web host', isAlive: () => true, bootTime: 0, releaseOnExit: false }),
    );
    expect(refusal.name).toBe('ProfileInUse');
    expect(refusal.error.code).toBe('storage_error');
    expect(refusal.message).toBe(
      `the profile folder ${profileDir} is in use by another Switchboard (desktop app, pid ${livePid}, ` +
        'since 2026-01-02 03:04:05 UTC); close it first.',
    );
  });

  it.each([
    ['a zero pid', { pid: 0 }],
    ['a negative pid', { pid: -3 }],
    ['a fractional pid', { pid: 1.5 }],
    ['no pid', { pid: undefined }],
    ['a kind that is not text', { kind: 5 }],
    ['a start time that is not a number', { startedAt: 'yesterday' }],
    ['a host that is not text', { host: 7 }],
    ['no nonce', { nonce: undefined }],
  ])('takes over a lock with %s as damaged, even when every pid looks alive', (_name, fields) => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: livePid, ...(fields as Partial<LockHolder>) });
    const lock = acquireProfileLock(profileDir, { owner: 'web host', isAlive: () => true, releaseOnExit: false });
    expect(readLock(profileDir).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a live holder that took the lock within a minute before the recorded boot time', () => {
    const profileDir = tempDir();
    const bootTime = Date.now() - 600_000;
    writeLock(profileDir, { pid: livePid, startedAt: bootTime - 60_000 });
    const refusal = refusalOf(() =>
      acquireProfileLock(profileDir, { owner: 'web host', isAlive: () => true, bootTime, releaseOnExit: false }),
    );
    expect(refusal.holder?.pid).toBe(livePid);
  });

  it("refuses a live holder that took the lock after this machine's real boot", () => {
    const profileDir = tempDir();
    // The parent of this test process is alive, and started its lock after boot: two minutes ago, or halfway since
    // boot on a machine up for less than four.
    writeLock(profileDir, { pid: process.ppid, startedAt: Date.now() - Math.min(120_000, (uptime() * 1000) / 2) });
    const refusal = refusalOf(() => acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false }));
    expect(refusal.holder?.pid).toBe(process.ppid);
  });

  it('leaves nothing in the profile folder but the lock, after taking over a stale one', () => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: deadPid() });
    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    expect(readdirSync(profileDir)).toEqual([profileLockFileName]);
    lock.release();
    expect(readdirSync(profileDir)).toEqual([]);
  });

  it.each([
    ['a starter that died', () => JSON.stringify({ pid: deadPid(), at: Date.now() })],
    ['an unreadable claim', () => 'not json'],
  ])('clears a takeover claim left by %s and takes the stale lock', (_name, claimContent) => {
    const profileDir = tempDir();
    writeLock(profileDir, { pid: deadPid() });
    const stale = readFileSync(lockPath(profileDir));
    const claim = `${lockPath(profileDir)}.claim-${createHash('sha256').update(stale).digest('hex').slice(0, 32)}`;
    writeFileSync(claim, claimContent());
    const lock = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    expect(readLock(profileDir).pid).toBe(process.pid);
    expect(readdirSync(profileDir)).toEqual([profileLockFileName]);
    lock.release();
  });

  it('reports a lock it cannot read rather than waiting on it', () => {
    const profileDir = tempDir();
    mkdirSync(lockPath(profileDir));
    expect(() => acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false })).toThrow(
      expect.objectContaining({ code: 'EISDIR' }),
    );
  });

  it('by default is released when the process exits, and stops waiting for the exit once released', () => {
    const profileDir = tempDir();
    const listeners = process.listenerCount('exit');
    const lock = acquireProfileLock(profileDir, { owner: 'web host' });
    expect(process.listenerCount('exit')).toBe(listeners + 1);
    lock.release();
    expect(process.listenerCount('exit')).toBe(listeners);
    const unwatched = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    expect(process.listenerCount('exit')).toBe(listeners);
    unwatched.release();
  });

  it('does nothing when released a second time, even after the profile was taken again', () => {
    const profileDir = tempDir();
    const first = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    first.release();
    const second = acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false });
    first.release();
    expect(readLock(profileDir).nonce).toBe(second.holder.nonce);
    expect(() => acquireProfileLock(profileDir, { owner: 'web host', releaseOnExit: false })).toThrow(ProfileInUse);
    second.release();
  });
});
