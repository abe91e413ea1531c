import * as vscode from 'vscode';

import { literalText } from '../core/format';
import { type Ledger, reminderStateOf, withReminderState } from '../core/ledger';
import {
  evaluate,
  FULL_ROUTINE_ID,
  offeredFullRoutine,
  pauseReminders,
  type ReminderView,
  resumeReminders,
  skip,
  snooze,
  tomorrowMorning,
} from '../core/reminders/scheduler';
import { reminderSettingsOf } from '../core/settings';
import { type Calendar } from '../core/time';
import { t } from '../shared/l10n';
import { type HostClock } from './clock';
import { type CodingSession } from './codingSession';
import { Disposable } from './dispose';
import { type RoutinePanel } from './panels/routinePanel';
import { type SettingsReader } from './settingsReader';
import { type SessionStatusBar } from './statusBar';

export type PromptAnswer = 'start' | 'snooze' | 'skip';

export interface RemindersDeps {
  readonly session: CodingSession;
  readonly settings: SettingsReader;
  readonly clock: HostClock;
  readonly calendar: Calendar;
  /** The routine panel, loaded when a reminder first needs it. */
  readonly routines: () => RoutinePanel;
  readonly statusBar: SessionStatusBar;
  readonly log: vscode.LogOutputChannel;
  /** Whether this window counts as focused (tests decide it themselves). */
  readonly focused: () => boolean;
}

/** How long a window owns a prompt it claimed, if it dies without answering. */
const PROMPT_CLAIM_MS = 10 * 60_000;

/**
 * The reminder loop of one window: asks the scheduler where reminders stand (on the minute refresh, on
 * the timers it asks for, on focus and on stopping points), and, in the focused window only, claims
 * the prompt in the shared ledger and shows it. Other windows mirror the state in their status bars.
 */
export class Reminders extends Disposable {
  readonly #deps: RemindersDeps;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Wall time this window first saw the break due (the 3-minute cap counts from it). */
  #dueSinceWallMs: number | null = null;
  #stoppingPointMonoMs: number | null = null;
  /** The prompt this window has shown and not seen answered. */
  #shownPromptId: string | undefined;
  #lastView: ReminderView | undefined;
  #evaluating = false;
  #notificationsShown = 0;

  constructor(deps: RemindersDeps) {
    super();
    this.#deps = deps;
    this._register(deps.session.onDidRefresh(() => this.evaluate()));
    this._register(deps.settings.onDidChange(() => this.evaluate()));
  }

  /** The scheduler's view as of the last evaluation (for the status bar, the menu and tests). */
  get view(): ReminderView | undefined {
    return this.#lastView;
  }

  get shownPromptId(): string | undefined {
    return this.#shownPromptId;
  }

  /** Notifications this window has shown (for tests: the statusBar style shows none). */
  get notificationsShown(): number {
    return this.#notificationsShown;
  }

  stoppingPoint(): void {
    if (this.#dueSinceWallMs === null) return;
    this.#stoppingPointMonoMs = this.#deps.clock.now().monoMs;
    this.#schedule(2_050);
  }

  evaluate(): void {
    if (this.#evaluating) return; // writing the ledger redraws, which calls back here
    this.#evaluating = true;
    try {
      this.#evaluate();
    } finally {
      this.#evaluating = false;
    }
  }

  #evaluate(): void {
    const { session, settings, clock, calendar } = this.#deps;
    const now = clock.now();
    const ledger = session.ledger;
    const snapshot = session.snapshot();
    const lastActivity = session.lastActivityMonoMs;
    const quietMs = lastActivity === null ? Number.POSITIVE_INFINITY : Math.max(0, now.monoMs - lastActivity);
    const reminderSettings = reminderSettingsOf(settings.current);
    const state = reminderStateOf(ledger);
    const probe = evaluate(
      state,
      {
        nowWallMs: now.wallMs,
        activeMsSinceBreak: snapshot.activeMsSinceBreak,
        todayActiveMs: snapshot.todayActiveMs,
        quietMs,
        stoppingPointAgoMs: null,
        dueForMs: 0,
        debugging: false,
      },
      reminderSettings,
      calendar,
    );
    if (probe.phase !== 'due') {
      this.#dueSinceWallMs = null;
      this.#stoppingPointMonoMs = null;
      this.#shownPromptId = undefined;
    } else if (this.#dueSinceWallMs === null) {
      this.#dueSinceWallMs = now.wallMs;
    }
    const view =
      probe.phase !== 'due'
        ? probe
        : evaluate(
            state,
            {
              nowWallMs: now.wallMs,
              activeMsSinceBreak: snapshot.activeMsSinceBreak,
              todayActiveMs: snapshot.todayActiveMs,
              quietMs,
              stoppingPointAgoMs: this.#stoppingPointMonoMs === null ? null : now.monoMs - this.#stoppingPointMonoMs,
              dueForMs: now.wallMs - (this.#dueSinceWallMs ?? now.wallMs),
              debugging: vscode.debug.activeDebugSession !== undefined,
            },
            reminderSettings,
            calendar,
          );
    this.#lastView = view;
    this.#deps.statusBar.showReminder(view, now.wallMs);
    if (view.promptNow && this.#shownPromptId === undefined && this.#deps.focused()) this.#prompt(view, ledger);
    // Timers only while something is about to change; the minute refresh covers the rest.
    if (view.phase === 'soon') this.#schedule(1_000);
    else if (view.wakeInMs !== null && view.wakeInMs < 60_000) this.#schedule(view.wakeInMs + 20);
  }

  #schedule(ms: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#deps.session.follow();
        this.evaluate();
      },
      Math.max(20, ms),
    );
  }

  #promptId(ledger: Ledger): string {
    return `break:${ledger.lastBreak?.atWallMs ?? 0}:${ledger.dueAtActiveMs ?? 0}:${ledger.snoozedUntilWallMs ?? 0}`;
  }

  #prompt(view: ReminderView, ledger: Ledger): void {
    const id = this.#promptId(ledger);
    // One due break is one reminder, however often it is snoozed: the episode leaves the snooze out.
    const episode = `${ledger.lastBreak?.atWallMs ?? 0}:${ledger.dueAtActiveMs ?? 0}`;
    if (!this.#deps.session.claimPrompt(id, PROMPT_CLAIM_MS, episode)) {
      // Another window shows it; this one mirrors the state in its status bar.
      this.#shownPromptId = id;
      return;
    }
    this.#shownPromptId = id;
    const routine = this.#deps
      .routines()
      .routines()
      .find((r) => r.routine.id === view.routineId);
    const name = literalText(routine?.routine.name ?? view.routineId);
    const minutes = Math.max(1, Math.round((routine?.resolved.seconds ?? 120) / 60));
    this.#deps.log.info(`Break due (${view.promptReason ?? 'due'}): offering ${view.routineId}.`);
    const style = this.#deps.settings.current.reminderStyle;
    if (style === 'panel') {
      void this.answer('start', id, view.routineId);
      return;
    }
    if (style === 'statusBar') return; // the status bar shows it; its menu answers
    const start = t('Start');
    const snoozeLabel = t('Snooze {0} min', this.#deps.settings.current.snoozeMinutes);
    const skipLabel = t('Skip');
    const buttons = view.snoozeOffered ? [start, snoozeLabel, skipLabel] : [start, skipLabel];
    const message = t('Time for a break: {0}, about {1} min. Stand up straight for a moment.', name, minutes);
    this.#notificationsShown++;
    void vscode.window.showInformationMessage(message, ...buttons).then((picked) => {
      const answer: PromptAnswer | undefined =
        picked === start ? 'start' : picked === snoozeLabel ? 'snooze' : picked === skipLabel ? 'skip' : undefined;
      if (answer) void this.answer(answer, id, view.routineId);
    });
  }

  /**
   * Acts on an answer, if the prompt is still the one due: a notification cannot be taken back, so a
   * button pressed after the break was answered elsewhere (or taken) does nothing.
   */
  answer(answer: PromptAnswer, promptId?: string, routineId?: string): boolean {
    const { session, clock, calendar } = this.#deps;
    session.follow();
    const ledger = session.ledger;
    this.evaluate();
    const view = this.#lastView;
    const current = this.#promptId(ledger);
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
    this.evaluate();
    return done;
  }

  /** Pauses reminders until a wall time (null: until resumed). */
  pause(untilWallMs: number | null): void {
    this.#deps.session.updateLedger((l) => withReminderState(l, pauseReminders(reminderStateOf(l), untilWallMs)));
    this.evaluate();
  }

  resume(): void {
    this.#deps.session.updateLedger((l) => withReminderState(l, resumeReminders(reminderStateOf(l))));
    this.evaluate();
  }

  /** "Until tomorrow" for the pause menu. */
  tomorrow(): number {
    const { clock, calendar, settings } = this.#deps;
    return tomorrowMorning(clock.now().wallMs, calendar, settings.current.workingHours);
  }

  override dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    super.dispose();
  }
}
