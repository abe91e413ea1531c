import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { getApi } from './helpers';

const equipment = (): unknown => vscode.workspace.getConfiguration('upright').inspect('equipment')?.globalValue;

describe('the walkthrough’s band question in the real host', () => {
  before(async () => {
    await getApi();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('upright').update('equipment', undefined, vscode.ConfigurationTarget.Global);
  });

  it('“No band” and “I have a band” save the answer, keeping the rest of the equipment', async () => {
    await vscode.workspace.getConfiguration('upright').update('equipment', ['band', 'dumbbells'], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('upright.setBand', false);
    assert.deepEqual(equipment(), ['dumbbells']);
    await vscode.commands.executeCommand('upright.setBand', true);
    assert.deepEqual(equipment(), ['band', 'dumbbells']);
  });

  it('ignores anything but true or false', async () => {
    await vscode.commands.executeCommand('upright.setBand', 'yes');
    await vscode.commands.executeCommand('upright.setBand');
    assert.deepEqual(equipment(), ['band', 'dumbbells']);
  });
});
