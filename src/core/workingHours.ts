// Reading `upright.workingHours` and `upright.quietTimes`: code the desktop entry loads only when one of
// them holds something other than its default (dist/settingsDetail.js).
import { t } from '../shared/l10n';
import { type QuietTime } from './quietTimes';
import { type Weekday, WEEKDAYS, type WorkingHours } from './reminders/scheduler';
import { DEFAULT_WORKING_HOURS, parseWeekdays } from './settings';
import { describeValue, type SettingProblem } from './settingsProblems';

export { DEFAULT_WORKING_HOURS } from './settings';

const SETTING = 'upright.workingHours';
const DAY_MINUTES = 24 * 60;
/** Entries read of a list, at most: more is a mistake (a pasted calendar), not a week of a person's time. */
export const MAX_SLOTS = 50;

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function clockMinutes(text: string): number | undefined {
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** A time of day in minutes; a time padded with spaces is used, but reported. */
function readClock(raw: unknown, fallback: string, found: (shown: string) => string, problems: SettingProblem[]): number {
  const fallbackMinutes = clockMinutes(fallback) ?? 0;
  if (raw === undefined) return fallbackMinutes;
  if (typeof raw === 'string' && CLOCK.test(raw)) return clockMinutes(raw) ?? fallbackMinutes;
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  const minutes = clockMinutes(trimmed);
  problems.push({
    setting: SETTING,
    found: found(describeValue(raw)),
    used: minutes === undefined ? fallback : trimmed,
    reason: 'notAllowed',
  });
  return minutes ?? fallbackMinutes;
}

/**
 * `upright.workingHours`: one range `{ enabled, start, end, days }` (off unless `enabled` is true), or a
 * list of them (each on unless `enabled` is false). Null when off: reminders at any time.
 */
export function parseWorkingHours(raw: unknown, problems: SettingProblem[]): readonly WorkingHours[] | null {
  if (Array.isArray(raw)) {
    const ranges = readSlots(raw, 'workingHours', problems);
    return ranges.length > 0 ? ranges : null;
  }
  if (typeof raw !== 'object' || raw === null) {
    problems.push({ setting: SETTING, found: describeValue(raw), used: 'off', reason: 'notAllowed' });
    return null;
  }
  const r = raw as Record<string, unknown>;
  if (r.enabled !== undefined && typeof r.enabled !== 'boolean')
    problems.push({ setting: SETTING, found: t('enabled {0}', describeValue(r.enabled)), used: 'false', reason: 'notAllowed' });
  // Checked even while off, so a mistake is reported before the hours are switched on.
  const startMinutes = readClock(r.start, DEFAULT_WORKING_HOURS.start, (shown) => t('start {0}', shown), problems);
  const endMinutes = readClock(r.end, DEFAULT_WORKING_HOURS.end, (shown) => t('end {0}', shown), problems);
  let hours: WorkingHours = {
    startMinutes,
    endMinutes,
    days: parseWeekdays('workingHours.days', r.days, DEFAULT_WORKING_HOURS.days, problems),
  };
  if (startMinutes === endMinutes || hours.days.length === 0) hours = repairWorkingHours(hours, r, problems);
  return r.enabled === true ? [hours] : null;
}

/**
 * Working hours no moment is inside (from a time to itself, or on no day at all) would silence every
 * reminder. From a time to itself is read as the whole day, as a range that goes round the clock; no
 * day as the default days. One warning each, naming the setting and what is used.
 */
export function repairWorkingHours(hours: WorkingHours, raw: Readonly<Record<string, unknown>>, problems: SettingProblem[]): WorkingHours {
  let { startMinutes, endMinutes, days } = hours;
  if (days.length === 0) {
    days = DEFAULT_WORKING_HOURS.days;
    const used = describeValue(days);
    // A list with something in it gave its warning as it was read, the last one so far: it gets the days used.
    const reported = Array.isArray(raw.days) && raw.days.length > 0 ? problems.pop() : undefined;
    problems.push(
      reported ? { ...reported, used } : { setting: SETTING, found: t('days {0}', describeValue(raw.days)), used, reason: 'neverMatches' },
    );
  }
  if (startMinutes === endMinutes) {
    const shown = (value: unknown, fallback: string): string => describeValue(value ?? fallback);
    problems.push({
      setting: SETTING,
      found: `${t('start {0}', shown(raw.start, DEFAULT_WORKING_HOURS.start))}, ${t('end {0}', shown(raw.end, DEFAULT_WORKING_HOURS.end))}`,
      used: '00:00–24:00',
      reason: 'neverMatches',
    });
    startMinutes = 0;
    endMinutes = DAY_MINUTES;
  }
  return { startMinutes, endMinutes, days };
}

/**
 * `upright.quietTimes`: `[{ start, end, days?, sitting? }]`. A slot without `days` is quiet every day.
 * A slot that cannot be read (no time, from a time to itself, on no day) is left out; overlapping
 * slots are joined, the sitting part of them staying sitting.
 */
export function parseQuietTimes(raw: unknown, problems: SettingProblem[]): readonly QuietTime[] {
  if (Array.isArray(raw)) return readSlots(raw, 'quietTimes', problems);
  problems.push({ setting: 'upright.quietTimes', found: describeValue(raw), used: '[]', reason: 'notAllowed' });
  return [];
}

type Slot = WorkingHours & { readonly sitting: boolean };

function readSlots(raw: readonly unknown[], list: 'workingHours', problems: SettingProblem[]): WorkingHours[];
function readSlots(raw: readonly unknown[], list: 'quietTimes', problems: SettingProblem[]): QuietTime[];
/**
 * A list of slots, read whole: what cannot be used is left out or mended, and the list gets one
 * warning, naming its first problem, how many more there are, and the slots used.
 */
function readSlots(raw: readonly unknown[], list: 'workingHours' | 'quietTimes', problems: SettingProblem[]): Slot[] | WorkingHours[] {
  const quiet = list === 'quietTimes';
  const notes: string[] = [];
  if (raw.length > MAX_SLOTS) notes.push(t('{0} entries, more than {1}', raw.length, MAX_SLOTS));
  const slots: Slot[] = [];
  const owners: number[] = [];
  raw.slice(0, MAX_SLOTS).forEach((entry, index) => {
    const n = index + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      notes.push(t('entry {0}: {1}', n, describeValue(entry)));
      return;
    }
    const r = entry as Record<string, unknown>;
    const flag = (key: string): boolean | undefined => {
      if (r[key] === undefined || typeof r[key] === 'boolean') return r[key];
      notes.push(t('entry {0}: {1} {2}', n, key, describeValue(r[key])));
      return undefined;
    };
    const enabled = quiet ? true : flag('enabled') !== false;
    const sitting = quiet ? flag('sitting') === true : false;
    const time = (key: 'start' | 'end', fallback: string): number | undefined => {
      const value = r[key];
      if (value === undefined && !quiet) return clockMinutes(fallback);
      const minutes = typeof value === 'string' ? clockMinutes(value.trim()) : undefined;
      if (minutes === undefined || value !== (value as string).trim()) notes.push(t('entry {0}: {1} {2}', n, key, describeValue(value)));
      return minutes;
    };
    let startMinutes = time('start', DEFAULT_WORKING_HOURS.start);
    let endMinutes = time('end', DEFAULT_WORKING_HOURS.end);
    const fallbackDays: readonly Weekday[] = quiet ? WEEKDAYS : DEFAULT_WORKING_HOURS.days;
    const daysFound: SettingProblem[] = [];
    let days = parseWeekdays(list, r.days, fallbackDays, daysFound);
    if (daysFound.length > 0) notes.push(t('entry {0}: days {1}', n, describeValue(r.days)));
    if (days.length === 0) {
      if (daysFound.length === 0) notes.push(t('entry {0}: days {1}', n, '[]'));
      if (quiet) return;
      days = fallbackDays;
    }
    if (startMinutes === undefined || endMinutes === undefined) return;
    if (startMinutes === endMinutes) {
      notes.push(t('entry {0}: from {1} to the same time', n, describeValue(r.start ?? DEFAULT_WORKING_HOURS.start)));
      // Working hours from a time to itself go round the clock, as the single range does; a quiet time would silence the day.
      if (quiet) return;
      startMinutes = 0;
      endMinutes = DAY_MINUTES;
    }
    if (!enabled) return;
    slots.push({ startMinutes, endMinutes, days, sitting });
    owners.push(n);
  });
  const week = weekOf(slots);
  if (week.overlap) notes.push(t('entries {0} and {1} overlap', owners[week.overlap[0]] ?? 0, owners[week.overlap[1]] ?? 0));
  const used = week.overlap && quiet ? week.joined : slots;
  if (notes.length > 0)
    problems.push({
      setting: `upright.${list}`,
      found: notes.length > 1 ? t('{0} (and {1} more)', notes[0] ?? '', notes.length - 1) : (notes[0] ?? ''),
      used: used.length === 0 && !quiet ? 'off' : describeSlots(used),
      reason: 'mended',
    });
  return quiet ? used : used.map(({ startMinutes, endMinutes, days }) => ({ startMinutes, endMinutes, days }));
}

const WEEK_MINUTES = 7 * DAY_MINUTES;

/**
 * The slots laid on the minutes of a week: the first two that overlap, and the slots as disjoint
 * pieces, one a day (what a list with overlaps is read as). Sitting wins where slots overlap.
 */
function weekOf(slots: readonly Slot[]): { overlap: readonly [number, number] | undefined; joined: Slot[] } {
  const owner = new Int16Array(WEEK_MINUTES).fill(-1);
  const kind = new Uint8Array(WEEK_MINUTES);
  let overlap: [number, number] | undefined;
  slots.forEach((slot, index) => {
    const length = (slot.endMinutes - slot.startMinutes + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
    for (const day of slot.days) {
      const from = WEEKDAYS.indexOf(day) * DAY_MINUTES + slot.startMinutes;
      for (let m = from; m < from + length; m++) {
        const at = m % WEEK_MINUTES;
        const before = owner[at] ?? -1;
        if (before >= 0 && before !== index) overlap ??= [before, index];
        owner[at] = index;
        kind[at] = Math.max(kind[at] ?? 0, slot.sitting ? 2 : 1);
      }
    }
  });
  const joined: Slot[] = [];
  if (!overlap) return { overlap, joined };
  for (let day = 0; day < 7; day++) {
    let start = -1;
    for (let m = 0; m <= DAY_MINUTES; m++) {
      const k = m < DAY_MINUTES ? (kind[day * DAY_MINUTES + m] ?? 0) : 0;
      const startKind = start >= 0 ? (kind[day * DAY_MINUTES + start] ?? 0) : 0;
      if (start >= 0 && k !== startKind) {
        joined.push({ startMinutes: start, endMinutes: m, days: [WEEKDAYS[day] ?? 'sun'], sitting: startKind === 2 });
        start = -1;
      }
      if (start < 0 && k > 0) start = m;
    }
  }
  return { overlap, joined };
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The slots used, briefly, on one line (a slot on every day without its days). */
function describeSlots(slots: readonly Slot[]): string {
  if (slots.length === 0) return '[]';
  const text = slots
    .map(
      (s) =>
        `${hhmm(s.startMinutes)}–${hhmm(s.endMinutes)}${s.days.length === 7 ? '' : ` ${s.days.join(',')}`}${s.sitting ? ' sitting' : ''}`,
    )
    .join('; ');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
