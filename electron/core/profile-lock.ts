// Core (Node: Electron main or web host): one profile, one owner. A second process on the same profile folder would
// repair the first one's live reply as "stopped" and drop its later saves, so whoever starts second must stop before
// it opens the database, and say who holds the profile.
//
// Why not proper-lockfile: it marks staleness by mtime, refreshed on a timer, so a crashed holder blocks the next
// start until the timeout passes, and it records neither which process holds the lock nor of what kind — the one
// line a person needs. Here the lock file names its holder (pid, kind, start time, host), and a lock whose holder is
// gone is taken over at once.
//
// Every step is a single atomic file-system operation:
// - the lock appears whole: written to a private file, then hard-linked into place (link fails if the name exists),
//   so no reader ever sees a half-written lock and mistakes it for a corrupt one;
// - a stale lock is removed only by whoever first creates a claim file named after that lock's exact bytes (whole,
//   the same way as the lock, so a claim is never seen empty),
//   and only after re-reading that the lock still has those bytes. Nobody else can remove those bytes meanwhile (that
//   takes the same claim) and their dead owner cannot, so of two starters racing on a stale lock exactly one removes
//   it, and then exactly one of them links the new lock; the other finds a live holder.
// What stays open: a process that dies inside the claim step (microseconds) leaves a claim behind; it is cleared when
// its pid is gone, and two starters clearing the same leftover claim at the same moment could both proceed.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../shared/result';

export const profileLockFileName = 'switchboard.lock';

export type ProcessKind = 'web host' | 'desktop app';

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  kind: string;
  /** When the holder took the lock, ms since the epoch. */
  startedAt: number;
  host: string;
  /** Unique per acquisition, so two locks never have the same bytes. */
  nonce: string;
}

export interface ProfileLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still this process's; safe to call more than once. */
  release(): void;
}

/** A second process refused: `holder` is who has the profile (null when the lock could not be read). */
export class ProfileInUse extends AppFailure {
  constructor(
    readonly profileDir: string,
    readonly holder: LockHolder | null,
  ) {
    super({ code: 'storage_error', message: describeRefusal(profileDir, holder) });
    this.name = 'ProfileInUse';
  }
}

export interface AcquireOptions {
  owner: ProcessKind;
  /** Remove the lock when the process exits, however it exits through Node (default true). */
  releaseOnExit?: boolean;
  // For tests: the identity and view of the world of the process taking the lock.
  pid?: number;
  now?: () => number;
  isAlive?: (pid: number) => boolean;
  /** When the machine last started, ms since the epoch: a lock taken before then has no live holder. */
  bootTime?: number;
  /** Runs between judging a lock stale and removing it: where a racing process could act. */
  onStaleFound?: () => void;
}

/** Paths this process holds, so a second acquisition in the same process is refused like any other. */
const heldHere = new Set<string>();

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still a live holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(bytes: Buffer): LockHolder | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<LockHolder> | null;
    if (
      value &&
      typeof value === 'object' &&
      Number.isInteger(value.pid) &&
      (value.pid ?? 0) > 0 &&
      typeof value.kind === 'string' &&
      typeof value.startedAt === 'number' &&
      typeof value.host === 'string' &&
      typeof value.nonce === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // Unreadable: treated below as a lock without a holder.
  }
  return null;
}

function readBytes(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function claimerPid(bytes: Buffer): number | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as { pid?: unknown } | null;
    return typeof value?.pid === 'number' ? value.pid : null;
  } catch {
    return null;
  }
}

/** Start-up is synchronous up to here and nothing else runs yet, so a blocking pause is harmless. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Creates `path` holding `bytes`, atomically and only if it does not exist yet. */
function createWhole(path: string, bytes: Buffer): boolean {
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(draft, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
  }
}

function timeOf(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

function describeRefusal(profileDir: string, holder: LockHolder | null): string {
  if (holder === null) {
    return `the profile folder ${profileDir} is in use by another Switchboard process; close it first.`;
  }
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return (
    `the profile folder ${profileDir} is in use by another Switchboard (${holder.kind}, pid ${holder.pid}${where}, ` +
    `since ${timeOf(holder.startedAt)}); close it first.`
  );
}

/**
 * Takes the profile folder for this process before anything opens its database. Throws `ProfileInUse` (an
 * AppFailure with a one-line message naming the holder) when another live process has it.
 */
export function acquireProfileLock(profileDir: string, options: AcquireOptions): ProfileLock {
  const pid = options.pid ?? process.pid;
  const now = options.now ?? Date.now;
  const isAlive = options.isAlive ?? processIsAlive;
  const bootTime = options.bootTime ?? Date.now() - uptime() * 1000;
  const path = join(profileDir, profileLockFileName);
  mkdirSync(profileDir, { recursive: true });

  const isStale = (holder: LockHolder | null): boolean => {
    if (holder === null) return true; // only damage makes an unreadable lock: locks appear whole
    if (heldHere.has(path)) return false;
    // Another machine's process (a shared folder) cannot be checked: assume it is there.
    if (holder.host !== hostname()) return false;
    // Taken before the machine last started (a minute's slack for clock and uptime rounding): nobody holds it now.
    if (holder.startedAt < bootTime - 60_000) return true;
    // Our own pid, yet not taken by us: an earlier run that had the same pid (containers reuse low pids).
    if (holder.pid === pid) return true;
    return !isAlive(holder.pid);
  };

  /** Removes the lock only if it still has exactly `stale`'s bytes; see the header for why this is race-safe. */
  const removeStale = (stale: Buffer): void => {
    const claim = `${path}.claim-${createHash('sha256').update(stale).digest('hex').slice(0, 32)}`;
    const claimBytes = Buffer.from(JSON.stringify({ pid, at: now() }));
    // Whole, like the lock: a claim created empty and written after could be read in between, taken for one whose
    // claimer died, and cleared — letting a second starter remove the lock too (a start then failed with ENOENT).
    const claimed = createWhole(claim, claimBytes);
    if (!claimed) {
      // Someone else is removing it: give them a moment. A claim whose claimer died mid-step would block every
      // start, so it is cleared.
      const leftover = readBytes(claim);
      const claimer = leftover === null ? null : claimerPid(leftover);
      if (leftover !== null && (claimer === null || !isAlive(claimer))) unlinkIfPresent(claim);
      else sleepSync(5);
      return;
    }
    try {
      const current = readBytes(path);
      if (current !== null && current.equals(stale)) unlinkIfPresent(path);
    } finally {
      unlinkIfPresent(claim);
    }
  };

  const mine: LockHolder = {
    pid,
    kind: options.owner,
    startedAt: now(),
    host: hostname(),
    nonce: randomBytes(12).toString('hex'),
  };
  const mineBytes = Buffer.from(`${JSON.stringify(mine)}\n`);

  // Each round either takes the lock, finds a live holder, or removes a stale lock (or waits for whoever is).
  const giveUpAt = Date.now() + 5000;
  while (Date.now() < giveUpAt) {
    if (!heldHere.has(path) && createWhole(path, mineBytes)) {
      heldHere.add(path);
      return makeLock(path, mine, mineBytes, options.releaseOnExit ?? true);
    }
    const existing = readBytes(path);
    if (existing === null) continue; // released or removed meanwhile: try again
    const holder = parseHolder(existing);
    if (!isStale(holder)) throw new ProfileInUse(profileDir, holder);
    options.onStaleFound?.();
    removeStale(existing);
  }
  throw new ProfileInUse(profileDir, parseHolder(readBytes(path) ?? Buffer.alloc(0)));
}

function makeLock(path: string, holder: LockHolder, bytes: Buffer, releaseOnExit: boolean): ProfileLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    heldHere.delete(path);
    try {
      // Only our own lock: after a takeover by mistake (say, a clock jump) the file may be someone else's now.
      if (readBytes(path)?.equals(bytes)) unlinkSync(path);
    } catch {
      // Leaving the file is safe: our pid will be gone, so the next start takes it over.
    }
  };
  // 'exit' runs for process.exit() and a normal end, including after the crash guard; a fatal signal without a
  // handler skips it, and then the pid check above frees the profile.
  if (releaseOnExit) process.on('exit', release);
  return { path, holder, release };
}
