import { MS_PER_MINUTE } from './time';

export interface HoursMinutes {
  readonly hours: number;
  readonly minutes: number;
}

/** Whole minutes, rounded down (a minute is shown once it is complete), split into hours and minutes. */
export function toHoursMinutes(ms: number): HoursMinutes {
  const totalMinutes = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / MS_PER_MINUTE);
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** Compact duration for the status bar: `0m`, `45m`, `1h 05m`. */
export function formatCompactDuration(ms: number): string {
  const { hours, minutes } = toHoursMinutes(ms);
  if (hours === 0) return `${minutes}m`;
  return `${hours}h ${minutes < 10 ? '0' : ''}${minutes}m`;
}
