// History on disk, beside the ledger and written under its lock. No `vscode` here (plain-Node tests).
import path = require('node:path');

import { type ClosedDay } from '../../core/days';
import { emptyHistory, type History, mergeClosedDays, parseHistory, placeDays, serializeHistory } from '../../core/history';
import { type Ledger } from '../../core/ledger';
import { t } from '../../shared/l10n';
import { errorCode, fileSignature, keepAside, type LedgerFs, replaceFile } from './fileSystem';
import { isBusy } from './ledgerStore';

export interface HistoryFileOptions {
  readonly fs: LedgerFs;
  readonly onProblem: (kind: string, message: string) => void;
  readonly nowWallMs: () => number;
  readonly pid: number;
  /** Runs just before the file is replaced (the writer checks it still holds the ledger lock). */
  readonly beforeReplace?: () => void;
}

/** What the ledger needs of the history: read it, add ended days, delete it. */
export interface HistoryStore {
  read(): History;
  /** Adds ended days (and writes back a damaged file's valid part); false when they could not be written. */
  sync(closed: readonly ClosedDay[]): boolean;
  /**
   * Writes ledger `next` (read as `current`) with `write`, and moves the days it closed to history (see
   * `HistoryFile.settle`). Returns the ledger as written; throws when it could not be written.
   */
  settle(current: Ledger, next: Ledger, stamp: string, write: (ledger: Ledger) => void): Ledger;
  /** Empties the history; returns what undoes it (see `HistoryFile.clear`). */
  clear(): () => void;
  /** Writes `history` in place of what is there (the caller holds the ledger lock); throws when it may not or cannot. */
  replace(history: History): void;
}

/** Opens `history.json` in `dir`; the desktop entry loads this file on first use. */
export function openHistoryFile(dir: string, options: HistoryFileOptions): HistoryStore {
  return new HistoryFile(dir, options);
}

/**
 * `history.json`: every ended day. Read often (the Stats page), written about once a day, only by a
 * writer that holds the ledger lock, by temp file and rename. A damaged file is copied aside and what
 * is valid in it is kept; a file from a newer version is read but never overwritten.
 */
export class HistoryFile implements HistoryStore {
  readonly file: string;
  readonly #options: HistoryFileOptions;
  #cache: { signature: string; history: History } | undefined;
  #lastKeptAside: string | undefined;
  #readOnly = false;
  /** The file was damaged: write back what was kept at the next chance, under the lock. */
  #needsRebuild = false;
  /** The file read last was damaged and no copy of it could be kept: it is not to be written over. */
  #damagedNotKept = false;

  constructor(dir: string, options: HistoryFileOptions) {
    this.file = path.join(dir, 'history.json');
    this.#options = options;
  }

  /** The history as stored (empty when there is none or it cannot be read). Cached until the file changes. */
  read(): History {
    try {
      return this.#readOrThrow();
    } catch (err) {
      this.#options.onProblem(
        'history-read',
        t('Could not read the history ({0}); the Stats show today only.', errorCode(err) ?? String(err)),
      );
      return emptyHistory();
    }
  }

  /** As `read`, but a file that exists and cannot be read throws: it must never be replaced unseen. */
  #readOrThrow(): History {
    const signature = fileSignature(this.#options.fs, this.file);
    // A newer version's file removed or replaced by one this version can write: it is written again.
    if (signature === undefined) {
      this.#readOnly = false;
      return emptyHistory();
    }
    if (this.#cache?.signature === signature) return this.#cache.history;
    let text: string;
    try {
      text = this.#options.fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return emptyHistory();
      throw err;
    }
    const { history, problems, newer } = parseHistory(text);
    this.#readOnly = newer;
    if (newer) {
      this.#options.onProblem(
        'history-newer',
        t(
          'The history was written by a newer version of Upright. This version shows it and leaves it as it is; days that end wait in the shared ledger.',
        ),
      );
    } else if (problems.length > 0) {
      // Rebuilt at the next write only once a copy is kept; until then the file is left as it is.
      const kept = this.#keepAside(text, problems.join('; '));
      this.#needsRebuild = kept;
      this.#damagedNotKept = !kept;
    } else {
      this.#damagedNotKept = false;
    }
    this.#cache = { signature, history };
    return history;
  }

  /**
   * Adds ended days, and writes back a damaged file's valid part. The caller holds the ledger lock.
   * False when the days could not be written (they stay in the ledger for the next attempt).
   */
  sync(closed: readonly ClosedDay[]): boolean {
    // Most writes end no day: no history I/O for them.
    if (closed.length === 0 && !this.#needsRebuild) return true;
    try {
      const current = this.#readOrThrow();
      if (this.#readOnly || this.#damagedNotKept) return false;
      this.#write(mergeClosedDays(current, closed));
      return true;
    } catch (err) {
      // The lock was taken over meanwhile: the new owner moves the days; nothing is wrong with the drive.
      if (isBusy(err)) return false;
      this.#options.onProblem(
        'history-write',
        t('Could not write the history ({0}); the ended days stay in the ledger until it can be written.', errorCode(err) ?? String(err)),
      );
      return false;
    }
  }

  /**
   * Writes a ledger (the caller holds the lock) and, when its days moved, the history: the parts of days
   * it closed get their ids and today what history holds of its day (see `placeDays`). The ledger is
   * written first with the parts in it, then history, then the ledger without them: stopped anywhere
   * between, each part is still in the ledger or already in history, and is added to its day once.
   */
  settle(current: Ledger, next: Ledger, stamp: string, write: (ledger: Ledger) => void): Ledger {
    let settled = next.closedDays.length > 0 || next.dayKey !== current.dayKey ? placeDays(this.read(), current, next, stamp) : next;
    write(settled);
    if (this.sync(settled.closedDays) && settled.closedDays.length > 0) {
      const moved = { ...settled, closedDays: [] };
      try {
        write(moved);
        settled = moved;
      } catch {
        // The parts are in history and stay in the ledger until the next write, which drops them.
      }
    }
    return settled;
  }

  /**
   * Deletes every day (the caller holds the ledger lock). Throws when the file cannot be written.
   * Returns what puts the file back as it was, byte for byte, should the rest of the change fail.
   */
  clear(): () => void {
    if (this.#readOnly) throw new Error(t('the history belongs to a newer version of Upright'));
    const { fs, pid } = this.#options;
    let previous: string | undefined;
    try {
      previous = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
    }
    this.#write(emptyHistory());
    return () => {
      this.#cache = undefined;
      if (previous === undefined) fs.unlinkSync(this.file);
      else replaceFile(fs, this.file, previous, pid);
    };
  }

  replace(history: History): void {
    this.#readOrThrow();
    if (this.#readOnly) throw new Error(t('the history belongs to a newer version of Upright'));
    if (this.#damagedNotKept) throw new Error(t('the history is damaged and no copy of it could be kept'));
    this.#write(history);
  }

  #write(history: History): void {
    this.#options.fs.mkdirSync(path.dirname(this.file), { recursive: true });
    replaceFile(this.#options.fs, this.file, serializeHistory(history), this.#options.pid, this.#options.beforeReplace);
    this.#cache = undefined;
    this.#needsRebuild = false;
  }

  /** Keeps a damaged history aside, once for each damaged text; false when no copy could be written. */
  #keepAside(text: string, why: string): boolean {
    if (text === this.#lastKeptAside) return true;
    const kept = keepAside(this.#options.fs, this.file, text, this.#options.nowWallMs());
    if ('failed' in kept) {
      this.#options.onProblem(
        'history-corrupt-not-kept',
        t(
          'The history could not be fully read ({0}), and no copy of it could be kept ({1}); it is left as it is until one can be.',
          why,
          errorCode(kept.failed) ?? String(kept.failed),
        ),
      );
      return false;
    }
    this.#lastKeptAside = text;
    this.#options.onProblem(
      'history-corrupt',
      t(
        'The history could not be fully read ({0}). A copy was kept as {1}; what was valid is kept and the file is rebuilt at the next write.',
        why,
        kept.backup,
      ),
    );
    return true;
  }
}
