import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { openWorkbench, runCommand, screenshot, TIMER_SELECTOR, uprightLog, WALKTHROUGH_SELECTOR, type Workbench } from './harness';

const QUICK_INPUT = '.quick-input-widget';
// Installed from the command line before the server starts, as `npm start` does: VS Code itself does
// not open the walkthrough then (it does for an install into a running window).
const OPEN_ON_INSTALL = 'workbench.welcomePage.walkthroughs.openOnInstall';

/** What the person's settings.json holds for `key`, once VS Code has written it (undefined after 15 s). */
async function savedSetting(wb: Workbench, key: string): Promise<unknown> {
  const settingsFile = path.join(wb.server.userDataDir, 'User', 'settings.json');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const saved = (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)[key];
      if (saved !== undefined) return saved;
    } catch {
      // VS Code is writing the file right now: read it again in a moment.
    }
    await wb.page.waitForTimeout(200);
  }
  return undefined;
}

describe('the walkthrough in a real workbench', function () {
  this.timeout(240_000);

  describe(`with ${OPEN_ON_INSTALL} off`, () => {
    let wb: Workbench;
    after(async () => {
      await wb?.close();
    });

    it('stays closed on the first start, and says why in the log', async () => {
      wb = await openWorkbench({ [OPEN_ON_INSTALL]: false, 'workbench.colorTheme': 'Default Light Modern' });
      await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
      await wb.page.waitForTimeout(8_000);
      assert.equal(await wb.page.locator(WALKTHROUGH_SELECTOR).count(), 0);
      assert.match(
        uprightLog(wb.server.userDataDir),
        /the walkthrough stays closed \(workbench\.welcomePage\.walkthroughs\.openOnInstall is off\)/,
      );
    });
  });

  describe(`with ${OPEN_ON_INSTALL} on`, () => {
    let wb: Workbench;
    before(async () => {
      wb = await openWorkbench({ [OPEN_ON_INSTALL]: true, 'workbench.colorTheme': 'Default Light Modern' }, { width: 1280, height: 860 });
    });
    after(async () => {
      await wb?.close();
    });

    it('waits while the person is in a command palette, then opens behind their first editor, without taking the focus', async () => {
      // The person opens the command palette as soon as the window is there, before Upright starts.
      await wb.page.locator('.monaco-workbench').waitFor();
      const palette = wb.page.locator(`${QUICK_INPUT} input.input`);
      await wb.page.keyboard.press('F1');
      await palette.waitFor();
      await wb.page.keyboard.type('Upright');
      await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
      // Longer than a walkthrough takes to draw itself and take the focus.
      await wb.page.waitForTimeout(6_000);
      assert.equal(await palette.isVisible(), true, 'the command palette is still open');
      assert.equal(await palette.inputValue(), '>Upright', 'and keeps what was typed');
      assert.equal(
        await palette.evaluate((e: { ownerDocument: { activeElement: unknown } }) => e.ownerDocument.activeElement === e),
        true,
        'with the focus',
      );
      assert.equal(await wb.page.locator(WALKTHROUGH_SELECTOR).count(), 0, 'nothing drawn over the palette');
      await wb.page.keyboard.press('Escape');

      // The first editor: the walkthrough comes as a tab behind it; the typing goes on in the editor.
      await runCommand(wb.page, 'File: New Untitled Text File');
      const tabs = wb.page.locator('.tabs-container .tab');
      await tabs.filter({ hasText: 'Welcome' }).first().waitFor({ timeout: 20_000 });
      await wb.page.keyboard.type('still typing');
      assert.match((await wb.page.locator('.tabs-container .tab.active').textContent()) ?? '', /Untitled/);
      assert.equal(
        await wb.page.evaluate(() =>
          Boolean(
            (
              globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
            ).document.activeElement?.closest('.monaco-editor'),
          ),
        ),
        true,
        'the focus stayed in the editor',
      );
      assert.match(
        (await wb.page.locator('.monaco-editor .view-lines').first().textContent()) ?? '',
        /still\s+typing/,
        'the editor shows spaces as no-break spaces',
      );
      assert.match(uprightLog(wb.server.userDataDir), /Walkthrough opened behind the editor in use/);

      await tabs.filter({ hasText: 'Welcome' }).first().click();
      const walkthrough = wb.page.locator(WALKTHROUGH_SELECTOR);
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
        // The untitled file: not saved.
        try {
          await wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ }).click({ timeout: 3_000 });
        } catch {
          // Nothing unsaved.
        }
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
      await wb.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'Get started with Upright' }).first().click();
      const walkthrough = wb.page.locator(WALKTHROUGH_SELECTOR);
      await walkthrough.waitFor();
      await walkthrough.getByText('Do you have a resistance band?').first().click();
      await walkthrough.getByRole('button', { name: 'No band' }).click();
      assert.deepEqual(await savedSetting(wb, 'upright.equipment'), []);
      await wb.page.waitForTimeout(800);
      await screenshot(wb.page, 'walkthrough-2-no-band');
    });

    it('offers eye breaks: "Turn on eye breaks" saves them on, as often and as long as the defaults', async () => {
      const walkthrough = wb.page.locator(WALKTHROUGH_SELECTOR);
      await walkthrough.getByText('Rest your eyes too (optional)').first().click();
      await walkthrough.getByRole('button', { name: 'Turn on eye breaks' }).click();
      assert.deepEqual(await savedSetting(wb, 'upright.eyeBreaks'), { enabled: true, everyMinutes: 20, seconds: 20 });
      await wb.page.waitForTimeout(800);
      await screenshot(wb.page, 'walkthrough-3-eye-breaks');
    });
  });
});
