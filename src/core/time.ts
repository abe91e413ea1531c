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
};

/** Milliseconds until the next whole wall-clock minute (1..60000), for minute-aligned refreshes. */
export function msUntilNextMinute(wallMs: number): number {
  return MS_PER_MINUTE - (((wallMs % MS_PER_MINUTE) + MS_PER_MINUTE) % MS_PER_MINUTE);
}
