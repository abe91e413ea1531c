import vscode = require('vscode');

import { type ExerciseLabels } from '../../core/exercises/labels';
import { type Exercise } from '../../core/exercises/model';
import { PROGRESSION_COMPLETIONS } from '../../core/exercises/routines';
import { formatLastDone, formatMinutes, literalText } from '../../core/format';
import { localCalendar } from '../../core/time';
import { singular, t } from '../../shared/l10n';
import { type CodingSession } from '../codingSession';
import { type RoutinePanel } from '../panels/routinePanel';
import { type ReminderAnswers } from './reminderAnswers';

/** What the pickers read and start. */
export interface PickerDeps {
  readonly session: CodingSession;
  readonly routines: RoutinePanel;
  readonly answers: ReminderAnswers;
  readonly library: () => readonly Exercise[];
  readonly labels: () => ExerciseLabels;
  readonly nowWallMs: () => number;
}

interface RoutineItem extends vscode.QuickPickItem {
  readonly id: string;
  readonly extraSet?: boolean;
}

/** Start Routine…: every routine with its minutes, equipment and when it was last done. */
export async function pickRoutine(deps: PickerDeps): Promise<void> {
  const done = deps.session.ledger.routines;
  const now = deps.nowWallMs();
  const items: RoutineItem[] = deps.routines.routines().flatMap(({ routine, resolved }) => {
    const needs = [...new Set(resolved.steps.flatMap((s) => s.exercise.equipment))].map((q) => deps.labels().equipment[q]);
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
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Start a routine'),
    placeHolder: t('Pick a routine; it opens beside your editor'),
    matchOnDetail: true,
  });
  if (picked) deps.routines.start({ routineId: picked.id, extraSet: picked.extraSet === true });
}

/** Start Exercise…: one exercise of the library. */
export async function pickExercise(deps: PickerDeps): Promise<void> {
  const done = deps.session.ledger.routines;
  const now = deps.nowWallMs();
  const labels = deps.labels();
  const items: RoutineItem[] = deps.library().map((e) => ({
    id: e.id,
    label: e.name,
    description: [
      e.positions.map((p) => labels.position[p]).join(' · '),
      e.equipment.length ? e.equipment.map((q) => labels.equipment[q]).join(', ') : t('no equipment'),
    ].join(' · '),
    detail: `${e.summary} ${formatLastDone(done[`exercise:${e.id}`]?.lastDoneWallMs, now, (wallMs) => localCalendar.startOfDay(wallMs))}.`,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Start an exercise'),
    placeHolder: t('Type to find an exercise'),
    matchOnDescription: true,
  });
  if (picked) deps.routines.start({ exerciseId: picked.id });
}

interface PauseItem extends vscode.QuickPickItem {
  readonly until: () => number | null;
}

/** Pause Reminders…: for a while, until tomorrow, or until resumed. */
export async function pickPause(deps: PickerDeps): Promise<void> {
  const now = deps.nowWallMs();
  const minutes = (m: number) => () => now + m * 60_000;
  const items: PauseItem[] = [
    { label: t('For 30 minutes'), until: minutes(30) },
    { label: t('For 1 hour'), until: minutes(60) },
    { label: t('For 2 hours'), until: minutes(120) },
    { label: t('Until tomorrow'), description: t('06:00, or when your working hours start'), until: () => deps.answers.tomorrow() },
    { label: t('Until I resume'), until: () => null },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Pause break reminders'),
    placeHolder: t('Coding time is still counted while reminders are paused'),
  });
  if (picked) deps.answers.pause(picked.until());
}
