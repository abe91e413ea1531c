import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Page } from 'playwright-core';

import { openWorkbench, repoRoot, runCommand, screenshot, TIMER_SELECTOR, type Workbench } from './harness';

const TOAST = '.notifications-toasts .notification-toast';
/** The shortest absence that is a break: a minute, with the idle threshold at its lowest. */
const SHORT_BREAKS = { 'upright.naturalBreakMinutes': 1, 'upright.idleThresholdSeconds': 30 };

const THEMES = [
  { name: 'light', label: 'Light Modern' },
  { name: 'dark', label: 'Dark Modern' },
  { name: 'high-contrast', label: 'Dark High Contrast' },
] as const;

async function openEditor(page: Page): Promise<void> {
  await runCommand(page, 'File: New Untitled Text File');
  await page.locator('.monaco-editor textarea').first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
}

/** The text of what has the keyboard focus in the workbench. */
async function focusedText(page: Page): Promise<string> {
  return String(await page.evaluate('document.activeElement ? document.activeElement.textContent : ""')).trim();
}

async function setTheme(page: Page, label: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input.input').fill(label);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().click();
  await page.mouse.move(800, 450); // away from the tabs, whose hover would cover the editor
  await page.waitForTimeout(800);
}

/**
 * Types, steps away for a little over a minute (really), and types again: the question comes. Time away
 * across midnight is a night, never asked about: started within three minutes of midnight, it waits
 * for the new day, so what the test sees does not depend on the time it runs.
 */
async function stepAwayAndBack(page: Page): Promise<void> {
  const now = new Date();
  const toMidnightMs = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
  if (toMidnightMs < 3 * 60_000) await page.waitForTimeout(toMidnightMs + 5_000);
  await openEditor(page);
  await page.keyboard.type('const upright = true;', { delay: 30 });
  await page.waitForTimeout(63_000);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.type(' // back', { delay: 30 });
  await page.mouse.move(300, 300);
}

describe('the question about time away, as a person sees it', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ ...SHORT_BREAKS, 'workbench.colorTheme': 'Default Light Modern' }, { width: 1280, height: 860 });
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  it('asks once, in a notification and the status bar, without taking the focus from the editor', async () => {
    const page = wb.page;
    await stepAwayAndBack(page);
    const toast = page.locator(TOAST, { hasText: 'You were away' });
    await toast.waitFor({ timeout: 15_000 });
    assert.match(await toast.innerText(), /You were away 1 minute .*Did you get up and move, or sit through a meeting or a call\?/s);
    assert.equal(await toast.locator('a.monaco-button', { hasText: 'I moved' }).count(), 1);
    assert.equal(await toast.locator('a.monaco-button', { hasText: 'I sat' }).count(), 1);
    const timer = page.locator(TIMER_SELECTOR);
    assert.match(await timer.innerText(), /Away 1m: moved or sat\?/);
    const label = (await timer.locator('a, [role="button"]').first().getAttribute('aria-label')) ?? '';
    assert.match(label, /you were away 1 minute\. Activate to say whether you moved or sat/);
    // The editor keeps the focus: typing goes on into the file.
    await page.keyboard.type(' still typing', { delay: 20 });
    // Monaco draws spaces as no-break spaces.
    assert.match((await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\s+/g, ' '), /still typing/);
    assert.equal(await page.locator(TOAST, { hasText: 'You were away' }).count(), 1, 'one question');
    for (const theme of THEMES) {
      if (theme.name !== 'light') await setTheme(page, theme.label);
      await screenshot(page, `away-question-${theme.name}`);
    }
  });

  it('the keyboard reaches the answers: "I sat" from the notification', async () => {
    const page = wb.page;
    await runCommand(page, 'Notifications: Focus Notification Toast');
    const toast = page.locator(TOAST, { hasText: 'You were away' });
    // Tab from the message to its buttons, as a screen-reader user would.
    for (let i = 0; i < 6; i++) {
      if ((await focusedText(page)) === 'I sat') break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await focusedText(page), 'I sat');
    await page.keyboard.press('Enter');
    await toast.waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator(TIMER_SELECTOR, { hasText: /^\s*\S*\s*\d+m\s*$/ }).waitFor({ timeout: 10_000 });
    assert.doesNotMatch(await page.locator(TIMER_SELECTOR).innerText(), /moved or sat/);
  });

  it('the menu changes the answer until the next break', async () => {
    const page = wb.page;
    await page.locator(TIMER_SELECTOR).click();
    const moved = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'I Moved While Away' });
    await moved.waitFor({ timeout: 10_000 });
    assert.equal(
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'I Sat While Away' }).count(),
      0,
      'already answered',
    );
    await page.waitForTimeout(500); // the quick pick fades in
    await screenshot(page, 'away-menu-high-contrast');
    await moved.click();
    await page.waitForTimeout(500);
    await page.locator(TIMER_SELECTOR).click();
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'I Sat While Away' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  });
});

const readJson = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;

for (const language of ['de', 'es']) {
  describe(`the question about time away in ${language === 'de' ? 'German' : 'Spanish'}`, function () {
    this.timeout(300_000);
    const bundle = readJson(`l10n/bundle.l10n.${language}.json`);
    const tr = (english: string): string => {
      const text = bundle[english];
      assert.ok(text, `the bundle has ${JSON.stringify(english)}`);
      return text;
    };
    let wb: Workbench;

    before(async () => {
      wb = await openWorkbench(
        { ...SHORT_BREAKS, 'workbench.colorTheme': 'Default Light Modern' },
        { width: 1280, height: 860 },
        {},
        { locale: language },
      );
      await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    });

    after(async () => {
      await wb?.close();
    });

    it('asks in the language, with the answers in it', async () => {
      const page = wb.page;
      await stepAwayAndBack(page);
      const [start] = tr('You were away {0} ({1}–{2}). Did you get up and move, or sit through a meeting or a call?').split('{0}');
      const toast = page.locator(TOAST, { hasText: (start ?? '').trim() });
      await toast.waitFor({ timeout: 15_000 });
      assert.equal(await toast.locator('a.monaco-button', { hasText: tr('I moved') }).count(), 1);
      assert.equal(await toast.locator('a.monaco-button', { hasText: tr('I sat') }).count(), 1);
      const [, moved] = tr('Away {0}: moved or sat?').split('{0}');
      assert.ok((await page.locator(TIMER_SELECTOR).innerText()).includes((moved ?? '').trim()));
      await page.waitForTimeout(500);
      await screenshot(page, `away-question-${language}`);
    });
  });
}
