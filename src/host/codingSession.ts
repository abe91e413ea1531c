import vscode = require('vscode');

import { type Absence } from '../core/away';
import { type CompletedExercise } from '../core/days';
import { type History } from '../core/history';
import { claimPrompt, commitOps, type Ledger, type MutableLedger, type ReminderAnswer } from '../core/ledger';
import { FULL_ROUTINE_ID } from '../core/reminders/scheduler';
import { trackerSettingsOf, type UprightSettings } from '../core/settings';
import { type Calendar, MS_PER_MINUTE, msUntilNextMinute } from '../core/time';
import { ActivityTracker, type TrackerSnapshot } from '../core/tracker';
import { MOVE_ROUTINE_PREFIX } from '../core/waits';
import { t } from '../shared/l10n';
import { type ActivitySink } from './activitySource';
import { type HostClock } from './clock';
import { Disposable } from './dispose';
import { type SessionStatusBar } from './statusBar';
import { errorCode } from './storage/errorCode';
import { isBusy, type LedgerStore, type UpdateOptions } from './storage/ledgerStore';

export interface CodingSessionDeps {
  readonly clock: HostClock;
  readonly calendar: Calendar;
  readonly store: LedgerStore;
  readonly initial: Ledger;
  readonly statusBar: SessionStatusBar;
  readonly settings: () => UprightSettings;
  readonly focused: boolean;
  readonly log: vscode.LogOutputChannel;
  /** Calls back when another window may have written the ledger; absent where that cannot be seen. */
  readonly watchLedger?: (changed: () => void) => vscode.Disposable | undefined;
  /** This window's id in the ledger (prompt claims). */
  readonly windowId: string;
  /** Tells the person something went wrong with their records (a notification). */
  readonly warn: (message: string) => void;
  /** Activity in this window ended an absence counted as a break (see `ActivityTracker.takeReturn`). */
  readonly returned?: (absence: Absence) => void;
}

export interface SessionCounters {
  /** Timer wake-ups (the minute refresh). */
  readonly wakeUps: number;
  /** Wake-ups for another window's write to the ledger folder (file watcher, debounced). */
  readonly watchWakeUps: number;
  /** Ledger reads caused by another window's write. */
  readonly ledgerReads: number;
  readonly ledgerWrites: number;
  readonly ledgerWriteMs: number;
  readonly ledgerWriteMaxMs: number;
  /** Times the person was told their records could not be saved (once a window at most). */
  readonly storageWarnings: number;
}

/** A claim made in one locked write: the ledger as it is to be written, and whether `owner` got it. */
type Claim = (current: Ledger, owner: string) => { ledger: Ledger; granted: boolean };

/** What a prompt claim came to (see `CodingSession.claimPrompt`). */
export type PromptClaimResult = 'granted' | 'taken' | 'retry';

/** A debounce for the file watcher: several events arrive for one rename. */
const WATCH_DEBOUNCE_MS = 150;

/**
 * This window's part of the one clock: feeds activity into the tracker, writes what it credited to the
 * shared ledger (once a minute while coding, and at once on focus loss or a break), follows other
 * windows' writes, and keeps the status bar current. One timer, aligned to the wall-clock minute.
 */
export class CodingSession extends Disposable implements ActivitySink {
  readonly #deps: CodingSessionDeps;
  readonly #tracker: ActivityTracker;
  /** The shared ledger as last read or written (without this window's pending operations). */
  #shared: Ledger;
  #sharedSignature: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstWrite: ReturnType<typeof setTimeout> | undefined;
  #watcher: vscode.Disposable | undefined;
  #watchTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #shownSessionMinute = -1;
  #shownTodayMinute = -1;
  #wakeUps = 0;
  #watchWakeUps = 0;
  #ledgerReads = 0;
  #writeFailureLogged = false;
  /** Focus came to this window and it has not yet read another window's write since. */
  #awaitingOthers = false;
  #storageWarnings = 0;
  #lastWriteError: unknown;
  #lastActivityMonoMs: number | null = null;
  readonly #refreshed = this._register(new vscode.EventEmitter<void>());
  /** Fires after the status bar has been brought up to date (the reminders and the Stats page listen). */
  readonly onDidRefresh = this.#refreshed.event;

  constructor(deps: CodingSessionDeps) {
    super();
    this.#deps = deps;
    this.#shared = deps.initial;
    this.#sharedSignature = deps.store.signature();
    this.#tracker = new ActivityTracker(trackerSettingsOf(deps.settings()), deps.calendar, deps.initial, deps.clock.now(), deps.focused);
    // What a start shows needs no write: the first one (a break noticed while VS Code was closed) and
    // the watch on other windows' writes follow at once, outside activate(): no lock, rename or watcher there.
    this.#tracker.tick(deps.clock.now());
    this.#render();
    this.#firstWrite = setTimeout(() => {
      this.#firstWrite = undefined;
      this.#watch();
      this.refresh();
    }, 0);
    this.#scheduleMinuteRefresh();
  }

  /** Called for every activity event: keep it cheap. */
  activity(): void {
    const tracker = this.#tracker;
    const now = this.#deps.clock.now();
    this.#lastActivityMonoMs = now.monoMs;
    // The window left may write what it credited just after this one gained focus and read.
    if (this.#awaitingOthers) this.#readIfChanged();
    tracker.recordActivity(now);
    // An activity that ends an idle gap is written at once, so no other window mistakes the gap for a break.
    if (tracker.hasUrgentPending) this.flush();
    this.#checkReturn();
    if (
      Math.floor(tracker.activeMsSinceBreak / MS_PER_MINUTE) !== this.#shownSessionMinute ||
      Math.floor(tracker.todayActiveMs / MS_PER_MINUTE) !== this.#shownTodayMinute
    ) {
      this.#render();
    }
  }

  focusChanged(focused: boolean): void {
    // Coming back: first learn what other windows wrote (their last activity), or a real absence
    // could be measured against an old copy and missed as a break.
    if (focused) this.#readIfChanged();
    this.#tracker.setFocused(focused, this.#deps.clock.now());
    this.flush();
    if (focused) this.#awaitingOthers = true;
    this.#render();
    this.#checkReturn();
  }

  /** Hands an absence this window's activity has just ended to `returned`, once. */
  #checkReturn(): void {
    const absence = this.#deps.returned && this.#tracker.takeReturn();
    if (absence) this.#deps.returned?.(absence);
  }

  /**
   * Claims something for this window in one locked write (`claim` says whether it was granted, given the
   * ledger as written and this window's id): true when granted, and when the ledger cannot be written
   * (this window goes ahead on its own).
   */
  claim(claim: Claim): boolean {
    const { written, granted } = this.#claim(claim);
    return !written || granted;
  }

  /** One locked write of `claim`: whether it was written, and whether the claim was granted. */
  #claim(claim: Claim): { written: boolean; granted: boolean } {
    let granted = false;
    const written = this.#write((current) => {
      const result = claim(current, this.#deps.windowId);
      granted = result.granted;
      return result.ledger;
    });
    return { written: written !== undefined, granted };
  }

  /** A change worked out elsewhere (an answer about time away): here at once, in the ledger now or when it can be written. */
  change(change: (l: MutableLedger) => void): boolean {
    this.#tracker.recordChange(change, this.#deps.clock.now());
    const written = this.flush();
    this.#render();
    return written;
  }

  settingsChanged(settings: UprightSettings): void {
    this.#tracker.updateSettings(trackerSettingsOf(settings));
    this.refresh();
  }

  recordManualBreak(): void {
    this.#tracker.recordManualBreak(this.#deps.clock.now());
    this.flush();
    this.#render();
  }

  /**
   * A routine ended. It is remembered (for "last done" and progression) when at least one exercise was
   * completed, and then it is also a break: `started` when a reminder began it, `manual` otherwise.
   */
  recordRoutine(routineId: string, exercisesCompleted: readonly CompletedExercise[], fromReminder: boolean): void {
    if (exercisesCompleted.length < 1) return;
    const now = this.#deps.clock.now();
    this.#tracker.recordRoutineDone(routineId, now, exercisesCompleted);
    // A move while something ran is exercise, not a break.
    if (!routineId.startsWith(MOVE_ROUTINE_PREFIX)) this.#tracker.recordManualBreak(now, fromReminder ? 'started' : 'manual');
    this.flush();
    this.#render();
  }

  snapshot(): TrackerSnapshot {
    return this.#tracker.snapshot(this.#deps.clock.now());
  }

  /** The shared ledger as this window sees it. */
  get ledger(): Ledger {
    return this.#tracker.view;
  }

  get counters(): SessionCounters {
    const stats = this.#deps.store.writeStats;
    return {
      wakeUps: this.#wakeUps,
      watchWakeUps: this.#watchWakeUps,
      ledgerReads: this.#ledgerReads,
      ledgerWrites: stats.writes,
      ledgerWriteMs: stats.totalMs,
      ledgerWriteMaxMs: stats.maxMs,
      storageWarnings: this.#storageWarnings,
    };
  }

  /** The minute's work: follow other windows, record a natural break, write what is pending, redraw. */
  refresh(): void {
    this.#readIfChanged();
    this.#awaitingOthers = false;
    this.#tracker.tick(this.#deps.clock.now());
    this.flush();
    this.#render();
  }

  /**
   * Writes this window's pending operations to the shared ledger, or moves it to this window's day (a day
   * ended, or the clock went back). On failure they stay pending.
   */
  flush(): boolean {
    if (!this.#tracker.hasPending && this.#tracker.view.dayKey === this.#deps.calendar.dayKey(this.#deps.clock.now().wallMs)) return true;
    return this.#write((current) => current) !== undefined;
  }

  /**
   * Claims prompt `id` for this window for `ttlMs`. `granted`: this window owns it and shows it; `taken`:
   * another window holds an unexpired claim and shows it; `retry`: the ledger was busy, nobody knows
   * yet, so ask again soon. A claim for `reminderEpisode` (one due break) counts one reminder in today's
   * totals, however often it is claimed again, and records the offer of `routineId` when it is the
   * full routine. When the ledger cannot be written at all (not merely busy), this window prompts on
   * its own: a missed break is worse than a rare double one.
   */
  claimPrompt(id: string, ttlMs: number, reminderEpisode?: string, routineId?: string): PromptClaimResult {
    const nowWallMs = this.#deps.clock.now().wallMs;
    const reminder =
      reminderEpisode === undefined ? undefined : { episode: reminderEpisode, dayKey: this.#deps.calendar.dayKey(nowWallMs), routineId };
    const { written, granted } = this.#claim((current, owner) =>
      claimPrompt(current, { id, owner, claimedAtWallMs: nowWallMs, expiresAtWallMs: nowWallMs + ttlMs }, nowWallMs, reminder),
    );
    if (!written) {
      if (isBusy(this.#lastWriteError)) return 'retry';
      // Shown without the ledger: the reminder (and the full routine's offer) is written when storage takes writes again.
      if (reminder)
        this.answer({ set: routineId === FULL_ROUTINE_ID ? { fullRoutineOfferedDay: reminder.dayKey } : {}, shown: reminder.episode });
      return 'granted';
    }
    return granted ? 'granted' : 'taken';
  }

  /** Monotonic time of this window's last activity event (null before the first). */
  get lastActivityMonoMs(): number | null {
    return this.#lastActivityMonoMs;
  }

  /** Follows other windows now (their reminder answers), without waiting for the minute refresh. */
  follow(): void {
    this.#readIfChanged();
  }

  /** Every day that has ended (today is in `ledger`). */
  history(): History {
    return this.#deps.store.readHistory();
  }

  /**
   * Deletes the history, and makes `forget` (what is deleted from the ledger: today's counts) in the same
   * locked write; the running clock stays. False when it could not be written: then nothing was
   * deleted, or `lastWriteError` says what was.
   */
  clearHistory(forget: (current: Ledger) => Ledger): boolean {
    const written = this.#write(forget, { clearHistory: true }) !== undefined;
    this.#render();
    return written;
  }

  /** The error of the last failed write, for messages. */
  get lastWriteError(): unknown {
    return this.#lastWriteError;
  }

  /**
   * A person's answer to reminders. It holds in this window at once; it is written now, or, if storage
   * fails, kept with the pending time and written when it can be. False when it is still pending.
   */
  answer(answer: ReminderAnswer): boolean {
    this.#tracker.recordAnswer(answer, this.#deps.clock.now());
    const written = this.flush();
    this.#render();
    return written;
  }

  /** Gives up prompt `id` (answered or stale). Only the claim with that id is released. */
  releasePrompt(id: string): void {
    if (this.#tracker.view.prompt?.id !== id && this.#shared.prompt?.id !== id) return;
    this.answer({ set: {}, release: id });
  }

  /**
   * One locked read-modify-write: this window's pending operations, the move to its local day, then
   * `change`. Moments recorded ahead of this clock (it was set back) are brought to now. Returns the
   * ledger as written, or undefined on failure, with the operations kept pending for the next attempt.
   */
  #write(change: (current: Ledger) => Ledger, options?: UpdateOptions): Ledger | undefined {
    const ops = this.#tracker.takePending();
    const nowWallMs = this.#deps.clock.now().wallMs;
    const todayKey = this.#deps.calendar.dayKey(nowWallMs);
    try {
      this.#shared = this.#deps.store.update(this.#shared, (current) => change(commitOps(current, ops, nowWallMs, todayKey)), options);
      this.#sharedSignature = this.#deps.store.signature();
      this.#tracker.rebase(this.#shared);
      this.#writeFailureLogged = false;
      return this.#shared;
    } catch (err) {
      this.#lastWriteError = err;
      this.#tracker.restorePending(ops);
      if (!this.#writeFailureLogged) {
        this.#writeFailureLogged = true;
        this.#deps.log.warn(`Could not write the ledger (${String(err)}); counting on in memory.`);
      }
      // The store says when a passing failure (a busy lock) is worth another try: the host never waits for it.
      const retryMs = this.#deps.store.retryInMs?.(err);
      if (retryMs !== undefined) {
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => this.flush(), retryMs);
        return undefined;
      }
      // Another window holding the lock is routine; storage that refuses writes is worth saying once.
      if (!isBusy(err) && this.#storageWarnings === 0) {
        this.#storageWarnings++;
        const code = errorCode(err) ?? (err instanceof Error ? err.message : String(err));
        this.#deps.warn(t('Upright could not save its records ({0}). It keeps counting in memory and tries again every minute.', code));
      }
      return undefined;
    }
  }

  #readIfChanged(): void {
    const signature = this.#deps.store.signature();
    if (signature === this.#sharedSignature) return;
    this.#sharedSignature = signature;
    this.#awaitingOthers = false;
    this.#shared = this.#deps.store.read(this.#shared);
    this.#ledgerReads++;
    this.#tracker.rebase(this.#shared);
  }

  #render(): void {
    const now = this.#deps.clock.now();
    const snapshot = this.#tracker.snapshot(now);
    this.#shownSessionMinute = Math.floor(this.#tracker.activeMsSinceBreak / MS_PER_MINUTE);
    this.#shownTodayMinute = Math.floor(this.#tracker.todayActiveMs / MS_PER_MINUTE);
    this.#deps.statusBar.render(snapshot, this.#deps.settings(), now.wallMs);
    this.#refreshed.fire();
  }

  /** Other windows' writes show here at once where the platform can watch the ledger; the minute refresh is the fallback. */
  #watch(): void {
    this.#watcher = this.#deps.watchLedger?.(() => {
      // One write raises several events, and this window's own writes raise them too: only a file that
      // is not the one last read or written is a change worth waking up for.
      if (this.#watchTimer !== undefined || this.#deps.store.signature() === this.#sharedSignature) return;
      this.#watchTimer = setTimeout(() => {
        this.#watchTimer = undefined;
        this.#watchWakeUps++;
        const before = this.#sharedSignature;
        this.#readIfChanged();
        if (this.#sharedSignature !== before) this.#render();
      }, WATCH_DEBOUNCE_MS);
    });
  }

  #scheduleMinuteRefresh(): void {
    // Real wall time decides when to wake up; what is shown is always computed from the host clock.
    this.#timer = setTimeout(
      () => {
        this.#wakeUps++;
        this.refresh();
        this.#scheduleMinuteRefresh();
      },
      msUntilNextMinute(Date.now()) + 20,
    );
  }

  override dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#firstWrite !== undefined) clearTimeout(this.#firstWrite);
    if (this.#watchTimer !== undefined) clearTimeout(this.#watchTimer);
    clearTimeout(this.#retryTimer);
    this.#timer = undefined;
    this.#watcher?.dispose();
    super.dispose();
  }
}
