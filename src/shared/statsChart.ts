import { singular, t } from './l10n';
import { type StatsDay, type StatsPageData } from './statsPage';

/**
 * The Stats page's 14-day chart, its summary sentence and its data table, laid out from the page data
 * alone: no DOM and no clock, so the same numbers give the same picture in a test and in the panel.
 * Shapes carry classes only; the page's stylesheet colours them from the theme.
 */

/** One SVG element: the page turns it into DOM with createElementNS, setAttribute and textContent. */
export interface ChartNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children?: readonly ChartNode[];
  readonly text?: string;
}

/** Locale-aware text for numbers, durations and days. */
export interface StatsFormat {
  readonly locale: string;
  count(n: number): string;
  /** "3 hr 20 min", "45 min", "< 1 min": whole minutes, rounded down. */
  duration(ms: number): string;
  /** A gridline label, as short as it can be: "2h", "45m". */
  axisDuration(ms: number): string;
  /** The narrow weekday of a `YYYY-MM-DD` local day: "M". */
  weekdayNarrow(day: string): string;
  /** Its day of the month: "3". */
  dayOfMonth(day: string): string;
  /** "Mon, Mar 3". */
  dayShort(day: string): string;
  /** With the year: "Mar 3, 2025". */
  date(day: string): string;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;

/** The ways a break is taken, bottom of the stack first. */
export const BREAK_KINDS = [
  {
    key: 'started',
    get label() {
      return t('Started from a reminder');
    },
    get short() {
      return t('Started');
    },
    /** Within a sentence. */
    get inline() {
      return t('started');
    },
  },
  {
    key: 'manual',
    get label() {
      return t('Taken by hand');
    },
    get short() {
      return t('By hand');
    },
    get inline() {
      return t('by hand');
    },
  },
  {
    key: 'natural',
    get label() {
      return t('Natural (time away)');
    },
    get short() {
      return t('Natural');
    },
    get inline() {
      return t('natural');
    },
  },
  {
    key: 'moved',
    get label() {
      return t('Moved (time away, said when asked)');
    },
    get short() {
      return t('Moved');
    },
    get inline() {
      return t('moved');
    },
  },
] as const;

export type BreakKind = (typeof BREAK_KINDS)[number]['key'];

/** A locale Intl can use, or 'en' when it rejects or does not know the tag. */
export function supportedLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0 ? canonical : 'en';
  } catch {
    return 'en';
  }
}

/** A `YYYY-MM-DD` day as local midnight, so a day never shifts with the time zone. */
export function localDate(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function statsFormat(locale: string): StatsFormat {
  const tag = supportedLocale(locale);
  const unit = (name: 'hour' | 'minute', unitDisplay: 'short' | 'narrow'): Intl.NumberFormat =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay });
  const number = new Intl.NumberFormat(tag);
  const hours = unit('hour', 'short');
  const minutes = unit('minute', 'short');
  const hoursNarrow = unit('hour', 'narrow');
  const minutesNarrow = unit('minute', 'narrow');
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'narrow' });
  const monthDay = new Intl.DateTimeFormat(tag, { day: 'numeric' });
  const short = new Intl.DateTimeFormat(tag, { weekday: 'short', month: 'short', day: 'numeric' });
  const medium = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  return {
    locale: tag,
    count: (n) => number.format(n),
    duration(ms) {
      if (ms > 0 && ms < MS_PER_MINUTE) return t('< {0}', minutes.format(1));
      const total = Math.floor(ms / MS_PER_MINUTE);
      const h = Math.floor(total / 60);
      const m = total % 60;
      if (h === 0) return minutes.format(m);
      return m === 0 ? hours.format(h) : `${hours.format(h)} ${minutes.format(m)}`;
    },
    axisDuration: (ms) =>
      ms % MS_PER_HOUR === 0 ? hoursNarrow.format(ms / MS_PER_HOUR) : minutesNarrow.format(Math.round(ms / MS_PER_MINUTE)),
    weekdayNarrow: (day) => weekday.format(localDate(day)),
    dayOfMonth: (day) => monthDay.format(localDate(day)),
    dayShort: (day) => short.format(localDate(day)),
    date: (day) => medium.format(localDate(day)),
  };
}

/** The counting words, one and many; `{0}` is the number in the locale's digits. */
const COUNTED = {
  day: (n: number, c: string) => t(singular(n) ? '{0} day' : '{0} days', c),
  break: (n: number, c: string) => t(singular(n) ? '{0} break' : '{0} breaks', c),
  reminder: (n: number, c: string) => t(singular(n) ? '{0} reminder' : '{0} reminders', c),
  time: (n: number, c: string) => t(singular(n) ? '{0} time' : '{0} times', c),
  routine: (n: number, c: string) => t(singular(n) ? '{0} routine' : '{0} routines', c),
};

/** "1 break", "3 breaks", in the page's language with the locale's digits. */
export function counted(format: StatsFormat, n: number, what: keyof typeof COUNTED): string {
  return COUNTED[what](n, format.count(n));
}

/** Every break of the day, whatever its kind. */
export function breaksTaken(day: StatsDay): number {
  return BREAK_KINDS.reduce((sum, kind) => sum + day[kind.key], 0);
}

/** Time at the desk: coding, and time away that was spent sitting (a meeting, a call). */
export function deskMs(day: { readonly activeMs: number; readonly sittingMs: number }): number {
  return day.activeMs + day.sittingMs;
}

/** "4 started, 1 by hand, 2 natural, 0 moved": the breaks of a day or a span, by kind. */
export function breaksByKind(format: StatsFormat, count: (kind: BreakKind) => number): string {
  return BREAK_KINDS.map((k) => `${format.count(count(k.key))} ${k.inline}`).join(', ');
}

export function isEmptyDay(day: StatsDay): boolean {
  return (
    day.activeMs === 0 &&
    day.reminders === 0 &&
    breaksTaken(day) === 0 &&
    day.skipped === 0 &&
    day.snoozed === 0 &&
    day.routines === 0 &&
    day.exercises === 0 &&
    day.sitting === 0 &&
    day.sittingMs === 0
  );
}

/** Nothing recorded yet, not even today: the page shows a welcome instead of empty charts. */
export function hasHistory(data: StatsPageData): boolean {
  return data.since !== null || !isEmptyDay(data.today);
}

export interface Scale {
  readonly step: number;
  /** The top gridline: a whole number of steps, at least one. */
  readonly top: number;
}

/**
 * Gridlines for coding time: 15 min steps up to an hour, then 1 h, 2 h, 4 h… so there are at most four
 * lines and each label is a round number. With nothing recorded the axis still runs to 1 h.
 */
export function activeScale(maxMs: number): Scale {
  if (!(maxMs > 0)) return { step: MS_PER_HOUR, top: MS_PER_HOUR };
  let step = 15 * MS_PER_MINUTE;
  if (maxMs > 4 * step) step = MS_PER_HOUR;
  while (maxMs > 4 * step) step *= 2;
  return { step, top: Math.ceil(maxMs / step) * step };
}

/** Gridlines for counts: steps of 1, 2, 5, 10, 20, 50… at most three lines. */
export function countScale(max: number): Scale {
  if (!(max > 0)) return { step: 1, top: 1 };
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [magnitude, 2 * magnitude, 5 * magnitude]) {
      if (max <= 3 * step) return { step, top: Math.ceil(max / step) * step };
    }
  }
}

/**
 * The chart's drawing box. The page lays it out at the width it has, in CSS pixels, so labels keep the
 * page's text size at any panel width; `width` is the narrowest it is drawn.
 */
export const CHART = {
  width: 280,
  height: 282,
  gutter: 28,
  right: 2,
  activeTop: 8,
  activeHeight: 140,
  breaksTop: 168,
  breaksHeight: 82,
  weekdayY: 264,
  dateY: 277,
  /** A day with some coding is never drawn thinner than this. */
  minBarHeight: 1.5,
} as const;

const round = (n: number): string => String(Math.round(n * 100) / 100);

function node(tag: string, attrs: Record<string, string | number>, children?: ChartNode[], text?: string): ChartNode {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = typeof v === 'number' ? round(v) : v;
  return { tag, attrs: out, ...(children ? { children } : {}), ...(text !== undefined ? { text } : {}) };
}

function rect(className: string, x: number, y: number, width: number, height: number): ChartNode {
  return node('rect', { class: className, x, y, width, height });
}

function gridlines(scale: Scale, top: number, height: number, width: number, label: (value: number) => string): ChartNode {
  const lines: ChartNode[] = [];
  const base = top + height;
  for (let value = 0; value <= scale.top; value += scale.step) {
    const y = base - (value / scale.top) * height;
    lines.push(
      node('line', {
        class: value === 0 ? 'upr-chart-grid upr-chart-axis' : 'upr-chart-grid',
        x1: CHART.gutter,
        y1: y,
        x2: width - CHART.right,
        y2: y,
      }),
    );
    lines.push(
      node(
        'text',
        { class: 'upr-chart-label upr-chart-tick', x: CHART.gutter - 3, y: y + 3.5, 'text-anchor': 'end' },
        undefined,
        label(value),
      ),
    );
  }
  return node('g', { class: 'upr-chart-scale' }, lines);
}

/**
 * Fills for high-contrast themes, where the kinds of break, and sitting against coding, differ by
 * pattern as well as colour.
 */
function patterns(): ChartNode {
  const lines = (id: string, angle: number): ChartNode =>
    node('pattern', { id, width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${angle})` }, [
      node('line', { class: 'upr-chart-pattern', x1: 0, y1: 0, x2: 0, y2: 4 }),
    ]);
  return node('defs', {}, [
    lines('upr-chart-hatch', 45),
    node('pattern', { id: 'upr-chart-dots', width: 4, height: 4, patternUnits: 'userSpaceOnUse' }, [
      node('circle', { class: 'upr-chart-pattern', cx: 2, cy: 2, r: 1 }),
    ]),
    lines('upr-chart-rows', 90),
    lines('upr-chart-hatch-back', -45),
  ]);
}

/** A tooltip line for one column, shown when the pointer rests on it. */
function dayTitle(day: StatsDay, format: StatsFormat): string {
  const breaks = counted(format, breaksTaken(day), 'break');
  const reminders = counted(format, day.reminders, 'reminder');
  if (day.sittingMs === 0)
    return t('{0}: {1} coding, {2}, {3}', format.dayShort(day.day), format.duration(day.activeMs), breaks, reminders);
  return t(
    '{0}: {1} coding, {2} at the desk ({3} sitting away), {4}, {5}',
    format.dayShort(day.day),
    format.duration(day.activeMs),
    format.duration(deskMs(day)),
    format.duration(day.sittingMs),
    breaks,
    reminders,
  );
}

/**
 * The 14-day chart: coding time per day as bars on round-hour gridlines, time away spent sitting as a
 * lighter part on top (the whole bar is desk time), and under it, for each day, the breaks taken stacked
 * by kind beside an outlined bar for the reminders that went out.
 */
export function layoutChart(data: StatsPageData, format: StatsFormat, drawWidth: number = CHART.width): ChartNode {
  const width = Math.max(CHART.width, Math.round(drawWidth));
  const days = data.days;
  const active = activeScale(Math.max(0, ...days.map(deskMs)));
  const counts = countScale(Math.max(0, ...days.map((d) => Math.max(breaksTaken(d), d.reminders))));
  const plotWidth = width - CHART.gutter - CHART.right;
  const column = plotWidth / Math.max(1, days.length);
  const activeBase = CHART.activeTop + CHART.activeHeight;
  const breaksBase = CHART.breaksTop + CHART.breaksHeight;
  // Bars keep a readable width, never a slab: a wide panel gets more air between the days.
  const barWidth = Math.min(column * 0.6, 28);
  const pairWidth = Math.min(column * 0.34, 14);
  const pairGap = Math.min(column * 0.06, 3);

  const columns = days.map((day, i): ChartNode => {
    const isToday = day.day === data.today.day;
    const left = CHART.gutter + i * column;
    const center = left + column / 2;
    const bandTop = CHART.activeTop - 6;
    // The whole column answers the pointer with its tooltip, not only the bars in it.
    const parts: ChartNode[] = [
      node('title', {}, undefined, dayTitle(day, format)),
      rect(isToday ? 'upr-chart-hit upr-chart-today-band' : 'upr-chart-hit', left, bandTop, column, CHART.height - bandTop),
    ];
    let barTop = activeBase;
    if (day.activeMs > 0) {
      const height = Math.max(CHART.minBarHeight, (day.activeMs / active.top) * CHART.activeHeight);
      barTop -= height;
      parts.push(rect('upr-chart-bar upr-chart-active', center - barWidth / 2, barTop, barWidth, height));
    }
    if (day.sittingMs > 0) {
      // On top of the coding bar, up to the day's desk time (never past the top gridline).
      const top = Math.max(CHART.activeTop, activeBase - (deskMs(day) / active.top) * CHART.activeHeight);
      const height = Math.max(CHART.minBarHeight, barTop - top);
      parts.push(rect('upr-chart-bar upr-chart-sitting', center - barWidth / 2, barTop - height, barWidth, height));
    }
    const stackX = center - pairGap / 2 - pairWidth;
    let y = breaksBase;
    for (const kind of BREAK_KINDS) {
      const value = day[kind.key];
      if (value === 0) continue;
      const height = (value / counts.top) * CHART.breaksHeight;
      y -= height;
      parts.push(rect(`upr-chart-bar upr-chart-${kind.key}`, stackX, y, pairWidth, height));
    }
    if (day.reminders > 0) {
      const height = (day.reminders / counts.top) * CHART.breaksHeight;
      parts.push(rect('upr-chart-bar upr-chart-reminders', center + pairGap / 2, breaksBase - height, pairWidth, height));
    }
    const today = isToday ? ' upr-chart-today' : '';
    parts.push(
      node('text', { class: `upr-chart-label upr-chart-day-label${today}`, 'text-anchor': 'middle' }, [
        node('tspan', { x: center, y: CHART.weekdayY }, undefined, format.weekdayNarrow(day.day)),
        node('tspan', { x: center, y: CHART.dateY }, undefined, format.dayOfMonth(day.day)),
      ]),
    );
    return node('g', { class: `upr-chart-day${today}`, 'data-day': day.day }, parts);
  });

  return node(
    'svg',
    { class: 'upr-chart', viewBox: `0 0 ${width} ${CHART.height}`, width, height: CHART.height, 'aria-hidden': 'true', focusable: 'false' },
    [
      patterns(),
      gridlines(active, CHART.activeTop, CHART.activeHeight, width, (ms) => (ms === 0 ? format.count(0) : format.axisDuration(ms))),
      gridlines(counts, CHART.breaksTop, CHART.breaksHeight, width, (n) => format.count(n)),
      node('g', { class: 'upr-chart-days' }, columns),
    ],
  );
}

/** The chart in one or two sentences: the figure's caption, and what a screen reader hears first. */
export function chartSummary(data: StatsPageData, format: StatsFormat): string {
  const days = data.days;
  const span = counted(format, days.length, 'day');
  if (days.every(isEmptyDay)) return t('Nothing recorded in the last {0}.', span);
  const activeMs = days.reduce((sum, d) => sum + d.activeMs, 0);
  const codingDays = days.filter((d) => d.activeMs > 0).length;
  const sum = (key: BreakKind | 'reminders' | 'skipped' | 'snoozed' | 'sitting' | 'sittingMs'): number =>
    days.reduce((total, d) => total + d[key], 0);
  const taken = BREAK_KINDS.reduce((total, k) => total + sum(k.key), 0);
  const byKind = breaksByKind(format, sum);
  let text = t(
    'In the last {0} you coded for {1} on {2} and took {3} ({4}) for {5}.',
    span,
    format.duration(activeMs),
    counted(format, codingDays, 'day'),
    counted(format, taken, 'break'),
    byKind,
    counted(format, sum('reminders'), 'reminder'),
  );
  const skipped = sum('skipped');
  const snoozed = sum('snoozed');
  if (skipped > 0 || snoozed > 0) text += ` ${t('You skipped {0} and snoozed {1}.', format.count(skipped), format.count(snoozed))}`;
  const sittingMs = sum('sittingMs');
  if (sum('sitting') > 0 || sittingMs > 0)
    text += ` ${t(
      'You sat away from the editor {0} for {1}: your desk time was {2}.',
      counted(format, sum('sitting'), 'time'),
      format.duration(sittingMs),
      format.duration(activeMs + sittingMs),
    )}`;
  const longest = days.reduce((best, d) => (d.activeMs > best.activeMs ? d : best));
  if (codingDays > 1) text += ` ${t('Your longest day was {0}, {1}.', format.dayShort(longest.day), format.duration(longest.activeMs))}`;
  return text;
}

export interface StatsTable {
  readonly caption: string;
  readonly headers: readonly string[];
  /** In the chart's order, oldest first; `label` is the row's header cell. */
  readonly rows: readonly { readonly day: string; readonly label: string; readonly today: boolean; readonly cells: readonly string[] }[];
}

/** The chart's numbers as a table, one row a day: always in the page for screen readers. */
export function chartTable(data: StatsPageData, format: StatsFormat): StatsTable {
  return {
    caption: t('Coding time, desk time and breaks, last {0}', counted(format, data.days.length, 'day')),
    headers: [
      t('Day'),
      t('Coding time'),
      t('Desk time'),
      t('Sitting away'),
      t('Sitting time'),
      t('Reminders'),
      ...BREAK_KINDS.map((k) => k.short),
      t('Skipped'),
      t('Snoozed'),
      t('Exercises'),
    ],
    rows: data.days.map((d) => {
      const today = d.day === data.today.day;
      return {
        day: d.day,
        label: today ? t('{0} (today)', format.dayShort(d.day)) : format.dayShort(d.day),
        today,
        cells: [
          format.duration(d.activeMs),
          format.duration(deskMs(d)),
          format.count(d.sitting),
          format.duration(d.sittingMs),
          format.count(d.reminders),
          ...BREAK_KINDS.map((k) => format.count(d[k.key])),
          format.count(d.skipped),
          format.count(d.snoozed),
          format.count(d.exercises),
        ],
      };
    }),
  };
}
