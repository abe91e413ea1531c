import { type Calendar, type Instant } from '../../src/core/time';

/** A fixed-offset calendar (UTC+offset, no DST) so day boundaries in tests do not depend on the machine. */
export function fixedOffsetCalendar(offsetMinutes: number): Calendar {
  const offsetMs = offsetMinutes * 60_000;
  const dayMs = 86_400_000;
  return {
    dayKey(wallMs) {
      const d = new Date(wallMs + offsetMs);
      return d.toISOString().slice(0, 10);
    },
    startOfDay(wallMs) {
      return Math.floor((wallMs + offsetMs) / dayMs) * dayMs - offsetMs;
    },
    startOfNextDay(wallMs) {
      return Math.floor((wallMs + offsetMs) / dayMs) * dayMs + dayMs - offsetMs;
    },
    minuteOfDay(wallMs) {
      return Math.floor(((((wallMs + offsetMs) % dayMs) + dayMs) % dayMs) / 60_000);
    },
  };
}

/**
 * The calendar of a named time zone (`America/New_York`), from the zone rules in `Intl`, with daylight
 * saving time: a day is 23, 24 or 25 hours long. Never the machine's zone. For zones whose days begin at
 * midnight (a change of offset at midnight is not handled).
 */
export function zoneCalendar(timeZone: string): Calendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const fields = (wallMs: number): Record<string, number> =>
    Object.fromEntries(format.formatToParts(wallMs).flatMap((p) => (p.type === 'literal' ? [] : [[p.type, Number(p.value)]])));
  /** How far local time is ahead of UTC at `wallMs`. */
  const offsetMs = (wallMs: number): number => {
    const f = fields(wallMs);
    return Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day, f.hour, f.minute, f.second) - (wallMs - (((wallMs % 1000) + 1000) % 1000));
  };
  const startOfDay = (wallMs: number): number => {
    const f = fields(wallMs);
    const midnightAsUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day);
    // The offset at midnight may differ from the one now (a day with a change of clocks): ask again there.
    return midnightAsUtc - offsetMs(midnightAsUtc - offsetMs(midnightAsUtc));
  };
  const pad = (n: number | undefined): string => String(n).padStart(2, '0');
  // Asking Intl takes microseconds: the day last asked about is kept, since the next question is mostly about it too.
  let last = { key: '', startMs: 0, endMs: 0 };
  const dayOf = (wallMs: number): typeof last => {
    if (wallMs >= last.startMs && wallMs < last.endMs) return last;
    const f = fields(wallMs);
    const startMs = startOfDay(wallMs);
    // Some 36 hours after the start of a day (23 to 25 hours long) is in the next one.
    last = { key: `${f.year}-${pad(f.month)}-${pad(f.day)}`, startMs, endMs: startOfDay(startMs + 36 * 3_600_000) };
    return last;
  };
  return {
    dayKey: (wallMs) => dayOf(wallMs).key,
    startOfDay: (wallMs) => dayOf(wallMs).startMs,
    startOfNextDay: (wallMs) => dayOf(wallMs).endMs,
    minuteOfDay: (wallMs) => {
      const f = fields(wallMs);
      return (f.hour ?? 0) * 60 + (f.minute ?? 0);
    },
  };
}

/** A pair of clocks for the pure core: moves both, or only the wall clock (sleep, clock changes). */
export class TestClock {
  wallMs: number;
  monoMs: number;
  constructor(wallMs: number, monoMs = 1_000) {
    this.wallMs = wallMs;
    this.monoMs = monoMs;
  }
  now(): Instant {
    return { wallMs: this.wallMs, monoMs: this.monoMs };
  }
  advance(ms: number): Instant {
    this.wallMs += ms;
    this.monoMs += ms;
    return this.now();
  }
  sleep(ms: number): Instant {
    this.wallMs += ms;
    return this.now();
  }
}

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
