import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type FrameLocator } from 'playwright-core';

import {
  openWorkbench,
  recordCspProblems,
  repoRoot,
  runCommand,
  screenshot,
  TIMER_SELECTOR,
  webviewFrame,
  type Workbench,
} from './harness';

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

for (const language of ['de', 'es']) {
  describe(`Upright in ${language === 'de' ? 'German' : 'Spanish'}, in a real workbench`, function () {
    this.timeout(180_000);
    const bundle = readJson(`l10n/bundle.l10n.${language}.json`) as Record<string, string>;
    const manifest = readJson(`package.nls.${language}.json`) as Record<string, string>;
    const exercises = readJson(`l10n/exercises.${language}.json`) as Record<string, { name: string; steps: string[] }>;
    const tr = (english: string): string => {
      const text = bundle[english];
      assert.ok(text, `the bundle has ${JSON.stringify(english)}`);
      return text;
    };
    let wb: Workbench;
    let frame: FrameLocator;
    let cspProblems: string[] = [];

    before(async () => {
      wb = await openWorkbench({}, { width: 1280, height: 860 }, {}, { locale: language });
      cspProblems = recordCspProblems(wb.page);
      await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    });

    after(async () => {
      await wb?.close();
    });

    it('labels the status-bar timer in the language', async () => {
      const label = (await wb.page.locator(TIMER_SELECTOR).locator('a, [role="button"]').first().getAttribute('aria-label')) ?? '';
      const [, between] = tr('Upright: {0} coding since your last break, {1} today. Activate for the menu.').split(/\{\d\}/);
      assert.ok(between && label.includes(between), label);
      assert.doesNotMatch(label, /coding since your last break/);
    });

    it('runs a routine from its translated command title, with translated names, steps, controls and safety line', async () => {
      // The command palette shows the titles of package.nls.de.json.
      await runCommand(wb.page, `Upright: ${manifest['command.takeBreak'] ?? '?'}`);
      frame = webviewFrame(wb.page);
      const chinTuck = exercises['chin-tuck'];
      assert.ok(chinTuck);
      await frame.locator('.exercise-name', { hasText: chinTuck.name }).waitFor({ timeout: 60_000 });
      assert.equal(await frame.locator('html').getAttribute('lang'), language);
      assert.equal(await frame.locator('.routine-name').innerText(), tr('Posture Reset'));
      assert.equal(
        await frame.locator('.safety').innerText(),
        tr('Move slowly and gently. Stop if you feel sharp or worsening pain; mild, easing tension is fine.'),
      );
      assert.equal(await frame.locator('.steps li').first().innerText(), chinTuck.steps[0]);
      assert.equal((await frame.locator('.control-pause span').innerText()).trim(), tr('Pause'));
      await screenshot(wb.page, `language-${language}-routine`);
      await frame.locator('.exercise-name').click();
      await wb.page.keyboard.press('Escape');
      await frame.locator('.summary h2', { hasText: tr('Stopped early') }).waitFor();
    });

    it('shows the Stats page in the language', async () => {
      await runCommand(wb.page, 'View: Close All Editors');
      await runCommand(wb.page, `Upright: ${manifest['command.showStats'] ?? '?'}`);
      const stats = webviewFrame(wb.page);
      await stats.locator('h1', { hasText: tr('Your stats') }).waitFor({ timeout: 30_000 });
      await screenshot(wb.page, `language-${language}-stats`);
      assert.deepEqual(cspProblems, []);
    });
  });
}
