import vscode = require('vscode');

import { literalText } from '../../core/format';
import { type Ledger, reminderStateOf, withReminderState } from '../../core/ledger';
import {
  FULL_ROUTINE_ID,
  offeredFullRoutine,
  pauseReminders,
  type ReminderView,
  resumeReminders,
  skip,
  snooze,
  tomorrowMorning,
} from '../../core/reminders/scheduler';
import { reminderSettingsOf } from '../../core/settings';
import { type Calendar } from '../../core/time';
import { t } from '../../shared/l10n';
import { type HostClock } from '../clock';
import { type CodingSession } from '../codingSession';
import { type RoutinePanel } from '../panels/routinePanel';
import { type SettingsReader } from '../settingsReader';

export type PromptAnswer = 'start' | 'snooze' | 'skip';

/** What the answers need of the reminder loop, which stays loaded: where reminders stand now. */
export interface ReminderLoop {
  /** The view as of the last evaluation. */
  readonly view: ReminderView | undefined;
  /** Re-reads where reminders stand and returns the scheduler's view. */
  evaluate(): ReminderView | undefined;
  /** The id of the prompt due in `ledger` (one per due break and snooze). */
  promptIdOf(ledger: Ledger): string;
}

export interface ReminderAnswerDeps {
  readonly loop: ReminderLoop;
  readonly session: CodingSession;
  readonly settings: SettingsReader;
  readonly clock: HostClock;
  readonly calendar: Calendar;
  readonly routines: () => RoutinePanel;
  readonly log: vscode.LogOutputChannel;
}

/**
 * The reminder a person sees and what they answer: the notification with its buttons, Start, Snooze,
 * Skip, Pause and Resume. Loaded the first time a break is due or answered, not at every start.
 */
export class ReminderAnswers {
  readonly #deps: ReminderAnswerDeps;
  #notificationsShown = 0;

  constructor(deps: ReminderAnswerDeps) {
    this.#deps = deps;
  }

  /** Notifications this window has shown (for tests: the statusBar style shows none). */
  get notificationsShown(): number {
    return this.#notificationsShown;
  }

  /** Shows prompt `id`, which this window has claimed, in the style the person chose. */
  show(view: ReminderView, id: string): void {
    const { settings, log } = this.#deps;
    const routine = this.#deps
      .routines()
      .routines()
      .find((r) => r.routine.id === view.routineId);
    const name = literalText(routine?.routine.name ?? view.routineId);
    const minutes = Math.max(1, Math.round((routine?.resolved.seconds ?? 120) / 60));
    log.info(`Break due (${view.promptReason ?? 'due'}): offering ${view.routineId}.`);
    const style = settings.current.reminderStyle;
    if (style === 'panel') {
      this.answer('start', id, view.routineId);
      return;
    }
    if (style === 'statusBar') return; // the status bar shows it; its menu answers
    const start = t('Start');
    const snoozeLabel = t('Snooze {0} min', settings.current.snoozeMinutes);
    const skipLabel = t('Skip');
    const buttons = view.snoozeOffered ? [start, snoozeLabel, skipLabel] : [start, skipLabel];
    const message = t('Time for a break: {0}, about {1} min. Stand up straight for a moment.', name, minutes);
    this.#notificationsShown++;
    void vscode.window.showInformationMessage(message, ...buttons).then((picked) => {
      const answer: PromptAnswer | undefined =
        picked === start ? 'start' : picked === snoozeLabel ? 'snooze' : picked === skipLabel ? 'skip' : undefined;
      if (answer) this.answer(answer, id, view.routineId);
    });
  }

  /**
   * Acts on an answer, if the prompt is still the one due: a notification cannot be taken back, so a
   * button pressed after the break was answered elsewhere (or taken) does nothing.
   */
  answer(answer: PromptAnswer, promptId?: string, routineId?: string): boolean {
    const { session, clock, calendar, loop } = this.#deps;
    session.follow();
    const ledger = session.ledger;
    const view = loop.evaluate();
    const current = loop.promptIdOf(ledger);
    if ((promptId !== undefined && promptId !== current) || view?.phase !== 'due') {
      this.#deps.log.info(`Ignored "${answer}" for a reminder that is no longer due.`);
      return false;
    }
    const now = clock.now().wallMs;
    const settings = reminderSettingsOf(this.#deps.settings.current);
    const dayKey = calendar.dayKey(now);
    const routine = routineId ?? view.routineId;
    let done = false;
    switch (answer) {
      case 'start':
        session.updateLedger((l) =>
          withReminderState(l, routine === FULL_ROUTINE_ID ? offeredFullRoutine(reminderStateOf(l), dayKey) : reminderStateOf(l)),
        );
        done = this.#deps.routines().start({ routineId: routine }, true);
        break;
      case 'snooze':
        if (!view.snoozeOffered) return false;
        done = session.updateLedger((l) => withReminderState(l, snooze(reminderStateOf(l), now, settings), { kind: 'snoozed', dayKey }));
        break;
      case 'skip':
        done = session.updateLedger((l) =>
          withReminderState(l, skip(reminderStateOf(l), session.snapshot().activeMsSinceBreak, settings), { kind: 'skipped', dayKey }),
        );
        break;
    }
    session.releasePrompt(current);
    this.#deps.log.info(`Reminder answered: ${answer}.`);
    loop.evaluate();
    return done;
  }

  /** The Snooze and Skip commands: the answer, or why there is nothing to answer. */
  answerCommand(answer: 'snooze' | 'skip'): void {
    const view = this.#deps.loop.view;
    if (view?.phase !== 'due') {
      void vscode.window.showInformationMessage(t('No break is due right now.'));
      return;
    }
    if (answer === 'snooze' && !view.snoozeOffered) {
      void vscode.window.showInformationMessage(t('This break has been snoozed as often as upright.maxConsecutiveSnoozes allows.'));
      return;
    }
    this.answer(answer);
  }

  /** Pauses reminders until a wall time (null: until resumed). */
  pause(untilWallMs: number | null): void {
    this.#deps.session.updateLedger((l) => withReminderState(l, pauseReminders(reminderStateOf(l), untilWallMs)));
    this.#deps.loop.evaluate();
  }

  resume(): void {
    this.#deps.session.updateLedger((l) => withReminderState(l, resumeReminders(reminderStateOf(l))));
    this.#deps.loop.evaluate();
  }

  /** "Until tomorrow" for the pause menu. */
  tomorrow(): number {
    const { clock, calendar, settings } = this.#deps;
    return tomorrowMorning(clock.now().wallMs, calendar, settings.current.workingHours);
  }
}
