import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Page } from 'playwright-core';

import { openEditor, openWorkbench, runCommand, screenshot, TIMER_SELECTOR, webviewFrame, type Workbench } from './harness';

const OFFER = '[id="upright.upright.upright.move"]';
/** A build of about sixteen seconds, and moves offered for waits of fifteen seconds or more. */
const TASK_SECONDS = 16;
const SETTINGS = { 'upright.moveWhileWaiting': { enabled: true, minSeconds: 15 } };

/** The workspace's own task, as a person defines one in `.vscode/tasks.json`. */
function defineTask(workspace: string): void {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'tasks.json'),
    JSON.stringify({ version: '2.0.0', tasks: [{ label: 'build', type: 'shell', command: `sleep ${TASK_SECONDS}`, problemMatcher: [] }] }),
  );
}

/** Runs the task from the Command Palette; the workbench may take a moment to read a new tasks.json. */
async function runBuild(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'Tasks: Run Task');
    const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'build' }).first();
    try {
      await row.click({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

describe('a move while it runs, as a person sees it', function () {
  this.timeout(300_000);

  for (const { name, theme } of [
    { name: 'light', theme: 'Default Light Modern' },
    { name: 'high-contrast', theme: 'Default High Contrast' },
  ]) {
    describe(`in ${name}`, () => {
      let wb: Workbench;

      before(async () => {
        wb = await openWorkbench({ ...SETTINGS, 'workbench.colorTheme': theme }, { width: 1400, height: 900 });
        defineTask(wb.workspace);
        await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
        await openEditor(wb.page);
      });

      after(async () => {
        await wb?.close();
      });

      it('a task run once before brings the offer on its next start, never before', async () => {
        const { page } = wb;
        await runBuild(page);
        await page.waitForTimeout(4_000);
        assert.equal(await page.locator(OFFER).count(), 0, 'never run: nothing offered');
        await page.waitForTimeout((TASK_SECONDS + 2) * 1000);
        await runBuild(page);
        const offer = page.locator(OFFER);
        await offer.waitFor({ timeout: 10_000 });
        const text = (await offer.innerText()).trim();
        assert.match(text, /^\d+ s: .+/, text);
        const label = (await offer.locator('[aria-label]').first().getAttribute('aria-label')) ?? (await offer.getAttribute('aria-label'));
        assert.match(label ?? '', /A move while it runs/);
        await screenshot(page, `move-offer-${name}`);
      });

      it('a click opens the move beside the editor and leaves the focus where it was; the task ending first is said in the panel', async () => {
        const { page } = wb;
        const focusedBefore = String(await page.evaluate('document.activeElement ? document.activeElement.className : ""'));
        await page.locator(OFFER).click();
        const frame = webviewFrame(page);
        await frame.locator('.exercise-name').waitFor({ timeout: 20_000 });
        assert.equal((await page.locator(OFFER).count()) === 0 || !(await page.locator(OFFER).isVisible()), true, 'the offer goes');
        // The workbench keeps the focus where it was: not in the panel.
        const focusedAfter = String(await page.evaluate('document.activeElement ? document.activeElement.tagName : ""'));
        assert.notEqual(focusedAfter, 'IFRAME', `the focus moved into the panel (was ${focusedBefore})`);
        const note = frame.locator('.wait-note');
        await note.waitFor({ state: 'visible', timeout: (TASK_SECONDS + 5) * 1000 });
        assert.match(await note.innerText(), /The task has finished/);
        await screenshot(page, `move-task-ended-${name}`);
      });

      // Stats are the same in any theme: looked at once, in light.
      if (name === 'light')
        it('the finished move is exercise in Stats', async () => {
          const { page } = wb;
          const frame = webviewFrame(page);
          await frame.locator('.summary').waitFor({ state: 'visible', timeout: 40_000 });
          assert.match(await frame.locator('.summary').innerText(), /Move done[\s\S]*It counts as exercise, not as a break/);
          assert.equal(await frame.locator('.wait-note').isVisible(), false, 'the news of the run goes once the move is done');
          await runCommand(page, 'Upright: Show Stats');
          const stats = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
          const tile = stats.locator('#tile-moves');
          await tile.waitFor({ timeout: 20_000 });
          assert.match(await tile.innerText(), /Moves while waiting\s*1/);
          await screenshot(page, 'move-stats');
        });
    });
  }
});
