import { type Absence } from './away';
import { type CompletedExercise } from './days';
import { applyOpInPlace, type BreakKind, type Ledger, type LedgerOp, type MutableLedger, type ReminderAnswer } from './ledger';
import { type Calendar, type Instant } from './time';

export interface TrackerSettings {
  /** A gap between two activity moments at least this long is idle, not coding. */
  readonly idleThresholdMs: number;
  /** Away at least this long counts as a break taken. */
  readonly naturalBreakMs: number;
}

export interface TrackerSnapshot {
  readonly dayKey: string;
  readonly todayActiveMs: number;
  /** Coding since the last break (0 once away long enough for a break). */
  readonly activeMsSinceBreak: number;
  /** Desk time since the last break, what reminders count: coding plus time away that was sitting. */
  readonly deskMsSinceBreak: number;
  readonly lastBreakWallMs: number | null;
  readonly lastBreakKind: BreakKind | null;
  readonly focused: boolean;
  /** True when the time since the last activity in any window is past the idle threshold. */
  readonly idle: boolean;
}

/**
 * A wall clock that moved this much further than the monotonic clock between two moments is a jump
 * (sleep, lock, the time being set forward), never coding. The slack absorbs NTP slewing and the
 * two clocks being read a few microseconds apart.
 */
export const JUMP_TOLERANCE_MS = 2_000;

/**
 * One window's share of the coding clock. Pure: every method takes the time as an argument.
 *
 * The gap between two activity moments in a focused window is coding when it is shorter than the idle
 * threshold; otherwise it is away time. Away time with no activity in any window for `naturalBreakMs`
 * is a natural break. Jumps of the wall clock are away time, never coding; a wall clock that goes
 * backwards is re-based on the monotonic clock. Credited time is split at local midnight.
 *
 * The tracker does not own the totals: it turns moments into ledger operations, kept pending until
 * the host writes them to the shared ledger, and shows the shared ledger with its pending operations
 * applied (`rebase` after every read or write).
 */
export class ActivityTracker {
  #settings: TrackerSettings;
  readonly #calendar: Calendar;
  /** The shared ledger as last read, with this window's pending operations applied. */
  #view: MutableLedger;
  #pending: LedgerOp[] = [];

  /** The local day of the last moment, and its bounds, cached so a keystroke does no calendar work. */
  #dayKey = '';
  #dayStartWallMs = 0;
  #dayEndWallMs = 0;

  /** The last moment time was accounted up to in this window (null until the first one). */
  #last: Instant | null = null;
  #focused: boolean;
  /** The current absence has already been recorded as a natural break. */
  #absenceCounted = false;
  /** An activity ended a gap that was not coding; other windows must hear of it before the minute's write. */
  #urgent = false;
  /** The last absence whose end this window has reported (`takeReturn`). */
  #returnTakenFrom: number | null = null;

  constructor(settings: TrackerSettings, calendar: Calendar, shared: Ledger, now: Instant, focused: boolean) {
    this.#settings = settings;
    this.#calendar = calendar;
    this.#view = { ...shared };
    this.#focused = focused;
    this.#resume(now);
  }

  get activeMsSinceBreak(): number {
    return this.#view.activeMsSinceBreak;
  }

  get todayActiveMs(): number {
    return this.#view.todayActiveMs;
  }

  get focused(): boolean {
    return this.#focused;
  }

  get hasPending(): boolean {
    return this.#pending.length > 0;
  }

  /**
   * Pending operations to write now rather than at the minute: an activity ended an idle gap or an
   * absence. Until it is written the ledger's last activity is from before the gap, and a window that
   * gains focus or starts would measure an absence the person never took.
   */
  get hasUrgentPending(): boolean {
    return this.#urgent && this.#pending.length > 0;
  }

  /** The shared ledger as this window sees it (last read + pending operations). */
  get view(): Ledger {
    return this.#view;
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
   * A focused window whose person has been away long enough records the natural break without waiting
   * for them to come back. Unfocused windows only show it (see `snapshot`).
   */
  tick(now: Instant): void {
    if (!this.#focused || this.#last === null || this.#absenceCounted) return;
    if (this.#awayMs(now) >= this.#settings.naturalBreakMs) {
      this.#recordNaturalBreak(now);
      this.#absenceCounted = true;
    }
  }

  /** The user says they took a break (away from the keyboard, or a routine done). */
  recordManualBreak(now: Instant, kind: 'manual' | 'started' = 'manual'): void {
    if (this.#focused) this.#account(now, true);
    this.#push({ type: 'break', kind, atWallMs: now.wallMs, dayKey: this.#calendar.dayKey(now.wallMs) });
  }

  /** A routine was completed (recorded whether or not it counts as a break), with the exercises done. */
  recordRoutineDone(routineId: string, now: Instant, exercises: readonly CompletedExercise[]): void {
    this.#push({ type: 'routineDone', routineId, atWallMs: now.wallMs, dayKey: this.#calendar.dayKey(now.wallMs), exercises });
  }

  /** A person's answer to reminders: in this window's view at once, and in the ledger when it is written. */
  recordAnswer(answer: ReminderAnswer, now: Instant): void {
    this.#push({ type: 'reminder', answer, atWallMs: now.wallMs, dayKey: this.#calendar.dayKey(now.wallMs) });
  }

  /** A change worked out elsewhere (an answer about time away): in the view at once, in the ledger when written. */
  recordChange(change: (l: MutableLedger) => void, now: Instant): void {
    this.#push({ type: 'change', change, dayKey: this.#calendar.dayKey(now.wallMs) });
  }

  /**
   * The absence that activity in this window has just ended, once: what a return may ask about. Only
   * an unanswered absence nobody has asked about, on the ledger's day.
   */
  takeReturn(): Absence | undefined {
    const a = this.#view.absence;
    if (!this.#focused || !a || a.toWallMs === null || a.answer !== null || a.askedBy !== null || a.dayKey !== this.#view.dayKey)
      return undefined;
    if (a.fromWallMs === this.#returnTakenFrom) return undefined;
    this.#returnTakenFrom = a.fromWallMs;
    return a;
  }

  /** Hands over the pending operations for writing; give them back with `restorePending` if the write fails. */
  takePending(): LedgerOp[] {
    const ops = this.#pending;
    this.#pending = [];
    // A failed write is retried at the minute, not at every keystroke.
    this.#urgent = false;
    return ops;
  }

  restorePending(ops: readonly LedgerOp[]): void {
    this.#pending = [...ops, ...this.#pending];
  }

  /** Adopts a freshly read or written shared ledger; operations still pending are applied on top. */
  rebase(shared: Ledger): void {
    const view: MutableLedger = { ...shared };
    for (const op of this.#pending) applyOpInPlace(view, op);
    this.#view = view;
  }

  snapshot(now: Instant): TrackerSnapshot {
    const view = this.#view;
    const today = this.#calendar.dayKey(now.wallMs);
    const awayMs = this.#awayMs(now);
    const away = awayMs >= this.#settings.naturalBreakMs;
    return {
      dayKey: today,
      todayActiveMs: view.dayKey === today ? view.todayActiveMs + view.todayBaseMs : 0,
      activeMsSinceBreak: away ? 0 : view.activeMsSinceBreak,
      deskMsSinceBreak: away ? 0 : view.activeMsSinceBreak + view.sittingMsSinceBreak,
      lastBreakWallMs: view.lastBreak?.atWallMs ?? null,
      lastBreakKind: view.lastBreak?.kind ?? null,
      focused: this.#focused,
      idle: awayMs >= this.#settings.idleThresholdMs,
    };
  }

  /** First moment of this window: the time since the last activity anywhere is away time. */
  #resume(now: Instant): void {
    this.#rollDay(now.wallMs);
    const lastWall = this.#view.lastActivityWallMs;
    if (lastWall !== null && now.wallMs - lastWall >= this.#settings.naturalBreakMs) {
      this.#push({
        type: 'break',
        kind: 'natural',
        atWallMs: lastWall,
        dayKey: this.#calendar.dayKey(lastWall),
        idleSinceWallMs: lastWall,
      });
    }
    this.#last = now;
  }

  /**
   * Wall time since the last activity in any window; null when it cannot be told, because the shared
   * moment lies ahead of this clock (the clock was set back; the next write moves it to now).
   */
  #sharedAwayMs(now: Instant): number | null {
    const sharedLast = this.#view.lastActivityWallMs;
    if (sharedLast === null) return Number.POSITIVE_INFINITY;
    return sharedLast > now.wallMs + JUMP_TOLERANCE_MS ? null : now.wallMs - sharedLast;
  }

  /** Time since the last activity: in this window (both clocks) and in any window (wall clock). */
  #awayMs(now: Instant): number {
    const sharedAway = this.#sharedAwayMs(now);
    const last = this.#last;
    if (!this.#focused || last === null) return sharedAway ?? 0;
    const localAway = Math.max(0, now.monoMs - last.monoMs, now.wallMs - last.wallMs);
    return sharedAway === null ? localAway : Math.min(localAway, sharedAway);
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
      const localAwayMs = jumped ? wallGapMs : monoGapMs;
      const sharedAway = this.#sharedAwayMs(now);
      const awayMs = sharedAway === null ? localAwayMs : Math.min(localAwayMs, sharedAway);
      if (!this.#absenceCounted && awayMs >= this.#settings.naturalBreakMs) this.#recordNaturalBreak(now, last.wallMs);
      this.#rollDay(now.wallMs);
      // The moment itself is activity: it is what ends the absence for every window.
      this.#push({ type: 'credit', ms: 0, dayKey: this.#dayKey, endWallMs: now.wallMs });
      this.#urgent = true;
    }
    this.#last = now;
    this.#absenceCounted = false;
  }

  #recordNaturalBreak(now: Instant, localLastWallMs = this.#last?.wallMs ?? now.wallMs): void {
    const sharedLast = this.#sharedAwayMs(now) === null ? null : this.#view.lastActivityWallMs;
    // Never a break that starts after now: a moment recorded before the clock was set back is now.
    const idleSince = Math.min(Math.max(localLastWallMs, sharedLast ?? localLastWallMs), now.wallMs);
    this.#push({
      type: 'break',
      kind: 'natural',
      atWallMs: idleSince,
      dayKey: this.#calendar.dayKey(idleSince),
      idleSinceWallMs: idleSince,
    });
  }

  /** Credits `ms` of coding that ended at `endWallMs`, splitting it at local midnight. */
  #credit(startWallMs: number, endWallMs: number, ms: number): void {
    if (startWallMs >= this.#dayStartWallMs && endWallMs < this.#dayEndWallMs) {
      // The common case, once per keystroke: the whole gap lies inside the current day.
      this.#push({ type: 'credit', ms, dayKey: this.#dayKey, endWallMs });
      return;
    }
    const boundary = this.#dayEndWallMs;
    if (startWallMs >= this.#dayStartWallMs && startWallMs < boundary && endWallMs >= boundary) {
      // The gap crossed midnight: the part before it belongs to the day that ended.
      this.#push({ type: 'credit', ms: boundary - startWallMs, dayKey: this.#dayKey, endWallMs: boundary - 1 });
      this.#rollDay(endWallMs);
      this.#push({ type: 'credit', ms: ms - (boundary - startWallMs), dayKey: this.#dayKey, endWallMs });
      return;
    }
    this.#rollDay(endWallMs);
    this.#push({ type: 'credit', ms, dayKey: this.#dayKey, endWallMs });
  }

  #rollDay(wallMs: number): void {
    if (wallMs >= this.#dayStartWallMs && wallMs < this.#dayEndWallMs) return;
    this.#dayKey = this.#calendar.dayKey(wallMs);
    this.#dayStartWallMs = this.#calendar.startOfDay(wallMs);
    this.#dayEndWallMs = this.#calendar.startOfNextDay(wallMs);
  }

  /**
   * Queues an operation and applies it to the view. Consecutive credits merge, so the queue stays short.
   * One for a day that is not the ledger's (a day ended, or the clock or the time zone went back) is
   * written at once: the write brings the ledger to this window's day, with what history already holds of it.
   */
  #push(op: LedgerOp): void {
    if (op.dayKey !== this.#view.dayKey) this.#urgent = true;
    applyOpInPlace(this.#view, op);
    const tail = this.#pending[this.#pending.length - 1];
    if (op.type === 'credit' && tail?.type === 'credit' && tail.dayKey === op.dayKey) {
      this.#pending[this.#pending.length - 1] = {
        type: 'credit',
        ms: tail.ms + op.ms,
        dayKey: op.dayKey,
        endWallMs: Math.max(tail.endWallMs, op.endWallMs),
      };
      return;
    }
    this.#pending.push(op);
  }
}
