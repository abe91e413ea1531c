import * as assert from 'node:assert/strict';

import {
  activeScale,
  BREAK_KINDS,
  breaksByKind,
  breaksTaken,
  CHART,
  type ChartNode,
  chartSummary,
  chartTable,
  countScale,
  deskMs,
  hasHistory,
  layoutChart,
  localDate,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  type StatsFormat,
  statsFormat,
  supportedLocale,
} from '../../src/shared/statsChart';
import {
  CHART_DAYS,
  parseFromStatsPage,
  parseStatsPageData,
  parseToStatsPage,
  type StatsDay,
  type StatsPageData,
} from '../../src/shared/statsPage';

const MIN = MS_PER_MINUTE;
const HOUR = MS_PER_HOUR;

function zeroDay(day: string): StatsDay {
  return {
    day,
    activeMs: 0,
    reminders: 0,
    started: 0,
    manual: 0,
    natural: 0,
    skipped: 0,
    snoozed: 0,
    routines: 0,
    exercises: 0,
    exerciseMs: 0,
    moved: 0,
    sitting: 0,
    sittingMs: 0,
    moves: 0,
    eyeBreaks: 0,
  };
}

/** Fourteen local days ending 2025-03-14, oldest first. */
const DAY_KEYS = Array.from({ length: CHART_DAYS }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);

function pageData(overrides: Partial<Record<number, Partial<StatsDay>>> = {}, rest: Partial<StatsPageData> = {}): StatsPageData {
  const days = DAY_KEYS.map((key, i) => ({ ...zeroDay(key), ...overrides[i] }));
  const today = days[days.length - 1]!;
  return {
    locale: 'en',
    today,
    days,
    streak: { current: 3, best: 7 },
    mostDone: [{ id: 'chin-tuck', name: 'Chin tuck', count: 12, ms: 6 * MIN }],
    leastDone: [{ id: 'wall-angel', name: 'Wall angel', count: 1, ms: 40_000 }],
    totals: {
      days: 30,
      activeMs: 90 * HOUR,
      breaks: 120,
      routines: 40,
      exercises: 100,
      exerciseMs: 80 * MIN,
      sitting: 6,
      sittingMs: 4 * HOUR,
    },
    since: '2025-02-01',
    ...rest,
  };
}

/** Seeded history: a few coding days with every kind of break and some time away sitting, today the busiest. */
const SEEDED = pageData({
  2: {
    activeMs: 2 * HOUR,
    reminders: 3,
    started: 2,
    manual: 1,
    natural: 0,
    skipped: 1,
    snoozed: 2,
    routines: 2,
    exercises: 6,
    exerciseMs: 4 * MIN,
  },
  9: { activeMs: 90 * MIN, reminders: 1, started: 0, manual: 0, natural: 2, moved: 1, exercises: 0, sitting: 2, sittingMs: 45 * MIN },
  13: {
    activeMs: 5 * HOUR + 20 * MIN,
    reminders: 6,
    started: 3,
    manual: 1,
    natural: 1,
    skipped: 2,
    snoozed: 1,
    routines: 3,
    exercises: 9,
    exerciseMs: 7 * MIN,
    moved: 1,
    sitting: 1,
    sittingMs: 40 * MIN,
  },
});

/** Fixed, locale-free text, so the layout's arithmetic is what the assertions see. */
const PLAIN: StatsFormat = {
  locale: 'test',
  count: (n) => String(n),
  duration: (ms) => `${Math.floor(ms / MIN)}m`,
  axisDuration: (ms) => (ms % HOUR === 0 ? `${ms / HOUR}h` : `${ms / MIN}m`),
  weekdayNarrow: (day) => `w${day.slice(8)}`,
  dayOfMonth: (day) => String(Number(day.slice(8))),
  dayShort: (day) => `day ${day}`,
  date: (day) => day,
};

function all(tree: ChartNode): ChartNode[] {
  return [tree, ...(tree.children ?? []).flatMap(all)];
}
const hasClass = (n: ChartNode, c: string): boolean => (n.attrs.class ?? '').split(' ').includes(c);
const num = (n: ChartNode, attr: string): number => Number(n.attrs[attr]);
function columns(tree: ChartNode): ChartNode[] {
  return all(tree).filter((n) => n.tag === 'g' && hasClass(n, 'upr-chart-day'));
}
function column(tree: ChartNode, day: string): ChartNode {
  const found = columns(tree).find((g) => g.attrs['data-day'] === day);
  assert.ok(found, `a column for ${day}`);
  return found;
}
function bar(col: ChartNode, kind: string): ChartNode | undefined {
  return all(col).find((n) => n.tag === 'rect' && hasClass(n, `upr-chart-${kind}`));
}
function tickLabels(tree: ChartNode): string[][] {
  return all(tree)
    .filter((n) => n.tag === 'g' && hasClass(n, 'upr-chart-scale'))
    .map((g) =>
      all(g)
        .filter((n) => n.tag === 'text')
        .map((t) => t.text ?? ''),
    );
}

describe('Stats page contract', () => {
  it('accepts exactly the four messages the page may send', () => {
    assert.deepEqual(parseFromStatsPage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromStatsPage({ type: 'export' }), { type: 'export' });
    assert.deepEqual(parseFromStatsPage({ type: 'clear' }), { type: 'clear' });
    assert.deepEqual(parseFromStatsPage({ type: 'startExercise', exerciseId: 'chin-tuck' }), {
      type: 'startExercise',
      exerciseId: 'chin-tuck',
    });
    const bad: unknown[] = [
      null,
      undefined,
      'ready',
      42,
      [],
      {},
      [{ type: 'ready' }],
      { type: 'READY' },
      { type: 'ready', extra: 1 },
      { type: 'clear', confirm: true },
      { type: 'export', format: 'csv' },
      { type: 'startExercise' },
      { type: 'startExercise', exerciseId: 7 },
      { type: 'startExercise', exerciseId: '' },
      { type: 'startExercise', exerciseId: '../../etc/passwd' },
      { type: 'startExercise', exerciseId: 'Chin-Tuck' },
      { type: 'startExercise', exerciseId: '-chin' },
      { type: 'startExercise', exerciseId: 'a'.repeat(65) },
      { type: 'startExercise', exerciseId: 'chin-tuck', extra: true },
      { type: 'start', exerciseId: 'chin-tuck' },
      { type: 'update', data: SEEDED },
      { type: { toString: () => 'ready' } },
      JSON.parse('{"type":"ready","__proto__":{"x":1}}'),
    ];
    for (const b of bad) assert.equal(parseFromStatsPage(b), undefined, JSON.stringify(b) ?? String(b));
    assert.ok(parseFromStatsPage({ type: 'startExercise', exerciseId: 'a'.repeat(64) }), 'an id of 64 characters is the longest');
  });

  it('takes what the host sends, after a round trip through JSON', () => {
    assert.ok(parseStatsPageData(JSON.parse(JSON.stringify(SEEDED))));
    assert.ok(parseStatsPageData(pageData({}, { since: null, mostDone: [], leastDone: [] })));
    assert.deepEqual(parseToStatsPage({ type: 'update', data: SEEDED }), { type: 'update', data: SEEDED });
  });

  it('ignores start-up data or an update that is malformed', () => {
    const day = SEEDED.days[0]!;
    const broken: unknown[] = [
      null,
      [],
      { ...SEEDED, locale: 7 },
      { ...SEEDED, days: SEEDED.days.slice(1) },
      { ...SEEDED, days: [...SEEDED.days, day] },
      { ...SEEDED, days: [...SEEDED.days.slice(1), { ...day, activeMs: -1 }] },
      { ...SEEDED, days: [...SEEDED.days.slice(1), { ...day, activeMs: Number.POSITIVE_INFINITY }] },
      { ...SEEDED, days: [...SEEDED.days.slice(1), { ...day, started: 1.5 }] },
      { ...SEEDED, days: [...SEEDED.days.slice(1), { ...day, day: '14/03/2025' }] },
      { ...SEEDED, today: { ...day, reminders: '3' } },
      { ...SEEDED, today: undefined },
      { ...SEEDED, streak: { current: 2 } },
      { ...SEEDED, streak: { current: -1, best: 0 } },
      { ...SEEDED, mostDone: [{ id: 'chin-tuck', name: 'Chin tuck', count: 1 }] },
      { ...SEEDED, leastDone: [{ id: 'x', name: null, count: 1, ms: 0 }] },
      { ...SEEDED, mostDone: 'chin-tuck' },
      { ...SEEDED, totals: { ...SEEDED.totals, breaks: -2 } },
      { ...SEEDED, totals: { ...SEEDED.totals, activeMs: Number.NaN } },
      { ...SEEDED, totals: { ...SEEDED.totals, sitting: 1.5 } },
      { ...SEEDED, totals: { ...SEEDED.totals, sittingMs: -1 } },
      { ...SEEDED, totals: { ...SEEDED.totals, sittingMs: undefined } },
      { ...SEEDED, totals: { ...SEEDED.totals, sitting: undefined } },
      { ...SEEDED, today: { ...day, moved: -1 } },
      { ...SEEDED, today: { ...day, moved: undefined } },
      { ...SEEDED, today: { ...day, sitting: '2' } },
      { ...SEEDED, days: [...SEEDED.days.slice(1), { ...day, sittingMs: Number.POSITIVE_INFINITY }] },
      { ...SEEDED, days: [...SEEDED.days.slice(1), { ...day, sittingMs: undefined }] },
      { ...SEEDED, since: 'yesterday' },
      { ...SEEDED, since: undefined },
    ];
    for (const b of broken) {
      assert.equal(parseStatsPageData(b), undefined, JSON.stringify(b)?.slice(0, 200));
      assert.equal(parseToStatsPage({ type: 'update', data: b }), undefined);
    }
    assert.equal(parseToStatsPage({ type: 'refresh', data: SEEDED }), undefined);
    assert.equal(parseToStatsPage({ type: 'update' }), undefined);
  });
});

describe('Stats chart layout', () => {
  it('picks round gridline steps from the longest day', () => {
    assert.deepEqual(activeScale(0), { step: HOUR, top: HOUR }, 'nothing recorded: an empty axis up to 1 h');
    assert.deepEqual(activeScale(10 * MIN), { step: 15 * MIN, top: 15 * MIN });
    assert.deepEqual(activeScale(50 * MIN), { step: 15 * MIN, top: HOUR });
    assert.deepEqual(activeScale(HOUR), { step: 15 * MIN, top: HOUR });
    assert.deepEqual(activeScale(61 * MIN), { step: HOUR, top: 2 * HOUR });
    assert.deepEqual(activeScale(4 * HOUR), { step: HOUR, top: 4 * HOUR });
    assert.deepEqual(activeScale(5 * HOUR + 20 * MIN), { step: 2 * HOUR, top: 6 * HOUR });
    assert.deepEqual(activeScale(9 * HOUR), { step: 4 * HOUR, top: 12 * HOUR });
    assert.deepEqual(activeScale(24 * HOUR), { step: 8 * HOUR, top: 24 * HOUR });
    assert.deepEqual(countScale(0), { step: 1, top: 1 });
    assert.deepEqual(countScale(3), { step: 1, top: 3 });
    assert.deepEqual(countScale(6), { step: 2, top: 6 });
    assert.deepEqual(countScale(7), { step: 5, top: 10 });
    assert.deepEqual(countScale(31), { step: 20, top: 40 });
  });

  it('draws one column a day, oldest first, with coding time proportional to the bar height', () => {
    const tree = layoutChart(SEEDED, PLAIN);
    assert.equal(tree.tag, 'svg');
    assert.equal(tree.attrs.viewBox, `0 0 ${CHART.width} ${CHART.height}`);
    assert.equal(layoutChart(SEEDED, PLAIN, 700).attrs.viewBox, `0 0 700 ${CHART.height}`, 'drawn at the width it has');
    assert.equal(tree.attrs['aria-hidden'], 'true');
    assert.deepEqual(
      columns(tree).map((g) => g.attrs['data-day']),
      DAY_KEYS,
    );
    // The longest day is 5 h 20 min: gridlines every 2 h up to 6 h.
    assert.deepEqual(tickLabels(tree)[0], ['0', '2h', '4h', '6h']);
    const heightOf = (i: number): number => num(bar(column(tree, DAY_KEYS[i]!), 'active')!, 'height');
    const perHour = CHART.activeHeight / 6;
    assert.ok(Math.abs(heightOf(13) - (16 / 3) * perHour) < 0.01);
    assert.ok(Math.abs(heightOf(2) - 2 * perHour) < 0.01);
    assert.ok(Math.abs(heightOf(9) / heightOf(2) - 0.75) < 0.01, '1 h 30 min is three quarters of 2 h');
    // Bars stand on the baseline and never cross the top gridline.
    for (const i of [2, 9, 13]) {
      const rect = bar(column(tree, DAY_KEYS[i]!), 'active')!;
      assert.ok(Math.abs(num(rect, 'y') + num(rect, 'height') - (CHART.activeTop + CHART.activeHeight)) < 0.01);
      assert.ok(num(rect, 'y') >= CHART.activeTop - 0.01);
    }
    assert.equal(bar(column(tree, DAY_KEYS[0]!), 'active'), undefined, 'a day without coding has no bar');
  });

  it('stacks the breaks taken by kind beside an outlined bar for the reminders', () => {
    const tree = layoutChart(SEEDED, PLAIN);
    // Up to 6 a day (today's reminders): gridlines every 2.
    assert.deepEqual(tickLabels(tree)[1], ['0', '2', '4', '6']);
    const perBreak = CHART.breaksHeight / 6;
    const base = CHART.breaksTop + CHART.breaksHeight;
    for (const i of [2, 9, 13]) {
      const day = SEEDED.days[i]!;
      const col = column(tree, day.day);
      const segments = BREAK_KINDS.map((k) => bar(col, k.key));
      let top = base;
      let total = 0;
      for (const [j, kind] of BREAK_KINDS.entries()) {
        const segment = segments[j];
        if (day[kind.key] === 0) {
          assert.equal(segment, undefined, `no empty ${kind.key} segment on ${day.day}`);
          continue;
        }
        assert.ok(segment);
        assert.ok(Math.abs(num(segment, 'height') - day[kind.key] * perBreak) < 0.01, `${kind.key} on ${day.day}`);
        assert.ok(Math.abs(num(segment, 'y') + num(segment, 'height') - top) < 0.01, 'each segment sits on the one below');
        top = num(segment, 'y');
        total += num(segment, 'height');
      }
      // Each segment is drawn to a hundredth of a pixel, so their sum may be off by a few hundredths.
      assert.ok(
        Math.abs(total - (day.started + day.manual + day.natural + day.moved) * perBreak) < 0.03,
        `the stack on ${day.day} is the breaks taken, moved ones included`,
      );
      const reminders = bar(col, 'reminders')!;
      assert.ok(Math.abs(num(reminders, 'height') - day.reminders * perBreak) < 0.01);
      assert.ok(Math.abs(num(reminders, 'y') + num(reminders, 'height') - base) < 0.01);
      const stackX = num(segments.find(Boolean)!, 'x');
      assert.ok(num(reminders, 'x') > stackX, 'reminders stand to the right of the breaks');
    }
  });

  it('draws time away spent sitting on top of the coding bar, so the whole bar is desk time', () => {
    const tree = layoutChart(SEEDED, PLAIN);
    // Today is 5 h 20 min coding and 40 min sitting: desk time 6 h, the top gridline, and not past it.
    assert.deepEqual(tickLabels(tree)[0], ['0', '2h', '4h', '6h']);
    const perHour = CHART.activeHeight / 6;
    for (const i of [9, 13]) {
      const day = SEEDED.days[i]!;
      const active = bar(column(tree, day.day), 'active')!;
      const sitting = bar(column(tree, day.day), 'sitting');
      assert.ok(sitting, `${day.day} has a sitting part`);
      assert.ok(Math.abs(num(sitting, 'y') + num(sitting, 'height') - num(active, 'y')) < 0.01, 'it stands on the coding bar');
      assert.ok(Math.abs(num(sitting, 'height') - (day.sittingMs / HOUR) * perHour) < 0.01, 'its height is the time sitting');
      assert.equal(num(sitting, 'x'), num(active, 'x'));
      assert.equal(num(sitting, 'width'), num(active, 'width'));
    }
    const top = bar(column(tree, DAY_KEYS[13]!), 'sitting')!;
    assert.ok(Math.abs(num(top, 'y') - CHART.activeTop) < 0.01, 'desk time of 6 h reaches the top gridline');
    assert.equal(bar(column(tree, DAY_KEYS[2]!), 'sitting'), undefined, 'a day without sitting has no sitting part');

    // A day of meetings and no coding: the bar is all sitting, from the baseline; the scale follows desk time.
    const meetings = pageData({ 5: { sitting: 3, sittingMs: 3 * HOUR }, 6: { activeMs: HOUR } });
    const drawn = layoutChart(meetings, PLAIN);
    assert.deepEqual(tickLabels(drawn)[0], ['0', '1h', '2h', '3h']);
    const only = bar(column(drawn, DAY_KEYS[5]!), 'sitting')!;
    assert.equal(bar(column(drawn, DAY_KEYS[5]!), 'active'), undefined);
    assert.ok(Math.abs(num(only, 'y') + num(only, 'height') - (CHART.activeTop + CHART.activeHeight)) < 0.01);
    assert.ok(Math.abs(num(only, 'height') - CHART.activeHeight) < 0.01);
    const title = all(column(drawn, DAY_KEYS[5]!)).find((n) => n.tag === 'title')?.text;
    assert.equal(title, 'day 2025-03-06: 0m coding, 180m at the desk (180m sitting away), 0 breaks, 0 reminders');
    assert.equal(
      all(column(drawn, DAY_KEYS[6]!)).find((n) => n.tag === 'title')?.text,
      'day 2025-03-07: 60m coding, 0 breaks, 0 reminders',
      'a day without sitting says nothing of it',
    );
  });

  it('counts every kind of break, and desk time as coding and sitting', () => {
    const today = SEEDED.days[13]!;
    assert.equal(breaksTaken(today), 6);
    assert.equal(deskMs(today), 6 * HOUR);
    assert.equal(
      breaksByKind(PLAIN, (k) => today[k]),
      '3 started, 1 by hand, 1 natural, 1 moved',
    );
    assert.deepEqual(
      BREAK_KINDS.map((k) => k.key),
      ['started', 'manual', 'natural', 'moved'],
    );
  });

  it('draws an empty but complete chart when nothing is recorded', () => {
    const tree = layoutChart(pageData({}, { since: null }), PLAIN);
    assert.equal(columns(tree).length, CHART_DAYS);
    assert.deepEqual(tickLabels(tree), [
      ['0', '1h'],
      ['0', '1'],
    ]);
    assert.equal(all(tree).filter((n) => hasClass(n, 'upr-chart-bar')).length, 0);
    for (const n of all(tree)) {
      for (const [k, v] of Object.entries(n.attrs)) assert.ok(!/NaN|Infinity|undefined/.test(v), `${n.tag} ${k}=${v}`);
    }
  });

  it('marks today, labels each day, and leaves colour to the stylesheet', () => {
    const tree = layoutChart(SEEDED, PLAIN);
    const marked = columns(tree).filter((g) => hasClass(g, 'upr-chart-today'));
    assert.deepEqual(
      marked.map((g) => g.attrs['data-day']),
      ['2025-03-14'],
    );
    const labels = all(tree).filter((n) => n.tag === 'text' && hasClass(n, 'upr-chart-day-label'));
    assert.equal(labels.length, CHART_DAYS);
    assert.deepEqual(
      labels[13]!.children?.map((t) => t.text),
      ['w14', '14'],
    );
    assert.ok(hasClass(labels[13]!, 'upr-chart-today'));
    assert.ok(!hasClass(labels[12]!, 'upr-chart-today'));
    assert.ok(all(marked[0]!).some((n) => hasClass(n, 'upr-chart-today-band')));
    for (const n of all(tree)) {
      assert.ok(!('style' in n.attrs) && !('fill' in n.attrs) && !('stroke' in n.attrs), `${n.tag} has no colour of its own`);
      if (n.tag === 'rect' || n.tag === 'line' || n.tag === 'text')
        assert.ok(n.attrs.class?.startsWith('upr-chart-'), `${n.tag} has a chart class`);
    }
  });

  it('says in words what the chart shows, and gives the same numbers as a table', () => {
    assert.equal(
      chartSummary(SEEDED, PLAIN),
      'In the last 14 days you coded for 530m on 3 days and took 12 breaks (5 started, 2 by hand, 3 natural, 2 moved) for 10 reminders. You skipped 3 and snoozed 3. You sat away from the editor 3 times for 85m: your desk time was 615m. Your longest day was day 2025-03-14, 320m.',
    );
    assert.equal(
      chartSummary(pageData({ 4: { activeMs: HOUR, natural: 1, reminders: 1 } }), PLAIN),
      'In the last 14 days you coded for 60m on 1 day and took 1 break (0 started, 0 by hand, 1 natural, 0 moved) for 1 reminder.',
      'no word of sitting when there was none',
    );
    assert.equal(chartSummary(pageData(), PLAIN), 'Nothing recorded in the last 14 days.');
    const table = chartTable(SEEDED, PLAIN);
    assert.deepEqual(table.headers, [
      'Day',
      'Coding time',
      'Desk time',
      'Sitting away',
      'Sitting time',
      'Reminders',
      'Started',
      'By hand',
      'Natural',
      'Moved',
      'Skipped',
      'Snoozed',
      'Exercises',
    ]);
    assert.equal(table.rows.length, CHART_DAYS);
    assert.deepEqual(table.rows[2], {
      day: '2025-03-03',
      label: 'day 2025-03-03',
      today: false,
      cells: ['120m', '120m', '0', '0m', '3', '2', '1', '0', '0', '1', '2', '6'],
    });
    assert.deepEqual(table.rows[13], {
      day: '2025-03-14',
      label: 'day 2025-03-14 (today)',
      today: true,
      cells: ['320m', '360m', '1', '40m', '6', '3', '1', '1', '1', '2', '1', '9'],
    });
    for (const row of table.rows) assert.equal(row.cells.length, table.headers.length - 1);
  });

  it('formats durations and days in the given locale, falling back to English', () => {
    const en = statsFormat('en');
    assert.equal(en.duration(3 * HOUR + 20 * MIN), '3 hr 20 min');
    assert.equal(en.duration(2 * HOUR + 59_999), '2 hr');
    assert.equal(en.duration(45 * MIN), '45 min');
    assert.equal(en.duration(0), '0 min');
    assert.equal(en.duration(20_000), '< 1 min');
    assert.equal(en.axisDuration(2 * HOUR), '2h');
    assert.equal(en.axisDuration(45 * MIN), '45m');
    assert.equal(en.weekdayNarrow('2025-03-03'), 'M');
    assert.equal(en.dayOfMonth('2025-03-03'), '3');
    assert.equal(en.dayShort('2025-03-03'), 'Mon, Mar 3');
    assert.equal(en.count(12345), '12,345');
    assert.equal(localDate('2025-03-03').getDate(), 3, 'a day is a local date, whatever the time zone');
    assert.equal(statsFormat('de').count(12345), '12.345');
    assert.equal(supportedLocale('zh-cn'), 'zh-CN');
    for (const junk of ['', 'not a locale!', 'xx-invalid-tag-that-is-far-too-long']) assert.equal(statsFormat(junk).locale, 'en', junk);
    const summary = chartSummary(SEEDED, en);
    assert.ok(summary.startsWith('In the last 14 days you coded for 8 hr 50 min on 3 days and took 12 breaks'), summary);
    assert.ok(summary.includes('You sat away from the editor 3 times for 1 hr 25 min: your desk time was 10 hr 15 min.'), summary);
  });

  it('shows a welcome only when there is no history at all', () => {
    assert.equal(hasHistory(pageData({}, { since: null })), false);
    assert.equal(hasHistory(pageData({ 13: { activeMs: 5 * MIN } }, { since: null })), true, 'today’s first minutes count');
    assert.equal(hasHistory(pageData({}, { since: '2025-01-01' })), true);
    assert.equal(hasHistory(pageData({ 13: { sitting: 1, sittingMs: 30 * MIN } }, { since: null })), true, 'a first meeting counts');
    assert.equal(hasHistory(pageData({ 13: { moved: 1 } }, { since: null })), true, 'so does a first break, moved');
  });
});
