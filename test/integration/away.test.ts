import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, HOUR, MINUTE, openScratchEditor, resetSession, SECOND, stepAway, typeFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('upright');
const DAY = 24 * HOUR;

describe('time away in the real host: a break, or sitting', function () {
  this.timeout(60_000);
  let api: UprightTestApi;
  let editor: vscode.TextEditor;

  const away = (ms: number): Promise<void> => stepAway(api, editor, ms);

  before(async () => {
    api = await getApi();
    await config().update('breakIntervalMinutes', 20, vscode.ConfigurationTarget.Global);
    editor = await openScratchEditor();
  });

  beforeEach(async () => {
    await config().update('awayTime', undefined, vscode.ConfigurationTarget.Global);
    await resetSession(api, editor);
  });

  after(async () => {
    for (const key of ['breakIntervalMinutes', 'awayTime', 'quietTimes'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    // The suites after this one start at 09:00 local, as the test clock does: the next morning.
    const now = new Date(api.clock.now().wallMs);
    api.clock.advance(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0).getTime() - now.getTime());
    await vscode.commands.executeCommand('upright.logBreak');
  });

  it('asks once at the first activity after an absence, in the status bar and a notification', async () => {
    await typeFor(api, editor, 12 * MINUTE);
    const asked = api.away().questionsShown;
    await away(15 * MINUTE);
    assert.equal(api.away().questionsShown, asked + 1);
    const bar = api.statusBar();
    assert.match(bar.text, /\$\(question\) Away 15m: moved or sat\?/);
    assert.match(bar.accessibilityLabel, /you were away 15 minutes/);
    assert.equal(bar.command, 'upright.answerAway');
    assert.equal(api.ledger().absence?.askedBy, api.windowId, 'claimed in the shared ledger');
    assert.equal(api.snapshot().activeMsSinceBreak, 0, 'until answered, it was a break');
    await typeFor(api, editor, MINUTE);
    assert.equal(api.away().questionsShown, asked + 1, 'asked once');
    // Unanswered, the status bar gives the question up after five minutes; the break stays a break.
    await typeFor(api, editor, 4 * MINUTE + 10 * SECOND);
    assert.match(api.statusBar().text, /^\$\(watch\) \d+m$/);
    assert.equal(api.ledger().absence?.answer, null);
  });

  it('"I sat" makes the break due, and the reminder follows at the next pause', async () => {
    await typeFor(api, editor, 12 * MINUTE);
    await away(15 * MINUTE);
    assert.notEqual(api.reminder().view?.phase, 'due');
    assert.equal(api.answerAway('sat'), true);
    const snapshot = api.snapshot();
    assert.ok(snapshot.deskMsSinceBreak >= 27 * MINUTE, `desk time ${snapshot.deskMsSinceBreak}`);
    assert.ok(snapshot.activeMsSinceBreak < 13 * MINUTE, 'coding time stays coding time');
    assert.doesNotMatch(api.statusBar().text, /moved or sat/, 'the question is gone once answered');
    const due = api.reminder();
    assert.equal(due.view?.phase, 'due');
    api.clock.advance(16 * SECOND); // a pause in the typing
    assert.ok(api.reminder().shownPromptId, 'the reminder goes out at the pause');
    const ledger = api.ledger();
    assert.equal(ledger.todaySitting >= 1, true);
    assert.equal(ledger.absence?.answer, 'sat');
  });

  it('"I moved", or no answer, keeps the break: the session starts again', async () => {
    await typeFor(api, editor, 12 * MINUTE);
    const before = api.ledger().todayBreaks;
    await away(10 * MINUTE);
    assert.equal(api.answerAway('moved'), true);
    assert.equal(api.ledger().todayBreaks.moved, before.moved + 1);
    assert.equal(api.ledger().todayBreaks.natural, before.natural);
    assert.ok(api.snapshot().deskMsSinceBreak < MINUTE);

    await typeFor(api, editor, 12 * MINUTE);
    await away(10 * MINUTE);
    await typeFor(api, editor, 2 * MINUTE);
    assert.equal(api.ledger().todayBreaks.natural, before.natural + 1, 'unanswered: a natural break, as before');
    assert.ok(api.snapshot().deskMsSinceBreak <= 2 * MINUTE);
    // The question expires with the next break, without a trace.
    await vscode.commands.executeCommand('upright.logBreak');
    assert.equal(api.away().answerable, undefined);
    const ledger = api.ledger();
    assert.equal(api.answerAway('sat'), false);
    assert.deepEqual(api.ledger().todayBreaks, ledger.todayBreaks);
    assert.equal(api.ledger().todaySitting, ledger.todaySitting);
  });

  it('learns a weekly meeting: after two "I sat" at the same slot, the third absence is sitting without a question', async () => {
    // Three weeks, the same weekday, leaving at the same time (within a few minutes) for an hour.
    const start = api.clock.now().wallMs;
    const asked = api.away().questionsShown;
    for (let week = 0; week < 2; week++) {
      api.clock.advance(start + week * 7 * DAY + (week === 1 ? 4 * MINUTE : 0) - api.clock.now().wallMs);
      await typeFor(api, editor, 5 * MINUTE);
      await away(HOUR);
      assert.equal(api.away().questionsShown, asked + week + 1);
      assert.equal(api.answerAway('sat'), true);
    }
    api.clock.advance(start + 14 * DAY - 3 * MINUTE - api.clock.now().wallMs);
    await typeFor(api, editor, 5 * MINUTE);
    await away(HOUR);
    assert.equal(api.away().questionsShown, asked + 2, 'no question the third time');
    const absence = api.ledger().absence;
    assert.equal(absence?.answer, 'sat');
    assert.equal(absence?.how, 'learned');
    const bar = api.statusBar();
    assert.match(bar.text, /\$\(history\) Away 1h 00m: sitting/);
    assert.match(bar.accessibilityLabel, /Activate to count it as a break/);
    // One click undoes it.
    assert.equal(bar.command, 'upright.answerAway');
    await vscode.commands.executeCommand(bar.command, ...(bar.commandArguments ?? []));
    assert.equal(api.ledger().absence?.answer, 'moved');
    assert.ok(api.snapshot().deskMsSinceBreak < MINUTE);
    assert.doesNotMatch(api.statusBar().text, /sitting/);
  });

  it('upright.awayTime: break never asks; sitting never asks and counts desk time', async () => {
    const asked = api.away().questionsShown;
    await config().update('awayTime', 'break', vscode.ConfigurationTarget.Global);
    await typeFor(api, editor, 5 * MINUTE);
    await away(10 * MINUTE);
    assert.equal(api.away().questionsShown, asked);
    assert.equal(api.ledger().absence?.answer, null);

    await config().update('awayTime', 'sitting', vscode.ConfigurationTarget.Global);
    await typeFor(api, editor, 5 * MINUTE);
    await away(10 * MINUTE);
    assert.equal(api.away().questionsShown, asked);
    assert.equal(api.ledger().absence?.answer, 'sat');
    assert.equal(api.ledger().absence?.how, 'setting');
    assert.ok(api.snapshot().deskMsSinceBreak >= 15 * MINUTE);
    assert.doesNotMatch(api.statusBar().text, /sitting/, 'a setting needs no word');
  });

  it('time away inside a quiet time marked sitting is sitting, without a question, even with awayTime break', async () => {
    const asked = api.away().questionsShown;
    await config().update('awayTime', 'break', vscode.ConfigurationTarget.Global);
    // A slot from now on, every day, for an hour (the test clock's local time).
    const now = new Date(api.clock.now().wallMs);
    const at = (d: Date): string => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    await config().update(
      'quietTimes',
      [{ start: at(now), end: at(new Date(now.getTime() + HOUR)), sitting: true }],
      vscode.ConfigurationTarget.Global,
    );
    try {
      await typeFor(api, editor, 2 * MINUTE);
      await away(20 * MINUTE);
      assert.equal(api.away().questionsShown, asked);
      assert.equal(api.ledger().absence?.answer, 'sat');
      assert.equal(api.ledger().absence?.how, 'quiet');
      assert.match(api.statusBar().text, /\$\(history\) Away 20m: sitting/);
      assert.ok(api.snapshot().deskMsSinceBreak >= 22 * MINUTE);
    } finally {
      await config().update('quietTimes', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a long absence (two hours and more) is a break without a question', async () => {
    const asked = api.away().questionsShown;
    await typeFor(api, editor, 5 * MINUTE);
    await away(2 * HOUR + MINUTE);
    assert.equal(api.away().questionsShown, asked);
    assert.ok(api.snapshot().deskMsSinceBreak < MINUTE);
  });

  it('the command answers the last time away; with nothing to answer it says so', async () => {
    await typeFor(api, editor, 5 * MINUTE);
    await away(10 * MINUTE);
    await vscode.commands.executeCommand('upright.answerAway', 'sat');
    assert.equal(api.ledger().absence?.answer, 'sat');
    await vscode.commands.executeCommand('upright.answerAway', 'moved');
    assert.equal(api.ledger().absence?.answer, 'moved', 'changed until the next break');
    await vscode.commands.executeCommand('upright.logBreak');
    await vscode.commands.executeCommand('upright.answerAway', 'sat');
    assert.equal(api.ledger().absence, null);
  });
});
