// The shared ledger on disk. No `vscode` here, so plain-Node tests can hammer it from many processes.
import os = require('node:os');
import path = require('node:path');

import { type History } from '../../core/history';
import { emptyLedger, type Ledger, readLedger } from '../../core/ledger';
import { t } from '../../shared/l10n';
import type * as StorageExtrasModule from './extras';
import { errorCode, fileSignature, type LedgerFs, nodeLedgerFs } from './fileSystem';
import { type HistoryStore } from './historyFile';
import { type LedgerLock } from './ledgerLock';
import { HistoryPartlyDeletedError, isBusy, type LedgerStore, type UpdateOptions } from './ledgerStore';
import { type LockedFiles } from './moving';

export { type LedgerFs, nodeLedgerFs } from './fileSystem';
export { HistoryPartlyDeletedError, LedgerBusyError, type LedgerStore, type UpdateOptions } from './ledgerStore';

export interface LedgerFileOptions {
  /** This window's id, written into the lock so a dead owner can be recognised. */
  readonly owner: string;
  readonly fs?: LedgerFs;
  /**
   * A lock held unchanged this long is taken over even if its owner looks alive (ms); a writer holding
   * the lock for half of it writes nothing and starts again.
   */
  readonly staleLockMs?: number;
  /**
   * Give up waiting for the lock after this long (ms); the caller keeps its update and tries again
   * shortly. The extension host waits no longer than this (and one write) on the lock.
   */
  readonly lockTimeoutMs?: number;
  /** Reports a problem once per kind (corrupt file kept aside, newer version, I/O failure). */
  readonly onProblem?: (message: string, kind: string) => void;
  /** The history file and lock recovery (storage/extras.ts), loaded the first time one is needed. */
  readonly extras: () => StorageExtras;
  /** The wall clock, for lock ages and backup names. */
  readonly nowWallMs?: () => number;
  /** The monotonic clock: how long a lock has been seen held, and how long this writer has held one. */
  readonly nowMonoMs?: () => number;
  /** The machine's name, recorded in the lock (process ids of other machines cannot be checked). */
  readonly host?: string;
  /** The process id recorded in the lock, and a check whether a process is alive. */
  readonly pid?: number;
  readonly isAlive?: (pid: number) => boolean;
}

/** What storage loads on first use: the history file, a damaged ledger kept aside, a dead window's lock recovered. */
export type StorageExtras = Pick<
  typeof StorageExtrasModule,
  'openHistoryFile' | 'openLedgerLock' | 'keepLedgerAside' | 'newerLedgerMessage' | 'moveWhereDue' | 'unusableSharedFolder'
>;

/**
 * `ledger.json` in a folder (VS Code's `globalStorageUri` for the extension). Readers never lock: the
 * file is only ever replaced by a rename, so it is always a complete version. Writers take
 * `ledger.json.lock` (exclusive create), read, apply, write a temp file and rename it into place.
 */
export class LedgerFile implements LedgerStore {
  readonly file: string;
  readonly lockFile: string;
  readonly #fs: LedgerFs;
  readonly #owner: string;
  readonly #staleLockMs: number;
  readonly #lockTimeoutMs: number;
  readonly #onProblem: (message: string, kind: string) => void;
  readonly #now: () => number;
  readonly #mono: () => number;
  readonly #host: string;
  readonly #pid: number;
  readonly #isAlive: ((pid: number) => boolean) | undefined;
  readonly #reported = new Set<string>();
  readonly #extras: () => StorageExtras;
  /** Opened the first time a day ends or the history is read: most starts never touch it. */
  #history: HistoryStore | undefined;
  /** Loaded at the first write. */
  #lockInstance: LedgerLock | undefined;
  /** A newer version of Upright owns the file: read it, never overwrite it. */
  #readOnly = false;
  /** Read-only, this window counts on in memory from the file as it last read it (its signature). */
  #memory: { signature: string | undefined; ledger: Ledger } | undefined;
  #lastKeptAside: string | undefined;
  /** Quick retries since the last write that landed (see `retryInMs`). */
  #failures = 0;
  #writes = 0;
  #writeMsTotal = 0;
  #writeMsMax = 0;

  constructor(dir: string, options: LedgerFileOptions) {
    this.file = path.join(dir, 'ledger.json');
    this.lockFile = `${this.file}.lock`;
    this.#fs = options.fs ?? nodeLedgerFs;
    this.#owner = options.owner;
    this.#staleLockMs = options.staleLockMs ?? 10_000;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 5;
    this.#onProblem = options.onProblem ?? (() => undefined);
    this.#now = options.nowWallMs ?? Date.now;
    this.#mono = options.nowMonoMs ?? (() => performance.now());
    this.#host = options.host ?? os.hostname();
    this.#pid = options.pid ?? process.pid;
    this.#isAlive = options.isAlive;
    this.#extras = options.extras;
  }

  #historyFile(): HistoryStore {
    this.#history ??= this.#extras().openHistoryFile(path.dirname(this.file), {
      fs: this.#fs,
      pid: this.#pid,
      nowWallMs: this.#now,
      onProblem: (kind, message) => this.#report(kind, message),
      beforeReplace: () => this.#lock().checkStillHeld(),
    });
    return this.#history;
  }

  #lock(): LedgerLock {
    this.#lockInstance ??= this.#extras().openLedgerLock({
      fs: this.#fs,
      lockFile: this.lockFile,
      owner: this.#owner,
      pid: this.#pid,
      host: this.#host,
      staleLockMs: this.#staleLockMs,
      lockTimeoutMs: this.#lockTimeoutMs,
      nowWallMs: this.#now,
      nowMonoMs: this.#mono,
      ...(this.#isAlive ? { isAlive: this.#isAlive } : {}),
      onStale: (message) => this.#report('stale', message),
    });
    return this.#lockInstance;
  }

  readHistory(): History {
    return this.#historyFile().read();
  }

  get location(): string {
    return this.file;
  }

  /** Writes so far and their total cost, and the longest wait for the lock (for the bench). */
  get writeStats(): { writes: number; totalMs: number; maxMs: number; lockWaitMaxMs: number } {
    return {
      writes: this.#writes,
      totalMs: this.#writeMsTotal,
      maxMs: this.#writeMsMax,
      lockWaitMaxMs: this.#lockInstance?.waitMaxMs ?? 0,
    };
  }

  /**
   * A busy lock, or a file held for a moment (antivirus, an indexer on Windows): written again after
   * 40 ms, then 80, 160… six times, with jitter; then at the minute. Only a failure that outlasts
   * these is told to the person.
   */
  retryInMs(err: unknown): number | undefined {
    const passing = isBusy(err) || ['EBUSY', 'EPERM', 'EACCES'].includes(errorCode(err) ?? '');
    return passing && this.#failures < 6 ? (40 << this.#failures++) * (0.5 + Math.random()) : undefined;
  }

  /** The file's identity (cheap): every write renames a new file into place, so it changes with each. */
  signature(): string | undefined {
    try {
      return fileSignature(this.#fs, this.file);
    } catch {
      return undefined;
    }
  }

  /**
   * Reads the ledger. Missing file: `fallback` (nothing to lose). Corrupt or partly invalid: the file is
   * copied aside as `ledger.corrupt-<time>.json`, reported once, and the valid fields are kept.
   */
  read(fallback: Ledger): Ledger {
    try {
      return this.#readOrThrow(fallback);
    } catch (err) {
      this.#report(
        'read',
        t('Could not read the shared ledger ({0}); keeping this window’s copy in memory.', errorCode(err) ?? String(err)),
      );
      return fallback;
    }
  }

  /**
   * As `read`, but a file that exists and cannot be read throws: a writer (`writing`) must not replace
   * what it could not see, nor a damaged file it could not keep aside.
   */
  #readOrThrow(fallback: Ledger, writing = false): Ledger {
    let text: string;
    try {
      text = this.#fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
      this.#readOnly = false;
      return fallback;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.#keepAside(text, undefined, writing);
      return fallback;
    }
    const { ledger, problems } = readLedger(raw, fallback);
    // Replaced by a version this one can write (or removed, above), the file is written again.
    this.#readOnly = problems[0]?.startsWith('written by a newer version') === true;
    if (problems.length > 0) {
      if (this.#readOnly) {
        this.#report('newer', this.#extras().newerLedgerMessage());
        return ledger;
      }
      this.#keepAside(text, problems, writing);
    }
    return ledger;
  }

  /**
   * Read-modify-write under the lock. Returns the ledger as written. Throws `LedgerBusyError` when the
   * lock cannot be had in time, or the I/O error; the caller keeps its change for the next attempt.
   */
  update(fallback: Ledger, change: (current: Ledger) => Ledger, options: UpdateOptions = {}): Ledger {
    // Nothing new in a newer version's file: this window counts on in memory, without the lock.
    if (this.#readOnly && !options.clearHistory && this.#memory && this.#memory.signature === this.signature())
      return this.#inMemory(this.#memory.ledger, change);
    const started = performance.now();
    this.#fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const lock = this.#lock();
    lock.acquire();
    try {
      const current = this.#readOrThrow(fallback, true);
      if (this.#readOnly) {
        if (options.clearHistory) throw new Error(t('the ledger belongs to a newer version of Upright'));
        return this.#inMemory(current, change);
      }
      let next = { ...change(current), seq: current.seq + 1 };
      // Deleting touches both files: all or nothing. Should the ledger not be written, the history is put back.
      const undoClear = options.clearHistory ? this.#historyFile().clear() : undefined;
      try {
        // Most writes end no day and move none, and need no history (a damaged one read earlier is rewritten here too).
        const history = next.closedDays.length > 0 || next.dayKey !== current.dayKey ? this.#historyFile() : this.#history;
        const write = (ledger: Ledger): void => lock.replace(this.file, JSON.stringify(ledger));
        if (history) next = history.settle(current, next, lock.token, write);
        else write(next);
      } catch (err) {
        if (undoClear) {
          try {
            undoClear();
          } catch {
            throw new HistoryPartlyDeletedError(err);
          }
        }
        throw err;
      }
      const took = performance.now() - started;
      this.#writes++;
      this.#failures = 0;
      this.#writeMsTotal += took;
      if (took > this.#writeMsMax) this.#writeMsMax = took;
      return next;
    } finally {
      lock.release();
    }
  }

  /**
   * Runs `work` under the lock with this folder's files as they are: the ledger (undefined when there is
   * none), the history, and a writer for the ledger. For moving records between folders (moving.ts).
   * Throws when the lock cannot be had, or the ledger belongs to a newer version.
   */
  locked<T>(work: (files: LockedFiles) => T): T {
    this.#fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const lock = this.#lock();
    lock.acquire();
    try {
      const exists = this.signature() !== undefined;
      const ledger = exists ? this.#readOrThrow(emptyLedger('1970-01-01'), true) : undefined;
      if (this.#readOnly) throw new Error(t('the ledger belongs to a newer version of Upright'));
      return work({
        ledger,
        history: this.#historyFile(),
        writeLedger: (next) => lock.replace(this.file, JSON.stringify({ ...next, seq: (ledger?.seq ?? 0) + 1 })),
      });
    } finally {
      lock.release();
    }
  }

  /** A change to a newer version's ledger, kept in memory, from the file as it is now. */
  #inMemory(base: Ledger, change: (current: Ledger) => Ledger): Ledger {
    const ledger = change(base);
    this.#memory = { signature: this.signature(), ledger };
    return ledger;
  }

  /**
   * Keeps a damaged ledger aside, once for each damaged text. `problems`: the invalid fields; undefined:
   * not JSON at all. When it could not be kept, a writer throws: it must not replace what it could not keep.
   */
  #keepAside(text: string, problems: readonly string[] | undefined, writing: boolean): void {
    // The same damaged file is read again until it is rewritten: one backup of it is enough.
    if (text === this.#lastKeptAside) return;
    const { kept, message } = this.#extras().keepLedgerAside(this.#fs, this.file, text, problems, this.#now());
    this.#report(kept ? 'corrupt' : 'corrupt-not-kept', message);
    if (kept) this.#lastKeptAside = text;
    else if (writing) throw new Error(message);
  }

  #report(kind: string, message: string): void {
    if (this.#reported.has(kind)) return;
    this.#reported.add(kind);
    this.#onProblem(message, kind);
  }
}
