import { DAY_KEY_PATTERN, isCount, isMs, isObject, isString } from './guards';

/**
 * The contract between the host and the Stats page: the numbers the page draws, and the messages each
 * side sends. The host does the arithmetic (history + today's ledger); the page only lays it out, in
 * the locale it is given.
 */

export const STATS_VIEW_TYPE = 'upright.stats';

/** How many days the chart shows, ending today. */
export const CHART_DAYS = 14;

/** One local day's totals (history keeps these, and the ledger keeps today's). */
export interface StatsDay {
  /** `YYYY-MM-DD`, local. */
  readonly day: string;
  readonly activeMs: number;
  /** Break reminders that went out (one per due break, however often it was snoozed). */
  readonly reminders: number;
  /** Breaks taken, by kind: a routine started from a reminder, one taken by hand, or away long enough. */
  readonly started: number;
  readonly manual: number;
  readonly natural: number;
  /** Away long enough, and the person said they moved when asked (not in `natural`). */
  readonly moved: number;
  readonly skipped: number;
  readonly snoozed: number;
  readonly routines: number;
  readonly exercises: number;
  readonly exerciseMs: number;
  /** Times away that were spent sitting (a meeting, a call): desk time, not breaks. */
  readonly sitting: number;
  /** Their length: the day's desk time is `activeMs + sittingMs`. */
  readonly sittingMs: number;
  /** Moves done while a task or command ran: exercise (in `exercises`, `exerciseMs`), not breaks. */
  readonly moves: number;
  /** Eye breaks: a spell of looking far away, counted down in the status bar. Not breaks either. */
  readonly eyeBreaks: number;
}

/** How often one exercise has been completed, all time. */
export interface ExerciseTally {
  readonly id: string;
  readonly name: string;
  readonly count: number;
  readonly ms: number;
}

export interface StatsPageData {
  /** BCP 47 tag of VS Code's display language, for dates and numbers. */
  readonly locale: string;
  readonly today: StatsDay;
  /** The last `CHART_DAYS` local days, oldest first, the last one today; days with nothing are zeros. */
  readonly days: readonly StatsDay[];
  /**
   * Days in a row with a routine done. A day you coded without one ends it; days you did not code
   * leave it alone; today counts once a routine is done, and does not end it before.
   */
  readonly streak: { readonly current: number; readonly best: number };
  /** Up to five, most completions first. */
  readonly mostDone: readonly ExerciseTally[];
  /** Up to five of those done at least once, fewest first, none of them in `mostDone`. */
  readonly leastDone: readonly ExerciseTally[];
  /** All recorded days, today included. */
  readonly totals: {
    readonly days: number;
    readonly activeMs: number;
    /** Every kind of break taken: started, manual, natural and moved. */
    readonly breaks: number;
    readonly routines: number;
    readonly exercises: number;
    readonly exerciseMs: number;
    /** Times away spent sitting, and their length: desk time is `activeMs + sittingMs`. */
    readonly sitting: number;
    readonly sittingMs: number;
  };
  /** The first recorded day (`YYYY-MM-DD`), or null when there is no history yet. */
  readonly since: string | null;
}

export type ToStatsPage = { readonly type: 'update'; readonly data: StatsPageData };

export type FromStatsPage =
  | { readonly type: 'ready' }
  | { readonly type: 'export' }
  | { readonly type: 'clear' }
  | { readonly type: 'startExercise'; readonly exerciseId: string };

/** Accepts exactly the messages the page may send; anything else is undefined (ignored and logged). */
export function parseFromStatsPage(raw: unknown): FromStatsPage | undefined {
  if (!isObject(raw)) return undefined;
  const keys = Object.keys(raw);
  const { type, exerciseId } = raw;
  if (type === 'startExercise' && keys.length === 2 && typeof exerciseId === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(exerciseId))
    return { type, exerciseId };
  if (keys.length !== 1) return undefined;
  if (type === 'ready' || type === 'export' || type === 'clear') return { type };
  return undefined;
}

/** The counters of a day, in a fixed order (history stores them in it). */
export const DAY_COUNT_FIELDS = [
  'reminders',
  'started',
  'manual',
  'natural',
  'skipped',
  'snoozed',
  'routines',
  'exercises',
  'moved',
  'sitting',
  'moves',
  'eyeBreaks',
] as const;

function isDay(v: unknown): v is StatsDay {
  return (
    isObject(v) &&
    isString(v.day) &&
    DAY_KEY_PATTERN.test(v.day) &&
    isMs(v.activeMs) &&
    isMs(v.exerciseMs) &&
    isMs(v.sittingMs) &&
    DAY_COUNT_FIELDS.every((k) => isCount(v[k]))
  );
}

function isTally(v: unknown): v is ExerciseTally {
  return isObject(v) && isString(v.id) && isString(v.name) && isCount(v.count) && isMs(v.ms);
}

/** The page's check of what the host sends (and of its start-up data). */
export function parseStatsPageData(v: unknown): StatsPageData | undefined {
  if (!isObject(v) || !isString(v.locale) || !isDay(v.today)) return undefined;
  if (!Array.isArray(v.days) || v.days.length !== CHART_DAYS || !v.days.every(isDay)) return undefined;
  const streak = v.streak;
  if (!isObject(streak) || !isCount(streak.current) || !isCount(streak.best)) return undefined;
  if (!Array.isArray(v.mostDone) || !v.mostDone.every(isTally) || !Array.isArray(v.leastDone) || !v.leastDone.every(isTally))
    return undefined;
  const totals = v.totals;
  if (
    !isObject(totals) ||
    !['days', 'breaks', 'routines', 'exercises', 'sitting'].every((k) => isCount(totals[k])) ||
    !['activeMs', 'exerciseMs', 'sittingMs'].every((k) => isMs(totals[k]))
  )
    return undefined;
  if (v.since !== null && !(isString(v.since) && DAY_KEY_PATTERN.test(v.since))) return undefined;
  return v as unknown as StatsPageData;
}

export function parseToStatsPage(raw: unknown): ToStatsPage | undefined {
  if (!isObject(raw) || raw.type !== 'update') return undefined;
  const data = parseStatsPageData(raw.data);
  return data ? { type: 'update', data } : undefined;
}
