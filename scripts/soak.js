'use strict';
// `npm run soak`: the long versions of two tests in `npm test`, for a machine with time to spare.
// Writer processes killed with SIGKILL mid-write (UPRIGHT_CRASH_KILLS, 2000), and simulated work in a
// real VS Code host (UPRIGHT_SOAK_MINUTES, 480: a working day). Ends with `N passed, N failed`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

async function main() {
  const env = {
    UPRIGHT_CRASH_KILLS: process.env.UPRIGHT_CRASH_KILLS || '2000',
    UPRIGHT_SOAK_MINUTES: process.env.UPRIGHT_SOAK_MINUTES || '480',
  };
  Object.assign(process.env, env);
  const built = spawnSync(process.execPath, ['esbuild.js', '--production', '--tests'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  const results = path.join(os.tmpdir(), `upright-soak-${process.pid}.json`);
  spawnSync(
    process.execPath,
    [path.join(__dirname, 'lib', 'runMocha.js'), results, String(3_600_000), path.join(root, 'dist', 'test', 'unit', 'crash.test.js')],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  const crash = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { passes: 0, failures: 1 };
  fs.rmSync(results, { force: true });
  require('./lib/host').ensureHost();
  process.env.UPRIGHT_TEST_FILES = 'soak';
  process.env.UPRIGHT_HOST_TIMEOUT_MS = String(4 * 3_600_000);
  const host = await require('./lib/integration').runIntegration();
  const passed = crash.passes + host.passes;
  const failed = crash.failures + host.failures;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
