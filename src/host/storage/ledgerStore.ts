// What every ledger store offers: the file on disk (desktop, remote) or `globalState` (a browser host).
import { type History } from '../../core/history';
import { type Ledger } from '../../core/ledger';

/** What a writer records in the lock file. */
export interface LockInfo {
  token: string;
  pid: number;
  owner: string;
  atWallMs: number;
  /** The machine the writer runs on: a process id means something only there (a shared network folder). */
  host?: string;
}

export interface UpdateOptions {
  /** Delete the history in the same locked write (the change clears today's counts). */
  readonly clearHistory?: boolean;
}

/**
 * Where the shared ledger and the history live: files normally; `globalState` where there is no file
 * system. Every write moves the days that have ended from the ledger to the history.
 */
export interface LedgerStore {
  read(fallback: Ledger): Ledger;
  update(fallback: Ledger, change: (current: Ledger) => Ledger, options?: UpdateOptions): Ledger;
  readHistory(): History;
  /** Changes whenever any window writes; undefined when unknown. */
  signature(): string | undefined;
  readonly writeStats: { writes: number; totalMs: number; maxMs: number };
  /**
   * After a failed write: when to write again, for a failure that passes (a busy lock); undefined: at
   * the next minute, and the failure is told if it is not a busy lock.
   */
  retryInMs?(err: unknown): number | undefined;
  readonly location: string;
}

/**
 * Deleting the history went half way: the history was emptied and could not be put back, while the
 * ledger (today's counts, the routine records) could not be written and is as it was.
 */
export class HistoryPartlyDeletedError extends Error {
  constructor(readonly reason: unknown) {
    super(`the history was deleted, but not today's counts (${reason instanceof Error ? reason.message : String(reason)})`);
    this.name = 'HistoryPartlyDeletedError';
  }
}

/** By name: the on-demand bundle has a class of its own, so `instanceof` cannot tell across bundles. */
export function isHistoryPartlyDeleted(err: unknown): err is HistoryPartlyDeletedError {
  return err instanceof Error && err.name === 'HistoryPartlyDeletedError';
}

/** The lock was busy: by name, so a store that never locks (the browser's) brings no class for it. */
export function isBusy(err: unknown): boolean {
  return err instanceof Error && err.name === 'LedgerBusyError';
}

export class LedgerBusyError extends Error {
  constructor(file: string) {
    super(`the ledger lock ${file} is held by another window`);
    this.name = 'LedgerBusyError';
  }
}
