import { isCount, isMs } from '../shared/guards';
import { singular, t } from '../shared/l10n';
import { type ClosedDay, DAY_KEY_PATTERN, type DayRecord, emptyDay, type ExerciseCount, ID_PATTERN, isDayRecord, isEmptyDay } from './days';
import { type Ledger, todayRecord } from './ledger';

/** All-time totals of one exercise. */
export interface ExerciseTotal extends ExerciseCount {
  /** The last day it was done. */
  readonly lastDay: string;
}

/**
 * Every day that has ended, as daily aggregates, and all-time exercise totals kept apart. Today lives
 * in the shared ledger until it ends; the writer then moves it here.
 */
export interface History {
  readonly version: 1;
  /** Oldest first, one per day, never an empty day. */
  readonly days: readonly DayRecord[];
  readonly exercises: Readonly<Record<string, ExerciseTotal>>;
  /**
   * The last day whose exercises are in `exercises`: a part of a day without an id (closed by an earlier
   * version) that is moved twice is not counted twice.
   */
  readonly exercisesThrough: string | null;
  /** The ids of the parts of days added last, so a part moved twice is added once (see `ClosedDay.id`). */
  readonly parts: readonly string[];
  /**
   * The folders whose ledger and history were brought into this one (the folder every editor shares),
   * each once: absent when none were (see storage/moving.ts).
   */
  readonly movedIn?: readonly string[];
  /** What another version wrote that this one does not know: kept as it was and written back. */
  readonly other?: OtherVersionData;
}

/**
 * A newer version's part of a history file of the same version number: its own top-level fields, and its
 * columns (after this version's) with each day's values in them. A day this version adds gets 0 in those
 * columns, as a column a file lacks reads as 0.
 */
export interface OtherVersionData {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly columns: readonly string[];
  /** By day, one value per column. */
  readonly values: Readonly<Record<string, readonly unknown[]>>;
}

/** Bounds on what is kept of another version, so a damaged file's bulk is not carried on. */
const MAX_OTHER_FIELDS_CHARS = 16_384;
const MAX_OTHER_COLUMNS = 16;
const MAX_OTHER_VALUE_CHARS = 64;
/** The top-level fields this version writes. */
const OWN_FIELDS = ['version', 'columns', 'exercisesThrough', 'parts', 'movedIn', 'exercises', 'days'];

/** Folders remembered as brought in, and the longest name kept (a damaged file's bulk is not carried on). */
const MAX_MOVED_IN = 32;
const MAX_FOLDER_CHARS = 1024;

/** Part ids remembered. A part is moved again only by the write right after the one that moved it. */
const MAX_PARTS = 64;

export const HISTORY_VERSION = 1;

/**
 * How a day is stored: one array a day, in this order, so a day costs about 50 bytes. Columns added
 * later come last, so the columns of an older file are the first ones of these; a file's own list of
 * columns says which it holds, and a column it lacks reads as 0.
 */
export const HISTORY_COLUMNS = [
  'day',
  'activeMs',
  'reminders',
  'started',
  'manual',
  'natural',
  'skipped',
  'snoozed',
  'routines',
  'exercises',
  'exerciseMs',
  'moved',
  'sitting',
  'sittingMs',
  'moves',
  'eyeBreaks',
] as const satisfies readonly (keyof DayRecord)[];

export function emptyHistory(): History {
  return { version: 1, days: [], exercises: {}, exercisesThrough: null, parts: [] };
}

type StoredRow = [string, ...number[]];

const NUMBER_COLUMNS = HISTORY_COLUMNS.slice(1) as readonly Exclude<keyof DayRecord, 'day'>[];

function rowOf(d: DayRecord): StoredRow {
  return [d.day, ...NUMBER_COLUMNS.map((k) => d[k])];
}

/**
 * The file's text. The small parts come first, so a file cut short keeps its totals and its oldest
 * days, and every day is an array a reader can pick out of a damaged file.
 */
export function serializeHistory(h: History): string {
  const exercises = Object.fromEntries(Object.entries(h.exercises).map(([id, t]) => [id, [t.count, t.ms, t.lastDay]]));
  const other = h.other;
  const head = JSON.stringify({
    version: HISTORY_VERSION,
    columns: other ? [...HISTORY_COLUMNS, ...other.columns] : HISTORY_COLUMNS,
    exercisesThrough: h.exercisesThrough,
    parts: h.parts,
    ...(h.movedIn && h.movedIn.length > 0 ? { movedIn: h.movedIn } : {}),
    exercises,
    ...other?.fields,
  });
  // A day without a value in a column (added to history after it) reads 0 there, as a column a file lacks.
  const row = (d: DayRecord): unknown[] =>
    other
      ? [
          ...rowOf(d),
          ...other.columns.map((_, i) => {
            const values = other.values[d.day] ?? [];
            return i < values.length ? values[i] : 0;
          }),
        ]
      : rowOf(d);
  const days = h.days.map((d) => JSON.stringify(row(d))).join(',\n');
  return `${head.slice(0, -1)},"days":[\n${days}\n]}\n`;
}

export interface HistoryReadResult {
  readonly history: History;
  /** What was wrong and what was done about it; empty when the file was sound. */
  readonly problems: readonly string[];
  /** The file was written by a newer version: read what can be read, never overwrite it. */
  readonly newer: boolean;
}

/** A stored row, read by the columns the file names (a file may name them in another order). */
function dayFromRow(row: unknown, columns: readonly string[]): DayRecord | undefined {
  if (!Array.isArray(row)) return undefined;
  const at = (name: string): unknown => {
    const i = columns.indexOf(name);
    return i < 0 ? 0 : row[i];
  };
  const record: Record<string, unknown> = { day: at('day') };
  for (const name of HISTORY_COLUMNS.slice(1)) record[name] = at(name);
  return isDayRecord(record) ? record : undefined;
}

function exerciseFromStored(v: unknown): ExerciseTotal | undefined {
  if (!Array.isArray(v) || v.length !== 3) return undefined;
  const [count, ms, lastDay] = v as unknown[];
  return isCount(count) && isMs(ms) && typeof lastDay === 'string' && DAY_KEY_PATTERN.test(lastDay) ? { count, ms, lastDay } : undefined;
}

/** Sorted by day, one record a day (the larger of each field wins), no empty days. */
export function normalizeDays(days: readonly DayRecord[]): DayRecord[] {
  const byDay = new Map<string, DayRecord>();
  for (const d of days) {
    const before = byDay.get(d.day);
    byDay.set(d.day, before ? maxOfDays(before, d) : d);
  }
  return [...byDay.values()].filter((d) => !isEmptyDay(d)).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Two records of one day, field by field. */
export function combineDays(a: DayRecord, b: DayRecord, combine: (x: number, y: number) => number): DayRecord {
  const out: Record<string, unknown> = { day: a.day };
  for (const k of NUMBER_COLUMNS) out[k] = combine(a[k], b[k]);
  return out as unknown as DayRecord;
}

/**
 * Two records of one day: each field's larger value. Moving a day twice changes nothing, and a stale
 * copy never lowers what was recorded.
 */
export function maxOfDays(a: DayRecord, b: DayRecord): DayRecord {
  return combineDays(a, b, Math.max);
}

/** A stored day: ten numbers (the first version's columns) or more, then maybe a newer version's columns. */
const ROW_PATTERN = /\["(\d{4}-\d{2}-\d{2})"((?:,\d+(?:\.\d+)?){10,14})(?:,[^[\]\n]*)?\]/g;
const EXERCISE_PATTERN = /"([a-z0-9][a-z0-9-]{0,63})":\[(\d+),(\d+(?:\.\d+)?),"(\d{4}-\d{2}-\d{2})"\]/g;
const THROUGH_PATTERN = /"exercisesThrough":"(\d{4}-\d{2}-\d{2})"/;

/** What can be picked out of a file that is not JSON any more (cut short, or damaged in the middle). */
function salvage(text: string): History {
  const days: DayRecord[] = [];
  for (const m of text.matchAll(ROW_PATTERN)) {
    const numbers = (m[2] ?? '').slice(1).split(',').map(Number);
    // A day of an older file has its columns, the first ones of today's.
    const day = dayFromRow([m[1], ...numbers], HISTORY_COLUMNS.slice(0, numbers.length + 1));
    if (day) days.push(day);
  }
  const exercises: Record<string, ExerciseTotal> = {};
  for (const m of text.matchAll(EXERCISE_PATTERN)) {
    const total = exerciseFromStored([Number(m[2]), Number(m[3]), m[4]]);
    if (total && m[1]) exercises[m[1]] = total;
  }
  const sorted = normalizeDays(days);
  // Without a readable mark, assume every salvaged day's exercises are counted: never count twice.
  const through = THROUGH_PATTERN.exec(text)?.[1] ?? sorted[sorted.length - 1]?.day ?? null;
  return { version: 1, days: sorted, exercises, exercisesThrough: through, parts: [] };
}

/** What was wrong with a stored history record, found by `readHistoryRecord`, put into words by `parseHistory`. */
interface HistoryFlaws {
  readonly newer: boolean;
  readonly version: boolean;
  readonly columns: boolean;
  readonly daysMissing: boolean;
  readonly rows: number;
  readonly unreadable: number;
  readonly exercises: boolean;
  readonly mark: boolean;
  /** Some of what another version wrote was too large to keep (see `OtherVersionData`). */
  readonly otherTooLarge: boolean;
}

/**
 * A stored history record (parsed JSON), keeping everything valid in it; what was not is in `flaws`.
 * Where no file can be cut short (the browser's `globalState`), this is all the reading there is.
 */
export function readHistoryRecord(raw: unknown): { history: History; flaws: HistoryFlaws | undefined } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { history: emptyHistory(), flaws: undefined };
  const r = raw as Record<string, unknown>;
  const columns = Array.isArray(r.columns) && r.columns.every((c) => typeof c === 'string') ? r.columns : [...HISTORY_COLUMNS];
  const rows: unknown[] = Array.isArray(r.days) ? r.days : [];
  const days: DayRecord[] = [];
  // Another version's fields and columns are kept, within bounds.
  const fields: Record<string, unknown> = {};
  let room = MAX_OTHER_FIELDS_CHARS;
  let otherTooLarge = false;
  for (const key in r) {
    if (OWN_FIELDS.includes(key) || key === '__proto__') continue;
    const size = String(JSON.stringify(r[key])).length;
    if (size > room) otherTooLarge = true;
    else {
      room -= size;
      fields[key] = r[key];
    }
  }
  const allOtherColumns = columns.filter((c) => !(HISTORY_COLUMNS as readonly string[]).includes(c));
  const otherColumns = allOtherColumns.slice(0, MAX_OTHER_COLUMNS);
  if (otherColumns.length < allOtherColumns.length) otherTooLarge = true;
  const values: Record<string, unknown[]> = {};
  for (const row of rows) {
    const day = dayFromRow(row, columns);
    if (!day) continue;
    days.push(day);
    if (otherColumns.length === 0) continue;
    values[day.day] = otherColumns.map((c) => {
      const value: unknown = (row as unknown[])[columns.indexOf(c)];
      if (String(JSON.stringify(value)).length <= MAX_OTHER_VALUE_CHARS) return value ?? null;
      otherTooLarge = true;
      return null;
    });
  }
  const other: OtherVersionData | undefined =
    otherColumns.length > 0 || Object.keys(fields).length > 0 ? { fields, columns: otherColumns, values } : undefined;
  const exercises: Record<string, ExerciseTotal> = {};
  const storedExercises =
    typeof r.exercises === 'object' && r.exercises !== null && !Array.isArray(r.exercises) ? (r.exercises as Record<string, unknown>) : {};
  let badExercises = 0;
  for (const [id, stored] of Object.entries(storedExercises)) {
    const total = ID_PATTERN.test(id) ? exerciseFromStored(stored) : undefined;
    if (total) exercises[id] = total;
    else badExercises++;
  }
  const sorted = normalizeDays(days);
  const markRead = (typeof r.exercisesThrough === 'string' && DAY_KEY_PATTERN.test(r.exercisesThrough)) || r.exercisesThrough === null;
  // Without a readable mark, assume every day's exercises are counted: never count twice.
  const through = markRead ? (r.exercisesThrough as string | null) : (sorted[sorted.length - 1]?.day ?? null);
  const parts = Array.isArray(r.parts) ? r.parts.filter((id) => typeof id === 'string').slice(-MAX_PARTS) : [];
  const movedIn = Array.isArray(r.movedIn)
    ? r.movedIn.filter((f): f is string => typeof f === 'string' && f.length <= MAX_FOLDER_CHARS).slice(-MAX_MOVED_IN)
    : [];
  return {
    history: {
      version: 1,
      days: sorted,
      exercises,
      exercisesThrough: through,
      parts,
      ...(movedIn.length > 0 ? { movedIn } : {}),
      ...(other ? { other } : {}),
    },
    flaws: {
      newer: typeof r.version === 'number' && r.version > HISTORY_VERSION,
      version: r.version !== HISTORY_VERSION,
      columns: !columns.includes('day'),
      daysMissing: !Array.isArray(r.days),
      rows: rows.length,
      unreadable: rows.length - days.length,
      exercises: badExercises > 0 || storedExercises !== r.exercises,
      mark: !markRead,
      otherTooLarge,
    },
  };
}

/**
 * Reads a stored history, keeping everything valid in it. A file that is not JSON any more (cut short
 * by a crash or a full disk) gives up only the days that are damaged.
 */
export function parseHistory(text: string): HistoryReadResult {
  if (text.trim() === '') return { history: emptyHistory(), problems: [t('the file was empty')], newer: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const history = salvage(text);
    const recovered = history.days.length;
    const problem = t(
      singular(recovered)
        ? 'it is not valid JSON (cut short or damaged); {0} day was recovered'
        : 'it is not valid JSON (cut short or damaged); {0} days were recovered',
      recovered,
    );
    return { history, problems: [problem], newer: false };
  }
  const { history, flaws: f } = readHistoryRecord(raw);
  if (!f) return { history, problems: [t('it is not a history record')], newer: false };
  const problems: string[] = [];
  if (f.newer) problems.push(t('it was written by a newer version ({0})', String((raw as { version: number }).version)));
  else if (f.version) problems.push(t('its version is missing or unknown'));
  if (f.columns) problems.push(t('its columns are unreadable'));
  if (f.daysMissing) problems.push(t('its days are missing'));
  if (f.unreadable > 0) {
    // The verb agrees with the days lost, the noun with all of them.
    problems.push(
      t(
        singular(f.rows)
          ? '{0} of {1} day was unreadable and was left out'
          : singular(f.unreadable)
            ? '{0} of {1} days was unreadable and was left out'
            : '{0} of {1} days were unreadable and were left out',
        f.unreadable,
        f.rows,
      ),
    );
  }
  if (f.exercises) problems.push(t('some exercise totals were unreadable and were left out'));
  if (f.mark) problems.push(t('its exercise mark was unreadable'));
  if (f.otherTooLarge) problems.push(t('some of what another version wrote was too large and was left out'));
  return { history, problems, newer: f.newer };
}

/**
 * Adds the parts of ended days to history. A part with an id is added to its day once, however often it
 * is moved; a part without one (closed by an earlier version) joins its day by the larger of each field,
 * its exercises counted only past `exercisesThrough`, as that version did.
 */
export function mergeClosedDays(h: History, closed: readonly ClosedDay[]): History {
  if (closed.length === 0) return h;
  const byDay = new Map(h.days.map((d) => [d.day, d]));
  const exercises: Record<string, ExerciseTotal> = { ...h.exercises };
  const parts = [...h.parts];
  let through = h.exercisesThrough;
  let other = h.other;
  for (const { id, record, exercises: done } of [...closed].sort((a, b) => (a.record.day < b.record.day ? -1 : 1))) {
    const { day } = record;
    const before = byDay.get(day);
    if (id === undefined) {
      byDay.set(day, before ? maxOfDays(before, record) : record);
      other = withOtherValues(other, record, Math.max);
      if (through !== null && day <= through) continue;
    } else {
      if (parts.includes(id)) continue;
      parts.push(id);
      byDay.set(day, before ? combineDays(before, record, (x, y) => x + y) : record);
      other = withOtherValues(other, record, (x, y) => x + y);
    }
    for (const [exerciseId, add] of Object.entries(done)) {
      const total = exercises[exerciseId];
      exercises[exerciseId] = {
        count: (total?.count ?? 0) + add.count,
        ms: (total?.ms ?? 0) + add.ms,
        lastDay: total && total.lastDay > day ? total.lastDay : day,
      };
    }
    if (through === null || day > through) through = day;
  }
  return {
    ...h,
    days: normalizeDays([...byDay.values()]),
    exercises,
    exercisesThrough: through,
    parts: parts.slice(-MAX_PARTS),
    ...(other ? { other } : {}),
  };
}

/**
 * A newer version's numbers in a part of a day (fields this version does not know) join that day's
 * values in its columns, combined as the part's own numbers are; a column history lacks is added.
 */
function withOtherValues(
  other: OtherVersionData | undefined,
  record: DayRecord,
  combine: (x: number, y: number) => number,
): OtherVersionData | undefined {
  const r = record as unknown as Record<string, unknown>;
  const numbers = Object.keys(r).filter((k) => !(HISTORY_COLUMNS as readonly string[]).includes(k) && isMs(r[k]));
  if (numbers.length === 0) return other;
  const base = other ?? { fields: {}, columns: [], values: {} };
  const columns = [...base.columns, ...numbers.filter((k) => !base.columns.includes(k))].slice(0, MAX_OTHER_COLUMNS);
  const was = base.values[record.day] ?? [];
  const row = columns.map((column, i) => {
    const value = was[i] ?? 0;
    const add = r[column];
    return typeof value === 'number' && isMs(add) ? combine(value, add) : value;
  });
  return { ...base, columns, values: { ...base.values, [record.day]: row } };
}

/**
 * What a writer does to a ledger whose days moved, before it writes it: each part of a day it closed
 * gets an id (`stamp`, unique to the write, and its place), so history adds it once however often it is
 * moved; and today gets the coding history already holds of its day (a day the clock came back to).
 * Parts of a day that has a part from an earlier version keep that version's rule, and no id.
 */
export function placeDays(h: History, current: Ledger, next: Ledger, stamp: string): Ledger {
  const earlier = new Set(current.closedDays.filter((c) => c.id === undefined).map((c) => c.record.day));
  const closedDays = next.closedDays.map((c, i) => (c.id !== undefined || earlier.has(c.record.day) ? c : { ...c, id: stamp + i }));
  const today = mergeClosedDays(h, closedDays).days.find((d) => d.day === next.dayKey);
  return { ...next, closedDays, todayBaseMs: today?.activeMs ?? 0 };
}

/** History as it will be once the ledger's days have moved to it, today's own totals included. */
export function withLedger(h: History, ledger: Ledger): History {
  return mergeClosedDays(h, [...ledger.closedDays, { id: '', record: todayRecord(ledger), exercises: ledger.todayExercises }]);
}

/** Every recorded day, today included: history, the days still in the ledger, and today. */
export function allDays(h: History, ledger: Ledger): DayRecord[] {
  return [...withLedger(h, ledger).days];
}

/** All-time exercise totals: history's, plus what the ledger holds that history has not counted yet. */
export function exerciseTotals(h: History, ledger: Ledger): Record<string, ExerciseTotal> {
  return withLedger(h, ledger).exercises;
}

/** A day with at least this much coding is a coding day: without a routine, it ends a streak. */
export const CODING_DAY_MS = 5 * 60_000;

/**
 * Days in a row with a routine done. A day you coded without one ends the streak; days you did not
 * code leave it alone (weekends, holidays); today counts once a routine is done and cannot end it yet.
 */
export function streakOf(days: readonly DayRecord[], todayKey: string): { current: number; best: number } {
  let run = 0;
  let best = 0;
  for (const d of days) {
    if (d.day > todayKey) break;
    if (d.routines > 0) {
      run++;
      if (run > best) best = run;
    } else if (d.activeMs >= CODING_DAY_MS && d.day !== todayKey) {
      run = 0;
    }
  }
  return { current: run, best };
}

/** `YYYY-MM-DD` moved by whole calendar days (date arithmetic only: no time zone is involved). */
export function addDays(dayKey: string, days: number): string {
  const [y, m, d] = dayKey.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** The `count` days ending on `lastDay`, oldest first, each with its record or zeros. */
export function lastDays(days: readonly DayRecord[], lastDay: string, count: number): DayRecord[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(lastDay, i - count + 1);
    return byDay.get(day) ?? emptyDay(day);
  });
}
