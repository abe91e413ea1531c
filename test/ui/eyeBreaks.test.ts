import * as assert from 'node:assert/strict';

import { type Page } from 'playwright-core';

import { openEditor, openWorkbench, runCommand, screenshot, TIMER_SELECTOR, type Workbench } from './harness';

const EYES = '[id="upright.upright.upright.eyes"]';
/** A short interval and a short count, and the posture break far away. */
const SETTINGS = { 'upright.eyeBreaks': { enabled: true, everyMinutes: 1, seconds: 5 }, 'upright.breakIntervalMinutes': 30 };
/** A minute of coding and a little more, typed a key every two seconds: less than the count, so it never runs out meanwhile. */
const TYPING_MS = 70_000;

/** Types a key every two seconds for `ms`; `each` runs after every key. */
async function typeFor(page: Page, ms: number, each?: () => Promise<void>): Promise<void> {
  for (let t = 0; t < ms; t += 2_000) {
    await page.keyboard.type('x');
    await each?.();
    await page.waitForTimeout(2_000);
  }
}

async function eyesText(page: Page): Promise<string> {
  const item = page.locator(EYES);
  return (await item.count()) > 0 && (await item.isVisible()) ? (await item.innerText()).trim() : '';
}

describe('eye breaks, as a person sees them', function () {
  this.timeout(300_000);

  for (const { name, theme } of [
    { name: 'light', theme: 'Default Light Modern' },
    { name: 'high-contrast', theme: 'Default High Contrast' },
  ]) {
    describe(`in ${name}`, () => {
      let wb: Workbench;

      before(async () => {
        wb = await openWorkbench({ ...SETTINGS, 'workbench.colorTheme': theme }, { width: 1400, height: 900 });
        await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
        await openEditor(wb.page);
      });

      after(async () => {
        await wb?.close();
      });

      it('after a minute of coding the status bar counts down the seconds to look away; a key starts it again; it ends', async () => {
        const { page } = wb;
        await typeFor(page, TYPING_MS);
        const item = page.locator(EYES);
        await item.waitFor({ state: 'visible', timeout: 20_000 });
        assert.match(await eyesText(page), /^Look far away: [1-5] s$/);
        const label = (await item.locator('[aria-label]').first().getAttribute('aria-label')) ?? (await item.getAttribute('aria-label'));
        assert.match(label ?? '', /Eye break: look far away, \d seconds? left/);
        await screenshot(page, `eye-break-${name}`);
        // Seconds go down while nobody types; a key puts the count back to five.
        const deadline = Date.now() + 10_000;
        while (!/: [1-3] s$/.test(await eyesText(page))) {
          assert.ok(Date.now() < deadline, `the count goes down (${await eyesText(page)})`);
          await page.waitForTimeout(100);
        }
        await page.keyboard.type('x');
        const back = Date.now() + 3_000;
        while ((await eyesText(page)) !== 'Look far away: 5 s') {
          assert.ok(Date.now() < back, `a key starts the count again (${await eyesText(page)})`);
          await page.waitForTimeout(100);
        }
        await page.locator(EYES, { hasText: 'Eyes rested' }).waitFor({ state: 'visible', timeout: 10_000 });
        await screenshot(page, `eye-rested-${name}`);
        await item.waitFor({ state: 'hidden', timeout: 10_000 });
      });

      // Stats are the same in any theme: looked at once, in light.
      if (name === 'light') {
        it('is counted in Stats', async () => {
          const { page } = wb;
          await runCommand(page, 'Upright: Show Stats');
          const stats = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
          const tile = stats.locator('#tile-eyes');
          await tile.waitFor({ timeout: 20_000 });
          assert.match(await tile.innerText(), /Eye breaks\s*1/);
          await screenshot(page, 'eye-stats');
        });
      }
    });
  }
});

describe('eye breaks near a posture break, as a person sees them', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    // The posture break comes after six minutes of coding: from the first minute on, it is at most five away.
    wb = await openWorkbench({ ...SETTINGS, 'upright.breakIntervalMinutes': 6 }, { width: 1400, height: 900 });
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    await openEditor(wb.page);
  });

  after(async () => {
    await wb?.close();
  });

  it('never shows within five minutes of a posture break', async () => {
    const { page } = wb;
    let seen = '';
    await typeFor(page, TYPING_MS, async () => {
      seen ||= await eyesText(page);
    });
    await page.waitForTimeout(8_000);
    seen ||= await eyesText(page);
    assert.equal(seen, '', 'no eye break this close to a posture break');
  });
});
