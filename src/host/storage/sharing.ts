// The rare part of sharing one folder across editors, loaded only when a move is due or the folder
// cannot be used (storage extras). No `vscode` here: what is to be said goes back to the caller.
import { t } from '../../shared/l10n';
import { errorCode } from './errorCode';
import { type LedgerFs, sleepMs } from './fileSystem';
import { isBusy } from './ledgerStore';
import { type LockedFiles, moveIn, moveOut } from './moving';

/** A folder whose files can be worked on under its lock (a `LedgerFile`). */
interface Lockable {
  locked<T>(work: (files: LockedFiles) => T): T;
}

/** What a person is told when the shared folder cannot be used (`problem`: why). */
export function unusableSharedFolder(folder: string, problem: string): string {
  return t(
    'Upright could not use the folder it shares with your other editors, {0} ({1}). This editor keeps its clock in its own storage until it can; other editors do not see it.',
    folder,
    problem,
  );
}

export interface MoveDue {
  /** The shared folder's ledger: records move into it; undefined: they move back into `openOwn()`'s folder. */
  readonly shared: Lockable | undefined;
  readonly openOwn: () => Lockable;
  readonly ownDir: string;
  readonly sharedDir: string;
  readonly todayKey: string;
  readonly fs: LedgerFs;
  readonly info: (message: string) => void;
  /** A move that failed: logged and told once (nothing was lost; the next start tries again). */
  readonly warn: (message: string) => void;
  readonly later: (run: () => void, ms: number) => void;
}

/**
 * Waiting for another window's move (another editor starting at the same moment moves its own records
 * in): up to this many tries, `MOVE_RETRY_MS` apart, before this start goes on and tries again later.
 */
const MOVE_TRIES_AT_ONCE = 50;
const MOVE_RETRY_MS = 20;

/**
 * Moves records as the note in this editor's own folder says is due (see moving.ts): into the shared
 * folder the first time it is used, back into the editor's own storage when it is not. At once, before
 * the window reads the clock: a clock brought in later would replace one the window already counts on,
 * and an absence it had noticed would be lost. Another window holding the lock (moving its own records)
 * is waited for, about a second at most, once in an editor's life; then again shortly, in the background.
 */
export function moveWhereDue(o: MoveDue, attempt = 0): void {
  for (let tries = 1; attempt === 0 && tries < MOVE_TRIES_AT_ONCE; tries++) {
    try {
      const said = (o.shared ?? o.openOwn()).locked((files) => move(files, o));
      if (said) o.info(said);
      return;
    } catch (err) {
      if (!isBusy(err)) return fail(o, err);
      sleepMs(MOVE_RETRY_MS);
    }
  }
  try {
    const said = (o.shared ?? o.openOwn()).locked((files) => move(files, o));
    if (said) o.info(said);
  } catch (err) {
    if (isBusy(err) && attempt < 40) {
      o.later(() => moveWhereDue(o, attempt + 1), 250);
      return;
    }
    fail(o, err);
  }
}

function move(files: LockedFiles, o: MoveDue): string {
  const options = { fs: o.fs, ownDir: o.ownDir, sharedDir: o.sharedDir, todayKey: o.todayKey, nowWallMs: Date.now(), pid: process.pid };
  return o.shared ? moveIn(files, options) : moveOut(files, options);
}

function fail(o: MoveDue, err: unknown): void {
  o.warn(
    t(
      'Upright could not move its records between {0} and {1} ({2}). Nothing was lost; it tries again at the next start.',
      o.ownDir,
      o.sharedDir,
      errorCode(err) ?? (err instanceof Error ? err.message : String(err)),
    ),
  );
}
