import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { eventually, getApi } from './helpers';

function exercisesTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('upright.exercises'));
}

describe('Browse Exercises in the real host', () => {
  before(async () => {
    await getApi();
  });

  after(async () => {
    for (const tab of exercisesTabs()) await vscode.window.tabGroups.close(tab);
  });

  it('opens one panel beside the editor, and brings the same one back when run again', async () => {
    await vscode.commands.executeCommand('upright.browseExercises');
    await eventually(() => exercisesTabs().length === 1, 'the exercises panel is open');
    const tab = exercisesTabs()[0];
    assert.equal(tab?.label, 'Upright Exercises');
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.commands.executeCommand('upright.browseExercises');
    await eventually(() => exercisesTabs().some((t) => t.isActive), 'the panel is active again');
    assert.equal(exercisesTabs().length, 1, 'no second panel');
  });

  it('is offered in the status-bar menu’s commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('upright.browseExercises'));
  });
});
