import vscode = require('vscode');

import { t } from '../shared/l10n';
import { type CodingSession } from './codingSession';
import { COMMANDS } from './commandIds';
import { type OnDemand } from './onDemand';

export interface CommandDeps {
  readonly session: CodingSession;
  readonly log: vscode.LogOutputChannel;
  /** The panels, pickers and dialogs, loaded the first time one is used. */
  readonly onDemand: () => OnDemand;
  readonly defaultRoutine: () => string;
}

function logBreak(deps: CommandDeps): void {
  deps.session.recordManualBreak();
  deps.log.info('Break recorded by hand.');
  void vscode.window.showInformationMessage(t('Break recorded. Your session timer starts again.'));
}

/** Registers every command; each handler is a line, what it runs lives with the part it belongs to. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const later = deps.onDemand;
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    register(COMMANDS.showMenu, () => later().showMenu()),
    register(COMMANDS.logBreak, () => logBreak(deps)),
    register(COMMANDS.browseExercises, () => later().exercises.show()),
    register(COMMANDS.startRoutine, () => later().pickRoutine()),
    register(COMMANDS.startExercise, (exerciseId) =>
      typeof exerciseId === 'string' ? later().routines.start({ exerciseId }) : later().pickExercise(),
    ),
    register(COMMANDS.takeBreak, () => later().answers.takeBreak(deps.defaultRoutine())),
    register(COMMANDS.snooze, () => later().answers.answerCommand('snooze')),
    register(COMMANDS.skip, () => later().answers.answerCommand('skip')),
    register(COMMANDS.pause, () => later().pickPause()),
    register(COMMANDS.resume, () => later().answers.resume()),
    register(COMMANDS.hold, (minutes) => later().answers.hold(minutes)),
    register(COMMANDS.showStats, () => later().stats.show()),
    register(COMMANDS.exportHistory, () => later().exportHistory()),
    register(COMMANDS.clearHistory, () => later().clearHistory()),
    register(COMMANDS.setBand, (has) => later().setBand(has)),
    register(COMMANDS.answerAway, (answer, fromWallMs) => later().away.command(answer, fromWallMs)),
    register(COMMANDS.moveNow, (offer) => later().waits.moveNow(offer)),
    register(COMMANDS.setEyeBreaks, (on) => later().setEyeBreaks(on)),
    register(COMMANDS.skipEyeBreak, () => later().eyes.skip()),
  ];
}
