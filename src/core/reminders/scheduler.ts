import { type QuietTime, quietTimeEnd } from '../quietTimes';
import { atLocalTime, type Calendar, MS_PER_MINUTE, MS_PER_SECOND } from '../time';
import { insideWorkingHours, type Weekday, weekdayOf, type WorkingHours } from '../weekly';

export { insideWorkingHours, type Weekday, weekdayOf, WEEKDAYS, type WorkingHours } from '../weekly';

export interface ReminderSettings {
  readonly breakIntervalMs: number;
  /** Quiet needed before a due prompt goes out. */
  readonly typingPauseMs: number;
  readonly snoozeMs: number;
  readonly maxConsecutiveSnoozes: number;
  /** Null: reminders at any time; otherwise only inside one of these ranges. */
  readonly workingHours: readonly WorkingHours[] | null;
  /** Recurring slots with no reminders; a break due inside is offered at the first pause after. */
  readonly quietTimes: readonly QuietTime[];
  readonly fullRoutineDays: readonly Weekday[];
  readonly defaultRoutine: string;
}

/** A due prompt never waits longer than this for a pause, whatever `typingPauseMs` says. */
export const PROMPT_WAIT_CAP_MS = 3 * MS_PER_MINUTE;
/** The status bar counts down this long before a break is due. */
export const COUNTDOWN_MS = MS_PER_MINUTE;
/** After a natural stopping point (a save, a task or debug session ending), this much quiet is enough. */
export const STOPPING_POINT_QUIET_MS = 2 * MS_PER_SECOND;
/** The full routine is offered, on its days, once this much coding has been done that day. */
export const FULL_ROUTINE_AFTER_MS = 2 * 60 * MS_PER_MINUTE;
export const FULL_ROUTINE_ID = 'full-upper-back';

/** What all windows share about reminders (kept in the ledger). */
export interface ReminderState {
  /** Session time at which the next reminder is due; null: one interval into the session. */
  readonly dueAtActiveMs: number | null;
  readonly snoozedUntilWallMs: number | null;
  /** When the snooze was given: a clock set back since moves its end back with it. */
  readonly snoozedAtWallMs: number | null;
  readonly consecutiveSnoozes: number;
  /** null: not paused; `untilWallMs` null: until resumed; `sinceWallMs`: when it was given, as for a snooze (missing in older ledgers). */
  readonly pause: { readonly untilWallMs: number | null; readonly sinceWallMs?: number } | null;
  /** Reminders held (see `Hold`); null: not held. */
  readonly hold: Hold | null;
  /** The day (`YYYY-MM-DD`) the full routine was last offered. */
  readonly fullRoutineOfferedDay: string | null;
}

/**
 * Reminders held by `upright.hold` (for minutes, or until resumed) or while a Live Share session lasts.
 * Unlike a pause, a break that fell due meanwhile is offered at the first pause after it.
 */
export interface Hold {
  /** null: until resumed. */
  readonly untilWallMs: number | null;
  /** When it was given or last renewed: a clock set back since moves its end back with it. */
  readonly sinceWallMs: number;
  /** The Live Share session that holds it (renewed while the session lasts); absent: held by hand. */
  readonly liveShare?: string;
}

export const INITIAL_REMINDER_STATE: ReminderState = {
  dueAtActiveMs: null,
  snoozedUntilWallMs: null,
  snoozedAtWallMs: null,
  consecutiveSnoozes: 0,
  pause: null,
  hold: null,
  fullRoutineOfferedDay: null,
};

/** What this window knows of the moment, besides the shared state. */
export interface ReminderInput {
  readonly nowWallMs: number;
  readonly activeMsSinceBreak: number;
  readonly todayActiveMs: number;
  /** Since the last activity in this window. */
  readonly quietMs: number;
  /** Since a natural stopping point that came after the break fell due; null if none. */
  readonly stoppingPointAgoMs: number | null;
  /** How long the break has been due, by wall time (the host notes when it first saw it due); null if not. */
  readonly dueForMs: number | null;
  readonly debugging: boolean;
}

export type ReminderPhase = 'paused' | 'held' | 'outsideHours' | 'quiet' | 'snoozed' | 'counting' | 'soon' | 'due';

export interface ReminderView {
  readonly phase: ReminderPhase;
  /** Session time left until due (negative once due). */
  readonly msUntilDue: number;
  /** Wall time left of a snooze, a timed pause or hold, or a quiet time. */
  readonly msUntilResume: number | null;
  /** Held for a Live Share session (only in the `held` phase): it lasts as long as the session. */
  readonly liveShare?: boolean;
  /** Show the prompt now (the focused window, after claiming it). */
  readonly promptNow: boolean;
  readonly promptReason: 'pause' | 'stoppingPoint' | 'cap' | null;
  /** The routine the prompt offers. */
  readonly routineId: string;
  readonly snoozeOffered: boolean;
  /** When to look again if nothing happens (the host sets one timer); null: the minute refresh is enough. */
  readonly wakeInMs: number | null;
}

function routineFor(state: ReminderState, input: ReminderInput, settings: ReminderSettings, calendar: Calendar): string {
  const day = calendar.dayKey(input.nowWallMs);
  const fullDay = settings.fullRoutineDays.includes(weekdayOf(day));
  if (fullDay && input.todayActiveMs >= FULL_ROUTINE_AFTER_MS && state.fullRoutineOfferedDay !== day) return FULL_ROUTINE_ID;
  return settings.defaultRoutine;
}

/** Where reminders stand, and whether this is a good moment to prompt. Pure: the time is in `input`. */
export function evaluate(state: ReminderState, input: ReminderInput, settings: ReminderSettings, calendar: Calendar): ReminderView {
  const dueAt = state.dueAtActiveMs ?? settings.breakIntervalMs;
  const msUntilDue = dueAt - input.activeMsSinceBreak;
  const base = {
    msUntilDue,
    promptNow: false,
    promptReason: null,
    routineId: routineFor(state, input, settings, calendar),
    snoozeOffered: state.consecutiveSnoozes < settings.maxConsecutiveSnoozes,
  } as const;
  if (state.pause && (state.pause.untilWallMs === null || input.nowWallMs < state.pause.untilWallMs)) {
    const left = state.pause.untilWallMs === null ? null : state.pause.untilWallMs - input.nowWallMs;
    return { ...base, phase: 'paused', msUntilResume: left, wakeInMs: left };
  }
  const hold = state.hold;
  if (hold && (hold.untilWallMs === null || input.nowWallMs < hold.untilWallMs)) {
    // A Live Share session's hold lasts as long as the session, whatever its renewal says.
    const left = hold.untilWallMs === null || hold.liveShare ? null : hold.untilWallMs - input.nowWallMs;
    return { ...base, phase: 'held', msUntilResume: left, liveShare: hold.liveShare !== undefined, wakeInMs: left };
  }
  if (settings.workingHours && !settings.workingHours.some((hours) => insideWorkingHours(hours, input.nowWallMs, calendar))) {
    return { ...base, phase: 'outsideHours', msUntilResume: null, wakeInMs: null };
  }
  const quietEnd = quietTimeEnd(settings.quietTimes, input.nowWallMs, calendar);
  if (quietEnd !== undefined) {
    const left = quietEnd - input.nowWallMs;
    return { ...base, phase: 'quiet', msUntilResume: left, wakeInMs: left };
  }
  if (state.snoozedUntilWallMs !== null && input.nowWallMs < state.snoozedUntilWallMs) {
    const left = state.snoozedUntilWallMs - input.nowWallMs;
    return { ...base, phase: 'snoozed', msUntilResume: left, wakeInMs: left };
  }
  // A snooze that ran out brings the reminder back at once, whatever the session time says.
  const snoozeEnded = state.snoozedUntilWallMs !== null;
  if (msUntilDue > 0 && !snoozeEnded) {
    const soon = msUntilDue <= COUNTDOWN_MS;
    return { ...base, phase: soon ? 'soon' : 'counting', msUntilResume: null, wakeInMs: soon ? msUntilDue : msUntilDue - COUNTDOWN_MS };
  }
  const dueFor = input.dueForMs ?? 0;
  const capped = dueFor >= PROMPT_WAIT_CAP_MS;
  const pauseNeeded = Math.min(settings.typingPauseMs, PROMPT_WAIT_CAP_MS);
  let reason: ReminderView['promptReason'] = null;
  if (capped) reason = 'cap';
  else if (!input.debugging && input.stoppingPointAgoMs !== null && input.quietMs >= STOPPING_POINT_QUIET_MS) reason = 'stoppingPoint';
  else if (!input.debugging && input.quietMs >= pauseNeeded) reason = 'pause';
  const waits = [
    PROMPT_WAIT_CAP_MS - dueFor,
    input.debugging ? Infinity : pauseNeeded - input.quietMs,
    input.stoppingPointAgoMs !== null && !input.debugging ? STOPPING_POINT_QUIET_MS - input.quietMs : Infinity,
  ].filter((w) => w > 0);
  return {
    ...base,
    phase: 'due',
    msUntilResume: null,
    promptNow: reason !== null,
    promptReason: reason,
    wakeInMs: reason ? null : Math.min(...waits),
  };
}

// --- what people do with a reminder -------------------------------------------------------

export function snooze(
  state: ReminderState,
  nowWallMs: number,
  settings: Pick<ReminderSettings, 'snoozeMs' | 'maxConsecutiveSnoozes'>,
): ReminderState {
  if (state.consecutiveSnoozes >= settings.maxConsecutiveSnoozes) return state;
  return {
    ...state,
    snoozedUntilWallMs: nowWallMs + settings.snoozeMs,
    snoozedAtWallMs: nowWallMs,
    consecutiveSnoozes: state.consecutiveSnoozes + 1,
  };
}

/** Skipping leaves the session as it is and asks again one interval later. */
export function skip(state: ReminderState, activeMsSinceBreak: number, settings: Pick<ReminderSettings, 'breakIntervalMs'>): ReminderState {
  return {
    ...state,
    dueAtActiveMs: activeMsSinceBreak + settings.breakIntervalMs,
    snoozedUntilWallMs: null,
    snoozedAtWallMs: null,
    consecutiveSnoozes: 0,
  };
}

/** Any break taken (a routine, one logged, a natural one): the next reminder is an interval away. */
export function breakTaken(state: ReminderState): ReminderState {
  return { ...state, dueAtActiveMs: null, snoozedUntilWallMs: null, snoozedAtWallMs: null, consecutiveSnoozes: 0 };
}

export function pauseReminders(state: ReminderState, untilWallMs: number | null, nowWallMs: number): ReminderState {
  return { ...state, pause: { untilWallMs, sinceWallMs: nowWallMs } };
}

/** Resuming ends a pause and a hold: a break already due is prompted at the next pause (the session time is untouched). */
export function resumeReminders(state: ReminderState): ReminderState {
  return { ...state, pause: null, hold: null };
}

/** Holds reminders until a wall time (null: until resumed). */
export function holdReminders(state: ReminderState, untilWallMs: number | null, nowWallMs: number): ReminderState {
  return { ...state, hold: { untilWallMs, sinceWallMs: nowWallMs } };
}

/** Until this time of night, "tomorrow" is the coming morning: the small hours belong to the day before. */
const NIGHT_ENDS_MINUTES = 4 * 60;

/**
 * "Until tomorrow": 06:00 tomorrow, or the earliest start of working hours on the next working day, on
 * the local clock. Chosen after midnight but before 04:00, tomorrow is the morning that comes next.
 */
export function tomorrowMorning(nowWallMs: number, calendar: Calendar, hours: readonly WorkingHours[] | null): number {
  const morning = calendar.minuteOfDay(nowWallMs) < NIGHT_ENDS_MINUTES ? nowWallMs : calendar.startOfNextDay(nowWallMs);
  for (let i = 0, day = morning; hours && i < 7; i++, day = calendar.startOfNextDay(day)) {
    const weekday = weekdayOf(calendar.dayKey(day));
    const starts = hours.filter((h) => h.days.includes(weekday)).map((h) => h.startMinutes);
    if (starts.length > 0) return atLocalTime(calendar, day, Math.min(...starts));
  }
  return atLocalTime(calendar, morning, 6 * 60);
}
