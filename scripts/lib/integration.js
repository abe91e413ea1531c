'use strict';
// Runs the integration suite inside a real VS Code through @vscode/test-electron's runTests():
// a desktop VS Code when one is given (VSCODE_EXECUTABLE_PATH) or can be downloaded (a display is
// needed to run it), otherwise code-server + headless Chromium through scripts/vscode-shim.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

async function chooseExecutable(log) {
  if (process.env.VSCODE_EXECUTABLE_PATH) return { path: process.env.VSCODE_EXECUTABLE_PATH, kind: 'desktop (VSCODE_EXECUTABLE_PATH)' };
  if (process.env.DISPLAY && process.env.UPRIGHT_HOST !== 'code-server') {
    try {
      const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
      const exe = await downloadAndUnzipVSCode({ version: 'stable', timeout: 15_000 });
      return { path: exe, kind: 'desktop (downloaded)' };
    } catch (err) {
      log(`no desktop VS Code (${String(err && err.message ? err.message : err).split('\n')[0]}); using code-server`);
    }
  }
  require('./host').ensureHost();
  return { path: path.join(root, 'scripts', 'vscode-shim'), kind: 'code-server' };
}

/** Returns {passes, failures, pending}; a host that could not run counts as one failure. */
async function runIntegration({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const { runTests } = require('@vscode/test-electron');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-it-'));
  const resultsFile = path.join(work, 'results.json');
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  const exe = await chooseExecutable(log);
  log(`integration host: ${exe.kind}`);
  try {
    await runTests({
      vscodeExecutablePath: exe.path,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'dist', 'test', 'integration', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${path.join(work, 'user-data')}`,
        `--extensions-dir=${path.join(work, 'extensions')}`,
      ],
      extensionTestsEnv: {
        UPRIGHT_TEST_RESULTS: resultsFile,
        UPRIGHT_TEST_CLOCK_START: require('./codeServer').testClockStartMs(),
        UPRIGHT_TEST_FILES: process.env.UPRIGHT_TEST_FILES ?? '',
        UPRIGHT_USER_DATA_DIR: path.join(work, 'user-data'),
        // The folder every editor of the machine shares is the host's own: a test never touches the person's.
        XDG_STATE_HOME: path.join(work, 'xdg-state'),
        LOCALAPPDATA: path.join(work, 'xdg-state'),
      },
    });
  } catch (err) {
    log(`integration run ended with ${err && err.message ? err.message : err}`);
  }
  let results = { passes: 0, failures: 1, pending: 0 };
  if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  else log('integration tests reported no results: counted as one failure');
  fs.rmSync(work, { recursive: true, force: true });
  return results;
}

module.exports = { runIntegration };

if (require.main === module) {
  runIntegration().then((r) => {
    console.log(JSON.stringify(r));
    process.exitCode = r.failures ? 1 : 0;
  });
}
