// Test-only (it ships with the test API, outside the package): storage that fails on request, so a
// test in the real host can show what a full disk or a failing drive does. Root ignores a read-only
// folder, so failures are injected here rather than made with permissions.
import path = require('node:path');

import { type LedgerFs, nodeLedgerFs } from '../storage/ledgerFile';

export interface StorageFaults {
  /** An error code (`EIO`, `EACCES`…) every read of a file fails with. */
  readonly reads?: string;
  /** An error code (`ENOSPC`, `EROFS`…) every write, rename or removal fails with. */
  readonly writes?: string;
  /** Only files whose name matches this (a regular expression's source) fail; all of them without it. */
  readonly files?: string;
  /** This many writes, renames or removals succeed before `writes` applies (a disk that fills up mid-change). */
  readonly writesBeforeFailing?: number;
}

function fail(code: string, op: string, file: string): never {
  throw Object.assign(new Error(`${code}: ${op} '${file}' (injected)`), { code });
}

export class FaultyStorage implements LedgerFs {
  #faults: StorageFaults = {};
  #files: RegExp | undefined;
  #writesLeft = 0;
  /** Operations failed so far. */
  failed = 0;

  get faults(): StorageFaults {
    return this.#faults;
  }

  set faults(faults: StorageFaults) {
    this.#faults = faults;
    this.#files = faults.files === undefined ? undefined : new RegExp(faults.files);
    this.#writesLeft = faults.writesBeforeFailing ?? 0;
  }

  #check(kind: 'reads' | 'writes', op: string, file: string): void {
    const code = this.#faults[kind];
    if (code === undefined) return;
    if (this.#files && !this.#files.test(path.basename(file))) return;
    if (kind === 'writes' && this.#writesLeft > 0) {
      this.#writesLeft--;
      return;
    }
    this.failed++;
    fail(code, op, file);
  }

  readFileSync(file: string, encoding: 'utf8'): string {
    this.#check('reads', 'open', file);
    return nodeLedgerFs.readFileSync(file, encoding);
  }
  writeFileSync(file: string, data: string, options?: { flag?: string }): void {
    this.#check('writes', 'write', file);
    nodeLedgerFs.writeFileSync(file, data, options);
  }
  renameSync(from: string, to: string): void {
    this.#check('writes', 'rename', from);
    nodeLedgerFs.renameSync(from, to);
  }
  unlinkSync(file: string): void {
    this.#check('writes', 'unlink', file);
    nodeLedgerFs.unlinkSync(file);
  }
  statSync(file: string): { mtimeMs: number; size: number; ino?: number } {
    return nodeLedgerFs.statSync(file);
  }
  mkdirSync(dir: string, options: { recursive: true }): unknown {
    return nodeLedgerFs.mkdirSync(dir, options);
  }
  linkSync(existing: string, newPath: string): void {
    this.#check('writes', 'link', newPath);
    nodeLedgerFs.linkSync(existing, newPath);
  }
}
