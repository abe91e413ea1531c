'use strict';
// `npm run bench`: measures speed and size against the budgets of the design and writes
// bench-report.json. Numbers, not pass/fail tests: a busy machine must not make the test suite flaky.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { removeFolder } = require('./lib/folders');
const { loadSource } = require('./lib/loadSource');

const root = path.resolve(__dirname, '..');
const KB = 1024;
const results = [];

function report(name, value, unit, budget, note) {
  const holds = budget === undefined ? null : value <= budget;
  results.push({
    name,
    value: Number(value.toFixed(3)),
    unit,
    budget: budget ?? null,
    holds,
    ...(note ? { note } : {}),
    measuredAt: new Date().toISOString(),
  });
  const verdict = holds === null ? '' : holds ? 'ok' : 'OVER BUDGET';
  console.log(
    `${name.padEnd(44)} ${value.toFixed(unit === 'KB' ? 1 : 3).padStart(10)} ${unit.padEnd(4)} ${budget === undefined ? '' : `(budget ${budget})`} ${verdict}`,
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sizes() {
  const bundle = fs.readFileSync(path.join(root, 'dist', 'extension.js'));
  report(
    'startup bundle: what every start of VS Code loads (minified)',
    bundle.length / KB,
    'KB',
    48,
    "the clock, the status bar, the reminders' schedule, the commands",
  );
  report('startup bundle (minified, gzip)', zlib.gzipSync(bundle).length / KB, 'KB');
  for (const [file, what, entries] of [
    ['onDemand.js', 'panels, pickers, menus, walkthrough and history dialogs', 'desktop and browser entries'],
    ['storageExtras.js', 'the ledger lock (first write), the history file, lock recovery', 'desktop entry'],
    [
      'settingsDetail.js',
      'settings read in full (custom routines, working hours, quiet times, values to mend) and the words for a bad setting',
      'desktop and browser entries',
    ],
    ['liveShare.js', 'holding reminders during Live Share sessions, where Live Share is installed', 'desktop and browser entries'],
  ]) {
    report(
      `${what} (listed apart)`,
      fs.statSync(path.join(root, 'dist', file)).size / KB,
      'KB',
      undefined,
      `loaded on first use, not at activation, by the ${entries}`,
    );
  }
  const routinePage = fs.readFileSync(path.join(root, 'dist', 'webview', 'routine.js'));
  report('webview code: routine page (minified)', routinePage.length / KB, 'KB', 60, 'illustration code included');
  const page = fs.readFileSync(path.join(root, 'dist', 'webview', 'exercises.js'));
  // The illustration drawing code and pose data, as a share of the page (from esbuild's metafile).
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'webview-meta.json'), 'utf8'));
  const [, exercisesOutput] = Object.entries(meta.outputs).find(([file]) => file.endsWith('exercises.js')) ?? [undefined, { inputs: {} }];
  const inputs = Object.entries(exercisesOutput.inputs);
  const share = (re) => inputs.filter(([file]) => re.test(file)).reduce((n, [, i]) => n + i.bytesInOutput, 0) / KB;
  report(
    'webview code: Browse Exercises page (minified)',
    page.length / KB,
    'KB',
    60,
    `of which illustration code ${share(/illustration\/(figure|render)\.ts$/).toFixed(1)} KB and pose data ${share(/illustration\/specs\.ts$/).toFixed(1)} KB`,
  );
  const statsPage = fs.readFileSync(path.join(root, 'dist', 'webview', 'stats.js'));
  report('webview code: Stats page (minified)', statsPage.length / KB, 'KB', 60);
  const data = fs.readFileSync(path.join(root, 'dist', 'data', 'exercises.json'));
  report(
    'exercise library data (listed apart)',
    data.length / KB,
    'KB',
    undefined,
    `${JSON.parse(data.toString()).exercises.length} exercises and the built-in routines; gzip ${(zlib.gzipSync(data).length / KB).toFixed(1)} KB`,
  );
  const browserBundle = fs.readFileSync(path.join(root, 'dist', 'browser.js'));
  report(
    'browser bundle, vscode.dev (minified)',
    browserBundle.length / KB,
    'KB',
    80,
    'the startup code for a web worker, no Node built-ins; it reads ahead and runs on first use the same onDemand.js and settingsDetail.js as the desktop entry, listed apart',
  );
  // Languages, listed apart: what the host reads for a display language other than English.
  for (const language of fs
    .readdirSync(path.join(root, 'l10n'))
    .flatMap((f) => /^bundle\.l10n\.([a-z-]+)\.json$/.exec(f)?.slice(1) ?? [])) {
    const bundleFile = fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${language}.json`));
    const exercisesFile = fs.readFileSync(path.join(root, 'dist', 'data', `exercises.${language}.json`));
    const manifestFile = fs.readFileSync(path.join(root, `package.nls.${language}.json`));
    report(
      `language ${language}: bundle, exercise text, manifest (listed apart)`,
      (bundleFile.length + exercisesFile.length + manifestFile.length) / KB,
      'KB',
      undefined,
      `${Object.keys(JSON.parse(bundleFile.toString())).length} messages ${(bundleFile.length / KB).toFixed(1)} KB, exercises ${(exercisesFile.length / KB).toFixed(1)} KB, package.nls ${(manifestFile.length / KB).toFixed(1)} KB`,
    );
  }
  const vsix = require('./lib/package').packageVsix({ out: path.join(os.tmpdir(), `upright-bench-${process.pid}.vsix`), quiet: true });
  report('.vsix', fs.statSync(vsix).size / KB, 'KB', 400);
  fs.rmSync(vsix, { force: true });
}

/** History: bytes a day, and the time to load ten years of it (read and parse, as the Stats page does). */
async function history() {
  const { addDays, emptyHistory, mergeClosedDays, parseHistory, serializeHistory, emptyLedger, statsOf } = await loadSource(
    "export * from './core/history'; export { emptyLedger } from './core/ledger'; export { statsOf } from './core/stats';",
  );
  // Ten years of full working days: 7-9 hours at the keyboard, a dozen reminders, a few routines, meetings.
  const ids = ['chin-tuck', 'scapular-squeeze', 'band-pull-apart', 'wall-angels', 'doorway-stretch', 'upper-trap-stretch'];
  const days = 3650;
  const closed = Array.from({ length: days }, (_, i) => {
    const exercises = Object.fromEntries(ids.slice(0, 3 + (i % 4)).map((id) => [id, { count: 1 + (i % 3), ms: 45_000 + (i % 7) * 1000 }]));
    const count = Object.values(exercises).reduce((n, e) => n + e.count, 0);
    return {
      record: {
        day: addDays('2016-01-01', i),
        activeMs: 25_200_000 + ((i * 7919) % 7_200_000),
        reminders: 12 + (i % 5),
        started: 6 + (i % 3),
        manual: 2 + (i % 2),
        natural: 5 + (i % 4),
        skipped: i % 3,
        snoozed: i % 5,
        routines: 3 + (i % 3),
        exercises: count,
        exerciseMs: count * 50_000,
        moved: i % 2,
        sitting: 1 + (i % 3),
        sittingMs: 900_000 + ((i * 104_729) % 5_400_000),
      },
      exercises,
    };
  });
  const text = serializeHistory(mergeClosedDays(emptyHistory(), closed));
  const file = path.join(os.tmpdir(), `upright-bench-history-${process.pid}.json`);
  fs.writeFileSync(file, text);
  report(
    'history: bytes a day',
    Buffer.byteLength(text) / days,
    'B',
    200,
    `ten years: ${(Buffer.byteLength(text) / KB).toFixed(0)} KB, gzip ${(zlib.gzipSync(text).length / KB).toFixed(0)} KB`,
  );
  const loads = [];
  const stats = [];
  const ledger = emptyLedger(addDays('2016-01-01', days));
  for (let r = 0; r < 25; r++) {
    const start = performance.now();
    const { history: loaded, problems } = parseHistory(fs.readFileSync(file, 'utf8'));
    loads.push(performance.now() - start);
    if (problems.length > 0 || loaded.days.length !== days) throw new Error(`ten years did not load back: ${problems.join('; ')}`);
    const before = performance.now();
    statsOf(loaded, ledger, ledger.dayKey, (id) => id);
    stats.push(performance.now() - before);
  }
  fs.rmSync(file, { force: true });
  report('history: load ten years (read + parse)', median(loads), 'ms', 20, `median of 25; max ${Math.max(...loads).toFixed(1)} ms`);
  report('history: Stats page numbers from ten years', median(stats), 'ms', undefined, 'median of 25');
}

/** Cost of one editor event in the tracker, including reading both clocks as the host does. */
async function eventCost() {
  const { ActivityTracker, emptyLedger } = await loadSource(
    "export { ActivityTracker } from './core/tracker'; export { emptyLedger } from './core/ledger';",
  );
  const calendar = {
    dayKey: (ms) => new Date(ms).toISOString().slice(0, 10),
    startOfDay: (ms) => Math.floor(ms / 86_400_000) * 86_400_000,
    startOfNextDay: (ms) => Math.floor(ms / 86_400_000) * 86_400_000 + 86_400_000,
  };
  const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });
  const tracker = new ActivityTracker(
    { idleThresholdMs: 180_000, naturalBreakMs: 300_000 },
    calendar,
    emptyLedger(calendar.dayKey(Date.now())),
    now(),
    true,
  );
  const events = 1_000_000;
  let shown = -1;
  let refreshes = 0;
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < events; i++) {
      tracker.recordActivity(now());
      const minute = Math.floor(tracker.activeMsSinceBreak / 60_000);
      if (minute !== shown) {
        shown = minute;
        refreshes++;
      }
    }
    runs.push(Number(process.hrtime.bigint() - start) / events / 1000);
  }
  if (!(tracker.activeMsSinceBreak > 0)) throw new Error('the event bench credited no time: it measured nothing real');
  report('tracker: one editor event (10^6 events, median of 5)', median(runs), 'µs', 1);
  return refreshes;
}

/** activate() inside a real extension host, median of 5 host starts, the bundle load apart; and a routine's wake-ups. */
async function activation() {
  const { runTests } = require('@vscode/test-electron');
  const useShim = !process.env.VSCODE_EXECUTABLE_PATH;
  if (useShim) require('./lib/host').ensureHost();
  const samples = [];
  const loads = [];
  let routine;
  let waits;
  for (let i = 0; i < 5; i++) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-bench-'));
    const out = path.join(work, 'activation.json');
    try {
      await runTests({
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || path.join(root, 'scripts', 'vscode-shim'),
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'dist', 'test', 'bench', 'index.js'),
        launchArgs: [path.join(work, 'ws'), '--disable-extensions', `--user-data-dir=${path.join(work, 'ud')}`],
        // The first start also runs a routine for 80 real seconds (its wake-ups, panel in sight and hidden)
        // and two long tasks for 70 seconds each (the wake-ups of waiting for them).
        extensionTestsEnv: {
          UPRIGHT_BENCH_OUT: out,
          UPRIGHT_BENCH_ROUTINE_SECONDS: i === 0 ? '80' : '0',
          UPRIGHT_BENCH_WAIT_SECONDS: i === 0 ? '70' : '0',
        },
        stdout: { write: () => true },
        stderr: process.stderr,
      });
      const measured = JSON.parse(fs.readFileSync(out, 'utf8'));
      samples.push(measured.activationMs);
      loads.push(measured.loadMs);
      if (measured.routine) routine = measured.routine;
      if (measured.waits) waits = measured.waits;
    } catch (err) {
      console.error(`activation run ${i + 1} failed: ${err && err.message ? err.message : err}`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  if (samples.length === 0) throw new Error('no activation sample');
  report(
    `activate() in a real host (median of ${samples.length})`,
    median(samples),
    'ms',
    10,
    `samples: ${samples.map((s) => s.toFixed(2)).join(', ')} ms; host: ${useShim ? 'code-server' : 'desktop'}`,
  );
  report(
    `bundle load in the host, reported apart (median of ${loads.length})`,
    median(loads),
    'ms',
    undefined,
    `parse, compile and run dist/extension.js's top level in the extension host; samples: ${loads.map((s) => s.toFixed(2)).join(', ')} ms`,
  );
  if (!routine) throw new Error('no routine wake-up sample');
  const perHour = (n) => Math.round((n * 3600) / routine.seconds);
  const refreshes = `; besides, the minute refresh went on as always (${routine.minuteRefreshes} over ${2 * routine.seconds} s)`;
  report(
    'during a routine, panel in sight: routine wake-ups an hour',
    perHour(routine.visible),
    '/h',
    3600,
    `${routine.visible} in ${routine.seconds} s: the page counts down; the host wakes when a segment ends${refreshes}`,
  );
  report(
    'during a routine, panel hidden: routine wake-ups an hour',
    perHour(routine.hidden),
    '/h',
    3600,
    `${routine.hidden} in ${routine.seconds} s: the status bar counts down once a second, and that tick ends segments too${refreshes}`,
  );
  if (!waits) throw new Error('no wake-up sample while a task runs');
  const perMinute = (n) => Math.round((n * 60 * 100) / waits.seconds) / 100;
  const besides = `; besides, the minute refresh went on as always (${waits.minuteRefreshes} over ${2 * waits.seconds} s)`;
  report(
    'while a long task runs, no offer in sight: wake-ups a minute for it',
    perMinute(waits.unknown),
    '/min',
    1,
    `${waits.unknown} in ${waits.seconds} s of a task never run before: starts and ends are events, nothing waits on a timer${besides}`,
  );
  report(
    'while a long task runs, a move offered: wake-ups a minute for it',
    perMinute(waits.offered),
    '/min',
    1,
    `${waits.offered} in ${waits.seconds} s of a task known to take two minutes: one, two seconds after typing stopped, to show the offer (${waits.offerShown ? 'shown' : 'NOT shown'})${besides}`,
  );
}

/**
 * What Upright adds to the extension host's memory: its heap once VS Code has started (after full
 * garbage collections), with Upright installed from its package and without it, in alternating hosts
 * (5 of each), for a returning user (the walkthrough of a first start is not loaded). The same blank
 * extension is the development extension in both, so only Upright differs.
 */
async function memory() {
  const { runTests } = require('@vscode/test-electron');
  require('./lib/host').ensureHost();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-memory-'));
  const blank = path.join(work, 'blank');
  fs.mkdirSync(blank);
  fs.writeFileSync(
    path.join(blank, 'package.json'),
    JSON.stringify({ name: 'blank', publisher: 'bench', version: '0.0.0', engines: { vscode: '*' } }),
  );
  const with_ = [];
  const without = [];
  try {
    const vsix = require('./lib/package').packageVsix({ out: path.join(work, 'upright.vsix'), quiet: true });
    for (let i = 0; i < 10; i++) {
      const installed = i % 2 === 0;
      const out = path.join(work, `memory-${i}.json`);
      await runTests({
        vscodeExecutablePath: path.join(root, 'scripts', 'vscode-shim'),
        extensionDevelopmentPath: blank,
        extensionTestsPath: path.join(root, 'dist', 'test', 'bench', 'memory.js'),
        launchArgs: [path.join(work, `ws-${i}`)],
        extensionTestsEnv: { UPRIGHT_BENCH_OUT: out, UPRIGHT_HOST_RETURNING: '1', ...(installed ? { UPRIGHT_HOST_INSTALL: vsix } : {}) },
        stdout: { write: () => true },
        stderr: process.stderr,
      });
      const measured = JSON.parse(fs.readFileSync(out, 'utf8'));
      if (measured.active !== installed) throw new Error(`memory run ${i + 1}: Upright ${installed ? 'did not start' : 'was present'}`);
      (installed ? with_ : without).push(measured.heapUsed / (KB * KB));
    }
  } finally {
    removeFolder(work);
  }
  // The least of each: other parts of the host sometimes load something late, in either kind of run.
  const growth = Math.min(...with_) - Math.min(...without);
  report(
    "extension host's heap growth with Upright started (least of 5 against least of 5)",
    growth,
    'MB',
    1.5,
    `heap after full GC with Upright: ${with_.map((m) => m.toFixed(2)).join(', ')} MB; without: ${without.map((m) => m.toFixed(2)).join(', ')} MB`,
  );
}

/**
 * The ledger lock, as the extension host meets it: how long one write can hold the host up while other
 * writers (separate processes, standing in for other windows) keep the lock busy, and while a lock
 * dated an hour ahead (a clock set back) looks held. Every write is synchronous, so its duration is
 * the host's block.
 */
async function lock() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-bench-lock-'));
  try {
    await lockIn(work);
  } finally {
    removeFolder(work);
  }
}

/** `lock` in folder `work`. */
async function lockIn(work) {
  const { spawn } = require('node:child_process');
  const esbuild = require('esbuild');
  const script = path.join(work, 'writer.js');
  const storage =
    "export { LedgerFile } from './host/storage/ledgerFile'; export * as extras from './host/storage/extras'; export { applyOps, emptyLedger } from './core/ledger';";
  // A writer process: writes a minute of coding every few milliseconds until the file `stop` appears.
  await esbuild.build({
    stdin: {
      contents: `${storage}
import { LedgerFile as L } from './host/storage/ledgerFile'; import * as x from './host/storage/extras'; import { applyOps as a, emptyLedger as e } from './core/ledger';
const [dir, name] = process.argv.slice(2);
if (name) {
  const store = new L(dir, { owner: name, extras: () => x });
  const cell = new Int32Array(new SharedArrayBuffer(4));
  let writes = 0; let busy = 0;
  while (!require('node:fs').existsSync(dir + '/stop')) {
    try { store.update(e('2026-03-02'), (l) => a(l, [{ type: 'credit', ms: 1, dayKey: '2026-03-02', endWallMs: Date.now() }])); writes++; } catch { busy++; }
    Atomics.wait(cell, 0, 0, 2 + 4 * Math.random());
  }
  process.stdout.write(JSON.stringify({ writes, busy }));
}`,
      resolveDir: path.join(root, 'src'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: script,
    logLevel: 'warning',
  });
  const { LedgerFile, extras, applyOps, emptyLedger } = await loadSource(storage);
  const credit = (l) => applyOps(l, [{ type: 'credit', ms: 1, dayKey: '2026-03-02', endWallMs: Date.now() }]);
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** `tries` writes of the host's own, a few milliseconds apart; each one's duration. */
  async function hostWrites(dir, tries, untilWritten = false) {
    const store = new LedgerFile(dir, { owner: 'host', extras: () => extras });
    const durations = [];
    let busy = 0;
    for (let i = 0; i < tries && !(untilWritten && store.writeStats.writes > 0); i++) {
      const started = performance.now();
      try {
        store.update(emptyLedger('2026-03-02'), credit);
      } catch (err) {
        if (err.name !== 'LedgerBusyError') throw err;
        busy++;
      }
      durations.push(performance.now() - started);
      await wait(3 + 5 * Math.random());
    }
    return { durations, busy, lockWaitMaxMs: store.writeStats.lockWaitMaxMs };
  }
  const p99 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)];
  const busyDir = path.join(work, 'busy');
  fs.mkdirSync(busyDir);
  const writers = ['window-b', 'window-c'].map(
    (name) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [script, busyDir, name], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`lock writer ${name} exited with ${code}`))));
      }),
  );
  await wait(500);
  const contended = await hostWrites(busyDir, 600);
  fs.writeFileSync(path.join(busyDir, 'stop'), '');
  const others = await Promise.all(writers);
  const ledger = JSON.parse(fs.readFileSync(path.join(busyDir, 'ledger.json'), 'utf8'));
  const written = 600 - contended.busy + others.reduce((n, o) => n + o.writes, 0);
  if (ledger.todayActiveMs !== written) throw new Error(`the lock bench lost writes: ${ledger.todayActiveMs} of ${written}`);
  report(
    'ledger lock: longest host block on one write, two other writers busy',
    Math.max(...contended.durations),
    'ms',
    20,
    `600 writes, p99 ${p99(contended.durations).toFixed(2)} ms, longest lock wait ${contended.lockWaitMaxMs.toFixed(2)} ms, ${contended.busy} met the lock busy (written again later); the others wrote ${others.map((o) => o.writes).join(' and ')} times; none lost`,
  );
  const aheadDir = path.join(work, 'ahead');
  fs.mkdirSync(aheadDir);
  const inAnHour = Date.now() + 3_600_000;
  fs.writeFileSync(
    path.join(aheadDir, 'ledger.json.lock'),
    JSON.stringify({
      token: 'ahead',
      pid: process.ppid,
      owner: 'a window before the clock was set back',
      atWallMs: inAnHour,
      host: os.hostname(),
    }),
  );
  fs.utimesSync(path.join(aheadDir, 'ledger.json.lock'), new Date(inAnHour), new Date(inAnHour));
  const aheadStarted = performance.now();
  const ahead = await hostWrites(aheadDir, 4_000, true);
  const takenAfterS = (performance.now() - aheadStarted) / 1000;
  if (ahead.busy === ahead.durations.length) throw new Error('a lock dated an hour ahead was never taken over');
  report(
    'ledger lock: longest host block while a lock dated an hour ahead looks held',
    Math.max(...ahead.durations),
    'ms',
    20,
    `${ahead.busy} writes met it busy; taken over after ${takenAfterS.toFixed(1)} s (held unchanged for the stale-lock age, 10 s), not in an hour`,
  );
}

/**
 * Two windows on one code-server for a few real minutes (UPRIGHT_BENCH_MINUTES, 3 by default): one
 * focused and typing, one unfocused. Real timer wake-ups and real ledger writes, scaled to an hour.
 */
async function windows() {
  require('./lib/host').ensureHost();
  const { runTwoWindows } = require('./lib/twoWindows');
  const minutes = Number(process.env.UPRIGHT_BENCH_MINUTES || 3);
  const r = await runTwoWindows({
    testsPath: path.join(root, 'dist', 'test', 'bench', 'windows.js'),
    extensionEnv: { UPRIGHT_BENCH_MINUTES: String(minutes) },
    timeoutMs: (minutes + 4) * 60_000,
  });
  const a = r.windows.a;
  const b = r.windows.b;
  if (!a || !b || r.failures) throw new Error('the two-window bench did not finish');
  // Whole minutes between two refreshes: the hourly figure is rounded to a whole wake-up.
  const perHour = (n, w) => Math.round((n * 3_600_000) / w.elapsedMs);
  const perMinute = (n, w) => (n * 60_000) / w.elapsedMs;
  const over = `${(a.elapsedMs / 60_000).toFixed(1)} real minutes`;
  report(
    'focused window: timer wake-ups an hour',
    perHour(a.wakeUps, a),
    '/h',
    60,
    `${a.wakeUps} minute refreshes over ${over}, ${a.events} edits`,
  );
  report('unfocused window: timer wake-ups an hour', perHour(b.wakeUps, b), '/h', 60, `${b.wakeUps} minute refreshes over ${over}`);
  report(
    'unfocused window: ledger-change wake-ups an hour',
    perHour(b.watchWakeUps, b),
    '/h',
    60,
    `file-watcher reads of the other window's writes; ${b.ledgerReads} ledger reads`,
  );
  report(
    'ledger writes a minute while coding',
    perMinute(a.ledgerWrites + b.ledgerWrites, a),
    '/min',
    2,
    `focused ${a.ledgerWrites}, unfocused ${b.ledgerWrites} over ${over}`,
  );
  if (a.ledgerWrites > 0) {
    report(
      'ledger write cost (mean, lock + read + write + rename)',
      a.ledgerWriteMs / a.ledgerWrites,
      'ms',
      5,
      `max ${a.ledgerWriteMaxMs.toFixed(2)} ms`,
    );
  }
}

/**
 * A workbench in headless Chromium against code-server with the packaged extension installed, for a
 * returning user (no first start), its timer showing; `close` stops it all and removes its folder.
 */
async function openPackagedWorkbench(prefix) {
  require('./lib/host').ensureHost();
  const { startCodeServer, installVsix } = require('./lib/codeServer');
  const { launchBrowser } = require('./lib/browser');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const vsix = require('./lib/package').packageVsix({ out: path.join(work, 'upright.vsix'), quiet: true });
  installVsix({ vsix, userDataDir: path.join(work, 'user-data'), extensionsDir: path.join(work, 'extensions'), root: work });
  const storage = path.join(work, 'user-data', 'User', 'globalStorage', 'upright.upright');
  fs.mkdirSync(storage, { recursive: true });
  fs.writeFileSync(path.join(storage, 'welcomed'), '');
  const server = await startCodeServer({ root: work, workspace: path.join(work, 'ws'), smokeDriver: false });
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await server.stop();
    removeFolder(work);
  };
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(work, 'ws'))}`);
    await page.locator('[id="upright.upright.upright.timer"]').waitFor({ timeout: 90_000 });
    return { page, browser, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Command to first paint: from choosing "Take a Break Now" in the command palette to the routine panel
 * showing its first exercise, in Chromium against code-server with the packaged extension (median of 5).
 */
async function firstPaint() {
  const { page, close } = await openPackagedWorkbench('upright-paint-');
  const samples = [];
  try {
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input.input').fill('>Upright: Take a Break Now');
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Take a Break Now' }).first();
      await row.waitFor();
      const started = performance.now();
      await row.click();
      await page
        .frameLocator('iframe.webview.ready')
        .frameLocator('iframe#active-frame')
        .locator('.exercise-name', { hasText: /\S/ })
        .waitFor({ timeout: 30_000 });
      samples.push(performance.now() - started);
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input.input').fill('>View: Close All Editors');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Close All Editors' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'Upright Routine' }).waitFor({ state: 'detached' });
    }
  } finally {
    await close();
  }
  report(
    'routine panel: command to first paint (median of 5)',
    median(samples),
    'ms',
    undefined,
    `samples: ${samples.map((s) => s.toFixed(0)).join(', ')} ms; code-server in headless Chromium, page load included`,
  );
}

/** CPU seconds so far of each renderer process, by process id (Chrome DevTools Protocol `SystemInfo.getProcessInfo`). */
async function rendererCpuTimes(browserSession) {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

/**
 * What watching a routine costs the browser: the CPU of Chromium's renderer processes (the
 * workbench's and any the webview has apart) while a routine runs beside the editor, in headless
 * Chromium against code-server with the packaged extension, over UPRIGHT_BENCH_RENDERER_SECONDS (45 by
 * default) of the routine, less the same measure of the workbench alone before the routine opened.
 */
async function rendererCpu() {
  const { setInterval, clearInterval } = require('node:timers');
  const seconds = Number(process.env.UPRIGHT_BENCH_RENDERER_SECONDS || 45);
  const { page, browser, close } = await openPackagedWorkbench('upright-renderer-');
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  let idle;
  let watched;
  let segments;
  try {
    const processes = await browser.context.browser().newBrowserCDPSession();
    // The main thread's split, from the workbench's page (frames of its process included).
    const main = await browser.context.newCDPSession(page);
    await main.send('Performance.enable');
    const metrics = async () =>
      Object.fromEntries((await main.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
    /** Renderer CPU seconds a minute over `ms` of real time, and the workbench main thread's split. */
    const measure = async (ms) => {
      const [cpuBefore, before] = [await rendererCpuTimes(processes), await metrics()];
      await wait(ms);
      const [cpuAfter, after] = [await rendererCpuTimes(processes), await metrics()];
      const minutes = (after.Timestamp - before.Timestamp) / 60;
      const perMinute = (name) => (after[name] - before[name]) / minutes;
      let cpu = 0;
      for (const [id, time] of cpuAfter) cpu += time - (cpuBefore.get(id) ?? 0);
      return {
        cpu: cpu / minutes,
        renderers: cpuAfter.size,
        task: perMinute('TaskDuration'),
        script: perMinute('ScriptDuration'),
        layout: perMinute('LayoutDuration'),
        style: perMinute('RecalcStyleDuration'),
        seconds: minutes * 60,
      };
    };
    await wait(5_000); // the workbench settles after its start
    idle = await measure(seconds * 1000);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').fill('>Upright: Take a Break Now');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Take a Break Now' }).first().click();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('.exercise-name', { hasText: /\S/ }).waitFor({ timeout: 30_000 });
    await wait(2_000); // the page's first paint is not what watching costs
    const kinds = new Set();
    const seen = setInterval(() => {
      frame
        .locator('body')
        .getAttribute('data-segment-kind')
        .then((kind) => kind && kinds.add(kind))
        .catch(() => undefined);
    }, 3_000);
    watched = await measure(seconds * 1000);
    clearInterval(seen);
    const finished = (await frame.locator('body.is-finished').count()) > 0;
    segments = `segments seen: ${[...kinds].join(', ')}${finished ? '; the routine had finished' : ''}`;
  } finally {
    await close();
  }
  const split = (m) =>
    `${m.cpu.toFixed(2)} s a minute in ${m.renderers} renderer process(es); the workbench's main thread busy ${m.task.toFixed(2)} s (script ${m.script.toFixed(2)}, style ${m.style.toFixed(2)}, layout ${m.layout.toFixed(2)})`;
  report(
    'routine running beside the editor: renderer CPU a minute',
    Math.max(0, watched.cpu - idle.cpu),
    's/min',
    4,
    `a Posture Reset watched for ${watched.seconds.toFixed(0)} s (${segments}): ${split(watched)}; less the workbench alone before it opened: ${split(idle)}; headless Chromium against code-server`,
  );
}

async function main() {
  console.log('Upright bench\n');
  // UPRIGHT_BENCH_ONLY=sizes,events,history,lock,activation,memory,paint,renderer,windows runs a subset.
  const only = (process.env.UPRIGHT_BENCH_ONLY || 'sizes,events,history,lock,activation,memory,paint,renderer,windows').split(',');
  execFileSync(process.execPath, ['esbuild.js', '--production', '--tests'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (only.includes('sizes')) sizes();
  if (only.includes('events')) await eventCost();
  if (only.includes('history')) await history();
  if (only.includes('lock')) await lock();
  if (only.includes('activation')) await activation();
  if (only.includes('memory')) await memory();
  if (only.includes('paint')) await firstPaint();
  if (only.includes('renderer')) await rendererCpu();
  if (only.includes('windows')) await windows();
  // A subset run updates its own rows and keeps the others of the last report (each row has its date).
  const reportFile = path.join(root, 'bench-report.json');
  const measured = new Set(results.map((r) => r.name));
  const kept =
    process.env.UPRIGHT_BENCH_ONLY && fs.existsSync(reportFile)
      ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')).results ?? []).filter((r) => !measured.has(r.name))
      : [];
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.arch()}` },
    results: [...kept, ...results],
    allBudgetsHold: [...kept, ...results].every((r) => r.holds !== false),
  };
  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${report.allBudgetsHold ? 'Every budget holds.' : 'Some budgets do not hold.'} Report: bench-report.json`);
  process.exitCode = report.allBudgetsHold ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
