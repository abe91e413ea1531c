// Bringing one editor's records into another's: the folder every editor of the VS Code family shares.
import { MAX_AWAY_RECORDS } from './away';
import { type DayRecord, isEmptyDay } from './days';
import { combineDays, type ExerciseTotal, type History, normalizeDays, withLedger } from './history';
import { emptyLedger, type Ledger, MAX_ROUTINE_RECORDS, type RoutineRecord } from './ledger';

/**
 * Counts of time away. Every editor that was open saw the same absence: a meeting was a natural break
 * for each of them, and time typed in one was time away for the other. Two editors' counts of one day
 * are never added: the larger is kept. Everything else was done in the focused window of one editor,
 * and only one editor has the focus at a time, so those add: coding time, reminders and their answers,
 * routines and exercises.
 */
export const AWAY_FIELDS = ['natural', 'moved', 'sitting', 'sittingMs'] as const satisfies readonly (keyof DayRecord)[];

/** Two editors' records of one day (see `AWAY_FIELDS`). */
export function addDaysOfTwoEditors(a: DayRecord, b: DayRecord): DayRecord {
  const added = combineDays(a, b, (x, y) => x + y);
  const out: Record<string, unknown> = { ...added };
  for (const k of AWAY_FIELDS) out[k] = Math.max(a[k], b[k]);
  return out as unknown as DayRecord;
}

/**
 * What `from` holds beyond `base`, day by day and field by field, never below zero: what an editor
 * counted after a copy of the shared records was taken along (see `moving.ts`).
 */
export function historySince(from: History, base: History): History {
  const baseDays = new Map(base.days.map((d) => [d.day, d]));
  const days: DayRecord[] = [];
  for (const d of from.days) {
    const before = baseDays.get(d.day);
    const rest = before ? combineDays(d, before, (x, y) => Math.max(0, x - y)) : d;
    if (!isEmptyDay(rest)) days.push(rest);
  }
  const exercises: Record<string, ExerciseTotal> = {};
  for (const [id, total] of Object.entries(from.exercises)) {
    const before = base.exercises[id];
    const count = Math.max(0, total.count - (before?.count ?? 0));
    const ms = Math.max(0, total.ms - (before?.ms ?? 0));
    if (count > 0 || ms > 0) exercises[id] = { count, ms, lastDay: total.lastDay };
  }
  return { version: 1, days, exercises, exercisesThrough: from.exercisesThrough, parts: [] };
}

/**
 * One editor's whole record as history: its history, the days its ledger still holds, and its ledger's
 * own day (today or not), so that nothing of it is left behind in a ledger.
 */
export function everythingOf(history: History, ledger: Ledger | undefined): History {
  if (!ledger) return history;
  return { ...withLedger(history, ledger), parts: history.parts };
}

/**
 * `into` with `from` brought in, marked as brought in from `folder`: days of both add (see
 * `AWAY_FIELDS`), exercise totals add. What another version wrote stays `into`'s.
 */
export function bringInHistory(into: History, from: History, folder: string): History {
  const byDay = new Map(into.days.map((d) => [d.day, d]));
  for (const d of from.days) {
    const before = byDay.get(d.day);
    byDay.set(d.day, before ? addDaysOfTwoEditors(before, d) : d);
  }
  const exercises: Record<string, ExerciseTotal> = { ...into.exercises };
  for (const [id, add] of Object.entries(from.exercises)) {
    const total = exercises[id];
    exercises[id] = {
      count: (total?.count ?? 0) + add.count,
      ms: (total?.ms ?? 0) + add.ms,
      lastDay: total && total.lastDay > add.lastDay ? total.lastDay : add.lastDay,
    };
  }
  const through = [into.exercisesThrough, from.exercisesThrough].reduce<string | null>(
    (a, b) => (a === null ? b : b === null ? a : a > b ? a : b),
    null,
  );
  return {
    ...into,
    days: normalizeDays([...byDay.values()]),
    exercises,
    exercisesThrough: through,
    movedIn: [...(into.movedIn ?? []).filter((f) => f !== folder), folder],
  };
}

/**
 * The clock an editor brings to a shared folder that has none yet: its time since the last break, its
 * snooze, pause and hold, its last break and the answers it learned from, with none of its counts
 * (they went to history, see `everythingOf`). Today's coding that history holds shows as `todayBaseMs`.
 */
export function clockOf(source: Ledger, todayKey: string, history: History): Ledger {
  const fresh = emptyLedger(todayKey);
  // Every count of today starts again, whatever counts a later version adds: they went to history.
  const todayCounts = Object.fromEntries(Object.entries(fresh).filter(([key]) => key.startsWith('today')));
  return {
    ...source,
    ...todayCounts,
    seq: source.seq,
    dayKey: fresh.dayKey,
    todayBaseMs: history.days.find((d) => d.day === todayKey)?.activeMs ?? 0,
    closedDays: [],
    // A claim belongs to a window of the editor it came from.
    prompt: null,
  };
}

/**
 * The shared clock, after another editor's records were brought into history: today shows what history
 * now holds of it, the last use of each routine and the answers about time away of both are kept.
 */
export function withBroughtIn(shared: Ledger, source: Ledger | undefined, todayKey: string, history: History): Ledger {
  const routines: Record<string, RoutineRecord> = { ...shared.routines };
  for (const [id, r] of Object.entries(source?.routines ?? {})) {
    const mine = routines[id];
    if (!mine || r.lastDoneWallMs > mine.lastDoneWallMs) routines[id] = r;
  }
  const seen = new Set(shared.awayRecords.map((r) => r.atWallMs));
  const awayRecords = [...shared.awayRecords, ...(source?.awayRecords ?? []).filter((r) => !seen.has(r.atWallMs))]
    .sort((a, b) => a.atWallMs - b.atWallMs)
    .slice(-MAX_AWAY_RECORDS);
  const kept = Object.entries(routines)
    .sort(([, a], [, b]) => b.lastDoneWallMs - a.lastDoneWallMs)
    .slice(0, MAX_ROUTINE_RECORDS);
  const base = shared.dayKey === todayKey ? (history.days.find((d) => d.day === todayKey)?.activeMs ?? 0) : shared.todayBaseMs;
  return { ...shared, routines: Object.fromEntries(kept), awayRecords, todayBaseMs: base };
}
