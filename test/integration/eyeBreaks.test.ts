import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { eventually, getApi, MINUTE, openScratchEditor, resetSession, SECOND, typeFor, typeOnce } from './helpers';

const config = () => vscode.workspace.getConfiguration('upright');

describe('eye breaks in the real host', function () {
  this.timeout(120_000);
  let api: UprightTestApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
    await config().update('breakIntervalMinutes', 60, vscode.ConfigurationTarget.Global);
    await config().update('eyeBreaks', { enabled: true, everyMinutes: 20, seconds: 20 }, vscode.ConfigurationTarget.Global);
    await eventually(() => api.settings().eyeBreaks.enabled && api.settings().breakIntervalMinutes === 60, 'the settings are read');
  });

  beforeEach(async () => {
    api.resumeReminders();
    await resetSession(api, editor);
  });

  after(async () => {
    api.resumeReminders();
    api.setFocused(undefined);
    await config().update('eyeBreaks', undefined, vscode.ConfigurationTarget.Global);
    await config().update('breakIntervalMinutes', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Host-clock time with no activity, the eye break's own timer looking every second. */
  function lookAway(ms: number): ReturnType<UprightTestApi['eyes']> {
    for (let left = ms; left > 0; left -= SECOND) {
      api.clock.advance(Math.min(SECOND, left));
      api.eyes();
    }
    return api.eyes();
  }

  it('after twenty minutes of coding the status bar counts down; typing starts it again; at zero it counts', async () => {
    const taken = api.ledger().todayEyeBreaks;
    const lastBreak = api.ledger().lastBreak;
    await typeFor(api, editor, 19 * MINUTE);
    assert.equal(api.eyes().state?.phase, 'counting');
    assert.equal(api.eyes().wakeUps, 0, 'no timer of its own while it is a minute or more of coding away');
    await typeFor(api, editor, MINUTE + 10 * SECOND);
    let eyes = api.eyes().state;
    assert.equal(eyes?.phase, 'due', JSON.stringify(eyes));
    assert.equal(eyes?.secondsLeft, 20);
    assert.equal(eyes?.text, '$(eye) Look far away: 20 s');
    eyes = lookAway(8 * SECOND).state;
    assert.equal(eyes?.secondsLeft, 12, 'eight seconds looked away');
    await typeOnce(editor);
    assert.equal(api.eyes().state?.secondsLeft, 20, 'a keystroke starts the count again');
    assert.equal(api.ledger().todayEyeBreaks, taken);
    eyes = lookAway(20 * SECOND).state;
    assert.equal(eyes?.phase, 'rested');
    assert.equal(eyes?.text, '$(eye) Eyes rested');
    assert.equal(api.ledger().todayEyeBreaks, taken + 1, 'counted in the shared ledger');
    assert.equal(api.ledger().activeMsSinceEyeRest, 0);
    assert.deepEqual(api.ledger().lastBreak, lastBreak, 'no posture break');
    assert.ok(api.snapshot().activeMsSinceBreak >= 20 * MINUTE, 'the posture session goes on');
    lookAway(4 * SECOND);
    assert.equal(api.eyes().state?.phase, 'counting', 'the next is an interval away');
    assert.equal(api.eyes().state?.text, '$(eye) Eyes rested', 'the item is hidden, its last text kept');
  });

  it('never within five minutes of a posture break, nor while one is due', async () => {
    await config().update('breakIntervalMinutes', 24, vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => api.settings().breakIntervalMinutes === 24, 'the interval is read');
      await typeFor(api, editor, 20 * MINUTE + 30 * SECOND);
      assert.equal(api.eyes().state?.phase, 'held', 'the posture break is four minutes away');
      await typeFor(api, editor, 4 * MINUTE);
      assert.equal(api.reminder().view?.phase, 'due');
      assert.equal(api.eyes().state?.phase, 'held', 'a posture break due rests the eyes too');
      await vscode.commands.executeCommand('upright.logBreak');
      assert.equal(api.ledger().activeMsSinceEyeRest, 0, 'the break starts the eye interval again');
    } finally {
      await config().update('breakIntervalMinutes', 60, vscode.ConfigurationTarget.Global);
      await eventually(() => api.settings().breakIntervalMinutes === 60, 'the interval is back');
    }
  });

  it('is held by a pause, and comes at the next look after it ends', async () => {
    api.pauseReminders(null);
    await typeFor(api, editor, 21 * MINUTE);
    assert.equal(api.eyes().state?.phase, 'held');
    api.resumeReminders();
    assert.equal(api.eyes().state?.phase, 'due');
  });

  it('shows only in the focused window', async () => {
    await typeFor(api, editor, 21 * MINUTE);
    assert.equal(api.eyes().state?.phase, 'due');
    api.setFocused(false);
    assert.equal(api.eyes().state?.phase, 'held');
    api.setFocused(true);
    assert.equal(api.eyes().state?.phase, 'due');
  });

  it('a click skips it: nothing counted, the next an interval away', async () => {
    const taken = api.ledger().todayEyeBreaks;
    await typeFor(api, editor, 21 * MINUTE);
    assert.equal(api.eyes().state?.phase, 'due');
    await vscode.commands.executeCommand('upright.skipEyeBreak');
    assert.equal(api.eyes().state?.phase, 'counting');
    assert.equal(api.ledger().todayEyeBreaks, taken);
    assert.equal(api.ledger().activeMsSinceEyeRest, 0);
  });

  it('the walkthrough’s button turns them off and on, keeping how often and how long', async () => {
    await config().update('eyeBreaks', { enabled: true, everyMinutes: 25, seconds: 30 }, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('upright.setEyeBreaks', false);
      await eventually(() => !api.settings().eyeBreaks.enabled, 'turned off');
      assert.deepEqual(config().get('eyeBreaks'), { enabled: false, everyMinutes: 25, seconds: 30 });
      await typeFor(api, editor, 30 * MINUTE);
      assert.equal(api.eyes().state?.phase, 'off');
      await vscode.commands.executeCommand('upright.setEyeBreaks', true);
      await eventually(() => api.settings().eyeBreaks.enabled, 'turned on');
      assert.equal(api.eyes().state?.phase, 'due');
    } finally {
      await config().update('eyeBreaks', { enabled: true, everyMinutes: 20, seconds: 20 }, vscode.ConfigurationTarget.Global);
    }
  });
});
