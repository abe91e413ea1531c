import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

import { type BrowserContext, type FrameLocator, type Page } from 'playwright-core';

/** The repository root (tests run from dist/test/ui). */
export const repoRoot = path.resolve(__dirname, '../../..');
export const resultsDir = path.join(repoRoot, 'test-results');

interface RunningServer {
  url: string;
  port: number;
  userDataDir: string;
  /** Ends code-server's whole process group; resolves once it has exited. */
  stop: () => Promise<void>;
  logFile: string;
}
interface CodeServerLib {
  startCodeServer: (options: {
    root: string;
    workspace: string;
    smokeDriver?: boolean;
    settings?: Record<string, unknown>;
    locale?: string;
    workspaceTrust?: boolean;
  }) => Promise<RunningServer>;
  installVsix: (options: { vsix: string; userDataDir: string; extensionsDir: string; root: string }) => void;
  devPayloadUrl: (
    base: string,
    port: number,
    options: { folder: string; devPath: string; testsPath?: string; extensionEnv?: Record<string, string> },
  ) => string;
}
interface BrowserLib {
  launchBrowser: (options?: {
    colorScheme?: 'dark' | 'light';
    viewport?: { width: number; height: number };
  }) => Promise<{ context: BrowserContext; close: () => Promise<void> }>;
}

// The scripts are plain CommonJS shared with the command-line tools; load them at run time, unbundled.
const loadScript = createRequire(__filename);
const load = <T>(rel: string): T => loadScript(path.join(repoRoot, rel)) as T;

export interface Workbench {
  page: Page;
  server: RunningServer;
  workspace: string;
  close(): Promise<void>;
}

/**
 * Installs the packaged `.vsix` into a fresh profile, starts code-server as `npm start` does (without the
 * smoke-test driver, so the workbench behaves as a person sees it) and opens it in headless Chromium.
 * `storage` seeds files of Upright's global storage folder (by name). `locale` sets VS Code's display
 * language.
 */
export async function openWorkbench(
  settings: Record<string, unknown> = {},
  viewport?: { width: number; height: number },
  storage: Record<string, string> = {},
  options: {
    locale?: string;
    /** Workspace trust on, as a person has it: the folder opens in Restricted Mode until trusted. */
    workspaceTrust?: boolean;
    /** Extra extensions to install (folders holding a package.json), such as a file system provider. */
    extensions?: readonly string[];
    /** Opens this `.code-workspace` file instead of the workspace folder. */
    workspaceFile?: (workspace: string) => string;
    /**
     * Runs Upright from the build in test mode with its clock held at this wall time (the test API's
     * manual clock), for pages that show dates: what they show then never depends on the real day.
     */
    clockAtWallMs?: number;
  } = {},
): Promise<Workbench> {
  const vsix = process.env.UPRIGHT_VSIX;
  if (!vsix || !fs.existsSync(vsix)) throw new Error('UPRIGHT_VSIX must name the packaged extension (npm test sets it)');
  const { startCodeServer, installVsix, devPayloadUrl } = load<CodeServerLib>('scripts/lib/codeServer.js');
  const { launchBrowser } = load<BrowserLib>('scripts/lib/browser.js');
  const heldClock = options.clockAtWallMs !== undefined;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-ui-'));
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  if (!heldClock) installVsix({ vsix, userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions'), root });
  if (options.locale) installLanguage(root, options.locale);
  for (const source of options.extensions ?? []) installFolder(root, source);
  // Files Upright keeps in its global storage (a history to show), written before it starts.
  const globalStorage = path.join(root, 'user-data', 'User', 'globalStorage', 'upright.upright');
  for (const [name, text] of Object.entries(storage)) {
    fs.mkdirSync(globalStorage, { recursive: true });
    fs.writeFileSync(path.join(globalStorage, name), text);
  }
  // The development payload is honoured only with the smoke-test driver on (no toasts then: the
  // notification center has them).
  let server: RunningServer;
  try {
    server = await startCodeServer({
      root,
      workspace,
      smokeDriver: heldClock,
      settings,
      locale: options.locale,
      workspaceTrust: options.workspaceTrust,
    });
  } catch (err) {
    removeFolder(root);
    throw err;
  }
  const browser = await launchBrowser(viewport ? { viewport } : undefined);
  const stopAll = async (): Promise<void> => {
    await browser.close();
    await server.stop();
    removeFolder(root);
  };
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  try {
    const target = options.workspaceFile
      ? `workspace=${encodeURIComponent(options.workspaceFile(workspace))}`
      : `folder=${encodeURIComponent(workspace)}`;
    const url = heldClock
      ? devPayloadUrl(server.url, server.port, {
          folder: workspace,
          devPath: repoRoot,
          testsPath: path.join(repoRoot, 'dist', 'test', 'ui', 'index.js'),
          extensionEnv: { UPRIGHT_TEST_CLOCK_START: String(options.clockAtWallMs) },
        })
      : `${server.url}/?${target}`;
    await openPage(page, url, options.workspaceTrust === true);
  } catch (err) {
    // Leave nothing running: a hook that fails here never reaches the suite's close().
    await stopAll();
    throw err;
  }
  return { page, server, workspace, close: stopAll };
}

/** Removes a test's folder, with a few tries while a process that has just ended closes its files. */
export function removeFolder(folder: string): void {
  load<{ removeFolder(folder: string): void }>('scripts/lib/folders.js').removeFolder(folder);
}

/**
 * Makes `locale` VS Code's display language. VS Code takes one only with its language pack installed,
 * and those come from the Marketplace, out of reach here: a stand-in pack that translates nothing of
 * VS Code itself is installed, and entered in the index of language packs VS Code keeps (it writes that
 * index when a pack is installed from the workbench, not from the command line).
 */
function installLanguage(root: string, locale: string): void {
  const name = `upright-test-language-pack-${locale}`;
  const source = path.join(root, name);
  fs.mkdirSync(path.join(source, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(source, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  const manifest = {
    name,
    publisher: 'upright-test',
    version: '1.0.0',
    license: 'MIT',
    engines: { vscode: '^1.93.0' },
    contributes: {
      localizations: [
        { languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
      ],
    },
  };
  fs.writeFileSync(path.join(source, 'package.json'), JSON.stringify(manifest));
  installFolder(root, source);
  const installed = path.join(root, 'extensions', `upright-test.${name}-1.0.0`);
  const index = {
    [locale]: {
      hash: `${name}-1`,
      extensions: [{ extensionIdentifier: { id: `upright-test.${name}` }, version: '1.0.0' }],
      translations: { vscode: path.join(installed, 'translations', 'main.i18n.json') },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(root, 'user-data', 'languagepacks.json'), JSON.stringify(index));
}

/** Packages an extension folder and installs it into the profile. */
function installFolder(root: string, source: string): void {
  const { installVsix } = load<CodeServerLib>('scripts/lib/codeServer.js');
  const vsix = path.join(root, `${path.basename(source)}.vsix`);
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '--out',
      vsix,
    ],
    { cwd: source, stdio: 'ignore' },
  );
  installVsix({ vsix, userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions'), root });
}

/**
 * Opens the workbench at `url` in `page`; with workspace trust on, the folder stays untrusted
 * (Restricted Mode).
 */
async function openPage(page: Page, url: string, workspaceTrust: boolean): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  if (workspaceTrust) {
    // VS Code either asks whether to trust the folder (answered No) or opens it in Restricted Mode straight away.
    const distrust = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ });
    const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' });
    await distrust.or(restricted).first().waitFor({ timeout: 30_000 });
    if (await distrust.count()) await distrust.click();
    await restricted.first().waitFor({ timeout: 30_000 });
  }
  // The profile turns `workbench.welcomePage.walkthroughs.openOnInstall` off, so neither VS Code nor
  // Upright opens the walkthrough (the walkthrough's own test turns it on).
}

export const TIMER_SELECTOR = '[id="upright.upright.upright.timer"]';
/** VS Code's walkthrough editor. */
export const WALKTHROUGH_SELECTOR = '.gettingStartedContainer';

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Collects every Content Security Policy complaint the page logs (check it is empty at the end). */
export function recordCspProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) problems.push(m.text());
  });
  return problems;
}

/** Opens a new untitled editor and puts the cursor in it, ready to type. */
export async function openEditor(page: Page): Promise<void> {
  await runCommand(page, 'File: New Untitled Text File');
  await page.locator('.monaco-editor textarea').first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
}

/** Runs a command through the command palette, as a person would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Click the row whose label is exactly the title: a prefix match could run a different command.
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
  await row.click();
}

/** The content of the active webview panel (code-server serves it from the same origin). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Every line of Upright's logs in a profile (one log per extension host start). */
export function uprightLog(userDataDir: string): string {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(path.join(userDataDir, 'logs'))
    .filter((f) => f.endsWith(path.join('upright.upright', 'Upright.log')))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}
