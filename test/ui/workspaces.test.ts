import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { openWorkbench, runCommand, screenshot, TIMER_SELECTOR, webviewFrame, type Workbench } from './harness';

/**
 * A tiny extension that serves a folder from memory under the `memfs:` scheme, so a workspace can be
 * virtual (no folder on disk at all), as a GitHub repository opened in the browser is.
 */
function memfsExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-memfs-'));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'upright-test-memfs',
      publisher: 'upright-test',
      version: '1.0.0',
      license: 'MIT',
      main: './extension.js',
      engines: { vscode: '^1.93.0' },
      activationEvents: ['onFileSystem:memfs'],
      capabilities: { virtualWorkspaces: true, untrustedWorkspaces: { supported: true } },
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `const vscode = require('vscode');
const files = new Map([['/demo', null], ['/demo/notes.md', '# Notes\\n']]);
const stat = (p) => {
  if (!files.has(p)) throw vscode.FileSystemError.FileNotFound(p);
  const isDir = files.get(p) === null;
  return { type: isDir ? vscode.FileType.Directory : vscode.FileType.File, ctime: 0, mtime: Date.now(), size: isDir ? 0 : files.get(p).length };
};
const emitter = new vscode.EventEmitter();
exports.activate = (context) => {
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('memfs', {
    onDidChangeFile: emitter.event,
    watch: () => new vscode.Disposable(() => {}),
    stat: (uri) => stat(uri.path),
    readDirectory: (uri) => [...files.keys()].filter((p) => p !== uri.path && p.startsWith(uri.path + '/') && !p.slice(uri.path.length + 1).includes('/')).map((p) => [p.slice(uri.path.length + 1), stat(p).type]),
    createDirectory: (uri) => { files.set(uri.path, null); },
    readFile: (uri) => { stat(uri.path); return new TextEncoder().encode(files.get(uri.path)); },
    writeFile: (uri, content) => { files.set(uri.path, new TextDecoder().decode(content)); emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]); },
    delete: (uri) => { files.delete(uri.path); },
    rename: (a, b) => { files.set(b.path, files.get(a.path)); files.delete(a.path); },
  }, { isCaseSensitive: true }));
};
`,
  );
  return dir;
}

describe('Upright in restricted and virtual workspaces, in a real workbench', function () {
  this.timeout(180_000);

  describe('a folder not trusted (Restricted Mode)', () => {
    let wb: Workbench;

    before(async () => {
      wb = await openWorkbench(
        { 'workbench.colorTheme': 'Default Light Modern' },
        { width: 1280, height: 800 },
        {},
        { workspaceTrust: true },
      );
    });

    after(async () => {
      await wb?.close();
    });

    it('runs in full: the session timer, the commands and a routine', async () => {
      assert.equal(await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count(), 1, 'the folder is not trusted');
      await wb.page.locator(TIMER_SELECTOR).waitFor({ timeout: 60_000 });
      assert.match(await wb.page.locator(TIMER_SELECTOR).innerText(), /\d+m/);
      await runCommand(wb.page, 'Upright: Take a Break Now');
      await webviewFrame(wb.page).locator('.exercise-name', { hasText: 'Chin Tuck' }).waitFor({ timeout: 60_000 });
      await screenshot(wb.page, 'workspaces-1-restricted-mode');
    });
  });

  describe('a virtual workspace (no folder on disk)', () => {
    let wb: Workbench;
    let memfs: string;

    before(async () => {
      memfs = memfsExtension();
      wb = await openWorkbench(
        { 'workbench.colorTheme': 'Default Light Modern' },
        { width: 1280, height: 800 },
        {},
        {
          extensions: [memfs],
          workspaceFile: (workspace) => {
            const file = path.join(workspace, '..', 'virtual.code-workspace');
            fs.writeFileSync(file, JSON.stringify({ folders: [{ uri: 'memfs:/demo', name: 'In memory' }] }));
            return file;
          },
        },
      );
    });

    after(async () => {
      await wb?.close();
      fs.rmSync(memfs, { recursive: true, force: true });
    });

    it('runs in full, and typing in a file of the virtual folder counts', async () => {
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.md' }).first().waitFor({ timeout: 60_000 });
      const timer = wb.page.locator(TIMER_SELECTOR);
      await timer.waitFor({ timeout: 60_000 });
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.md' }).first().click();
      await wb.page.locator('.monaco-editor .view-lines').first().click();
      // A keystroke every few seconds for a little over a minute: one minute of coding.
      const until = Date.now() + 64_000;
      while (Date.now() < until) {
        await wb.page.keyboard.type('x');
        await wb.page.waitForTimeout(4_000);
      }
      await timer.locator('text=/1m/').waitFor({ timeout: 30_000 });
      await runCommand(wb.page, 'Upright: Show Stats');
      await webviewFrame(wb.page).locator('h1, h2').first().waitFor({ timeout: 30_000 });
      await screenshot(wb.page, 'workspaces-2-virtual');
    });
  });
});
