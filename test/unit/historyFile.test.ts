import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { allDays, HISTORY_COLUMNS, parseHistory } from '../../src/core/history';
import { applyOps, commitOps, emptyLedger, type Ledger, withoutHistory } from '../../src/core/ledger';
import { type Calendar } from '../../src/core/time';
import { ActivityTracker } from '../../src/core/tracker';
import { type LedgerFile, type LedgerFs, nodeLedgerFs } from '../../src/host/storage/ledgerFile';
import { ledgerFile } from '../support/storage';
import { fixedOffsetCalendar, HOUR, SECOND, TestClock } from '../support/time';

const MINUTE = 60_000;
const SETTINGS = { idleThresholdMs: 180 * SECOND, naturalBreakMs: 5 * MINUTE };
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

  it('moves a day once when the writer is stopped after history, before the ledger drops it', () => {
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
    l = s.update(l, credit('2026-03-03', MINUTE));
    assert.deepEqual(
      l.closedDays.map((c) => [c.record.day, c.record.activeMs]),
      [['2026-03-02', 5 * MINUTE]],
      'the ledger was written with the day it closed, and keeps it until it is written again',
    );
    const once = fs.readFileSync(path.join(dir, 'history.json'), 'utf8');
    failLedger = false;
    l = s.update(l, credit('2026-03-03', MINUTE));
    assert.deepEqual(l.closedDays, []);
    assert.equal(fs.readFileSync(path.join(dir, 'history.json'), 'utf8'), once);
    assert.deepEqual(
      allDays(s.readHistory(), l).map((d) => [d.day, d.activeMs]),
      [
        ['2026-03-02', 5 * MINUTE],
        ['2026-03-03', 2 * MINUTE],
      ],
    );
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

  it('keeps the columns and fields a newer version of the same file version wrote, when it adds a day', () => {
    const columns = [...HISTORY_COLUMNS, 'focusMs'];
    const row = ['2026-03-01', 5 * MINUTE, ...HISTORY_COLUMNS.slice(2).map(() => 0), 4 * MINUTE];
    const file = path.join(dir, 'history.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ version: 1, columns, exercisesThrough: null, parts: [], exercises: {}, plan: 'x', days: [row] }),
    );
    workDays(store, ['2026-03-02', '2026-03-03']);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { columns: string[]; plan: string; days: unknown[][] };
    assert.deepEqual(written.columns, columns);
    assert.equal(written.plan, 'x');
    assert.deepEqual(written.days[0], row);
    assert.deepEqual(written.days[1]?.slice(0, 2), ['2026-03-02', MINUTE]);
    assert.equal(written.days[1]?.at(-1), 0);
    assert.deepEqual(problems, []);
  });

  it('never overwrites a history written by a newer version; the days wait in the ledger', () => {
    const newer = JSON.stringify({ version: 9, days: [], somethingNew: true });
    fs.writeFileSync(path.join(dir, 'history.json'), newer);
    const l = workDays(store, ['2026-03-02', '2026-03-03']);
    assert.equal(fs.readFileSync(path.join(dir, 'history.json'), 'utf8'), newer);
    assert.equal(l.closedDays.length, 1);
    assert.match(problems.join(' '), /newer version/);
    assert.throws(() => store.update(l, withoutHistory, { clearHistory: true }), /newer version/);
    // The newer version's file is removed: the days that waited move.
    fs.rmSync(path.join(dir, 'history.json'));
    assert.deepEqual(store.update(l, (x) => x).closedDays, []);
    assert.deepEqual(
      store.readHistory().days.map((d) => d.day),
      ['2026-03-02'],
    );
  });

  it('deletes the history and today’s counts in one write', () => {
    const l = workDays(store, ['2026-03-02', '2026-03-03']);
    assert.equal(store.readHistory().days.length, 1);
    const cleared = store.update(l, withoutHistory, { clearHistory: true });
    assert.equal(cleared.todayActiveMs, 0);
    assert.deepEqual(store.readHistory().days, []);
    assert.deepEqual(parseHistory(fs.readFileSync(path.join(dir, 'history.json'), 'utf8')).problems, []);
  });

  describe('a clock whose day is not the ledger’s day', () => {
    /** One window as the host runs it: activity into its tracker, and writes of what is pending with the move to its day. */
    class Window {
      readonly tracker: ActivityTracker;
      #shared: Ledger;
      constructor(
        readonly calendar: Calendar,
        readonly clock: TestClock,
      ) {
        this.#shared = store.read(emptyLedger(calendar.dayKey(clock.wallMs)));
        this.tracker = new ActivityTracker(SETTINGS, calendar, this.#shared, clock.now(), true);
      }
      write(): Ledger {
        const ops = this.tracker.takePending();
        const todayKey = this.calendar.dayKey(this.clock.wallMs);
        this.#shared = store.update(this.#shared, (current) => commitOps(current, ops, this.clock.wallMs, todayKey));
        this.tracker.rebase(this.#shared);
        return this.#shared;
      }
      /** Types for `ms`, a key every two seconds, written at every minute. */
      type(ms: number): void {
        for (let t = 0; t < ms; t += 2 * SECOND) {
          this.tracker.recordActivity(this.clock.advance(2 * SECOND));
          if ((t + 2 * SECOND) % MINUTE === 0) this.write();
        }
        this.write();
      }
      get todayShownMs(): number {
        return this.tracker.snapshot(this.clock.now()).todayActiveMs;
      }
      days(): [string, number][] {
        return allDays(store.readHistory(), store.read(emptyLedger('1970-01-01'))).map((d) => [d.day, d.activeMs]);
      }
    }

    it('set forward across midnight and back: the day comes back with what it held, and no minute is lost or counted twice', () => {
      const utc = fixedOffsetCalendar(0);
      const clock = new TestClock(Date.UTC(2026, 2, 2, 10, 0));
      const w = new Window(utc, clock);
      w.type(30 * MINUTE);
      clock.wallMs += 15 * HOUR; // 01:30 the next day: a wrong clock
      w.type(60 * MINUTE);
      // The two seconds the clock jumped over are not coding.
      const wrongDayMs = 60 * MINUTE - 2 * SECOND;
      assert.equal(w.todayShownMs, wrongDayMs);
      clock.wallMs -= 15 * HOUR; // set right: 11:30 on the first day
      w.type(120 * MINUTE);
      assert.equal(w.todayShownMs, 150 * MINUTE, 'today is the clock’s day: what history held of it and what was coded since');
      assert.deepEqual(w.days(), [
        ['2026-03-02', 150 * MINUTE],
        ['2026-03-03', wrongDayMs],
      ]);
      // The real next day comes, and history already has some of it.
      clock.advance(12 * HOUR);
      w.type(30 * MINUTE);
      assert.equal(w.todayShownMs, wrongDayMs + 30 * MINUTE - 2 * SECOND);
      assert.deepEqual(w.days(), [
        ['2026-03-02', 150 * MINUTE],
        ['2026-03-03', wrongDayMs + 30 * MINUTE - 2 * SECOND],
      ]);
      assert.deepEqual(store.read(emptyLedger('1970-01-01')).closedDays, [], 'every part has moved to history');
    });

    it('VS Code reopened after flying west (Tokyo to Los Angeles): the earlier local day is today again', () => {
      const tokyo = fixedOffsetCalendar(9 * 60);
      const clock = new TestClock(Date.UTC(2026, 2, 3, 14, 0)); // 23:00 on 3 March in Tokyo
      const before = new Window(tokyo, clock);
      before.type(120 * MINUTE); // until 01:00 on 4 March
      // Landed in Los Angeles ten hours later: 3 March, 17:00 there.
      clock.sleep(10 * HOUR);
      const losAngeles = fixedOffsetCalendar(-8 * 60);
      const after = new Window(losAngeles, clock);
      after.type(120 * MINUTE);
      assert.equal(after.todayShownMs, 180 * MINUTE, '3 March: the hour coded on it in Tokyo, and the two in Los Angeles');
      assert.deepEqual(after.days(), [
        ['2026-03-03', 180 * MINUTE],
        ['2026-03-04', 60 * MINUTE],
      ]);
    });
  });
});
