// Where the ledger lives when every editor of the VS Code family on the machine shares it, and whether
// that folder can be used. No `vscode` here: plain-Node tests run it against real and failing folders.
import nodeFs = require('node:fs');
import path = require('node:path');

import { t } from '../../shared/l10n';
import { errorCode } from './errorCode';
import { fileSignature, type LedgerFs, nodeLedgerFs } from './fileSystem';

export interface SharedFolderEnv {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
}

/**
 * One folder per user, whatever the product: `%LOCALAPPDATA%\upright` on Windows; elsewhere
 * `$XDG_STATE_HOME/upright` when that is set, else `~/Library/Application Support/upright` on macOS and
 * `~/.local/state/upright` on Linux. A relative `XDG_STATE_HOME` is ignored, as the XDG spec says.
 */
export function sharedFolderOf({ platform, env, home }: SharedFolderEnv): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return path.win32.join(local && path.win32.isAbsolute(local) ? local : path.win32.join(home, 'AppData', 'Local'), 'upright');
  }
  const state = env.XDG_STATE_HOME;
  if (state && path.posix.isAbsolute(state)) return path.posix.join(state, 'upright');
  return platform === 'darwin'
    ? path.posix.join(home, 'Library', 'Application Support', 'upright')
    : path.posix.join(home, '.local', 'state', 'upright');
}

/** The file operations `checkSharedFolder` uses: a seam tests replace to make them fail. */
export interface FolderFs {
  mkdirSync(dir: string, options: { recursive: true; mode: number }): unknown;
  statSync(file: string): { isDirectory(): boolean; uid: number; mode: number };
  chmodSync(file: string, mode: number): void;
  writeFileSync(file: string, data: string): void;
  unlinkSync(file: string): void;
  existsSync(file: string): boolean;
}

/**
 * Makes the shared folder ready: created owner-only (0700), its permissions narrowed to the owner if
 * they were wider, a file written and removed. Undefined when it can be used; otherwise why not.
 * A folder of another user is never used. A full disk is no reason to leave a folder that already holds
 * the clock (it counts on in memory and writes when it can, as any full disk), only to start one there.
 */
export function checkSharedFolder(dir: string, fs: FolderFs = nodeFs, uid = process.getuid?.()): string | undefined {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    if (!stat.isDirectory()) return t('it is not a folder');
    if (uid !== undefined && stat.uid !== uid) return t('it belongs to another user');
    if (uid !== undefined && (stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  } catch (err) {
    return errorCode(err) ?? String(err);
  }
  const probe = path.join(dir, `.probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'upright');
    fs.unlinkSync(probe);
    return undefined;
  } catch (err) {
    const code = errorCode(err) ?? String(err);
    return code === 'ENOSPC' && fs.existsSync(path.join(dir, 'ledger.json')) ? undefined : code;
  }
}

/** What a product's own folder says about the shared one (`sharing.json`, beside its own files). */
export interface SharingNote {
  /** `shared`: its records went to `folder`, which it uses; `own`: it took the shared records back. */
  readonly mode: 'shared' | 'own';
  readonly folder: string;
  readonly atWallMs: number;
  /**
   * The own ledger's and history's identity (see `ownSignature`) when they were brought in: should an
   * older version of Upright in this editor write them later, what it counted is brought in too.
   */
  readonly signature?: string;
}

export const SHARING_NOTE = 'sharing.json';

/** The identity of a folder's ledger and history: changes whenever either is written. */
export function ownSignature(dir: string, fs: LedgerFs = nodeLedgerFs): string {
  const one = (name: string): string => {
    try {
      return fileSignature(fs, path.join(dir, name)) ?? '-';
    } catch {
      return '?';
    }
  };
  return `${one('ledger.json')}|${one('history.json')}`;
}

/** The note in a product's own folder; undefined when there is none or it cannot be read. */
export function readSharingNote(
  ownDir: string,
  fs: { readFileSync(file: string, encoding: 'utf8'): string } = nodeFs,
): SharingNote | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(ownDir, SHARING_NOTE), 'utf8')) as Partial<SharingNote>;
    if ((raw.mode === 'shared' || raw.mode === 'own') && typeof raw.folder === 'string' && typeof raw.atWallMs === 'number')
      return {
        mode: raw.mode,
        folder: raw.folder,
        atWallMs: raw.atWallMs,
        ...(typeof raw.signature === 'string' ? { signature: raw.signature } : {}),
      };
  } catch {
    /* none yet, or unreadable: as if none */
  }
  return undefined;
}
