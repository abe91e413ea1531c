import { type BreakKind } from './tracker';
import { type ReminderState } from './reminders/scheduler';

/** Everything that counts as a break or a reminder outcome, by kind. Reminders add started/skipped/snoozed. */
export const BREAK_COUNT_KINDS = ['natural', 'manual', 'started', 'skipped', 'snoozed'] as const;
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
const MAX_ROUTINE_RECORDS = 100;

export interface LastBreak {
  readonly atWallMs: number;
  readonly kind: BreakKind;
}

/**
 * The one clock all windows share, stored as a small JSON file. Version 1. Every window reads it; only
 * the focused window adds coding time to it, through operations applied under the file lock.
 */
export interface Ledger {
  readonly version: 1;
  /** Incremented by every write: a cheap "has it changed" for readers. */
  readonly seq: number;
  readonly dayKey: string;
  readonly todayActiveMs: number;
  readonly todayBreaks: BreakCounts;
  readonly activeMsSinceBreak: number;
  /** The last activity in any window (wall time). */
  readonly lastActivityWallMs: number | null;
  readonly lastBreak: LastBreak | null;
  readonly snoozedUntilWallMs: number | null;
  /** Reminders paused: null = not paused; `untilWallMs` null = until resumed. */
  readonly pause: { readonly untilWallMs: number | null } | null;
  readonly prompt: PromptClaim | null;
  /** By routine id. Added after the first ledger files were written: missing means none yet. */
  readonly routines: Readonly<Record<string, RoutineRecord>>;
  /** Session time at which the next reminder is due; null: one interval in (added later: missing is null). */
  readonly dueAtActiveMs: number | null;
  /** Snoozes since the last break or skip (added later: missing is 0). */
  readonly consecutiveSnoozes: number;
  /** The day the full routine was last offered (added later: missing is null). */
  readonly fullRoutineOfferedDay: string | null;
}

export type LedgerOp =
  /** `ms` of coding that ended at `endWallMs`, on local day `dayKey` (already split at midnight). */
  | { readonly type: 'credit'; readonly ms: number; readonly dayKey: string; readonly endWallMs: number }
  /**
   * A break. A natural break carries `idleSinceWallMs`: it applies only if no window has been active
   * since, and only once per absence, so windows that notice the same absence do not double it.
   */
  | { readonly type: 'break'; readonly kind: BreakKind; readonly atWallMs: number; readonly dayKey: string; readonly idleSinceWallMs?: number }
  /** The local day changed with nothing to credit: start the new day's totals. */
  | { readonly type: 'day'; readonly dayKey: string }
  /** A routine was completed (fully, or early with at least one exercise done). */
  | { readonly type: 'routineDone'; readonly routineId: string; readonly atWallMs: number };

export const EMPTY_BREAK_COUNTS: BreakCounts = { natural: 0, manual: 0, started: 0, skipped: 0, snoozed: 0 };

export function emptyLedger(dayKey: string): Ledger {
  return {
    version: 1,
    seq: 0,
    dayKey,
    todayActiveMs: 0,
    todayBreaks: EMPTY_BREAK_COUNTS,
    activeMsSinceBreak: 0,
    lastActivityWallMs: null,
    lastBreak: null,
    snoozedUntilWallMs: null,
    pause: null,
    prompt: null,
    routines: {},
    dueAtActiveMs: null,
    consecutiveSnoozes: 0,
    fullRoutineOfferedDay: null,
  };
}

/** Days are `YYYY-MM-DD`, so string order is date order. */
function rollTo(l: { dayKey: string; todayActiveMs: number; todayBreaks: BreakCounts }, dayKey: string): boolean {
  if (dayKey > l.dayKey) {
    l.dayKey = dayKey;
    l.todayActiveMs = 0;
    l.todayBreaks = EMPTY_BREAK_COUNTS;
    return true;
  }
  return dayKey === l.dayKey;
}

export type MutableLedger = { -readonly [K in keyof Ledger]: Ledger[K] };

/** Applies one operation to a ledger in place (the tracker's per-keystroke path uses this directly). */
export function applyOpInPlace(l: MutableLedger, op: LedgerOp): void {
  switch (op.type) {
    case 'credit': {
      // Credit for a day that has already ended elsewhere still belongs to the session, not to today.
      if (rollTo(l, op.dayKey)) l.todayActiveMs += op.ms;
      l.activeMsSinceBreak += op.ms;
      if (l.lastActivityWallMs === null || op.endWallMs > l.lastActivityWallMs) l.lastActivityWallMs = op.endWallMs;
      return;
    }
    case 'break': {
      if (op.idleSinceWallMs !== undefined) {
        const activeSince = l.lastActivityWallMs !== null && l.lastActivityWallMs > op.idleSinceWallMs;
        const alreadyCounted = l.lastBreak !== null && l.lastBreak.atWallMs >= op.idleSinceWallMs;
        if (activeSince || alreadyCounted) return;
      }
      const sameDay = rollTo(l, op.dayKey);
      l.activeMsSinceBreak = 0;
      // Any break means the next reminder is an interval away.
      l.dueAtActiveMs = null;
      l.snoozedUntilWallMs = null;
      l.consecutiveSnoozes = 0;
      if (l.lastBreak === null || op.atWallMs >= l.lastBreak.atWallMs) l.lastBreak = { atWallMs: op.atWallMs, kind: op.kind };
      if (sameDay) l.todayBreaks = { ...l.todayBreaks, [op.kind]: l.todayBreaks[op.kind] + 1 };
      return;
    }
    case 'day':
      rollTo(l, op.dayKey);
      return;
    case 'routineDone': {
      const before = l.routines[op.routineId];
      let routines = { ...l.routines, [op.routineId]: { completions: (before?.completions ?? 0) + 1, lastDoneWallMs: Math.max(op.atWallMs, before?.lastDoneWallMs ?? 0) } };
      const ids = Object.keys(routines);
      if (ids.length > MAX_ROUTINE_RECORDS) {
        // Forget the routines done longest ago.
        const keep = ids.sort((a, b) => (routines[b]?.lastDoneWallMs ?? 0) - (routines[a]?.lastDoneWallMs ?? 0)).slice(0, MAX_ROUTINE_RECORDS);
        routines = Object.fromEntries(keep.map((id) => [id, routines[id] as RoutineRecord]));
      }
      l.routines = routines;
      return;
    }
  }
}

/** Applies operations in order. Pure: returns a new ledger (seq unchanged; the writer bumps it). */
export function applyOps(ledger: Ledger, ops: readonly LedgerOp[]): Ledger {
  const l: MutableLedger = { ...ledger };
  for (const op of ops) applyOpInPlace(l, op);
  return l;
}

/** Grants the prompt to `owner` unless another window holds an unexpired claim. */
export function claimPrompt(ledger: Ledger, claim: PromptClaim, nowWallMs: number): { ledger: Ledger; granted: boolean } {
  const current = ledger.prompt;
  const free = current === null || current.expiresAtWallMs <= nowWallMs || current.owner === claim.owner;
  if (!free) return { ledger, granted: false };
  return { ledger: { ...ledger, prompt: claim }, granted: true };
}

/** Gives up a claim (answered, or made stale); only the holder of that claim can release it. */
export function releasePrompt(ledger: Ledger, id: string): Ledger {
  return ledger.prompt?.id === id ? { ...ledger, prompt: null } : ledger;
}

/**
 * The wall clock was set back: moments the ledger recorded "in the future" (the last activity, the last
 * break, when a prompt was claimed) are moved to now, so absences can be measured again. Deadlines
 * (snooze, pause) stay where they are; a claim keeps the time it had left.
 */
export function rebaseFutureMoments(ledger: Ledger, nowWallMs: number, slackMs = 2_000): Ledger {
  const ahead = (t: number | null | undefined): boolean => t !== null && t !== undefined && t > nowWallMs + slackMs;
  const prompt = ledger.prompt;
  if (!ahead(ledger.lastActivityWallMs) && !ahead(ledger.lastBreak?.atWallMs) && !ahead(prompt?.claimedAtWallMs)) return ledger;
  return {
    ...ledger,
    lastActivityWallMs: ahead(ledger.lastActivityWallMs) ? nowWallMs : ledger.lastActivityWallMs,
    lastBreak: ledger.lastBreak && ahead(ledger.lastBreak.atWallMs) ? { ...ledger.lastBreak, atWallMs: nowWallMs } : ledger.lastBreak,
    prompt:
      prompt && ahead(prompt.claimedAtWallMs)
        ? { ...prompt, claimedAtWallMs: nowWallMs, expiresAtWallMs: nowWallMs + Math.max(0, prompt.expiresAtWallMs - prompt.claimedAtWallMs) }
        : prompt,
  };
}

/**
 * What a window's write does to the ledger it read: its pending operations applied, with moments that
 * lie ahead of the writer's clock (it was set back) brought to now, before and after.
 */
export function commitOps(current: Ledger, ops: readonly LedgerOp[], nowWallMs: number): Ledger {
  return rebaseFutureMoments(applyOps(rebaseFutureMoments(current, nowWallMs), ops), nowWallMs);
}

// --- reading a stored ledger -------------------------------------------------------------------

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** A session longer than a week is corrupt, not a record to trust. */
const MAX_SESSION_MS = 7 * DAY_MS;

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

export interface LedgerReadResult {
  readonly ledger: Ledger;
  /** Fields that were missing or invalid and were rebuilt (empty when the record was sound). */
  readonly problems: readonly string[];
}

/**
 * Reads a stored ledger, keeping every field that is valid and rebuilding the rest. `fallback` supplies
 * the values for fields that cannot be trusted (this window's last known state, or an empty ledger).
 */
export function readLedger(raw: unknown, fallback: Ledger): LedgerReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ledger: fallback, problems: ['not a ledger record'] };
  const r = raw as Record<string, unknown>;
  if (typeof r.version === 'number' && r.version > 1) return { ledger: fallback, problems: [`written by a newer version (${r.version})`] };
  const problems: string[] = [];
  const take = <T>(key: keyof Ledger, valid: (v: unknown) => v is T, fallbackValue: T): T => {
    if (valid(r[key])) return r[key];
    problems.push(key);
    return fallbackValue;
  };
  const dayKey = take('dayKey', (v): v is string => typeof v === 'string' && DAY_KEY.test(v), fallback.dayKey);
  const todayActiveMs = take('todayActiveMs', (v): v is number => isTime(v) && v <= DAY_MS, fallback.todayActiveMs);
  const todayBreaks = take(
    'todayBreaks',
    (v): v is BreakCounts =>
      typeof v === 'object' && v !== null && BREAK_COUNT_KINDS.every((k) => Number.isInteger((v as Record<string, unknown>)[k]) && ((v as Record<string, number>)[k] ?? -1) >= 0),
    fallback.todayBreaks,
  );
  const activeMsSinceBreak = take('activeMsSinceBreak', (v): v is number => isTime(v) && v <= MAX_SESSION_MS, fallback.activeMsSinceBreak);
  const lastActivityWallMs = take('lastActivityWallMs', (v): v is number | null => v === null || isTime(v), fallback.lastActivityWallMs);
  const lastBreak = take(
    'lastBreak',
    (v): v is LastBreak | null =>
      v === null ||
      (typeof v === 'object' && isTime((v as Record<string, unknown>).atWallMs) && ['natural', 'manual', 'started'].includes((v as Record<string, unknown>).kind as string)),
    fallback.lastBreak,
  );
  const snoozedUntilWallMs = take('snoozedUntilWallMs', (v): v is number | null => v === null || isTime(v), fallback.snoozedUntilWallMs);
  const pause = take(
    'pause',
    (v): v is { untilWallMs: number | null } | null => {
      if (v === null) return true;
      if (typeof v !== 'object') return false;
      const until = (v as Record<string, unknown>).untilWallMs;
      return until === null || isTime(until);
    },
    fallback.pause,
  );
  const prompt = take(
    'prompt',
    (v): v is PromptClaim | null => {
      if (v === null) return true;
      if (typeof v !== 'object') return false;
      const p = v as Record<string, unknown>;
      return typeof p.id === 'string' && typeof p.owner === 'string' && isTime(p.claimedAtWallMs) && isTime(p.expiresAtWallMs);
    },
    fallback.prompt,
  );
  const isRecord = (x: unknown): x is RoutineRecord =>
    typeof x === 'object' && x !== null && Number.isInteger((x as Record<string, unknown>).completions) && ((x as Record<string, number>).completions ?? -1) >= 0 && isTime((x as Record<string, unknown>).lastDoneWallMs);
  const routines =
    r.routines === undefined
      ? fallback.routines
      : take('routines', (v): v is Record<string, RoutineRecord> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isRecord), fallback.routines);
  const optional = <T>(key: keyof Ledger, valid: (v: unknown) => v is T, fallbackValue: T): T => (r[key] === undefined ? fallbackValue : take(key, valid, fallbackValue));
  const dueAtActiveMs = optional('dueAtActiveMs', (v): v is number | null => v === null || (isTime(v) && v <= MAX_SESSION_MS + DAY_MS), fallback.dueAtActiveMs);
  const consecutiveSnoozes = optional('consecutiveSnoozes', (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100, fallback.consecutiveSnoozes);
  const fullRoutineOfferedDay = optional('fullRoutineOfferedDay', (v): v is string | null => v === null || (typeof v === 'string' && DAY_KEY.test(v)), fallback.fullRoutineOfferedDay);
  const seq = take('seq', (v): v is number => Number.isInteger(v) && (v as number) >= 0, fallback.seq);
  if (r.version !== 1) problems.push('version');
  return {
    ledger: { version: 1, seq, dayKey, todayActiveMs, todayBreaks: { ...todayBreaks }, activeMsSinceBreak, lastActivityWallMs, lastBreak, snoozedUntilWallMs, pause, prompt, routines: { ...routines }, dueAtActiveMs, consecutiveSnoozes, fullRoutineOfferedDay },
    problems,
  };
}

// --- reminders --------------------------------------------------------------------------------

/** The reminder part of the ledger, in the scheduler's terms. */
export function reminderStateOf(l: Ledger): ReminderState {
  return { dueAtActiveMs: l.dueAtActiveMs, snoozedUntilWallMs: l.snoozedUntilWallMs, consecutiveSnoozes: l.consecutiveSnoozes, pause: l.pause, fullRoutineOfferedDay: l.fullRoutineOfferedDay };
}

/** Writes a changed reminder state back, counting the outcome (`snoozed`, `skipped`) for today. */
export function withReminderState(l: Ledger, state: ReminderState, outcome?: { kind: 'snoozed' | 'skipped'; dayKey: string }): Ledger {
  const next: MutableLedger = { ...l, ...state };
  if (outcome && rollTo(next, outcome.dayKey)) next.todayBreaks = { ...next.todayBreaks, [outcome.kind]: next.todayBreaks[outcome.kind] + 1 };
  return next;
}
