import { emptyLedger, type Ledger } from '../../core/ledger';
import { type LedgerStore } from './ledgerStore';

/** Where a store's news goes (Upright's log). */
export interface StorageLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Opens the shared ledger in `store`: what it holds, or a new one for today. */
export function openSharedLedger(store: LedgerStore, log: StorageLog, todayKey: string): { store: LedgerStore; initial: Ledger } {
  const initial = store.read(emptyLedger(todayKey));
  log.info(`Shared ledger: ${store.location}`);
  return { store, initial };
}

/** Problems a person should hear about: something of theirs was damaged and has been rebuilt. */
const SHOWN_PROBLEMS = new Set([
  'corrupt',
  'corrupt-not-kept',
  'history-corrupt',
  'history-corrupt-not-kept',
  'read',
  'history-read',
  'history-write',
  'newer',
  'history-newer',
]);

/** Reports a store's problem in the log, and as a warning when the person's data was damaged. */
export function reportStoreProblem(log: StorageLog, showWarning: (message: string) => unknown): (message: string, kind: string) => void {
  return (message, kind) => {
    log.warn(message);
    if (SHOWN_PROBLEMS.has(kind)) void showWarning(`Upright: ${message}`);
  };
}
