import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { emptyLedger, type Ledger, readLedger } from '../../src/core/ledger';
import { localCalendar } from '../../src/core/time';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, MINUTE, openScratchEditor, passTime, resetSession, SECOND, typeOnce } from './helpers';

const config = () => vscode.workspace.getConfiguration('upright');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Types a key every `everyMs` of host-clock time for `durationMs` (constant typing, never a pause). */
async function typeSteadily(api: UprightTestApi, editor: vscode.TextEditor, durationMs: number, everyMs = 5 * SECOND): Promise<void> {
  for (let t = 0; t < durationMs; t += everyMs) {
    api.clock.advance(everyMs);
    await typeOnce(editor);
    api.reminder();
  }
}

describe('break reminders in the real host', function () {
  this.timeout(60_000);
  let api: UprightTestApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getApi();
    await config().update('breakIntervalMinutes', 1, vscode.ConfigurationTarget.Global);
    editor = await openScratchEditor();
  });

  /** The settings a test may change, put back before each test (and all of them after the last). */
  const changed = [
    'reminderStyle',
    'typingPauseSeconds',
    'maxConsecutiveSnoozes',
    'workingHours',
    'fullRoutineDays',
    'statusBar.display',
    'defaultRoutine',
    'customRoutines',
  ];

  beforeEach(async () => {
    api.resumeReminders();
    for (const key of changed) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await resetSession(api, editor);
  });

  after(async () => {
    api.resumeReminders();
    for (const key of ['breakIntervalMinutes', ...changed]) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('upright.logBreak');
  });

  it('turns the status bar to the warning colour as soon as the break is due, and waits for a typing pause', async () => {
    await typeSteadily(api, editor, 40 * SECOND);
    assert.equal(api.reminder().view?.phase, 'soon');
    assert.match(api.statusBar().text, /Break in 0:\d\d/);
    await typeSteadily(api, editor, 25 * SECOND);
    const due = api.reminder();
    assert.equal(due.view?.phase, 'due');
    assert.equal(api.statusBar().warning, true);
    assert.match(api.statusBar().text, /Break due/);
    assert.equal(due.shownPromptId, undefined, 'no prompt while typing');
    api.clock.advance(16 * SECOND); // a pause in the typing
    const prompted = api.reminder();
    assert.ok(prompted.shownPromptId, 'the prompt goes out at the pause');
    assert.equal(api.ledger().prompt?.owner, api.windowId, 'claimed in the shared ledger');
  });

  it('goes out at the 3-minute cap during constant typing, whatever typingPauseSeconds says', async () => {
    await config().update('typingPauseSeconds', 120, vscode.ConfigurationTarget.Global);
    await typeSteadily(api, editor, 65 * SECOND);
    assert.equal(api.reminder().view?.phase, 'due');
    await typeSteadily(api, editor, 2 * MINUTE + 50 * SECOND);
    assert.equal(api.reminder().shownPromptId, undefined);
    await typeSteadily(api, editor, 15 * SECOND);
    assert.equal(api.reminder().view?.promptReason, 'cap');
    assert.ok(api.reminder().shownPromptId);
  });

  it('goes out early, two seconds after a save (a natural stopping point)', async () => {
    await config().update('typingPauseSeconds', 120, vscode.ConfigurationTarget.Global);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-save-'));
    try {
      const file = path.join(folder, 'notes.ts');
      fs.writeFileSync(file, '');
      const saved = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await typeSteadily(api, saved, 65 * SECOND);
      assert.equal(api.reminder().shownPromptId, undefined);
      await saved.document.save();
      api.clock.advance(2100);
      const view = api.reminder();
      assert.equal(view.view?.promptReason, 'stoppingPoint');
      assert.ok(view.shownPromptId);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      editor = await openScratchEditor();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('Snooze puts it off for snoozeMinutes of wall time and counts the snooze', async () => {
    const snoozedBefore = api.ledger().todayBreaks.snoozed;
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    assert.ok(api.reminder().shownPromptId);
    assert.ok(api.answerPrompt('snooze'));
    assert.equal(api.reminder().view?.phase, 'snoozed');
    assert.equal(api.ledger().todayBreaks.snoozed, snoozedBefore + 1);
    assert.equal(api.ledger().prompt, null, 'the answered prompt is released');
    api.clock.advance(5 * MINUTE + SECOND);
    const back = api.reminder();
    assert.equal(back.view?.phase, 'due');
    assert.ok(back.shownPromptId, 'prompted again after the snooze');
  });

  it('Skip asks again one interval later and counts the skip; a stale answer does nothing', async () => {
    const skippedBefore = api.ledger().todayBreaks.skipped;
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    assert.ok(api.reminder().shownPromptId);
    const active = api.snapshot().activeMsSinceBreak;
    assert.ok(api.answerPrompt('skip'));
    assert.notEqual(api.reminder().view?.phase, 'due');
    assert.equal(api.ledger().dueAtActiveMs, active + MINUTE, 'due again one interval of coding later');
    assert.equal(api.ledger().todayBreaks.skipped, skippedBefore + 1);
    assert.equal(api.answerPrompt('snooze'), false, 'a second answer to the same prompt is ignored');
    assert.equal(api.ledger().todayBreaks.skipped, skippedBefore + 1);
  });

  it('a reminder whose claim meets a busy ledger is not lost: it is claimed and shown once the ledger is free', async () => {
    await typeSteadily(api, editor, 65 * SECOND);
    const shownBefore = api.reminder().notificationsShown;
    // Another live window holds the lock (its process is alive, its lock is fresh) past the wait for it.
    const lock = `${api.ledgerLocation}.lock`;
    fs.writeFileSync(lock, JSON.stringify({ token: 'held', pid: process.ppid, owner: 'another window', atWallMs: Date.now() }));
    let blocked: ReturnType<UprightTestApi['reminder']>;
    try {
      api.clock.advance(16 * SECOND);
      blocked = api.reminder();
    } finally {
      fs.rmSync(lock, { force: true });
    }
    assert.equal(blocked.view?.phase, 'due');
    assert.equal(blocked.shownPromptId, undefined, 'not taken as shown by another window');
    assert.equal(blocked.notificationsShown, shownBefore);
    // Nothing else happens: the window's own retry claims it and shows it, once.
    const deadline = Date.now() + 10_000;
    while (api.reminder({ evaluate: false }).notificationsShown === shownBefore && Date.now() < deadline) await sleep(100);
    const shown = api.reminder({ evaluate: false });
    assert.equal(shown.notificationsShown, shownBefore + 1, 'shown by the retry');
    assert.ok(shown.shownPromptId);
    assert.equal(api.ledger().prompt?.owner, api.windowId, 'claimed in the ledger');
    assert.equal(api.reminder().notificationsShown, shownBefore + 1, 'and only once');
    assert.ok(api.answerPrompt('skip'));
  });

  it('a reminder held by a window that closed without answering comes back here when its claim lapses', async () => {
    await typeSteadily(api, editor, 65 * SECOND);
    assert.ok(api.flush());
    // Another window claimed the prompt and went away (its claim runs one more minute).
    const text = fs.readFileSync(api.ledgerLocation, 'utf8');
    const stored = readLedger(JSON.parse(text), emptyLedger('x')).ledger;
    const now = api.clock.now().wallMs;
    const held = { id: 'held-by-a-closed-window', owner: 'closed-window', claimedAtWallMs: now, expiresAtWallMs: now + MINUTE };
    fs.writeFileSync(api.ledgerLocation, JSON.stringify({ ...stored, seq: stored.seq + 1, prompt: held }));
    const shownBefore = api.reminder().notificationsShown;
    api.clock.advance(16 * SECOND);
    const mirrored = api.reminder();
    assert.equal(mirrored.view?.phase, 'due');
    assert.ok(mirrored.shownPromptId, 'the other window shows it');
    assert.equal(mirrored.notificationsShown, shownBefore, 'not this one');
    api.clock.advance(MINUTE);
    const back = api.reminder();
    assert.equal(back.notificationsShown, shownBefore + 1, 'shown here once the claim has lapsed');
    assert.equal(api.ledger().prompt?.owner, api.windowId);
    assert.equal(api.reminder().notificationsShown, shownBefore + 1, 'once');
    assert.ok(api.answerPrompt('skip'));
  });

  it('answers given while storage refuses writes hold at once and reach the ledger when it writes again', async () => {
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    assert.ok(api.reminder().shownPromptId);
    assert.ok(api.flush());
    const onDisk = (): Ledger => readLedger(JSON.parse(fs.readFileSync(api.ledgerLocation, 'utf8')), emptyLedger('x')).ledger;
    const snoozedBefore = onDisk().todayBreaks.snoozed;
    api.storageFaults({ writes: 'EIO' });
    try {
      assert.ok(api.answerPrompt('snooze'));
      assert.equal(api.reminder().view?.phase, 'snoozed', 'snoozed in this window at once');
      assert.equal(onDisk().snoozedUntilWallMs, null, 'not on disk yet');
      api.pauseReminders(null);
      assert.equal(api.reminder().view?.phase, 'paused', 'paused in this window at once');
      api.refresh();
      assert.equal(api.flush(), false, 'storage still refuses');
      assert.equal(api.reminder().view?.phase, 'paused', 'still paused after a minute refresh, though nothing was written');
    } finally {
      api.storageFaults(undefined);
    }
    assert.ok(api.flush(), 'written once storage takes writes again');
    const written = onDisk();
    assert.ok(written.snoozedUntilWallMs !== null, 'the snooze reached the ledger');
    assert.equal(written.todayBreaks.snoozed, snoozedBefore + 1, 'counted once');
    assert.equal(written.pause?.untilWallMs, null, 'the pause reached the ledger');
    assert.equal(written.prompt, null, 'the answered prompt was released');
    api.resumeReminders();
    assert.equal(onDisk().pause, null);
  });

  it('a storage fault at any operation of a reminder and its answer delays them at most, never loses them', async function () {
    this.timeout(180_000);
    const onDisk = (): Ledger => readLedger(JSON.parse(fs.readFileSync(api.ledgerLocation, 'utf8')), emptyLedger('x')).ledger;
    /** A due break, its reminder and a Snooze, with storage failing from its `failFrom`-th write-like operation on. */
    const cycle = async (faults: Parameters<UprightTestApi['storageFaults']>[0]): Promise<number> => {
      await resetSession(api, editor);
      await typeSteadily(api, editor, 65 * SECOND);
      assert.ok(api.flush());
      const before = onDisk();
      const shownBefore = api.reminder().notificationsShown;
      const failuresBefore = api.storageFaults(faults);
      let failures = 0;
      try {
        api.clock.advance(16 * SECOND);
        const due = api.reminder();
        assert.ok(due.shownPromptId, `the reminder is shown (${JSON.stringify(faults)})`);
        assert.equal(due.notificationsShown, shownBefore + 1, 'once');
        assert.ok(api.answerPrompt('snooze'), 'the answer is taken');
        assert.equal(api.reminder().view?.phase, 'snoozed', 'and holds at once');
        api.refresh();
        assert.equal(api.reminder().notificationsShown, shownBefore + 1, 'never shown twice');
      } finally {
        failures = api.storageFaults(undefined) - failuresBefore;
      }
      assert.ok(api.flush(), `written once storage works (${String(api.lastWriteError())})`);
      const after = onDisk();
      assert.equal(
        after.todayBreaks.snoozed,
        before.todayBreaks.snoozed + 1,
        `the snooze is on disk, counted once (${JSON.stringify(faults)})`,
      );
      assert.equal(
        after.todayReminders,
        before.todayReminders + 1,
        `the reminder is counted once (${JSON.stringify({ before: [before.dayKey, before.todayReminders, before.reminderEpisode], after: [after.dayKey, after.todayReminders, after.reminderEpisode, after.closedDays.length] })})`,
      );
      assert.ok(after.snoozedUntilWallMs !== null);
      assert.equal(after.prompt, null, 'the answered prompt was released');
      return failures;
    };
    // How many write-like operations a healthy cycle makes: each of them fails in one run below.
    const healthy = await cycle({ writes: 'EIO', writesBeforeFailing: 1_000_000 });
    assert.equal(healthy, 0);
    let runs = 0;
    for (const code of ['EIO', 'ENOSPC']) {
      for (let ok = 0; ; ok++) {
        const failed = await cycle({ writes: code, writesBeforeFailing: ok });
        runs++;
        if (failed === 0) break; // every operation of the cycle was tried failing
        assert.ok(ok < 60, 'the cycle ends');
      }
    }
    // A drive that cannot be read at all: the reminder still comes, from this window's own copy.
    await cycle({ reads: 'EIO' });
    assert.ok(runs > 10, `${runs} runs`);
    console.log(
      `      (${runs + 2} reminder cycles, storage failing from each write-like operation on, with EIO and ENOSPC, and unreadable)`,
    );
  });

  it('stays silent while paused and prompts a break already due after resuming', async () => {
    api.pauseReminders(null);
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(20 * SECOND);
    assert.equal(api.reminder().view?.phase, 'paused');
    assert.equal(api.reminder().shownPromptId, undefined);
    assert.match(api.statusBar().text, /debug-pause/);
    api.resumeReminders();
    assert.ok(api.reminder().shownPromptId);
  });

  it('the commands answer only a break that is due', async () => {
    const skippedBefore = api.ledger().todayBreaks.skipped;
    await vscode.commands.executeCommand('upright.skip');
    assert.equal(api.ledger().todayBreaks.skipped, skippedBefore, 'nothing to skip');
    await typeSteadily(api, editor, 65 * SECOND);
    await vscode.commands.executeCommand('upright.skip');
    assert.equal(api.ledger().todayBreaks.skipped, skippedBefore + 1);
  });

  it('reminderStyle panel opens the routine beside the editor; finishing it is a break started from a reminder', async () => {
    await config().update('reminderStyle', 'panel', vscode.ConfigurationTarget.Global);
    const startedBefore = api.ledger().todayBreaks.started;
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    api.reminder();
    assert.equal(api.routine()?.routineId, 'posture-reset');
    passTime(api, 10 * MINUTE);
    assert.equal(api.routine()?.status, 'finished');
    assert.equal(api.ledger().todayBreaks.started, startedBefore + 1);
    assert.equal(api.ledger().lastBreak?.kind, 'started');
    api.routineControl('close');
  });

  it('reminderStyle statusBar shows no notification: the status bar carries it', async () => {
    await config().update('reminderStyle', 'statusBar', vscode.ConfigurationTarget.Global);
    const shown = api.reminder().notificationsShown;
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    const r = api.reminder();
    assert.ok(r.shownPromptId, 'the prompt is this window’s');
    assert.equal(r.notificationsShown, shown, 'but no notification');
    assert.equal(api.statusBar().warning, true);
    await config().update('reminderStyle', 'notification', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('upright.logBreak');
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    assert.equal(api.reminder().notificationsShown, shown + 1, 'the notification style shows one');
  });

  it('maxConsecutiveSnoozes: Snooze is no longer offered after the limit', async () => {
    await config().update('maxConsecutiveSnoozes', 1, vscode.ConfigurationTarget.Global);
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    assert.ok(api.answerPrompt('snooze'));
    api.clock.advance(5 * MINUTE + SECOND);
    const again = api.reminder();
    assert.equal(again.view?.phase, 'due');
    assert.equal(again.view?.snoozeOffered, false);
    assert.equal(api.answerPrompt('snooze'), false);
  });

  it('workingHours: no reminder outside them, though the time still counts', async () => {
    // Hours from two to four hours after the test clock's time of day (wherever the tests before left it) leave it outside.
    const minute = localCalendar.minuteOfDay(api.clock.now().wallMs);
    const hhmm = (m: number): string => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    await config().update(
      'workingHours',
      { enabled: true, start: hhmm(minute + 120), end: hhmm(minute + 240), days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
      vscode.ConfigurationTarget.Global,
    );
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    const r = api.reminder();
    assert.equal(r.view?.phase, 'outsideHours');
    assert.equal(r.shownPromptId, undefined);
    assert.ok(api.snapshot().activeMsSinceBreak >= MINUTE);
  });

  it('fullRoutineDays: after two hours of coding that day the reminder offers Full Upper Back, once', async () => {
    await config().update('fullRoutineDays', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], vscode.ConfigurationTarget.Global);
    await config().update('breakIntervalMinutes', 240, vscode.ConfigurationTarget.Global);
    // Two hours and a bit of coding today (a key a minute is still coding), then the break falls due.
    for (let i = 0; i < 125 || api.snapshot().todayActiveMs < 2 * 60 * MINUTE; i++) {
      api.clock.advance(MINUTE);
      await typeOnce(editor);
    }
    await config().update('breakIntervalMinutes', 1, vscode.ConfigurationTarget.Global);
    api.clock.advance(16 * SECOND);
    const shownBefore = api.reminder({ evaluate: false }).notificationsShown;
    const first = api.reminder();
    assert.equal(first.view?.routineId, 'full-upper-back');
    assert.equal(first.notificationsShown, shownBefore + 1, 'shown');
    assert.equal(api.ledger().fullRoutineOfferedDay, api.ledger().dayKey, 'the offer is in the ledger every window reads');
    assert.ok(api.answerPrompt('skip'));
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    const next = api.reminder();
    assert.equal(next.view?.phase, 'due');
    assert.equal(next.view?.routineId, 'posture-reset', 'once a day: the next reminder offers the default routine');
  });

  it('a default routine with nothing to do at the desk: the reminder offers the built-in one, Start opens it, and the setting is named', async () => {
    await config().update(
      'customRoutines',
      [{ id: 'on-the-floor', name: 'On the floor', steps: ['bird-dog', 'bridge', 'no-such-move'] }],
      vscode.ConfigurationTarget.Global,
    );
    await config().update('defaultRoutine', 'on-the-floor', vscode.ConfigurationTarget.Global);
    assert.equal(api.settings().defaultRoutine, 'on-the-floor');
    const startedBefore = api.ledger().todayBreaks.started;
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(16 * SECOND);
    assert.ok(api.reminder().shownPromptId);
    assert.ok(api.answerPrompt('start'), 'Start opens a routine');
    assert.equal(api.routine()?.routineId, 'posture-reset');
    assert.ok(
      api.warnings().some((w) => w.includes('upright.defaultRoutine') && w.includes('on-the-floor') && w.includes('posture-reset')),
      api.warnings().join('\n'),
    );
    passTime(api, 10 * MINUTE);
    assert.equal(api.routine()?.status, 'finished');
    assert.equal(api.ledger().todayBreaks.started, startedBefore + 1, 'the routine done is the break');
    api.routineControl('close');
  });

  it('Take a Break Now with a default routine that names no known exercise opens the built-in one, and names the setting', async () => {
    await config().update(
      'customRoutines',
      [{ id: 'all-unknown', name: 'All unknown', steps: ['no-such-move'] }],
      vscode.ConfigurationTarget.Global,
    );
    await config().update('defaultRoutine', 'all-unknown', vscode.ConfigurationTarget.Global);
    assert.equal(api.settings().defaultRoutine, 'all-unknown');
    await vscode.commands.executeCommand('upright.takeBreak');
    assert.equal(api.routine()?.routineId, 'posture-reset', 'a routine opens');
    assert.ok(
      api.warnings().some((w) => w.includes('upright.defaultRoutine') && w.includes('all-unknown') && w.includes('posture-reset')),
      api.warnings().join('\n'),
    );
    api.routineControl('close');
  });

  it('statusBar.display nextBreak shows the coding time left until the break', async () => {
    await config().update('breakIntervalMinutes', 30, vscode.ConfigurationTarget.Global);
    await config().update('statusBar.display', 'nextBreak', vscode.ConfigurationTarget.Global);
    await typeSteadily(api, editor, 10 * MINUTE, 10 * SECOND);
    api.reminder();
    assert.equal(api.statusBar().text, '$(watch) 20m to break');
    await config().update('breakIntervalMinutes', 1, vscode.ConfigurationTarget.Global);
  });
});
