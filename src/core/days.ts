import { DAY_KEY_PATTERN, ID_PATTERN, isCount, isMs } from '../shared/guards';
import { DAY_COUNT_FIELDS, type StatsDay } from '../shared/statsPage';

/**
 * One local day of coding and breaks: what history keeps, what the ledger keeps for today, and what
 * the Stats page draws (one shape for all three).
 */
export type DayRecord = StatsDay;

/** The counters of a day record, in the order history stores them after the day and active time. */
export { DAY_COUNT_FIELDS };

/** How often one exercise was completed, and for how long in all. */
export interface ExerciseCount {
  readonly count: number;
  readonly ms: number;
}

/** One exercise completed in a routine, with the time spent on it. */
export interface CompletedExercise {
  readonly id: string;
  readonly ms: number;
}

/**
 * A part of a day that has ended, on its way from the ledger to history, with its exercises by id. A day
 * has more than one part when news of it comes late, or when the clock comes back to it.
 */
export interface ClosedDay {
  /**
   * Given by the writer that first writes the part: history adds each part to its day once, by id. A
   * part without one (closed by an earlier version) joins its day by the larger of each field.
   */
  readonly id?: string;
  readonly record: DayRecord;
  readonly exercises: Readonly<Record<string, ExerciseCount>>;
}

export { DAY_KEY_PATTERN, ID_PATTERN };

export function emptyDay(day: string): DayRecord {
  return {
    day,
    activeMs: 0,
    reminders: 0,
    started: 0,
    manual: 0,
    natural: 0,
    skipped: 0,
    snoozed: 0,
    routines: 0,
    exercises: 0,
    exerciseMs: 0,
    moved: 0,
    sitting: 0,
    sittingMs: 0,
    moves: 0,
    eyeBreaks: 0,
  };
}

export function isEmptyDay(d: DayRecord): boolean {
  return d.activeMs === 0 && d.exerciseMs === 0 && d.sittingMs === 0 && DAY_COUNT_FIELDS.every((k) => d[k] === 0);
}

/** Adds completed exercises to a tally by id. */
export function addExercises(
  tally: Readonly<Record<string, ExerciseCount>>,
  done: readonly CompletedExercise[],
): Record<string, ExerciseCount> {
  const next: Record<string, ExerciseCount> = { ...tally };
  for (const e of done) {
    const before = next[e.id];
    next[e.id] = { count: (before?.count ?? 0) + 1, ms: (before?.ms ?? 0) + e.ms };
  }
  return next;
}

const DAY_MS = 86_400_000;

export function isExerciseCount(v: unknown): v is ExerciseCount {
  return typeof v === 'object' && v !== null && isCount((v as Record<string, unknown>).count) && isMs((v as Record<string, unknown>).ms);
}

export function isExerciseTally(v: unknown): v is Record<string, ExerciseCount> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([id, c]) => ID_PATTERN.test(id) && isExerciseCount(c))
  );
}

export function isDayRecord(v: unknown): v is DayRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.day === 'string' &&
    DAY_KEY_PATTERN.test(r.day) &&
    isMs(r.activeMs) &&
    r.activeMs <= DAY_MS &&
    isMs(r.exerciseMs) &&
    isMs(r.sittingMs) &&
    r.sittingMs <= DAY_MS &&
    DAY_COUNT_FIELDS.every((k) => isCount(r[k]))
  );
}

export function isClosedDay(v: unknown): v is ClosedDay {
  return (
    typeof v === 'object' &&
    v !== null &&
    isDayRecord((v as Record<string, unknown>).record) &&
    isExerciseTally((v as Record<string, unknown>).exercises)
  );
}
