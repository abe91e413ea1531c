import vscode = require('vscode');

import { DEFAULT_ROUTINE_ID, type ResolvedRoutine } from '../../core/exercises/routines';
import { formatSpokenDuration, literalText } from '../../core/format';
import { holdMinutesOf, MAX_HOLD_MINUTES } from '../../core/holds';
import { breakEpisode, type Ledger, reminderStateOf } from '../../core/ledger';
import {
  holdReminders,
  pauseReminders,
  type ReminderState,
  type ReminderView,
  resumeReminders,
  skip,
  snooze,
  tomorrowMorning,
} from '../../core/reminders/scheduler';
import { describeValue, reminderSettingsOf } from '../../core/settings';
import { type Calendar, MS_PER_MINUTE } from '../../core/time';
import { t } from '../../shared/l10n';
import { type HostClock } from '../clock';
import { type CodingSession } from '../codingSession';
import { type RoutinePanel } from '../panels/routinePanel';
import { type SettingsReader } from '../settingsReader';

export type PromptAnswer = 'start' | 'snooze' | 'skip';

/**
 * The fields an answer changes. It is written with the time, maybe after other windows' writes, so it
 * carries only what it changed and never puts back what it did not.
 */
function changes(state: ReminderState, next: ReminderState): Partial<ReminderState> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== state[key as keyof ReminderState]));
}

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

  /**
   * What a reminder offers: routine `routineId` as a reminder runs it, or, when that leaves no exercise
   * to do at the desk (each unknown, or done on the floor), the built-in default, with a warning naming
   * the setting. Undefined only when not even that can be read.
   */
  #offer(routineId: string): ResolvedRoutine | undefined {
    const offered = this.#deps.routines().resolved(routineId, true);
    if (offered?.steps.length || routineId === DEFAULT_ROUTINE_ID) return offered;
    return this.#deps.routines().resolved(this.#builtInFor(routineId), true);
  }

  /** The built-in default in place of routine `routineId`, which has nothing to do: the setting is named. */
  #builtInFor(routineId: string): string {
    this.#deps.settings.report({
      setting: 'upright.defaultRoutine',
      found: describeValue(routineId),
      used: DEFAULT_ROUTINE_ID,
      reason: 'nothingAtTheDesk',
    });
    return DEFAULT_ROUTINE_ID;
  }

  /** Take a Break Now: routine `routineId`, or the built-in default when it has no exercise to do. */
  takeBreak(routineId: string): void {
    if (!this.#deps.routines().start({ routineId }) && routineId !== DEFAULT_ROUTINE_ID) this.takeBreak(this.#builtInFor(routineId));
  }

  /** Shows prompt `id`, which this window has claimed, in the style the person chose. */
  show(view: ReminderView, id: string): void {
    const { settings, log } = this.#deps;
    const offer = this.#offer(view.routineId);
    const routineId = offer?.routine.id ?? view.routineId;
    const name = literalText(offer?.routine.name ?? routineId);
    const minutes = Math.max(1, Math.round((offer?.seconds ?? 120) / 60));
    log.info(`Break due (${view.promptReason ?? 'due'}): offering ${routineId}.`);
    const style = settings.current.reminderStyle;
    if (style === 'panel') {
      this.answer('start', id, routineId);
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
      if (answer) this.answer(answer, id, routineId);
    });
  }

  /**
   * Acts on an answer, if the prompt is still the one due: a notification cannot be taken back, so a
   * button pressed after the break was answered elsewhere (or taken) does nothing.
   */
  answer(answer: PromptAnswer, promptId?: string, routineId?: string): boolean {
    const { session, loop } = this.#deps;
    session.follow();
    const ledger = session.ledger;
    const view = loop.evaluate();
    const current = loop.promptIdOf(ledger);
    if ((promptId !== undefined && promptId !== current) || view?.phase !== 'due') {
      this.#deps.log.info(`Ignored "${answer}" for a reminder that is no longer due.`);
      return false;
    }
    const settings = reminderSettingsOf(this.#deps.settings.current);
    const routine = routineId ?? view.routineId;
    const episode = breakEpisode(ledger);
    const state = reminderStateOf(ledger);
    const now = this.#deps.clock.now().wallMs;
    let done = false;
    switch (answer) {
      case 'start': {
        const offer = this.#offer(routine);
        // Nothing could be opened (the library cannot be read): the break stays due, neither answered nor taken.
        if (!offer || !this.#deps.routines().start({ routineId: offer.routine.id }, true)) return false;
        done = true;
        break;
      }
      case 'snooze':
        if (!view.snoozeOffered) return false;
        session.answer({ episode, set: changes(state, snooze(state, now, settings)), counts: 'snoozed' });
        done = true;
        break;
      case 'skip':
        session.answer({ episode, set: changes(state, skip(state, session.snapshot().deskMsSinceBreak, settings)), counts: 'skipped' });
        done = true;
        break;
    }
    // Answered: in this window at once, in the ledger now or when storage can be written again.
    session.releasePrompt(current);
    this.#deps.log.info(`Reminder answered: ${answer}.`);
    loop.evaluate();
    return done;
  }

  /** The Snooze and Skip commands: the answer, or why there is nothing to answer. */
  answerCommand(answer: 'snooze' | 'skip'): void {
    const view = this.#deps.loop.view;
    const why =
      view?.phase !== 'due'
        ? t('No break is due right now.')
        : answer === 'snooze' && !view.snoozeOffered
          ? t('This break has been snoozed as often as upright.maxConsecutiveSnoozes allows.')
          : undefined;
    if (why === undefined) this.answer(answer);
    else void vscode.window.showInformationMessage(why);
  }

  /** Pauses reminders until a wall time (null: until resumed). */
  pause(untilWallMs: number | null): void {
    const state = reminderStateOf(this.#deps.session.ledger);
    this.#deps.session.answer({ set: changes(state, pauseReminders(state, untilWallMs, this.#deps.clock.now().wallMs)) });
    this.#deps.loop.evaluate();
  }

  /**
   * Hold Reminders: for `arg` minutes (a keybinding's or a script's argument), or until resumed. A
   * break that falls due meanwhile is offered at the first pause after. An argument that is not a
   * sensible number of minutes is said so, and a safe hold is used.
   */
  hold(arg: unknown): void {
    const { minutes, problem } = holdMinutesOf(arg);
    if (problem) {
      const found = describeValue(arg);
      const held = formatSpokenDuration((minutes ?? 0) * MS_PER_MINUTE);
      this.#deps.log.warn(
        `Hold Reminders was given ${found}, not a number of minutes from 1 to ${MAX_HOLD_MINUTES}: held for ${minutes} min.`,
      );
      void vscode.window.showWarningMessage(
        problem === 'outOfRange'
          ? t(
              'Upright: Hold Reminders takes 1 to {0} minutes; {1} is out of range, so reminders are held for {2}.',
              MAX_HOLD_MINUTES,
              found,
              held,
            )
          : t('Upright: Hold Reminders takes a number of minutes; {0} is not one, so reminders are held for {1}.', found, held),
      );
    }
    const now = this.#deps.clock.now().wallMs;
    const state = reminderStateOf(this.#deps.session.ledger);
    this.#deps.session.answer({ set: changes(state, holdReminders(state, minutes === null ? null : now + minutes * MS_PER_MINUTE, now)) });
    this.#deps.log.info(minutes === null ? 'Reminders held until resumed.' : `Reminders held for ${minutes} min.`);
    this.#deps.loop.evaluate();
  }

  resume(): void {
    const state = reminderStateOf(this.#deps.session.ledger);
    this.#deps.session.answer({ set: changes(state, resumeReminders(state)) });
    this.#deps.loop.evaluate();
  }

  /** "Until tomorrow" for the pause menu. */
  tomorrow(): number {
    const { clock, calendar, settings } = this.#deps;
    return tomorrowMorning(clock.now().wallMs, calendar, settings.current.workingHours);
  }
}
