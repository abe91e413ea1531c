import * as assert from 'node:assert/strict';

import { type FrameLocator } from 'playwright-core';

import { openWorkbench, recordCspProblems, runCommand, screenshot, TIMER_SELECTOR, webviewFrame, type Workbench } from './harness';

const HTML_NAME = '<b>Bold</b> <img src=x onerror="document.title=1">';

describe('routine panel in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;
  let consoleProblems: string[] = [];

  const countText = async (): Promise<string> => (await frame.locator('.count-big').innerText()).trim();
  const focusPage = async (): Promise<void> => {
    await frame.locator('.exercise-name').click();
  };

  before(async () => {
    wb = await openWorkbench(
      {
        'workbench.colorTheme': 'Default Light Modern',
        'upright.customRoutines': [
          { id: 'markup-name', name: HTML_NAME, steps: ['chin-tuck', { exercise: 'no-such-move' }] },
          { id: 'one-side', name: 'One Side Then The Other', steps: ['upper-trap-stretch'] },
        ],
      },
      { width: 1280, height: 900 },
    );
    consoleProblems = recordCspProblems(wb.page);
    // Upright's commands are in the palette once it is active: its status-bar item says so.
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
    await runCommand(wb.page, 'Upright: Take a Break Now');
    frame = webviewFrame(wb.page);
    await frame.locator('.exercise-name', { hasText: 'Chin Tuck' }).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  it('opens on "get ready" with the safety line, the routine name and the first exercise', async () => {
    assert.equal(await frame.locator('.routine-name').innerText(), 'Posture Reset');
    assert.match(await frame.locator('.phase').innerText(), /get ready/i);
    assert.match(await frame.locator('.safety').innerText(), /sharp or worsening pain/);
    assert.equal(await frame.locator('.art svg.upr-illustration').count(), 1);
    await screenshot(wb.page, 'routine-1-get-ready');
  });

  it('counts down in real time, and Space pauses and resumes it', async () => {
    const first = await countText();
    await wb.page.waitForTimeout(2200);
    const later = await countText();
    assert.notEqual(later, first, `the countdown moved (${first} → ${later})`);
    await focusPage();
    await wb.page.keyboard.press('Space');
    await frame.locator('.control-resume, [data-action="resume"]').first().waitFor();
    assert.equal(await frame.locator('[aria-pressed="true"]').count(), 1);
    const stopped = await countText();
    await wb.page.waitForTimeout(1800);
    assert.equal(await countText(), stopped, 'time stands still while paused');
    await screenshot(wb.page, 'routine-2-paused');
    await wb.page.keyboard.press('Space');
    await frame.locator('[aria-pressed="false"]').first().waitFor();
  });

  it('draws the count once a second and moves the figure only while its exercise runs in sight', async () => {
    await runCommand(wb.page, 'Upright: Take a Break Now'); // from the start: getting ready
    await frame.locator('body[data-segment-kind="ready"] .exercise-name', { hasText: 'Chin Tuck' }).waitFor();
    /** Over `ms`: the page's animation-frame requests, the ring's changes and how far the figure's time moved. */
    const watch = async (ms: number): Promise<{ frames: number; ringChanges: number; figureSeconds: number }> => {
      interface WatchedWindow {
        requestAnimationFrame(callback: (time: number) => void): number;
        __frames?: number;
      }
      interface WatchedBody {
        ownerDocument: {
          defaultView: WatchedWindow;
          querySelector(selector: string): { getCurrentTime(): number } | null;
          querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
        };
      }
      return frame.locator('body').evaluate(async (body: WatchedBody, forMs: number) => {
        const doc = body.ownerDocument;
        const win = doc.defaultView;
        const original = win.requestAnimationFrame.bind(win);
        win.__frames = 0;
        win.requestAnimationFrame = (callback) => {
          win.__frames = (win.__frames ?? 0) + 1;
          return original(callback);
        };
        const ring = (): string | null => doc.querySelectorAll('.ring-fill')[0]?.getAttribute('stroke-dashoffset') ?? null;
        const figure = (): number => doc.querySelector('.art svg.upr-illustration')?.getCurrentTime() ?? 0;
        const started = figure();
        let ringChanges = 0;
        let last = ring();
        const until = performance.now() + forMs;
        while (performance.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (ring() !== last) ringChanges++;
          last = ring();
        }
        win.requestAnimationFrame = original;
        return { frames: win.__frames, ringChanges, figureSeconds: figure() - started };
      }, ms);
    };
    const ready = await watch(2_000);
    assert.equal(ready.frames, 0, 'no redraw on every animation frame');
    assert.ok(ready.ringChanges >= 1 && ready.ringChanges <= 3, `the ring moved once a second (${ready.ringChanges} in 2 s)`);
    assert.equal(ready.figureSeconds, 0, 'the figure rests while getting ready');
    await focusPage();
    await wb.page.keyboard.press('ArrowRight'); // the exercise starts
    await frame.locator('body[data-segment-kind="work"]').waitFor();
    // Long enough to see a chin tuck's 2 s hold end: the figure stands still through it.
    const working = await watch(3_000);
    assert.equal(working.frames, 0, 'no redraw on every animation frame');
    assert.ok(working.ringChanges <= 6, `the ring moved at most once a second and at each rep (${working.ringChanges} in 3 s)`);
    assert.ok(working.figureSeconds > 1, `the figure moves with the exercise (${working.figureSeconds.toFixed(2)} s)`);
    // Out of sight (the browser hides the page): nothing moves, and all comes back in step.
    const setVisibility = (state: 'hidden' | 'visible'): Promise<void> =>
      frame
        .locator('body')
        .evaluate(
          (body: { ownerDocument: { dispatchEvent(e: unknown): boolean; defaultView: { Event: new (t: string) => unknown } } }, to) => {
            const doc = body.ownerDocument;
            Object.defineProperty(doc, 'visibilityState', { configurable: true, get: () => to });
            doc.dispatchEvent(new doc.defaultView.Event('visibilitychange'));
          },
          state,
        );
    await setVisibility('hidden');
    const hidden = await watch(1_500);
    assert.equal(hidden.ringChanges, 0, 'the ring stands still out of sight');
    assert.equal(hidden.figureSeconds, 0, 'the figure rests out of sight');
    await setVisibility('visible');
    assert.ok((await watch(2_500)).figureSeconds > 0, 'back in sight, the figure moves again');
    await wb.page.keyboard.press('Space');
    await frame.locator('[aria-pressed="true"]').waitFor();
    const paused = await watch(1_500);
    assert.equal(paused.ringChanges, 0, 'paused, the ring stands still');
    assert.equal(paused.figureSeconds, 0, 'paused, the figure rests');
    await wb.page.keyboard.press('Space');
    await frame.locator('[aria-pressed="false"]').waitFor();
  });

  it('reaches every control from the keyboard', async () => {
    await focusPage();
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await wb.page.keyboard.press('Tab');
      // The page's own idea of focus: answers at once, even when focus has left the page.
      interface FocusNode {
        tagName: string;
        textContent: string | null;
        querySelector(selector: string): { textContent: string | null } | null;
      }
      const label: string = await frame.locator('body').evaluate((body: { ownerDocument: { activeElement: FocusNode | null } }) => {
        const active = body.ownerDocument.activeElement;
        return active?.tagName === 'BUTTON' ? (active.querySelector('span')?.textContent ?? active.textContent ?? '') : '';
      });
      if (label) seen.push(label);
    }
    for (const control of ['Back', 'Pause', 'Next', 'Finish'])
      assert.ok(seen.includes(control), `${control} is reachable by Tab (${seen.join(', ')})`);
  });

  it('steps through the whole routine with the arrow key, picture by picture', async () => {
    await runCommand(wb.page, 'Upright: Take a Break Now'); // from the start again
    await frame.locator('body[data-segment-kind="ready"] .exercise-name', { hasText: 'Chin Tuck' }).waitFor();
    await focusPage();
    await wb.page.keyboard.press('ArrowRight'); // past "get ready"
    await frame.locator('.count-small', { hasText: /reps|hold|keep going/ }).waitFor();
    assert.match((await frame.locator('.count').getAttribute('aria-label')) ?? '', /^Rep 1 of \d+$|seconds left/);
    await screenshot(wb.page, 'routine-3-chin-tuck');
    const names: string[] = [await frame.locator('.exercise-name').innerText()];
    for (let i = 0; i < 30 && !(await frame.locator('.summary:not([hidden])').count()); i++) {
      await wb.page.keyboard.press('ArrowRight');
      await wb.page.waitForTimeout(250);
      const name = await frame.locator('.exercise-name').innerText();
      const kind = await frame.locator('body').getAttribute('data-segment-kind');
      if (kind === 'work' && name !== names.at(-1)) {
        names.push(name);
        await screenshot(wb.page, `routine-${3 + names.length - 1}-${name.toLowerCase().replace(/\W+/g, '-')}`);
      }
    }
    assert.deepEqual(names.slice(0, 3), ['Chin Tuck', 'Scapular Squeeze', 'Band Pull-Apart']);
    await frame.locator('.summary h2').waitFor();
    assert.match(await frame.locator('.summary').innerText(), /exercises completed|does not count as a break/);
    await screenshot(wb.page, 'routine-9-summary');
  });

  it('comes back where it was after the window reloads', async () => {
    await runCommand(wb.page, 'Upright: Start Routine…');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Desk Stretch' }).click();
    await frame.locator('.exercise-name', { hasText: 'Upper Trap Stretch' }).waitFor({ timeout: 20_000 });
    await focusPage();
    await wb.page.keyboard.press('ArrowRight');
    await frame.locator('body[data-segment-kind="work"]').waitFor();
    await runCommand(wb.page, 'Developer: Reload Window');
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    frame = webviewFrame(wb.page);
    await frame.locator('.exercise-name', { hasText: 'Upper Trap Stretch' }).waitFor({ timeout: 60_000 });
    assert.notEqual(await frame.locator('body').getAttribute('data-segment-kind'), 'ready', 'not back at the start');
    await screenshot(wb.page, 'routine-10-restored');
  });

  it('mirrors a one-sided move’s picture for the right side', async () => {
    await runCommand(wb.page, 'Upright: Start Routine…');
    // The routine is the last of the list, which may stand below its fold: typing its name brings it up.
    await wb.page.locator('.quick-input-widget input.input').fill('One Side');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'One Side Then The Other' }).click();
    await frame.locator('.exercise-name', { hasText: 'Upper Trap Stretch' }).waitFor({ timeout: 20_000 });
    await focusPage();
    // Where the first move's arrow is across the picture, 0 at its left edge and 1 at its right.
    const arrowAcross = async (): Promise<number> =>
      frame.locator('.art svg').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const at = svg.querySelector('.upr-arrow')?.getBoundingClientRect();
        return at ? (at.left + at.width / 2 - box.left) / box.width : Number.NaN;
      });
    await wb.page.keyboard.press('ArrowRight'); // past "get ready"
    await frame.locator('body[data-segment-kind="work"] .phase', { hasText: 'Left side' }).waitFor();
    const left = await arrowAcross();
    await screenshot(wb.page, 'routine-side-left');
    for (let i = 0; i < 4 && !(await frame.locator('body[data-segment-kind="work"] .phase', { hasText: 'Right side' }).count()); i++) {
      await wb.page.keyboard.press('ArrowRight');
      await wb.page.waitForTimeout(250);
    }
    await frame.locator('body[data-segment-kind="work"] .phase', { hasText: 'Right side' }).waitFor();
    const right = await arrowAcross();
    await screenshot(wb.page, 'routine-side-right');
    assert.ok(Number.isFinite(left) && Number.isFinite(right), 'an arrow in both pictures');
    assert.ok(
      Math.abs(left + right - 1) < 0.02,
      `the right side's picture is the left side's mirrored (arrow at ${left.toFixed(3)}, then ${right.toFixed(3)})`,
    );
    assert.ok(Math.abs(left - 0.5) > 0.01, 'and the picture is not the same both ways round');
  });

  it('shows a custom routine’s name that is markup as text, and skips its unknown exercise', async () => {
    // The window was just reloaded: the restored panel's page may still take the focus as it loads,
    // which closes a pick list opened too soon. Open it again then, as a person would.
    for (let attempt = 1; ; attempt++) {
      await runCommand(wb.page, 'Upright: Start Routine…');
      try {
        await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Bold' }).first().click({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await wb.page.keyboard.press('Escape');
      }
    }
    await frame.locator('.routine-name', { hasText: 'Bold' }).waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('.routine-name').innerText(), HTML_NAME);
    assert.equal(await frame.locator('.routine-name b, .routine-name img, main img').count(), 0, 'no element was made from the name');
    assert.equal(await frame.locator('.where').innerText(), 'Exercise 1 of 1', 'the unknown exercise is skipped, the rest works');
    await screenshot(wb.page, 'routine-11-markup-name');
  });

  it('caused no Content Security Policy violation', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
