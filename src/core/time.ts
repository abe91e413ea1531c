/**
 * A moment read from two clocks at once. `wallMs` is the calendar clock (it can jump: sleep, a user
 * setting the time); `monoMs` never goes backwards and, on most systems, stops while the machine sleeps.
 * Comparing how far each moved tells a real gap from a jump.
 */
export interface Instant {
  readonly wallMs: number;
  readonly monoMs: number;
}

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** Local-calendar questions, behind an interface so tests can pin a time zone. */
export interface Calendar {
  /** `YYYY-MM-DD` of the local day holding `wallMs`. */
  dayKey(wallMs: number): string;
  /** The first millisecond of the local day holding `wallMs`. */
  startOfDay(wallMs: number): number;
  /** The first millisecond of the local day after the one holding `wallMs`. */
  startOfNextDay(wallMs: number): number;
  /** The time the local clock shows at `wallMs`, in minutes after midnight (0–1439). */
  minuteOfDay(wallMs: number): number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The calendar of the process's local time zone. Reads no clock: the moment is always passed in. */
export const localCalendar: Calendar = {
  dayKey(wallMs) {
    const d = new Date(wallMs);
    return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  },
  startOfDay(wallMs) {
    const d = new Date(wallMs);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  },
  startOfNextDay(wallMs) {
    const d = new Date(wallMs);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  },
  minuteOfDay(wallMs) {
    const d = new Date(wallMs);
    return d.getHours() * 60 + d.getMinutes();
  },
};

/**
 * The first moment of the local day holding `wallMs` at which the clock shows `minutes` after midnight
 * or later. A day is not always 24 hours long: on the day the clocks go forward, a time in the hour
 * that is skipped gives the moment the clock jumps; on the day they go back, a time in the hour that
 * repeats gives its first occurrence.
 */
export function atLocalTime(calendar: Calendar, wallMs: number, minutes: number): number {
  // Walked minute by minute from three hours before: no zone moves its clocks further in a day.
  let at = calendar.startOfDay(wallMs) + Math.max(0, minutes - 180) * MS_PER_MINUTE;
  while (calendar.minuteOfDay(at) < minutes) at += MS_PER_MINUTE;
  return at;
}

/** Milliseconds until the next whole wall-clock minute (1..60000), for minute-aligned refreshes. */
export function msUntilNextMinute(wallMs: number): number {
  return MS_PER_MINUTE - (((wallMs % MS_PER_MINUTE) + MS_PER_MINUTE) % MS_PER_MINUTE);
}
