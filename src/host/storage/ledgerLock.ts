// The ledger's lock: one writer at a time, and a writer that lost it never replaces what another wrote.
// Loaded with the other storage extras at the first write, not at start.
import crypto = require('node:crypto');

import { errorCode, type LedgerFs, replaceFile, retryMomentary, sleepMs } from './fileSystem';
import { LedgerBusyError, type LockInfo } from './ledgerStore';
import { breakStaleLock, type SeenLock } from './staleLock';

export interface LedgerLockOptions {
  readonly fs: LedgerFs;
  readonly lockFile: string;
  readonly owner: string;
  readonly pid: number;
  readonly host: string;
  /** A lock held unchanged this long is taken over; a writer holding it half as long writes nothing. */
  readonly staleLockMs: number;
  /** Waits at most this long for the lock (ms). */
  readonly lockTimeoutMs: number;
  readonly nowWallMs: () => number;
  readonly nowMonoMs: () => number;
  readonly isAlive?: (pid: number) => boolean;
  /** A stale lock was taken over (a line for the log). */
  readonly onStale: (message: string) => void;
}

/**
 * The lock was taken over while this writer stood still: nothing was written, and the caller writes
 * its change again shortly (as after a busy lock).
 */
class LockLostError extends LedgerBusyError {
  constructor(file: string) {
    super(file);
    this.message = `the ledger lock ${file} was taken over before this window could write`;
  }
}

function isAliveHere(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

/** What `link` says on a file system without hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

export function openLedgerLock(options: LedgerLockOptions): LedgerLock {
  return new LedgerLock(options);
}

/**
 * `ledger.json.lock`: taken by linking a complete file of this writer's own into place, so it is taken
 * in one step and never seen empty. Taking it waits a few milliseconds at most: the extension host is
 * never held up longer, and the caller comes back later. Before each file is replaced the writer checks
 * that the lock is still its own (`checkStillHeld`).
 */
export class LedgerLock {
  readonly #o: LedgerLockOptions;
  readonly #isAlive: (pid: number) => boolean;
  /** Copies of this writer's lock that could not be removed yet. */
  readonly #strays = new Set<string>();
  /** The lock this writer holds now: its exact text, and since when (monotonic). */
  #held: { info: LockInfo; text: string; sinceMonoMs: number } | undefined;
  /** Another writer's lock as last found, for its age by this writer's own clock. */
  readonly #seen: SeenLock = { text: undefined, sinceMonoMs: 0 };
  /** The longest wait for the lock so far (ms, for the bench). */
  waitMaxMs = 0;

  constructor(options: LedgerLockOptions) {
    this.#o = options;
    this.#isAlive = options.isAlive ?? isAliveHere;
  }

  /** Takes the lock, or throws `LedgerBusyError` after `lockTimeoutMs`; a write that fails leaves nothing behind. */
  acquire(): void {
    const o = this.#o;
    const info: LockInfo = {
      token: crypto.randomBytes(8).toString('hex'),
      pid: o.pid,
      owner: o.owner,
      atWallMs: o.nowWallMs(),
      host: o.host,
    };
    const text = JSON.stringify(info);
    const own = `${o.lockFile}.${o.pid}.${info.token}.tmp`;
    for (const stray of this.#strays) this.#remove(stray);
    try {
      o.fs.writeFileSync(own, text, { flag: 'wx' });
    } catch (err) {
      this.#remove(own);
      throw err;
    }
    const started = performance.now();
    try {
      const deadline = started + o.lockTimeoutMs;
      let attempt = 0;
      let broken = 0;
      while (!this.#take(own, text)) {
        // A lock just found stale and removed is tried for again at once, however long that took.
        if (this.#breakIfStale() && broken++ < 3) continue;
        const left = deadline - performance.now();
        if (left <= 0) throw new LedgerBusyError(o.lockFile);
        // Back off a little more each time, with jitter, so hammering writers interleave; never past the deadline.
        sleepMs(Math.min(left, Math.min(4, 1 + (attempt++ >> 2)) * Math.random()));
      }
      this.#held = { info, text, sinceMonoMs: o.nowMonoMs() };
      this.#seen.text = undefined;
    } finally {
      this.waitMaxMs = Math.max(this.waitMaxMs, performance.now() - started);
      this.#remove(own);
    }
  }

  /**
   * Called just before each file is replaced: throws unless this writer still holds the lock it took,
   * and has held it for less than half the time after which others take it over. A writer that stood
   * still (a debugger, a suspended process, a slow network drive) while its lock was taken over never
   * replaces what the new owner wrote; its caller writes its change again on a fresh reading.
   */
  checkStillHeld(): void {
    const o = this.#o;
    const held = this.#held;
    let current: string | undefined;
    if (held !== undefined && o.nowMonoMs() - held.sinceMonoMs < o.staleLockMs / 2) {
      try {
        current = o.fs.readFileSync(o.lockFile, 'utf8');
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') throw err; // gone: taken over; anything else is a failing drive
      }
    }
    if (held === undefined || current !== held.text) throw new LockLostError(o.lockFile);
  }

  /** Replaces `file` with `text` (temp file and rename) if the lock is still this writer's at the rename. */
  replace(file: string, text: string): void {
    replaceFile(this.#o.fs, file, text, this.#o.pid, () => this.checkStillHeld());
  }

  /** The held lock's token: unique to this write (it names the days this write moves to history). */
  get token(): string {
    return this.#held?.info.token ?? '';
  }

  /** Lets go of the lock if it is still this writer's. */
  release(): void {
    const o = this.#o;
    const held = this.#held;
    this.#held = undefined;
    if (held === undefined) return;
    // A second try: a lock left behind by one failed read or removal blocks every window until it is stale.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const text = o.fs.readFileSync(o.lockFile, 'utf8');
        if ((JSON.parse(text) as Partial<LockInfo>).token === held.info.token) retryMomentary(() => o.fs.unlinkSync(o.lockFile));
        return;
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return; // already gone: nothing of ours to remove
      }
    }
  }

  /**
   * Removes a copy of this writer's lock, with a second try (as for the lock itself); one the drive
   * still refuses to remove is removed at the next write.
   */
  #remove(file: string): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        retryMomentary(() => this.#o.fs.unlinkSync(file));
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') continue;
      }
      this.#strays.delete(file);
      return;
    }
    this.#strays.add(file);
  }

  /** One try at the lock: a hard link, or an exclusive create where the file system has no hard links. */
  #take(own: string, text: string): boolean {
    const { fs, lockFile } = this.#o;
    try {
      fs.linkSync(own, lockFile);
      return true;
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EEXIST') return false;
      if (code === undefined || !NO_HARD_LINKS.has(code)) throw err;
    }
    try {
      fs.writeFileSync(lockFile, text, { flag: 'wx' });
      return true;
    } catch (err) {
      if (errorCode(err) === 'EEXIST') return false;
      throw err;
    }
  }

  /** A lock whose owner died, or that has been held unchanged for the stale-lock age, is removed: true then. */
  #breakIfStale(): boolean {
    const o = this.#o;
    const recovered = breakStaleLock({
      fs: o.fs,
      lockFile: o.lockFile,
      pid: o.pid,
      host: o.host,
      nowWallMs: o.nowWallMs,
      nowMonoMs: o.nowMonoMs,
      isAlive: this.#isAlive,
      staleLockMs: o.staleLockMs,
      seen: this.#seen,
    });
    if (recovered !== undefined) o.onStale(recovered);
    return recovered !== undefined;
  }
}
