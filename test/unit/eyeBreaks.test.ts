import * as assert from 'node:assert/strict';

import { eyeBreakView, type EyeInput, POSTURE_BREAK_NEAR_MS } from '../../src/core/eyeBreaks';
import { applyOps, emptyLedger, eyeRested, type MutableLedger, readLedger, todayRecord } from '../../src/core/ledger';
import { type ReminderView } from '../../src/core/reminders/scheduler';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { parseSettings } from '../support/settings';

const SECOND = 1_000;
const MINUTE = 60_000;
const ON = { enabled: true, everyMinutes: 20, seconds: 20 };
/** Posture reminders counting, the next break far away. */
const FAR: Pick<ReminderView, 'phase' | 'msUntilDue'> = { phase: 'counting', msUntilDue: 25 * MINUTE };

function input(over: Partial<EyeInput> = {}): EyeInput {
  return { activeMsSinceEyeRest: 20 * MINUTE, reminder: FAR, quietMs: 0, dueForMs: 0, inUse: true, ...over };
}

describe('eye breaks: when the countdown shows', () => {
  it('is off by default, and nothing is looked at when off', () => {
    assert.equal(DEFAULT_SETTINGS.eyeBreaks.enabled, false);
    const view = eyeBreakView(DEFAULT_SETTINGS.eyeBreaks, input({ activeMsSinceEyeRest: 3 * 60 * MINUTE }));
    assert.equal(view.phase, 'off');
    assert.equal(view.wakeInMs, null, 'no timer');
  });

  it('counts coding towards the next one, with no timer until it is near', () => {
    const view = eyeBreakView(ON, input({ activeMsSinceEyeRest: 5 * MINUTE }));
    assert.equal(view.phase, 'counting');
    assert.equal(view.msUntilDue, 15 * MINUTE);
    assert.ok(
      view.wakeInMs !== null && view.wakeInMs >= 60_000,
      'the host sets timers under a minute only: the minute refresh covers this',
    );
    const near = eyeBreakView(ON, input({ activeMsSinceEyeRest: 20 * MINUTE - 300 }));
    assert.equal(near.phase, 'counting');
    assert.equal(near.wakeInMs, SECOND, 'a little left is looked at again a second later at the most often');
  });

  it('is due after `everyMinutes` of coding and counts down while the person does not type', () => {
    const due = eyeBreakView(ON, input({ quietMs: 0, dueForMs: 0 }));
    assert.equal(due.phase, 'due');
    assert.equal(due.secondsLeft, 20);
    const later = eyeBreakView(ON, input({ quietMs: 7_400, dueForMs: 7_400 }));
    assert.equal(later.phase, 'due');
    assert.equal(later.secondsLeft, 13);
    assert.equal(later.wakeInMs, 600, 'woken at the next whole second of the count');
    const done = eyeBreakView(ON, input({ quietMs: 20 * SECOND, dueForMs: 25 * SECOND }));
    assert.equal(done.phase, 'done');
    assert.equal(done.secondsLeft, 0);
  });

  it('starts the count again at every keystroke, and quiet before it fell due does not count', () => {
    const typed = eyeBreakView(ON, input({ quietMs: 400, dueForMs: 15 * SECOND }));
    assert.equal(typed.secondsLeft, 20, 'typing a moment ago: the whole count again');
    const quietBefore = eyeBreakView(ON, input({ quietMs: 10 * MINUTE, dueForMs: 2 * SECOND }));
    assert.equal(quietBefore.phase, 'due');
    assert.equal(quietBefore.secondsLeft, 18);
  });

  it('never within five minutes of a due posture break, nor while one is due, soon or snoozed', () => {
    for (const phase of ['due', 'soon', 'snoozed'] as const)
      assert.equal(eyeBreakView(ON, input({ reminder: { phase, msUntilDue: 0 } })).phase, 'held', phase);
    assert.equal(eyeBreakView(ON, input({ reminder: { phase: 'counting', msUntilDue: POSTURE_BREAK_NEAR_MS } })).phase, 'held');
    assert.equal(eyeBreakView(ON, input({ reminder: { phase: 'counting', msUntilDue: 2 * MINUTE } })).phase, 'held');
    assert.equal(eyeBreakView(ON, input({ reminder: { phase: 'counting', msUntilDue: POSTURE_BREAK_NEAR_MS + 1 } })).phase, 'due');
  });

  it('is held by a pause, a hold, quiet times and working hours, as reminders are', () => {
    for (const phase of ['paused', 'held', 'quiet', 'outsideHours'] as const)
      assert.equal(eyeBreakView(ON, input({ reminder: { phase, msUntilDue: 25 * MINUTE } })).phase, 'held', phase);
    assert.equal(eyeBreakView(ON, input({ reminder: undefined })).phase, 'held', 'before reminders were looked at');
  });

  it('shows only in the window in use, never during a routine or a move', () => {
    const view = eyeBreakView(ON, input({ inUse: false, quietMs: 30 * SECOND, dueForMs: 30 * SECOND }));
    assert.equal(view.phase, 'held');
    assert.equal(view.wakeInMs, null);
  });

  it('follows its settings: a short interval and a short count', () => {
    const quick = { enabled: true, everyMinutes: 1, seconds: 5 };
    assert.equal(eyeBreakView(quick, input({ activeMsSinceEyeRest: 59 * SECOND })).phase, 'counting');
    assert.equal(eyeBreakView(quick, input({ activeMsSinceEyeRest: MINUTE, quietMs: 4 * SECOND, dueForMs: 4 * SECOND })).secondsLeft, 1);
    assert.equal(eyeBreakView(quick, input({ activeMsSinceEyeRest: MINUTE, quietMs: 5 * SECOND, dueForMs: 5 * SECOND })).phase, 'done');
  });
});

describe('eye breaks in the shared ledger', () => {
  const DAY = '2026-03-02';
  const credit = (ms: number, dayKey = DAY) => ({ type: 'credit' as const, ms, dayKey, endWallMs: Date.UTC(2026, 2, 2, 10) });

  it('coding counts towards the next eye break; a break of any kind starts it again', () => {
    let l = applyOps(emptyLedger(DAY), [credit(5 * MINUTE), credit(2 * MINUTE)]);
    assert.equal(l.activeMsSinceEyeRest, 7 * MINUTE);
    l = applyOps(l, [{ type: 'break', kind: 'manual', atWallMs: Date.UTC(2026, 2, 2, 11), dayKey: DAY }]);
    assert.equal(l.activeMsSinceEyeRest, 0);
  });

  it('an eye break taken is counted on its day; one skipped only starts the interval again', () => {
    const l: MutableLedger = { ...applyOps(emptyLedger(DAY), [credit(21 * MINUTE)]) };
    eyeRested(l, DAY, false);
    assert.equal(l.activeMsSinceEyeRest, 0);
    assert.equal(l.todayEyeBreaks, 0);
    l.activeMsSinceEyeRest = 20 * MINUTE;
    eyeRested(l, DAY, true);
    eyeRested(l, DAY, true);
    assert.equal(l.todayEyeBreaks, 2);
    assert.equal(todayRecord(l).eyeBreaks, 2);
    assert.equal(l.activeMsSinceBreak, 21 * MINUTE, 'an eye break is no posture break');
  });

  it('goes to history with its day, and a late one to the day it was taken', () => {
    const l: MutableLedger = { ...emptyLedger(DAY), todayEyeBreaks: 3, todayActiveMs: MINUTE };
    eyeRested(l, '2026-03-03', true);
    assert.equal(l.dayKey, '2026-03-03');
    assert.equal(l.todayEyeBreaks, 1, 'the new day starts from zero');
    assert.equal(l.closedDays.at(-1)?.record.eyeBreaks, 3);
    eyeRested(l, DAY, true);
    assert.equal(l.todayEyeBreaks, 1);
    assert.equal(
      l.closedDays.filter((d) => d.record.day === DAY).reduce((n, d) => n + d.record.eyeBreaks, 0),
      4,
    );
  });

  it('a ledger written before eye breaks reads as none taken, and a damaged count is rebuilt', () => {
    const { activeMsSinceEyeRest, todayEyeBreaks, ...older } = emptyLedger(DAY);
    assert.equal(activeMsSinceEyeRest + todayEyeBreaks, 0);
    const read = readLedger(older, emptyLedger(DAY));
    assert.deepEqual(read.problems, []);
    assert.equal(read.ledger.activeMsSinceEyeRest, 0);
    assert.equal(read.ledger.todayEyeBreaks, 0);
    const damaged = readLedger({ ...emptyLedger(DAY), todayEyeBreaks: -2, activeMsSinceEyeRest: 'x' }, emptyLedger(DAY));
    assert.deepEqual([...damaged.problems].sort(), ['activeMsSinceEyeRest', 'todayEyeBreaks']);
  });
});

describe('eye breaks: the setting', () => {
  const read = (value: unknown) => parseSettings((key) => (key === 'eyeBreaks' ? value : undefined));

  it('takes what is set and fills in the rest', () => {
    assert.deepEqual(read({ enabled: true }).settings.eyeBreaks, { enabled: true, everyMinutes: 20, seconds: 20 });
    assert.deepEqual(read({ enabled: true, everyMinutes: 30, seconds: 10 }).settings.eyeBreaks, {
      enabled: true,
      everyMinutes: 30,
      seconds: 10,
    });
    assert.deepEqual(read({ enabled: true }).problems, []);
  });

  it('says what is wrong and keeps the rest', () => {
    const clamped = read({ enabled: true, everyMinutes: 0, seconds: 600 });
    assert.deepEqual(clamped.settings.eyeBreaks, { enabled: true, everyMinutes: 1, seconds: 120 });
    assert.deepEqual(
      clamped.problems.map((p) => p.setting),
      ['upright.eyeBreaks.everyMinutes', 'upright.eyeBreaks.seconds'],
    );
    const odd = read({ enabled: 'yes', every: 5 });
    assert.deepEqual(odd.settings.eyeBreaks, DEFAULT_SETTINGS.eyeBreaks);
    assert.deepEqual(
      odd.problems.map((p) => p.setting),
      ['upright.eyeBreaks.enabled', 'upright.eyeBreaks'],
    );
    const wrong = read(true);
    assert.deepEqual(wrong.settings.eyeBreaks, DEFAULT_SETTINGS.eyeBreaks);
    assert.equal(wrong.problems[0]?.setting, 'upright.eyeBreaks');
  });
});
