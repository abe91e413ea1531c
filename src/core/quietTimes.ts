import { type Calendar, MS_PER_MINUTE } from './time';
import { insideWorkingHours, type Weekday, weekdayOf } from './weekly';

/**
 * One recurring slot of `upright.quietTimes` (a stand-up, a meeting, a focus block): no reminder inside.
 * Minutes after local midnight on the wall clock; `endMinutes` before `startMinutes` crosses midnight,
 * and the part after midnight belongs to the day before, as with working hours. `endMinutes` is 1440
 * for a slot that ends at midnight.
 */
export interface QuietTime {
  readonly startMinutes: number;
  readonly endMinutes: number;
  readonly days: readonly Weekday[];
  /** Time away from the editor inside the slot was spent sitting (a meeting at a desk), not a break. */
  readonly sitting: boolean;
}

/** The slot the wall clock is in at `wallMs`, if any (the first listed, where they overlap). */
export function insideQuietTime(slots: readonly QuietTime[], wallMs: number, calendar: Calendar): QuietTime | undefined {
  return slots.find((slot) => insideWorkingHours(slot, wallMs, calendar));
}

/**
 * When the quiet time holding `wallMs` ends: the end of its slot, or of the slots that follow on from
 * it (a week at most). Undefined outside every slot.
 */
export function quietTimeEnd(slots: readonly QuietTime[], wallMs: number, calendar: Calendar): number | undefined {
  if (!insideQuietTime(slots, wallMs, calendar)) return undefined;
  // Walked by the wall clock, so the hour a clock change repeats is quiet both times round.
  let end = wallMs;
  for (const part of walk(slots, wallMs, wallMs + 8 * 24 * 60 * MS_PER_MINUTE, calendar, true))
    if (part.fromWallMs === end) end = part.toWallMs;
  return end;
}

/** A stretch of wall time inside quiet slots. */
export interface QuietInterval {
  readonly fromWallMs: number;
  readonly toWallMs: number;
  readonly sitting: boolean;
}

/** Days looked at, at most, by `quietSlotsBetween` (a clock that jumped years must not hang the host). */
const MAX_DAYS = 1000;

/**
 * The wall-time intervals inside `slots` that overlap [`fromWallMs`, `toWallMs`), clipped to it, in
 * order. They follow the wall clock, as `insideQuietTime` does: on the day the clocks go back, a slot in
 * the repeated hour gives two intervals; one in the hour skipped in spring gives none. Intervals that
 * touch and agree on `sitting` are joined (a slot across midnight is one interval); overlapping slots
 * give one interval each for their sitting and not-sitting parts, sitting winning.
 */
export function quietSlotsBetween(slots: readonly QuietTime[], fromWallMs: number, toWallMs: number, calendar: Calendar): QuietInterval[] {
  return walk(slots, fromWallMs, toWallMs, calendar, false);
}

/** `quietSlotsBetween`; with `firstOnly`, it stops at the first minute outside every slot. */
function walk(slots: readonly QuietTime[], fromWallMs: number, toWallMs: number, calendar: Calendar, firstOnly: boolean): QuietInterval[] {
  const found: { fromWallMs: number; toWallMs: number; sitting: boolean }[] = [];
  if (!(toWallMs > fromWallMs) || slots.length === 0) return found;
  let day = calendar.startOfDay(fromWallMs);
  for (let i = 0; i < MAX_DAYS && day < toWallMs; i++) {
    const next = calendar.startOfNextDay(day);
    const today = weekdayOf(calendar.dayKey(day));
    const yesterday = weekdayOf(calendar.dayKey(day - 1));
    // The day's quiet minutes by the wall clock: 0 none, 1 quiet, 2 quiet and sitting.
    const minutes = new Uint8Array(24 * 60);
    for (const slot of slots) {
      const crosses = slot.endMinutes <= slot.startMinutes;
      const kind = slot.sitting ? 2 : 1;
      const mark = (from: number, to: number): void => {
        for (let m = from; m < to; m++) if ((minutes[m] ?? 0) < kind) minutes[m] = kind;
      };
      if (slot.days.includes(today)) mark(slot.startMinutes, crosses ? 24 * 60 : slot.endMinutes);
      if (crosses && slot.days.includes(yesterday)) mark(0, slot.endMinutes);
    }
    // A day of 24 hours has no change of clocks, so its minutes are evenly spaced; other days are walked.
    const even = next - day === 24 * 60 * MS_PER_MINUTE;
    for (let at = day; at < next && at < toWallMs; at += MS_PER_MINUTE) {
      const kind = minutes[even ? (at - day) / MS_PER_MINUTE : calendar.minuteOfDay(at)] ?? 0;
      const last = found[found.length - 1];
      if (kind === 0) {
        if (firstOnly && last) return found;
        continue;
      }
      const from = Math.max(at, fromWallMs);
      const to = Math.min(at + MS_PER_MINUTE, next, toWallMs);
      if (to <= from) continue;
      if (last && last.toWallMs === from && last.sitting === (kind === 2)) last.toWallMs = to;
      else found.push({ fromWallMs: from, toWallMs: to, sitting: kind === 2 });
    }
    day = next;
  }
  return found;
}
