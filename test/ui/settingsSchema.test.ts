import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { openWorkbench, repoRoot, runCommand, screenshot, TIMER_SELECTOR, type Workbench } from './harness';

/** The `upright.customRoutines` example docs/custom-routines.md shows, as the value a person pastes. */
function guideExample(): unknown {
  const guide = fs.readFileSync(path.join(repoRoot, 'docs/custom-routines.md'), 'utf8');
  const block = [...guide.matchAll(/```json\n([^`]*)```/g)]
    .map((m) => m[1] ?? '')
    .find((b) => b.trimStart().startsWith('"upright.customRoutines"'));
  if (!block) throw new Error('docs/custom-routines.md shows no upright.customRoutines example');
  return (JSON.parse(`{${block}}`) as Record<string, unknown>)['upright.customRoutines'];
}

describe("settings.json with the custom routines guide's example, in a real workbench", function () {
  this.timeout(180_000);
  let wb: Workbench;
  const example = guideExample();

  before(async () => {
    wb = await openWorkbench(
      { 'workbench.colorTheme': 'Default Light Modern', 'upright.customRoutines': example },
      { width: 1280, height: 860 },
    );
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  // The workbench's count of errors and warnings (the status bar's problems item), whatever the editor draws.
  const problems = async (): Promise<number> => {
    const text = await wb.page.locator('[id="status.problems"]').innerText();
    return (text.match(/\d+/g) ?? []).reduce((sum, n) => sum + Number(n), 0);
  };

  it('shows the example with no error or warning', async () => {
    await runCommand(wb.page, 'Preferences: Open User Settings (JSON)');
    const editor = wb.page.locator('.monaco-editor').first();
    await editor.getByText('upright.customRoutines').first().waitFor({ timeout: 30_000 });
    // Time for the JSON language service to validate against the contributed schema.
    await wb.page.waitForTimeout(5_000);
    assert.equal(await problems(), 0, 'no error or warning in settings.json');
    await screenshot(wb.page, 'settings-json-custom-routine');
  });

  it('marks a step that is not an exercise, so the check above can fail', async () => {
    // The person renames the example's bare step in the editor: find it, and type over it.
    const steps = (example as { steps: unknown[] }[]).flatMap((r) => r.steps);
    const bare = steps.find((step): step is string => typeof step === 'string');
    assert.ok(bare, 'the example has a bare exercise id');
    await wb.page.keyboard.press('Control+f');
    await wb.page.keyboard.type(bare);
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.type('not-an-exercise');
    const deadline = Date.now() + 30_000;
    while ((await problems()) === 0 && Date.now() < deadline) await wb.page.waitForTimeout(250);
    assert.ok((await problems()) > 0, 'the unknown step is marked');
    await screenshot(wb.page, 'settings-json-unknown-step');
  });
});
