import * as assert from 'node:assert/strict';

import { type Page } from 'playwright-core';

import { openWorkbench, recordCspProblems, runCommand, screenshot, TIMER_SELECTOR, webviewFrame, type Workbench } from './harness';

/**
 * The browser entry (`browser` in package.json, dist/browser.js) in VS Code's web worker extension
 * host, the one vscode.dev runs extensions in. code-server would run the Node entry; this setting
 * moves Upright into the worker, with no Node and no file system, as in vscode.dev.
 */
const IN_WEB_WORKER = { 'remote.extensionKind': { 'upright.upright': ['web'] } };

/** Upright's log, as the Output panel shows it. */
async function logText(page: Page): Promise<string> {
  await runCommand(page, 'Upright: Show Menu');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Show Log' }).click();
  const output = page.locator('.part.panel .monaco-editor .view-lines');
  await output.first().waitFor();
  await page.waitForTimeout(500);
  // Monaco draws spaces as no-break spaces and wraps long lines.
  return (await output.first().innerText()).replace(/\s+/g, ' ');
}

describe('the browser entry in a web worker extension host', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let cspProblems: string[] = [];

  before(async () => {
    wb = await openWorkbench(IN_WEB_WORKER, { width: 1280, height: 860 });
    cspProblems = recordCspProblems(wb.page);
  });

  after(async () => {
    await wb?.close();
  });

  it('runs in the worker, keeps its ledger in globalState and says so in the log', async () => {
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    assert.match((await wb.page.locator(TIMER_SELECTOR).innerText()).trim(), /^\d+m$/);
    const log = await logText(wb.page);
    assert.match(log, /No file system here \(.*\): the ledger and history are in this window's globalState, not shared/);
    assert.match(log, /Shared ledger: globalState/);
    assert.doesNotMatch(log, /ledger\.json/);
    await screenshot(wb.page, 'browser-host-log');
  });

  it('opens a routine with the exercise library read through the workspace file system', async () => {
    await runCommand(wb.page, 'Upright: Take a Break Now');
    const frame = webviewFrame(wb.page);
    await frame.locator('.exercise-name', { hasText: 'Chin Tuck' }).waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('.routine-name').innerText(), 'Posture Reset');
    assert.equal(await frame.locator('.art svg.upr-illustration').count(), 1);
    await screenshot(wb.page, 'browser-host-routine');
    await frame.locator('.exercise-name').click();
    await wb.page.keyboard.press('Escape');
    await frame.locator('.summary h2').waitFor();
    assert.deepEqual(cspProblems, []);
  });

  it('keeps a break taken across a reload of the window', async () => {
    const page = wb.page;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Upright: I Took a Break');
    await runCommand(page, 'Upright: Show Stats');
    const breaks = webviewFrame(page).locator('#today .tile', { hasText: 'Breaks taken' }).locator('.tile-value');
    await breaks.waitFor({ timeout: 30_000 });
    assert.equal((await breaks.innerText()).trim(), '1');
    await runCommand(page, 'View: Close All Editors');
    // globalState is saved lazily; VS Code saves it when the window unloads.
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(1500);
    await page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Upright: Show Stats');
    const after = webviewFrame(page).locator('#today .tile', { hasText: 'Breaks taken' }).locator('.tile-value');
    await after.waitFor({ timeout: 30_000 });
    assert.equal((await after.innerText()).trim(), '1');
    await screenshot(page, 'browser-host-stats-after-reload');
  });
});
