import { createRequire } from 'node:module';
import * as path from 'node:path';

interface TestDayLib {
  testDay(): string;
  testClockStartMs(): string;
}

// One definition of the test day, shared with the runners in scripts/ (plain CommonJS, loaded unbundled).
// Test bundles run from dist/test/<layer>, so the repository is three folders up.
const lib = createRequire(__filename)(path.resolve(__dirname, '../../..', 'scripts', 'lib', 'testDay.js')) as TestDayLib;

/** The day tests run on (`YYYY-MM-DD`, local): `UPRIGHT_TEST_TODAY`, or a fixed day; never the real date. */
export function testToday(): string {
  return lib.testDay();
}

/** 09:00 local on the test day, as the extension's test clock starts there. */
export function testClockStartWallMs(): number {
  return Number(lib.testClockStartMs());
}
