import * as assert from 'node:assert/strict';

import { emptyLedger, type Ledger } from '../../src/core/ledger';
import { type KeyValueState, MementoLedgerStore } from '../../src/host/storage/mementoLedger';

const DAY = '2026-03-02';

/** `globalState` as a map, as VS Code keeps it for a browser host. */
class MapState implements KeyValueState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): PromiseLike<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const credit =
  (ms: number) =>
  (l: Ledger): Ledger => ({ ...l, todayActiveMs: l.todayActiveMs + ms });

describe('the browser host’s ledger in globalState', () => {
  it('writes and reads back', () => {
    const state = new MapState();
    const store = new MementoLedgerStore(state);
    store.update(emptyLedger(DAY), credit(5));
    assert.equal(store.read(emptyLedger(DAY)).todayActiveMs, 5);
  });

  it('reads a ledger written by a newer version, and never replaces it', () => {
    const state = new MapState();
    const newer = { ...emptyLedger(DAY), todayActiveMs: 60_000, version: 3, somethingNew: true };
    state.values.set('upright.ledger', newer);
    const store = new MementoLedgerStore(state);
    assert.equal(store.read(emptyLedger(DAY)).todayActiveMs, 60_000);
    assert.equal(store.update(emptyLedger(DAY), credit(5)).todayActiveMs, 60_005, 'this window counts on in memory');
    assert.equal(state.values.get('upright.ledger'), newer, 'the newer ledger stands');
    assert.throws(() => store.update(emptyLedger(DAY), (l) => l, { clearHistory: true }), /newer version/);
  });
});
