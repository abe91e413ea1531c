import { singular, t } from '../shared/l10n';
import * as vscode from 'vscode';
import { equipmentLabel, positionLabel } from '../core/exercises/cards';
import { type Exercise } from '../core/exercises/model';
import { PROGRESSION_COMPLETIONS } from '../core/exercises/routines';
import { formatLastDone, formatMinutes, literalText } from '../core/format';
import { localCalendar } from '../core/time';
import { type CodingSession } from './codingSession';
import { type ExercisesPanel } from './panels/exercisesPanel';
import { type Reminders } from './reminders';
import { type RoutinePanel } from './panels/routinePanel';
import { showMenu } from './menu';

export interface CommandDeps {
  readonly session: CodingSession;
  readonly log: vscode.LogOutputChannel;
  readonly exercises: ExercisesPanel;
  readonly routines: RoutinePanel;
  readonly reminders: Reminders;
  readonly library: () => readonly Exercise[];
  readonly nowWallMs: () => number;
  readonly defaultRoutine: () => string;
}

interface RoutineItem extends vscode.QuickPickItem {
  readonly id: string;
  readonly extraSet?: boolean;
}

async function startRoutine(deps: CommandDeps): Promise<void> {
  const done = deps.session.ledger.routines;
  const now = deps.nowWallMs();
  const items: RoutineItem[] = deps.routines.routines().flatMap(({ routine, resolved }) => {
    const needs = [...new Set(resolved.steps.flatMap((s) => s.exercise.equipment))].map(equipmentLabel);
    const record = done[routine.id];
    const item: RoutineItem = {
      id: routine.id,
      label: literalText(routine.name),
      description: [formatMinutes(resolved.seconds), needs.length ? needs.join(', ') : t('no equipment')].join(' · '),
      detail: `${routine.summary} ${formatLastDone(record?.lastDoneWallMs, now, (wallMs) => localCalendar.startOfDay(wallMs))}.`,
    };
    // Progression, as the article suggests: once a routine is familiar, offer one more set.
    const completions = record?.completions ?? 0;
    if (completions < PROGRESSION_COMPLETIONS) return [item];
    const more: RoutineItem = {
      id: routine.id,
      extraSet: true,
      label: `$(arrow-up) ${t('{0}, one more set', literalText(routine.name))}`,
      description: t(singular(completions) ? 'done {0} time: ready for more' : 'done {0} times: ready for more', completions),
      detail: t('Every exercise gets one more set.'),
    };
    return [item, more];
  });
  const picked = await vscode.window.showQuickPick(items, { title: t('Start a routine'), placeHolder: t('Pick a routine; it opens beside your editor'), matchOnDetail: true });
  if (picked) deps.routines.start({ routineId: picked.id, extraSet: picked.extraSet === true });
}

async function startExercise(deps: CommandDeps): Promise<void> {
  const done = deps.session.ledger.routines;
  const now = deps.nowWallMs();
  const items: RoutineItem[] = deps.library().map((e) => ({
    id: e.id,
    label: e.name,
    description: [e.positions.map(positionLabel).join(' · '), e.equipment.length ? e.equipment.map(equipmentLabel).join(', ') : t('no equipment')].join(' · '),
    detail: `${e.summary} ${formatLastDone(done[`exercise:${e.id}`]?.lastDoneWallMs, now, (wallMs) => localCalendar.startOfDay(wallMs))}.`,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: t('Start an exercise'), placeHolder: t('Type to find an exercise'), matchOnDescription: true });
  if (picked) deps.routines.start({ exerciseId: picked.id });
}

function logBreak(deps: CommandDeps): void {
  deps.session.recordManualBreak();
  deps.log.info('Break recorded by hand.');
  void vscode.window.showInformationMessage(t('Break recorded. Your session timer starts again.'));
}

function answerReminder(deps: CommandDeps, answer: 'snooze' | 'skip'): void {
  if (deps.reminders.view?.phase !== 'due') {
    void vscode.window.showInformationMessage(t('No break is due right now.'));
    return;
  }
  if (answer === 'snooze' && !deps.reminders.view.snoozeOffered) {
    void vscode.window.showInformationMessage(t('This break has been snoozed as often as upright.maxConsecutiveSnoozes allows.'));
    return;
  }
  deps.reminders.answer(answer);
}

interface PauseItem extends vscode.QuickPickItem {
  readonly until: () => number | null;
}

async function pauseReminders(deps: CommandDeps): Promise<void> {
  const now = deps.nowWallMs();
  const minutes = (m: number) => () => now + m * 60_000;
  const items: PauseItem[] = [
    { label: t('For 30 minutes'), until: minutes(30) },
    { label: t('For 1 hour'), until: minutes(60) },
    { label: t('For 2 hours'), until: minutes(120) },
    { label: t('Until tomorrow'), description: t('06:00, or when your working hours start'), until: () => deps.reminders.tomorrow() },
    { label: t('Until I resume'), until: () => null },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: t('Pause break reminders'), placeHolder: t('Coding time is still counted while reminders are paused') });
  if (picked) deps.reminders.pause(picked.until());
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('upright.showMenu', () =>
      showMenu({ snapshot: () => deps.session.snapshot(), showLog: () => deps.log.show(true), reminder: () => deps.reminders.view }),
    ),
    vscode.commands.registerCommand('upright.logBreak', () => logBreak(deps)),
    vscode.commands.registerCommand('upright.browseExercises', () => deps.exercises.show()),
    vscode.commands.registerCommand('upright.startRoutine', () => startRoutine(deps)),
    vscode.commands.registerCommand('upright.startExercise', (exerciseId?: unknown) =>
      typeof exerciseId === 'string' ? deps.routines.start({ exerciseId }) : startExercise(deps),
    ),
    vscode.commands.registerCommand('upright.takeBreak', () => deps.routines.start({ routineId: deps.defaultRoutine() })),
    vscode.commands.registerCommand('upright.snooze', () => answerReminder(deps, 'snooze')),
    vscode.commands.registerCommand('upright.skip', () => answerReminder(deps, 'skip')),
    vscode.commands.registerCommand('upright.pause', () => pauseReminders(deps)),
    vscode.commands.registerCommand('upright.resume', () => deps.reminders.resume()),
  ];
}
