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
