import type * as vscode from 'vscode';
import { emptyLedger, type Ledger } from '../core/ledger';
import { ledgerFromFirstRelease } from '../core/migrate';
import { type LedgerStore } from './ledgerStore';

const FIRST_RELEASE_KEY = 'upright.tracker';

/**
 * Opens the shared ledger in `store`. What the first release kept per window in `globalState` is
 * carried over when there is no ledger yet.
 */
export function openSharedLedger(store: LedgerStore, globalState: vscode.Memento, log: vscode.LogOutputChannel, todayKey: string): { store: LedgerStore; initial: Ledger } {
  const empty = emptyLedger(todayKey);
  let initial = store.read(empty);
  if (initial === empty) {
    const carried = ledgerFromFirstRelease(globalState.get(FIRST_RELEASE_KEY));
    if (carried) {
      try {
        initial = store.update(empty, (current) => (current.seq === 0 ? { ...carried, seq: 0 } : current));
        log.info('Carried over the coding time kept by the previous version.');
      } catch (err) {
        log.warn(`Could not carry over the previous version's coding time yet: ${String(err)}`);
        initial = carried;
      }
    }
  }
  log.info(`Shared ledger: ${store.location}`);
  return { store, initial };
}

/** Problems a person should hear about: something of theirs was damaged and has been rebuilt. */
const SHOWN_PROBLEMS = new Set(['corrupt', 'history-corrupt']);

/** Reports a store's problem in the log, and as a warning when the person's data was damaged. */
export function reportStoreProblem(log: vscode.LogOutputChannel, showWarning: (message: string) => unknown): (message: string, kind: string) => void {
  return (message, kind) => {
    log.warn(message);
    if (SHOWN_PROBLEMS.has(kind)) void showWarning(`Upright: ${message}`);
  };
}
