import type * as vscode from 'vscode';
import { type UprightSettings, trackerSettingsOf } from '../core/settings';
import { ActivityTracker, type TrackerSnapshot } from '../core/tracker';
import { type Calendar, MS_PER_MINUTE, msUntilNextMinute } from '../core/time';
import { type ActivitySink } from './activitySource';
import { type HostClock } from './clock';
import { type SessionStatusBar } from './statusBar';
import { type TrackerStore } from './trackerStore';

export interface CodingSessionDeps {
  readonly clock: HostClock;
  readonly calendar: Calendar;
  readonly store: TrackerStore;
  readonly statusBar: SessionStatusBar;
  readonly settings: () => UprightSettings;
  readonly focused: boolean;
}

/**
 * The coding clock of this window: feeds activity into the tracker, keeps the status bar current and
 * saves the state. One timer, aligned to the wall-clock minute; activity itself only refreshes the
 * status bar when a displayed minute changes.
 */
export class CodingSession implements ActivitySink, vscode.Disposable {
  readonly #deps: CodingSessionDeps;
  readonly #tracker: ActivityTracker;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #shownSessionMinute = -1;
  #shownTodayMinute = -1;
  #wakeUps = 0;
  #saves = 0;

  constructor(deps: CodingSessionDeps) {
    this.#deps = deps;
    this.#tracker = new ActivityTracker(trackerSettingsOf(deps.settings()), deps.calendar, deps.store.load(), deps.clock.now(), deps.focused);
    this.refresh();
    this.#scheduleMinuteRefresh();
  }

  /** Called for every activity event: keep it cheap. */
  activity(): void {
    const tracker = this.#tracker;
    tracker.recordActivity(this.#deps.clock.now());
    if (
      Math.floor(tracker.activeMsSinceBreak / MS_PER_MINUTE) !== this.#shownSessionMinute ||
      Math.floor(tracker.todayActiveMs / MS_PER_MINUTE) !== this.#shownTodayMinute
    ) {
      this.refresh();
    }
  }

  focusChanged(focused: boolean): void {
    this.#tracker.setFocused(focused, this.#deps.clock.now());
    this.refresh();
  }

  settingsChanged(settings: UprightSettings): void {
    this.#tracker.updateSettings(trackerSettingsOf(settings));
    this.refresh();
  }

  recordManualBreak(): void {
    this.#tracker.recordManualBreak(this.#deps.clock.now());
    this.refresh();
  }

  snapshot(): TrackerSnapshot {
    return this.#tracker.snapshot(this.#deps.clock.now());
  }

  /** Timer wake-ups and state writes so far (for the bench). */
  get counters(): { wakeUps: number; saves: number } {
    return { wakeUps: this.#wakeUps, saves: this.#saves };
  }

  /** Brings everything up to date: day change, natural break, status bar, stored state. */
  refresh(): void {
    const now = this.#deps.clock.now();
    this.#tracker.tick(now);
    const snapshot = this.#tracker.snapshot(now);
    this.#shownSessionMinute = Math.floor(this.#tracker.activeMsSinceBreak / MS_PER_MINUTE);
    this.#shownTodayMinute = Math.floor(this.#tracker.todayActiveMs / MS_PER_MINUTE);
    this.#deps.statusBar.render(snapshot, this.#deps.settings(), now.wallMs);
    if (this.#deps.store.save(this.#tracker.toState())) this.#saves++;
  }

  /** Saves the latest state; the returned promise settles when it is written. */
  flush(): Thenable<void> {
    return this.#deps.store.flush(this.#tracker.toState());
  }

  #scheduleMinuteRefresh(): void {
    // Real wall time decides when to wake up; what is shown is always computed from the host clock.
    this.#timer = setTimeout(() => {
      this.#wakeUps++;
      this.refresh();
      this.#scheduleMinuteRefresh();
    }, msUntilNextMinute(Date.now()) + 20);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
