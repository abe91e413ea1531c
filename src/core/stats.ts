import { CHART_DAYS, type ExerciseTally, type StatsPageData } from '../shared/statsPage';
import { type DayRecord, emptyDay } from './days';
import { allDays, exerciseTotals, type History, lastDays, streakOf } from './history';
import { type Ledger } from './ledger';

/** How many exercises the most and least done lists show. */
const TALLY_LENGTH = 5;

/** What the Stats page shows (all but the locale), from history and the shared ledger as of `todayKey`. */
export function statsOf(
  history: History,
  ledger: Ledger,
  todayKey: string,
  nameOf: (exerciseId: string) => string,
): Omit<StatsPageData, 'locale'> {
  const days = allDays(history, ledger).filter((d) => d.day <= todayKey);
  const tallies: ExerciseTally[] = Object.entries(exerciseTotals(history, ledger))
    .map(([id, t]) => ({ id, name: nameOf(id), count: t.count, ms: t.ms }))
    .sort((a, b) => b.count - a.count || b.ms - a.ms || a.name.localeCompare(b.name));
  const mostDone = tallies.slice(0, TALLY_LENGTH);
  const leastDone = tallies.slice(TALLY_LENGTH).reverse().slice(0, TALLY_LENGTH);
  const sum = (pick: (d: DayRecord) => number): number => days.reduce((total, d) => total + pick(d), 0);
  return {
    today: days.find((d) => d.day === todayKey) ?? emptyDay(todayKey),
    days: lastDays(days, todayKey, CHART_DAYS),
    streak: streakOf(days, todayKey),
    mostDone,
    leastDone,
    totals: {
      days: days.length,
      activeMs: sum((d) => d.activeMs),
      breaks: sum((d) => d.started + d.manual + d.natural + d.moved),
      routines: sum((d) => d.routines),
      exercises: sum((d) => d.exercises),
      exerciseMs: sum((d) => d.exerciseMs),
      sitting: sum((d) => d.sitting),
      sittingMs: sum((d) => d.sittingMs),
    },
    since: days[0]?.day ?? null,
  };
}
