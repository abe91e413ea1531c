import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type FrameLocator, type Locator } from 'playwright-core';

import { type ClosedDay, type DayRecord, emptyDay } from '../../src/core/days';
import { addDays, emptyHistory, mergeClosedDays, serializeHistory } from '../../src/core/history';
import { EMPTY_BREAK_COUNTS, emptyLedger, type Ledger, todayRecord } from '../../src/core/ledger';
import { statsFormat } from '../../src/shared/statsChart';
import { testClockStartWallMs, testToday } from '../support/today';
import { openWorkbench, recordCspProblems, runCommand, screenshot, TIMER_SELECTOR, webviewFrame, type Workbench } from './harness';

const MINUTE = 60_000;

/** A style property as the browser computed it (runs in the page, with the property as its argument). */
type Styled = { ownerDocument: { defaultView: { getComputedStyle(e: unknown): Record<string, string> } } };
const computed = (e: Styled, property: string): string => e.ownerDocument.defaultView.getComputedStyle(e)[property] ?? '';

/**
 * Ten weeks of a person's history, ending yesterday: weekdays of coding, most with a routine; quiet
 * weekends. Some days have a meeting or a call (time away sitting), and some a break away from the
 * keyboard the person said was moving when asked.
 */
function seededHistory(today: string): { text: string; days: readonly DayRecord[] } {
  const days: ClosedDay[] = [];
  for (let back = 70; back >= 1; back--) {
    const day = addDays(today, -back);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const n = back % 7;
    const activeMs = (180 + ((back * 37) % 240)) * MINUTE;
    const reminders = 5 + (back % 5);
    const routine = back % 11 !== 4; // now and then a day without one
    const sitting = back % 3 === 1 ? 1 + (back % 2) : 0;
    days.push({
      record: {
        ...emptyDay(day),
        activeMs,
        reminders,
        started: routine ? 2 + (n % 3) : 0,
        manual: n % 2,
        natural: 1 + (n % 4),
        moved: back % 4 === 2 ? 1 : 0,
        sitting,
        sittingMs: sitting * (30 + (back % 3) * 15) * MINUTE,
        skipped: back % 3,
        snoozed: back % 4,
        routines: routine ? 2 : 0,
        exercises: routine ? 6 : 0,
        exerciseMs: routine ? 4 * MINUTE : 0,
      },
      exercises: routine
        ? {
            'chin-tuck': { count: 2, ms: MINUTE },
            'scapular-squeeze': { count: 2, ms: MINUTE },
            'band-pull-apart': { count: 1, ms: MINUTE },
            ...(back % 2 ? { 'wall-angels': { count: 1, ms: MINUTE } } : { 'doorway-stretch': { count: 1, ms: MINUTE } }),
          }
        : {},
    });
  }
  // A reverse fly three days ago, done once: added to that day if it was a coding day (history keeps one
  // record a day, and a day moved to it twice counts once), its own day otherwise.
  const reverseFlyDay = addDays(today, -3);
  const reverseFly = { 'reverse-fly': { count: 1, ms: MINUTE } };
  const coded = days.findIndex((d) => d.record.day === reverseFlyDay);
  const before = days[coded];
  if (before) {
    const r = before.record;
    days[coded] = {
      record: { ...r, routines: r.routines + 1, exercises: r.exercises + 1, exerciseMs: r.exerciseMs + MINUTE },
      exercises: { ...before.exercises, ...reverseFly },
    };
  } else {
    days.push({
      record: { ...emptyDay(reverseFlyDay), activeMs: 0, routines: 1, exercises: 1, exerciseMs: MINUTE },
      exercises: reverseFly,
    });
  }
  const merged = mergeClosedDays(
    emptyHistory(),
    days.sort((a, b) => (a.record.day < b.record.day ? -1 : 1)),
  );
  return { text: serializeHistory(merged), days: merged.days };
}

/** Today so far, in the shared ledger: two hours of coding, a call sat through, a break said to be moving. */
function seededLedger(today: string): { text: string; day: DayRecord } {
  const ledger: Ledger = {
    ...emptyLedger(today),
    todayActiveMs: 2 * 60 * MINUTE,
    todayReminders: 2,
    todayBreaks: { ...EMPTY_BREAK_COUNTS, started: 1, natural: 1, moved: 1, snoozed: 1 },
    todaySitting: 1,
    todaySittingMs: 45 * MINUTE,
  };
  return { text: JSON.stringify(ledger), day: todayRecord(ledger) };
}

/**
 * The streak as a person counts it, written apart from the product's code: going back from yesterday,
 * a day with a routine adds one, a day of coding without one ends it, a day without either is passed
 * over (a weekend does not break a streak). Today adds one once it has a routine.
 */
function countStreak(days: readonly DayRecord[], today: string): number {
  const byDay = new Map(days.map((d) => [d.day, d]));
  let streak = 0;
  for (let back = 1; back <= days.length + 7; back++) {
    const day = byDay.get(addDays(today, -back));
    if (day?.routines) streak++;
    else if (day?.activeMs) break;
  }
  return streak + (byDay.get(today)?.routines ? 1 : 0);
}

describe('Stats in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;
  // Upright runs on a held clock at 09:00 on the test day, so the page's "today" is the test's.
  const today = testToday();
  const seeded = seededHistory(today);
  const ledger = seededLedger(today);
  let consoleProblems: string[] = [];

  before(async () => {
    wb = await openWorkbench(
      { 'workbench.colorTheme': 'Default Dark Modern' },
      { width: 1400, height: 1000 },
      { 'history.json': seeded.text, 'ledger.json': ledger.text },
      { clockAtWallMs: testClockStartWallMs() },
    );
    consoleProblems = recordCspProblems(wb.page);
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    await runCommand(wb.page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(wb.page, 'Upright: Show Stats');
    frame = webviewFrame(wb.page);
    await frame.locator('#chart svg.upr-chart').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  it('draws the last 14 days from history, in theme colours, today marked', async () => {
    const columns = frame.locator('svg.upr-chart g.upr-chart-day');
    assert.equal(await columns.count(), 14);
    assert.equal(
      await frame
        .locator(`svg.upr-chart g.upr-chart-day[data-day="${today}"]`)
        .getAttribute('class')
        .then((c) => /upr-chart-today/.test(c ?? '')),
      true,
    );
    // A bar of coding time on exactly the days with coding: the seeded weekdays (and today, if any yet).
    type Node = { getAttribute(name: string): string | null; querySelector(selector: string): Node | null };
    const bars = await frame
      .locator('svg.upr-chart g.upr-chart-day')
      .evaluateAll((groups: Node[]) =>
        groups.map((g): [string, number] => [
          g.getAttribute('data-day') ?? '',
          Number(g.querySelector('rect.upr-chart-active')?.getAttribute('height') ?? 0),
        ]),
      );
    const codedDays = new Set(seeded.days.filter((d) => d.activeMs > 0).map((d) => d.day));
    for (const [day, height] of bars) {
      if (day !== today) assert.equal(height > 0, codedDays.has(day), `${day}: bar ${height}`);
    }
    assert.deepEqual(
      bars.map(([day]) => day),
      Array.from({ length: 14 }, (_, i) => addDays(today, i - 13)),
    );
    // The colour comes from the theme's chart colours, not from the page.
    const fill = await frame.locator('svg rect.upr-chart-active').first().evaluate(computed, 'fill');
    assert.notEqual(fill, 'none');
    assert.ok(!/^rgb\(0, 0, 0\)$/.test(fill), fill);
    // Moved breaks are drawn opaque, like the other kinds, even where the theme's orange is see-through.
    const moved = await frame.locator('svg rect.upr-chart-moved').first().evaluate(computed, 'fill');
    assert.doesNotMatch(moved, /rgba\(|\/ 0?\.\d|none/, moved);
    await wb.page.waitForTimeout(500);
    await screenshot(wb.page, 'stats-dark');
  });

  it('shows desk time beside coding time, breaks by kind, and time away sitting', async () => {
    const f = statsFormat('en');
    const tile = (id: string): Locator => frame.locator(`#tile-${id}`);
    // Today, from the ledger: 2 h coding, 45 min sitting through a call, one break of each kind but by hand.
    assert.equal(await tile('coding').locator('.tile-value').textContent(), '2 hr');
    assert.equal(await tile('desk').locator('.tile-value').textContent(), '2 hr 45 min');
    assert.equal(await tile('sitting').locator('.tile-value').textContent(), '1');
    assert.deepEqual(await tile('sitting').locator('.tile-note').allTextContents(), ['45 min']);
    assert.equal(await tile('breaks').locator('.tile-value').textContent(), '3');
    assert.deepEqual(await tile('breaks').locator('.tile-note').allTextContents(), [
      'for 2 reminders',
      '1 started, 0 by hand, 1 natural, 1 moved',
    ]);

    // The chart: a sitting part on top of the coding bar on exactly the days with time sitting.
    const chartDays = Array.from({ length: 14 }, (_, i) => addDays(today, i - 13));
    const byDay = new Map([...seeded.days, ledger.day].map((d) => [d.day, d]));
    type Node = { getAttribute(name: string): string | null; querySelector(selector: string): Node | null };
    const parts = await frame.locator('svg.upr-chart g.upr-chart-day').evaluateAll((groups: Node[]) =>
      groups.map((g) => {
        const y = (selector: string): number | null => {
          const r = g.querySelector(selector);
          return r ? Number(r.getAttribute('y')) + (selector.includes('sitting') ? Number(r.getAttribute('height')) : 0) : null;
        };
        return { day: g.getAttribute('data-day') ?? '', sittingBottom: y('rect.upr-chart-sitting'), activeTop: y('rect.upr-chart-active') };
      }),
    );
    for (const p of parts) {
      const sat = (byDay.get(p.day)?.sittingMs ?? 0) > 0;
      assert.equal(p.sittingBottom !== null, sat, `${p.day}: sitting part`);
      if (sat && p.activeTop !== null) assert.ok(Math.abs(p.activeTop - (p.sittingBottom ?? 0)) < 0.02, `${p.day}: on the coding bar`);
    }
    assert.ok(
      parts.some((p) => p.sittingBottom !== null && p.day !== today),
      'the seeded days show sitting too',
    );
    const legend = await frame.locator('#chart .legend li').allTextContents();
    assert.ok(legend.includes('Sitting away (with coding: desk time)'), legend.join(' | '));
    assert.ok(legend.includes('Moved (time away, said when asked)'), legend.join(' | '));

    // In words: the caption counts the times sitting and the desk time of the last 14 days.
    const shown = chartDays.map((d) => byDay.get(d)).filter((d): d is DayRecord => d !== undefined);
    const sum = (list: readonly DayRecord[], pick: (d: DayRecord) => number): number => list.reduce((n, d) => n + pick(d), 0);
    const caption = (await frame.locator('#chart figcaption').textContent()) ?? '';
    assert.ok(
      caption.includes(
        `You sat away from the editor ${sum(shown, (d) => d.sitting)} times for ${f.duration(sum(shown, (d) => d.sittingMs))}: ` +
          `your desk time was ${f.duration(sum(shown, (d) => d.activeMs + d.sittingMs))}.`,
      ),
      caption,
    );
    assert.ok(caption.includes(`, ${sum(shown, (d) => d.moved)} moved)`), caption);

    // The table: desk time, moved breaks and time sitting, today's row from the ledger.
    const headers = await frame.locator('#chart-table thead th').allTextContents();
    for (const h of ['Coding time', 'Desk time', 'Moved', 'Sitting away', 'Sitting time'])
      assert.ok(headers.includes(h), headers.join(' | '));
    const todayRow = await frame.locator('#chart-table tbody tr').last().locator('th, td').allTextContents();
    const cell = (h: string): string | undefined => todayRow[headers.indexOf(h)];
    assert.deepEqual(
      [cell('Coding time'), cell('Desk time'), cell('Moved'), cell('Sitting away'), cell('Sitting time')],
      ['2 hr', '2 hr 45 min', '1', '1', '45 min'],
    );

    // All time: coding and desk time, and every break, moved ones included.
    const every = [...seeded.days, ledger.day];
    const since = (await frame.locator('.since').textContent()) ?? '';
    const breaks = sum(every, (d) => d.started + d.manual + d.natural + d.moved);
    assert.ok(
      since.includes(
        `${f.duration(sum(every, (d) => d.activeMs))} coding and ${f.duration(sum(every, (d) => d.activeMs + d.sittingMs))} at the desk ` +
          `(sitting away ${sum(every, (d) => d.sitting)} times) on ${every.length} days, ${breaks} breaks,`,
      ),
      since,
    );
  });

  it('shows the streak, and the exercises done most and least, by name', async () => {
    const expected = countStreak(seeded.days, today);
    assert.ok(expected > 0, 'the seeded weeks end in a streak');
    assert.match((await frame.locator('#streak').textContent()) ?? '', new RegExp(`(^|\\D)${expected}\\D`));
    const most = await frame.locator('#most-done button').allTextContents();
    assert.deepEqual(most.slice(0, 2).sort(), ['Chin Tuck', 'Scapular Squeeze']);
    const least = await frame.locator('#least-done button').allTextContents();
    assert.equal(least[0], 'Reverse Fly');
  });

  it('describes the chart for screen readers, and shows it as a table on request', async () => {
    const caption = (await frame.locator('#chart figcaption').textContent()) ?? '';
    assert.ok(caption.length > 30, caption);
    assert.equal(await frame.locator('#chart svg.upr-chart').getAttribute('aria-hidden'), 'true');
    assert.equal(await frame.locator('#chart-table tbody tr').count(), 14);
    assert.ok(((await frame.locator('#chart-table caption').textContent()) ?? '').length > 0);
    const toggle = frame.locator('#table-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await frame.locator('#chart-table').waitFor({ state: 'visible' });
    await frame.locator('#chart-table').scrollIntoViewIfNeeded();
    await screenshot(wb.page, 'stats-table');
    await toggle.click();
  });

  for (const t of [
    { name: 'light', label: 'Light Modern', bodyClass: 'vscode-light' },
    { name: 'high-contrast', label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
  ]) {
    it(`is drawn in the ${t.name} theme`, async () => {
      await runCommand(wb.page, 'Preferences: Color Theme');
      const input = wb.page.locator('.quick-input-widget input.input');
      await input.fill(t.label);
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: t.label }).first().click();
      await frame.locator(`body.${t.bodyClass}`).waitFor({ timeout: 20_000 });
      await wb.page.waitForTimeout(800);
      if (t.name === 'high-contrast') {
        const stroke = await frame.locator('svg rect.upr-chart-active').first().evaluate(computed, 'stroke');
        assert.notEqual(stroke, 'none', 'every bar has an outline in high contrast');
        // Sitting and moved breaks differ from their neighbours by pattern, not colour alone.
        for (const kind of ['sitting', 'moved']) {
          const fill = await frame.locator(`svg rect.upr-chart-${kind}`).first().evaluate(computed, 'fill');
          assert.match(fill, /^url\(/, `${kind}: ${fill}`);
        }
      }
      await screenshot(wb.page, `stats-${t.name}`);
    });
  }

  it('Export… asks for a format and a file, and writes it', async () => {
    await frame.locator('#export').click();
    const quickInput = wb.page.locator('.quick-input-widget');
    await quickInput.locator('.monaco-list-row', { hasText: 'JSON' }).first().click();
    // code-server's save dialog: a path in the quick input, suggested in the workspace folder.
    const pathInput = quickInput.locator('input.input');
    await pathInput.waitFor();
    await wb.page.waitForTimeout(500);
    const target = path.join(wb.workspace, 'my-history.json');
    await pathInput.fill(target);
    await wb.page.keyboard.press('Enter');
    const deadline = Date.now() + 20_000;
    while (!fs.existsSync(target) && Date.now() < deadline) await wb.page.waitForTimeout(200);
    const exported = JSON.parse(fs.readFileSync(target, 'utf8')) as { format: string; days: { date: string }[] };
    assert.equal(exported.format, 'upright-history');
    assert.ok(exported.days.length >= seeded.days.length - 1, `${exported.days.length} days`);
  });

  it('caused no Content Security Policy violation', () => {
    assert.deepEqual(consoleProblems, []);
  });
});

// VS Code answers every modal dialog itself while extension tests run, so the question before deleting
// is asked of the installed package (on the machine's clock; no date is checked here).
describe('Delete history in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;

  before(async () => {
    wb = await openWorkbench(
      { 'workbench.colorTheme': 'Default Dark Modern' },
      { width: 1400, height: 1000 },
      { 'history.json': seededHistory(testToday()).text },
    );
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    await runCommand(wb.page, 'Upright: Show Stats');
    frame = webviewFrame(wb.page);
    await frame.locator('#clear').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  it('asks first, and the open page empties at once', async () => {
    assert.equal(await frame.locator('.empty-state').isVisible(), false, 'the history is shown first');
    await frame.locator('#clear').click();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /cannot be undone/);
    await screenshot(wb.page, 'stats-delete-confirm');
    await dialog.locator('a.monaco-button', { hasText: 'Delete History' }).click();
    await frame.locator('.empty-state').waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(wb.page, 'stats-empty');
  });
});
