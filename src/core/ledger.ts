import { DAY_KEY_PATTERN, isMs, isObject } from '../shared/guards';
import { type Absence, type AwayRecord, isAbsence, isAwayRecords, sessionBefore } from './away';
import {
  addExercises,
  type ClosedDay,
  type CompletedExercise,
  type DayRecord,
  type ExerciseCount,
  isClosedDay,
  isEmptyDay,
  isExerciseTally,
} from './days';
import { FULL_ROUTINE_ID, type Hold, type ReminderState } from './reminders/scheduler';
import { isWaitRecords, MOVE_ROUTINE_PREFIX, type WaitRecord } from './waits';

/** How a break was taken: away long enough, said by hand, or a routine started from a reminder. */
export type BreakKind = 'natural' | 'manual' | 'started';

/**
 * Everything counted as a break or a reminder's outcome, by kind: `moved` is time away the person said
 * was a break when asked (it is then no longer `natural`).
 */
export const BREAK_COUNT_KINDS = ['natural', 'manual', 'started', 'skipped', 'snoozed', 'moved'] as const;
export type BreakCountKind = (typeof BREAK_COUNT_KINDS)[number];
export type BreakCounts = Readonly<Record<BreakCountKind, number>>;

/** One window's claim on showing a prompt. It lapses at `expiresAtWallMs` if that window dies. */
export interface PromptClaim {
  readonly id: string;
  readonly owner: string;
  readonly claimedAtWallMs: number;
  readonly expiresAtWallMs: number;
}

/** What the ledger remembers of each routine: for "last done" and for offering one more set. */
export interface RoutineRecord {
  readonly completions: number;
  readonly lastDoneWallMs: number;
}

/** Routine records kept at most (custom routines come and go). */
export const MAX_ROUTINE_RECORDS = 100;

export interface LastBreak {
  readonly atWallMs: number;
  readonly kind: BreakKind;
}

/** Days ended but not yet moved to history are kept at most this long (history cannot be written). */
const MAX_CLOSED_DAYS = 60;

/**
 * The one clock all windows share, stored as a small JSON file. Every window reads it; only the
 * focused window adds coding time to it, through operations applied under the file lock.
 *
 * Version 2 added today's reminders, routines and exercises and the days on their way to history;
 * version 1 files are read as version 2 with those empty.
 */
export interface Ledger {
  readonly version: 2;
  /** Incremented by every write: a cheap "has it changed" for readers. */
  readonly seq: number;
  readonly dayKey: string;
  /** Today's own coding: what moves to history when the day ends. */
  readonly todayActiveMs: number;
  /**
   * Coding on today's day that history already held when the ledger came to it (the clock or the time
   * zone went back to a day that had ended): shown with today's own, never moved again (added later:
   * missing is 0).
   */
  readonly todayBaseMs: number;
  readonly todayBreaks: BreakCounts;
  /** Coding since the last break. */
  readonly activeMsSinceBreak: number;
  /**
   * Time away since the last break that was sitting (added later: missing is 0). Reminders count desk
   * time: this plus `activeMsSinceBreak`.
   */
  readonly sittingMsSinceBreak: number;
  /** The last absence counted as a break, while it can be answered (added later: missing is null). */
  readonly absence: Absence | null;
  /** Answers about time away, oldest first, for learning recurring meetings (added later: missing is none). */
  readonly awayRecords: readonly AwayRecord[];
  /** Today's times away that were sitting, and how long they took (added later: missing is 0). */
  readonly todaySitting: number;
  readonly todaySittingMs: number;
  /** The last activity in any window (wall time). */
  readonly lastActivityWallMs: number | null;
  readonly lastBreak: LastBreak | null;
  readonly snoozedUntilWallMs: number | null;
  /** When the snooze was given (added later: missing is null). */
  readonly snoozedAtWallMs: number | null;
  /** Reminders paused: null = not paused; `untilWallMs` null = until resumed; `sinceWallMs` (added later), when. */
  readonly pause: { readonly untilWallMs: number | null; readonly sinceWallMs?: number } | null;
  /** Reminders held by hand or for a Live Share session (added later: missing is null). */
  readonly hold: Hold | null;
  readonly prompt: PromptClaim | null;
  /** By routine id. Added after the first ledger files were written: missing means none yet. */
  readonly routines: Readonly<Record<string, RoutineRecord>>;
  /** Session time at which the next reminder is due; null: one interval in (added later: missing is null). */
  readonly dueAtActiveMs: number | null;
  /** Snoozes since the last break or skip (added later: missing is 0). */
  readonly consecutiveSnoozes: number;
  /** The day the full routine was last offered (added later: missing is null). */
  readonly fullRoutineOfferedDay: string | null;
  /** Reminders that went out today (one per due break). */
  readonly todayReminders: number;
  readonly todayRoutines: number;
  /** Moves done today while a task or command ran (added later: missing is 0). */
  readonly todayMoves: number;
  /** The last move done while something ran, so the next is another (added later: missing is null). */
  readonly lastMoveId: string | null;
  /** Coding since the last eye break or break of any kind (added later: missing is 0). */
  readonly activeMsSinceEyeRest: number;
  /** Eye breaks taken today (added later: missing is 0). */
  readonly todayEyeBreaks: number;
  /** How long each task and command line usually runs, by hash (see `core/waits.ts`; added later: missing is none). */
  readonly waits: readonly WaitRecord[];
  /** Exercises completed today, by id. */
  readonly todayExercises: Readonly<Record<string, ExerciseCount>>;
  /** The due break a reminder was last counted for, so a snoozed or re-claimed prompt counts once. */
  readonly reminderEpisode: string | null;
  /** Days that have ended, oldest first, until the writer moves them to history (normally at once). */
  readonly closedDays: readonly ClosedDay[];
}

export type LedgerOp =
  /** `ms` of coding that ended at `endWallMs`, on local day `dayKey` (already split at midnight). */
  | { readonly type: 'credit'; readonly ms: number; readonly dayKey: string; readonly endWallMs: number }
  /**
   * A break. A natural break carries `idleSinceWallMs`: it applies only if no window has been active
   * since, and only once per absence, so windows that notice the same absence do not double it.
   */
  | {
      readonly type: 'break';
      readonly kind: BreakKind;
      readonly atWallMs: number;
      readonly dayKey: string;
      readonly idleSinceWallMs?: number;
    }
  /**
   * The writer's local day: the ledger moves to it, forward when a day ends, back when the clock or the
   * time zone went back. The day it leaves is closed either way.
   */
  | { readonly type: 'day'; readonly dayKey: string }
  /** A person's answer to reminders (see `ReminderAnswer`), given at `atWallMs` on local day `dayKey`. */
  | { readonly type: 'reminder'; readonly answer: ReminderAnswer; readonly atWallMs: number; readonly dayKey: string }
  /**
   * A change worked out by code loaded only when it is needed (an answer about time away, see
   * `core/away.ts`): applied in order like any other operation, and again if a write fails.
   */
  | { readonly type: 'change'; readonly dayKey: string; readonly change: (l: MutableLedger) => void }
  /**
   * A routine was completed (fully, or early with at least one exercise done), on local day `dayKey`;
   * or a move while something ran (`MOVE_ROUTINE_PREFIX`), which is exercise and no routine.
   */
  | {
      readonly type: 'routineDone';
      readonly routineId: string;
      readonly atWallMs: number;
      readonly dayKey: string;
      readonly exercises: readonly CompletedExercise[];
    };

/**
 * A person's answer to reminders, as the change it makes to the reminder fields (worked out by the
 * scheduler when it was given). Snooze and Skip answer one due break (`episode`, see `breakEpisode`):
 * written after that break was taken elsewhere, they do nothing. Pause, Resume and the full routine's
 * offer have no episode and apply whenever they are written, in order.
 */
export interface ReminderAnswer {
  readonly episode?: string;
  readonly set: Partial<ReminderState>;
  /** Counted on the answer's day. */
  readonly counts?: 'snoozed' | 'skipped';
  /** Gives up this window's claim on prompt `release`. */
  readonly release?: string;
  /** A reminder for this due break (see `breakEpisode`) was shown without a claim in the ledger: counted once. */
  readonly shown?: string;
}

/** One due break: the break it follows and where it fell due. A snooze does not change it. */
export function breakEpisode(l: Ledger): string {
  return `${l.lastBreak?.atWallMs ?? 0}:${l.dueAtActiveMs ?? 0}`;
}

export const EMPTY_BREAK_COUNTS: BreakCounts = { natural: 0, manual: 0, started: 0, skipped: 0, snoozed: 0, moved: 0 };

export function emptyLedger(dayKey: string): Ledger {
  return {
    version: 2,
    seq: 0,
    dayKey,
    todayActiveMs: 0,
    todayBaseMs: 0,
    todayBreaks: EMPTY_BREAK_COUNTS,
    activeMsSinceBreak: 0,
    sittingMsSinceBreak: 0,
    absence: null,
    awayRecords: [],
    todaySitting: 0,
    todaySittingMs: 0,
    lastActivityWallMs: null,
    lastBreak: null,
    snoozedUntilWallMs: null,
    snoozedAtWallMs: null,
    pause: null,
    hold: null,
    prompt: null,
    routines: {},
    dueAtActiveMs: null,
    consecutiveSnoozes: 0,
    fullRoutineOfferedDay: null,
    todayReminders: 0,
    todayRoutines: 0,
    todayMoves: 0,
    lastMoveId: null,
    activeMsSinceEyeRest: 0,
    todayEyeBreaks: 0,
    waits: [],
    todayExercises: {},
    reminderEpisode: null,
    closedDays: [],
  };
}

/** Today's totals as a day record; a newer version's kinds of break come along, for its columns in history. */
export function todayRecord(l: Ledger): DayRecord {
  let exercises = 0;
  let exerciseMs = 0;
  for (const c of Object.values(l.todayExercises)) {
    exercises += c.count;
    exerciseMs += c.ms;
  }
  const b = l.todayBreaks;
  return {
    ...b,
    day: l.dayKey,
    activeMs: l.todayActiveMs,
    reminders: l.todayReminders,
    started: b.started,
    manual: b.manual,
    natural: b.natural,
    skipped: b.skipped,
    snoozed: b.snoozed,
    routines: l.todayRoutines,
    exercises,
    exerciseMs,
    moved: b.moved,
    sitting: l.todaySitting,
    sittingMs: l.todaySittingMs,
    moves: l.todayMoves,
    eyeBreaks: l.todayEyeBreaks,
  };
}

export type MutableLedger = { -readonly [K in keyof Ledger]: Ledger[K] };

/**
 * Moves the ledger to a later day (or to any other day, `back`): the day it leaves joins `closedDays`
 * (unless nothing happened in it) and today's totals start from zero. True when `dayKey` is today
 * afterwards; false for an earlier day (see `changeClosedDay`). Days are `YYYY-MM-DD`, so string order
 * is date order.
 */
function rollTo(l: MutableLedger, dayKey: string, back = false): boolean {
  if (dayKey > l.dayKey || (back && dayKey !== l.dayKey)) {
    const ended = todayRecord(l);
    if (!isEmptyDay(ended)) l.closedDays = [...l.closedDays, { record: ended, exercises: l.todayExercises }].slice(-MAX_CLOSED_DAYS);
    l.dayKey = dayKey;
    l.todayActiveMs = 0;
    l.todayBaseMs = 0;
    l.todayBreaks = EMPTY_BREAK_COUNTS;
    l.todayReminders = 0;
    l.todayRoutines = 0;
    l.todayExercises = {};
    l.todaySitting = 0;
    l.todaySittingMs = 0;
    l.todayMoves = 0;
    l.todayEyeBreaks = 0;
    return true;
  }
  return dayKey === l.dayKey;
}

/**
 * News for a day that is not today (another window wrote first, or the clock moved): it goes to a part
 * of that day not yet written (one without an id), or to a new part. Never lost: a part already written
 * may be in history, and is not changed.
 */
function changeClosedDay(l: MutableLedger, dayKey: string, change: (d: ClosedDay) => ClosedDay): void {
  const parts = [...l.closedDays];
  const i = parts.findIndex((d) => d.record.day === dayKey && d.id === undefined);
  parts.splice(i < 0 ? parts.length : i, 1, change(parts[i] ?? { record: todayRecord(emptyLedger(dayKey)), exercises: {} }));
  l.closedDays = parts.slice(-MAX_CLOSED_DAYS);
}

function countClosed(field: 'reminders' | 'eyeBreaks' | BreakCountKind, amount = 1): (d: ClosedDay) => ClosedDay {
  return (d) => ({ ...d, record: { ...d.record, [field]: d.record[field] + amount } });
}

/** Adds one to a counter of day `dayKey`: a reminder, a break or a reminder's answer. */
function countOnDay(l: MutableLedger, dayKey: string, field: 'reminders' | BreakCountKind): void {
  if (!rollTo(l, dayKey)) changeClosedDay(l, dayKey, countClosed(field));
  else if (field === 'reminders') l.todayReminders += 1;
  else l.todayBreaks = { ...l.todayBreaks, [field]: l.todayBreaks[field] + 1 };
}

/** Applies one operation to a ledger in place (the tracker's per-keystroke path uses this directly). */
export function applyOpInPlace(l: MutableLedger, op: LedgerOp): void {
  switch (op.type) {
    case 'credit': {
      // Credit for a day that has already ended elsewhere belongs to the session and to that day, not to today.
      if (op.dayKey === l.dayKey || rollTo(l, op.dayKey)) l.todayActiveMs += op.ms;
      else if (op.ms > 0) changeClosedDay(l, op.dayKey, (d) => ({ ...d, record: { ...d.record, activeMs: d.record.activeMs + op.ms } }));
      l.activeMsSinceBreak += op.ms;
      l.activeMsSinceEyeRest += op.ms;
      if (l.lastActivityWallMs === null || op.endWallMs > l.lastActivityWallMs) l.lastActivityWallMs = op.endWallMs;
      // The first activity after an absence ends it.
      const a = l.absence;
      if (a && a.toWallMs === null && op.endWallMs > a.fromWallMs) l.absence = { ...a, toWallMs: op.endWallMs };
      return;
    }
    case 'break': {
      if (op.idleSinceWallMs !== undefined) {
        const activeSince = l.lastActivityWallMs !== null && l.lastActivityWallMs > op.idleSinceWallMs;
        const alreadyCounted = l.lastBreak !== null && l.lastBreak.atWallMs >= op.idleSinceWallMs;
        if (activeSince || alreadyCounted) return;
      }
      // An absence is remembered with the clock as it stood, for "I sat"; any other break ends that question.
      l.absence =
        op.kind === 'natural'
          ? { dayKey: op.dayKey, fromWallMs: op.atWallMs, toWallMs: null, answer: null, how: null, askedBy: null, before: sessionBefore(l) }
          : null;
      countOnDay(l, op.dayKey, op.kind);
      l.activeMsSinceBreak = 0;
      l.sittingMsSinceBreak = 0;
      l.activeMsSinceEyeRest = 0;
      // Any break means the next reminder is an interval away.
      l.dueAtActiveMs = null;
      l.snoozedUntilWallMs = null;
      l.consecutiveSnoozes = 0;
      if (l.lastBreak === null || op.atWallMs >= l.lastBreak.atWallMs) l.lastBreak = { atWallMs: op.atWallMs, kind: op.kind };
      return;
    }
    case 'day':
      rollTo(l, op.dayKey, true);
      return;
    case 'reminder': {
      const answer = op.answer;
      if (answer.episode !== undefined && answer.episode !== breakEpisode(l)) return;
      Object.assign(l, answer.set);
      if (answer.counts) countOnDay(l, op.dayKey, answer.counts);
      if (answer.release !== undefined && l.prompt?.id === answer.release) l.prompt = null;
      if (answer.shown !== undefined && answer.shown !== l.reminderEpisode) {
        l.reminderEpisode = answer.shown;
        countOnDay(l, op.dayKey, 'reminders');
      }
      return;
    }
    case 'change':
      op.change(l);
      return;
    case 'routineDone': {
      // A move while something ran is exercise of its own kind: no routine record, no routine counted.
      const move = op.routineId.startsWith(MOVE_ROUTINE_PREFIX);
      const field = move ? 'moves' : 'routines';
      if (move) l.lastMoveId = op.exercises[0]?.id ?? l.lastMoveId;
      const before = l.routines[op.routineId];
      let routines = {
        ...l.routines,
        [op.routineId]: { completions: (before?.completions ?? 0) + 1, lastDoneWallMs: Math.max(op.atWallMs, before?.lastDoneWallMs ?? 0) },
      };
      const ids = Object.keys(routines);
      if (ids.length > MAX_ROUTINE_RECORDS) {
        // Forget the routines done longest ago.
        const keep = ids
          .sort((a, b) => (routines[b]?.lastDoneWallMs ?? 0) - (routines[a]?.lastDoneWallMs ?? 0))
          .slice(0, MAX_ROUTINE_RECORDS);
        routines = Object.fromEntries(keep.map((id) => [id, routines[id] as RoutineRecord]));
      }
      if (!move) l.routines = routines;
      if (rollTo(l, op.dayKey)) {
        if (move) l.todayMoves += 1;
        else l.todayRoutines += 1;
        l.todayExercises = addExercises(l.todayExercises, op.exercises);
      } else {
        changeClosedDay(l, op.dayKey, (d) => {
          const exercises = addExercises(d.exercises, op.exercises);
          const ms = op.exercises.reduce((sum, e) => sum + e.ms, 0);
          return {
            exercises,
            record: {
              ...d.record,
              [field]: d.record[field] + 1,
              exercises: d.record.exercises + op.exercises.length,
              exerciseMs: d.record.exerciseMs + ms,
            },
          };
        });
      }
      return;
    }
  }
}

/**
 * An eye break ended on local day `dayKey`: taken (`counted`, the seconds ran out with no activity) or
 * skipped. Either way the next one is a full interval of coding away.
 */
export function eyeRested(l: MutableLedger, dayKey: string, counted: boolean): void {
  l.activeMsSinceEyeRest = 0;
  if (!counted) return;
  if (rollTo(l, dayKey)) l.todayEyeBreaks += 1;
  else changeClosedDay(l, dayKey, countClosed('eyeBreaks'));
}

/** Applies operations in order. Pure: returns a new ledger (seq unchanged; the writer bumps it). */
export function applyOps(ledger: Ledger, ops: readonly LedgerOp[]): Ledger {
  const l: MutableLedger = { ...ledger };
  for (const op of ops) applyOpInPlace(l, op);
  return l;
}

/**
 * Grants the prompt to `owner` unless another window holds an unexpired claim. A granted claim for a
 * reminder counts one reminder on `reminder.dayKey`, once per `reminder.episode` (one due break), and
 * when it offers the full routine, records that day's offer for every window.
 */
export function claimPrompt(
  ledger: Ledger,
  claim: PromptClaim,
  nowWallMs: number,
  reminder?: { readonly episode: string; readonly dayKey: string; readonly routineId?: string },
): { ledger: Ledger; granted: boolean } {
  const current = ledger.prompt;
  const free = current === null || current.expiresAtWallMs <= nowWallMs || current.owner === claim.owner;
  if (!free) return { ledger, granted: false };
  const next: MutableLedger = { ...ledger, prompt: claim };
  if (reminder && reminder.episode !== ledger.reminderEpisode) {
    next.reminderEpisode = reminder.episode;
    countOnDay(next, reminder.dayKey, 'reminders');
  }
  if (reminder?.routineId === FULL_ROUTINE_ID) next.fullRoutineOfferedDay = reminder.dayKey;
  return { ledger: next, granted: true };
}

/**
 * Forgets every count of what was done: today's totals, the days on their way to history, and the
 * routine records (so routines start again from their first doses). The running clock (time since the
 * last break, snooze and pause) is not history and stays.
 */
export function withoutHistory(l: Ledger): Ledger {
  return {
    ...l,
    todayActiveMs: 0,
    todayBaseMs: 0,
    todayBreaks: EMPTY_BREAK_COUNTS,
    todayReminders: 0,
    todayRoutines: 0,
    todayExercises: {},
    todaySitting: 0,
    todaySittingMs: 0,
    todayMoves: 0,
    todayEyeBreaks: 0,
    closedDays: [],
    routines: {},
    absence: null,
    awayRecords: [],
    waits: [],
    lastMoveId: null,
  };
}

/**
 * The wall clock was set back: moments the ledger recorded "in the future" (the last activity, the last
 * break, when a prompt was claimed, a snooze, a pause or a hold was given) are moved to now, so absences
 * can be measured again. A claim, a snooze and a timed pause or hold keep the time they had left, so none lasts
 * longer than chosen, whether the clock was ahead when it was given or was set back since.
 */
export function rebaseFutureMoments(ledger: Ledger, nowWallMs: number, slackMs = 2_000): Ledger {
  const ahead = (t: number | null | undefined): t is number => t !== null && t !== undefined && t > nowWallMs + slackMs;
  const { prompt, pause, hold, snoozedAtWallMs, snoozedUntilWallMs } = ledger;
  const pauseSince = pause?.sinceWallMs;
  if (
    !ahead(hold?.sinceWallMs) &&
    !ahead(ledger.lastActivityWallMs) &&
    !ahead(ledger.lastBreak?.atWallMs) &&
    !ahead(prompt?.claimedAtWallMs) &&
    !ahead(snoozedAtWallMs) &&
    !ahead(pauseSince)
  )
    return ledger;
  return {
    ...ledger,
    ...(ahead(snoozedAtWallMs) && snoozedUntilWallMs !== null
      ? { snoozedAtWallMs: nowWallMs, snoozedUntilWallMs: snoozedUntilWallMs - snoozedAtWallMs + nowWallMs }
      : {}),
    pause:
      pause && ahead(pauseSince)
        ? { untilWallMs: pause.untilWallMs === null ? null : pause.untilWallMs - pauseSince + nowWallMs, sinceWallMs: nowWallMs }
        : pause,
    hold:
      hold && ahead(hold.sinceWallMs)
        ? {
            ...hold,
            untilWallMs: hold.untilWallMs === null ? null : hold.untilWallMs - hold.sinceWallMs + nowWallMs,
            sinceWallMs: nowWallMs,
          }
        : hold,
    lastActivityWallMs: ahead(ledger.lastActivityWallMs) ? nowWallMs : ledger.lastActivityWallMs,
    lastBreak: ledger.lastBreak && ahead(ledger.lastBreak.atWallMs) ? { ...ledger.lastBreak, atWallMs: nowWallMs } : ledger.lastBreak,
    prompt:
      prompt && ahead(prompt.claimedAtWallMs)
        ? {
            ...prompt,
            claimedAtWallMs: nowWallMs,
            expiresAtWallMs: nowWallMs + Math.max(0, prompt.expiresAtWallMs - prompt.claimedAtWallMs),
          }
        : prompt,
  };
}

/**
 * What a window's write does to the ledger it read: its pending operations applied, with moments that
 * lie ahead of the writer's clock (it was set back) brought to now, before and after. With the writer's
 * local day `todayKey`, the ledger is on that day before them (what was done on it is today's) and after.
 */
export function commitOps(current: Ledger, ops: readonly LedgerOp[], nowWallMs: number, todayKey?: string): Ledger {
  const day: LedgerOp[] = todayKey === undefined ? [] : [{ type: 'day', dayKey: todayKey }];
  return rebaseFutureMoments(applyOps(rebaseFutureMoments(current, nowWallMs), [...day, ...ops, ...day]), nowWallMs);
}

// --- reading a stored ledger -------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** A session longer than a week is corrupt, not a record to trust. */
const MAX_SESSION_MS = 7 * DAY_MS;

export interface LedgerReadResult {
  readonly ledger: Ledger;
  /** Fields that were missing or invalid and were rebuilt (empty when the record was sound). */
  readonly problems: readonly string[];
}

type Check = (v: unknown) => boolean;
const nullOr =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const isDay: Check = (v) => typeof v === 'string' && DAY_KEY_PATTERN.test(v);
const countUpTo =
  (max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const timeUpTo =
  (max: number): Check =>
  (v) =>
    isMs(v) && v <= max;
const isRoutineRecord: Check = (v) => isObject(v) && countUpTo(Number.MAX_SAFE_INTEGER)(v.completions) && isMs(v.lastDoneWallMs);

/**
 * Each stored field's check. Fields marked `true` were added after the first ledgers were written: a
 * file without them is not damaged, and they take the fallback's value.
 */
const FIELDS: Readonly<Record<Exclude<keyof Ledger, 'version' | 'closedDays'>, readonly [Check, true?]>> = {
  seq: [countUpTo(Number.MAX_SAFE_INTEGER)],
  dayKey: [isDay],
  todayActiveMs: [timeUpTo(DAY_MS)],
  todayBaseMs: [timeUpTo(DAY_MS), true],
  // `moved` was added later: missing is 0 (filled in by `readLedger`).
  todayBreaks: [
    (v) => isObject(v) && BREAK_COUNT_KINDS.every((k) => (k === 'moved' && v[k] === undefined) || countUpTo(Number.MAX_SAFE_INTEGER)(v[k])),
  ],
  activeMsSinceBreak: [timeUpTo(MAX_SESSION_MS)],
  sittingMsSinceBreak: [timeUpTo(MAX_SESSION_MS), true],
  absence: [nullOr(isAbsence), true],
  awayRecords: [isAwayRecords, true],
  todaySitting: [countUpTo(100_000), true],
  todaySittingMs: [timeUpTo(DAY_MS), true],
  lastActivityWallMs: [nullOr(isMs)],
  lastBreak: [nullOr((v) => isObject(v) && isMs(v.atWallMs) && ['natural', 'manual', 'started'].includes(v.kind as string))],
  snoozedUntilWallMs: [nullOr(isMs)],
  snoozedAtWallMs: [nullOr(isMs), true],
  pause: [nullOr((v) => isObject(v) && nullOr(isMs)(v.untilWallMs) && (v.sinceWallMs === undefined || isMs(v.sinceWallMs)))],
  hold: [
    nullOr(
      (v) =>
        isObject(v) &&
        nullOr(isMs)(v.untilWallMs) &&
        isMs(v.sinceWallMs) &&
        (v.liveShare === undefined || (typeof v.liveShare === 'string' && v.liveShare.length <= 200)),
    ),
    true,
  ],
  prompt: [
    nullOr(
      (v) => isObject(v) && typeof v.id === 'string' && typeof v.owner === 'string' && isMs(v.claimedAtWallMs) && isMs(v.expiresAtWallMs),
    ),
  ],
  routines: [(v) => isObject(v) && Object.values(v).every(isRoutineRecord), true],
  dueAtActiveMs: [nullOr(timeUpTo(MAX_SESSION_MS + DAY_MS)), true],
  consecutiveSnoozes: [countUpTo(100), true],
  fullRoutineOfferedDay: [nullOr(isDay), true],
  todayReminders: [countUpTo(100_000), true],
  todayRoutines: [countUpTo(100_000), true],
  todayMoves: [countUpTo(100_000), true],
  lastMoveId: [nullOr((v) => typeof v === 'string' && v.length <= 64), true],
  activeMsSinceEyeRest: [timeUpTo(MAX_SESSION_MS), true],
  todayEyeBreaks: [countUpTo(100_000), true],
  waits: [isWaitRecords, true],
  todayExercises: [isExerciseTally, true],
  reminderEpisode: [nullOr((v) => typeof v === 'string' && v.length <= 200), true],
};

/** Room for the fields this version does not know (another version's), as JSON text. */
const MAX_OTHER_FIELDS_CHARS = 16_384;

/**
 * Reads a stored ledger, keeping every field that is valid and rebuilding the rest. Fields it does not
 * know (a newer version's) are kept as they are, up to `MAX_OTHER_FIELDS_CHARS`, so they are written back. `fallback` supplies
 * the values for fields that cannot be trusted (this window's last known state, or an empty ledger).
 * A version 1 ledger (before history) is read as version 2; a newer one is read for the fields this
 * version knows, with the one problem `written by a newer version (n)`.
 */
export function readLedger(raw: unknown, fallback: Ledger): LedgerReadResult {
  if (!isObject(raw)) return { ledger: fallback, problems: ['not a ledger record'] };
  const problems: string[] = [];
  const ledger: Record<string, unknown> = { version: 2 };
  for (const [key, [check, added]] of Object.entries(FIELDS)) {
    const value = raw[key];
    if (value === undefined && added) ledger[key] = fallback[key as keyof Ledger];
    else if (check(value))
      ledger[key] =
        key === 'todayBreaks'
          ? { ...EMPTY_BREAK_COUNTS, ...(value as object) }
          : key === 'routines' || key === 'todayExercises'
            ? { ...(value as object) }
            : value;
    else {
      problems.push(key);
      ledger[key] = fallback[key as keyof Ledger];
    }
  }
  // One bad day on its way to history must not cost the others.
  const closed: unknown[] = Array.isArray(raw.closedDays) ? raw.closedDays : [];
  ledger.closedDays = closed.filter(isClosedDay).slice(-MAX_CLOSED_DAYS);
  if ((raw.closedDays !== undefined && !Array.isArray(raw.closedDays)) || (ledger.closedDays as unknown[]).length !== closed.length)
    problems.push('closedDays');
  // Fields of another version are kept as they were and written back; a damaged file's bulk is not carried on.
  let room = MAX_OTHER_FIELDS_CHARS;
  for (const key in raw)
    if (!(key in ledger) && key !== '__proto__') {
      const size = String(JSON.stringify(raw[key])).length;
      if (size > room) problems.push(key);
      else {
        room -= size;
        ledger[key] = raw[key];
      }
    }
  // A newer version's ledger is read for what this one knows of it; the writer must not replace it.
  if (typeof raw.version === 'number' && raw.version > 2)
    return { ledger: ledger as unknown as Ledger, problems: [`written by a newer version (${raw.version})`] };
  if (raw.version !== 1 && raw.version !== 2) problems.push('version');
  return { ledger: ledger as unknown as Ledger, problems };
}

// --- reminders --------------------------------------------------------------------------------

/** The reminder part of the ledger, in the scheduler's terms. */
export function reminderStateOf(l: Ledger): ReminderState {
  return {
    dueAtActiveMs: l.dueAtActiveMs,
    snoozedUntilWallMs: l.snoozedUntilWallMs,
    snoozedAtWallMs: l.snoozedAtWallMs,
    consecutiveSnoozes: l.consecutiveSnoozes,
    pause: l.pause,
    hold: l.hold,
    fullRoutineOfferedDay: l.fullRoutineOfferedDay,
  };
}
