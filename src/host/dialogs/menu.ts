import vscode = require('vscode');

import { type Absence } from '../../core/away';
import { formatCompactDuration } from '../../core/format';
import { type ReminderView } from '../../core/reminders/scheduler';
import { type TrackerSnapshot } from '../../core/tracker';
import { t } from '../../shared/l10n';
import { COMMANDS } from '../commandIds';

interface MenuItem extends vscode.QuickPickItem {
  readonly run: () => unknown;
}

export interface MenuActions {
  snapshot(): TrackerSnapshot;
  showLog(): void;
  reminder(): ReminderView | undefined;
  nowWallMs(): number;
  /** The last time away, while it can still be answered. */
  away(): Absence | undefined;
}

/** `HH:MM` as VS Code's display language writes it. */
function clockTime(wallMs: number): string {
  return new Date(wallMs).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
}

/** Answers about the last time away: each answer it has not been given yet. */
function awayItems(a: Absence | undefined): MenuItem[] {
  if (!a || a.toWallMs === null) return [];
  const span = `${clockTime(a.fromWallMs)}–${clockTime(a.toWallMs)}`;
  const answer =
    (to: 'sat' | 'moved'): (() => unknown) =>
    () =>
      vscode.commands.executeCommand(COMMANDS.answerAway, to, a.fromWallMs);
  return [
    ...(a.answer !== 'sat'
      ? [
          {
            label: `$(account) ${t('I Sat While Away')}`,
            detail: t('{0}: a meeting or a call, time at the desk rather than a break.', span),
            run: answer('sat'),
          },
        ]
      : []),
    ...(a.answer !== 'moved'
      ? [{ label: `$(arrow-up) ${t('I Moved While Away')}`, detail: t('{0}: it was a break.', span), run: answer('moved') }]
      : []),
  ];
}

/** The status-bar menu: what Upright can do right now. */
export async function showMenu(actions: MenuActions): Promise<void> {
  const snapshot = actions.snapshot();
  const reminder = actions.reminder();
  const due: MenuItem[] =
    reminder?.phase === 'due'
      ? [
          ...(reminder.snoozeOffered
            ? [{ label: `$(clock) ${t('Snooze Break')}`, run: () => vscode.commands.executeCommand(COMMANDS.snooze) }]
            : []),
          { label: `$(debug-step-over) ${t('Skip Break')}`, run: () => vscode.commands.executeCommand(COMMANDS.skip) },
        ]
      : [];
  const paused = reminder?.phase === 'paused' || reminder?.phase === 'held';
  const until = (ms: number | null | undefined): string =>
    ms == null ? '' : new Date(actions.nowWallMs() + ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const held =
    reminder?.phase === 'quiet'
      ? t('Reminders are quiet until {0}: a break due meanwhile comes at the first pause after.', until(reminder.msUntilResume))
      : reminder?.phase === 'held'
        ? reminder.liveShare
          ? t('Reminders are held while Live Share is on.')
          : reminder.msUntilResume === null
            ? t('Reminders are held until you resume them.')
            : t('Reminders are held until {0}.', until(reminder.msUntilResume))
        : undefined;
  const items: MenuItem[] = [
    {
      label: `$(play) ${t('Take a Break Now')}`,
      detail: t('Two minutes of posture work: chin tucks, shoulder-blade squeezes, pull-aparts.'),
      run: () => vscode.commands.executeCommand(COMMANDS.takeBreak),
    },
    ...due,
    ...awayItems(actions.away()),
    {
      label: `$(list-ordered) ${t('Start Routine…')}`,
      run: () => vscode.commands.executeCommand(COMMANDS.startRoutine),
    },
    paused
      ? { label: `$(debug-start) ${t('Resume Reminders')}`, detail: held, run: () => vscode.commands.executeCommand(COMMANDS.resume) }
      : { label: `$(debug-pause) ${t('Pause Reminders…')}`, detail: held, run: () => vscode.commands.executeCommand(COMMANDS.pause) },
    {
      label: `$(coffee) ${t('I Took a Break')}`,
      detail: t('Record a break taken away from the keyboard; the session timer starts again.'),
      run: () => vscode.commands.executeCommand(COMMANDS.logBreak),
    },
    {
      label: `$(book) ${t('Browse Exercises')}`,
      detail: t('Every exercise with its picture and steps.'),
      run: () => vscode.commands.executeCommand(COMMANDS.browseExercises),
    },
    {
      label: `$(graph) ${t('Show Stats')}`,
      detail: t('Today, the last 14 days, your streak and the exercises you do most.'),
      run: () => vscode.commands.executeCommand(COMMANDS.showStats),
    },
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: () => undefined },
    {
      label: `$(settings-gear) ${t('Settings')}`,
      detail: t('Idle threshold, natural break length, your equipment, what the status bar shows.'),
      run: () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:upright.upright'),
    },
    {
      label: `$(output) ${t('Show Log')}`,
      run: () => actions.showLog(),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t(
      'Upright — {0} since your last break · {1} today',
      formatCompactDuration(snapshot.activeMsSinceBreak),
      formatCompactDuration(snapshot.todayActiveMs),
    ),
    placeHolder: t('Choose an action'),
  });
  await picked?.run();
}
