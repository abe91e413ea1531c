import * as vscode from 'vscode';
import { type CodingSession } from './codingSession';
import { type ExercisesPanel } from './exercisesPanel';
import { showMenu } from './menu';

export interface CommandDeps {
  readonly session: CodingSession;
  readonly log: vscode.LogOutputChannel;
  readonly exercises: ExercisesPanel;
}

function logBreak(deps: CommandDeps): void {
  deps.session.recordManualBreak();
  deps.log.info('Break recorded by hand.');
  void vscode.window.showInformationMessage(vscode.l10n.t('Break recorded. Your session timer starts again.'));
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('upright.showMenu', () =>
      showMenu({ snapshot: () => deps.session.snapshot(), showLog: () => deps.log.show(true) }),
    ),
    vscode.commands.registerCommand('upright.logBreak', () => logBreak(deps)),
    vscode.commands.registerCommand('upright.browseExercises', () => deps.exercises.show()),
  ];
}
