import { type Calendar } from './time';

// Weekly slots (working hours, and the days of quiet times and the full routine): the weekdays, and
// whether a moment lies in a range of local clock times on given days.

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingHours {
  /** Minutes after local midnight; `end` may be before `start` for hours that cross midnight, and is 1440 for hours to midnight. */
  readonly startMinutes: number;
  readonly endMinutes: number;
  readonly days: readonly Weekday[];
}

/** The weekday of a `YYYY-MM-DD` day key. */
export function weekdayOf(dayKey: string): Weekday {
  const [y, m, d] = dayKey.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()] ?? 'mon';
}

export function insideWorkingHours(hours: WorkingHours, nowWallMs: number, calendar: Calendar): boolean {
  // The clock on the wall, not the time since midnight: the two differ by an hour when the clocks move.
  const minutes = calendar.minuteOfDay(nowWallMs);
  const day = weekdayOf(calendar.dayKey(nowWallMs));
  if (hours.startMinutes <= hours.endMinutes)
    return hours.days.includes(day) && minutes >= hours.startMinutes && minutes < hours.endMinutes;
  // Hours across midnight: the part after midnight belongs to the day before.
  if (minutes >= hours.startMinutes) return hours.days.includes(day);
  const yesterday = weekdayOf(calendar.dayKey(calendar.startOfDay(nowWallMs) - 1));
  return minutes < hours.endMinutes && hours.days.includes(yesterday);
}
