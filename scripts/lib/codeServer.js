'use strict';
// Starts and stops code-server (the VS Code server with the real workbench) for tests, bench and
// `npm start`, with a profile of its own so nothing of the user's own VS Code is touched.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { testClockStartMs } = require('./testDay');
const http = require('node:http');
const { ensureHost } = require('./host');

/** Settings a fresh profile needs so the extension activates and nothing covers the workbench. */
const PROFILE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Creates (or refreshes) a profile: User and Machine settings merged over the defaults above. */
/**
 * Machine-scoped settings: code-server's extension host is a remote one, which reads these from the
 * server machine's settings (Machine/), not from the User settings the workbench shows.
 */
const MACHINE_SCOPED = ['workbench.welcomePage.walkthroughs.openOnInstall', 'remote.autoForwardPorts', 'remote.autoForwardPortsSource'];

function prepareProfile(userDataDir, extraSettings = {}) {
  const settings = { ...PROFILE_SETTINGS, ...extraSettings };
  writeJson(path.join(userDataDir, 'User', 'settings.json'), settings);
  writeJson(
    path.join(userDataDir, 'Machine', 'settings.json'),
    Object.fromEntries(MACHINE_SCOPED.filter((key) => key in settings).map((key) => [key, settings[key]])),
  );
}

/**
 * The server's environment. `ownState`: Upright's folder shared by every editor of the machine
 * (`$XDG_STATE_HOME/upright`, `%LOCALAPPDATA%\upright`) is one of the server's own, so a test never
 * reads or writes the person's clock; `npm start` passes false and shares it with their editors.
 */
function hostEnv(host, dirs, extraEnv, ownState = true) {
  const state = path.join(dirs.root, 'xdg-state');
  return {
    ...process.env,
    PATH: `${path.dirname(host.node)}${path.delimiter}${process.env.PATH}`,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(dirs.root, 'xdg-config'),
    XDG_DATA_HOME: path.join(dirs.root, 'xdg-data'),
    ...(ownState ? { XDG_STATE_HOME: state, LOCALAPPDATA: state } : {}),
    ...extraEnv,
  };
}

function installVsix({ vsix, userDataDir, extensionsDir, root }) {
  const host = ensureHost();
  execFileSync(
    host.node,
    [host.codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    {
      env: hostEnv(host, { root }, {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 in its own process group. `root` holds the profile, extensions and
 * logs. Returns the base URL and a `stop()` that ends the whole group (a promise, resolved when it has exited).
 */
async function startCodeServer({
  root,
  workspace,
  port,
  smokeDriver = true,
  settings = {},
  env = {},
  ownState = true,
  quiet = true,
  locale,
  workspaceTrust = false,
}) {
  const host = ensureHost();
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  prepareProfile(userDataDir, workspaceTrust ? { ...settings, 'security.workspace.trust.enabled': true } : settings);
  const chosenPort = port ?? (await freePort());
  const args = [
    host.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (smokeDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // The display language (`vscode.env.language`): what picks Upright's language bundles.
  if (locale) args.push('--locale', locale);
  args.push(workspace);
  const logFile = path.join(root, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(host.node, args, {
    detached: true,
    stdio: ['ignore', quiet ? out : 'inherit', quiet ? out : 'inherit'],
    env: hostEnv(host, { root }, env, ownState),
  });
  fs.closeSync(out);
  let exited = false;
  const exit = new Promise((resolve) => {
    child.on('exit', () => {
      exited = true;
      resolve();
    });
  });
  // Resolves once the group's leader has exited (SIGKILL after 2 s), so its folders can be removed.
  const stop = () => {
    if (exited) return Promise.resolve();
    const signal = (name) => {
      try {
        process.kill(-child.pid, name);
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const kill = setTimeout(() => signal('SIGKILL'), 2000);
    kill.unref();
    return exit.then(() => {
      clearTimeout(kill);
      // Children of the group that outlive the leader (the extension host, watchers) go too.
      signal('SIGKILL');
    });
  };
  const deadline = Date.now() + 60_000;
  while (!(await healthy(chosenPort))) {
    if (exited || Date.now() > deadline) {
      await stop();
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`code-server did not start on port ${chosenPort}:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${chosenPort}`, port: chosenPort, userDataDir, extensionsDir, stop, child, logFile };
}

/** The URL that opens `folder` with the extension at `devPath` loaded for development (and tests, if given). */
function devPayloadUrl(base, port, { folder, devPath, testsPath, extensionEnv }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(devPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (extensionEnv) payload.push(['extensionEnvironment', JSON.stringify(extensionEnv)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { testClockStartMs, startCodeServer, installVsix, prepareProfile, devPayloadUrl, freePort, PROFILE_SETTINGS };
