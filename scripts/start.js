'use strict';
// `npm start`: opens a VS Code with Upright loaded. Desktop `code` when it is on PATH; otherwise the
// packaged .vsix installed into a profile of its own in code-server on 127.0.0.1, whose URL is printed.
//   npm start -- --port 8123      (or UPRIGHT_PORT=8123 npm start)
//   UPRIGHT_HOST=code-server npm start   (use the browser VS Code even where `code` exists)
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function argValue(name) {
  const i = process.argv.indexOf(`--${name}`);
  if (i !== -1) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function hasDesktopCode() {
  if (process.env.UPRIGHT_HOST === 'code-server') return false;
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  if (hasDesktopCode()) {
    spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'inherit' });
    console.log('Opening desktop VS Code with Upright loaded from this folder…');
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const port = Number(argValue('port') ?? process.env.UPRIGHT_PORT ?? 8123);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`Port must be a number from 1 to 65535 (got ${argValue('port') ?? process.env.UPRIGHT_PORT}).`);
    process.exit(2);
  }
  const { ensureHost, ensureSystemPackages } = require('./lib/host');
  const { startCodeServer, installVsix } = require('./lib/codeServer');
  ensureSystemPackages({ chromium: false });
  ensureHost();
  const profile = path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), 'upright', 'code-server');
  const workspace = argValue('folder') ?? process.cwd();
  const vsix = require('./lib/package').packageVsix({ out: path.join(os.tmpdir(), `upright-start-${process.pid}.vsix`), quiet: true });
  installVsix({ vsix, userDataDir: path.join(profile, 'user-data'), extensionsDir: path.join(profile, 'extensions'), root: profile });
  fs.rmSync(vsix, { force: true });
  const server = await startCodeServer({ root: profile, workspace, port, smokeDriver: false, ownState: false, quiet: true });
  console.log(`\nUpright is running in VS Code (code-server): ${server.url}/?folder=${encodeURIComponent(workspace)}`);
  console.log(`Profile: ${profile}   Log: ${server.logFile}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    server.stop();
    setTimeout(() => process.exit(0), 500);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    console.log(`code-server exited (${code}).`);
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
