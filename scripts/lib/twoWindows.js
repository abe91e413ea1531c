'use strict';
// Two windows on one code-server (two extension hosts sharing one profile and one ledger), each running
// its half of test/windows in test mode. Returns {passes, failures, pending} summed over both.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer, devPayloadUrl, testClockStartMs } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { removeFolder } = require('./folders');

const root = path.resolve(__dirname, '../..');
const NOISE = /^(Ignoring fetching additional builtin extensions|\[AccountPolicyGate\]|Updating additional builtin extensions cache)/;

/**
 * Options: `testsPath` (an extension-tests entry run in both windows, test/windows by default),
 * `extensionEnv` (more environment for both hosts), `timeoutMs` (per window).
 */
async function runTwoWindows({
  log = (m) => process.stderr.write(`${m}\n`),
  testsPath = path.join(root, 'dist', 'test', 'windows', 'index.js'),
  extensionEnv = {},
  timeoutMs = 150_000,
} = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-2w-'));
  const syncDir = path.join(work, 'sync');
  const clockStart = testClockStartMs();
  fs.mkdirSync(syncDir);
  let server;
  let browser;
  const results = { passes: 0, failures: 0, pending: 0, windows: {} };
  try {
    server = await startCodeServer({ root: work, workspace: path.join(work, 'ws-a') });
    browser = await launchBrowser();
    const roles = ['a', 'b'];
    const exits = await Promise.all(
      roles.map(async (role) => {
        const page = await browser.context.newPage();
        const exited = new Promise((resolve) => {
          void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
          setTimeout(() => resolve('timeout'), timeoutMs).unref();
        });
        await page.exposeFunction('codeAutomationLog', (_type, args) => {
          const line = Array.isArray(args) ? args.join(' ') : String(args);
          if ((process.env.UPRIGHT_DEBUG_WINDOWS || line.startsWith('[window ')) && !NOISE.test(line)) process.stdout.write(`${line}\n`);
        });
        const folder = path.join(work, `ws-${role}`);
        fs.mkdirSync(folder, { recursive: true });
        await page.goto(
          devPayloadUrl(server.url, server.port, {
            folder,
            devPath: root,
            testsPath,
            extensionEnv: {
              UPRIGHT_TEST_CLOCK_START: clockStart,
              ...extensionEnv,
              UPRIGHT_WINDOW_ROLE: role,
              UPRIGHT_SYNC_DIR: syncDir,
              UPRIGHT_TEST_RESULTS: path.join(work, `results-${role}.json`),
            },
          }),
        );
        return exited;
      }),
    );
    for (const [i, role] of ['a', 'b'].entries()) {
      const file = path.join(work, `results-${role}.json`);
      if (fs.existsSync(file)) {
        const r = JSON.parse(fs.readFileSync(file, 'utf8'));
        results.windows[role] = r;
        results.passes += r.passes;
        results.failures += r.failures;
        results.pending += r.pending;
      } else {
        log(`window ${role} reported no results (exit: ${exits[i]})`);
        results.failures += 1;
      }
    }
  } catch (err) {
    log(`two-window run failed: ${err && err.stack ? err.stack : err}`);
    results.failures += 1;
  } finally {
    await browser?.close();
    await server?.stop();
    removeFolder(work);
  }
  return results;
}

module.exports = { runTwoWindows };

if (require.main === module) {
  runTwoWindows().then((r) => {
    console.log(JSON.stringify(r));
    process.exitCode = r.failures ? 1 : 0;
  });
}
