'use strict';
// Two editors of the VS Code family on one machine: two code-servers with profiles of their own (as VS
// Code and Cursor have), sharing one XDG_STATE_HOME, and so the folder every editor shares. Each opens
// one window running its half of test/editors in test mode. Before they start, each product's global
// storage holds a history and a ledger of its own (with days in both), as a person's editors have
// before they share the folder; then both are started again. Returns {passes, failures, pending}
// summed over both editors and both runs.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer, devPayloadUrl, testClockStartMs } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { removeFolder } = require('./folders');
const { loadSource } = require('./loadSource');
const { testDay } = require('./testDay');

const root = path.resolve(__dirname, '../..');
const NOISE = /^(Ignoring fetching additional builtin extensions|\[AccountPolicyGate\]|Updating additional builtin extensions cache)/;
const ROLES = ['a', 'b'];
const MINUTE = 60_000;

/** The extension's folder in a product's global storage: where it kept its files before it shared them. */
function productStorage(productRoot) {
  return path.join(productRoot, 'user-data', 'User', 'globalStorage', 'upright.upright');
}

/**
 * The days each product's history holds: 12 and 11 days before the test day in `a`, 11 and 10 in `b`.
 * On the day in both, every field differs, and the larger of each field the time away decides
 * (natural, moved, sitting, sittingMs) is now `a`'s, now `b`'s: adding and taking the larger differ.
 */
function seededDays(addDays, today) {
  const day = (n) => addDays(today, -n);
  const record = (key, v) => ({
    day: key,
    activeMs: v[0],
    reminders: v[1],
    started: v[2],
    manual: v[3],
    natural: v[4],
    skipped: v[5],
    snoozed: v[6],
    routines: v[7],
    exercises: v[8],
    exerciseMs: v[9],
    moved: v[10],
    sitting: v[11],
    sittingMs: v[12],
    moves: v[13],
    eyeBreaks: v[14],
  });
  return {
    a: [
      {
        record: record(day(12), [95 * MINUTE, 3, 2, 1, 2, 1, 1, 1, 2, 2 * MINUTE, 1, 1, 10 * MINUTE, 1, 4]),
        exercises: { 'neck-rolls': { count: 2, ms: 2 * MINUTE } },
      },
      {
        record: record(day(11), [120 * MINUTE, 4, 3, 1, 3, 1, 2, 1, 2, 3 * MINUTE, 2, 1, 15 * MINUTE, 2, 5]),
        exercises: { 'neck-rolls': { count: 1, ms: MINUTE }, 'shoulder-rolls': { count: 1, ms: 2 * MINUTE } },
      },
    ],
    b: [
      {
        record: record(day(11), [45 * MINUTE, 2, 1, 2, 4, 0, 1, 1, 1, 90_000, 1, 2, 12 * MINUTE, 1, 2]),
        exercises: { 'shoulder-rolls': { count: 1, ms: 90_000 } },
      },
      {
        record: record(day(10), [60 * MINUTE, 1, 1, 0, 1, 0, 0, 1, 1, MINUTE, 0, 1, 5 * MINUTE, 0, 0]),
        exercises: { 'arm-circles': { count: 1, ms: MINUTE } },
      },
    ],
  };
}

/**
 * Each product's ledger, last used this morning of the test day (`clockStart` is 09:00): `a` from 07:05
 * to 07:30, `b` until 08:40, so `b`'s clock is the more recently used, and the time away since is a
 * natural break. Today's counts differ, as the days in both histories do.
 */
function seededLedgers(emptyLedger, today, clockStart) {
  const at = (minutesBefore) => clockStart - minutesBefore * MINUTE;
  const ledger = (fields) => ({ ...emptyLedger(today), ...fields });
  const breaks = { natural: 0, manual: 0, started: 0, skipped: 0, snoozed: 0, moved: 0 };
  return {
    a: ledger({
      seq: 12,
      todayActiveMs: 20 * MINUTE,
      todayBreaks: { ...breaks, natural: 1, manual: 1 },
      todayReminders: 1,
      todayMoves: 1,
      todayEyeBreaks: 3,
      activeMsSinceBreak: 10 * MINUTE,
      lastActivityWallMs: at(90),
      lastBreak: { atWallMs: at(100), kind: 'manual' },
    }),
    b: ledger({
      seq: 30,
      todayActiveMs: 25 * MINUTE,
      todayBreaks: { ...breaks, natural: 2, snoozed: 1 },
      todayReminders: 2,
      activeMsSinceBreak: 15 * MINUTE,
      lastActivityWallMs: at(20),
      lastBreak: { atWallMs: at(35), kind: 'natural' },
    }),
  };
}

/**
 * Each product's files before it shares the folder, as the real code writes them: `history.json` (by
 * history's serializer) and `ledger.json` (the ledger as JSON). Returns the text of each file by role,
 * the history days and exercises they were made of, and the day each ledger holds (`ledgerDays`).
 */
async function seedFiles() {
  const { addDays, emptyHistory, mergeClosedDays, serializeHistory, emptyLedger, todayRecord } = await loadSource(
    "export { addDays, emptyHistory, mergeClosedDays, serializeHistory } from './core/history';",
    "export { emptyLedger, todayRecord } from './core/ledger';",
  );
  const today = testDay();
  const days = seededDays(addDays, today);
  const ledgers = seededLedgers(emptyLedger, today, Number(testClockStartMs()));
  const files = {};
  const ledgerDays = {};
  for (const role of ROLES) {
    files[role] = {
      'history.json': serializeHistory(mergeClosedDays(emptyHistory(), days[role])),
      'ledger.json': JSON.stringify(ledgers[role]),
    };
    ledgerDays[role] = [todayRecord(ledgers[role])];
  }
  return { files, days, ledgerDays, lastActivityWallMs: ledgers.b.lastActivityWallMs };
}

/**
 * Starts both products' code-servers on the shared state folder; stops those that started if one fails.
 * `apart`: each product's own settings and state folder, by role.
 */
async function startProducts(products, sharedState, apart = {}) {
  const started = await Promise.allSettled(
    ROLES.map((role) => {
      const state = apart[role]?.state ?? sharedState;
      return startCodeServer({
        root: products[role],
        workspace: path.join(products[role], 'workspace'),
        settings: apart[role]?.settings ?? {},
        env: { XDG_STATE_HOME: state, LOCALAPPDATA: state },
      });
    }),
  );
  const servers = started.filter((s) => s.status === 'fulfilled').map((s) => s.value);
  const refused = started.find((s) => s.status === 'rejected');
  if (refused) {
    await Promise.all(servers.map((s) => s.stop()));
    throw refused.reason;
  }
  return servers;
}

/**
 * Opens one window on each server, running `testsPath` in test mode with `env`, and waits until both
 * have ended (or `timeoutMs`). Returns each role's results file, or the exit code if none was written.
 */
async function openWindows(browser, servers, products, { testsPath, env, syncDir, timeoutMs }) {
  fs.mkdirSync(syncDir, { recursive: true });
  const pages = [];
  const exits = await Promise.all(
    ROLES.map(async (role, i) => {
      const server = servers[i];
      const page = await browser.context.newPage();
      pages.push(page);
      const exited = new Promise((resolve) => {
        void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
        setTimeout(() => resolve('timeout'), timeoutMs).unref();
      });
      await page.exposeFunction('codeAutomationLog', (_type, args) => {
        const line = Array.isArray(args) ? args.join(' ') : String(args);
        if ((process.env.UPRIGHT_DEBUG_WINDOWS || line.startsWith('[editor ')) && !NOISE.test(line)) process.stdout.write(`${line}\n`);
      });
      const resultsFile = path.join(syncDir, `results-${role}.json`);
      await page.goto(
        devPayloadUrl(server.url, server.port, {
          folder: path.join(products[role], 'workspace'),
          devPath: root,
          testsPath,
          extensionEnv: {
            ...env,
            UPRIGHT_EDITOR_ROLE: role,
            UPRIGHT_SYNC_DIR: syncDir,
            UPRIGHT_PRODUCT_STORAGE_A: productStorage(products.a),
            UPRIGHT_PRODUCT_STORAGE_B: productStorage(products.b),
            UPRIGHT_USER_DATA_A: path.join(products.a, 'user-data'),
            UPRIGHT_USER_DATA_B: path.join(products.b, 'user-data'),
            UPRIGHT_TEST_RESULTS: resultsFile,
          },
        }),
      );
      return exited;
    }),
  );
  await Promise.all(pages.map((page) => page.close().catch(() => undefined)));
  return ROLES.map((role, i) => {
    const file = path.join(syncDir, `results-${role}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { exit: exits[i] };
  });
}

/**
 * Options: `testsPath` (an extension-tests entry run in both editors, test/editors by default),
 * `extensionEnv` (more environment for both hosts), `timeoutMs` (per editor and run).
 *
 * Three runs: both products started for the first time with the shared folder (twoEditors.test.ts), then
 * both stopped and started again on the same profiles and folder, a minute of clock later (reopened.test.ts),
 * then apart (apart.test.ts): product a with `upright.shareClockAcrossEditors` off, product b with an
 * XDG_STATE_HOME where no folder can be made (a file).
 */
async function runTwoEditors({
  log = (m) => process.stderr.write(`${m}\n`),
  testsPath = path.join(root, 'dist', 'test', 'editors', 'index.js'),
  extensionEnv = {},
  timeoutMs = 180_000,
} = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-2e-'));
  // The one state folder of the machine, as both products see it.
  const sharedState = path.join(work, 'xdg-state');
  const products = Object.fromEntries(ROLES.map((role) => [role, path.join(work, `product-${role}`)]));
  const seedsFile = path.join(work, 'seeds.json');
  fs.mkdirSync(sharedState);
  let servers = [];
  let browser;
  const results = { passes: 0, failures: 0, pending: 0, editors: {} };
  const tally = (run, reports) => {
    for (const [i, role] of ROLES.entries()) {
      const r = reports[i];
      if (r.exit !== undefined) {
        log(`editor ${role} (${run}) reported no results (exit: ${r.exit})`);
        results.failures += 1;
        continue;
      }
      results.editors[`${role} ${run}`] = r;
      results.passes += r.passes;
      results.failures += r.failures;
      results.pending += r.pending;
    }
  };
  try {
    const seeds = await seedFiles();
    for (const role of ROLES) {
      const storage = productStorage(products[role]);
      fs.mkdirSync(storage, { recursive: true });
      for (const [name, text] of Object.entries(seeds.files[role])) fs.writeFileSync(path.join(storage, name), text);
    }
    // What was seeded, for the tests to compare with: the records, and each file's text as written.
    fs.writeFileSync(seedsFile, JSON.stringify(seeds));
    const env = { ...extensionEnv, UPRIGHT_SHARED_STATE: sharedState, UPRIGHT_SEEDS: seedsFile };
    servers = await startProducts(products, sharedState);
    browser = await launchBrowser();
    const firstSync = path.join(work, 'sync-first');
    tally(
      'first',
      await openWindows(browser, servers, products, {
        testsPath,
        env: { UPRIGHT_TEST_CLOCK_START: testClockStartMs(), ...env },
        syncDir: firstSync,
        timeoutMs,
      }),
    );
    // Started again only after a first run that went to its end: its clock and day are where this one starts.
    const ends = ROLES.map((role) => path.join(firstSync, `end-${role}`));
    if (results.failures === 0 && ends.every((f) => fs.existsSync(f))) {
      const earlier = Object.fromEntries(ROLES.map((role, i) => [role, JSON.parse(fs.readFileSync(ends[i], 'utf8'))]));
      await Promise.all(servers.map((s) => s.stop()));
      servers = await startProducts(products, sharedState);
      tally(
        'reopened',
        await openWindows(browser, servers, products, {
          testsPath,
          env: {
            UPRIGHT_TEST_CLOCK_START: String(Math.max(...Object.values(earlier).map((e) => e.wallMs)) + MINUTE),
            ...env,
            UPRIGHT_EDITOR_RUN: 'reopened',
            UPRIGHT_EARLIER: JSON.stringify(earlier),
          },
          syncDir: path.join(work, 'sync-reopened'),
          timeoutMs,
        }),
      );
      const reopenedEnds = ROLES.map((role) => path.join(work, 'sync-reopened', `end-${role}`));
      if (results.failures === 0 && reopenedEnds.every((f) => fs.existsSync(f))) {
        const before = Object.fromEntries(ROLES.map((role, i) => [role, JSON.parse(fs.readFileSync(reopenedEnds[i], 'utf8'))]));
        await Promise.all(servers.map((s) => s.stop()));
        const notAFolder = path.join(work, 'not-a-folder');
        fs.writeFileSync(notAFolder, '');
        servers = await startProducts(products, sharedState, {
          a: { settings: { 'upright.shareClockAcrossEditors': false } },
          b: { state: notAFolder },
        });
        tally(
          'apart',
          await openWindows(browser, servers, products, {
            testsPath,
            env: {
              UPRIGHT_TEST_CLOCK_START: String(Math.max(...Object.values(before).map((e) => e.wallMs)) + MINUTE),
              ...env,
              UPRIGHT_EDITOR_RUN: 'apart',
              UPRIGHT_EARLIER: JSON.stringify(before),
              UPRIGHT_NOT_A_FOLDER: notAFolder,
            },
            syncDir: path.join(work, 'sync-apart'),
            timeoutMs,
          }),
        );
      }
    }
  } catch (err) {
    log(`two-editor run failed: ${err && err.stack ? err.stack : err}`);
    results.failures += 1;
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.stop()));
    if (process.env.UPRIGHT_KEEP_HOST_LOGS && results.failures > 0) {
      log(`kept for a look (profiles, code-server.log of each, the shared state folder): ${work}`);
    } else {
      removeFolder(work);
    }
  }
  return results;
}

module.exports = { runTwoEditors, seedFiles };

if (require.main === module) {
  runTwoEditors().then((r) => {
    console.log(JSON.stringify(r));
    process.exitCode = r.failures ? 1 : 0;
  });
}
