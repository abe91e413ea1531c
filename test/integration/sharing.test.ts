import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi } from './helpers';

// The host of these tests has a state folder of its own (XDG_STATE_HOME, LOCALAPPDATA): never the person's.
describe('one clock for every editor of the VS Code family, in the real host', () => {
  let api: UprightTestApi;

  before(async () => {
    api = await getApi();
  });

  it('the ledger is in the folder every editor shares, not in this editor’s global storage', () => {
    const state = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.env.XDG_STATE_HOME;
    assert.ok(state, 'the test host names its own state folder');
    assert.equal(api.ledgerLocation, path.join(state, 'upright', 'ledger.json'));
    if (process.platform !== 'win32') assert.equal(fs.statSync(path.dirname(api.ledgerLocation)).mode & 0o777, 0o700, 'owner-only');
    assert.equal(vscode.workspace.getConfiguration('upright').get('shareClockAcrossEditors'), true, 'on by default');
  });

  it('this editor’s own folder notes that its records went there', () => {
    const extension = vscode.extensions.getExtension('upright.upright');
    assert.ok(extension);
    const userData = process.env.UPRIGHT_USER_DATA_DIR;
    assert.ok(userData);
    const note = JSON.parse(fs.readFileSync(path.join(userData, 'User', 'globalStorage', 'upright.upright', 'sharing.json'), 'utf8')) as {
      mode: string;
      folder: string;
    };
    assert.equal(note.mode, 'shared');
    assert.equal(note.folder, path.dirname(api.ledgerLocation));
  });
});
