import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { parseFromRoutinePage } from '../../src/shared/routinePage';
import { parseFromStatsPage } from '../../src/shared/statsPage';
import { garbage, mutate, pick, seededRandom } from '../support/garbage';
import { eventually, getApi, openScratchEditor, resetSession } from './helpers';

function tabsOf(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

/** Garbage as it arrives from a page: through JSON. */
function fromPage(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
}

describe('messages from the pages, in the real host', () => {
  let api: UprightTestApi;

  before(async () => {
    api = await getApi();
    await resetSession(api, await openScratchEditor());
  });

  afterEach(async () => {
    api.answerDialogs(undefined);
    for (const tab of [...tabsOf('upright.routine'), ...tabsOf('upright.stats')]) await vscode.window.tabGroups.close(tab);
    await eventually(() => api.routine() === undefined, 'no routine is under way');
  });

  it('a running routine ignores thousands of malformed messages from its page', async () => {
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => tabsOf('upright.routine').length === 1, 'the routine panel is open');
    const before = api.routine();
    const ledgerBefore = api.ledger();
    const ignoredBefore = api.pageMessages('routine').ignored;
    const random = seededRandom(2024);
    const valid = [{ type: 'ready' }, { type: 'control', action: 'next' }];
    let acted = 0;
    let sent = 0;
    while (sent < 3000) {
      const raw = fromPage(sent % 2 ? garbage(random) : mutate(random, pick(random, valid)));
      // A mutation can leave a valid message (a field JSON drops): the unit fuzz checks the parser; here only refused ones go.
      if (parseFromRoutinePage(raw) !== undefined) continue;
      sent++;
      if (api.pageMessage('routine', raw)) acted++;
    }
    assert.equal(acted, 0);
    assert.equal(api.pageMessages('routine').ignored - ignoredBefore, 3000);
    assert.deepEqual(api.routine(), before, 'the routine is where it was');
    assert.equal(api.ledger().seq, ledgerBefore.seq, 'nothing was written');
  });

  it('a flood of valid presses from a page is acted on for a burst, then ignored', async () => {
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => api.routine() !== undefined && tabsOf('upright.routine').length === 1, 'the routine runs');
    const acceptedBefore = api.pageMessages('routine').accepted;
    let acted = 0;
    for (let i = 0; i < 2000; i++) if (api.pageMessage('routine', { type: 'control', action: i % 2 ? 'resume' : 'pause' })) acted++;
    assert.ok(acted >= 1 && acted <= 21, `acted on ${acted} of 2000`);
    assert.equal(api.pageMessages('routine').accepted - acceptedBefore, acted);
    assert.notEqual(api.routine()?.status, 'finished');
  });

  it('the Stats page: garbage opens nothing and deletes nothing; a flood of "clear" asks once', async () => {
    let asked = 0;
    let answer: (choice: 'delete' | 'export' | undefined) => void = () => undefined;
    api.answerDialogs({
      pickFormat: () => {
        asked++;
        return Promise.resolve(undefined);
      },
      pickFile: () => Promise.resolve(undefined),
      confirmDelete: () => {
        asked++;
        return new Promise((resolve) => (answer = resolve));
      },
    });
    const random = seededRandom(77);
    const valid = [{ type: 'ready' }, { type: 'export' }, { type: 'clear' }, { type: 'startExercise', exerciseId: 'chin-tuck' }];
    for (let sent = 0; sent < 3000;) {
      const raw = fromPage(sent % 2 ? garbage(random) : mutate(random, pick(random, valid)));
      if (parseFromStatsPage(raw) !== undefined) continue;
      sent++;
      assert.equal(api.pageMessage('stats', raw), false);
    }
    await new Promise((r) => setTimeout(r, 200));
    const askedByGarbage = asked;
    for (let i = 0; i < 500; i++) api.pageMessage('stats', { type: 'clear' });
    await eventually(() => asked === askedByGarbage + 1, 'the delete question is asked');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(asked, askedByGarbage + 1, 'asked once, not once per message');
    answer(undefined);
    assert.equal(api.routine(), undefined, 'no exercise was started by a malformed message');
  });

  it('the exercises page: an unknown or malformed exercise id starts nothing', async () => {
    for (const exerciseId of ['no-such-move', 'Chin-Tuck', '../chin-tuck', 'chin-tuck ', 'x'.repeat(65), '']) {
      assert.equal(api.pageMessage('exercises', { type: 'start', exerciseId }), false, exerciseId);
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(api.routine(), undefined);
    assert.equal(api.pageMessage('exercises', { type: 'start', exerciseId: 'chin-tuck' }), true);
    await eventually(
      () => api.routine()?.routineId === 'exercise:chin-tuck' && tabsOf('upright.routine').length === 1,
      'a real id still works',
    );
  });
});
