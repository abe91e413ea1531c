import { type Calendar, type Instant } from './time';

export interface TrackerSettings {
  /** A gap between two activity moments at least this long is idle, not coding. */
  readonly idleThresholdMs: number;
  /** Away at least this long counts as a break taken. */
  readonly naturalBreakMs: number;
}

export type BreakKind = 'natural' | 'manual';

/** What the tracker keeps between window reloads and restarts. Plain data, versioned. */
export interface TrackerState {
  readonly version: 1;
  readonly dayKey: string;
  readonly todayActiveMs: number;
  readonly activeMsSinceBreak: number;
  /** Wall time of the last activity moment, or null if there has been none. */
  readonly lastActivityWallMs: number | null;
  readonly lastBreakWallMs: number | null;
  readonly lastBreakKind: BreakKind | null;
}

export interface TrackerSnapshot {
  readonly dayKey: string;
  readonly todayActiveMs: number;
  readonly activeMsSinceBreak: number;
  readonly lastBreakWallMs: number | null;
  readonly lastBreakKind: BreakKind | null;
  readonly focused: boolean;
  /** True when the time since the last activity is past the idle threshold. */
  readonly idle: boolean;
}

/**
 * A wall clock that moved this much further than the monotonic clock between two moments is a jump
 * (sleep, lock, the time being set forward), never coding. The slack absorbs NTP slewing and the
 * two clocks being read a few microseconds apart.
 */
export const JUMP_TOLERANCE_MS = 2_000;

export function emptyTrackerState(dayKey: string): TrackerState {
  return {
    version: 1,
    dayKey,
    todayActiveMs: 0,
    activeMsSinceBreak: 0,
    lastActivityWallMs: null,
    lastBreakWallMs: null,
    lastBreakKind: null,
  };
}

/**
 * Counts active coding time from activity moments. Pure: every method takes the time as an argument.
 *
 * The gap between two activity moments in a focused window is coding when it is shorter than the idle
 * threshold; otherwise it is away time, and away time of at least `naturalBreakMs` is a natural break
 * that resets the time since the last break. Jumps of the wall clock are away time, never coding; a wall
 * clock that goes backwards is re-based on the monotonic clock. Credited time is split at local midnight.
 */
export class ActivityTracker {
  #settings: TrackerSettings;
  readonly #calendar: Calendar;

  #dayKey: string;
  /** Bounds of the local day `#dayKey` names, cached so the per-event path does no calendar work. */
  #dayStartWallMs = 0;
  #dayEndWallMs = 0;
  #todayActiveMs: number;
  #activeMsSinceBreak: number;
  #lastBreakWallMs: number | null;
  #lastBreakKind: BreakKind | null;

  /** The last moment time was accounted up to, in this process (null until the first one). */
  #last: Instant | null = null;
  /** Wall time of the last activity from a previous process, used once to judge the time away. */
  #restoredLastWallMs: number | null;
  #focused: boolean;
  /** The current absence has already been recorded as a natural break. */
  #absenceCounted = false;

  constructor(settings: TrackerSettings, calendar: Calendar, restored: TrackerState | undefined, now: Instant, focused: boolean) {
    this.#settings = settings;
    this.#calendar = calendar;
    const state = restored ?? emptyTrackerState(calendar.dayKey(now.wallMs));
    this.#dayKey = state.dayKey;
    this.#todayActiveMs = state.todayActiveMs;
    this.#activeMsSinceBreak = state.activeMsSinceBreak;
    this.#lastBreakWallMs = state.lastBreakWallMs;
    this.#lastBreakKind = state.lastBreakKind;
    this.#restoredLastWallMs = state.lastActivityWallMs;
    this.#focused = focused;
    this.#resume(now);
  }

  get activeMsSinceBreak(): number {
    return this.#activeMsSinceBreak;
  }

  get todayActiveMs(): number {
    return this.#todayActiveMs;
  }

  get focused(): boolean {
    return this.#focused;
  }

  updateSettings(settings: TrackerSettings): void {
    this.#settings = settings;
  }

  /** An activity moment: typing, a selection, a terminal command... Ignored while the window is unfocused. */
  recordActivity(now: Instant): void {
    if (!this.#focused) return;
    this.#account(now, true);
  }

  /** The window gained or lost focus. Time is credited up to a loss; the time away is never coding. */
  setFocused(focused: boolean, now: Instant): void {
    if (focused === this.#focused) return;
    if (focused) {
      this.#focused = true;
      this.#account(now, false);
    } else {
      this.#account(now, true);
      this.#focused = false;
    }
  }

  /**
   * Brings the day and the time since the last break up to date without an activity moment: a new day
   * started, or the absence so far is already long enough to be a natural break.
   */
  tick(now: Instant): void {
    this.#rollDayIfNeeded(now.wallMs);
    if (this.#last === null || this.#absenceCounted) return;
    const awayMs = this.#elapsedMs(this.#last, now);
    if (awayMs >= this.#settings.naturalBreakMs) {
      this.#recordBreak('natural', this.#last.wallMs);
      this.#absenceCounted = true;
    }
  }

  /** The user says they took a break (away from the keyboard, or a routine done). */
  recordManualBreak(now: Instant): void {
    this.#account(now, this.#focused);
    this.#recordBreak('manual', now.wallMs);
  }

  snapshot(now: Instant): TrackerSnapshot {
    const sinceLastMs = this.#last === null ? Number.POSITIVE_INFINITY : this.#elapsedMs(this.#last, now);
    const today = this.#calendar.dayKey(now.wallMs);
    const sameDay = today === this.#dayKey;
    return {
      dayKey: today,
      todayActiveMs: sameDay ? this.#todayActiveMs : 0,
      activeMsSinceBreak: !this.#absenceCounted && sinceLastMs >= this.#settings.naturalBreakMs ? 0 : this.#activeMsSinceBreak,
      lastBreakWallMs: this.#lastBreakWallMs,
      lastBreakKind: this.#lastBreakKind,
      focused: this.#focused,
      idle: sinceLastMs >= this.#settings.idleThresholdMs,
    };
  }

  toState(): TrackerState {
    return {
      version: 1,
      dayKey: this.#dayKey,
      todayActiveMs: this.#todayActiveMs,
      activeMsSinceBreak: this.#activeMsSinceBreak,
      lastActivityWallMs: this.#last?.wallMs ?? this.#restoredLastWallMs,
      lastBreakWallMs: this.#lastBreakWallMs,
      lastBreakKind: this.#lastBreakKind,
    };
  }

  /** First moment of this process: the time since the previous process's last activity is away time. */
  #resume(now: Instant): void {
    this.#rollDayIfNeeded(now.wallMs);
    if (this.#restoredLastWallMs !== null) {
      const awayMs = Math.max(0, now.wallMs - this.#restoredLastWallMs);
      if (awayMs >= this.#settings.naturalBreakMs) {
        this.#recordBreak('natural', this.#restoredLastWallMs);
      }
    }
    this.#last = now;
    this.#absenceCounted = false;
  }

  /** Time between two moments as a person lived it: the larger of the two clocks' readings, never negative. */
  #elapsedMs(from: Instant, to: Instant): number {
    return Math.max(0, to.monoMs - from.monoMs, to.wallMs - from.wallMs);
  }

  #account(now: Instant, mayCredit: boolean): void {
    const last = this.#last;
    if (last === null) {
      this.#resume(now);
      return;
    }
    const monoGapMs = Math.max(0, now.monoMs - last.monoMs);
    const wallGapMs = now.wallMs - last.wallMs;
    const jumped = wallGapMs - monoGapMs > JUMP_TOLERANCE_MS;
    if (mayCredit && !jumped && monoGapMs < this.#settings.idleThresholdMs) {
      this.#credit(now.wallMs - monoGapMs, now.wallMs, monoGapMs);
    } else {
      this.#rollDayIfNeeded(now.wallMs);
      const awayMs = jumped ? wallGapMs : monoGapMs;
      if (!this.#absenceCounted && awayMs >= this.#settings.naturalBreakMs) {
        this.#recordBreak('natural', last.wallMs);
      }
    }
    this.#last = now;
    this.#absenceCounted = false;
  }

  /** Credits `ms` of coding that ended at `endWallMs`, splitting it at local midnight. */
  #credit(startWallMs: number, endWallMs: number, ms: number): void {
    if (startWallMs >= this.#dayStartWallMs && endWallMs < this.#dayEndWallMs) {
      // The common case, once per keystroke: the whole gap lies inside today.
      this.#todayActiveMs += ms;
      this.#activeMsSinceBreak += ms;
      return;
    }
    const boundary = this.#dayEndWallMs;
    const startedToday = startWallMs >= this.#dayStartWallMs && startWallMs < boundary;
    this.#rollDayIfNeeded(endWallMs);
    if (startedToday && endWallMs >= boundary) {
      // The gap crossed midnight: only the part after it belongs to the new day.
      this.#todayActiveMs += endWallMs - boundary;
    } else {
      this.#todayActiveMs += ms;
    }
    this.#activeMsSinceBreak += ms;
  }

  #rollDayIfNeeded(wallMs: number): void {
    if (wallMs >= this.#dayStartWallMs && wallMs < this.#dayEndWallMs) return;
    const day = this.#calendar.dayKey(wallMs);
    if (day !== this.#dayKey) {
      this.#dayKey = day;
      this.#todayActiveMs = 0;
    }
    this.#dayStartWallMs = this.#calendar.startOfDay(wallMs);
    this.#dayEndWallMs = this.#calendar.startOfNextDay(wallMs);
  }

  #recordBreak(kind: BreakKind, atWallMs: number): void {
    this.#activeMsSinceBreak = 0;
    this.#lastBreakWallMs = atWallMs;
    this.#lastBreakKind = kind;
  }
}

function isFiniteNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isNullableTime(value: unknown): value is number | null {
  return value === null || isFiniteNonNegative(value);
}

/**
 * Validates stored tracker state. Returns undefined for anything that is not a complete, sane version 1
 * record, so the caller can keep the raw value aside and start fresh.
 */
export function parseTrackerState(raw: unknown): TrackerState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.version !== 1) return undefined;
  if (typeof r.dayKey !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.dayKey)) return undefined;
  if (!isFiniteNonNegative(r.todayActiveMs) || !isFiniteNonNegative(r.activeMsSinceBreak)) return undefined;
  if (!isNullableTime(r.lastActivityWallMs) || !isNullableTime(r.lastBreakWallMs)) return undefined;
  if (r.lastBreakKind !== null && r.lastBreakKind !== 'natural' && r.lastBreakKind !== 'manual') return undefined;
  // A day holds at most 24 h of coding; anything more is corrupt, not a record to trust.
  const dayMs = 24 * 60 * 60 * 1000;
  if (r.todayActiveMs > dayMs) return undefined;
  return {
    version: 1,
    dayKey: r.dayKey,
    todayActiveMs: r.todayActiveMs,
    activeMsSinceBreak: r.activeMsSinceBreak,
    lastActivityWallMs: r.lastActivityWallMs,
    lastBreakWallMs: r.lastBreakWallMs,
    lastBreakKind: r.lastBreakKind,
  };
}
