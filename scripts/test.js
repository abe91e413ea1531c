'use strict';
// `npm test`: every layer in order (static checks, unit, integration in a real VS Code, two editors
// sharing one clock, UI in a real browser), then one line `N passed, N failed` summing them all.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const only = (process.env.UPRIGHT_TEST_LAYERS || 'static,unit,integration,editors,ui').split(',');
const layers = [];

function banner(title) {
  process.stdout.write(`\n=== ${title} ===\n`);
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function record(name, results) {
  layers.push({ name, ...results });
}

function mochaLayer(name, files, timeoutMs, env = {}) {
  const resultsFile = path.join(os.tmpdir(), `upright-${name}-${process.pid}.json`);
  fs.rmSync(resultsFile, { force: true });
  run(process.execPath, [path.join(__dirname, 'lib', 'runMocha.js'), resultsFile, String(timeoutMs), ...files], env);
  if (fs.existsSync(resultsFile)) {
    record(name, JSON.parse(fs.readFileSync(resultsFile, 'utf8')));
    fs.rmSync(resultsFile, { force: true });
  } else {
    record(name, { passes: 0, failures: 1, pending: 0 });
  }
}

// UPRIGHT_TEST_FILES=name,other runs only the suites whose file names contain one of them (every layer).
const onlyFiles = (process.env.UPRIGHT_TEST_FILES ?? '').split(',').filter(Boolean);

function testFiles(dir) {
  const full = path.join(root, 'dist', 'test', dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith('.test.js') && (onlyFiles.length === 0 || onlyFiles.some((o) => f.includes(o))))
    .sort()
    .map((f) => path.join(full, f));
}

let scratch;

async function main() {
  const started = Date.now();
  // Every layer, and the VS Code and Chromium they start, keep their temporary files in one folder of
  // this run: what a test leaves there is reported below, and the folder goes at the end whatever happens.
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-run-'));
  process.env.TMPDIR = scratch;
  // Tests run on a test day, never the real one: say which, so a failure can be run again as it was.
  const { testDay } = require('./lib/testDay');
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  console.log(`test day ${testDay()} (UPRIGHT_TEST_TODAY), time zone ${zone} (TZ)`);
  banner('build');
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const built = run(process.execPath, ['esbuild.js', '--production', '--tests']);
  record('build', built ? { passes: 1, failures: 0 } : { passes: 0, failures: 1 });

  if (only.includes('static')) {
    banner('static checks: tsc --noEmit, eslint, prettier --check');
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const typecheck = ['.', 'test', 'src/webview'].every((project) => run(process.execPath, [tsc, '--noEmit', '-p', project]));
    const lint = run(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
    const formatted = run(process.execPath, [
      path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
      '--check',
      '--log-level',
      'warn',
      '.',
    ]);
    const checks = [typecheck, lint, formatted];
    record('static', { passes: checks.filter(Boolean).length, failures: checks.filter((ok) => !ok).length });
  }

  if (only.includes('unit') && built) {
    banner('unit tests (plain Node)');
    mochaLayer('unit', testFiles('unit'), 10_000);
  }

  let hostReady = false;
  if (['integration', 'editors', 'ui'].some((layer) => only.includes(layer)) && built) {
    banner('test host: code-server and Chromium');
    try {
      const host = require('./lib/host');
      host.ensureSystemPackages();
      if (!process.env.VSCODE_EXECUTABLE_PATH) host.ensureHost();
      hostReady = true;
    } catch (err) {
      console.error(String(err && err.message ? err.message : err));
    }
  }

  if (only.includes('integration') && built) {
    banner('integration tests (real VS Code extension host)');
    if (hostReady) {
      const { runIntegration } = require('./lib/integration');
      record('integration', await runIntegration());
    } else {
      record('integration', { passes: 0, failures: 1 });
    }
  }

  const twoWindowsChosen = onlyFiles.length === 0 || onlyFiles.some((o) => 'twoWindows.test.js'.includes(o));
  if (only.includes('integration') && built && !process.env.VSCODE_EXECUTABLE_PATH && twoWindowsChosen) {
    banner('two windows, one clock (two extension hosts on one code-server)');
    if (hostReady) {
      const { runTwoWindows } = require('./lib/twoWindows');
      record('windows', await runTwoWindows());
    } else {
      record('windows', { passes: 0, failures: 1 });
    }
  }

  const twoEditorsChosen = onlyFiles.length === 0 || onlyFiles.some((o) => 'twoEditors.test.js'.includes(o));
  if (only.includes('editors') && built && !process.env.VSCODE_EXECUTABLE_PATH && twoEditorsChosen) {
    banner('two editors, one clock (two code-servers with profiles of their own, one state folder)');
    if (hostReady) {
      const { runTwoEditors } = require('./lib/twoEditors');
      record('editors', await runTwoEditors());
    } else {
      record('editors', { passes: 0, failures: 1 });
    }
  }

  if (only.includes('ui') && built) {
    banner('UI tests (headless Chromium against code-server)');
    let vsix;
    try {
      vsix = require('./lib/package').packageVsix({ out: path.join(os.tmpdir(), `upright-test-${process.pid}.vsix`), quiet: true });
    } catch (err) {
      console.error(`packaging failed: ${err && err.message ? err.message : err}`);
    }
    if (hostReady && vsix) {
      mochaLayer('ui', testFiles('ui'), 180_000, { UPRIGHT_VSIX: vsix });
      fs.rmSync(vsix, { force: true });
    } else {
      record('ui', { passes: 0, failures: 1 });
    }
  }

  banner('temporary files');
  // Tools keep sockets and caches of their own there (vscode-ipc-*.sock, Chromium's); Upright's tests
  // name theirs upright-*, and each must remove its own, also when it fails.
  const left = fs.readdirSync(scratch).filter((name) => name.startsWith('upright-'));
  console.log(left.length ? `left behind by tests: ${left.join(', ')}` : 'no test left a file or folder behind');
  record('cleanup', { passes: Number(left.length === 0), failures: Number(left.length > 0) });
  fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });

  banner('summary');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const l of layers) {
    passed += l.passes;
    failed += l.failures;
    skipped += l.pending ?? 0;
    console.log(`${l.name.padEnd(12)} ${l.passes} passed, ${l.failures} failed${l.pending ? `, ${l.pending} skipped` : ''}`);
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (skipped) console.log(`${skipped} skipped`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
