// The rare part of sharing one folder across editors, loaded only when a move is due or the folder
// cannot be used (storage extras). No `vscode` here: what is to be said goes back to the caller.
import { t } from '../../shared/l10n';
import { errorCode } from './errorCode';
import { type LedgerFs } from './fileSystem';
import { type LedgerFile } from './ledgerFile';
import { isBusy } from './ledgerStore';
import { moveIn, moveOut } from './moving';

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
  readonly shared: LedgerFile | undefined;
  readonly openOwn: () => LedgerFile;
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
 * Moves records as the note in this editor's own folder says is due (see moving.ts): into the shared
 * folder the first time it is used, back into the editor's own storage when it is not. At once, so that
 * no window's first write comes before the move; when another window holds the lock (it is moving the
 * same records), again shortly.
 */
export function moveWhereDue(o: MoveDue, attempt = 0): void {
  try {
    const said = (o.shared ?? o.openOwn()).locked((files) => {
      const options = { fs: o.fs, ownDir: o.ownDir, sharedDir: o.sharedDir, todayKey: o.todayKey, nowWallMs: Date.now(), pid: process.pid };
      return o.shared ? moveIn(files, options) : moveOut(files, options);
    });
    if (said) o.info(said);
  } catch (err) {
    if (isBusy(err) && attempt < 40) {
      o.later(() => moveWhereDue(o, attempt + 1), 250);
      return;
    }
    o.warn(
      t(
        'Upright could not move its records between {0} and {1} ({2}). Nothing was lost; it tries again at the next start.',
        o.ownDir,
        o.sharedDir,
        errorCode(err) ?? (err instanceof Error ? err.message : String(err)),
      ),
    );
  }
}
