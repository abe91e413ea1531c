import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ID_PATTERN } from '../../src/core/days';
import { BUILT_IN_ROUTINES } from '../../src/core/exercises/builtInRoutines';
import { EXERCISES } from '../../src/core/exercises/library';
import { EQUIPMENT } from '../../src/core/exercises/model';
import { resolveRoutine, type Routine } from '../../src/core/exercises/routines';
import { type Weekday, WEEKDAYS } from '../../src/core/reminders/scheduler';
import { DEFAULT_SETTINGS, describeValue, type SettingProblem, type UprightSettings } from '../../src/core/settings';
import { parseSettings } from '../support/settings';

// Every `upright.*` setting gets thousands of values, good and bad, from a seeded generator, so a
// failure replays exactly. Whether a value is good is decided by an oracle written from the design
// (DESIGN.md §2 and §6), not by the generator, so a value the generator meant as garbage but that
// happens to be valid is judged correctly.

/** The ranges of the design's settings table; the manifest must agree. */
const DESIGN_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  breakIntervalMinutes: [1, 240],
  idleThresholdSeconds: [30, 1800],
  naturalBreakMinutes: [1, 120],
  typingPauseSeconds: [0, 120],
  snoozeMinutes: [1, 60],
  maxConsecutiveSnoozes: [0, 10],
};
const FIELD_OF_KEY: Readonly<Record<string, keyof UprightSettings>> = { 'statusBar.display': 'statusBarDisplay' };
const BUILT_IN_IDS = BUILT_IN_ROUTINES.map((r) => r.id);
const EXERCISE_IDS = EXERCISES.map((e) => e.id);
const CUSTOM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const MAX_ROUTINES = 50;
const MAX_STEPS = 40;
const MAX_NAME_CODE_POINTS = 80;
/** Problems one setting may give: one, except a few for the fields of working hours and the routines. */
const MAX_PROBLEMS_PER_KEY: Readonly<Record<string, number>> = { workingHours: 5, customRoutines: 12 };
/** Entries of a list of working hours or quiet times read, at most. */
const MAX_SLOTS = 50;
const MAX_PROBLEM_TEXT_CHARS = 200;
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

interface ManifestProperty {
  readonly type?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly items?: { readonly enum?: readonly string[] };
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, { readonly type?: string; readonly minimum?: number; readonly maximum?: number }>>;
}

function findManifest(): Record<string, ManifestProperty> {
  // Bundled tests run from dist/test/unit or elsewhere: look upwards for the project's manifest.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        name?: string;
        contributes?: { configuration?: { properties?: Record<string, ManifestProperty> } };
      };
      const properties = manifest.contributes?.configuration?.properties;
      if (manifest.name === 'upright' && properties) return properties;
    }
    if (path.dirname(dir) === dir) break;
  }
  const fallback = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, ManifestProperty> } };
  };
  return fallback.contributes.configuration.properties;
}

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let x = this.#state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
  subset<T>(items: readonly T[]): T[] {
    return this.shuffled(items).slice(0, this.int(0, items.length));
  }
}

// Shared large values: built once, never mutated (each case checks the parser leaves its input alone).
const HUGE_TEXT = 'x'.repeat(100_000);
const HUGE_LINES = 'line\n'.repeat(20_000);
const DEEP_ARRAY = Array.from({ length: 1000 }).reduce<unknown[]>((inner) => [inner], []);
const DEEP_OBJECT = Array.from({ length: 1000 }).reduce<Record<string, unknown>>((inner) => ({ a: inner }), {});
const THOUSAND_STRINGS = Array.from({ length: 1000 }, (_, i) => `item-${i}`);
const THOUSAND_LONG = Array.from({ length: 1000 }, (_, i) => `${i}`.padEnd(1000, 'y'));
const PROTO_OBJECT = JSON.parse('{"__proto__": {"enabled": true, "polluted": 1}, "constructor": {"prototype": {"x": 1}}}') as unknown;

const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  HUGE_TEXT,
  HUGE_LINES,
  'two\nlines',
  'carriage\rreturn',
  'line\u2028separator',
  'next\u0085line',
  'bell\u0007 escape\u001b[31m red',
  'nul\u0000byte',
  'del\u007f c1\u009b',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"quoted" & \'single\'',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '🧘‍♀️🪑',
  '\u202Eevil',
  'lone \ud800 surrogate',
  '\udc00',
  'ＡＢＣ',
  '٣٠',
];
const NUMERIC_STRINGS: readonly string[] = [
  ' 42 ',
  '42',
  '\t7\n',
  '0x1F',
  '1e2',
  '-0',
  '3.5',
  '030',
  '+5',
  ' 1 2 ',
  '5 minutes',
  '0b11',
  '.5',
  '1_000',
];
const SPECIAL_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  5e-324,
  -5e-324,
  1e-300,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 53,
  0.5,
  -0.5,
  1.5,
  0.1 + 0.2,
];

function randomText(random: Random, maxChars: number): string {
  const alphabet = ['a', 'Z', '0', ' ', '-', '_', '<', '>', '&', '"', '\n', '\t', '\u0001', 'é', 'ß', '中', '🙂', '\u200b', '\ud83d'];
  return Array.from({ length: random.int(0, maxChars) }, () => random.pick(alphabet)).join('');
}

/** Anything JSON can hold (and a few things only a buggy reader would return), mostly not what a setting wants. */
function garbage(random: Random, depth = 0): unknown {
  switch (random.int(0, 11)) {
    case 0:
      return random.pick(NASTY_STRINGS);
    case 1:
      return random.pick(NUMERIC_STRINGS);
    case 2:
      return random.chance(0.5);
    case 3:
      return null;
    case 4:
      return random.pick(SPECIAL_NUMBERS);
    case 5:
      return (random.next() - 0.5) * 10 ** random.int(0, 12);
    case 6:
      return depth > 2 ? [] : Array.from({ length: random.int(0, 5) }, () => garbage(random, depth + 1));
    case 7:
      return depth > 2
        ? {}
        : Object.fromEntries(Array.from({ length: random.int(0, 4) }, () => [randomText(random, 8), garbage(random, depth + 1)]));
    case 8:
      return random.pick([DEEP_ARRAY, DEEP_OBJECT, THOUSAND_STRINGS, THOUSAND_LONG, PROTO_OBJECT]);
    case 9:
      return randomText(random, 40);
    case 10:
      return random.int(-1_000_000, 1_000_000);
    default:
      return random.pick([[], {}, [null], [[]], { enabled: true }, '[]', '{}']);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUniqueListOf = (v: unknown, allowed: readonly string[]): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && allowed.includes(x)) && new Set(v).size === v.length;
const inOrderOf = (allowed: readonly string[], chosen: readonly unknown[]): string[] => allowed.filter((x) => chosen.includes(x));
const clockMinutes = (text: string): number => {
  const [hours, minutes] = text.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};
const codePoints = (text: string): number => [...text].length;
const isIntegerIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** What a good routine name looks like: text on one line, trimmed, not too long. */
const isGoodName = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() === v && v !== '' && codePoints(v) <= MAX_NAME_CODE_POINTS && !/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u.test(v);

/**
 * Good as far as settings can tell: the library is loaded only when a routine runs, so a well-formed id
 * the library lacks is skipped (with a warning) then; `assertSound` checks that.
 */
function isGoodStep(step: unknown): boolean {
  if (typeof step === 'string') return ID_PATTERN.test(step);
  if (!isRecord(step) || typeof step.exercise !== 'string' || !ID_PATTERN.test(step.exercise)) return false;
  return (
    (step.reps === undefined || isIntegerIn(step.reps, 1, 50)) &&
    (step.holdSeconds === undefined || isIntegerIn(step.holdSeconds, 1, 300)) &&
    (step.sets === undefined || isIntegerIn(step.sets, 1, 10))
  );
}

function isGoodRoutineList(v: unknown): v is Record<string, unknown>[] {
  if (!Array.isArray(v) || v.length > MAX_ROUTINES) return false;
  const ids = new Set(BUILT_IN_IDS);
  for (const r of v as unknown[]) {
    if (!isRecord(r) || typeof r.id !== 'string' || !CUSTOM_ID.test(r.id) || ids.has(r.id)) return false;
    ids.add(r.id);
    if (r.name !== undefined && !isGoodName(r.name)) return false;
    if (!Array.isArray(r.steps) || r.steps.length === 0 || r.steps.length > MAX_STEPS || !r.steps.every(isGoodStep)) return false;
  }
  return true;
}

/** Whether two slots share a minute of the week (the part after midnight is on the next day; from a time to itself: the whole day). */
function overlaps(slots: readonly { start: string; end: string; days: readonly string[] }[]): boolean {
  const week = new Uint8Array(7 * 1440);
  for (const slot of slots) {
    const start = clockMinutes(slot.start);
    const length = (clockMinutes(slot.end) - start + 1440) % 1440 || 1440;
    for (const day of new Set(slot.days)) {
      const from = WEEKDAYS.indexOf(day as Weekday) * 1440 + start;
      for (let m = from; m < from + length; m++) {
        if (week[m % (7 * 1440)]) return true;
        week[m % (7 * 1440)] = 1;
      }
    }
  }
  return false;
}

/** A list of ranges of working hours: each a good range (`enabled` may be left out: on), the ranges on apart. */
function isGoodHoursList(v: readonly unknown[]): boolean {
  if (v.length > MAX_SLOTS || !v.every(isGoodOneRange)) return false;
  const on = (v as Record<string, unknown>[]).filter((r) => r.enabled !== false);
  return !overlaps(
    on.map((r) => ({
      start: (r.start as string | undefined) ?? '09:00',
      end: (r.end as string | undefined) ?? '18:00',
      days: (r.days as string[] | undefined) ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
    })),
  );
}

function isGoodWorkingHours(v: unknown): boolean {
  return Array.isArray(v) ? isGoodHoursList(v) : isGoodOneRange(v);
}

function isGoodOneRange(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const goodClock = (c: unknown): boolean => c === undefined || (typeof c === 'string' && CLOCK.test(c));
  return (
    (v.enabled === undefined || typeof v.enabled === 'boolean') &&
    goodClock(v.start) &&
    goodClock(v.end) &&
    // From a time to itself, or on no day, no moment is inside: no reminder would ever come.
    clockMinutes((v.start as string | undefined) ?? '09:00') !== clockMinutes((v.end as string | undefined) ?? '18:00') &&
    (v.days === undefined || (isUniqueListOf(v.days, WEEKDAYS) && (v.days as unknown[]).length > 0))
  );
}

/** How one setting is fuzzed: good values, bad values, whether a value is good, and what a good one becomes. */
interface KeyModel {
  readonly field: keyof UprightSettings;
  good(random: Random): unknown;
  bad(random: Random): unknown;
  isGood(value: unknown): boolean;
  parsedFrom(value: unknown): unknown;
}

function goodClock(random: Random): string {
  const hours = random.int(0, 23);
  return `${hours < 10 && random.chance(0.3) ? hours : String(hours).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
}

function goodRoutineList(random: Random): Record<string, unknown>[] {
  const idChars = 'abcXYZ019_-';
  const usedIds = new Set(BUILT_IN_IDS);
  return Array.from({ length: random.int(0, 4) }, () => {
    let id: string;
    do
      id =
        random.pick(['r', 'My', '9', 'x']) +
        Array.from({ length: random.int(0, random.chance(0.1) ? 63 : 10) }, () => random.pick([...idChars])).join('');
    while (usedIds.has(id));
    usedIds.add(id);
    const steps = Array.from({ length: random.int(1, random.chance(0.1) ? MAX_STEPS : 6) }, () => {
      const exercise = random.pick(EXERCISE_IDS);
      if (random.chance(0.3)) return exercise;
      return {
        exercise,
        ...(random.chance(0.5) ? { reps: random.int(1, 50) } : {}),
        ...(random.chance(0.3) ? { holdSeconds: random.int(1, 300) } : {}),
        ...(random.chance(0.4) ? { sets: random.int(1, 10) } : {}),
      };
    });
    const name = random.pick([
      undefined,
      'My reset',
      '<b>Bold</b> & <script>alert(1)</script>',
      'Pausa 🧘',
      'Ü'.repeat(80),
      '🙂'.repeat(80),
      'a  b',
    ]);
    return { id, ...(name === undefined ? {} : { name }), steps };
  });
}

function parsedRoutines(value: readonly Record<string, unknown>[]): Routine[] {
  return value.map((r) => ({
    id: r.id as string,
    name: (r.name as string | undefined) ?? (r.id as string),
    summary: 'Your own routine.',
    forReminders: false,
    steps: (r.steps as unknown[]).map((s) => {
      if (typeof s === 'string') return { exercise: s };
      const step = s as { exercise: string; reps?: number; holdSeconds?: number; sets?: number };
      return {
        exercise: step.exercise,
        ...(step.reps === undefined ? {} : { reps: step.reps }),
        ...(step.holdSeconds === undefined ? {} : { seconds: step.holdSeconds }),
        ...(step.sets === undefined ? {} : { sets: step.sets }),
      };
    }),
  }));
}

/** Custom routines broken in one of the ways people break them, after some good ones. */
function badRoutineList(random: Random): unknown {
  const good = goodRoutineList(random);
  const takenId = random.pick([...BUILT_IN_IDS, ...good.map((r) => r.id as string)]);
  const someExercise = (): string => random.pick(EXERCISE_IDS);
  const broken = (): unknown => {
    switch (random.int(0, 17)) {
      case 0:
        return { name: 'no id', steps: [someExercise()] };
      case 1:
        return { id: takenId, steps: [someExercise()] };
      case 2:
        return {
          id: random.pick(['has space', '', '-lead', 'ü', 'x'.repeat(65), '<b>', 'a\nb', HUGE_TEXT, 7, null]),
          steps: [someExercise()],
        };
      case 3:
        return { id: 'unknown-moves', steps: [random.pick(['no-such-exercise', 'Chin-Tuck', 'chin tuck', '<script>', HUGE_TEXT, ''])] };
      case 4:
        return {
          id: 'bad-doses',
          steps: [
            {
              exercise: someExercise(),
              reps: random.pick([-1, 0, 51, 1e9, 2.5, Number.NaN, '8', null]),
              holdSeconds: random.pick([undefined, -5, 0, 301, 1e12, 0.5]),
              sets: random.pick([undefined, -1, 11, 1e6, 1.2, '3']),
            },
          ],
        };
      case 5:
        return { id: 'steps-not-a-list', steps: random.pick(['chin-tuck', { exercise: 'chin-tuck' }, 3, null, true]) };
      case 6:
        return { id: 'no-steps', steps: [] };
      case 7:
        return { id: 'many-steps', steps: Array.from({ length: random.int(MAX_STEPS + 1, 5000) }, someExercise) };
      case 8:
        return {
          id: 'many-bad-steps',
          steps: Array.from({ length: random.int(100, 5000) }, (_, i) =>
            i % 2 ? { exercise: someExercise(), reps: -i, sets: 99 } : `nope-${i}`,
          ),
        };
      case 9:
        return {
          id: 'markup-name',
          name: random.pick([
            '',
            '   ',
            'x'.repeat(81),
            '🙂'.repeat(81),
            HUGE_TEXT,
            'line\nbreak',
            'tab\tname',
            ' padded ',
            'bell\u0007',
            'lone \ud800',
            42,
            null,
            ['a'],
            { html: '<b>' },
          ]),
          steps: [someExercise()],
        };
      case 10:
        return random.pick(['not a routine', 42, null, true, [], DEEP_ARRAY, PROTO_OBJECT]);
      case 11:
        return { id: 'step-garbage', steps: [garbage(random), { reps: 3 }, [], null, { exercise: 42 }] };
      case 12:
        return { id: 'deep', steps: [DEEP_OBJECT, DEEP_ARRAY] };
      case 13:
        return { id: 'only-unknown', steps: ['no-such-exercise', 'another-one'] };
      case 14:
        return { id: 'thousand-garbage', steps: THOUSAND_LONG };
      case 15:
        return { id: 'html-exercise', steps: [{ exercise: '<img src=x onerror=alert(1)>', reps: 5 }] };
      case 16:
        return {
          id: 'huge-dose',
          steps: [{ exercise: someExercise(), reps: Number.MAX_VALUE, holdSeconds: Number.POSITIVE_INFINITY, sets: -0.0001 }],
        };
      default:
        return { id: 'step-nested', steps: [[someExercise()], { exercise: [someExercise()] }, { exercise: { id: someExercise() } }] };
    }
  };
  if (random.chance(0.08)) return garbage(random);
  if (random.chance(0.04))
    return Array.from({ length: random.int(MAX_ROUTINES + 1, 300) }, (_, i) => ({ id: `r${i}`, steps: [someExercise()] }));
  const bad = Array.from({ length: random.int(1, 3) }, broken);
  return [...good, ...bad];
}

function badWorkingHours(random: Random): unknown {
  if (random.chance(0.2)) return garbage(random);
  if (random.chance(0.25)) {
    // A list: good ranges with a broken one among them, ranges that overlap, or thousands.
    const ranges: unknown[] = Array.from({ length: random.int(0, 3) }, () => goodOneRange(random));
    switch (random.int(0, 3)) {
      case 0:
        ranges.push({ start: '09:00', end: '17:00', days: [...WEEKDAYS] }, { start: '12:00', end: '13:00', days: ['mon'] });
        break;
      case 1:
        return Array.from({ length: random.int(MAX_SLOTS + 1, 3000) }, () => ({ start: '09:00', end: '10:00', days: ['sat'] }));
      case 2:
        ranges.push(random.pick(['09:00', 7, null, [], PROTO_OBJECT]));
        break;
      default:
        ranges.push({ ...goodOneRange(random), enabled: true, start: random.pick(['25:99', ' 8:00', null, 800]) });
    }
    return random.shuffled(ranges);
  }
  const badClock = (): unknown =>
    random.pick([
      '25:00',
      '24:00',
      '9',
      '900',
      '12:60',
      '9:5',
      '09:00:00',
      ' 09:00',
      '09:00 ',
      '9.30',
      '09h00',
      '-1:00',
      '',
      '٠٩:٠٠',
      HUGE_TEXT,
      'noon',
      900,
      null,
      true,
      ['09:00'],
      { h: 9 },
    ]);
  const badDays = (): unknown =>
    random.pick([
      ['monday'],
      ['Mon'],
      ['mon', 'mon'],
      'mon',
      5,
      null,
      [1, 2],
      [['mon']],
      THOUSAND_STRINGS,
      [...WEEKDAYS, 'sun'],
      ['<script>'],
      {},
    ]);
  const hours: Record<string, unknown> = {
    enabled: random.chance(0.7) ? true : random.pick([false, undefined]),
    start: goodClock(random),
    end: goodClock(random),
    days: random.subset(WEEKDAYS),
  };
  const broken = random.int(0, 3);
  if (broken === 0) hours.enabled = random.pick(['yes', 'true', 1, 0, null, [], { on: true }]);
  if (broken === 1 || random.chance(0.2)) hours.start = badClock();
  if (broken === 2 || random.chance(0.2)) hours.end = badClock();
  if (broken === 3 || random.chance(0.2)) hours.days = badDays();
  for (const field of ['start', 'end', 'days'] as const) if (random.chance(0.1)) delete hours[field];
  if (hours.enabled === undefined) delete hours.enabled;
  return hours;
}

function goodWorkingHours(random: Random): unknown {
  if (random.chance(0.3)) {
    const ranges = Array.from({ length: random.int(0, 4) }, () => goodOneRange(random));
    return isGoodHoursList(ranges) ? ranges : goodWorkingHours(random);
  }
  return goodOneRange(random);
}

function goodOneRange(random: Random): Record<string, unknown> {
  const hours: Record<string, unknown> = {
    enabled: random.chance(0.6),
    start: goodClock(random),
    end: goodClock(random),
    days: random.subset(WEEKDAYS),
  };
  // Missing fields take their defaults (the Settings UI merges the default object in).
  for (const field of ['enabled', 'start', 'end', 'days'] as const) if (random.chance(0.15)) delete hours[field];
  return isGoodOneRange(hours) ? hours : goodOneRange(random);
}

function parsedWorkingHours(value: unknown): unknown {
  if (Array.isArray(value)) {
    const on = (value as Record<string, unknown>[]).filter((r) => r.enabled !== false);
    return on.length === 0 ? null : on.map((r) => parsedWorkingHours({ ...r, enabled: true }) as unknown[]).flat();
  }
  const hours = value as { enabled?: boolean; start?: string; end?: string; days?: string[] };
  if (hours.enabled !== true) return null;
  return [
    {
      startMinutes: clockMinutes(hours.start ?? '09:00'),
      endMinutes: clockMinutes(hours.end ?? '18:00'),
      days: inOrderOf(WEEKDAYS, hours.days ?? ['mon', 'tue', 'wed', 'thu', 'fri']),
    },
  ];
}

/** A list of quiet times: each with a start and an end apart, days known (left out: every day), none overlapping. */
function isGoodQuietTimes(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > MAX_SLOTS) return false;
  const slots: { start: string; end: string; days: readonly string[] }[] = [];
  for (const slot of v as unknown[]) {
    if (!isRecord(slot) || typeof slot.start !== 'string' || typeof slot.end !== 'string') return false;
    if (!CLOCK.test(slot.start) || !CLOCK.test(slot.end) || clockMinutes(slot.start) === clockMinutes(slot.end)) return false;
    if (slot.days !== undefined && !(isUniqueListOf(slot.days, WEEKDAYS) && (slot.days as unknown[]).length > 0)) return false;
    if (slot.sitting !== undefined && typeof slot.sitting !== 'boolean') return false;
    slots.push({ start: slot.start, end: slot.end, days: slot.days ?? WEEKDAYS });
  }
  return !overlaps(slots);
}

function goodQuietTime(random: Random): Record<string, unknown> {
  const slot: Record<string, unknown> = {
    start: goodClock(random),
    end: goodClock(random),
    ...(random.chance(0.7) ? { days: random.subset(WEEKDAYS) } : {}),
    ...(random.chance(0.4) ? { sitting: random.chance(0.5) } : {}),
  };
  return isGoodQuietTimes([slot]) ? slot : goodQuietTime(random);
}

function goodQuietTimes(random: Random): unknown {
  const slots = Array.from({ length: random.int(0, random.chance(0.1) ? 12 : 4) }, () => goodQuietTime(random));
  return isGoodQuietTimes(slots) ? slots : goodQuietTimes(random);
}

function badQuietTimes(random: Random): unknown {
  if (random.chance(0.15)) return garbage(random);
  const slots: unknown[] = Array.from({ length: random.int(0, 3) }, () => goodQuietTime(random));
  const broken = (): unknown => {
    const slot = goodQuietTime(random);
    switch (random.int(0, 9)) {
      case 0:
        return { ...slot, start: random.pick(['25:99', '24:00', '9', ' 10:00', '10:00 ', '', null, 900, ['10:00'], HUGE_TEXT]) };
      case 1:
        return { ...slot, end: random.pick(['12:60', '-1:00', 'noon', undefined, true, { h: 1 }]) };
      case 2:
        return { ...slot, end: slot.start };
      case 3:
        return { ...slot, days: random.pick([[], ['Mon'], ['mon', 'mon'], 'mon', 5, null, THOUSAND_STRINGS, [['tue']]]) };
      case 4:
        return { ...slot, sitting: random.pick(['yes', 1, 0, null, [], {}]) };
      case 5:
        // The same slot again, or one an hour around it: they overlap.
        return random.chance(0.5) ? { ...slot } : { start: '00:00', end: '23:59', days: [...WEEKDAYS] };
      case 6:
        return random.pick(['10:00', 42, null, [], DEEP_ARRAY, PROTO_OBJECT, garbage(random)]);
      case 7:
        return Array.from({ length: random.int(MAX_SLOTS + 1, 3000) }, (_, i) => ({
          start: goodClock(random),
          end: `${i % 2 ? '1' : '2'}0:30`,
          days: ['sun'],
        }));
      default:
        return { start: undefined, end: '10:00' };
    }
  };
  const bad = broken();
  // A list of thousands comes as itself; anything else joins good slots.
  if (Array.isArray(bad)) return bad;
  slots.splice(random.int(0, slots.length), 0, bad);
  return slots;
}

function parsedQuietTimes(value: unknown): unknown {
  return (value as Record<string, unknown>[]).map((slot) => ({
    startMinutes: clockMinutes(slot.start as string),
    endMinutes: clockMinutes(slot.end as string),
    days: inOrderOf(WEEKDAYS, (slot.days as string[] | undefined) ?? WEEKDAYS),
    sitting: slot.sitting === true,
  }));
}

function badOfList(random: Random, allowed: readonly string[]): unknown {
  if (random.chance(0.3)) return garbage(random);
  const list: unknown[] = random.subset(allowed);
  const spoil = random.pick<unknown>([
    random.pick(allowed),
    'unknown',
    allowed[0]?.toUpperCase(),
    ` ${allowed[0] ?? ''}`,
    1,
    null,
    [],
    {},
    HUGE_TEXT,
    '<script>',
  ]);
  list.splice(random.int(0, list.length), 0, spoil);
  return random.chance(0.1) ? [...list, ...THOUSAND_STRINGS] : list;
}

function badEnum(random: Random, allowed: readonly string[]): unknown {
  if (random.chance(0.5)) return garbage(random);
  const member = random.pick(allowed);
  return random.pick([
    member.toUpperCase(),
    ` ${member}`,
    `${member}\n`,
    `${member}s`,
    '',
    [member],
    { [member]: true },
    HUGE_TEXT + member,
    `<b>${member}</b>`,
  ]);
}

function badInteger(random: Random, min: number, max: number): unknown {
  switch (random.int(0, 4)) {
    case 0:
      return random.pick([
        min - 1,
        max + 1,
        min - random.int(1, 1e6),
        max + random.int(1, 1e9),
        -1e308,
        1e308,
        Number.MAX_SAFE_INTEGER * 4,
        -Number.MAX_VALUE,
      ]);
    case 1:
      return random.int(min, max - 1) + random.pick([0.5, 0.25, 0.999, 1e-9, 0.4]);
    case 2:
      return random.pick([
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        1e-300,
        Number.MIN_VALUE,
        ...(min > 0 ? [-0] : []),
      ]);
    case 3:
      return random.pick([
        ` ${random.int(min, max)} `,
        String(random.int(min, max)),
        `${random.int(min, max)}\n`,
        `${random.int(min, max)} minutes`,
        'soon',
        '',
      ]);
    default:
      return garbage(random);
  }
}

function modelOf(key: string, property: ManifestProperty): KeyModel {
  const field = FIELD_OF_KEY[key] ?? (key as keyof UprightSettings);
  assert.ok(field in DEFAULT_SETTINGS, `upright.${key} has no field in the parsed settings`);
  const range = DESIGN_RANGES[key];
  if (property.type === 'integer' && range) {
    const [min, max] = range;
    assert.deepEqual([property.minimum, property.maximum], [min, max], `the manifest's range of upright.${key} is the design's`);
    return {
      field,
      good: (random) => (min === 0 && random.chance(0.05) ? -0 : random.pick([min, max, random.int(min, max), random.int(min, max)])),
      bad: (random) => badInteger(random, min, max),
      isGood: (v) => isIntegerIn(v, min, max),
      parsedFrom: (v) => (v === 0 ? 0 : v),
    };
  }
  if (property.type === 'string' && property.enum) {
    const allowed = property.enum;
    return {
      field,
      good: (random) => random.pick(allowed),
      bad: (random) => badEnum(random, allowed),
      isGood: (v) => typeof v === 'string' && allowed.includes(v),
      parsedFrom: (v) => v,
    };
  }
  if (property.type === 'array' && property.items?.enum) {
    const allowed = property.items.enum;
    // The parsed list is in the order of the code's own list of the members.
    const order =
      [EQUIPMENT, WEEKDAYS].find((members) => members.length === allowed.length && members.every((m) => allowed.includes(m))) ?? allowed;
    return {
      field,
      good: (random) => random.subset(allowed),
      bad: (random) => badOfList(random, allowed),
      isGood: (v) => isUniqueListOf(v, allowed),
      parsedFrom: (v) => inOrderOf(order, v as unknown[]),
    };
  }
  if (property.type === 'boolean') {
    return {
      field,
      good: (random) => random.chance(0.5),
      bad: (random) => random.pick(['true', 'false', 0, 1, null, [], {}, 'yes', garbage(random)]),
      isGood: (v) => typeof v === 'boolean',
      parsedFrom: (v) => v,
    };
  }
  if (key === 'defaultRoutine') {
    return {
      field,
      good: (random) => random.pick(BUILT_IN_IDS),
      bad: (random) =>
        random.pick([
          'nope',
          'Posture-Reset',
          ' posture-reset',
          'posture-reset\n',
          '',
          HUGE_TEXT,
          '<script>alert(1)</script>',
          garbage(random),
          garbage(random),
        ]),
      // A custom id is good too; the whole-settings check knows which custom routines were parsed.
      isGood: (v) => typeof v === 'string' && BUILT_IN_IDS.includes(v),
      parsedFrom: (v) => v,
    };
  }
  if (key === 'quietTimes')
    return { field, good: goodQuietTimes, bad: badQuietTimes, isGood: isGoodQuietTimes, parsedFrom: parsedQuietTimes };
  if (key === 'workingHours')
    return { field, good: goodWorkingHours, bad: badWorkingHours, isGood: isGoodWorkingHours, parsedFrom: parsedWorkingHours };
  if (key === 'moveWhileWaiting' || key === 'eyeBreaks') {
    // An object of `enabled` and whole numbers, each with its range and default in the manifest.
    const defaults = property.default as Record<string, unknown>;
    const numbers = Object.entries(property.properties ?? {})
      .filter(([, p]) => p.type === 'integer')
      .map(([name, p]) => ({ name, min: p.minimum ?? 0, max: p.maximum ?? 0, fallback: defaults[name] }));
    const names = ['enabled', ...numbers.map((n) => n.name)];
    const isGoodSwitched = (v: unknown): boolean => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const r = v as Record<string, unknown>;
      return (
        Object.keys(r).every((k) => names.includes(k)) &&
        (r.enabled === undefined || typeof r.enabled === 'boolean') &&
        numbers.every(({ name, min, max }) => r[name] === undefined || (isIntegerIn(r[name], min, max) && !Object.is(r[name], -0)))
      );
    };
    const some = numbers[0] ?? { name: 'seconds', min: 0, max: 0, fallback: 0 };
    return {
      field,
      good: (random) => ({
        ...(random.chance(0.8) ? { enabled: random.chance(0.5) } : {}),
        ...Object.fromEntries(
          numbers.filter(() => random.chance(0.8)).map(({ name, min, max }) => [name, random.pick([min, max, random.int(min, max)])]),
        ),
      }),
      bad: (random) =>
        random.pick([
          true,
          45,
          'on',
          null,
          [],
          [{ enabled: true }],
          { enabled: 'yes', [some.name]: some.fallback },
          { enabled: true, [some.name]: badInteger(random, some.min, some.max) },
          { enabled: true, [some.name]: some.fallback, [`${some.name}s`]: 30 },
          { [some.name]: HUGE_TEXT },
          garbage(random),
        ]),
      isGood: isGoodSwitched,
      parsedFrom: (v) => {
        const r = v as Record<string, unknown>;
        return Object.fromEntries(names.map((name) => [name, r[name] ?? defaults[name]]));
      },
    };
  }
  if (key === 'customRoutines') {
    return {
      field,
      good: goodRoutineList,
      bad: badRoutineList,
      isGood: isGoodRoutineList,
      parsedFrom: (v) => parsedRoutines(v as Record<string, unknown>[]),
    };
  }
  throw new Error(`upright.${key} has no fuzz model: add one so it is fuzzed like the others`);
}

/** Every field of a parsed snapshot is a value the rest of Upright can rely on. */
function assertSound(settings: UprightSettings): void {
  for (const [key, [min, max]] of Object.entries(DESIGN_RANGES)) {
    const value = settings[key as keyof UprightSettings];
    assert.ok(isIntegerIn(value, min, max) && !Object.is(value, -0), `${key} = ${JSON.stringify(value)}`);
  }
  assert.ok(
    settings.naturalBreakMinutes >= Math.ceil(settings.idleThresholdSeconds / 60),
    'a natural break is never shorter than the idle threshold',
  );
  assert.ok(['session', 'today', 'nextBreak'].includes(settings.statusBarDisplay));
  assert.ok(['notification', 'statusBar', 'panel'].includes(settings.reminderStyle));
  assert.equal(typeof settings.sound, 'boolean');
  assert.ok(isUniqueListOf(settings.equipment, EQUIPMENT), 'equipment');
  assert.ok(isUniqueListOf(settings.fullRoutineDays, WEEKDAYS), 'fullRoutineDays');
  assert.ok(settings.workingHours === null || (settings.workingHours.length >= 1 && settings.workingHours.length <= MAX_SLOTS), 'ranges');
  for (const hours of [...(settings.workingHours ?? []), ...settings.quietTimes]) {
    assert.ok(
      isIntegerIn(hours.startMinutes, 0, 24 * 60 - 1) &&
        isIntegerIn(hours.endMinutes, 0, 24 * 60) &&
        hours.startMinutes !== hours.endMinutes,
      'working hours and quiet times are minutes of a day, and some time is inside them',
    );
    assert.ok(isUniqueListOf(hours.days, WEEKDAYS) && hours.days.length > 0, 'their days');
  }
  assert.ok(settings.quietTimes.length <= 7 * MAX_SLOTS && settings.quietTimes.every((q) => typeof q.sitting === 'boolean'), 'quiet times');
  // Quiet times do not overlap once read, so time inside them is never counted twice.
  const hhmm = (m: number): string => `${Math.floor(m / 60) % 24}:${String(m % 60).padStart(2, '0')}`;
  assert.ok(
    !overlaps(settings.quietTimes.map((q) => ({ start: hhmm(q.startMinutes), end: hhmm(q.endMinutes), days: q.days }))),
    'quiet times overlap',
  );
  assert.ok(
    typeof settings.moveWhileWaiting.enabled === 'boolean' && isIntegerIn(settings.moveWhileWaiting.minSeconds, 15, 900),
    'moveWhileWaiting',
  );
  assert.ok(
    typeof settings.eyeBreaks.enabled === 'boolean' &&
      isIntegerIn(settings.eyeBreaks.everyMinutes, 1, 120) &&
      isIntegerIn(settings.eyeBreaks.seconds, 5, 120),
    'eyeBreaks',
  );
  assert.ok(settings.customRoutines.length <= MAX_ROUTINES);
  const ids = new Set(BUILT_IN_IDS);
  for (const routine of settings.customRoutines) {
    assert.ok(CUSTOM_ID.test(routine.id) && !ids.has(routine.id), `routine id ${routine.id}`);
    ids.add(routine.id);
    assert.ok(isGoodName(routine.name), `routine name ${JSON.stringify(routine.name.slice(0, 100))}`);
    assert.ok(routine.steps.length >= 1 && routine.steps.length <= MAX_STEPS, `${routine.id} has ${routine.steps.length} steps`);
    for (const step of routine.steps) {
      assert.ok(typeof step.exercise === 'string' && ID_PATTERN.test(step.exercise), `step exercise ${step.exercise.slice(0, 100)}`);
      assert.ok(step.reps === undefined || isIntegerIn(step.reps, 1, 50), `reps ${String(step.reps)}`);
      assert.ok(step.seconds === undefined || isIntegerIn(step.seconds, 1, 300), `seconds ${String(step.seconds)}`);
      assert.ok(step.sets === undefined || isIntegerIn(step.sets, 1, 10), `sets ${String(step.sets)}`);
    }
    // Unknown (but well-formed) exercise ids are skipped, with a warning, when the routine is run.
    const resolved = resolveRoutine(routine, EXERCISES, { equipment: [...EQUIPMENT], intensity: 'full' });
    assert.equal(resolved.steps.length + resolved.skipped.length, routine.steps.length);
    assert.ok(resolved.skipped.every((s) => s.reason === 'unknownExercise' && !EXERCISE_IDS.includes(s.exercise)));
  }
  assert.ok(ids.has(settings.defaultRoutine), `default routine ${settings.defaultRoutine.slice(0, 100)}`);
}

function assertReadableProblem(problem: SettingProblem): void {
  for (const text of [problem.setting, problem.found, problem.used]) {
    assert.equal(typeof text, 'string');
    assert.ok(text.length <= MAX_PROBLEM_TEXT_CHARS, `problem text of ${text.length} chars: ${text.slice(0, 100)}`);
    assert.ok(!LINE_BREAK_OR_CONTROL.test(text), `problem text on one line, without control characters: ${JSON.stringify(text)}`);
    assert.ok(!/\p{Cs}/u.test(text), `problem text without a split character: ${JSON.stringify(text)}`);
  }
}

const keyOfProblem = (problem: SettingProblem, keys: readonly string[]): string | undefined =>
  keys.find((key) => problem.setting === `upright.${key}` || problem.setting.startsWith(`upright.${key}.`));

interface Counts {
  values: number;
  badValues: number;
}

/**
 * Parses one set of values and checks everything the design promises about the result. `values` holds
 * only the keys that are set; the others read as undefined, as when a person never set them.
 */
function check(values: Readonly<Record<string, unknown>>, models: Readonly<Record<string, KeyModel>>, counts: Counts): void {
  const keys = Object.keys(models);
  const before = structuredClone(values);
  const read = (key: string): unknown => values[key];
  let parsed: ReturnType<typeof parseSettings>;
  try {
    parsed = parseSettings(read);
  } catch (err) {
    assert.fail(`parseSettings threw ${String(err)} for ${Object.keys(values).join(', ')}`);
  }
  assert.deepStrictEqual(values, before, 'parsing leaves its input alone');
  assert.deepStrictEqual(parseSettings(read), parsed, 'the same input gives the same result and problems');
  const { settings, problems } = parsed;
  assertSound(settings);
  problems.forEach(assertReadableProblem);

  const customIds = settings.customRoutines.map((r) => r.id);
  const isGood = (key: string, value: unknown): boolean => {
    if (key === 'defaultRoutine') return typeof value === 'string' && (BUILT_IN_IDS.includes(value) || customIds.includes(value));
    if (key === 'naturalBreakMinutes')
      return models[key]!.isGood(value) && (value as number) >= Math.ceil(settings.idleThresholdSeconds / 60);
    return models[key]!.isGood(value);
  };
  const badKeys = new Set(keys.filter((key) => key in values && !isGood(key, values[key])));
  // A good (or unset) idle threshold can still push the default natural break up: that is reported too.
  if (!('naturalBreakMinutes' in values) && DEFAULT_SETTINGS.naturalBreakMinutes < Math.ceil(settings.idleThresholdSeconds / 60))
    badKeys.add('naturalBreakMinutes');
  counts.values += Object.keys(values).length;
  counts.badValues += [...badKeys].filter((key) => key in values).length;

  const problemsByKey = new Map<string, number>();
  for (const problem of problems) {
    const key = keyOfProblem(problem, keys);
    assert.ok(key !== undefined, `problem for an unknown setting ${problem.setting}`);
    if (!badKeys.has(key))
      assert.fail(
        `a good value of upright.${key} gave a problem: ${problem.found} → ${problem.used} (${problem.reason}); value ${shown(values[key])}`,
      );
    problemsByKey.set(key, (problemsByKey.get(key) ?? 0) + 1);
  }
  for (const key of badKeys) {
    const count = problemsByKey.get(key) ?? 0;
    if (count < 1) assert.fail(`the bad value ${shown(values[key])} of upright.${key} gave no problem`);
    if (count > (MAX_PROBLEMS_PER_KEY[key] ?? 1))
      assert.fail(
        `upright.${key} gave ${count} problems for ${shown(values[key])}: ${problems
          .map((p) => p.found)
          .join(' | ')
          .slice(0, 600)}`,
      );
  }
  for (const key of keys) {
    if (!(key in values) || badKeys.has(key)) continue;
    const model = models[key]!;
    assert.deepStrictEqual(settings[model.field], model.parsedFrom(values[key]), `the good value of upright.${key} is kept`);
  }
}

function shown(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return String(value);
  }
}

const manifestProperties = findManifest();
const KEYS = Object.keys(manifestProperties)
  .filter((id) => id.startsWith('upright.'))
  .map((id) => id.slice('upright.'.length));
const MODELS: Readonly<Record<string, KeyModel>> = Object.fromEntries(
  KEYS.map((key) => [key, modelOf(key, manifestProperties[`upright.${key}`] ?? {})]),
);

const BAD_VALUES_PER_KEY = 400;
const GOOD_VALUES_PER_KEY = 100;
const MIXED_CASES = 600;
const MIN_VALUES_TRIED = 5000;

describe('settings fuzz', () => {
  const counts: Counts = { values: 0, badValues: 0 };

  after(() => {
    console.log(`      settings fuzz: ${counts.values} values tried (${counts.badValues} bad) over ${KEYS.length} settings`);
  });

  it('knows every setting the manifest contributes', () => {
    assert.ok(KEYS.length >= 14, `${KEYS.length} settings`);
    for (const key of Object.keys(DEFAULT_SETTINGS))
      assert.ok(
        Object.values(MODELS).some((m) => m.field === key),
        `${key} is contributed and fuzzed`,
      );
  });

  for (const key of KEYS) {
    it(`upright.${key}: ${BAD_VALUES_PER_KEY} bad and ${GOOD_VALUES_PER_KEY} good values, alone`, () => {
      const model = MODELS[key]!;
      const random = new Random(0x5eed ^ [...key].reduce((hash, c) => Math.imul(hash, 31) + c.charCodeAt(0), 7));
      for (let i = 0; i < BAD_VALUES_PER_KEY; i++) check({ [key]: model.bad(random) }, MODELS, counts);
      for (let i = 0; i < GOOD_VALUES_PER_KEY; i++) check({ [key]: model.good(random) }, MODELS, counts);
    });
  }

  it(`all settings at once: ${MIXED_CASES} random mixes of unset, good and bad values`, () => {
    const random = new Random(0xc0ffee);
    for (let i = 0; i < MIXED_CASES; i++) {
      const values: Record<string, unknown> = {};
      for (const key of KEYS) {
        const roll = random.next();
        if (roll < 0.2) continue;
        values[key] = roll < 0.6 ? MODELS[key]!.good(random) : MODELS[key]!.bad(random);
      }
      // Point the default routine at a custom one now and then, which may or may not have survived.
      const custom = values.customRoutines;
      if (Array.isArray(custom) && custom.length > 0 && random.chance(0.5)) {
        const picked = random.pick(custom as unknown[]);
        if (isRecord(picked) && typeof picked.id === 'string') values.defaultRoutine = picked.id;
      }
      check(values, MODELS, counts);
    }
  });

  it(`tried at least ${MIN_VALUES_TRIED} values`, () => {
    assert.ok(counts.values >= MIN_VALUES_TRIED, `${counts.values} values tried`);
  });
});

describe('settings the fuzz found wanting', () => {
  const parse = (values: Record<string, unknown>) => parseSettings((key) => values[key]);
  const summary = (problems: readonly SettingProblem[]) => problems.map((p) => [p.setting, p.found, p.used, p.reason]);

  it('uses a number written as text or with a fraction, and says so', () => {
    const { settings, problems } = parse({ snoozeMinutes: ' 10 ', breakIntervalMinutes: 45.5 });
    assert.deepEqual([settings.snoozeMinutes, settings.breakIntervalMinutes], [10, 46]);
    assert.deepEqual(summary(problems), [
      ['upright.breakIntervalMinutes', '45.5', '46', 'notAllowed'],
      ['upright.snoozeMinutes', '" 10 "', '10', 'notANumber'],
    ]);
  });

  it('gives a bad natural break under a long idle threshold one warning, with the value really used', () => {
    const { settings, problems } = parse({ idleThresholdSeconds: 600, naturalBreakMinutes: 'x' });
    assert.equal(settings.naturalBreakMinutes, 10);
    assert.deepEqual(summary(problems), [['upright.naturalBreakMinutes', '"x"', '10', 'notANumber']]);
  });

  it('checks working hours while they are off, and an "enabled" that is not true or false', () => {
    const { settings, problems } = parse({ workingHours: { enabled: 'yes', start: ' 08:00', end: '25:00', days: ['mon', 'mon'] } });
    assert.equal(settings.workingHours, null);
    assert.deepEqual(summary(problems), [
      ['upright.workingHours', 'enabled "yes"', 'false', 'notAllowed'],
      ['upright.workingHours', 'start " 08:00"', '08:00', 'notAllowed'],
      ['upright.workingHours', 'end "25:00"', '18:00', 'notAllowed'],
      ['upright.workingHours.days', '["mon","mon"]', '["mon"]', 'notAllowed'],
    ]);
  });

  it('counts the warnings of a routine with thousands of bad steps in one line, and keeps what it can', () => {
    const steps = Array.from({ length: 5000 }, (_, i) => ({ exercise: 'chin-tuck', reps: -i - 1 }));
    const { settings, problems } = parse({ customRoutines: [{ id: 'many', steps }] });
    assert.equal(settings.customRoutines[0]?.steps.length, 40);
    assert.equal(problems.length, 11);
    assert.deepEqual(summary(problems.slice(0, 2)), [
      ['upright.customRoutines', '5000 steps in many', 'the first 40 steps', 'outOfRange'],
      ['upright.customRoutines', 'many step 1: reps -1', '1', 'outOfRange'],
    ]);
    assert.deepEqual(summary(problems.slice(-1)), [['upright.customRoutines', 'listing 31 more problems', '', 'skipped']]);
  });

  it('reads a routine name as one line of text, and a missing one as the id without a warning', () => {
    const { settings, problems } = parse({
      customRoutines: [
        { id: 'plain', steps: ['chin-tuck'] },
        { id: 'wide', name: '🙂'.repeat(80), steps: ['chin-tuck'] },
        { id: 'broken', name: 'two\nlines\u0007', steps: ['chin-tuck'] },
        { id: 'odd', steps: ['Chin Tuck', '<b>x</b>'] },
      ],
    });
    assert.deepEqual(
      settings.customRoutines.map((r) => r.name),
      ['plain', '🙂'.repeat(80), 'two lines'],
    );
    assert.deepEqual(summary(problems), [
      ['upright.customRoutines', 'routine 3 name: "two\\nlines\\u0007"', '"two lines"', 'notAllowed'],
      ['upright.customRoutines', 'odd step 1 names no exercise ("Chin Tuck")', '', 'skipped'],
      ['upright.customRoutines', 'odd step 2 names no exercise ("<b>x</b>")', '', 'skipped'],
      ['upright.customRoutines', 'routine 4 (odd) has no usable steps', '', 'skipped'],
    ]);
  });

  it('lets a routine that is skipped leave its id to a later one', () => {
    const { settings } = parse({
      customRoutines: [
        { id: 'mine', steps: [] },
        { id: 'mine', steps: ['chin-tuck'] },
      ],
      defaultRoutine: 'mine',
    });
    assert.deepEqual(
      settings.customRoutines.map((r) => r.id),
      ['mine'],
    );
    assert.equal(settings.defaultRoutine, 'mine');
  });

  it('describes huge, deep and odd values briefly, on one line, without splitting a character', () => {
    assert.ok(describeValue(DEEP_ARRAY).startsWith('[[[[') && describeValue(DEEP_ARRAY).length <= 60);
    assert.ok(describeValue(THOUSAND_LONG).length <= 60);
    assert.equal(describeValue('next\u0085line\u2028end'), '"next\\u0085line end"');
    // One letter first, so the cut falls between the two halves of an emoji.
    const emoji = describeValue(`a${'🙂'.repeat(100)}`);
    assert.ok(emoji.endsWith('🙂…'), emoji);
  });
});
