import * as assert from 'node:assert/strict';

import { type Locator } from 'playwright-core';

import { openWorkbench, runCommand, screenshot, TIMER_SELECTOR, type Workbench } from './harness';

describe('status-bar session timer in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let timer: Locator;

  before(async () => {
    wb = await openWorkbench();
    timer = wb.page.locator(TIMER_SELECTOR);
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the timer in the status bar with an accessible label', async () => {
    await timer.waitFor({ timeout: 60_000 });
    assert.match((await timer.innerText()).trim(), /^\d+m$/);
    const label = await timer.locator('a, [role="button"]').first().getAttribute('aria-label');
    assert.match(label ?? '', /Upright: .* coding since your last break/);
    await screenshot(wb.page, 'status-bar-timer');
  });

  it('counts real typing: a minute of typing shows as 1m', async () => {
    const page = wb.page;
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.monaco-editor textarea').first().waitFor();
    await page.locator('.monaco-editor .view-lines').first().click();
    const started = Date.now();
    // A person typing for just over a minute, in bursts with short pauses.
    while (Date.now() - started < 64_000) {
      await page.keyboard.type('const upright = true; ', { delay: 40 });
      await page.keyboard.press('Enter');
      await page.waitForTimeout(700);
    }
    await page.keyboard.type('// done');
    await assertEventually(async () => (await timer.innerText()).trim() === '1m', 'timer shows 1m');
    await screenshot(page, 'status-bar-after-typing');
  });

  it('keeps the session across a window reload', async () => {
    const page = wb.page;
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(1500);
    await page.locator('.monaco-workbench').waitFor();
    await timer.waitFor({ timeout: 60_000 });
    assert.equal((await timer.innerText()).trim(), '1m');
  });

  it('opens the menu on click, and "I Took a Break" restarts the session', async () => {
    const page = wb.page;
    await timer.click();
    const pick = page.locator('.quick-input-widget');
    await pick.locator('.monaco-list-row', { hasText: 'I Took a Break' }).waitFor();
    const title = await pick.locator('.quick-input-title').innerText();
    assert.match(title, /Upright — 1m since your last break/);
    await screenshot(page, 'status-bar-menu');
    await pick.locator('.monaco-list-row', { hasText: 'I Took a Break' }).click();
    await assertEventually(async () => (await timer.innerText()).trim() === '0m', 'timer back to 0m');
    await screenshot(page, 'status-bar-after-break');
  });
});

async function assertEventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`timed out waiting until ${what}`);
}
