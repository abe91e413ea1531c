import * as vscode from 'vscode';
import { emptyHistory, type History, mergeClosedDays, parseHistory, serializeHistory } from '../core/history';
import { emptyLedger, type Ledger, readLedger } from '../core/ledger';
import { ledgerFromFirstRelease } from '../core/migrate';
import { LedgerFile, type LedgerStore, type UpdateOptions } from './ledgerFile';

const FIRST_RELEASE_KEY = 'upright.tracker';
const MEMENTO_KEY = 'upright.ledger';
const HISTORY_KEY = 'upright.history';
/** Problems a person should hear about: something of theirs was damaged and has been rebuilt. */
const SHOWN_PROBLEMS = new Set(['corrupt', 'history-corrupt']);

/** Best effort where there is no file system (vscode.dev): one window's `globalState`, no lock. */
class MementoLedgerStore implements LedgerStore {
  readonly location = 'globalState';
  readonly writeStats = { writes: 0, totalMs: 0, maxMs: 0 };
  readonly #memento: vscode.Memento;
  #seq = 0;

  constructor(memento: vscode.Memento) {
    this.#memento = memento;
  }

  read(fallback: Ledger): Ledger {
    const raw = this.#memento.get<unknown>(MEMENTO_KEY);
    return raw === undefined ? fallback : readLedger(raw, fallback).ledger;
  }

  readHistory(): History {
    const text = this.#memento.get<unknown>(HISTORY_KEY);
    return typeof text === 'string' ? parseHistory(text).history : emptyHistory();
  }

  update(fallback: Ledger, change: (current: Ledger) => Ledger, options: UpdateOptions = {}): Ledger {
    const current = this.read(fallback);
    let next = { ...change(current), seq: current.seq + 1 };
    if (options.clearHistory) void this.#memento.update(HISTORY_KEY, serializeHistory(emptyHistory()));
    if (next.closedDays.length > 0) {
      void this.#memento.update(HISTORY_KEY, serializeHistory(mergeClosedDays(this.readHistory(), next.closedDays)));
      next = { ...next, closedDays: [] };
    }
    void this.#memento.update(MEMENTO_KEY, next);
    this.writeStats.writes++;
    this.#seq = next.seq;
    return next;
  }

  signature(): string | undefined {
    return String(this.#memento.get<Ledger>(MEMENTO_KEY)?.seq ?? this.#seq);
  }
}

/**
 * Opens the machine's shared ledger: `ledger.json` in the extension's global storage folder. What the
 * first release kept per window in `globalState` is carried over when there is no ledger yet.
 */
export function openSharedLedger(context: vscode.ExtensionContext, owner: string, log: vscode.LogOutputChannel, todayKey: string): { store: LedgerStore; initial: Ledger } {
  const storage = context.globalStorageUri;
  let store: LedgerStore;
  if (storage.scheme === 'file') {
    store = new LedgerFile(storage.fsPath, {
      owner,
      onProblem: (message, kind) => {
        log.warn(message);
        if (SHOWN_PROBLEMS.has(kind)) void vscode.window.showWarningMessage(`Upright: ${message}`);
      },
    });
  } else {
    log.info(`No local file system for the shared ledger (${storage.scheme}); keeping it in this window's extension state.`);
    store = new MementoLedgerStore(context.globalState);
  }
  const empty = emptyLedger(todayKey);
  let initial = store.read(empty);
  if (initial === empty) {
    const carried = ledgerFromFirstRelease(context.globalState.get(FIRST_RELEASE_KEY));
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
