import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { startTask } from '../support/tasks';
import { eventually, getApi, openScratchEditor, passTime, resetSession, SECOND } from './helpers';

/** Longer than the two seconds of quiet an offer waits for. */
const QUIET_WAIT_MS = 2_600;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('a move while it runs, in the real host', function () {
  this.timeout(120_000);
  let api: UprightTestApi;
  let editor: vscode.TextEditor;
  let dir: string;

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
    await resetSession(api, editor);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-waits-'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * Runs a shell task named `name` that ends when the test says so. `during` runs while it is under way,
   * after the host clock has moved on by `seconds`; the task then ends.
   */
  async function runTask(
    name: string,
    seconds: number,
    during?: () => Promise<void>,
    options: { background?: boolean; timed?: boolean } = {},
  ): Promise<void> {
    const background = options.background ?? false;
    const timed = options.timed ?? !background;
    const task = await startTask(name, dir, background);
    if (timed) await eventually(() => api.waits().running > 0, `${name} is timed`);
    // The task's own terminal command, where the shell reports it, comes with it: one run.
    await sleep(1_500);
    assert.equal(api.waits().running, timed ? 1 : 0, `${name} is timed as one run (${JSON.stringify(api.waits())})`);
    api.clock.advance(seconds * SECOND);
    await during?.();
    await task.release();
    await eventually(() => api.waits().running === 0, `${name} is over`);
  }

  const runsOf = (): number => api.ledger().waits.reduce((n, w) => n + w.runs.length, 0);

  it('offers nothing for a task that has never run, nor for one of a few seconds', async () => {
    await runTask('build', 60, async () => {
      await sleep(QUIET_WAIT_MS);
      assert.equal(api.waits().offer, undefined, 'never run: nothing known');
    });
    await runTask('lint', 3);
    await runTask('lint', 3, async () => {
      await sleep(QUIET_WAIT_MS);
      assert.equal(api.waits().offer, undefined, 'a few seconds is no wait');
    });
    assert.equal(api.waits().offersShown, 0);
  });

  it('never takes a watcher for a wait: a background task is not timed, one that ran for hours is not offered', async () => {
    const before = runsOf();
    await runTask('watch', 3 * 3600, undefined, { background: true });
    assert.equal(runsOf(), before, 'a background task is never timed');
    await runTask('serve', 2 * 3600);
    await runTask('serve', 60, async () => {
      await sleep(QUIET_WAIT_MS);
      assert.equal(api.waits().offer, undefined, 'it usually runs for hours');
    });
    // Nothing of the task's text is kept.
    assert.equal(JSON.stringify(api.ledger().waits).includes('serve'), false);
  });

  it('a task known to take a minute: the offer, the move beside the editor with the focus left there, the task ending first, the move counted as exercise', async () => {
    const breaksBefore = api.ledger().lastBreak;
    const routinesBefore = api.ledger().todayRoutines;
    await runTask('build', 60, async () => {
      // Typing puts the offer off; it shows once typing stops.
      await eventually(() => api.waits().offer !== undefined, 'the offer shows');
      const offer = api.waits().offer;
      assert.ok(offer);
      assert.match(offer.text, /^\$\(run\) \d+ s: /);
      assert.ok(offer.seconds <= 60);
      assert.ok(await vscode.commands.executeCommand('upright.moveNow', { offered: true }));
      assert.equal(api.waits().offer, undefined, 'the offer goes once taken');
      const move = api.routine();
      assert.ok(move);
      assert.equal(move.routineId, `move-while-waiting:${offer.exerciseId}`);
      assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the focus stays where it was');
    });
    // The task ended before the move: the panel says so; the person finishes.
    assert.match(api.routine()?.note ?? '', /task has finished/);
    passTime(api, 90 * SECOND);
    await eventually(() => api.routine()?.status === 'finished', 'the move is done');
    const ledger = api.ledger();
    assert.equal(ledger.todayMoves, 1, 'counted as a move while waiting');
    assert.equal(ledger.todayRoutines, routinesBefore, 'not a routine');
    assert.deepEqual(ledger.lastBreak, breaksBefore, 'not a break');
    assert.ok(ledger.lastMoveId);
    api.routineControl('close');
  });

  it('the next offer is another move', async () => {
    const last = api.ledger().lastMoveId;
    await runTask('build', 60, async () => {
      await eventually(() => api.waits().offer !== undefined, 'the offer shows');
      assert.notEqual(api.waits().offer?.exerciseId, last);
    });
    assert.equal(api.waits().offer, undefined, 'gone when the task ends');
  });

  it('with moves turned off, nothing is timed or offered', async () => {
    const config = vscode.workspace.getConfiguration('upright');
    await config.update('moveWhileWaiting', { enabled: false, minSeconds: 45 }, vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => !api.settings().moveWhileWaiting.enabled, 'the setting is read');
      const before = runsOf();
      await runTask(
        'build',
        60,
        async () => {
          await sleep(QUIET_WAIT_MS);
          assert.equal(api.waits().offer, undefined);
        },
        { timed: false },
      );
      assert.equal(runsOf(), before);
    } finally {
      await config.update('moveWhileWaiting', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
