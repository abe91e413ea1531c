import { emptyHistory, type History, mergeClosedDays, placeDays, readHistoryRecord, serializeHistory } from '../../core/history';
import { type Ledger, readLedger } from '../../core/ledger';
import { t } from '../../shared/l10n';
import { type LedgerStore, type UpdateOptions } from './ledgerStore';

/** What this store needs of VS Code's `globalState` (a `Memento`). */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const MEMENTO_KEY = 'upright.ledger';
const HISTORY_KEY = 'upright.history';

/**
 * Best effort where there is no file system (vscode.dev): the ledger and history in `globalState`, no
 * lock. Windows do not share it the way they share the file, and the history moves the same way.
 */
export class MementoLedgerStore implements LedgerStore {
  readonly location = 'globalState';
  /** Writes are counted, not timed: they change values in memory, which VS Code saves later. */
  readonly writeStats = { writes: 0, totalMs: 0, maxMs: 0 };
  readonly #memento: KeyValueState;
  /** Told once that a newer version owns the ledger. */
  readonly #onProblem: (message: string, kind: string) => void;
  /** A newer version's ledger, with this window's changes kept in memory, and the signature it was read at. */
  #memory: { signature: string | undefined; ledger: Ledger } | undefined;

  constructor(memento: KeyValueState, onProblem: (message: string, kind: string) => void = () => undefined) {
    this.#memento = memento;
    this.#onProblem = onProblem;
  }

  read(fallback: Ledger): Ledger {
    const raw = this.#memento.get<unknown>(MEMENTO_KEY);
    return raw === undefined ? fallback : readLedger(raw, fallback).ledger;
  }

  readHistory(): History {
    const text = this.#memento.get<unknown>(HISTORY_KEY);
    if (typeof text !== 'string') return emptyHistory();
    try {
      // Kept whole by VS Code's storage: no file cut short to salvage.
      return readHistoryRecord(JSON.parse(text)).history;
    } catch {
      return emptyHistory();
    }
  }

  update(fallback: Ledger, change: (current: Ledger) => Ledger, options: UpdateOptions = {}): Ledger {
    const current = this.read(fallback);
    // A newer version's ledger is read, never replaced: this window counts on in memory until that version writes again.
    if (Number(this.#memento.get<{ version?: unknown }>(MEMENTO_KEY)?.version) > 2) {
      if (options.clearHistory) throw new Error(t('the ledger belongs to a newer version of Upright'));
      const signature = this.signature();
      if (!this.#memory)
        this.#onProblem(
          t(
            'The shared ledger was written by a newer version of Upright. This version leaves it as it is and counts in memory; update Upright here too.',
          ),
          'newer',
        );
      const ledger = change(this.#memory && this.#memory.signature === signature ? this.#memory.ledger : current);
      this.#memory = { signature, ledger };
      return ledger;
    }
    let next = { ...change(current), seq: current.seq + 1 };
    if (options.clearHistory) void this.#memento.update(HISTORY_KEY, serializeHistory(emptyHistory()));
    if (next.closedDays.length > 0 || next.dayKey !== current.dayKey) {
      const base = options.clearHistory ? emptyHistory() : this.readHistory();
      next = placeDays(base, current, next, `${next.seq}.`);
      void this.#memento.update(HISTORY_KEY, serializeHistory(mergeClosedDays(base, next.closedDays)));
      next = { ...next, closedDays: [] };
    }
    void this.#memento.update(MEMENTO_KEY, next);
    this.writeStats.writes++;
    return next;
  }

  signature(): string | undefined {
    // `globalState` holds a written value at once (it is saved later).
    return String(this.#memento.get<Ledger>(MEMENTO_KEY)?.seq);
  }
}
