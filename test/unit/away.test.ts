import * as assert from 'node:assert/strict';

import {
  applyAway,
  type AwayAnswer,
  type AwayHow,
  type AwayRecord,
  claimAwayQuestion,
  judgeReturn,
  learnedSitting,
  LONG_ABSENCE_MS,
  MAX_AWAY_RECORDS,
  type ReturnVerdict,
} from '../../src/core/away';
import { parseHistory, serializeHistory } from '../../src/core/history';
import { commitOps, emptyLedger, type Ledger, readLedger, todayRecord } from '../../src/core/ledger';
import { evaluate, INITIAL_REMINDER_STATE, type ReminderSettings, skip } from '../../src/core/reminders/scheduler';
import { ActivityTracker, type TrackerSettings } from '../../src/core/tracker';
import { fixedOffsetCalendar, HOUR, MINUTE, SECOND, TestClock, zoneCalendar } from '../support/time';

const calendar = fixedOffsetCalendar(0);
const settings: TrackerSettings = { idleThresholdMs: 180 * SECOND, naturalBreakMs: 5 * MINUTE };
// 2026-03-02 09:00 UTC, a Monday.
const MORNING = Date.UTC(2026, 2, 2, 9, 0, 0);
const WEEK = 7 * 24 * HOUR;

/** One window and the shared ledger it writes, with the host's write at every step. */
class Desk {
  readonly clock: TestClock;
  readonly tracker: ActivityTracker;
  shared: Ledger;

  constructor(start = MORNING, shared?: Ledger, focused = true) {
    this.clock = new TestClock(start);
    this.shared = shared ?? emptyLedger(calendar.dayKey(start));
    this.tracker = new ActivityTracker(settings, calendar, this.shared, this.clock.now(), focused);
  }

  /** Types one key every 2 s for `ms`. */
  type(ms: number): void {
    for (let t = 0; t < ms; t += 2 * SECOND) this.tracker.recordActivity(this.clock.advance(2 * SECOND));
    this.write();
  }

  /** Away for `ms` (the minute timer ticking meanwhile), then one key. */
  away(ms: number): void {
    for (let left = ms; left > 0; left -= Math.min(MINUTE, left)) {
      this.clock.advance(Math.min(MINUTE, left));
      this.tracker.tick(this.clock.now());
    }
    this.write();
    this.tracker.recordActivity(this.clock.now());
    this.write();
  }

  write(): Ledger {
    this.shared = commitOps(this.shared, this.tracker.takePending(), this.clock.wallMs, calendar.dayKey(this.clock.wallMs));
    this.tracker.rebase(this.shared);
    return this.shared;
  }

  answer(answer: 'sat' | 'moved', how: 'asked' | 'learned' | 'setting' | 'quiet' = 'asked'): void {
    const a = this.tracker.view.absence;
    assert.ok(a, 'an absence to answer');
    this.record(a.fromWallMs, answer, how);
    this.write();
  }

  /** What the host records for an answer: the change, applied when written. */
  record(fromWallMs: number, answer: AwayAnswer, how: AwayHow = 'asked'): void {
    const atWallMs = this.clock.wallMs;
    this.tracker.recordChange((l) => applyAway(l, { fromWallMs, answer, how, atWallMs }), this.clock.now());
  }

  get snapshot(): ReturnType<ActivityTracker['snapshot']> {
    return this.tracker.snapshot(this.clock.now());
  }
}

describe('time away: a break or sitting', () => {
  it('counts an absence as a break at once, and remembers it with its start and end for one question', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    const absence = desk.tracker.takeReturn();
    assert.ok(absence);
    assert.equal(absence.toWallMs! - absence.fromWallMs, 15 * MINUTE);
    assert.equal(desk.tracker.takeReturn(), undefined, 'a return is reported once');
    assert.equal(desk.snapshot.activeMsSinceBreak, 0);
    assert.equal(desk.snapshot.deskMsSinceBreak, 0);
    assert.equal(todayRecord(desk.shared).natural, 1);
  });

  it('"I sat" puts the break back into desk time: what was coded, the time away, and what was coded since', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    const before = desk.shared.lastBreak;
    desk.away(15 * MINUTE);
    desk.type(2 * MINUTE);
    desk.answer('sat');
    assert.equal(desk.snapshot.activeMsSinceBreak, 22 * MINUTE, 'coding since the last break stays coding');
    assert.equal(desk.snapshot.deskMsSinceBreak, 37 * MINUTE, 'desk time adds the time away');
    assert.deepEqual(desk.shared.lastBreak, before);
    const today = todayRecord(desk.shared);
    assert.deepEqual([today.natural, today.moved, today.sitting, today.sittingMs], [0, 0, 1, 15 * MINUTE]);
    assert.equal(today.activeMs, 22 * MINUTE, 'coding today is not changed by an answer');
  });

  it('"I sat" makes a break due once desk time reaches the interval, with no new break counted', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    const reminders: ReminderSettings = {
      breakIntervalMs: 30 * MINUTE,
      typingPauseMs: 15 * SECOND,
      snoozeMs: 5 * MINUTE,
      maxConsecutiveSnoozes: 3,
      workingHours: null,
      quietTimes: [],
      fullRoutineDays: [],
      defaultRoutine: 'posture-reset',
    };
    const view = (): ReturnType<typeof evaluate> =>
      evaluate(
        INITIAL_REMINDER_STATE,
        {
          nowWallMs: desk.clock.wallMs,
          activeMsSinceBreak: desk.snapshot.deskMsSinceBreak,
          todayActiveMs: desk.snapshot.todayActiveMs,
          quietMs: 20 * SECOND,
          stoppingPointAgoMs: null,
          dueForMs: 0,
          debugging: false,
        },
        reminders,
        calendar,
      );
    assert.equal(view().phase, 'counting');
    desk.answer('sat');
    assert.equal(view().phase, 'due');
    assert.equal(view().promptNow, true, 'offered at the next pause');
  });

  it('"I moved" keeps the break, counted as moved rather than natural', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    desk.answer('moved');
    assert.equal(desk.snapshot.deskMsSinceBreak, 0);
    const today = todayRecord(desk.shared);
    assert.deepEqual([today.natural, today.moved, today.sitting, today.sittingMs], [0, 1, 0, 0]);
  });

  it('"I moved" after "I sat" (the undo) makes it a break again, exactly', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    desk.answer('sat');
    desk.type(3 * MINUTE);
    desk.answer('moved');
    assert.equal(desk.snapshot.activeMsSinceBreak, 3 * MINUTE);
    assert.equal(desk.snapshot.deskMsSinceBreak, 3 * MINUTE);
    assert.equal(desk.shared.lastBreak?.atWallMs, desk.shared.absence?.fromWallMs);
    const today = todayRecord(desk.shared);
    assert.deepEqual([today.natural, today.moved, today.sitting, today.sittingMs], [0, 1, 0, 0]);
    assert.equal(today.activeMs, 23 * MINUTE);
  });

  it('an answer after the next break, or on another day, changes nothing', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    const from = desk.shared.absence!.fromWallMs;
    desk.tracker.recordManualBreak(desk.clock.now());
    desk.write();
    const afterBreak = desk.shared;
    desk.record(from, 'sat');
    assert.deepEqual({ ...desk.write(), seq: 0 }, { ...afterBreak, seq: 0 });

    const late = new Desk(Date.UTC(2026, 2, 2, 22, 0));
    late.type(20 * MINUTE);
    late.away(20 * MINUTE);
    late.clock.advance(2 * HOUR); // past midnight
    late.tracker.recordActivity(late.clock.now());
    late.write();
    const nextDay = late.shared;
    late.record(nextDay.absence!.fromWallMs, 'sat');
    assert.deepEqual(late.write().absence?.answer ?? null, nextDay.absence?.answer ?? null);
    assert.equal(late.shared.sittingMsSinceBreak, nextDay.sittingMsSinceBreak);
  });

  it('an answer for an earlier absence than the last does nothing', () => {
    const desk = new Desk();
    desk.type(10 * MINUTE);
    desk.away(10 * MINUTE);
    const first = desk.shared.absence!.fromWallMs;
    desk.type(10 * MINUTE);
    desk.away(10 * MINUTE);
    desk.record(first, 'sat');
    desk.write();
    assert.equal(desk.shared.absence?.answer, null);
    assert.equal(todayRecord(desk.shared).natural, 2);
  });

  it('asks once across windows: the first window to claim the question asks it, no other', () => {
    const desk = new Desk();
    desk.type(10 * MINUTE);
    desk.away(10 * MINUTE);
    const from = desk.shared.absence!.fromWallMs;
    const a = claimAwayQuestion(desk.shared, from, 'window-a');
    assert.equal(a.granted, true);
    assert.equal(claimAwayQuestion(a.ledger, from, 'window-b').granted, false);
    assert.equal(claimAwayQuestion(a.ledger, from, 'window-a').granted, true, 'the same window again');
    assert.equal(claimAwayQuestion(desk.shared, from + 1, 'window-a').granted, false, 'another absence');
    // A second window sharing the ledger does not report the return: the question was claimed.
    const other = new ActivityTracker(settings, calendar, a.ledger, desk.clock.now(), true);
    other.recordActivity(desk.clock.advance(SECOND));
    assert.equal(other.takeReturn(), undefined);
  });

  it('the window the person comes back to asks, though another window noticed the absence', () => {
    const a = new Desk();
    a.type(10 * MINUTE);
    // Window A, focused while the person is away, records the break on its minute timer.
    for (let i = 0; i < 15; i++) {
      a.clock.advance(MINUTE);
      a.tracker.tick(a.clock.now());
    }
    a.write();
    assert.equal(a.shared.absence?.toWallMs, null, 'still away');
    a.tracker.setFocused(false, a.clock.now());
    a.write();
    // The person comes back to window B.
    const b = new ActivityTracker(settings, calendar, a.shared, a.clock.now(), false);
    b.setFocused(true, a.clock.advance(SECOND));
    b.recordActivity(a.clock.advance(SECOND));
    const absence = b.takeReturn();
    assert.ok(absence, 'window B reports the return');
    assert.equal(absence.fromWallMs, a.shared.absence?.fromWallMs);
    assert.equal(a.tracker.takeReturn(), undefined, 'window A, unfocused, does not');
  });

  it('an unfocused window never reports a return', () => {
    const desk = new Desk(MORNING, undefined, false);
    desk.clock.advance(30 * MINUTE);
    desk.tracker.recordActivity(desk.clock.now());
    assert.equal(desk.tracker.takeReturn(), undefined);
  });

  it('skipping a break counts the next interval in desk time', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    desk.answer('sat');
    const state = skip(INITIAL_REMINDER_STATE, desk.snapshot.deskMsSinceBreak, { breakIntervalMs: 30 * MINUTE });
    assert.equal(state.dueAtActiveMs, 35 * MINUTE + 30 * MINUTE);
  });

  it('keeps desk time through a day that ends: sitting today, coding tomorrow, both in their day', () => {
    const desk = new Desk(Date.UTC(2026, 2, 2, 23, 0));
    desk.type(10 * MINUTE);
    desk.away(20 * MINUTE);
    desk.answer('sat');
    desk.clock.advance(25 * MINUTE); // 23:55, idle but not a break
    desk.tracker.recordActivity(desk.clock.now());
    desk.type(10 * MINUTE); // into 2026-03-03
    assert.equal(desk.shared.dayKey, '2026-03-03');
    const closed = desk.shared.closedDays.find((d) => d.record.day === '2026-03-02');
    assert.equal(closed?.record.sittingMs, 20 * MINUTE);
    assert.equal(closed?.record.sitting, 1);
    assert.equal(todayRecord(desk.shared).sittingMs, 0);
  });
});

describe('learning a recurring meeting', () => {
  const mondayAt = (week: number, hour: number, minute = 0): number => Date.UTC(2026, 2, 2 + 7 * week, hour, minute);
  const record = (atWallMs: number, sat = true): AwayRecord => ({ atWallMs, sat });

  it('takes an absence as sitting after two "I sat" at the same time on the same weekday', () => {
    const records = [record(mondayAt(0, 10)), record(mondayAt(1, 10, 5))];
    assert.equal(learnedSitting(records, mondayAt(2, 9, 52), calendar), true);
    assert.equal(learnedSitting(records.slice(1), mondayAt(2, 10), calendar), false, 'one answer is not a habit');
  });

  it('does not take it for another weekday, another time, or answers too old', () => {
    const records = [record(mondayAt(0, 10)), record(mondayAt(1, 10))];
    assert.equal(learnedSitting(records, mondayAt(2, 10) + 24 * HOUR, calendar), false, 'a Tuesday');
    assert.equal(learnedSitting(records, mondayAt(2, 10, 16), calendar), false, '16 minutes later');
    assert.equal(learnedSitting(records, mondayAt(7, 10), calendar), false, 'five weeks and more after');
  });

  it('stops when the latest answer there was "I moved" (an undo teaches too)', () => {
    const records = [record(mondayAt(0, 10)), record(mondayAt(1, 10)), record(mondayAt(2, 10), false)];
    assert.equal(learnedSitting(records, mondayAt(3, 10), calendar), false);
  });

  it('follows the wall clock across a change of the clocks (New York)', () => {
    const ny = zoneCalendar('America/New_York');
    // 10:00 in New York on the Mondays before and after 2026-03-08, when the clocks went forward.
    const before1 = Date.UTC(2026, 2, 2, 15, 0);
    const before2 = Date.UTC(2026, 1, 23, 15, 0);
    const after = Date.UTC(2026, 2, 9, 14, 0);
    assert.equal(learnedSitting([record(before2), record(before1)], after, ny), true);
  });

  it('keeps a bounded list, one record per absence, through the ledger', () => {
    const desk = new Desk();
    for (let i = 0; i < MAX_AWAY_RECORDS + 10; i++) {
      desk.type(5 * MINUTE);
      desk.away(10 * MINUTE);
      desk.answer(i % 2 ? 'sat' : 'moved');
      desk.answer(i % 2 ? 'moved' : 'sat'); // a change of mind replaces the record
    }
    assert.equal(desk.shared.awayRecords.length, MAX_AWAY_RECORDS);
    assert.equal(new Set(desk.shared.awayRecords.map((r) => r.atWallMs)).size, MAX_AWAY_RECORDS);
    assert.equal(desk.shared.awayRecords.at(-1)?.sat, false);
  });

  it('keeps no record for answers a setting gave', () => {
    const desk = new Desk();
    desk.type(5 * MINUTE);
    desk.away(10 * MINUTE);
    desk.answer('sat', 'setting');
    assert.deepEqual(desk.shared.awayRecords, []);
    assert.equal(desk.snapshot.deskMsSinceBreak, 15 * MINUTE);
  });
});

describe('what a return brings', () => {
  const at = (h: number, m = 0): number => Date.UTC(2026, 2, 2, h, m);
  const judge = (
    fromWallMs: number,
    toWallMs: number,
    awayTime: 'ask' | 'break' | 'sitting' = 'ask',
    slots: { fromWallMs: number; toWallMs: number }[] = [],
    records: AwayRecord[] = [],
  ): ReturnVerdict => judgeReturn({ fromWallMs, toWallMs }, awayTime, slots, records, calendar);

  it('asks after an absence shorter than the limit', () => {
    assert.deepEqual(judge(at(10), at(10, 30)), { kind: 'ask' });
    assert.deepEqual(judge(at(10), at(10) + LONG_ABSENCE_MS - 1), { kind: 'ask' });
  });

  it('a long absence, or one across midnight, is a break whatever the setting', () => {
    assert.deepEqual(judge(at(12), at(12) + LONG_ABSENCE_MS), { kind: 'break' });
    assert.deepEqual(judge(at(12), at(12) + LONG_ABSENCE_MS, 'sitting'), { kind: 'break' });
    assert.deepEqual(judge(at(23, 40), at(23, 40) + 30 * MINUTE, 'sitting'), { kind: 'break' });
  });

  it('follows upright.awayTime', () => {
    assert.deepEqual(judge(at(10), at(10, 30), 'break'), { kind: 'break' });
    assert.deepEqual(judge(at(10), at(10, 30), 'sitting'), { kind: 'sitting', how: 'setting' });
  });

  it('takes time mostly inside a quiet time marked sitting as sitting, even with awayTime break', () => {
    const standUp = [{ fromWallMs: at(10), toWallMs: at(10, 15) }];
    assert.deepEqual(judge(at(9, 58), at(10, 20), 'break', standUp), { kind: 'sitting', how: 'quiet' });
    assert.deepEqual(judge(at(9, 40), at(10, 5), 'ask', [{ fromWallMs: at(10), toWallMs: at(10, 5) }]), { kind: 'ask' });
  });

  it('takes a learned slot as sitting, and asks elsewhere', () => {
    const records = [
      { atWallMs: at(10) - 2 * WEEK, sat: true },
      { atWallMs: at(10) - WEEK, sat: true },
    ];
    assert.deepEqual(judge(at(10, 2), at(10, 40), 'ask', [], records), { kind: 'sitting', how: 'learned' });
    assert.deepEqual(judge(at(14), at(14, 40), 'ask', [], records), { kind: 'ask' });
  });
});

describe('stored desk time', () => {
  it('reads a ledger written before desk time, with nothing reported', () => {
    const old = JSON.parse(JSON.stringify(emptyLedger('2026-03-02'))) as Record<string, unknown>;
    for (const key of ['sittingMsSinceBreak', 'absence', 'awayRecords', 'todaySitting', 'todaySittingMs']) delete old[key];
    old.todayBreaks = { natural: 2, manual: 0, started: 1, skipped: 0, snoozed: 0 };
    const { ledger, problems } = readLedger(old, emptyLedger('2026-03-01'));
    assert.deepEqual(problems, []);
    assert.equal(ledger.todayBreaks.moved, 0);
    assert.equal(ledger.todayBreaks.natural, 2);
    assert.equal(ledger.sittingMsSinceBreak, 0);
    assert.equal(ledger.absence, null);
    assert.deepEqual(ledger.awayRecords, []);
  });

  it('keeps an absence and the answers through a write and a read', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    desk.answer('sat');
    const { ledger, problems } = readLedger(JSON.parse(JSON.stringify(desk.shared)), emptyLedger('2026-03-01'));
    assert.deepEqual(problems, []);
    assert.deepEqual(ledger, desk.shared);
  });

  it('rebuilds a damaged absence or answer list, keeping the rest', () => {
    const desk = new Desk();
    desk.type(20 * MINUTE);
    desk.away(15 * MINUTE);
    const raw = JSON.parse(JSON.stringify(desk.shared)) as Record<string, unknown>;
    raw.absence = { fromWallMs: 'soon' };
    raw.awayRecords = [{ atWallMs: -1, sat: 'yes' }];
    const { ledger, problems } = readLedger(raw, emptyLedger('2026-03-02'));
    assert.deepEqual(problems, ['absence', 'awayRecords']);
    assert.equal(ledger.absence, null);
    assert.equal(ledger.todayActiveMs, desk.shared.todayActiveMs);
  });

  it('history keeps moved, sitting and their time, and reads a first-version file with them 0', () => {
    const day = { ...todayRecord(emptyLedger('2026-03-02')), activeMs: HOUR, natural: 1, moved: 2, sitting: 3, sittingMs: 45 * MINUTE };
    const history = { version: 1 as const, days: [day], exercises: {}, exercisesThrough: null, parts: [] };
    const text = serializeHistory(history);
    assert.deepEqual(parseHistory(text).history.days, [day]);
    const older = `{"version":1,"columns":["day","activeMs","reminders","started","manual","natural","skipped","snoozed","routines","exercises","exerciseMs"],"days":[["2026-03-02",3600000,1,0,0,1,0,0,0,0,0]],"exercises":{},"exercisesThrough":null}`;
    const read = parseHistory(older);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.history.days[0], { ...todayRecord(emptyLedger('2026-03-02')), activeMs: HOUR, reminders: 1, natural: 1 });
    // Cut short: the days are picked out whichever version wrote them.
    const cut = `${text.slice(0, -4)}\n${older.slice(older.indexOf('[["') + 1, -3)}`;
    assert.equal(parseHistory(cut).history.days.length, 1);
    assert.equal(parseHistory(text.slice(0, -3)).history.days[0]?.sittingMs, 45 * MINUTE);
  });
});
