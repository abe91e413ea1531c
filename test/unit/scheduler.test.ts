import * as assert from 'node:assert/strict';

import {
  breakTaken,
  evaluate,
  FULL_ROUTINE_ID,
  INITIAL_REMINDER_STATE,
  insideWorkingHours,
  pauseReminders,
  PROMPT_WAIT_CAP_MS,
  type ReminderInput,
  type ReminderSettings,
  type ReminderState,
  resumeReminders,
  skip,
  snooze,
  tomorrowMorning,
  weekdayOf,
} from '../../src/core/reminders/scheduler';
import { fixedOffsetCalendar, HOUR, MINUTE, SECOND, zoneCalendar } from '../support/time';

const calendar = fixedOffsetCalendar(0);
const MONDAY_10 = Date.UTC(2026, 2, 2, 10, 0, 0); // 2026-03-02 is a Monday
const settings: ReminderSettings = {
  breakIntervalMs: 30 * MINUTE,
  typingPauseMs: 15 * SECOND,
  snoozeMs: 5 * MINUTE,
  maxConsecutiveSnoozes: 3,
  workingHours: null,
  quietTimes: [],
  fullRoutineDays: ['mon', 'wed', 'fri'],
  defaultRoutine: 'posture-reset',
};
const input = (over: Partial<ReminderInput> = {}): ReminderInput => ({
  nowWallMs: MONDAY_10,
  activeMsSinceBreak: 0,
  todayActiveMs: 0,
  quietMs: 0,
  stoppingPointAgoMs: null,
  dueForMs: null,
  debugging: false,
  ...over,
});
const at = (state: ReminderState, over: Partial<ReminderInput> = {}, s = settings) => evaluate(state, input(over), s, calendar);

describe('reminder scheduler', () => {
  it('counts toward the break, counts down in the last minute, and is due at the interval', () => {
    assert.equal(at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 10 * MINUTE }).phase, 'counting');
    const soon = at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 29 * MINUTE + 15 * SECOND });
    assert.deepEqual([soon.phase, soon.msUntilDue], ['soon', 45 * SECOND]);
    const due = at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 30 * MINUTE, quietMs: 1 * SECOND, dueForMs: 0 });
    assert.deepEqual([due.phase, due.promptNow], ['due', false], 'due at once, but not while typing');
  });

  it('waits for a typing pause before prompting', () => {
    const typing = at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 31 * MINUTE, quietMs: 3 * SECOND, dueForMs: 60 * SECOND });
    assert.equal(typing.promptNow, false);
    assert.equal(typing.wakeInMs, 12 * SECOND, 'it looks again when the pause would be long enough');
    const paused = at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 31 * MINUTE, quietMs: 15 * SECOND, dueForMs: 60 * SECOND });
    assert.deepEqual([paused.promptNow, paused.promptReason], [true, 'pause']);
  });

  it('prompts at the 3-minute cap during constant typing, whatever typingPauseSeconds says', () => {
    const slow = { ...settings, typingPauseMs: 120 * SECOND };
    // Typing every second from the moment it fell due: the host re-evaluates as the scheduler asks.
    let t = 0;
    let fired: number | null = null;
    while (t <= 4 * MINUTE && fired === null) {
      const v = at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 30 * MINUTE + t, quietMs: 500, dueForMs: t }, slow);
      if (v.promptNow) fired = t;
      else t += Math.min(SECOND, v.wakeInMs ?? SECOND);
    }
    assert.equal(fired, PROMPT_WAIT_CAP_MS);
    assert.equal(
      at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 34 * MINUTE, quietMs: 0, dueForMs: PROMPT_WAIT_CAP_MS }).promptReason,
      'cap',
    );
  });

  it('prompts early at a natural stopping point (a save, a task, a terminal command or debug session ending) once it is quiet', () => {
    const justSaved = at(INITIAL_REMINDER_STATE, {
      activeMsSinceBreak: 31 * MINUTE,
      quietMs: 1 * SECOND,
      stoppingPointAgoMs: 1 * SECOND,
      dueForMs: 30 * SECOND,
    });
    assert.equal(justSaved.promptNow, false, 'not the instant of the save');
    assert.equal(justSaved.wakeInMs, 1 * SECOND);
    const after = at(INITIAL_REMINDER_STATE, {
      activeMsSinceBreak: 31 * MINUTE,
      quietMs: 2 * SECOND,
      stoppingPointAgoMs: 2 * SECOND,
      dueForMs: 31 * SECOND,
    });
    assert.deepEqual([after.promptNow, after.promptReason], [true, 'stoppingPoint']);
  });

  it('waits for a debug session to end, but not past the cap', () => {
    const debugging = at(INITIAL_REMINDER_STATE, {
      activeMsSinceBreak: 31 * MINUTE,
      quietMs: 60 * SECOND,
      dueForMs: 60 * SECOND,
      debugging: true,
    });
    assert.equal(debugging.promptNow, false);
    assert.equal(debugging.wakeInMs, PROMPT_WAIT_CAP_MS - 60 * SECOND);
    assert.equal(
      at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 34 * MINUTE, quietMs: 60 * SECOND, dueForMs: PROMPT_WAIT_CAP_MS, debugging: true })
        .promptNow,
      true,
    );
  });

  it('snoozes for snoozeMinutes of wall time, then prompts again; stops offering snooze after the limit', () => {
    let s = snooze(INITIAL_REMINDER_STATE, MONDAY_10, settings);
    const during = at(s, { nowWallMs: MONDAY_10 + 2 * MINUTE, activeMsSinceBreak: 32 * MINUTE, quietMs: 60 * SECOND });
    assert.deepEqual([during.phase, during.msUntilResume, during.promptNow], ['snoozed', 3 * MINUTE, false]);
    const back = at(s, { nowWallMs: MONDAY_10 + 5 * MINUTE, activeMsSinceBreak: 33 * MINUTE, quietMs: 20 * SECOND, dueForMs: 0 });
    assert.deepEqual([back.phase, back.promptNow], ['due', true]);
    s = snooze(snooze(s, MONDAY_10, settings), MONDAY_10, settings);
    assert.equal(s.consecutiveSnoozes, 3);
    assert.equal(at(s, { nowWallMs: MONDAY_10 + HOUR, activeMsSinceBreak: 40 * MINUTE }).snoozeOffered, false);
    assert.equal(snooze(s, MONDAY_10, settings), s, 'a snooze past the limit changes nothing');
  });

  it('skip asks again one interval later; a break resets everything', () => {
    const skipped = skip(snooze(INITIAL_REMINDER_STATE, MONDAY_10, settings), 31 * MINUTE, settings);
    assert.deepEqual([skipped.dueAtActiveMs, skipped.snoozedUntilWallMs, skipped.consecutiveSnoozes], [61 * MINUTE, null, 0]);
    assert.equal(at(skipped, { activeMsSinceBreak: 45 * MINUTE }).phase, 'counting');
    assert.equal(at(skipped, { activeMsSinceBreak: 61 * MINUTE }).phase, 'due');
    const rested = breakTaken(skipped);
    assert.deepEqual(rested, { ...INITIAL_REMINDER_STATE });
  });

  it('stays silent while paused, for a time or until resumed, then prompts a break already due', () => {
    const paused = pauseReminders(INITIAL_REMINDER_STATE, MONDAY_10 + HOUR, MONDAY_10);
    const during = at(paused, { activeMsSinceBreak: 50 * MINUTE, quietMs: MINUTE });
    assert.deepEqual([during.phase, during.promptNow, during.msUntilResume], ['paused', false, HOUR]);
    assert.equal(
      at(paused, { nowWallMs: MONDAY_10 + HOUR, activeMsSinceBreak: 50 * MINUTE, quietMs: MINUTE, dueForMs: 0 }).promptNow,
      true,
      'the pause ran out',
    );
    const forever = pauseReminders(INITIAL_REMINDER_STATE, null, MONDAY_10);
    assert.equal(at(forever, { nowWallMs: MONDAY_10 + 100 * HOUR, activeMsSinceBreak: 50 * MINUTE }).phase, 'paused');
    assert.equal(at(resumeReminders(forever), { activeMsSinceBreak: 50 * MINUTE, quietMs: MINUTE, dueForMs: 0 }).promptNow, true);
  });

  it('stays silent outside working hours, including hours that cross midnight', () => {
    const hours = { startMinutes: 9 * 60, endMinutes: 18 * 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const };
    const s = { ...settings, workingHours: [{ ...hours, days: [...hours.days] }] };
    assert.equal(at(INITIAL_REMINDER_STATE, { activeMsSinceBreak: 50 * MINUTE, quietMs: MINUTE }, s).phase, 'due');
    assert.equal(
      at(INITIAL_REMINDER_STATE, { nowWallMs: Date.UTC(2026, 2, 2, 19, 0), activeMsSinceBreak: 50 * MINUTE, quietMs: MINUTE }, s).phase,
      'outsideHours',
    );
    assert.equal(
      at(INITIAL_REMINDER_STATE, { nowWallMs: Date.UTC(2026, 2, 7, 10, 0), activeMsSinceBreak: 50 * MINUTE }, s).phase,
      'outsideHours',
      'Saturday',
    );
    const night = { startMinutes: 22 * 60, endMinutes: 6 * 60, days: ['mon'] as 'mon'[] };
    assert.ok(insideWorkingHours(night, Date.UTC(2026, 2, 2, 23, 0), calendar), 'Monday 23:00');
    assert.ok(insideWorkingHours(night, Date.UTC(2026, 2, 3, 2, 0), calendar), 'the small hours after Monday');
    assert.ok(!insideWorkingHours(night, Date.UTC(2026, 2, 3, 23, 0), calendar), 'Tuesday 23:00');
  });

  it('offers the full routine on its days after two active hours, once that day', () => {
    const tired = { activeMsSinceBreak: 31 * MINUTE, todayActiveMs: 2 * HOUR + MINUTE };
    assert.equal(at(INITIAL_REMINDER_STATE, tired).routineId, FULL_ROUTINE_ID);
    assert.equal(at({ ...INITIAL_REMINDER_STATE, fullRoutineOfferedDay: '2026-03-02' }, tired).routineId, 'posture-reset', 'once a day');
    assert.equal(
      at(INITIAL_REMINDER_STATE, { ...tired, nowWallMs: Date.UTC(2026, 2, 3, 10, 0) }).routineId,
      'posture-reset',
      'not on a Tuesday',
    );
    assert.equal(at(INITIAL_REMINDER_STATE, { ...tired, todayActiveMs: HOUR }).routineId, 'posture-reset', 'not before two hours');
  });

  it('knows weekdays, and pauses "until tomorrow" to 06:00 or the next start of working hours', () => {
    assert.deepEqual(['2026-03-01', '2026-03-02', '2026-03-07'].map(weekdayOf), ['sun', 'mon', 'sat']);
    assert.equal(tomorrowMorning(MONDAY_10, calendar, null), Date.UTC(2026, 2, 3, 6, 0));
    const hours = {
      startMinutes: 8 * 60 + 30,
      endMinutes: 17 * 60,
      days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
    };
    assert.equal(tomorrowMorning(Date.UTC(2026, 2, 6, 15, 0), calendar, [hours]), Date.UTC(2026, 2, 9, 8, 30), 'Friday → Monday 08:30');
    // Chosen in the small hours, tomorrow is the coming morning, not the one a day later.
    assert.equal(tomorrowMorning(Date.UTC(2026, 2, 3, 0, 30), calendar, null), Date.UTC(2026, 2, 3, 6, 0), 'Tuesday 00:30 → Tuesday 06:00');
    assert.equal(
      tomorrowMorning(Date.UTC(2026, 2, 3, 3, 59), calendar, [hours]),
      Date.UTC(2026, 2, 3, 8, 30),
      'Tuesday 03:59 → Tuesday 08:30',
    );
    assert.equal(
      tomorrowMorning(Date.UTC(2026, 2, 7, 1, 0), calendar, [hours]),
      Date.UTC(2026, 2, 9, 8, 30),
      'Saturday 01:00 → Monday 08:30',
    );
    assert.equal(
      tomorrowMorning(Date.UTC(2026, 2, 3, 4, 0), calendar, null),
      Date.UTC(2026, 2, 4, 6, 0),
      'Tuesday 04:00 → Wednesday 06:00',
    );
  });
});

describe('reminders on the days the clocks change', () => {
  const allWeek = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
  const nineToSix = { startMinutes: 9 * 60, endMinutes: 18 * 60, days: [...allWeek] };
  // 2026: New York moves its clocks on 8 March and 1 November at 02:00; Berlin on 29 March at 02:00 and 25 October at 03:00.
  const zones = [
    { zone: 'America/New_York', spring: '2026-03-08', autumn: '2026-11-01', summerOffset: -4, winterOffset: -5 },
    { zone: 'Europe/Berlin', spring: '2026-03-29', autumn: '2026-10-25', summerOffset: 2, winterOffset: 1 },
  ];
  /** The moment the clock of a zone with offset `offsetHours` reads `hh:mm` on `day`. */
  const local = (day: string, hh: number, mm: number, offsetHours: number): number =>
    Date.parse(`${day}T00:00:00Z`) + (hh * 60 + mm - offsetHours * 60) * MINUTE;
  const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 24 * HOUR).toISOString().slice(0, 10);

  for (const { zone, spring, autumn, summerOffset, winterOffset } of zones) {
    const calendar = zoneCalendar(zone);

    it(`${zone}: working hours follow the clock on the wall when it moves forward and back`, () => {
      for (const [day, offset] of [
        [spring, summerOffset],
        [autumn, winterOffset],
      ] as const) {
        assert.ok(insideWorkingHours(nineToSix, local(day, 9, 0, offset), calendar), `${day} 09:00 is inside`);
        assert.ok(!insideWorkingHours(nineToSix, local(day, 8, 30, offset), calendar), `${day} 08:30 is outside`);
        assert.ok(insideWorkingHours(nineToSix, local(day, 17, 59, offset), calendar), `${day} 17:59 is inside`);
        assert.ok(!insideWorkingHours(nineToSix, local(day, 18, 30, offset), calendar), `${day} 18:30 is outside`);
      }
    });

    it(`${zone}: "until tomorrow" ends at 06:00 or the start of working hours on the clock, when the clock moved in the night`, () => {
      for (const [day, before, after] of [
        [spring, winterOffset, summerOffset],
        [autumn, summerOffset, winterOffset],
      ] as const) {
        const evening = local(dayBefore(day), 21, 0, before);
        assert.equal(tomorrowMorning(evening, calendar, null), local(day, 6, 0, after), `${day} 06:00`);
        assert.equal(tomorrowMorning(evening, calendar, [nineToSix]), local(day, 9, 0, after), `${day} 09:00`);
      }
    });

    it(`${zone}: a start in the hour that is skipped is the moment the clock jumps; in the hour that repeats, its first time`, () => {
      const skipped = { ...nineToSix, startMinutes: 2 * 60 + 30 };
      // In both zones the clock jumps from 02:00 winter time to 03:00 summer time.
      assert.equal(tomorrowMorning(local(dayBefore(spring), 21, 0, winterOffset), calendar, [skipped]), local(spring, 3, 0, summerOffset));
      const late = { ...nineToSix, startMinutes: 23 * 60 + 30 };
      assert.equal(tomorrowMorning(local(dayBefore(spring), 21, 0, winterOffset), calendar, [late]), local(spring, 23, 30, summerOffset));
      // The hour before the clocks go back happens twice: the first time, still in summer time.
      const repeated = { ...nineToSix, startMinutes: zone === 'Europe/Berlin' ? 2 * 60 + 30 : 60 + 30 };
      assert.equal(
        tomorrowMorning(local(dayBefore(autumn), 21, 0, summerOffset), calendar, [repeated]),
        local(autumn, zone === 'Europe/Berlin' ? 2 : 1, 30, summerOffset),
      );
    });
  }
});
