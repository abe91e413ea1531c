import { t } from '../shared/l10n';
import {
  BREAK_KINDS,
  breaksByKind,
  breaksTaken,
  type ChartNode,
  chartSummary,
  chartTable,
  counted,
  deskMs,
  hasHistory,
  layoutChart,
  type StatsFormat,
  statsFormat,
} from '../shared/statsChart';
import {
  CHART_DAYS,
  type ExerciseTally,
  type FromStatsPage,
  parseStatsPageData,
  parseToStatsPage,
  type StatsPageData,
} from '../shared/statsPage';
import { el, vscodeApi } from './vscodeApi';

interface PageState {
  data?: unknown;
  tableShown?: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const api = vscodeApi<PageState>();
const send = (message: FromStatsPage): void => api.postMessage(message);
const saved = api.getState() ?? {};

function startData(): StatsPageData | undefined {
  try {
    const given = parseStatsPageData(JSON.parse(document.body.dataset.upright ?? 'null'));
    if (given) return given;
  } catch {
    // Malformed start-up data: fall back to what this page last drew, or wait for an update.
  }
  return parseStatsPageData(saved.data);
}

let data = startData();
let tableShown = saved.tableShown === true;

function save(): void {
  api.setState({ data, tableShown });
}

function svg(tree: ChartNode): SVGElement {
  const node = document.createElementNS(SVG_NS, tree.tag);
  for (const [k, v] of Object.entries(tree.attrs)) node.setAttribute(k, v);
  if (tree.text !== undefined) node.textContent = tree.text;
  for (const child of tree.children ?? []) node.append(svg(child));
  return node;
}

function button(text: string, className: string, id: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { className, text, attrs: { type: 'button', id } });
  b.addEventListener('click', onClick);
  return b;
}

// The frame is built once; each update refills the sections, so the buttons keep their focus.
const title = el('h1', { text: t('Your stats') });
const empty = el('section', { className: 'empty-state', attrs: { 'aria-labelledby': 'empty-title' } });
const today = el('section', { className: 'today', attrs: { id: 'today', 'aria-labelledby': 'today-title' } });
const caption = el('figcaption', { className: 'chart-summary' });
const chartBox = el('div', { className: 'chart-box' });
const legend = el('ul', { className: 'legend', attrs: { 'aria-label': t('Legend') } });
const table = el('table', { className: 'chart-table', attrs: { id: 'chart-table' } });
const tableBox = el('div', { className: 'table-box' }, table);
const toggle = button('', 'button table-toggle', 'table-toggle', () => {
  tableShown = !tableShown;
  save();
  showTable();
});
toggle.setAttribute('aria-controls', 'chart-table');
const chart = el('figure', { className: 'chart', attrs: { id: 'chart' } }, caption, chartBox, legend, toggle, tableBox);
const chartSection = el(
  'section',
  { className: 'history', attrs: { 'aria-labelledby': 'history-title' } },
  el('h2', { text: t('Last {0} days', CHART_DAYS), attrs: { id: 'history-title' } }),
  chart,
);
const mostDone = el('section', { className: 'tally', attrs: { id: 'most-done', 'aria-labelledby': 'most-title' } });
const leastDone = el('section', { className: 'tally', attrs: { id: 'least-done', 'aria-labelledby': 'least-title' } });
const tallies = el('div', { className: 'tallies' }, mostDone, leastDone);
const since = el('p', { className: 'since' });
const footer = el(
  'footer',
  { className: 'actions' },
  since,
  el(
    'div',
    { className: 'action-buttons' },
    button(t('Export…'), 'button', 'export', () => send({ type: 'export' })),
    button(t('Delete history…'), 'button', 'clear', () => send({ type: 'clear' })),
  ),
);
const main = el('main', { className: 'page stats', attrs: { 'aria-busy': 'true' } }, title, empty, today, chartSection, tallies, footer);
document.body.append(main);

function showTable(): void {
  toggle.textContent = tableShown ? t('Hide table') : t('Show as table');
  toggle.setAttribute('aria-expanded', String(tableShown));
  // Hidden only from sight: screen readers always have the table.
  tableBox.classList.toggle('visually-hidden', !tableShown);
  if (tableShown) tableBox.setAttribute('tabindex', '0');
  else tableBox.removeAttribute('tabindex');
}

/** One number of today; `id` names the tile, so its value can be found. */
function tile(label: string, value: string, notes: readonly string[] = [], id?: string): HTMLElement {
  return el(
    'div',
    { className: 'tile', attrs: id ? { id: `tile-${id}` } : {} },
    el('dt', { className: 'tile-label', text: label }),
    el('dd', { className: 'tile-value', text: value, attrs: id === 'streak' ? { id } : {} }),
    ...notes.map((note) => el('dd', { className: 'tile-note', text: note })),
  );
}

function renderToday(d: StatsPageData, f: StatsFormat): void {
  const day = d.today;
  const streak = d.streak;
  const taken = breaksTaken(day);
  const tiles = el(
    'dl',
    { className: 'tiles' },
    tile(t('Coding time'), f.duration(day.activeMs), [], 'coding'),
    tile(t('Desk time'), f.duration(deskMs(day)), [t('coding and sitting away')], 'desk'),
    tile(
      t('Breaks taken'),
      f.count(taken),
      [t('for {0}', counted(f, day.reminders, 'reminder')), ...(taken > 0 ? [breaksByKind(f, (k) => day[k])] : [])],
      'breaks',
    ),
    tile(t('Sitting away'), f.count(day.sitting), [f.duration(day.sittingMs)], 'sitting'),
    tile(t('Skipped'), f.count(day.skipped)),
    tile(t('Snoozed'), f.count(day.snoozed)),
    tile(t('Routines'), f.count(day.routines)),
    tile(t('Exercises'), f.count(day.exercises), [t('{0} exercising', f.duration(day.exerciseMs))]),
    tile(t('Moves while waiting'), f.count(day.moves), [t('exercise, not breaks')], 'moves'),
    tile(t('Eye breaks'), f.count(day.eyeBreaks), [t('looking far away')], 'eyes'),
    tile(t('Streak'), counted(f, streak.current, 'day'), [t('best {0}', counted(f, streak.best, 'day'))], 'streak'),
  );
  today.replaceChildren(el('h2', { text: t('Today'), attrs: { id: 'today-title' } }), tiles);
}

function swatch(className: string): SVGElement {
  return svg({
    tag: 'svg',
    attrs: { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false' },
    children: [{ tag: 'rect', attrs: { class: `upr-chart-bar ${className}`, x: '1', y: '1', width: '10', height: '10' } }],
  });
}

/** The width the chart was last drawn at: it is drawn again when the panel's width changes. */
let drawnWidth = 0;

function drawChart(d: StatsPageData, f: StatsFormat): void {
  drawnWidth = chartBox.clientWidth;
  chartBox.replaceChildren(svg(layoutChart(d, f, drawnWidth)));
}

function renderChart(d: StatsPageData, f: StatsFormat): void {
  caption.textContent = chartSummary(d, f);
  drawChart(d, f);
  const keys = [
    { className: 'upr-chart-active', label: t('Coding time') },
    { className: 'upr-chart-sitting', label: t('Sitting away (with coding: desk time)') },
    ...BREAK_KINDS.map((k) => ({ className: `upr-chart-${k.key}`, label: k.label })),
    { className: 'upr-chart-reminders', label: t('Reminders') },
  ];
  legend.replaceChildren(...keys.map((k) => el('li', {}, swatch(k.className), el('span', { text: k.label }))));
  const layout = chartTable(d, f);
  const head = el('tr', {}, ...layout.headers.map((h) => el('th', { text: h, attrs: { scope: 'col' } })));
  const body = el('tbody');
  for (const row of layout.rows) {
    body.append(
      el(
        'tr',
        { className: row.today ? 'is-today' : '' },
        el('th', { text: row.label, attrs: { scope: 'row' } }),
        ...row.cells.map((c) => el('td', { text: c })),
      ),
    );
  }
  table.replaceChildren(el('caption', { text: layout.caption }), el('thead', {}, head), body);
  showTable();
}

function renderTally(
  section: HTMLElement,
  heading: string,
  headingId: string,
  items: readonly ExerciseTally[],
  none: string,
  f: StatsFormat,
): void {
  const focusedId = section.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
  const list = el('ol', { className: 'tally-list' });
  for (const item of items) {
    const start = el('button', {
      className: 'link exercise',
      text: item.name,
      attrs: { type: 'button', 'data-id': item.id, title: t('Start {0}', item.name) },
    });
    start.addEventListener('click', () => send({ type: 'startExercise', exerciseId: item.id }));
    list.append(
      el('li', {}, start, el('span', { className: 'tally-count', text: `${counted(f, item.count, 'time')} · ${f.duration(item.ms)}` })),
    );
  }
  section.replaceChildren(
    el('h2', { text: heading, attrs: { id: headingId } }),
    items.length > 0 ? list : el('p', { className: 'tally-none', text: none }),
  );
  if (focusedId !== undefined) list.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(focusedId)}"]`)?.focus();
}

function renderEmpty(): void {
  empty.replaceChildren(
    el('h2', { text: t('Nothing here yet'), attrs: { id: 'empty-title' } }),
    el('p', {
      text: t(
        'Upright counts your coding time while you work and records every break you take. Come back after a little coding to see your day, your breaks against reminders, and your streak.',
      ),
    }),
    el('p', { text: t('Everything stays on this computer.') }),
  );
}

function render(): void {
  const d = data;
  main.setAttribute('aria-busy', String(d === undefined));
  const any = d !== undefined && hasHistory(d);
  empty.hidden = d === undefined || any;
  for (const part of [today, chartSection, tallies, footer]) part.hidden = !any;
  if (!d) return;
  const f = statsFormat(d.locale);
  if (!any) {
    renderEmpty();
    return;
  }
  renderToday(d, f);
  renderChart(d, f);
  renderTally(
    mostDone,
    t('Most done'),
    'most-title',
    d.mostDone,
    t('No exercise done yet. Start one from Browse Exercises, or take a break when a reminder comes.'),
    f,
  );
  renderTally(
    leastDone,
    t('Least done'),
    'least-title',
    d.leastDone,
    d.mostDone.length > 0 ? t('Every exercise you have done is in the list above.') : t('Nothing yet.'),
    f,
  );
  const all = d.totals;
  since.textContent = d.since
    ? t(
        'Since {0}: {1} coding and {2} at the desk (sitting away {3}) on {4}, {5}, {6}. Kept on this computer only.',
        f.date(d.since),
        f.duration(all.activeMs),
        f.duration(deskMs(all)),
        counted(f, all.sitting, 'time'),
        counted(f, all.days, 'day'),
        counted(f, all.breaks, 'break'),
        counted(f, all.routines, 'routine'),
      )
    : t('Kept on this computer only.');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToStatsPage(event.data);
  if (!message) return;
  data = message.data;
  save();
  render();
});

new ResizeObserver(() => {
  if (data && !chartSection.hidden && Math.abs(chartBox.clientWidth - drawnWidth) >= 4) drawChart(data, statsFormat(data.locale));
}).observe(chartBox);

showTable();
render();
if (data) save();
send({ type: 'ready' });
