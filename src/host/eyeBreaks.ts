// Eye breaks, the 20-20-20 rule, in the status bar: after a spell of coding, a countdown of a few
// seconds to look at something far away. Loaded with the panels (onDemand), when one is near.
import vscode = require('vscode');

import { eyeBreakView, type EyeView } from '../core/eyeBreaks';
import { eyeRested } from '../core/ledger';
import { type Calendar } from '../core/time';
import { singular, t } from '../shared/l10n';
import { type HostClock } from './clock';
import { type CodingSession } from './codingSession';
import { COMMANDS } from './commandIds';
import { Disposable } from './dispose';
import { type Reminders } from './reminders';
import { type SettingsReader } from './settingsReader';

export interface EyeBreaksDeps {
  readonly session: CodingSession;
  readonly settings: SettingsReader;
  readonly clock: HostClock;
  readonly calendar: Calendar;
  readonly reminders: Reminders;
  readonly log: vscode.LogOutputChannel;
  /** This window is focused (tests decide it themselves). */
  readonly focused: () => boolean;
  /** A routine or a move is under way in this window. */
  readonly exercising: () => boolean;
}

/** How long "Eyes rested" stays in the status bar once the count has run out. */
const DONE_SHOWN_MS = 3_000;

/**
 * The eye break of one window. Only the focused window shows it and counts it down; the count starts
 * again at every activity, so it counts only seconds really spent looking away. Taken or skipped, it
 * is written to the shared ledger, which starts the next interval for every window. No timer while it
 * is more than a minute of coding away.
 */
export class EyeBreaks extends Disposable {
  readonly #deps: EyeBreaksDeps;
  #item: vscode.StatusBarItem | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueSinceMonoMs: number | null = null;
  #doneUntilMonoMs: number | null = null;
  #view: EyeView | undefined;
  #evaluating = false;
  /** Eye breaks this window counted, and the seconds it showed (for tests). */
  taken = 0;
  wakeUps = 0;

  constructor(deps: EyeBreaksDeps) {
    super();
    this.#deps = deps;
  }

  /** Where the eye break stands as last looked at (for tests). */
  get state(): { phase: EyeView['phase'] | 'rested'; secondsLeft: number; msUntilDue: number; text: string | undefined } | undefined {
    const view = this.#view;
    if (!view) return undefined;
    const rested = this.#doneUntilMonoMs !== null;
    return { phase: rested ? 'rested' : view.phase, secondsLeft: view.secondsLeft, msUntilDue: view.msUntilDue, text: this.#item?.text };
  }

  /** Looks again at where the eye break stands (after every look at the reminders, and on its own timer). */
  evaluate(): void {
    if (this.#evaluating) return; // recording an eye break writes the ledger, which redraws and calls back here
    this.#evaluating = true;
    try {
      this.#evaluate();
    } finally {
      this.#evaluating = false;
    }
  }

  #evaluate(): void {
    const { session, settings, clock, reminders } = this.#deps;
    const now = clock.now().monoMs;
    const last = session.lastActivityMonoMs;
    const view = eyeBreakView(settings.current.eyeBreaks, {
      activeMsSinceEyeRest: session.ledger.activeMsSinceEyeRest,
      reminder: reminders.view,
      quietMs: last === null ? Number.POSITIVE_INFINITY : Math.max(0, now - last),
      dueForMs: this.#dueSinceMonoMs === null ? null : now - this.#dueSinceMonoMs,
      inUse: this.#deps.focused() && !this.#deps.exercising(),
    });
    this.#view = view;
    if (view.phase === 'due' && this.#dueSinceMonoMs === null) {
      this.#dueSinceMonoMs = now;
      this.#deps.log.info('Eye break due.');
    }
    if (view.phase !== 'due') this.#dueSinceMonoMs = null;
    if (view.phase === 'done') {
      this.taken++;
      this.#record(true);
      this.#doneUntilMonoMs = now + DONE_SHOWN_MS;
    }
    const showingDone = this.#doneUntilMonoMs !== null && now < this.#doneUntilMonoMs;
    if (!showingDone) this.#doneUntilMonoMs = null;
    if (view.phase === 'due') this.#show(view);
    else if (showingDone) this.#showDone();
    else this.#item?.hide();
    const wake = showingDone ? (this.#doneUntilMonoMs ?? now) - now : view.wakeInMs;
    this.#schedule(wake !== null && wake < 60_000 ? wake : null);
  }

  /** The status item's click: this one is skipped, and the next is a full interval away. */
  skip(): void {
    if (this.#view?.phase !== 'due') return;
    this.#deps.log.info('Eye break skipped.');
    this.#evaluating = true;
    try {
      this.#record(false);
    } finally {
      this.#evaluating = false;
    }
    this.#dueSinceMonoMs = null;
    this.evaluate();
  }

  #record(counted: boolean): void {
    const dayKey = this.#deps.calendar.dayKey(this.#deps.clock.now().wallMs);
    this.#deps.session.change((l) => eyeRested(l, dayKey, counted));
    if (counted) this.#deps.log.info('Eye break taken.');
  }

  #itemOf(): vscode.StatusBarItem {
    if (this.#item) return this.#item;
    const item = this._register(vscode.window.createStatusBarItem('upright.eyes', vscode.StatusBarAlignment.Right, 99.99));
    item.name = t('Upright: eye break');
    item.command = { command: COMMANDS.skipEyeBreak, title: t('Skip this eye break') };
    return (this.#item = item);
  }

  #show(view: EyeView): void {
    const item = this.#itemOf();
    const seconds = view.secondsLeft;
    item.text = `$(eye) ${t('Look far away: {0} s', seconds)}`;
    item.tooltip = t(
      'Rest your eyes: look at something at least 6 metres (20 feet) away until the count reaches zero. Typing starts it again. Click to skip this one.',
    );
    item.accessibilityInformation = {
      label: t(singular(seconds) ? 'Eye break: look far away, {0} second left.' : 'Eye break: look far away, {0} seconds left.', seconds),
      role: 'button',
    };
    item.backgroundColor = undefined;
    item.show();
  }

  #showDone(): void {
    const item = this.#itemOf();
    item.text = `$(eye) ${t('Eyes rested')}`;
    item.tooltip = t('Eye break taken. The next one comes after {0} min of coding.', this.#deps.settings.current.eyeBreaks.everyMinutes);
    item.accessibilityInformation = { label: t('Eye break taken.') };
    item.show();
  }

  #schedule(ms: number | null): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (ms === null) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.wakeUps++;
        this.evaluate();
      },
      Math.max(20, ms),
    );
  }

  override dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    super.dispose();
  }
}
