import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { eventually, getApi } from './helpers';

/** Wrong in every way a person could get them wrong. */
const BAD_SETTINGS: Record<string, unknown> = {
  breakIntervalMinutes: -5,
  idleThresholdSeconds: 'soon',
  naturalBreakMinutes: 1e9,
  typingPauseSeconds: null,
  reminderStyle: 'siren',
  snoozeMinutes: 2.5,
  maxConsecutiveSnoozes: [3],
  defaultRoutine: 'no-such-routine',
  equipment: ['band', 'laser'],
  workingHours: { enabled: true, start: '25:00', end: '18:00', days: ['someday'] },
  fullRoutineDays: 'mon',
  'statusBar.display': { what: 'everything' },
  sound: 'loud',
  customRoutines: [{ id: 'mine', name: 'Mine', steps: ['no-such-move', { exercise: 'chin-tuck', reps: -3 }] }, { name: 'no id' }],
};

const KEYS = [
  'breakIntervalMinutes',
  'idleThresholdSeconds',
  'naturalBreakMinutes',
  'typingPauseSeconds',
  'reminderStyle',
  'snoozeMinutes',
  'maxConsecutiveSnoozes',
  'defaultRoutine',
  'equipment',
  'workingHours',
  'fullRoutineDays',
  'statusBar.display',
  'sound',
  'customRoutines',
];

describe('settings typed wrong, in the real host', () => {
  let api: UprightTestApi;
  let settingsFile: string;

  before(async () => {
    api = await getApi();
    const userData = process.env.UPRIGHT_USER_DATA_DIR;
    assert.ok(userData, 'the runner names the profile folder');
    settingsFile = path.join(userData, 'User', 'settings.json');
  });

  after(async () => {
    for (const key of KEYS) await vscode.workspace.getConfiguration('upright').update(key, undefined, vscode.ConfigurationTarget.Global);
    await eventually(
      () => api.settings().breakIntervalMinutes === 30 && api.settings().customRoutines.length === 0,
      'the settings are back',
    );
  });

  it('uses a safe value for each, warns once per setting, and never writes the settings file', async () => {
    // Through VS Code, as the Settings editor saves them (VS Code checks no types: any JSON goes in).
    for (const [key, value] of Object.entries(BAD_SETTINGS))
      await vscode.workspace.getConfiguration('upright').update(key, value, vscode.ConfigurationTarget.Global);
    await eventually(
      () => api.settings().customRoutines.length === 1 && api.warnings().some((w) => w.includes('upright.customRoutines')),
      'Upright read its settings',
    );
    const written = fs.readFileSync(settingsFile, 'utf8');
    const writtenAt = fs.statSync(settingsFile).mtimeMs;

    const s = api.settings();
    assert.deepEqual(
      [
        s.breakIntervalMinutes,
        s.idleThresholdSeconds,
        s.naturalBreakMinutes,
        s.typingPauseSeconds,
        s.reminderStyle,
        s.snoozeMinutes,
        s.maxConsecutiveSnoozes,
        s.defaultRoutine,
        s.equipment,
        s.fullRoutineDays,
        s.statusBarDisplay,
        s.sound,
      ],
      [1, 180, 120, 15, 'notification', 3, 3, 'posture-reset', ['band'], ['mon', 'wed', 'fri'], 'session', false],
    );
    // No day it can read: the default days, rather than hours that never come.
    assert.deepEqual(s.workingHours, [{ startMinutes: 9 * 60, endMinutes: 18 * 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }]);
    assert.deepEqual(
      s.customRoutines.map((r) => r.id),
      ['mine'],
    );

    const warnings = api.warnings();
    for (const key of KEYS) {
      const about = warnings.filter((w) => w.startsWith(`Setting upright.${key}:`) || w.startsWith(`Setting upright.${key}.`));
      assert.ok(about.length >= 1, `a warning names upright.${key}`);
      assert.ok(
        about.every((w) => /using|skipped/.test(w) && !w.includes('\n') && w.length < 300),
        about.join('\n'),
      );
    }
    assert.equal(new Set(warnings).size, warnings.length, 'no warning is given twice');

    // Upright reads its settings again on every change and on its timers: still nothing written, nothing new said.
    const count = warnings.length;
    api.refresh();
    await vscode.commands.executeCommand('upright.showStats');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(fs.readFileSync(settingsFile, 'utf8'), written, 'the settings file is as the person left it');
    assert.equal(fs.statSync(settingsFile).mtimeMs, writtenAt);
    assert.equal(api.warnings().length, count);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
