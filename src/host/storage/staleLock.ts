// A lock left by a window that died: recognised and removed, never a live one. Met rarely (only when
// the lock is already taken), so the desktop entry loads this with the history file, on first use.
import crypto = require('node:crypto');

import { type LedgerFs, tryUnlink } from './fileSystem';
import { type LockInfo } from './ledgerStore';

export interface StaleLockCheck {
  readonly fs: LedgerFs;
  readonly lockFile: string;
  /** This process: its own lock left from a release that failed is stale. */
  readonly pid: number;
  readonly nowWallMs: () => number;
  readonly isAlive: (pid: number) => boolean;
  /** A lock older than this is taken over even if its owner looks alive (ms). */
  readonly staleLockMs: number;
}

/**
 * Removes the lock if its owner died (or it is far too old), without ever removing a live lock: it is
 * moved aside first (atomic), then checked to be the lock judged stale. Returns a line for the log
 * when it removed one.
 */
export function breakStaleLock(c: StaleLockCheck): string | undefined {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = c.fs.statSync(c.lockFile).mtimeMs;
    text = c.fs.readFileSync(c.lockFile, 'utf8');
  } catch {
    return undefined; // gone already
  }
  let holder: Partial<LockInfo> = {};
  try {
    holder = JSON.parse(text) as Partial<LockInfo>;
  } catch {
    // A lock being written right now is empty for a moment: judge it by age only.
  }
  const ageMs = c.nowWallMs() - mtimeMs;
  const ownerDead = typeof holder.pid === 'number' && holder.pid !== c.pid && !c.isAlive(holder.pid);
  // No owner a second after it was created: its writer was killed between creating and filling it (microseconds apart).
  const nameless = typeof holder.pid !== 'number' && ageMs > 1_000;
  // This process's own lock while it is acquiring one: writes are synchronous, so no write of ours is
  // under way; it is left from a release that failed (the drive refused to read or remove it).
  const ownLeftover = holder.pid === c.pid;
  if (!(ownerDead && ageMs > 50) && !nameless && !ownLeftover && ageMs < c.staleLockMs) return undefined;
  // Move it aside first (atomic), then check that what we moved is the lock we judged stale.
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
  let recovered: string | undefined;
  if (movedText !== text) {
    // A new owner took the lock in between: put theirs back unless yet another one exists.
    try {
      c.fs.linkSync(aside, c.lockFile);
    } catch {
      /* someone holds it now; theirs stands */
    }
  } else {
    recovered = `Recovered a stale ledger lock left by ${holder.owner ?? 'an unknown window'} (pid ${holder.pid ?? '?'}).`;
  }
  tryUnlink(c.fs, aside);
  return recovered;
}
