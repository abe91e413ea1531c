import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, MINUTE, openScratchEditor, typeFor } from '../integration/helpers';
import { eventually, movedInDays, productStorage, role, sayFailed, sharedState, userData } from './editors';

// The two editors started a third time, apart: editor a with `upright.shareClockAcrossEditors` off,
// editor b with an XDG_STATE_HOME where no folder can be made (UPRIGHT_NOT_A_FOLDER is a file). Each
// goes back to its own storage and takes the shared records along; counting never stops.
// UPRIGHT_EARLIER holds where each editor left the day (`end-<role>` of the run before).
const earlier = JSON.parse(process.env.UPRIGHT_EARLIER ?? '{}') as Record<string, { wallMs: number; todayActiveMs: number }>;

/** Every line Upright logged in this editor's profile. */
function uprightLog(): string {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      : [];
  return walk(path.join(userData[role], 'logs'))
    .filter((f) => f.endsWith('Upright.log'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

describe(`two editors apart (editor ${role})`, () => {
  let api: UprightTestApi;

  before(async () => {
    api = await getApi();
    api.setFocused(true);
  });

  afterEach(sayFailed);

  it('keeps its records in its own storage again, with the shared ones taken along', () => {
    assert.equal(api.ledgerLocation, path.join(productStorage[role], 'ledger.json'));
    assert.deepEqual(api.history().days, movedInDays(), 'the shared history came along, nothing added twice');
    const left = earlier[role];
    assert.ok(left, 'the run before said where it left the day');
    assert.equal(api.ledger().todayActiveMs, left.todayActiveMs, 'today came along');
    const note = JSON.parse(fs.readFileSync(path.join(productStorage[role], 'sharing.json'), 'utf8')) as { mode: string; folder: string };
    assert.deepEqual([note.mode, note.folder], ['own', path.join(sharedState, 'upright')]);
    const kept = fs.readdirSync(productStorage[role]).filter((n) => /^(ledger|history)\.kept-\d+\.json$/.test(n));
    assert.equal(kept.length, 2, `the files it had before are kept aside: ${kept.join(', ')}`);
  });

  it(
    role === 'a' ? 'turned off: says nothing is wrong' : 'a state folder that cannot be used: says so, in the log and once to the person',
    async () => {
      if (role === 'a') {
        assert.doesNotMatch(uprightLog(), /could not use the folder/);
        return;
      }
      await eventually(() => /could not use the folder it shares with your other editors/.test(uprightLog()), 'the log says why');
      assert.match(uprightLog(), new RegExp(`${(process.env.UPRIGHT_NOT_A_FOLDER ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    },
  );

  it('counts on', async () => {
    const editor = await openScratchEditor();
    const before = api.ledger().todayActiveMs;
    await typeFor(api, editor, MINUTE);
    assert.ok(api.flush());
    await eventually(
      () => api.ledger().todayActiveMs >= before + MINUTE - 10_000,
      'a minute typed is counted',
      () => api.ledger().todayActiveMs,
    );
    assert.ok(vscode.window.activeTextEditor);
  });
});
