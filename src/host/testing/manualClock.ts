import path = require('node:path');

import { type Instant } from '../../core/time';
import { type HostClock } from '../clock';

/** A clock that moves only when told to, so tests in the real host never wait for wall time. */
export class ManualClock implements HostClock {
  #wallMs: number;
  #monoMs: number;

  constructor(start: Instant) {
    this.#wallMs = start.wallMs;
    this.#monoMs = start.monoMs;
  }

  now(): Instant {
    return { wallMs: this.#wallMs, monoMs: this.#monoMs };
  }

  /** Time passes normally: both clocks move. */
  advance(ms: number): void {
    this.#wallMs += ms;
    this.#monoMs += ms;
  }

  /** The machine sleeps: the wall clock moves, the monotonic clock does not. */
  sleep(ms: number): void {
    this.#wallMs += ms;
  }

  /** Someone sets the wall clock (forwards or backwards); no time passes. */
  shiftWall(ms: number): void {
    this.#wallMs += ms;
  }
}

/**
 * Where the test clock starts. Test runners pass a wall time (`UPRIGHT_TEST_CLOCK_START`, ms) so a run
 * near midnight cannot split a test's minutes across two days, and every window of a run starts at the
 * same moment. Without one (a suite started from the editor's Run and Debug view), 09:00 local on the
 * test day that the tests themselves count from (scripts/lib/testDay.js); the real time only where that
 * file is not beside the build. Whole milliseconds, so sums of advanced time are exact.
 */
export function testClockStart(startWallMsText: string | undefined, real: Instant): Instant {
  const requested = Number(startWallMsText);
  const wallMs =
    startWallMsText !== undefined && Number.isSafeInteger(requested) && requested > 0
      ? requested
      : (testDayStart() ?? Math.round(real.wallMs));
  return { wallMs, monoMs: Math.round(real.monoMs) };
}

/** 09:00 local on the tests' day, from the repository this test build sits in (dist/ is one folder down). */
function testDayStart(): number | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require(path.join(__dirname, '..', 'scripts', 'lib', 'testDay.js')) as { testClockStartMs(): string };
    return Number(lib.testClockStartMs());
  } catch {
    return undefined;
  }
}
