// A lock left by a window that died or stands still: recognised and removed, never a live one. Met
// rarely (only when the lock is already taken), so the desktop entry loads this with the history file,
// on first use.
import crypto = require('node:crypto');

import { type LedgerFs, tryUnlink } from './fileSystem';
import { type LockInfo } from './ledgerStore';

/** The lock a writer last found taken, and since when (its own monotonic clock) it has found it unchanged. */
export interface SeenLock {
  text: string | undefined;
  sinceMonoMs: number;
}

export interface StaleLockCheck {
  readonly fs: LedgerFs;
  readonly lockFile: string;
  /** This process, and the machine it runs on: only there can a process id be checked. */
  readonly pid: number;
  readonly host: string;
  readonly nowWallMs: () => number;
  readonly nowMonoMs: () => number;
  readonly isAlive: (pid: number) => boolean;
  /** A lock held unchanged this long is taken over even if its owner looks alive (ms). */
  readonly staleLockMs: number;
  /** Kept by the caller from one try to the next. */
  readonly seen: SeenLock;
}

/**
 * Removes the lock if its owner died, or if it has been held unchanged for `staleLockMs`. That age is
 * measured on this writer's monotonic clock from when it first found the lock, so a lock dated in the
 * future (a clock set back), a file time from a network server's clock, or a process id of another
 * machine never holds everyone up for longer. A lock is moved aside (atomic) before it is removed; if
 * what was moved is not the lock judged stale, its owner finds the lock gone before it writes and
 * writes again (see the writer's check before each rename). Returns a line for the log when it removed one.
 */
export function breakStaleLock(c: StaleLockCheck): string | undefined {
  let text: string;
  try {
    text = c.fs.readFileSync(c.lockFile, 'utf8');
  } catch {
    return undefined; // gone already
  }
  const now = c.nowMonoMs();
  if (c.seen.text !== text) {
    c.seen.text = text;
    c.seen.sinceMonoMs = now;
  }
  const heldMs = now - c.seen.sinceMonoMs;
  let holder: Partial<LockInfo> = {};
  try {
    holder = JSON.parse(text) as Partial<LockInfo>;
  } catch {
    // Written whole by link or exclusive create, a lock is never half there: an unreadable one is damage.
  }
  const local = holder.host === undefined || holder.host === c.host;
  // Same machine, same clock: the time the lock says it was taken is a fair age unless that clock jumped
  // (then the monotonic age, always, still ends the wait).
  const claimedAgeMs = local && typeof holder.atWallMs === 'number' ? c.nowWallMs() - holder.atWallMs : 0;
  const ownerDead = local && typeof holder.pid === 'number' && holder.pid !== c.pid && !c.isAlive(holder.pid);
  // Not a lock at all (no owner in it): written by nobody this version knows; judged by its age alone.
  const nameless = typeof holder.pid !== 'number' && Math.max(heldMs, claimedAgeMs) > 1_000;
  // This process's own lock while it is acquiring one: writes are synchronous, so no write of ours is
  // under way; it is left from a release that failed (the drive refused to read or remove it).
  const ownLeftover = local && holder.pid === c.pid;
  const tooOld = heldMs >= c.staleLockMs || claimedAgeMs >= c.staleLockMs;
  if (!ownerDead && !nameless && !ownLeftover && !tooOld) return undefined;
  const aside = `${c.lockFile}.${crypto.randomBytes(4).toString('hex')}.stale`;
  try {
    c.fs.renameSync(c.lockFile, aside);
  } catch {
    return undefined;
  }
  let movedText = '';
  try {
    movedText = c.fs.readFileSync(aside, 'utf8');
  } catch {
    /* unreadable: treat as the stale one */
  }
  tryUnlink(c.fs, aside);
  c.seen.text = undefined;
  // A new owner took the lock in between and lost it here: it is not put back (that could leave a lock
  // nobody owns); its owner sees the lock is not its own before it writes, and writes again.
  if (movedText !== text) return undefined;
  return `Recovered a stale ledger lock left by ${holder.owner ?? 'an unknown window'} (pid ${holder.pid ?? '?'}${local ? '' : ` on ${holder.host}`}).`;
}
