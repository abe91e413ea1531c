import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { type Frame, type Request } from 'playwright-core';

import {
  openWorkbench,
  recordCspProblems,
  runCommand,
  screenshot,
  TIMER_SELECTOR,
  uprightLog,
  webviewFrame,
  type Workbench,
} from './harness';

/** A custom routine whose name and id try markup, script and links, to show they stay text. */
const HOSTILE_NAME = '<img src=x onerror=alert(1)><script>alert(2)</script> [S](command:x) $(bug)';

/** The frame that hosts a page's content (VS Code's webview host frame, parent of the content frame). */
function webviewHosts(frames: readonly Frame[]): Frame[] {
  return frames.filter(
    (f) =>
      f.url().includes('/webview/browser/pre/index.html') &&
      f.childFrames().some((c) => c.name() === 'active-frame' || c.url().includes('fake.html') || c.url() !== ''),
  );
}

describe('pages under attack in a real workbench', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let cspProblems: string[] = [];
  const webviewRequests: string[] = [];

  before(async () => {
    wb = await openWorkbench(
      {
        'workbench.colorTheme': 'Default Dark Modern',
        'upright.customRoutines': [{ id: 'hostile', name: HOSTILE_NAME, steps: ['chin-tuck'] }],
        'upright.defaultRoutine': 'hostile',
      },
      { width: 1280, height: 860 },
    );
    cspProblems = recordCspProblems(wb.page);
    // Every request made from inside a page's frames (the webview host frame and the content frame).
    wb.page.context().on('request', (request: Request) => {
      let frameUrl = '';
      let parentUrl = '';
      try {
        frameUrl = request.frame().url();
        parentUrl = request.frame().parentFrame()?.url() ?? '';
      } catch {
        // A service worker's request has no frame: the webview's worker serves the pages' files.
        frameUrl = request.serviceWorker()?.url() ?? '';
      }
      if (frameUrl.includes('/webview/browser/pre/') || parentUrl.includes('/webview/browser/pre/')) webviewRequests.push(request.url());
    });
    await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  it('shows a hostile routine name as the characters typed, in the panel and the pick list', async () => {
    await runCommand(wb.page, 'Upright: Take a Break Now');
    const frame = webviewFrame(wb.page);
    await frame.locator('.exercise-name', { hasText: 'Chin Tuck' }).waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('.routine-name').innerText(), HOSTILE_NAME);
    assert.equal(await frame.locator('.routine-name *, main img').count(), 0, 'no element was made from the name');
    await screenshot(wb.page, 'security-1-hostile-name');
    await runCommand(wb.page, 'Upright: Start Routine…');
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'onerror' }).first();
    await row.waitFor();
    assert.match((await row.innerText()).replace(/\u200b/g, ''), /\$\(bug\)/, 'the icon syntax is shown as typed');
    assert.equal(await row.locator('.codicon-bug').count(), 0, 'and not drawn as an icon');
    await wb.page.keyboard.press('Escape');
  });

  it('runs under a strict Content Security Policy, read from the page itself', async () => {
    const frame = webviewFrame(wb.page);
    const policy = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(policy, 'the page declares a policy');
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const scripts = directives.get('script-src') ?? [];
    assert.ok(
      scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)),
      `scripts by nonce: ${scripts.join(' ')}`,
    );
    assert.ok(
      !scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'") && !scripts.some((s) => /^https?:|^\*$/.test(s)),
      `no loose script source: ${scripts.join(' ')}`,
    );
    for (const [name, values] of directives)
      assert.ok(
        !values.some((v) => v === '*' || /^https?:\/\/(?!.*vscode-cdn\.net)/.test(v) || v === 'https:' || v === 'http:'),
        `${name} allows no network: ${values.join(' ')}`,
      );
    // A script the page did not bring is refused.
    const injected = await frame.locator('body').evaluate(
      (body: {
        ownerDocument: {
          createElement(tag: string): { textContent: string };
          body: { appendChild(n: unknown): void };
          documentElement: { dataset: Record<string, string> };
        };
      }) => {
        const doc = body.ownerDocument;
        const s = doc.createElement('script');
        s.textContent = 'document.documentElement.dataset.injected = "ran"';
        doc.body.appendChild(s);
        return doc.documentElement.dataset.injected ?? 'refused';
      },
    );
    assert.equal(injected, 'refused');
  });

  it('ignores and logs malformed messages sent through the page’s own channel, and a flood', async () => {
    const hosts = webviewHosts(wb.page.frames());
    assert.ok(hosts.length >= 1, 'found the page’s host frame');
    for (const host of hosts) {
      // What the page's postMessage does: hand { message } to VS Code's webview host frame.
      await host.evaluate(() => {
        const send = (globalThis as unknown as Record<string, ((channel: string, data: unknown) => void) | undefined>)
          .__vscode_post_message__;
        if (!send) throw new Error('no channel');
        const junk: unknown[] = [
          null,
          42,
          'ready',
          [],
          { type: 'control' },
          { type: 'control', action: 'explode' },
          { type: 'ready', extra: 1 },
          { type: 'x'.repeat(1_000_000) },
          { type: 'start', exerciseId: '../../etc' },
          Array.from({ length: 100_000 }, () => 0),
        ];
        for (let i = 0; i < 500; i++) send('onmessage', { message: junk[i % junk.length] });
        for (let i = 0; i < 500; i++) send('onmessage', { message: { type: 'control', action: 'finish' } });
      });
    }
    await wb.page.waitForTimeout(800);
    await screenshot(wb.page, 'security-2-after-flood');
    // Closing the page tells the rest of the flood in one line; the log reaches its file a moment later.
    await runCommand(wb.page, 'View: Close All Editors');
    let log = '';
    for (let waitedMs = 0; waitedMs < 15_000 && !/too many at once/.test(log); waitedMs += 500) {
      await wb.page.waitForTimeout(500);
      log = uprightLog(wb.server.userDataDir);
    }
    assert.match(log, /Ignored an unexpected message from the routine page/);
    assert.match(log, /Ignored \d+ more messages from the routine page: \d+ unexpected, [1-9]\d* too many at once \(\d+ in all\)/);
    const ignoredLines = log.split('\n').filter((l) => /Ignored .* from the routine page/.test(l));
    assert.ok(ignoredLines.length <= 12, `the log stays short: ${ignoredLines.length} lines for 1000 messages`);
    assert.ok(
      ignoredLines.every((l) => l.length < 500),
      'no payload is copied into the log',
    );
    // The flood of "finish" ended the routine once; the malformed messages did nothing.
    assert.equal(log.match(/Routine hostile ended/g)?.length ?? 0, 1);
  });

  it('makes no request outside Upright’s own files, from any of its pages', async () => {
    await runCommand(wb.page, 'Upright: Show Stats');
    await webviewFrame(wb.page).locator('h1, h2').first().waitFor({ timeout: 30_000 });
    await runCommand(wb.page, 'View: Close All Editors');
    await runCommand(wb.page, 'Upright: Browse Exercises');
    await webviewFrame(wb.page).locator('.upr-illustration').first().waitFor({ timeout: 30_000 });
    await wb.page.waitForTimeout(1500);
    // The recorder saw each page load its own script: it sees what the pages ask for.
    for (const page of ['routine', 'stats', 'exercises'])
      assert.ok(
        webviewRequests.some((url) => url.endsWith(`/dist/webview/${page}.js`)),
        `${page}.js was requested`,
      );
    const installed = `${path.resolve(wb.server.userDataDir, '..', 'extensions')}/upright.upright-`;
    const outside = webviewRequests.filter((url) => {
      const u = new URL(url);
      // VS Code's own webview host files, from the local server.
      if (u.host === new URL(wb.server.url).host && u.pathname.includes('/webview/browser/pre/')) return false;
      // A resource URL, which the webview's service worker answers from the local server: only files of the installed extension.
      if (u.protocol === 'https:' && u.hostname.endsWith('.vscode-resource.vscode-cdn.net'))
        return !decodeURIComponent(u.pathname).startsWith(installed);
      return true;
    });
    console.log(`      (${webviewRequests.length} requests from the pages, ${outside.length} outside Upright's own files)`);
    assert.deepEqual(outside, []);
  });

  it('caused no Content Security Policy violation other than the script it refused', () => {
    assert.ok(
      cspProblems.every((p) => /script/i.test(p)),
      cspProblems.join('\n'),
    );
  });
});
