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

/**
 * Replaces `file` with `text` all at once: written to a temporary file beside it, then renamed over it,
 * so a reader sees the old version or the new one, never half of one. No temporary file stays behind.
 */
export function replaceFile(fs: LedgerFs, file: string, text: string, pid: number): void {
  const temp = `${file}.${pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (err) {
    tryUnlink(fs, temp);
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
