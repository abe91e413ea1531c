import * as assert from 'node:assert/strict';

import { FALLBACK_HOLD_MINUTES, holdMinutesOf, LIVE_SHARE_HOLD_MS, LiveShareHold, MAX_HOLD_MINUTES } from '../../src/core/holds';
import { emptyLedger, readLedger, rebaseFutureMoments, reminderStateOf } from '../../src/core/ledger';
import { insideQuietTime, quietSlotsBetween, type QuietTime, quietTimeEnd } from '../../src/core/quietTimes';
import {
  evaluate,
  holdReminders,
  INITIAL_REMINDER_STATE,
  type ReminderInput,
  type ReminderSettings,
  type ReminderState,
  resumeReminders,
  tomorrowMorning,
  WEEKDAYS,
} from '../../src/core/reminders/scheduler';
import { fixedOffsetCalendar, HOUR, MINUTE, SECOND, zoneCalendar } from '../support/time';

const utc = fixedOffsetCalendar(0);
/** 2026-03-02 is a Monday. */
const monday = (hh: number, mm = 0): number => Date.UTC(2026, 2, 2, hh, mm);
const at = (day: number, hh: number, mm = 0): number => Date.UTC(2026, 2, day, hh, mm);
const slot = (start: string, end: string, days: QuietTime['days'] = WEEKDAYS, sitting = false): QuietTime => {
  const minutes = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  return { startMinutes: minutes(start), endMinutes: minutes(end), days, sitting };
};

describe('quiet times', () => {
  const standUp = slot('10:00', '10:15', ['mon', 'tue', 'wed', 'thu', 'fri']);
  const night = slot('23:00', '01:00', ['fri'], true);

  it('knows the slot the wall clock is in, on its days, the part after midnight belonging to the day before', () => {
    assert.equal(insideQuietTime([standUp], monday(10, 5), utc), standUp);
    assert.equal(insideQuietTime([standUp], monday(10, 15), utc), undefined, 'the end is outside');
    assert.equal(insideQuietTime([standUp], at(7, 10, 5), utc), undefined, 'not on a Saturday');
    assert.equal(insideQuietTime([night], at(6, 23, 30), utc), night, 'Friday 23:30');
    assert.equal(insideQuietTime([night], at(7, 0, 30), utc), night, 'the small hours after Friday');
    assert.equal(insideQuietTime([night], at(6, 0, 30), utc), undefined, 'the small hours after Thursday');
  });

  it('ends a quiet time at the end of its slot, or of the slots that follow on from it', () => {
    assert.equal(quietTimeEnd([standUp], monday(10, 5), utc), monday(10, 15));
    assert.equal(quietTimeEnd([standUp], monday(9, 59), utc), undefined);
    assert.equal(quietTimeEnd([standUp, slot('10:15', '11:00', ['mon'])], monday(10, 5), utc), monday(11, 0), 'back to back');
    assert.equal(quietTimeEnd([night], at(6, 23, 30), utc), at(7, 1, 0), 'across midnight');
  });

  it('lists the wall-time intervals of the slots in a stretch of time, clipped to it, with their sitting', () => {
    assert.deepEqual(quietSlotsBetween([standUp], monday(10, 5), monday(12, 0), utc), [
      { fromWallMs: monday(10, 5), toWallMs: monday(10, 15), sitting: false },
    ]);
    // Friday evening to Monday noon: the night slot once (one interval across midnight), the stand-up on Monday.
    assert.deepEqual(quietSlotsBetween([standUp, night], at(6, 20, 0), at(9, 12, 0), utc), [
      { fromWallMs: at(6, 23, 0), toWallMs: at(7, 1, 0), sitting: true },
      { fromWallMs: at(9, 10, 0), toWallMs: at(9, 10, 15), sitting: false },
    ]);
    // Begun on Saturday 00:30: what is left of Friday's slot.
    assert.deepEqual(quietSlotsBetween([night], at(7, 0, 30), at(7, 12, 0), utc), [
      { fromWallMs: at(7, 0, 30), toWallMs: at(7, 1, 0), sitting: true },
    ]);
    assert.deepEqual(quietSlotsBetween([standUp], monday(12, 0), monday(10, 0), utc), [], 'an empty stretch');
    assert.deepEqual(quietSlotsBetween([], monday(0, 0), monday(23, 0), utc), []);
  });

  it('gives overlapping slots one interval each for their sitting and other parts, sitting winning', () => {
    const meeting = slot('10:10', '10:40', ['mon'], true);
    assert.deepEqual(quietSlotsBetween([standUp, meeting], monday(9, 0), monday(11, 0), utc), [
      { fromWallMs: monday(10, 0), toWallMs: monday(10, 10), sitting: false },
      { fromWallMs: monday(10, 10), toWallMs: monday(10, 40), sitting: true },
    ]);
  });

  describe('on the days the clocks change (New York, 2026: 8 March and 1 November)', () => {
    const newYork = zoneCalendar('America/New_York');
    /** The moment New York's clock reads hh:mm on a day, at UTC offset `offset` hours. */
    const ny = (day: string, hh: number, mm: number, offset: number): number =>
      Date.parse(`${day}T00:00:00Z`) + (hh * 60 + mm - offset * 60) * MINUTE;

    it('a slot in the hour the clocks skip is never quiet; one around it is quiet by the wall clock', () => {
      const skipped = slot('02:15', '02:45', ['sun']);
      assert.deepEqual(quietSlotsBetween([skipped], ny('2026-03-08', 0, 0, -5), ny('2026-03-08', 12, 0, -4), newYork), []);
      const around = slot('01:30', '03:30', ['sun']);
      const intervals = quietSlotsBetween([around], ny('2026-03-08', 0, 0, -5), ny('2026-03-08', 12, 0, -4), newYork);
      assert.deepEqual(intervals, [{ fromWallMs: ny('2026-03-08', 1, 30, -5), toWallMs: ny('2026-03-08', 3, 30, -4), sitting: false }]);
      assert.equal(intervals[0]!.toWallMs - intervals[0]!.fromWallMs, HOUR, 'an hour of real time');
      assert.equal(quietTimeEnd([around], ny('2026-03-08', 1, 45, -5), newYork), ny('2026-03-08', 3, 30, -4));
    });

    it('a slot in the hour the clocks repeat is quiet both times round', () => {
      const repeated = slot('01:00', '01:30', ['sun'], true);
      const first = ny('2026-11-01', 1, 10, -4);
      const second = ny('2026-11-01', 1, 10, -5);
      assert.equal(second - first, HOUR);
      assert.ok(insideQuietTime([repeated], first, newYork) && insideQuietTime([repeated], second, newYork));
      assert.deepEqual(quietSlotsBetween([repeated], ny('2026-11-01', 0, 0, -4), ny('2026-11-01', 12, 0, -5), newYork), [
        { fromWallMs: ny('2026-11-01', 1, 0, -4), toWallMs: ny('2026-11-01', 1, 30, -4), sitting: true },
        { fromWallMs: ny('2026-11-01', 1, 0, -5), toWallMs: ny('2026-11-01', 1, 30, -5), sitting: true },
      ]);
      assert.equal(quietTimeEnd([repeated], second, newYork), ny('2026-11-01', 1, 30, -5), 'the second time ends on its own clock');
    });

    it('a slot across midnight into the day the clocks change keeps to the wall clock', () => {
      const late = slot('23:00', '03:00', ['sat']);
      const intervals = quietSlotsBetween([late], ny('2026-03-07', 20, 0, -5), ny('2026-03-08', 12, 0, -4), newYork);
      assert.deepEqual(intervals, [{ fromWallMs: ny('2026-03-07', 23, 0, -5), toWallMs: ny('2026-03-08', 3, 0, -4), sitting: false }]);
      assert.equal(intervals[0]!.toWallMs - intervals[0]!.fromWallMs, 3 * HOUR);
    });
  });
});

describe('the quiet and held phases of the scheduler', () => {
  const settings: ReminderSettings = {
    breakIntervalMs: 30 * MINUTE,
    typingPauseMs: 15 * SECOND,
    snoozeMs: 5 * MINUTE,
    maxConsecutiveSnoozes: 3,
    workingHours: null,
    quietTimes: [slot('10:00', '10:15', ['mon'])],
    fullRoutineDays: [],
    defaultRoutine: 'posture-reset',
  };
  const input = (over: Partial<ReminderInput>): ReminderInput => ({
    nowWallMs: monday(9, 0),
    activeMsSinceBreak: 0,
    todayActiveMs: 0,
    quietMs: 0,
    stoppingPointAgoMs: null,
    dueForMs: null,
    debugging: false,
    ...over,
  });
  const view = (state: ReminderState, over: Partial<ReminderInput>, s = settings) => evaluate(state, input(over), s, utc);

  it('holds a break that falls due in a quiet time, and offers it at the first pause after, not at once', () => {
    const inside = view(INITIAL_REMINDER_STATE, {
      nowWallMs: monday(10, 5),
      activeMsSinceBreak: 35 * MINUTE,
      quietMs: MINUTE,
      dueForMs: 0,
    });
    assert.deepEqual([inside.phase, inside.promptNow, inside.msUntilResume], ['quiet', false, 10 * MINUTE]);
    // Just after the slot, typing: due, but it waits for a pause.
    const typing = view(INITIAL_REMINDER_STATE, {
      nowWallMs: monday(10, 15),
      activeMsSinceBreak: 45 * MINUTE,
      quietMs: SECOND,
      dueForMs: 0,
    });
    assert.deepEqual([typing.phase, typing.promptNow, typing.wakeInMs], ['due', false, 14 * SECOND]);
    const pause = view(INITIAL_REMINDER_STATE, {
      nowWallMs: monday(10, 16),
      activeMsSinceBreak: 46 * MINUTE,
      quietMs: 15 * SECOND,
      dueForMs: MINUTE,
    });
    assert.deepEqual([pause.phase, pause.promptNow, pause.promptReason], ['due', true, 'pause']);
  });

  it('shows no countdown inside a quiet time, and counts as usual outside it', () => {
    assert.equal(view(INITIAL_REMINDER_STATE, { nowWallMs: monday(10, 5), activeMsSinceBreak: 29 * MINUTE + 30 * SECOND }).phase, 'quiet');
    assert.equal(view(INITIAL_REMINDER_STATE, { nowWallMs: monday(11, 0), activeMsSinceBreak: 29 * MINUTE + 30 * SECOND }).phase, 'soon');
  });

  it('holds for minutes or until resumed, and a held break comes at the first pause after', () => {
    const held = holdReminders(INITIAL_REMINDER_STATE, monday(9, 30), monday(9, 0));
    const during = view(held, { nowWallMs: monday(9, 10), activeMsSinceBreak: 40 * MINUTE, quietMs: MINUTE, dueForMs: 0 });
    assert.deepEqual([during.phase, during.msUntilResume, during.promptNow], ['held', 20 * MINUTE, false]);
    const after = view(held, { nowWallMs: monday(9, 30), activeMsSinceBreak: 40 * MINUTE, quietMs: 15 * SECOND, dueForMs: 0 });
    assert.deepEqual([after.phase, after.promptNow], ['due', true]);
    const forever = holdReminders(INITIAL_REMINDER_STATE, null, monday(9, 0));
    assert.equal(view(forever, { nowWallMs: monday(9, 0) + 50 * HOUR, activeMsSinceBreak: 40 * MINUTE }).msUntilResume, null);
    const resumed = resumeReminders({ ...forever, pause: { untilWallMs: null } });
    assert.deepEqual([resumed.hold, resumed.pause], [null, null], 'Resume ends a hold and a pause');
    const live = { ...INITIAL_REMINDER_STATE, hold: { untilWallMs: monday(9, 5), sinceWallMs: monday(9, 0), liveShare: 's1' } };
    const sharing = view(live, { nowWallMs: monday(9, 1), activeMsSinceBreak: 40 * MINUTE });
    assert.deepEqual([sharing.phase, sharing.liveShare, sharing.msUntilResume], ['held', true, null], 'as long as the session lasts');
    assert.equal(
      view(live, { nowWallMs: monday(9, 5), activeMsSinceBreak: 40 * MINUTE, quietMs: MINUTE }).phase,
      'due',
      'not renewed: over',
    );
  });

  it('keeps reminders inside any enabled range of split working hours', () => {
    const split = {
      ...settings,
      quietTimes: [],
      workingHours: [slot('08:00', '12:00', ['mon', 'tue']), slot('14:00', '18:00', ['mon']), slot('22:00', '02:00', ['fri'])],
    };
    const phase = (wallMs: number): string => view(INITIAL_REMINDER_STATE, { nowWallMs: wallMs, activeMsSinceBreak: MINUTE }, split).phase;
    assert.deepEqual([monday(9), monday(13), monday(15), monday(19), at(3, 15), at(7, 1, 30), at(7, 3)].map(phase), [
      'counting',
      'outsideHours',
      'counting',
      'outsideHours',
      'outsideHours',
      'counting',
      'outsideHours',
    ]);
    // "Until tomorrow" from Monday evening: Tuesday's earliest start; from Thursday: Friday's only range, at 22:00.
    assert.equal(tomorrowMorning(monday(20), utc, split.workingHours), at(3, 8, 0));
    assert.equal(tomorrowMorning(at(5, 20), utc, split.workingHours), at(6, 22, 0));
    assert.equal(tomorrowMorning(at(3, 20), utc, [slot('14:00', '18:00', ['wed']), slot('07:30', '12:00', ['wed'])]), at(4, 7, 30));
  });
});

describe('holds in the ledger', () => {
  const DAY = '2026-03-02';

  it('is kept by every window, read back from the file, and missing from an older ledger means none', () => {
    const held = { ...emptyLedger(DAY), hold: { untilWallMs: 5_000_000, sinceWallMs: 4_000_000 } };
    const read = readLedger(JSON.parse(JSON.stringify(held)), emptyLedger(DAY));
    assert.deepEqual([read.problems, read.ledger.hold], [[], held.hold]);
    assert.deepEqual(reminderStateOf(read.ledger).hold, held.hold);
    const older: Record<string, unknown> = { ...held };
    delete older.hold;
    const fromOlder = readLedger(older, emptyLedger(DAY));
    assert.deepEqual([fromOlder.problems, fromOlder.ledger.hold], [[], null]);
    const damaged = readLedger({ ...held, hold: { untilWallMs: 'soon', sinceWallMs: 1 } }, emptyLedger(DAY));
    assert.deepEqual([damaged.problems, damaged.ledger.hold], [['hold'], null]);
  });

  it('follows a clock set back, keeping the time it had left', () => {
    const future = 10_000_000;
    const l = { ...emptyLedger(DAY), hold: { untilWallMs: future + 30 * MINUTE, sinceWallMs: future, liveShare: 's' } };
    const now = future - HOUR;
    assert.deepEqual(rebaseFutureMoments(l, now).hold, { untilWallMs: now + 30 * MINUTE, sinceWallMs: now, liveShare: 's' });
    const untilResumed = { ...l, hold: { untilWallMs: null, sinceWallMs: future } };
    assert.deepEqual(rebaseFutureMoments(untilResumed, now).hold, { untilWallMs: null, sinceWallMs: now });
  });
});

describe('the argument of Hold Reminders', () => {
  it('takes whole minutes, a number or a number written as text, and none means until resumed', () => {
    assert.deepEqual(holdMinutesOf(undefined), { minutes: null });
    assert.deepEqual(holdMinutesOf(null), { minutes: null });
    assert.deepEqual(holdMinutesOf(30), { minutes: 30 });
    assert.deepEqual(holdMinutesOf(' 45 '), { minutes: 45 });
    assert.deepEqual(holdMinutesOf(12.4), { minutes: 12 });
  });

  it('keeps a number out of range within 1 to 1440 minutes, and holds anything else for an hour, saying so', () => {
    assert.deepEqual(holdMinutesOf(0), { minutes: 1, problem: 'outOfRange' });
    assert.deepEqual(holdMinutesOf(-5), { minutes: 1, problem: 'outOfRange' });
    assert.deepEqual(holdMinutesOf(1e9), { minutes: MAX_HOLD_MINUTES, problem: 'outOfRange' });
    for (const odd of ['soon', '', NaN, Infinity, true, {}, [30], { minutes: 30 }])
      assert.deepEqual(holdMinutesOf(odd), { minutes: FALLBACK_HOLD_MINUTES, problem: 'notANumber' }, JSON.stringify(odd));
    assert.equal(FALLBACK_HOLD_MINUTES, 60);
  });
});

describe('holding reminders while a Live Share session lasts', () => {
  const t0 = monday(9, 0);
  const mine = (id: string, now: number) => ({ untilWallMs: now + LIVE_SHARE_HOLD_MS, sinceWallMs: now, liveShare: id });

  it('holds when a session starts, renews the hold while it lasts, and releases it when it ends', () => {
    const live = new LiveShareHold();
    assert.equal(live.next(null, null, t0), undefined, 'no session: nothing to do');
    const held = live.next('s1', null, t0);
    assert.deepEqual(held, mine('s1', t0));
    assert.equal(live.next('s1', held, t0 + MINUTE), undefined, 'plenty left');
    assert.deepEqual(live.next('s1', held, t0 + 3 * MINUTE), mine('s1', t0 + 3 * MINUTE), 'renewed before it runs out');
    assert.equal(live.next(null, mine('s1', t0 + 3 * MINUTE), t0 + 4 * MINUTE), null, 'released at the end');
  });

  it('a window that died leaves a hold that runs out; one that comes back takes it up again', () => {
    const stale = mine('s1', t0);
    const live = new LiveShareHold();
    assert.deepEqual(live.next('s1', stale, t0 + 10 * MINUTE), mine('s1', t0 + 10 * MINUTE));
  });

  it('leaves a hold by hand alone, takes over when it runs out, and stops for the session when the person resumes', () => {
    const live = new LiveShareHold();
    const byHand = { untilWallMs: t0 + 10 * MINUTE, sinceWallMs: t0 };
    assert.equal(live.next('s1', byHand, t0), undefined);
    assert.deepEqual(live.next('s1', byHand, t0 + 10 * MINUTE), mine('s1', t0 + 10 * MINUTE), 'the hold by hand ran out');
    assert.equal(live.next('s1', null, t0 + 11 * MINUTE), undefined, 'resumed by the person');
    assert.equal(live.next('s1', null, t0 + 20 * MINUTE), undefined, 'and not held again in that session');
    assert.deepEqual(live.next('s2', null, t0 + 30 * MINUTE), mine('s2', t0 + 30 * MINUTE), 'a new session holds again');
    assert.equal(new LiveShareHold().next(null, byHand, t0), undefined, 'the end of no session releases nothing');
    const second = new LiveShareHold();
    assert.equal(second.next('s2', mine('s1', t0), t0 + MINUTE), undefined, "another window's session holds already");
    assert.deepEqual(second.next('s2', null, t0 + 2 * MINUTE), mine('s2', t0 + 2 * MINUTE), 'that session ended: this one holds');
    const afterOwn = new LiveShareHold();
    afterOwn.next('s3', null, t0);
    assert.equal(
      afterOwn.next('s3', mine('s1', t0 + 6 * MINUTE), t0 + 7 * MINUTE),
      undefined,
      'its own ran out and another session took over',
    );
    assert.deepEqual(afterOwn.next('s3', null, t0 + 8 * MINUTE), mine('s3', t0 + 8 * MINUTE), 'that one released it: held again');
    const ending = new LiveShareHold();
    ending.next('s1', byHand, t0);
    assert.equal(ending.next(null, byHand, t0 + MINUTE), undefined, 'a session ending leaves a hold by hand in place');
  });
});
