import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkbench, runCommand, screenshot, TIMER_SELECTOR, uprightLog, WALKTHROUGH_SELECTOR, type Workbench } from './harness';

describe('the walkthrough in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ 'workbench.colorTheme': 'Default Light Modern' }, { width: 1280, height: 860 }, {}, { keepWalkthrough: true });
  });

  after(async () => {
    await wb?.close();
  });

  it('opens by itself on the first start, with its four steps', async () => {
    const walkthrough = wb.page.locator(WALKTHROUGH_SELECTOR);
    await walkthrough.waitFor({ timeout: 60_000 });
    await walkthrough.getByText('Get started with Upright').first().waitFor();
    for (const step of ['What Upright does', 'Do you have a resistance band?', 'Choose your break interval', 'Try a routine now']) {
      assert.ok((await walkthrough.getByText(step).count()) > 0, step);
    }
    await wb.page.waitForTimeout(800);
    await screenshot(wb.page, 'walkthrough-1-first-start');
  });

  it('never opens by itself again', async () => {
    for (let start = 0; start < 2; start++) {
      await runCommand(wb.page, 'View: Close All Editors');
      await wb.page.locator(WALKTHROUGH_SELECTOR).waitFor({ state: 'detached' });
      // VS Code's own reload saves the open editors first; a bare page reload can race that save and
      // bring back the walkthrough that was open a moment ago, which is VS Code restoring, not Upright.
      await runCommand(wb.page, 'Developer: Reload Window');
      await wb.page.waitForTimeout(1500);
      await wb.page.locator('.monaco-workbench').waitFor();
      await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
      // Give it the time it took on the first start, and more.
      await wb.page.waitForTimeout(8_000);
      assert.equal(await wb.page.locator(WALKTHROUGH_SELECTOR).count(), 0, `start ${start + 2}`);
    }
    const log = uprightLog(wb.server.userDataDir);
    assert.equal(log.match(/Activated in/g)?.length, 3, 'three starts');
    assert.equal(log.match(/First start in this profile: opening the walkthrough/g)?.length, 1, 'opened on the first only');
  });

  it('is still there under Welcome, and "No band" saves the choice in the user settings', async () => {
    await runCommand(wb.page, 'Welcome: Open Walkthrough...');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Upright' }).first().click();
    const walkthrough = wb.page.locator(WALKTHROUGH_SELECTOR);
    await walkthrough.waitFor();
    await walkthrough.getByText('Do you have a resistance band?').first().click();
    await walkthrough.getByRole('button', { name: 'No band' }).click();
    const settingsFile = path.join(wb.server.userDataDir, 'User', 'settings.json');
    const deadline = Date.now() + 15_000;
    let saved: unknown;
    while (Date.now() < deadline) {
      try {
        saved = (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)['upright.equipment'];
      } catch {
        // VS Code is writing the file right now: read it again in a moment.
      }
      if (saved !== undefined) break;
      await wb.page.waitForTimeout(200);
    }
    assert.deepEqual(saved, []);
    await wb.page.waitForTimeout(800);
    await screenshot(wb.page, 'walkthrough-2-no-band');
  });
});
