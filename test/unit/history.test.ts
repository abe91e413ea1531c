import * as assert from 'node:assert/strict';

import { type ClosedDay, type DayRecord, emptyDay, isEmptyDay } from '../../src/core/days';
import {
  addDays,
  allDays,
  CODING_DAY_MS,
  emptyHistory,
  exerciseTotals,
  type History,
  HISTORY_COLUMNS,
  lastDays,
  mergeClosedDays,
  parseHistory,
  serializeHistory,
  streakOf,
} from '../../src/core/history';
import { CSV_HEADER, historyCsv, historyExport } from '../../src/core/historyExport';
import {
  applyOps,
  breakEpisode,
  claimPrompt,
  commitOps,
  emptyLedger,
  type Ledger,
  readLedger,
  todayRecord,
  withoutHistory,
} from '../../src/core/ledger';
import { statsOf } from '../../src/core/stats';
import { ActivityTracker } from '../../src/core/tracker';
import { seededRandom } from '../support/garbage';
import { fixedOffsetCalendar, HOUR, MINUTE, SECOND, TestClock } from '../support/time';

// UTC+1, so local midnight is not UTC midnight.
const calendar = fixedOffsetCalendar(60);
const settings = { idleThresholdMs: 3 * MINUTE, naturalBreakMs: 5 * MINUTE };

type MutableDay = { -readonly [K in keyof DayRecord]: DayRecord[K] };

/** What was done, day by day, written down independently of the code under test. */
class GroundTruth {
  readonly days = new Map<string, MutableDay>();
  readonly exercises = new Map<string, { count: number; ms: number }>();
  day(key: string): MutableDay {
    let d = this.days.get(key);
    if (!d) {
      d = { ...emptyDay(key) };
      this.days.set(key, d);
    }
    return d;
  }
  /** Coding from `fromWallMs` to `toWallMs`, split at local midnight. */
  coded(fromWallMs: number, toWallMs: number): void {
    let from = fromWallMs;
    while (from < toWallMs) {
      const end = Math.min(toWallMs, calendar.startOfNextDay(from));
      this.day(calendar.dayKey(from)).activeMs += end - from;
      from = end;
    }
  }
  recorded(): DayRecord[] {
    return [...this.days.values()].filter((d) => !isEmptyDay(d)).sort((a, b) => (a.day < b.day ? -1 : 1));
  }
}

const EXERCISES = ['chin-tuck', 'scapular-squeeze', 'band-pull-apart', 'doorway-chest-stretch', 'wall-angel'];

describe('history', () => {
  describe('aggregation over simulated weeks', () => {
    for (const seed of [1, 2, 3]) {
      it(`matches what was done, day by day, over three weeks (seed ${seed})`, () => {
        const rnd = seededRandom(seed);
        const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
        // Monday 2026-03-02, 08:00 local.
        const clock = new TestClock(Date.UTC(2026, 2, 2, 7, 0, 0));
        let shared: Ledger = emptyLedger(calendar.dayKey(clock.wallMs));
        let history: History = emptyHistory();
        const tracker = new ActivityTracker(settings, calendar, shared, clock.now(), true);
        const truth = new GroundTruth();
        let crashes = 0;

        /** A window's write: pending operations and a change, then the days that ended moved to history. */
        const write = (change: (l: Ledger) => Ledger = (l) => l): void => {
          shared = change(commitOps(shared, tracker.takePending(), clock.wallMs));
          if (shared.closedDays.length > 0) {
            history = mergeClosedDays(history, shared.closedDays);
            // Sometimes the writer stops after writing history, before the ledger: the days are moved again later.
            if (rnd() < 0.3) crashes++;
            else shared = { ...shared, closedDays: [] };
          }
          tracker.rebase(shared);
        };

        let lastActivity = clock.wallMs;
        let episode = 0;
        tracker.recordActivity(clock.now());
        for (let day = 0; day < 21; day++) {
          const weekend = day % 7 >= 5;
          const blocks = weekend ? (rnd() < 0.5 ? 0 : 1) : 2 + Math.floor(rnd() * 4);
          for (let b = 0; b < blocks; b++) {
            // Typing, one key every 5-20 s, for 5-80 minutes.
            const blockEnd = clock.wallMs + (5 + Math.floor(rnd() * 75)) * MINUTE;
            let routineDone = false;
            while (clock.wallMs < blockEnd) {
              const gap = (5 + Math.floor(rnd() * 16)) * SECOND;
              clock.advance(gap);
              tracker.recordActivity(clock.now());
              truth.coded(lastActivity, clock.wallMs);
              lastActivity = clock.wallMs;
              const r = rnd();
              if (r < 0.01) write();
              else if (r < 0.012) {
                // A reminder goes out; claimed again (a reload) it is still one reminder.
                const ep = `ep${episode++}`;
                const dayKey = calendar.dayKey(clock.wallMs);
                const claim = { id: ep, owner: 'w', claimedAtWallMs: clock.wallMs, expiresAtWallMs: clock.wallMs + MINUTE };
                write((l) => claimPrompt(l, claim, clock.wallMs, { episode: ep, dayKey }).ledger);
                write((l) => claimPrompt(l, claim, clock.wallMs, { episode: ep, dayKey }).ledger);
                truth.day(dayKey).reminders++;
                const answer = pick(['skipped', 'snoozed', 'none'] as const);
                if (answer !== 'none') {
                  // The answer as a window records it: an operation for this due break, written with the time.
                  const view = tracker.view;
                  const episode = breakEpisode(view);
                  tracker.recordAnswer(
                    answer === 'skipped'
                      ? { episode, set: { dueAtActiveMs: view.activeMsSinceBreak + 30 * MINUTE }, counts: 'skipped' }
                      : { episode, set: { snoozedUntilWallMs: clock.wallMs + 5 * MINUTE }, counts: 'snoozed' },
                    clock.now(),
                  );
                  write();
                  truth.day(dayKey)[answer]++;
                }
              } else if (r < 0.014 && !routineDone) {
                routineDone = true;
                const done = EXERCISES.filter(() => rnd() < 0.6).map((id) => ({ id, ms: (10 + Math.floor(rnd() * 50)) * SECOND }));
                if (done.length === 0) continue;
                const kind = pick(['manual', 'started'] as const);
                tracker.recordRoutineDone('posture-reset', clock.now(), done);
                tracker.recordManualBreak(clock.now(), kind);
                const t = truth.day(calendar.dayKey(clock.wallMs));
                t.routines++;
                t.exercises += done.length;
                t.exerciseMs += done.reduce((s, e) => s + e.ms, 0);
                t[kind]++;
                for (const e of done) {
                  const before = truth.exercises.get(e.id) ?? { count: 0, ms: 0 };
                  truth.exercises.set(e.id, { count: before.count + 1, ms: before.ms + e.ms });
                }
              }
            }
            // Between blocks: a short pause (coding), a middling one (neither), or a break.
            const kind = rnd();
            const pauseMs = kind < 0.2 ? 2 * MINUTE : kind < 0.4 ? 4 * MINUTE : (6 + Math.floor(rnd() * 90)) * MINUTE;
            clock.advance(pauseMs);
            tracker.recordActivity(clock.now());
            if (pauseMs < settings.idleThresholdMs) truth.coded(lastActivity, clock.wallMs);
            else if (pauseMs >= settings.naturalBreakMs) truth.day(calendar.dayKey(lastActivity)).natural++;
            lastActivity = clock.wallMs;
            write();
          }
          // The night: some days end late, after local midnight; the next one starts at 08:00-10:00.
          const nextMorning = calendar.startOfNextDay(clock.wallMs) + (8 + Math.floor(rnd() * 2)) * HOUR;
          const lateNight = rnd() < 0.25 && !weekend;
          if (lateNight) {
            const untilMidnight = calendar.startOfNextDay(clock.wallMs) - clock.wallMs;
            clock.advance(Math.max(0, untilMidnight - 10 * MINUTE));
            tracker.recordActivity(clock.now());
            truth.day(calendar.dayKey(lastActivity)).natural++;
            lastActivity = clock.wallMs;
            // Twenty minutes of typing across midnight.
            for (let i = 0; i < 120; i++) {
              clock.advance(10 * SECOND);
              tracker.recordActivity(clock.now());
              truth.coded(lastActivity, clock.wallMs);
              lastActivity = clock.wallMs;
            }
          }
          clock.sleep(Math.max(HOUR, nextMorning - clock.wallMs));
          tracker.recordActivity(clock.now());
          truth.day(calendar.dayKey(lastActivity)).natural++;
          lastActivity = clock.wallMs;
          write();
        }
        write();

        assert.ok(history.days.length >= 14, `most days were moved to history (${history.days.length})`);
        assert.ok(crashes > 0, 'some moves were repeated');
        assert.deepEqual(allDays(history, shared), truth.recorded());
        const totals = exerciseTotals(history, shared);
        assert.deepEqual(
          Object.fromEntries(Object.entries(totals).map(([id, t]) => [id, { count: t.count, ms: t.ms }])),
          Object.fromEntries([...truth.exercises].sort(([a], [b]) => (a < b ? -1 : 1))),
        );
        // And the stored form reads back as it was.
        assert.deepEqual(parseHistory(serializeHistory(history)), { history, problems: [], newer: false });
      });
    }
  });

  describe('the day boundary', () => {
    it('splits typing across local midnight between the two days, and moves the day that ended', () => {
      const beforeMidnight = Date.UTC(2026, 2, 2, 22, 58, 0); // 23:58 local
      const clock = new TestClock(beforeMidnight);
      const tracker = new ActivityTracker(settings, calendar, emptyLedger('2026-03-02'), clock.now(), true);
      for (let i = 0; i < 24; i++) tracker.recordActivity(clock.advance(10 * SECOND)); // until 00:02
      const shared = commitOps(emptyLedger('2026-03-02'), tracker.takePending(), clock.wallMs);
      assert.equal(shared.dayKey, '2026-03-03');
      assert.equal(shared.todayActiveMs, 2 * MINUTE);
      assert.deepEqual(
        shared.closedDays.map((c) => [c.record.day, c.record.activeMs]),
        [['2026-03-02', 2 * MINUTE]],
      );
      const history = mergeClosedDays(emptyHistory(), shared.closedDays);
      assert.deepEqual(
        allDays(history, { ...shared, closedDays: [] }).map((d) => [d.day, d.activeMs]),
        [
          ['2026-03-02', 2 * MINUTE],
          ['2026-03-03', 2 * MINUTE],
        ],
      );
    });

    it('gives late news of yesterday (another window wrote first) to yesterday, not today', () => {
      // Window A rolled the ledger to the new day; window B still has yesterday's last minute pending.
      const rolled = applyOps(emptyLedger('2026-03-02'), [
        { type: 'credit', ms: 10 * MINUTE, dayKey: '2026-03-02', endWallMs: 1 },
        { type: 'credit', ms: MINUTE, dayKey: '2026-03-03', endWallMs: 2 },
      ]);
      const late = applyOps(rolled, [
        { type: 'credit', ms: MINUTE, dayKey: '2026-03-02', endWallMs: 1 },
        { type: 'break', kind: 'manual', atWallMs: 1, dayKey: '2026-03-02' },
        { type: 'routineDone', routineId: 'warm-up', atWallMs: 1, dayKey: '2026-03-02', exercises: [{ id: 'neck-roll', ms: 30 * SECOND }] },
      ]);
      assert.equal(late.todayActiveMs, MINUTE);
      assert.deepEqual(late.todayBreaks.manual, 0);
      const yesterday = late.closedDays[0];
      assert.deepEqual(
        [
          yesterday?.record.activeMs,
          yesterday?.record.manual,
          yesterday?.record.routines,
          yesterday?.record.exercises,
          yesterday?.exercises['neck-roll'],
        ],
        [11 * MINUTE, 1, 1, 1, { count: 1, ms: 30 * SECOND }],
      );
      // Moving the same day twice changes nothing.
      const once = mergeClosedDays(emptyHistory(), late.closedDays);
      assert.deepEqual(mergeClosedDays(once, late.closedDays), once);
    });

    it('keeps an empty day out of history', () => {
      const l = applyOps(emptyLedger('2026-03-02'), [{ type: 'day', dayKey: '2026-03-03' }]);
      assert.deepEqual(l.closedDays, []);
    });
  });

  describe('the parts of a day', () => {
    const DAY = '2026-03-02';
    const part = (id: string | undefined, activeMs: number, exercises: Record<string, { count: number; ms: number }> = {}): ClosedDay => {
      const count = Object.values(exercises).reduce((sum, e) => sum + e.count, 0);
      const record = { ...emptyDay(DAY), activeMs, routines: count > 0 ? 1 : 0, exercises: count };
      return id === undefined ? { record, exercises } : { id, record, exercises };
    };

    it('adds two parts of one day, and a part moved twice counts once', () => {
      const first = mergeClosedDays(emptyHistory(), [part('a0', 60 * MINUTE)]);
      // The day was closed, the clock went back to it, and it was closed again.
      const second = mergeClosedDays(first, [part('b0', 30 * MINUTE)]);
      assert.deepEqual(
        second.days.map((d) => [d.day, d.activeMs, d.routines]),
        [[DAY, 90 * MINUTE, 0]],
      );
      assert.deepEqual(mergeClosedDays(second, [part('a0', 60 * MINUTE), part('b0', 30 * MINUTE)]), second, 'moved again: nothing changes');
      assert.deepEqual(parseHistory(serializeHistory(second)).history, second, 'the ids it has added are kept in the file');
    });

    it('counts the exercises of a late part of a day it already has, once', () => {
      const first = mergeClosedDays(emptyHistory(), [part('a0', HOUR, { 'chin-tuck': { count: 2, ms: 60 * SECOND } })]);
      const late = part('b0', 0, { 'chin-tuck': { count: 1, ms: 30 * SECOND } });
      const both = mergeClosedDays(mergeClosedDays(first, [late]), [late]);
      assert.deepEqual(both.exercises['chin-tuck'], { count: 3, ms: 90 * SECOND, lastDay: DAY });
      assert.equal(both.days[0]?.routines, 2);
    });

    it('joins a part without an id (closed by an earlier version) by the larger of each field, as that version did', () => {
      const first = mergeClosedDays(emptyHistory(), [part(undefined, HOUR, { 'chin-tuck': { count: 1, ms: 1 } })]);
      const again = mergeClosedDays(first, [part(undefined, HOUR, { 'chin-tuck': { count: 1, ms: 1 } })]);
      assert.deepEqual(again.days, first.days);
      assert.deepEqual(again.exercises, first.exercises);
    });

    it('shows a day the clock came back to as what history holds of it and today’s own, each counted once', () => {
      const history = mergeClosedDays(emptyHistory(), [part('a0', HOUR, { 'chin-tuck': { count: 1, ms: 30 * SECOND } })]);
      const ledger: Ledger = {
        ...emptyLedger(DAY),
        todayActiveMs: 2 * HOUR,
        todayBaseMs: HOUR,
        todayRoutines: 1,
        todayExercises: { 'chin-tuck': { count: 1, ms: 30 * SECOND } },
        closedDays: [{ ...part('b0', 0), record: { ...emptyDay('2026-03-03'), activeMs: 10 * MINUTE } }],
      };
      assert.deepEqual(
        allDays(history, ledger).map((d) => [d.day, d.activeMs, d.routines]),
        [
          [DAY, 3 * HOUR, 2],
          ['2026-03-03', 10 * MINUTE, 0],
        ],
      );
      assert.deepEqual(exerciseTotals(history, ledger)['chin-tuck'], { count: 2, ms: 60 * SECOND, lastDay: DAY });
      const stats = statsOf(history, ledger, DAY, (id) => id);
      assert.deepEqual([stats.today.activeMs, stats.streak.current], [3 * HOUR, 1]);
    });
  });

  describe('the streak', () => {
    const day = (key: string, activeMs: number, routines: number): DayRecord => ({ ...emptyDay(key), activeMs, routines });
    it('counts days with a routine; weekends without coding do not break it', () => {
      const days = [
        day('2026-03-02', 2 * HOUR, 0), // Monday: coded, no routine (before the streak)
        day('2026-03-04', 3 * HOUR, 1), // Wednesday
        day('2026-03-05', 3 * HOUR, 2),
        day('2026-03-06', 1 * HOUR, 1), // Friday
        // Saturday and Sunday: nothing
        day('2026-03-09', 2 * HOUR, 1), // Monday
      ];
      assert.deepEqual(streakOf(days, '2026-03-09'), { current: 4, best: 4 });
      // Monday morning, no routine yet: the streak stands.
      assert.deepEqual(streakOf([...days.slice(0, 4), day('2026-03-09', 2 * HOUR, 0)], '2026-03-09'), { current: 3, best: 3 });
      // A few minutes at the keyboard on Saturday are not a coding day.
      assert.deepEqual(streakOf([...days.slice(0, 4), day('2026-03-07', CODING_DAY_MS - 1, 0), days[4] as DayRecord], '2026-03-09'), {
        current: 4,
        best: 4,
      });
    });

    it('ends on a coding day without a routine, and remembers the best', () => {
      const days = [
        day('2026-03-02', HOUR, 1),
        day('2026-03-03', HOUR, 1),
        day('2026-03-04', HOUR, 1),
        day('2026-03-05', HOUR, 0),
        day('2026-03-06', HOUR, 1),
      ];
      assert.deepEqual(streakOf(days, '2026-03-06'), { current: 1, best: 3 });
      assert.deepEqual(streakOf([], '2026-03-06'), { current: 0, best: 0 });
      assert.deepEqual(streakOf(days, '2026-03-04'), { current: 3, best: 3 }, 'days after today are not counted');
    });
  });

  describe('migration', () => {
    it('reads a version 1 ledger (before history) as version 2, and its day becomes the first day of history', () => {
      const v1 = {
        version: 1,
        seq: 7,
        dayKey: '2026-03-02',
        todayActiveMs: 95 * MINUTE,
        todayBreaks: { natural: 2, manual: 1, started: 1, skipped: 1, snoozed: 0 },
        activeMsSinceBreak: 12 * MINUTE,
        lastActivityWallMs: 100,
        lastBreak: { atWallMs: 50, kind: 'started' },
        snoozedUntilWallMs: null,
        pause: null,
        prompt: null,
        routines: { 'posture-reset': { completions: 3, lastDoneWallMs: 40 } },
        dueAtActiveMs: null,
        consecutiveSnoozes: 0,
        fullRoutineOfferedDay: null,
      };
      const { ledger, problems } = readLedger(JSON.parse(JSON.stringify(v1)), emptyLedger('2026-03-01'));
      assert.deepEqual(problems, []);
      assert.equal(ledger.version, 2);
      assert.deepEqual(
        [ledger.todayReminders, ledger.todayRoutines, ledger.todayExercises, ledger.closedDays, ledger.reminderEpisode],
        [0, 0, {}, [], null],
      );
      const next = applyOps(ledger, [{ type: 'day', dayKey: '2026-03-03' }]);
      const history = mergeClosedDays(emptyHistory(), next.closedDays);
      assert.deepEqual(history.days, [{ ...emptyDay('2026-03-02'), activeMs: 95 * MINUTE, natural: 2, manual: 1, started: 1, skipped: 1 }]);
    });

    it('reads a history whose columns come in another order, or with a column it does not know', () => {
      const text = JSON.stringify({
        version: 1,
        columns: ['activeMs', 'day', 'routines', 'future'],
        exercisesThrough: null,
        exercises: {},
        days: [[60_000, '2026-03-02', 2, 9]],
      });
      const { history, problems } = parseHistory(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(history.days, [{ ...emptyDay('2026-03-02'), activeMs: 60_000, routines: 2 }]);
    });

    it('writes back the columns and fields of a newer version: each day keeps its values, a day it adds gets 0', () => {
      const columns = [...HISTORY_COLUMNS, 'focusMs', 'mood'];
      const known = (day: string, activeMs: number) => [day, activeMs, ...HISTORY_COLUMNS.slice(2).map(() => 0)];
      const text = JSON.stringify({
        version: 1,
        columns,
        exercisesThrough: null,
        parts: [],
        exercises: {},
        goals: { weeklyMinutes: 600 },
        days: [
          [...known('2026-03-02', 60_000), 1_500, 'calm'],
          [...known('2026-03-03', 90_000), 2_500, null],
        ],
      });
      const read = parseHistory(text);
      assert.deepEqual(read.problems, []);
      const later = mergeClosedDays(read.history, [
        { id: 'a', record: { ...emptyDay('2026-03-03'), activeMs: 10_000 }, exercises: {} },
        { id: 'b', record: { ...emptyDay('2026-03-04'), activeMs: 20_000 }, exercises: {} },
      ]);
      const written = JSON.parse(serializeHistory(later)) as { columns: string[]; goals: unknown; days: unknown[][] };
      assert.deepEqual(written.columns, columns);
      assert.deepEqual(written.goals, { weeklyMinutes: 600 });
      assert.deepEqual(written.days, [
        [...known('2026-03-02', 60_000), 1_500, 'calm'],
        [...known('2026-03-03', 100_000), 2_500, null],
        [...known('2026-03-04', 20_000), 0, 0],
      ]);
      const again = parseHistory(serializeHistory(later));
      assert.deepEqual(again.problems, []);
      assert.equal(serializeHistory(again.history), serializeHistory(later), 'and reads back the same');
    });

    it('moves a newer version’s numbers in a day that ended to its columns: added once per part, or a column added', () => {
      const newerPart = (id: string | undefined, day: string, focusMs: number): ClosedDay => ({
        ...(id === undefined ? {} : { id }),
        record: { ...emptyDay(day), activeMs: MINUTE, focusMs } as DayRecord,
        exercises: {},
      });
      const once = mergeClosedDays(emptyHistory(), [newerPart('a', '2026-03-02', 100), newerPart('b', '2026-03-02', 20)]);
      const twice = mergeClosedDays(once, [newerPart('b', '2026-03-02', 20), newerPart(undefined, '2026-03-03', 7)]);
      const written = JSON.parse(serializeHistory(twice)) as { columns: string[]; days: unknown[][] };
      assert.deepEqual(written.columns, [...HISTORY_COLUMNS, 'focusMs']);
      assert.deepEqual(
        written.days.map((d) => [d[0], d[1], d.at(-1)]),
        [
          ['2026-03-02', 2 * MINUTE, 120],
          ['2026-03-03', MINUTE, 7],
        ],
      );
    });

    it('keeps only so much of a newer version, and says what it left out', () => {
      const extra = Array.from({ length: 20 }, (_, i) => `extra${i}`);
      const row = ['2026-03-02', 60_000, ...HISTORY_COLUMNS.slice(2).map(() => 0), 'x'.repeat(100), ...extra.slice(1).map(() => 1)];
      const text = JSON.stringify({
        version: 1,
        columns: [...HISTORY_COLUMNS, ...extra],
        exercisesThrough: null,
        exercises: {},
        blob: 'y'.repeat(20_000),
        days: [row],
      });
      const { history, problems } = parseHistory(text);
      assert.deepEqual(problems, ['some of what another version wrote was too large and was left out']);
      assert.equal(history.other?.columns.length, 16);
      assert.deepEqual(history.other?.values['2026-03-02']?.slice(0, 2), [null, 1]);
      assert.deepEqual(history.other?.fields, {});
      assert.equal(history.days[0]?.activeMs, 60_000);
    });

    it('recovers the days of a newer version’s file cut short', () => {
      const row = (day: string) => [day, 60_000, ...HISTORY_COLUMNS.slice(2).map(() => 1), 7, 'calm'];
      const text = JSON.stringify({
        version: 1,
        columns: [...HISTORY_COLUMNS, 'focusMs', 'mood'],
        exercisesThrough: null,
        exercises: {},
        days: [row('2026-03-02'), row('2026-03-03'), row('2026-03-04')],
      });
      const { history } = parseHistory(text.slice(0, text.length - 20));
      assert.deepEqual(
        history.days.map((d) => d.day),
        ['2026-03-02', '2026-03-03'],
      );
    });
  });

  describe('damaged history', () => {
    function sample(days: number): History {
      let h = emptyHistory();
      const closed: ClosedDay[] = Array.from({ length: days }, (_, i) => ({
        record: {
          ...emptyDay(addDays('2026-01-01', i)),
          activeMs: (i + 1) * MINUTE,
          natural: i % 3,
          routines: 1,
          exercises: 2,
          exerciseMs: 40 * SECOND,
        },
        exercises: { 'chin-tuck': { count: 1, ms: 20 * SECOND }, 'wall-angel': { count: 1, ms: 20 * SECOND } },
      }));
      h = mergeClosedDays(h, closed);
      return h;
    }

    it('keeps every whole day of a file cut short, and the exercise totals before them', () => {
      const h = sample(30);
      const text = serializeHistory(h);
      const cut = text.slice(0, Math.floor(text.length * 0.6));
      const { history, problems } = parseHistory(cut);
      assert.match(problems.join(' '), /not valid JSON/);
      assert.ok(history.days.length >= 15 && history.days.length < 30, `${history.days.length} days kept`);
      assert.deepEqual(history.days, h.days.slice(0, history.days.length));
      assert.deepEqual(history.exercises, h.exercises);
      assert.equal(history.exercisesThrough, h.exercisesThrough);
    });

    it('drops damaged rows and keeps the rest', () => {
      const h = sample(5);
      const stored = JSON.parse(serializeHistory(h)) as { days: unknown[] };
      stored.days[1] = ['2026-01-02', -5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      stored.days[3] = 'garbage';
      const { history, problems } = parseHistory(JSON.stringify(stored));
      assert.deepEqual(
        history.days.map((d) => d.day),
        ['2026-01-01', '2026-01-03', '2026-01-05'],
      );
      assert.match(problems.join(' '), /2 of 5 days were unreadable/);
    });

    it('says so for an empty file, something that is not history, and a newer version', () => {
      assert.deepEqual(parseHistory('').problems, ['the file was empty']);
      assert.deepEqual(parseHistory('[1,2]').history, emptyHistory());
      const newer = parseHistory(JSON.stringify({ version: 2, days: [] }));
      assert.equal(newer.newer, true);
    });

    it('costs well under 200 bytes a day, even on a long day', () => {
      let h = emptyHistory();
      const closed: ClosedDay[] = Array.from({ length: 365 }, (_, i) => ({
        record: {
          day: addDays('2026-01-01', i),
          activeMs: 11 * HOUR + 59 * MINUTE + 59 * SECOND,
          reminders: 24,
          started: 12,
          manual: 9,
          natural: 14,
          skipped: 6,
          snoozed: 18,
          routines: 21,
          exercises: 99,
          exerciseMs: 5 * HOUR,
          moved: 11,
          sitting: 8,
          sittingMs: 3 * HOUR + 59 * MINUTE + 59 * SECOND,
          moves: 12,
          eyeBreaks: 9,
        },
        exercises: {},
      }));
      h = mergeClosedDays(h, closed);
      const perDay = Buffer.byteLength(serializeHistory(h)) / 365;
      assert.ok(perDay < 200, `${perDay} bytes a day`);
    });
  });

  describe('export', () => {
    const ledger: Ledger = {
      ...emptyLedger('2026-03-03'),
      todayActiveMs: 90 * MINUTE,
      todayBreaks: { natural: 1, manual: 0, started: 2, skipped: 1, snoozed: 3, moved: 1 },
      todayReminders: 4,
      todayRoutines: 2,
      todayExercises: { 'chin-tuck': { count: 2, ms: 60 * SECOND } },
      todaySitting: 1,
      todaySittingMs: 25 * MINUTE,
      todayMoves: 1,
      todayEyeBreaks: 5,
      routines: { 'posture-reset': { completions: 2, lastDoneWallMs: Date.UTC(2026, 2, 3, 10) } },
    };
    const history = mergeClosedDays(emptyHistory(), [
      {
        record: {
          ...emptyDay('2026-03-02'),
          activeMs: 45_000,
          manual: 1,
          routines: 1,
          exercises: 1,
          exerciseMs: 30 * SECOND,
          sitting: 2,
          sittingMs: 75 * MINUTE + 10 * SECOND,
        },
        exercises: { 'chin-tuck': { count: 1, ms: 30 * SECOND } },
      },
    ]);
    const names = (id: string): string => (id === 'chin-tuck' ? 'Chin tuck' : id);

    it('writes everything as versioned JSON, today included', () => {
      const out = historyExport(history, ledger, Date.UTC(2026, 2, 3, 12), names);
      assert.equal(out.format, 'upright-history');
      assert.equal(out.version, 2);
      assert.equal(out.exportedAt, '2026-03-03T12:00:00.000Z');
      assert.deepEqual(out.days, [
        {
          date: '2026-03-02',
          activeMs: 45_000,
          reminders: 0,
          breaks: { started: 0, manual: 1, natural: 0, moved: 0 },
          skipped: 0,
          snoozed: 0,
          routines: 1,
          exercises: 1,
          exerciseMs: 30 * SECOND,
          sitting: 2,
          sittingMs: 75 * MINUTE + 10 * SECOND,
          deskMs: 45_000 + 75 * MINUTE + 10 * SECOND,
          moves: 0,
          eyeBreaks: 0,
        },
        {
          date: '2026-03-03',
          activeMs: 90 * MINUTE,
          reminders: 4,
          breaks: { started: 2, manual: 0, natural: 1, moved: 1 },
          skipped: 1,
          snoozed: 3,
          routines: 2,
          exercises: 2,
          exerciseMs: 60 * SECOND,
          sitting: 1,
          sittingMs: 25 * MINUTE,
          deskMs: 115 * MINUTE,
          moves: 1,
          eyeBreaks: 5,
        },
      ]);
      assert.deepEqual(out.exercises, [{ id: 'chin-tuck', name: 'Chin tuck', count: 3, ms: 90 * SECOND, lastDay: '2026-03-03' }]);
      assert.deepEqual(out.routines, [{ id: 'posture-reset', completions: 2, lastDone: '2026-03-03T10:00:00.000Z' }]);
    });

    it('writes one CSV row a day, in minutes', () => {
      const lines = historyCsv(history, ledger).split('\r\n');
      assert.equal(lines[0], CSV_HEADER.join(','));
      assert.equal(
        lines[0],
        'date,active_minutes,reminders,breaks_started,breaks_manual,breaks_natural,skipped,snoozed,routines,exercises,exercise_minutes,breaks_moved,sitting,sitting_minutes,desk_minutes,moves_while_waiting,eye_breaks',
        'the columns of the first version come first, in their order',
      );
      assert.equal(lines[1], '2026-03-02,0.8,0,0,1,0,0,0,1,1,0.5,0,2,75.2,75.9,0,0');
      assert.equal(lines[2], '2026-03-03,90.0,4,2,0,1,1,3,2,2,1.0,1,1,25.0,115.0,1,5');
      assert.equal(lines[3], '');
      for (const line of lines.slice(1, 3)) {
        const cells = line.split(',');
        assert.equal(cells.length, CSV_HEADER.length);
        assert.ok(
          cells.slice(1).every((c) => /^\d+(\.\d)?$/.test(c)),
          `numbers only: ${line}`,
        );
      }
    });

    it('deleting leaves nothing of what was done, but keeps the running clock', () => {
      const cleared = withoutHistory({ ...ledger, activeMsSinceBreak: 20 * MINUTE });
      assert.ok(isEmptyDay(todayRecord(cleared)));
      assert.deepEqual(cleared.routines, {});
      assert.equal(cleared.activeMsSinceBreak, 20 * MINUTE);
      assert.deepEqual(allDays(emptyHistory(), cleared), []);
    });
  });

  describe('what the Stats page shows', () => {
    it('gives today, the last 14 days, the streak, and the most and least done exercises', () => {
      const closed: ClosedDay[] = [
        {
          record: { ...emptyDay('2026-02-10'), activeMs: HOUR, routines: 1, exercises: 1 },
          exercises: { 'wall-angel': { count: 1, ms: 1 } },
        },
        {
          record: {
            ...emptyDay('2026-03-01'),
            activeMs: 2 * HOUR,
            routines: 1,
            natural: 3,
            moved: 2,
            exercises: 7,
            sitting: 1,
            sittingMs: HOUR,
          },
          exercises: {
            'chin-tuck': { count: 4, ms: 4 },
            a1: { count: 2, ms: 2 },
            a2: { count: 3, ms: 3 },
            a3: { count: 5, ms: 5 },
            a4: { count: 6, ms: 6 },
            a5: { count: 7, ms: 7 },
            a6: { count: 8, ms: 8 },
          },
        },
      ];
      const history = mergeClosedDays(emptyHistory(), closed);
      const ledger: Ledger = {
        ...emptyLedger('2026-03-02'),
        todayActiveMs: 30 * MINUTE,
        todayReminders: 2,
        todayBreaks: { natural: 0, manual: 0, started: 1, skipped: 1, snoozed: 0, moved: 1 },
        todayRoutines: 1,
        todayExercises: { 'chin-tuck': { count: 1, ms: 1 } },
        todaySitting: 2,
        todaySittingMs: 20 * MINUTE,
      };
      const stats = statsOf(history, ledger, '2026-03-02', (id) => id.toUpperCase());
      assert.deepEqual(
        [stats.today.day, stats.today.activeMs, stats.today.reminders, stats.today.started],
        ['2026-03-02', 30 * MINUTE, 2, 1],
      );
      assert.equal(stats.days.length, 14);
      assert.deepEqual([stats.days[0]?.day, stats.days[12]?.day, stats.days[13]?.day], ['2026-02-17', '2026-03-01', '2026-03-02']);
      assert.deepEqual(
        [stats.days[12]?.natural, stats.days[12]?.moved, stats.days[12]?.sitting, stats.days[12]?.sittingMs],
        [3, 2, 1, HOUR],
      );
      assert.deepEqual([stats.today.moved, stats.today.sitting, stats.today.sittingMs], [1, 2, 20 * MINUTE]);
      assert.deepEqual(stats.streak, { current: 3, best: 3 });
      assert.deepEqual(
        stats.mostDone.map((t) => [t.id, t.count]),
        [
          ['a6', 8],
          ['a5', 7],
          ['a4', 6],
          ['a3', 5],
          ['chin-tuck', 5],
        ],
      );
      assert.deepEqual(
        stats.leastDone.map((t) => t.id),
        ['wall-angel', 'a1', 'a2'],
      );
      assert.equal(stats.mostDone[0]?.name, 'A6');
      // Breaks: 3 natural and 2 moved on the 1st, 1 started and 1 moved today.
      assert.deepEqual(stats.totals, {
        days: 3,
        activeMs: 3.5 * HOUR,
        breaks: 7,
        routines: 3,
        exercises: 9,
        exerciseMs: 1,
        sitting: 3,
        sittingMs: 80 * MINUTE,
      });
      assert.equal(stats.since, '2026-02-10');
      assert.deepEqual(
        lastDays([], '2026-03-01', 2).map((d) => d.day),
        ['2026-02-28', '2026-03-01'],
      );
    });
  });
});
