import * as assert from 'node:assert/strict';

import { allDays } from '../../src/core/history';
import { commitOps, emptyLedger, type Ledger } from '../../src/core/ledger';
import { type KeyValueState, MementoLedgerStore } from '../../src/host/storage/mementoLedger';

const DAY = '2026-03-02';
const NEXT = '2026-03-03';

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
    const problems: string[] = [];
    const store = new MementoLedgerStore(state, (message, kind) => problems.push(`${kind}: ${message}`));
    assert.equal(store.read(emptyLedger(DAY)).todayActiveMs, 60_000);
    assert.equal(store.update(emptyLedger(DAY), credit(5)).todayActiveMs, 60_005, 'this window counts on in memory');
    assert.equal(store.update(emptyLedger(DAY), credit(7)).todayActiveMs, 60_012, 'and keeps counting on');
    assert.equal(problems.length, 1, 'said once');
    assert.match(problems[0] ?? '', /^newer: .*newer version.*counts in memory/);
    assert.equal(state.values.get('upright.ledger'), newer, 'the newer ledger stands');
    assert.throws(() => store.update(emptyLedger(DAY), (l) => l, { clearHistory: true }), /newer version/);
  });

  it('adds the parts of one day in its history too: a day closed, come back to and closed again', () => {
    const store = new MementoLedgerStore(new MapState());
    const work = (dayKey: string, ms: number) => (l: Ledger) => commitOps(l, [{ type: 'credit', ms, dayKey, endWallMs: 1 }], 1, dayKey);
    store.update(emptyLedger(DAY), work(DAY, 60_000));
    store.update(emptyLedger(DAY), work(NEXT, 10_000));
    const back = store.update(emptyLedger(DAY), work(DAY, 30_000));
    assert.deepEqual([back.dayKey, back.todayActiveMs, back.todayBaseMs], [DAY, 30_000, 60_000], 'today shows what history holds of it');
    const ahead = store.update(emptyLedger(DAY), work(NEXT, 5_000));
    assert.deepEqual(
      allDays(store.readHistory(), ahead).map((d) => [d.day, d.activeMs]),
      [
        [DAY, 90_000],
        [NEXT, 15_000],
      ],
    );
  });
});
