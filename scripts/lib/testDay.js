'use strict';
// The day every test runs on. No test reads the real date: the extension's test clock starts at 09:00
// local time on this day, and tests that seed history count back from it. `UPRIGHT_TEST_TODAY=YYYY-MM-DD`
// picks another day (the suite passes on each day of the week); the time zone is the process's own (TZ).
const DEFAULT_TEST_DAY = '2026-06-17';

/** The test day as `YYYY-MM-DD`; a malformed `UPRIGHT_TEST_TODAY` stops the run with a clear message. */
function testDay(env = process.env) {
  const value = env.UPRIGHT_TEST_TODAY;
  if (value === undefined || value === '') return DEFAULT_TEST_DAY;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
  if (!date || date.getFullYear() !== Number(match[1]) || date.getMonth() !== Number(match[2]) - 1 || date.getDate() !== Number(match[3])) {
    throw new Error(`UPRIGHT_TEST_TODAY must be a date written YYYY-MM-DD, such as ${DEFAULT_TEST_DAY}; got ${JSON.stringify(value)}`);
  }
  return value;
}

/** 09:00 local on the test day, in ms as text: tests that move the clock by hours never cross midnight. */
function testClockStartMs(env = process.env) {
  const [year, month, day] = testDay(env).split('-').map(Number);
  return String(new Date(year, month - 1, day, 9, 0, 0, 0).getTime());
}

module.exports = { DEFAULT_TEST_DAY, testDay, testClockStartMs };
