import * as assert from 'node:assert/strict';

import {
  DEFAULT_SETTINGS,
  describeValue,
  readSettings,
  SETTING_SPECS,
  type SettingProblem,
  settingsEqual,
  trackerSettingsOf,
} from '../../src/core/settings';
import { describeProblem } from '../../src/host/settingsDetail';
import { parseSettings } from '../support/settings';

function parse(values: Record<string, unknown>) {
  return parseSettings((key) => values[key]);
}

describe('settings', () => {
  it('uses the defaults when nothing is set, without a warning', () => {
    const { settings, problems } = parse({});
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('accepts values in range', () => {
    const { settings, problems } = parse({
      idleThresholdSeconds: 60,
      naturalBreakMinutes: 10,
      'statusBar.display': 'today',
      equipment: ['dumbbells', 'band'],
    });
    assert.deepEqual(settings, {
      ...DEFAULT_SETTINGS,
      idleThresholdSeconds: 60,
      naturalBreakMinutes: 10,
      statusBarDisplay: 'today',
      equipment: ['band', 'dumbbells'],
    });
    assert.deepEqual(problems, []);
  });

  it('clamps out-of-range numbers and names the setting and the value used', () => {
    const { settings, problems } = parse({ idleThresholdSeconds: 5, naturalBreakMinutes: 500 });
    assert.equal(settings.idleThresholdSeconds, 30);
    assert.equal(settings.naturalBreakMinutes, 120);
    assert.deepEqual(
      problems.map((p) => [p.setting, p.found, p.used, p.reason]),
      [
        ['upright.idleThresholdSeconds', '5', '30', 'outOfRange'],
        ['upright.naturalBreakMinutes', '500', '120', 'outOfRange'],
      ],
    );
  });

  it('defaults values of the wrong type, never throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of ['soon', Number.NaN, Number.POSITIVE_INFINITY, null, true, [], { a: 1 }, cyclic, () => 1, Symbol('x'), 10n]) {
      const { settings, problems } = parse({ idleThresholdSeconds: bad });
      assert.equal(settings.idleThresholdSeconds, 180);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.reason, 'notANumber');
    }
  });

  it('accepts a number written as a string and rounds fractions', () => {
    assert.equal(parse({ idleThresholdSeconds: '90' }).settings.idleThresholdSeconds, 90);
    assert.equal(parse({ idleThresholdSeconds: 90.4 }).settings.idleThresholdSeconds, 90);
  });

  it('keeps the natural break at least as long as the idle threshold', () => {
    const { settings, problems } = parse({ idleThresholdSeconds: 600, naturalBreakMinutes: 2 });
    assert.equal(settings.naturalBreakMinutes, 10);
    assert.equal(problems[0]?.reason, 'belowIdleThreshold');
  });

  it('defaults an unknown status-bar display', () => {
    const { settings, problems } = parse({ 'statusBar.display': 'everything' });
    assert.equal(settings.statusBarDisplay, 'session');
    assert.equal(problems[0]?.setting, 'upright.statusBar.display');
    assert.equal(problems[0]?.found, '"everything"');
  });

  it('survives a reader that throws', () => {
    const { settings } = parseSettings(() => {
      throw new Error('boom');
    });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
  });

  it('shortens huge values in messages to one line', () => {
    const text = describeValue('x'.repeat(10_000) + '\n');
    assert.ok(text.length <= 60);
    assert.ok(!text.includes('\n'));
  });

  it('compares snapshots by value and converts to tracker units', () => {
    assert.ok(settingsEqual(parse({}).settings, DEFAULT_SETTINGS));
    assert.ok(!settingsEqual(parse({ naturalBreakMinutes: 9 }).settings, DEFAULT_SETTINGS));
    assert.deepEqual(trackerSettingsOf(DEFAULT_SETTINGS), { idleThresholdMs: 180_000, naturalBreakMs: 300_000 });
  });
});

describe('reminder settings', () => {
  const read = (values: Record<string, unknown>) => parseSettings((key) => values[key]);

  it('reads the defaults of the design', () => {
    const { settings, problems } = read({});
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [
        settings.breakIntervalMinutes,
        settings.typingPauseSeconds,
        settings.snoozeMinutes,
        settings.maxConsecutiveSnoozes,
        settings.reminderStyle,
        settings.fullRoutineDays,
        settings.workingHours,
      ],
      [30, 15, 5, 3, 'notification', ['mon', 'wed', 'fri'], null],
    );
  });

  it('clamps the numbers, defaults an unknown style, and drops unknown days, each with a problem', () => {
    const { settings, problems } = read({
      breakIntervalMinutes: 0,
      typingPauseSeconds: 500,
      snoozeMinutes: 'soon',
      maxConsecutiveSnoozes: 11,
      reminderStyle: 'popup',
      fullRoutineDays: ['mon', 'funday'],
    });
    assert.deepEqual(
      [
        settings.breakIntervalMinutes,
        settings.typingPauseSeconds,
        settings.snoozeMinutes,
        settings.maxConsecutiveSnoozes,
        settings.reminderStyle,
      ],
      [1, 120, 5, 10, 'notification'],
    );
    assert.deepEqual(settings.fullRoutineDays, ['mon']);
    assert.deepEqual(problems.map((p) => p.setting).sort(), [
      'upright.breakIntervalMinutes',
      'upright.fullRoutineDays',
      'upright.maxConsecutiveSnoozes',
      'upright.reminderStyle',
      'upright.snoozeMinutes',
      'upright.typingPauseSeconds',
    ]);
  });

  it('reads working hours when enabled, and repairs a bad time with a warning', () => {
    assert.equal(read({ workingHours: { enabled: false, start: '07:00' } }).settings.workingHours, null);
    const on = read({ workingHours: { enabled: true, start: '8:30', end: '17:15', days: ['mon', 'tue'] } });
    assert.deepEqual(on.settings.workingHours, [{ startMinutes: 510, endMinutes: 1035, days: ['mon', 'tue'] }]);
    const bad = read({ workingHours: { enabled: true, start: '25:00' } });
    assert.equal(bad.settings.workingHours?.[0]?.startMinutes, 9 * 60);
    assert.match(bad.problems[0]?.found ?? '', /start "25:00"/);
    assert.equal(read({ workingHours: 'always' }).settings.workingHours, null);
  });

  it('never accepts working hours that no moment is inside: the whole day, or the working days, with one warning each', () => {
    const summary = (problems: readonly SettingProblem[]) => problems.map((p) => [p.setting, p.found, p.used]);
    const same = read({ workingHours: { enabled: true, start: '09:00', end: '9:00', days: ['mon'] } });
    assert.deepEqual(same.settings.workingHours, [{ startMinutes: 0, endMinutes: 24 * 60, days: ['mon'] }]);
    assert.deepEqual(summary(same.problems), [['upright.workingHours', 'start "09:00", end "9:00"', '00:00–24:00']]);
    const noDays = read({ workingHours: { enabled: true, start: '09:00', end: '18:00', days: [] } });
    assert.deepEqual(noDays.settings.workingHours?.[0]?.days, ['mon', 'tue', 'wed', 'thu', 'fri']);
    assert.deepEqual(summary(noDays.problems), [['upright.workingHours', 'days []', '["mon","tue","wed","thu","fri"]']]);
    const unknownDays = read({ workingHours: { enabled: true, days: ['monday', 'Tue'] } });
    assert.deepEqual(unknownDays.settings.workingHours?.[0]?.days, ['mon', 'tue', 'wed', 'thu', 'fri']);
    assert.deepEqual(
      summary(unknownDays.problems),
      [['upright.workingHours.days', '["monday","Tue"]', '["mon","tue","wed","thu","fri"]']],
      'one warning, with the days really used',
    );
    // Checked while off too, as the times are, so the mistake is known before the hours are switched on.
    assert.equal(read({ workingHours: { enabled: false, start: '10:00', end: '10:00' } }).problems.length, 1);
    for (const problem of [...same.problems, ...noDays.problems])
      assert.match(describeProblem(problem), /^Setting upright\.workingHours: .+; using .+\.$/);
  });
});

describe('working hours as a list, and quiet times', () => {
  const read = (values: Record<string, unknown>) => parseSettings((key) => values[key]);
  const summary = (problems: readonly SettingProblem[]) => problems.map((p) => [p.setting, p.found, p.used, p.reason]);
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
  const everyDay = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

  it('reads the default of every setting, as VS Code gives it, without the code for the rest', () => {
    const manifestDefaults: Record<string, unknown> = {
      ...Object.fromEntries(Object.values(SETTING_SPECS).map((spec) => [spec.key, spec.defaultValue])),
      'statusBar.display': 'session',
      equipment: ['band'],
      customRoutines: [],
      defaultRoutine: 'posture-reset',
      sound: false,
      reminderStyle: 'notification',
      fullRoutineDays: ['mon', 'wed', 'fri'],
      workingHours: { enabled: false, start: '09:00', end: '18:00', days: weekdays },
      quietTimes: [],
    };
    let loaded = 0;
    const full = () => {
      loaded++;
      return { parseSettings: () => assert.fail('not needed') };
    };
    assert.deepEqual(
      readSettings((key) => manifestDefaults[key], full),
      { settings: DEFAULT_SETTINGS, problems: [] },
    );
    const good: Record<string, unknown> = {
      ...manifestDefaults,
      breakIntervalMinutes: 45,
      equipment: ['dumbbells', 'band'],
      fullRoutineDays: [],
    };
    const { settings } = readSettings((key) => good[key], full);
    assert.deepEqual([settings.breakIntervalMinutes, settings.equipment, settings.fullRoutineDays], [45, ['band', 'dumbbells'], []]);
    assert.equal(loaded, 0, 'plainly good values need nothing more');
  });

  it('reads a list of working hours, each range on unless it says otherwise, and an empty list as off', () => {
    const { settings, problems } = read({
      workingHours: [
        { start: '08:00', end: '12:00', days: ['mon', 'tue'] },
        { enabled: true, start: '13:00', end: '17:30' },
        { enabled: false, start: '19:00', end: '21:00', days: ['sun'] },
      ],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.workingHours, [
      { startMinutes: 480, endMinutes: 720, days: ['mon', 'tue'] },
      { startMinutes: 780, endMinutes: 1050, days: weekdays },
    ]);
    assert.equal(read({ workingHours: [] }).settings.workingHours, null);
    assert.equal(read({ workingHours: [{ enabled: false }] }).settings.workingHours, null);
  });

  it('reads quiet times, a slot without days being every day, across midnight too', () => {
    const { settings, problems } = read({
      quietTimes: [
        { start: '10:00', end: '10:15', days: ['fri', 'mon'] },
        { start: '23:30', end: '00:30', sitting: true },
      ],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.quietTimes, [
      { startMinutes: 600, endMinutes: 615, days: ['mon', 'fri'], sitting: false },
      { startMinutes: 1410, endMinutes: 30, days: everyDay, sitting: true },
    ]);
  });

  it('gives a list with bad entries the slots it can use and one warning that names the setting, the first problem and how many more', () => {
    const { settings, problems } = read({
      quietTimes: [
        { start: '25:99', end: '10:00' },
        { start: '11:00', end: '11:00' },
        'noon',
        { start: ' 12:00', end: '12:30', days: ['Mon', 'tue'], sitting: 'yes' },
        { start: '14:00', end: '15:00', days: [] },
      ],
    });
    assert.deepEqual(settings.quietTimes, [{ startMinutes: 720, endMinutes: 750, days: ['tue'], sitting: false }]);
    assert.deepEqual(summary(problems), [['upright.quietTimes', 'entry 1: start "25:99" (and 6 more)', '12:00–12:30 tue', 'mended']]);
    assert.equal(describeProblem(problems[0]!), 'Setting upright.quietTimes: entry 1: start "25:99" (and 6 more); using 12:00–12:30 tue.');
    assert.deepEqual(summary(read({ quietTimes: 'standup' }).problems), [['upright.quietTimes', '"standup"', '[]', 'notAllowed']]);
    const lunch = read({ quietTimes: [{ start: '12:00', end: '13:00', sitting: 1 }] });
    assert.deepEqual(summary(lunch.problems), [['upright.quietTimes', 'entry 1: sitting 1', '12:00–13:00', 'mended']], 'every day');
    const allDay = read({ workingHours: [{ end: '09:00', days: ['sun'] }] });
    assert.deepEqual(summary(allDay.problems), [
      ['upright.workingHours', 'entry 1: from "09:00" to the same time', '00:00–24:00 sun', 'mended'],
    ]);
  });

  it('joins overlapping quiet times, sitting winning where they overlap, with one warning', () => {
    const { settings, problems } = read({
      quietTimes: [
        { start: '10:00', end: '10:30', days: ['mon'] },
        { start: '10:15', end: '11:00', days: ['mon', 'tue'], sitting: true },
      ],
    });
    assert.deepEqual(settings.quietTimes, [
      { startMinutes: 600, endMinutes: 615, days: ['mon'], sitting: false },
      { startMinutes: 615, endMinutes: 660, days: ['mon'], sitting: true },
      { startMinutes: 615, endMinutes: 660, days: ['tue'], sitting: true },
    ]);
    assert.deepEqual(summary(problems), [
      ['upright.quietTimes', 'entries 1 and 2 overlap', '10:00–10:15 mon; 10:15–11:00 mon sitting; 10:15–11:00 tue sitting', 'mended'],
    ]);
  });

  it('reads the first 50 entries of a list of thousands, with one warning', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      start: `${String(i % 24).padStart(2, '0')}:00`,
      end: `${String(i % 24).padStart(2, '0')}:30`,
      days: [everyDay[Math.floor(i / 24) % 7]],
    }));
    const quiet = read({ quietTimes: many });
    assert.equal(quiet.settings.quietTimes.length, 50);
    assert.deepEqual(
      quiet.problems.map((p) => [p.setting, p.found]),
      [['upright.quietTimes', '5000 entries, more than 50']],
    );
    const hours = read({ workingHours: many });
    assert.equal(hours.settings.workingHours?.length, 50);
    assert.deepEqual(
      hours.problems.map((p) => [p.setting, p.found]),
      [['upright.workingHours', '5000 entries, more than 50']],
    );
  });

  it('mends working hours in a list as the single range is mended, and reports overlaps, with one warning', () => {
    const { settings, problems } = read({
      workingHours: [
        { start: '09:00', end: '09:00', days: ['sat'] },
        { start: '08:00', end: '12:00', days: [] },
        { start: '11:00', end: '13:00', enabled: 'yes' },
        { start: '7pm', end: '22:00' },
      ],
    });
    assert.deepEqual(settings.workingHours, [
      { startMinutes: 0, endMinutes: 1440, days: ['sat'] },
      { startMinutes: 480, endMinutes: 720, days: weekdays },
      { startMinutes: 660, endMinutes: 780, days: weekdays },
    ]);
    assert.deepEqual(summary(problems), [
      [
        'upright.workingHours',
        'entry 1: from "09:00" to the same time (and 4 more)',
        '00:00–24:00 sat; 08:00–12:00 mon,tue,wed,thu,fri; 11:00–13:00 mon,tue,wed,thu,fri',
        'mended',
      ],
    ]);
  });
});
