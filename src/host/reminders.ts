import vscode = require('vscode');

import { type Ledger, reminderStateOf } from '../core/ledger';
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
}

/** How long a window owns a prompt it claimed, if it dies without answering. */
const PROMPT_CLAIM_MS = 10 * 60_000;

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

  /** The id of the prompt due in `ledger`: one per due break and snooze. */
  promptIdOf(ledger: Ledger): string {
    return `break:${ledger.lastBreak?.atWallMs ?? 0}:${ledger.dueAtActiveMs ?? 0}:${ledger.snoozedUntilWallMs ?? 0}`;
  }

  #prompt(view: ReminderView, ledger: Ledger): void {
    const id = this.promptIdOf(ledger);
    // One due break is one reminder, however often it is snoozed: the episode leaves the snooze out.
    const episode = `${ledger.lastBreak?.atWallMs ?? 0}:${ledger.dueAtActiveMs ?? 0}`;
    this.#shownPromptId = id;
    // Otherwise another window shows it; this one mirrors the state in its status bar.
    if (this.#deps.session.claimPrompt(id, PROMPT_CLAIM_MS, episode)) this.#deps.answers().show(view, id);
  }

  override dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    super.dispose();
  }
}
