import { type DayRecord } from './days';
import { allDays, exerciseTotals, type History } from './history';
import { type Ledger } from './ledger';

export type ExportFormat = 'json' | 'csv';

/** The exported JSON's version; docs/history-export.md documents every field. */
export const EXPORT_VERSION = 2;

export interface ExportedDay {
  readonly date: string;
  readonly activeMs: number;
  readonly reminders: number;
  readonly breaks: { readonly started: number; readonly manual: number; readonly natural: number; readonly moved: number };
  readonly skipped: number;
  readonly snoozed: number;
  readonly routines: number;
  readonly exercises: number;
  readonly exerciseMs: number;
  /** Times away spent sitting (a meeting, a call), and their length (added in version 2). */
  readonly sitting: number;
  readonly sittingMs: number;
  /** Coding and sitting: `activeMs + sittingMs` (added in version 2). */
  readonly deskMs: number;
  /** Moves done while a task or command ran: exercise, not breaks (added in version 2). */
  readonly moves: number;
  /** Eye breaks: looking far away for the seconds the status bar counted down (added in version 2). */
  readonly eyeBreaks: number;
}

export interface HistoryExport {
  readonly format: 'upright-history';
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  readonly days: readonly ExportedDay[];
  readonly exercises: readonly {
    readonly id: string;
    readonly name: string;
    readonly count: number;
    readonly ms: number;
    readonly lastDay: string;
  }[];
  readonly routines: readonly { readonly id: string; readonly completions: number; readonly lastDone: string }[];
}

function exportedDay(d: DayRecord): ExportedDay {
  return {
    date: d.day,
    activeMs: d.activeMs,
    reminders: d.reminders,
    breaks: { started: d.started, manual: d.manual, natural: d.natural, moved: d.moved },
    skipped: d.skipped,
    snoozed: d.snoozed,
    routines: d.routines,
    exercises: d.exercises,
    exerciseMs: d.exerciseMs,
    sitting: d.sitting,
    sittingMs: d.sittingMs,
    deskMs: d.activeMs + d.sittingMs,
    moves: d.moves,
    eyeBreaks: d.eyeBreaks,
  };
}

/** Everything Upright keeps about what was done, today included. */
export function historyExport(history: History, ledger: Ledger, nowWallMs: number, nameOf: (exerciseId: string) => string): HistoryExport {
  return {
    format: 'upright-history',
    version: EXPORT_VERSION,
    exportedAt: new Date(nowWallMs).toISOString(),
    days: allDays(history, ledger).map(exportedDay),
    exercises: Object.entries(exerciseTotals(history, ledger))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, t]) => ({ id, name: nameOf(id), count: t.count, ms: t.ms, lastDay: t.lastDay })),
    routines: Object.entries(ledger.routines)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, r]) => ({ id, completions: r.completions, lastDone: new Date(r.lastDoneWallMs).toISOString() })),
  };
}

export const CSV_HEADER = [
  'date',
  'active_minutes',
  'reminders',
  'breaks_started',
  'breaks_manual',
  'breaks_natural',
  'skipped',
  'snoozed',
  'routines',
  'exercises',
  'exercise_minutes',
  // Added with version 2 of the JSON: new columns go last, so a reader of the old ones still finds them.
  'breaks_moved',
  'sitting',
  'sitting_minutes',
  'desk_minutes',
  'moves_while_waiting',
  'eye_breaks',
] as const;

/** Minutes with one decimal, the way a spreadsheet reads them. */
function minutes(ms: number): string {
  return (Math.round(ms / 6_000) / 10).toFixed(1);
}

/** One row a day, numbers only (no text a spreadsheet could take for a formula). */
export function historyCsv(history: History, ledger: Ledger): string {
  const rows = allDays(history, ledger).map((d) =>
    [
      d.day,
      minutes(d.activeMs),
      d.reminders,
      d.started,
      d.manual,
      d.natural,
      d.skipped,
      d.snoozed,
      d.routines,
      d.exercises,
      minutes(d.exerciseMs),
      d.moved,
      d.sitting,
      minutes(d.sittingMs),
      minutes(d.activeMs + d.sittingMs),
      d.moves,
      d.eyeBreaks,
    ].join(','),
  );
  return `${[CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
