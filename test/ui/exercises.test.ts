import * as assert from 'node:assert/strict';

import { type FrameLocator } from 'playwright-core';

import { EXERCISES } from '../../src/core/exercises/library';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';

// Every exercise has a picture (a unit test holds the drawings to that); these count what the page draws.
const DRAWN = EXERCISES.filter((e) => ILLUSTRATIONS[e.id]).length;
import { openWorkbench, recordCspProblems, runCommand, screenshot, TIMER_SELECTOR, webviewFrame, type Workbench } from './harness';

const THEMES = [
  { name: 'light', theme: 'Default Light Modern', label: 'Light Modern', bodyClass: 'vscode-light' },
  { name: 'dark', theme: 'Default Dark Modern', label: 'Dark Modern', bodyClass: 'vscode-dark' },
  { name: 'high-contrast', theme: 'Default High Contrast', label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
] as const;

describe('Browse Exercises in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;
  let consoleProblems: string[] = [];

  before(async () => {
    // A tall window, so the whole library fits on one contact sheet.
    wb = await openWorkbench({ 'workbench.colorTheme': THEMES[0].theme }, { width: 1500, height: 1900 });
    consoleProblems = recordCspProblems(wb.page);
    // Upright's commands are in the palette once it is active: its status-bar item says so.
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    await runCommand(wb.page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(wb.page, 'Upright: Browse Exercises');
    frame = webviewFrame(wb.page);
    await frame.locator('button.card').first().waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  it('shows every exercise as a card with a moving picture', async () => {
    assert.equal(await frame.locator('button.card').count(), EXERCISES.length);
    assert.equal(await frame.locator('button.card svg.upr-illustration').count(), DRAWN, 'every card has its picture');
    assert.ok((await frame.locator('button.card svg animate').count()) > DRAWN, 'the pictures move');
    const names = await frame.locator('.card-name').allInnerTexts();
    assert.deepEqual(
      names,
      EXERCISES.map((e) => e.name),
    );
  });

  it('filters by position, kind and equipment, and says how many it shows', async () => {
    await frame.locator('#filter-position').selectOption('floor');
    const floor = EXERCISES.filter((e) => e.positions.includes('floor')).length;
    assert.equal(await frame.locator('button.card').count(), floor);
    assert.match(await frame.locator('.summary').innerText(), new RegExp(`Showing ${floor} of ${EXERCISES.length}`));
    await frame.locator('#filter-position').selectOption('all');
    await frame.locator('#filter-equipment').selectOption('mine');
    const doable = EXERCISES.filter((e) => e.equipment.every((q) => q === 'band')).length;
    assert.equal(await frame.locator('button.card').count(), doable, 'the default equipment is a band');
    await frame.locator('#filter-equipment').selectOption('all');
    await frame.locator('#filter-kind').selectOption('stretch');
    assert.equal(await frame.locator('button.card').count(), EXERCISES.filter((e) => e.category === 'stretch').length);
    await frame.locator('#filter-kind').selectOption('all');
  });

  it('opens an exercise with its steps, cues and caution, and goes back with Escape', async () => {
    const chinTuck = EXERCISES.find((e) => e.id === 'chin-tuck');
    assert.ok(chinTuck);
    await frame.locator('button.card', { hasText: 'Chin Tuck' }).click();
    await frame.locator('article.detail h1', { hasText: 'Chin Tuck' }).waitFor();
    assert.deepEqual(await frame.locator('.steps li').allInnerTexts(), chinTuck.steps);
    assert.match(
      await frame.locator('.caution').innerText(),
      new RegExp(chinTuck.caution.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    await screenshot(wb.page, 'exercises-detail-chin-tuck');
    assert.equal(await frame.locator('button.start').innerText(), 'Start Chin Tuck');
    await frame.locator('article.detail h1').press('Escape');
    await frame.locator('button.card').first().waitFor();
    assert.equal(await frame.locator('button.card').count(), EXERCISES.length);
  });

  it('offers the equipment-free stand-in for a move that needs what you lack', async () => {
    await frame.locator('button.card', { hasText: 'Dead Hang' }).click();
    const standIn = frame.locator('.stand-in');
    await standIn.waitFor();
    assert.match(await standIn.innerText(), /routines use .+ in its place/);
    await standIn.locator('button').click();
    await frame.locator('article.detail h1').waitFor();
    assert.notEqual(await frame.locator('article.detail h1').innerText(), 'Dead Hang');
    await frame.locator('button.back').click();
    await frame.locator('button.card').first().waitFor();
  });

  for (const t of THEMES) {
    it(`draws every picture in the ${t.name} theme (contact sheet)`, async () => {
      // As a person would: the Color Theme picker.
      await runCommand(wb.page, 'Preferences: Color Theme');
      const input = wb.page.locator('.quick-input-widget input.input');
      await input.fill(t.label);
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: t.label }).first().click();
      await frame.locator(`body.${t.bodyClass}`).waitFor({ timeout: 20_000 });
      await wb.page.waitForTimeout(800);
      await screenshot(wb.page, `exercises-contact-sheet-${t.name}`);
    });
  }

  it('stands the pictures still when the system asks for reduced motion', async () => {
    // workbench.reduceMotion is 'auto' by default: the page follows the operating system's preference.
    await wb.page.emulateMedia({ reducedMotion: 'reduce' });
    await frame.locator('button.card svg.upr-still').first().waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('button.card svg.upr-still').count(), DRAWN);
    assert.equal(await frame.locator('button.card svg animate').count(), 0);
    await screenshot(wb.page, 'exercises-reduced-motion');
  });

  it('starts an exercise from its page: the routine panel opens with it', async () => {
    await frame.locator('button.card', { hasText: 'Chin Tuck' }).click();
    await frame.locator('button.start').click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Upright Routine' }).waitFor({ timeout: 20_000 });
  });

  it('caused no Content Security Policy violation', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
