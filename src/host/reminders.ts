import vscode = require('vscode');

import { breakEpisode, type Ledger, reminderStateOf } from '../core/ledger';
import { evaluate, type ReminderView } from '../core/reminders/scheduler';
import { reminderSettingsOf } from '../core/settings';
import { type Calendar } from '../core/time';
import { type HostClock } from './clock';
import { type CodingSession } from './codingSession';
import { type ReminderAnswers } from './dialogs/reminderAnswers';
import { Disposable } from './dispose';
import { type SettingsReader } from './settingsReader';
import { type SessionStatusBar } from './statusBar';

export interface RemindersDeps {
  readonly session: CodingSession;
  readonly settings: SettingsReader;
  readonly clock: HostClock;
  readonly calendar: Calendar;
  /** The notification and the answers to it, loaded when a break is first due or answered. */
  readonly answers: () => ReminderAnswers;
  readonly statusBar: SessionStatusBar;
  readonly log: vscode.LogOutputChannel;
  /** Whether this window counts as focused (tests decide it themselves). */
  readonly focused: () => boolean;
  /** After every look at where reminders stand (eye breaks follow them). */
  readonly evaluated?: () => void;
}

/** How long a window owns a prompt it claimed, if it dies without answering. */
const PROMPT_CLAIM_MS = 10 * 60_000;
/** A claim that met a busy ledger is tried again this soon. */
const CLAIM_RETRY_MS = 2_000;

/**
 * The reminder loop of one window: asks the scheduler where reminders stand (on the minute refresh, on
 * the timers it asks for, on focus and on stopping points), and, in the focused window only, claims
 * the prompt in the shared ledger and has it shown. Other windows mirror the state in their status
 * bars. What a person sees and answers is in dialogs/reminderAnswers.ts, loaded on first use.
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
  /** The shown prompt is another window's claim, until this wall time. */
  #mirroredUntilWallMs: number | null = null;
  /** Claims that met a busy ledger in a row (the first is logged). */
  #claimRetries = 0;

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

  stoppingPoint(): void {
    if (this.#dueSinceWallMs === null) return;
    this.#stoppingPointMonoMs = this.#deps.clock.now().monoMs;
    this.#schedule(2_050);
  }

  /** Re-reads where reminders stand (and prompts, if a break is due in this focused window); returns the view. */
  evaluate(): ReminderView | undefined {
    if (this.#evaluating) return this.#lastView; // writing the ledger redraws, which calls back here
    this.#evaluating = true;
    try {
      this.#evaluate();
    } finally {
      this.#evaluating = false;
    }
    this.#deps.evaluated?.();
    return this.#lastView;
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
    const input = {
      nowWallMs: now.wallMs,
      activeMsSinceBreak: snapshot.deskMsSinceBreak,
      todayActiveMs: snapshot.todayActiveMs,
      quietMs,
      stoppingPointAgoMs: null,
      dueForMs: 0,
      debugging: false,
    };
    const probe = evaluate(state, input, reminderSettings, calendar);
    if (probe.phase !== 'due') {
      this.#dueSinceWallMs = null;
      this.#stoppingPointMonoMs = null;
      this.#shownPromptId = undefined;
      this.#mirroredUntilWallMs = null;
      this.#claimRetries = 0;
    } else if (this.#dueSinceWallMs === null) {
      this.#dueSinceWallMs = now.wallMs;
    }
    // Due: how long it has been due, a stopping point and a debug session decide when it goes out.
    const view =
      probe.phase !== 'due'
        ? probe
        : evaluate(
            state,
            {
              ...input,
              stoppingPointAgoMs: this.#stoppingPointMonoMs === null ? null : now.monoMs - this.#stoppingPointMonoMs,
              dueForMs: now.wallMs - (this.#dueSinceWallMs ?? now.wallMs),
              debugging: vscode.debug.activeDebugSession !== undefined,
            },
            reminderSettings,
            calendar,
          );
    this.#lastView = view;
    this.#deps.statusBar.showReminder(view, now.wallMs);
    // A prompt mirrored from another window whose claim has lapsed is this window's to show now.
    if (this.#mirroredUntilWallMs !== null && now.wallMs >= this.#mirroredUntilWallMs && this.#shownPromptId !== undefined) {
      this.#shownPromptId = undefined;
      this.#mirroredUntilWallMs = null;
    }
    // Timers only while something is about to change; the minute refresh covers the rest.
    let wakeInMs = view.phase === 'soon' ? 1_000 : view.wakeInMs !== null ? view.wakeInMs + 20 : null;
    if (view.promptNow && this.#shownPromptId === undefined && this.#deps.focused()) {
      const again = this.#prompt(view, ledger, now.wallMs);
      if (again !== null) wakeInMs = Math.min(wakeInMs ?? again, again);
    }
    if (wakeInMs !== null && wakeInMs < 60_000) this.#schedule(wakeInMs);
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

  /** The id of the prompt due in `ledger`: one per due break and snooze. */
  promptIdOf(ledger: Ledger): string {
    return `break:${ledger.lastBreak?.atWallMs ?? 0}:${ledger.dueAtActiveMs ?? 0}:${ledger.snoozedUntilWallMs ?? 0}`;
  }

  /**
   * Claims the due prompt and has it shown. Returns when to look again (ms), or null: a busy ledger
   * leaves it unclaimed, to be tried again shortly; a claim another window holds is mirrored until it
   * lapses (its window may have closed without answering), and then tried again here.
   */
  #prompt(view: ReminderView, ledger: Ledger, nowWallMs: number): number | null {
    const id = this.promptIdOf(ledger);
    // One due break is one reminder, however often it is snoozed: the episode leaves the snooze out.
    const claim = this.#deps.session.claimPrompt(id, PROMPT_CLAIM_MS, breakEpisode(ledger), view.routineId);
    if (claim === 'retry') {
      if (this.#claimRetries++ === 0) this.#deps.log.info('Reminder due while the ledger was busy; trying again.');
      return CLAIM_RETRY_MS;
    }
    this.#claimRetries = 0;
    this.#shownPromptId = id;
    if (claim === 'granted') {
      this.#mirroredUntilWallMs = null;
      this.#deps.answers().show(view, id);
      return null;
    }
    // Taken: another window's unexpired claim (for this prompt, or one it has not released yet).
    this.#mirroredUntilWallMs = this.#deps.session.ledger.prompt?.expiresAtWallMs ?? nowWallMs;
    return Math.max(20, this.#mirroredUntilWallMs - nowWallMs + 20);
  }

  override dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    super.dispose();
  }
}
