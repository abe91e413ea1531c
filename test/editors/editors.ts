import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type ClosedDay, type DayRecord } from '../../src/core/days';
import { type ExerciseTotal } from '../../src/core/history';
import { emptyLedger, readLedger } from '../../src/core/ledger';

// What both editors' halves share: who this is, the folders scripts/lib/twoEditors.js made, what it
// seeded, and the marker files the halves take turns by. A marker that carries a value (a wall time, a
// path) is written whole, by rename.
export type Role = 'a' | 'b';
export const role = process.env.UPRIGHT_EDITOR_ROLE as Role;
export const other: Role = role === 'a' ? 'b' : 'a';
const syncDir = process.env.UPRIGHT_SYNC_DIR ?? '.';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through scripts/lib/twoEditors.js`);
  return value;
}

/** The machine's state folder, as both editors have it ($XDG_STATE_HOME). */
export const sharedState = setting('UPRIGHT_SHARED_STATE');
/** Each product's own folder for Upright in its global storage, where it kept its files before. */
export const productStorage: Record<Role, string> = { a: setting('UPRIGHT_PRODUCT_STORAGE_A'), b: setting('UPRIGHT_PRODUCT_STORAGE_B') };
/** Each product's profile (--user-data-dir). */
export const userData: Record<Role, string> = { a: setting('UPRIGHT_USER_DATA_A'), b: setting('UPRIGHT_USER_DATA_B') };

/** What twoEditors.js put in each product's global storage before the editors first started. */
export interface Seeds {
  /** Each file's text as written. */
  readonly files: Record<Role, Record<string, string>>;
  /** The days of each product's history. */
  readonly days: Record<Role, ClosedDay[]>;
  /** The day each product's ledger held (the test day, used that morning). */
  readonly ledgerDays: Record<Role, DayRecord[]>;
  /** The last activity in the more recently used ledger: the time away since is a natural break. */
  readonly lastActivityWallMs: number;
}
export const seeds = JSON.parse(fs.readFileSync(setting('UPRIGHT_SEEDS'), 'utf8')) as Seeds;

/** Counted in every editor that saw it: both editors' counts of a day add up. */
export const ADDED = [
  'activeMs',
  'reminders',
  'started',
  'manual',
  'skipped',
  'snoozed',
  'routines',
  'exercises',
  'exerciseMs',
  'moves',
  'eyeBreaks',
] as const;
/** Derived from time away, which every open editor saw: the larger of the two. */
export const LARGER = ['natural', 'moved', 'sitting', 'sittingMs'] as const;

/** The day records both products' histories and ledgers make together, by the rules above, oldest first. */
export function movedInDays(): DayRecord[] {
  const byDay = new Map<string, DayRecord>();
  const records = [...seeds.days.a, ...seeds.days.b].map((d) => d.record);
  for (const record of [...records, ...seeds.ledgerDays.a, ...seeds.ledgerDays.b]) {
    const before = byDay.get(record.day);
    if (!before) {
      byDay.set(record.day, record);
      continue;
    }
    const both: Record<string, unknown> = { day: record.day };
    for (const k of ADDED) both[k] = before[k] + record[k];
    for (const k of LARGER) both[k] = Math.max(before[k], record[k]);
    byDay.set(record.day, both as unknown as DayRecord);
  }
  return [...byDay.values()].sort((x, y) => (x.day < y.day ? -1 : 1));
}

/** Today's coding both editors brought in: what the day shows before either editor has typed. */
export function movedInToday(): DayRecord {
  const today = seeds.ledgerDays.a[0]?.day;
  const day = movedInDays().find((d) => d.day === today);
  if (!day) throw new Error('no ledger was seeded for today');
  return day;
}

/** All-time exercise totals of both histories: counts and time add up, the last day is the later one. */
export function movedInExercises(): Record<string, ExerciseTotal> {
  const totals: Record<string, ExerciseTotal> = {};
  for (const { record, exercises } of [...seeds.days.a, ...seeds.days.b]) {
    for (const [id, done] of Object.entries(exercises)) {
      const t = totals[id];
      totals[id] = {
        count: (t?.count ?? 0) + done.count,
        ms: (t?.ms ?? 0) + done.ms,
        lastDay: t && t.lastDay > record.day ? t.lastDay : record.day,
      };
    }
  }
  return totals;
}

/** Asserts that each product's own files are byte for byte as they were seeded. */
export function assertSeedsUntouched(): void {
  for (const r of ['a', 'b'] as const) {
    for (const [name, text] of Object.entries(seeds.files[r])) {
      assert.equal(fs.readFileSync(path.join(productStorage[r], name), 'utf8'), text, `editor ${r}'s own ${name} is as it was`);
    }
  }
}

/** Whether `file` lies inside `folder`. */
export function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function put(name: string, value: string = role): void {
  const file = path.join(syncDir, name);
  fs.writeFileSync(`${file}.${role}.tmp`, value);
  fs.renameSync(`${file}.${role}.tmp`, file);
}

export function take(name: string): string {
  return fs.readFileSync(path.join(syncDir, name), 'utf8');
}

/** Waits for the other editor's marker; gives up at once when the other editor has failed. */
export async function waitFor(name: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(path.join(syncDir, name))) {
    if (fs.existsSync(path.join(syncDir, `failed-${other}`)))
      throw new Error(`editor ${role}: editor ${other} failed (waiting for "${name}")`);
    if (Date.now() > deadline) throw new Error(`editor ${role} timed out waiting for "${name}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits (real time) until `check` holds; `seen` says what there was instead when it never does. */
export async function eventually(check: () => boolean, what: string, seen?: () => unknown, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`editor ${role}: timed out until ${what}${seen ? ` (there is ${JSON.stringify(seen())})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Says that this editor failed, so the other stops waiting for it (an `afterEach` hook). */
export function sayFailed(this: Mocha.Context): void {
  if (this.currentTest?.state === 'failed') put(`failed-${role}`);
}

/**
 * Where the day stands in the shared ledger on disk (both editors read the same file, whatever either
 * window has read of it so far): for the editors started again after a run.
 */
export function dayOnDisk(ledgerFile: string, wallMs: number): string {
  const { ledger } = readLedger(JSON.parse(fs.readFileSync(ledgerFile, 'utf8')), emptyLedger('1970-01-01'));
  return JSON.stringify({ wallMs, todayActiveMs: ledger.todayActiveMs });
}
