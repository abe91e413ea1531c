import { isMs, isObject } from '../shared/guards';
import { type Calendar, MS_PER_MINUTE } from './time';
import { weekdayOf } from './weekly';

/**
 * Time away from the editor: a break, or sitting (a meeting, a call). VS Code cannot see which, so an
 * absence long enough to be a break is counted as one at once, as it always was, and remembered with
 * the clock as it stood before: "I sat" puts that clock back, with the time away added as desk time.
 */

/** What the person says the time away was. */
export type AwayAnswer = 'moved' | 'sat';

/**
 * How the answer came: the person's (`asked`, from the question or the menu), a slot learned from
 * earlier answers (`learned`), `upright.awayTime` (`setting`), or a quiet time marked sitting (`quiet`).
 */
export type AwayHow = 'asked' | 'learned' | 'setting' | 'quiet';

/** A break as the ledger records it (`LastBreak` in ledger.ts). */
interface BreakMoment {
  readonly atWallMs: number;
  readonly kind: 'natural' | 'manual' | 'started';
}

/** The clock since the last break, as it stood when an absence was counted as a break. */
export interface SessionBefore {
  readonly activeMsSinceBreak: number;
  readonly sittingMsSinceBreak: number;
  readonly lastBreak: BreakMoment | null;
  readonly dueAtActiveMs: number | null;
  readonly snoozedUntilWallMs: number | null;
  readonly snoozedAtWallMs: number | null;
  readonly consecutiveSnoozes: number;
}

/** The last absence counted as a break, until the next break or the end of its day. */
export interface Absence {
  /** The local day it began on: its counts are that day's, and it can be answered only on it. */
  readonly dayKey: string;
  /** The last activity before it. */
  readonly fromWallMs: number;
  /** The first activity after it; null while the person is still away. */
  readonly toWallMs: number | null;
  readonly answer: AwayAnswer | null;
  readonly how: AwayHow | null;
  /** The window that asked the question (one question per absence, whatever the windows). */
  readonly askedBy: string | null;
  readonly before: SessionBefore;
}

/** An answer kept for learning: when the absence began, and whether it was sitting. */
export interface AwayRecord {
  readonly atWallMs: number;
  readonly sat: boolean;
}

/**
 * Away this long or longer is a break, whatever anyone says: meetings are booked in slots of up to 90
 * minutes, and after two hours away even a person who sat through them has stood up and walked at
 * least once (to the room and back, for a coffee). What lasts longer is lunch out, an afternoon off or
 * the night, and a question after it would only be noise.
 */
export const LONG_ABSENCE_MS = 120 * MS_PER_MINUTE;

/** Answers kept for learning (about three months of a daily stand-up and a few weekly meetings). */
export const MAX_AWAY_RECORDS = 60;
/** An absence is at the same slot as an earlier one when it starts this close to the same time of day. */
export const SAME_SLOT_MINUTES = 15;
/** Only answers this recent teach anything: a meeting that moved or ended is forgotten. */
const LEARN_DAYS = 5 * 7;
/** Two earlier answers "I sat" at the same slot make the next absence there sitting. */
const LEARN_AFTER = 2;

/** The fields of the ledger that an answer about time away reads and changes. */
export interface AwayFields {
  readonly dayKey: string;
  activeMsSinceBreak: number;
  sittingMsSinceBreak: number;
  lastBreak: BreakMoment | null;
  dueAtActiveMs: number | null;
  snoozedUntilWallMs: number | null;
  snoozedAtWallMs: number | null;
  consecutiveSnoozes: number;
  todayBreaks: { readonly natural: number; readonly moved: number };
  todaySitting: number;
  todaySittingMs: number;
  absence: Absence | null;
  awayRecords: readonly AwayRecord[];
}

export function sessionBefore(l: Readonly<AwayFields>): SessionBefore {
  return {
    activeMsSinceBreak: l.activeMsSinceBreak,
    sittingMsSinceBreak: l.sittingMsSinceBreak,
    lastBreak: l.lastBreak,
    dueAtActiveMs: l.dueAtActiveMs,
    snoozedUntilWallMs: l.snoozedUntilWallMs,
    snoozedAtWallMs: l.snoozedAtWallMs,
    consecutiveSnoozes: l.consecutiveSnoozes,
  };
}

/** An answer about absence `fromWallMs` (an answer for another one does nothing), given at `atWallMs`. */
export interface AwayAnswerOf {
  readonly fromWallMs: number;
  readonly answer: AwayAnswer;
  readonly how: AwayHow;
  readonly atWallMs: number;
}

/**
 * Applies an answer to the ledger's last absence, if it is still the one answered, on its own day, and
 * no break came since (a break clears it). Written as a `change` operation of the ledger. "I sat" takes the break back: the natural break (or the
 * "moved" one) is no longer counted, the clock since the last break is what it was plus the time away
 * as sitting plus what was coded since; "I moved" after "I sat" puts the break back. An answer is kept
 * for learning unless it came from a setting.
 */
export function applyAway(l: AwayFields, op: AwayAnswerOf): void {
  const a = l.absence;
  if (!a || a.fromWallMs !== op.fromWallMs || a.dayKey !== l.dayKey || a.answer === op.answer) return;
  const toWallMs = a.toWallMs ?? op.atWallMs;
  const awayMs = Math.max(0, toWallMs - a.fromWallMs);
  const b = a.before;
  const counts = { ...l.todayBreaks };
  const less = (n: number, by: number): number => Math.max(0, n - by);
  if (op.answer === 'sat') {
    if (a.answer === 'moved') counts.moved = less(counts.moved, 1);
    else counts.natural = less(counts.natural, 1);
    l.todaySitting += 1;
    l.todaySittingMs += awayMs;
    l.activeMsSinceBreak += b.activeMsSinceBreak;
    l.sittingMsSinceBreak += b.sittingMsSinceBreak + awayMs;
    l.lastBreak = b.lastBreak;
    l.dueAtActiveMs = b.dueAtActiveMs;
    l.snoozedUntilWallMs = b.snoozedUntilWallMs;
    l.snoozedAtWallMs = b.snoozedAtWallMs;
    l.consecutiveSnoozes = b.consecutiveSnoozes;
  } else {
    if (a.answer === 'sat') {
      l.todaySitting = less(l.todaySitting, 1);
      l.todaySittingMs = less(l.todaySittingMs, awayMs);
      l.activeMsSinceBreak = less(l.activeMsSinceBreak, b.activeMsSinceBreak);
      l.sittingMsSinceBreak = less(l.sittingMsSinceBreak, b.sittingMsSinceBreak + awayMs);
      l.lastBreak = { atWallMs: a.fromWallMs, kind: 'natural' };
      l.dueAtActiveMs = null;
      l.snoozedUntilWallMs = null;
      l.snoozedAtWallMs = null;
      l.consecutiveSnoozes = 0;
    } else counts.natural = less(counts.natural, 1);
    counts.moved += 1;
  }
  l.todayBreaks = counts;
  l.absence = { ...a, toWallMs, answer: op.answer, how: op.how };
  if (op.how !== 'setting') {
    const kept = l.awayRecords.filter((r) => r.atWallMs !== a.fromWallMs);
    l.awayRecords = [...kept, { atWallMs: a.fromWallMs, sat: op.answer === 'sat' }].slice(-MAX_AWAY_RECORDS);
  }
}

/**
 * Claims the question about absence `fromWallMs` for window `owner`: granted when nobody has asked it
 * (or this window did). Once asked, no other window asks it again.
 */
export function claimAwayQuestion<L extends { readonly absence: Absence | null }>(
  ledger: L,
  fromWallMs: number,
  owner: string,
): { ledger: L; granted: boolean } {
  const a = ledger.absence;
  if (!a || a.fromWallMs !== fromWallMs || a.answer !== null || (a.askedBy !== null && a.askedBy !== owner))
    return { ledger, granted: false };
  return { ledger: { ...ledger, absence: { ...a, askedBy: owner } }, granted: true };
}

/** True when absence `fromWallMs` starts at a slot where the last two answers were "I sat". */
export function learnedSitting(records: readonly AwayRecord[], fromWallMs: number, calendar: Calendar): boolean {
  const day = weekdayOf(calendar.dayKey(fromWallMs));
  const minute = calendar.minuteOfDay(fromWallMs);
  const earliest = fromWallMs - LEARN_DAYS * 24 * 60 * MS_PER_MINUTE;
  const same = records
    .filter(
      (r) =>
        r.atWallMs < fromWallMs &&
        r.atWallMs >= earliest &&
        weekdayOf(calendar.dayKey(r.atWallMs)) === day &&
        Math.abs(calendar.minuteOfDay(r.atWallMs) - minute) <= SAME_SLOT_MINUTES,
    )
    .sort((x, y) => y.atWallMs - x.atWallMs)
    .slice(0, LEARN_AFTER);
  return same.length === LEARN_AFTER && same.every((r) => r.sat);
}

export type AwayTime = 'ask' | 'break' | 'sitting';
export const AWAY_TIMES: readonly AwayTime[] = ['ask', 'break', 'sitting'];

/** What a return after absence `[fromWallMs, toWallMs)` brings. */
export type ReturnVerdict =
  { readonly kind: 'break' } | { readonly kind: 'ask' } | { readonly kind: 'sitting'; readonly how: Exclude<AwayHow, 'asked'> };

/**
 * Decides what a return brings: a long absence (`LONG_ABSENCE_MS`, or one across midnight: a night) is
 * a break; one mostly inside quiet times marked sitting (`sittingSlots`, the concrete intervals) is
 * sitting; then `upright.awayTime` decides, and with `ask`, a slot learned from earlier answers is
 * sitting without a question.
 */
export function judgeReturn(
  absence: { readonly fromWallMs: number; readonly toWallMs: number },
  awayTime: AwayTime,
  sittingSlots: readonly { readonly fromWallMs: number; readonly toWallMs: number }[],
  records: readonly AwayRecord[],
  calendar: Calendar,
): ReturnVerdict {
  const { fromWallMs, toWallMs } = absence;
  const awayMs = toWallMs - fromWallMs;
  if (awayMs <= 0 || awayMs >= LONG_ABSENCE_MS || calendar.dayKey(fromWallMs) !== calendar.dayKey(toWallMs)) return { kind: 'break' };
  let insideMs = 0;
  for (const s of sittingSlots) insideMs += Math.max(0, Math.min(s.toWallMs, toWallMs) - Math.max(s.fromWallMs, fromWallMs));
  if (insideMs * 2 >= awayMs) return { kind: 'sitting', how: 'quiet' };
  if (awayTime === 'break') return { kind: 'break' };
  if (awayTime === 'sitting') return { kind: 'sitting', how: 'setting' };
  return learnedSitting(records, fromWallMs, calendar) ? { kind: 'sitting', how: 'learned' } : { kind: 'ask' };
}

// --- reading them back ----------------------------------------------------------------------

const isMsOrNull = (v: unknown): boolean => v === null || isMs(v);

export function isAbsence(v: unknown): v is Absence {
  if (!isObject(v) || !isObject(v.before)) return false;
  const b = v.before;
  return (
    typeof v.dayKey === 'string' &&
    isMs(v.fromWallMs) &&
    isMsOrNull(v.toWallMs) &&
    (v.answer === null || v.answer === 'moved' || v.answer === 'sat') &&
    (v.how === null || ['asked', 'learned', 'setting', 'quiet'].includes(v.how as string)) &&
    (v.askedBy === null || typeof v.askedBy === 'string') &&
    isMs(b.activeMsSinceBreak) &&
    isMs(b.sittingMsSinceBreak) &&
    (b.lastBreak === null ||
      (isObject(b.lastBreak) && isMs(b.lastBreak.atWallMs) && ['natural', 'manual', 'started'].includes(b.lastBreak.kind as string))) &&
    isMsOrNull(b.dueAtActiveMs) &&
    isMsOrNull(b.snoozedUntilWallMs) &&
    isMsOrNull(b.snoozedAtWallMs) &&
    Number.isInteger(b.consecutiveSnoozes)
  );
}

export function isAwayRecords(v: unknown): v is AwayRecord[] {
  return Array.isArray(v) && v.length <= MAX_AWAY_RECORDS && v.every((r) => isObject(r) && isMs(r.atWallMs) && typeof r.sat === 'boolean');
}
