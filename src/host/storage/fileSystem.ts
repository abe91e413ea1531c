// The file operations of Upright's storage, and the few ways it uses them. No `vscode` here.
import crypto = require('node:crypto');
import nodeFs = require('node:fs');
import path = require('node:path');

import { errorCode } from './errorCode';

/** The file operations the ledger and history use: a seam that tests replace to make reads or writes fail. */
export interface LedgerFs {
  readFileSync(file: string, encoding: 'utf8'): string;
  writeFileSync(file: string, data: string, options?: { flag?: string }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  statSync(file: string): { mtimeMs: number; size: number; ino?: number };
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  linkSync(existing: string, newPath: string): void;
}

export const nodeLedgerFs: LedgerFs = nodeFs;

export { errorCode };

export function tryUnlink(fs: LedgerFs, file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    /* best effort */
  }
}

/**
 * A file's identity, cheap to read: every write renames a new file into place, so it changes with
 * each. Undefined when there is no file; other failures throw.
 */
export function fileSignature(fs: LedgerFs, file: string): string | undefined {
  try {
    const s = fs.statSync(file);
    return `${s.ino ?? ''}:${s.mtimeMs}:${s.size}`;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

/** What Windows says for a moment while an antivirus or indexer has a file open: worth a second try. */
const MOMENTARY = new Set(['EBUSY', 'EPERM', 'EACCES']);

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` (only ever a few milliseconds: the callers are synchronous writers). */
export function sleepMs(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/**
 * Runs a rename or removal, trying again twice (after 1 and 2 ms) when the file is held for a moment;
 * a longer hold throws, and the caller's writer tries again later: the host never waits longer.
 */
export function retryMomentary<T>(op: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return op();
    } catch (err) {
      if (attempt >= 2 || !MOMENTARY.has(errorCode(err) ?? '')) throw err;
      sleepMs(attempt + 1);
    }
  }
}

/**
 * Replaces `file` with `text` all at once: written to a temporary file beside it, then renamed over it,
 * so a reader sees the old version or the new one, never half of one. No temporary file stays behind.
 * `beforeRename` runs last, just before the rename: a writer checks there that it still holds the lock.
 */
export function replaceFile(fs: LedgerFs, file: string, text: string, pid: number, beforeRename?: () => void): void {
  const temp = `${file}.${pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    beforeRename?.();
    retryMomentary(() => fs.renameSync(temp, file));
  } catch (err) {
    try {
      retryMomentary(() => fs.unlinkSync(temp));
    } catch {
      /* never written, or refused: nothing more to do */
    }
    throw err;
  }
}

/**
 * Keeps a damaged file's text as `<name>.corrupt-<time>.json` beside it, never replacing a backup.
 * Returns the backup's name, or the error that kept it from being written (a full disk): then no part
 * of it is left behind.
 */
export function keepAside(fs: LedgerFs, file: string, text: string, nowWallMs: number): { backup: string } | { failed: unknown } {
  const backup = path.join(path.dirname(file), `${path.basename(file, '.json')}.corrupt-${nowWallMs}.json`);
  try {
    fs.writeFileSync(backup, text, { flag: 'wx' });
    return { backup: path.basename(backup) };
  } catch (err) {
    // Already there: the same damage kept in the same millisecond. Otherwise what was created is ours.
    if (errorCode(err) === 'EEXIST') return { backup: path.basename(backup) };
    tryUnlink(fs, backup);
    return { failed: err };
  }
}
