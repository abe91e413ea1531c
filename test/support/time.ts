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
 * The calendar of a named time zone (`America/New_York`, `Europe/Berlin`), daylight saving included,
 * read through Intl with the zone given: what a machine in that zone shows, whatever zone runs the tests.
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
  /** The local clock's reading at `wallMs`, as if it were UTC. */
  const localAsUtc = (wallMs: number): number => {
    const part = (type: string): number => Number(format.formatToParts(wallMs).find((p) => p.type === type)?.value);
    return (
      Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) +
      (((wallMs % 1000) + 1000) % 1000)
    );
  };
  const dayMs = 86_400_000;
  /** The first moment of the local day whose midnight reads `midnightAsUtc` (no zone here moves its clocks at midnight). */
  const midnight = (midnightAsUtc: number): number => {
    let guess = midnightAsUtc - (localAsUtc(midnightAsUtc) - midnightAsUtc);
    guess = midnightAsUtc - (localAsUtc(guess) - guess);
    return guess;
  };
  const calendar: Calendar = {
    dayKey(wallMs) {
      return new Date(localAsUtc(wallMs)).toISOString().slice(0, 10);
    },
    startOfDay(wallMs) {
      return midnight(Math.floor(localAsUtc(wallMs) / dayMs) * dayMs);
    },
    startOfNextDay(wallMs) {
      return midnight(Math.floor(localAsUtc(wallMs) / dayMs) * dayMs + dayMs);
    },
    minuteOfDay(wallMs) {
      return Math.floor((localAsUtc(wallMs) % dayMs) / 60_000);
    },
  };
  return calendar;
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
