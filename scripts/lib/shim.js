'use strict';
// Accepts the command line runTests() gives a VS Code executable, runs the extension tests in
// code-server with a headless Chromium as the window, and exits with the tests' exit code.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer, devPayloadUrl, installVsix } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { removeFolder } = require('./folders');

/** Workbench chatter that is not test output. */
const WORKBENCH_NOISE =
  /^(Ignoring fetching additional builtin extensions|\[AccountPolicyGate\]|Updating additional builtin extensions cache)/;

function parseArgs(argv) {
  const named = {};
  const positional = [];
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/s.exec(arg);
    if (m) named[m[1]] = m[2];
    else if (!arg.startsWith('--')) positional.push(arg);
  }
  return { named, positional };
}

async function main() {
  const { named, positional } = parseArgs(process.argv.slice(2));
  const devPath = path.resolve(named.extensionDevelopmentPath);
  const testsPath = path.resolve(named.extensionTestsPath);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-host-'));
  const folder = positional[0] ? path.resolve(positional[0]) : path.join(root, 'workspace');
  const timeoutMs = Number(process.env.UPRIGHT_HOST_TIMEOUT_MS || 300_000);
  // Variables meant for the extension host travel in the payload; VS Code gives the host its own env.
  const extensionEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('UPRIGHT_')));
  let server;
  let browser;
  let code = 1;
  try {
    // A packaged extension to install first (the memory bench runs Upright as a person gets it).
    if (process.env.UPRIGHT_HOST_INSTALL) {
      installVsix({
        vsix: process.env.UPRIGHT_HOST_INSTALL,
        userDataDir: path.join(root, 'user-data'),
        extensionsDir: path.join(root, 'extensions'),
        root,
      });
    }
    // A returning user: Upright has started in this profile before (no walkthrough).
    if (process.env.UPRIGHT_HOST_RETURNING) {
      const storage = path.join(root, 'user-data', 'User', 'globalStorage', 'upright.upright');
      fs.mkdirSync(storage, { recursive: true });
      fs.writeFileSync(path.join(storage, 'welcomed'), '');
    }
    server = await startCodeServer({ root, workspace: folder, settings: JSON.parse(process.env.UPRIGHT_HOST_SETTINGS || '{}') });
    // Where this profile keeps the user's settings, for tests that check Upright never writes them.
    extensionEnv.UPRIGHT_USER_DATA_DIR = server.userDataDir;
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const exit = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (c) => resolve(Number(c)));
      setTimeout(() => {
        process.stderr.write(`[upright host] tests did not finish within ${timeoutMs} ms\n`);
        resolve(1);
      }, timeoutMs).unref();
    });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = Array.isArray(args) ? args.join(' ') : String(args);
      if (!WORKBENCH_NOISE.test(line)) process.stdout.write(`${line}\n`);
    });
    await page.goto(devPayloadUrl(server.url, server.port, { folder, devPath, testsPath, extensionEnv }));
    code = await exit;
    if (code !== 0 && process.env.UPRIGHT_KEEP_HOST_LOGS) process.stderr.write(`[upright host] logs kept in ${root}\n`);
  } catch (err) {
    process.stderr.write(`[upright host] ${err && err.stack ? err.stack : err}\n`);
    code = 1;
  } finally {
    await browser?.close();
    await server?.stop();
    if (!process.env.UPRIGHT_KEEP_HOST_LOGS) removeFolder(root);
  }
  process.exit(code);
}

void main();
