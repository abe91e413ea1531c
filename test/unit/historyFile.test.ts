import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parseHistory } from '../../src/core/history';
import { applyOps, emptyLedger, type Ledger, withoutHistory } from '../../src/core/ledger';
import { type LedgerFile, type LedgerFs, nodeLedgerFs } from '../../src/host/storage/ledgerFile';
import { ledgerFile } from '../support/storage';

const MINUTE = 60_000;
const credit = (dayKey: string, ms: number) => (l: Ledger) => applyOps(l, [{ type: 'credit', ms, dayKey, endWallMs: 1 }]);

/** A day of coding that has ended, and a little of the next. */
function workDays(store: LedgerFile, days: readonly string[]): Ledger {
  let last = emptyLedger(days[0] ?? '2026-03-02');
  for (const [i, day] of days.entries()) last = store.update(last, credit(day, (i + 1) * MINUTE));
  return last;
}

describe('history file', () => {
  let dir: string;
  let problems: string[];
  let store: LedgerFile;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-history-'));
    problems = [];
    store = ledgerFile(dir, { owner: 'test', onProblem: (m) => problems.push(m) });
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('moves each day that ends from the ledger to history.json in the same locked write', () => {
    const l = workDays(store, ['2026-03-02', '2026-03-03', '2026-03-04']);
    assert.deepEqual(l.closedDays, []);
    assert.equal(l.todayActiveMs, 3 * MINUTE);
    assert.deepEqual(
      store.readHistory().days.map((d) => [d.day, d.activeMs]),
      [
        ['2026-03-02', MINUTE],
        ['2026-03-03', 2 * MINUTE],
      ],
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), ['history.json', 'ledger.json']);
    assert.deepEqual(problems, []);
  });

  it('keeps the ended days in the ledger while history cannot be written, and moves them later', () => {
    let failing = true;
    const flaky: LedgerFs = {
      ...nodeLedgerFs,
      writeFileSync: (file, data, options) => {
        if (failing && file.includes('history.json')) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
        nodeLedgerFs.writeFileSync(file, data, options);
      },
    };
    const s = ledgerFile(dir, { owner: 'test', fs: flaky, onProblem: (m) => problems.push(m) });
    const l = workDays(s, ['2026-03-02', '2026-03-03', '2026-03-04']);
    assert.deepEqual(
      l.closedDays.map((c) => c.record.day),
      ['2026-03-02', '2026-03-03'],
    );
    assert.equal(problems.filter((p) => /Could not write the history/.test(p)).length, 1, 'warned once');
    failing = false;
    const later = s.update(l, (x) => x);
    assert.deepEqual(later.closedDays, []);
    assert.deepEqual(
      s.readHistory().days.map((d) => d.day),
      ['2026-03-02', '2026-03-03'],
    );
  });

  it('moving the same days twice (stopped between the two writes) changes nothing', () => {
    let failLedger = true;
    const stopsAfterHistory: LedgerFs = {
      ...nodeLedgerFs,
      renameSync: (from, to) => {
        if (failLedger && to.endsWith('ledger.json') && fs.existsSync(path.join(dir, 'history.json'))) throw new Error('stopped');
        nodeLedgerFs.renameSync(from, to);
      },
    };
    const s = ledgerFile(dir, { owner: 'test', fs: stopsAfterHistory });
    let l = s.update(emptyLedger('2026-03-02'), credit('2026-03-02', 5 * MINUTE));
    assert.throws(() => s.update(l, credit('2026-03-03', MINUTE)), /stopped/);
    const once = fs.readFileSync(path.join(dir, 'history.json'), 'utf8');
    failLedger = false;
    l = s.update(l, credit('2026-03-03', MINUTE));
    assert.deepEqual(l.closedDays, []);
    assert.equal(fs.readFileSync(path.join(dir, 'history.json'), 'utf8'), once);
  });

  it('keeps a damaged history aside, warns once, keeps its valid days and writes them back', () => {
    workDays(store, ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    const file = path.join(dir, 'history.json');
    const whole = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, whole.slice(0, whole.lastIndexOf('["2026-03-04"') + 10));
    const fresh = ledgerFile(dir, { owner: 'test', onProblem: (m) => problems.push(m) });
    assert.deepEqual(
      fresh.readHistory().days.map((d) => d.day),
      ['2026-03-02', '2026-03-03'],
    );
    fresh.readHistory();
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /history could not be fully read .* kept as history\.corrupt-\d+\.json/);
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('history.corrupt-'));
    assert.equal(backups.length, 1);
    assert.equal(fs.readFileSync(path.join(dir, backups[0] ?? ''), 'utf8'), whole.slice(0, whole.lastIndexOf('["2026-03-04"') + 10));
    // The next write of the ledger writes the valid part back.
    fresh.update(emptyLedger('2026-03-05'), (x) => x);
    assert.deepEqual(parseHistory(fs.readFileSync(file, 'utf8')).problems, []);
  });

  it('never overwrites a history written by a newer version; the days wait in the ledger', () => {
    const newer = JSON.stringify({ version: 9, days: [], somethingNew: true });
    fs.writeFileSync(path.join(dir, 'history.json'), newer);
    const l = workDays(store, ['2026-03-02', '2026-03-03']);
    assert.equal(fs.readFileSync(path.join(dir, 'history.json'), 'utf8'), newer);
    assert.equal(l.closedDays.length, 1);
    assert.match(problems.join(' '), /newer version/);
    assert.throws(() => store.update(l, withoutHistory, { clearHistory: true }), /newer version/);
  });

  it('deletes the history and today’s counts in one write', () => {
    const l = workDays(store, ['2026-03-02', '2026-03-03']);
    assert.equal(store.readHistory().days.length, 1);
    const cleared = store.update(l, withoutHistory, { clearHistory: true });
    assert.equal(cleared.todayActiveMs, 0);
    assert.deepEqual(store.readHistory().days, []);
    assert.deepEqual(parseHistory(fs.readFileSync(path.join(dir, 'history.json'), 'utf8')).problems, []);
  });
});
