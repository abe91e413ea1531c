import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { eventually, getApi, openScratchEditor, passTime as passTimeIn, resetSession, SECOND } from './helpers';

function routineTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('upright.routine'));
}

describe('routine panel in the real host', () => {
  let api: UprightTestApi;

  const passTime = (ms: number): void => passTimeIn(api, ms);

  before(async () => {
    api = await getApi();
    await resetSession(api, await openScratchEditor());
  });

  afterEach(async () => {
    if (api.routine()) await eventually(() => routineTabs().length > 0, 'the routine’s panel is there to close');
    for (const tab of routineTabs()) await vscode.window.tabGroups.close(tab);
    await eventually(() => api.routine() === undefined, 'no routine is under way');
  });

  it('Take a Break opens the default routine beside the editor, and follows the host clock', async () => {
    const completionsBefore = api.ledger().routines['posture-reset']?.completions ?? 0;
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => routineTabs().length === 1, 'the routine panel is open');
    const start = api.routine();
    assert.equal(start?.routineId, 'posture-reset');
    assert.deepEqual([start?.segment, start?.status], [0, 'running']);
    api.clock.advance(9 * SECOND); // past "get ready"
    const working = api.routine();
    assert.equal(working?.segment, 1);
    api.routineControl('pause');
    const paused = api.routine()?.remainingMs;
    api.clock.advance(60 * SECOND);
    assert.equal(api.routine()?.remainingMs, paused, 'paused time stands still');
    api.routineControl('resume');
    passTime(10 * 60 * SECOND);
    const end = api.routine();
    assert.equal(end?.status, 'finished');
    assert.deepEqual(end?.completedSteps, [0, 1, 2]);
    assert.equal(api.ledger().routines['posture-reset']?.completions, completionsBefore + 1, 'the completion is in the ledger');
    assert.equal(api.ledger().lastBreak?.kind, 'manual');
    assert.equal(api.snapshot().activeMsSinceBreak, 0, 'a routine done is a break');
  });

  it('a routine left open while the machine sleeps counts only what was done, and carries on after', async () => {
    const completionsBefore = api.ledger().routines['posture-reset']?.completions ?? 0;
    const breaksBefore = api.ledger().todayBreaks.manual;
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => routineTabs().length === 1, 'the routine panel is open');
    api.clock.advance(9 * SECOND); // past "get ready", into the first exercise
    const before = api.routine();
    assert.equal(before?.segment, 1);
    api.clock.sleep(2 * 60 * 60 * SECOND);
    const after = api.routine();
    assert.equal(after?.status, 'running', 'not finished by a sleep');
    assert.equal(after?.segment, 1, 'where it was');
    assert.equal(after?.remainingMs, before?.remainingMs);
    assert.deepEqual(after?.completedSteps, []);
    assert.equal(api.ledger().routines['posture-reset']?.completions ?? 0, completionsBefore, 'no routine recorded');
    assert.equal(api.ledger().todayBreaks.manual, breaksBefore, 'and no break');
    api.clock.advance(SECOND);
    assert.ok((api.routine()?.remainingMs ?? 0) < (after?.remainingMs ?? 0), 'it counts on when time passes again');
  });

  it('a sleep through which the monotonic clock runs on (as on Windows) is not counted either', async () => {
    const completionsBefore = api.ledger().routines['posture-reset']?.completions ?? 0;
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => routineTabs().length === 1, 'the routine panel is open');
    passTime(9 * SECOND); // into the first exercise
    const before = api.routine();
    assert.equal(before?.segment, 1);
    // Both clocks move two hours at once: no timer of the host fired meanwhile.
    api.clock.advance(2 * 60 * 60 * SECOND);
    const after = api.routine();
    assert.deepEqual([after?.status, after?.segment, after?.remainingMs], ['running', 1, before?.remainingMs], 'where it was');
    assert.deepEqual(after?.completedSteps, []);
    assert.equal(api.ledger().routines['posture-reset']?.completions ?? 0, completionsBefore, 'no routine recorded');
    passTime(3 * SECOND);
    assert.equal(api.routine()?.remainingMs, (before?.remainingMs ?? 0) - 3 * SECOND, 'it counts on when time passes again');
  });

  it('a wall clock set back does not freeze a routine, nor one set forward finish it', async () => {
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => routineTabs().length === 1, 'the routine panel is open');
    const start = api.routine();
    api.clock.shiftWall(-60 * 60 * SECOND);
    api.clock.advance(5 * SECOND);
    assert.equal(api.routine()?.remainingMs, (start?.remainingMs ?? 0) - 5 * SECOND, 'five seconds counted down');
    api.clock.shiftWall(3 * 60 * 60 * SECOND);
    assert.equal(api.routine()?.status, 'running');
    assert.equal(api.routine()?.segment, start?.segment);
  });

  it('starts one exercise from the palette command with an id (as the browse panel does)', async () => {
    await vscode.commands.executeCommand('upright.startExercise', 'chin-tuck');
    await eventually(() => api.routine()?.routineId === 'exercise:chin-tuck', 'the chin tuck runs');
    await eventually(() => routineTabs().length === 1, 'one routine panel');
  });

  it('a routine finished before any exercise is done is not a break', async () => {
    const before = api.ledger().routines['warm-up']?.completions ?? 0;
    const breaksBefore = api.ledger().todayBreaks.manual;
    await vscode.commands.executeCommand('upright.startExercise', 'neck-rolls');
    await eventually(() => api.routine() !== undefined && routineTabs().length === 1, 'a routine runs in its panel');
    api.routineControl('next'); // skip get ready
    api.clock.advance(2 * SECOND); // barely started
    api.routineControl('finish');
    assert.equal(api.routine()?.status, 'finished');
    assert.deepEqual(api.routine()?.completedSteps, []);
    assert.equal(api.ledger().todayBreaks.manual, breaksBefore);
    assert.equal(api.ledger().routines['warm-up']?.completions ?? 0, before);
  });

  it('closing the panel ends the routine, keeping what was done', async () => {
    await vscode.commands.executeCommand('upright.startExercise', 'shoulder-rolls');
    await eventually(() => routineTabs().length === 1, 'the panel is open');
    passTime(60 * SECOND); // get ready and the whole 20 s exercise
    assert.equal(api.routine()?.status, 'finished');
    const tab = routineTabs()[0];
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await eventually(() => api.routine() === undefined, 'the routine ended');
    assert.equal(api.ledger().routines['exercise:shoulder-rolls']?.completions, 1);
  });
});
