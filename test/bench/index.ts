import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { startTask } from '../support/tasks';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads the bundle again, as the host did before activate(): parse, compile and run its top level. */
function bundleLoadMs(extensionPath: string): number {
  const file = path.join(extensionPath, 'dist', 'extension.js');
  // A separate module instance (the first stays loaded): Node compiles the file afresh.
  const internals = nodeModule as unknown as {
    Module: new (id: string) => { filename: string; paths: string[]; _compile(code: string, file: string): void };
    _nodeModulePaths(dir: string): string[];
  };
  const code = fs.readFileSync(file, 'utf8');
  const started = performance.now();
  const fresh = new internals.Module(file);
  fresh.filename = file;
  fresh.paths = internals._nodeModulePaths(path.dirname(file));
  fresh._compile(code, file);
  return performance.now() - started;
}

/**
 * The host clock following real time: each call waits `ms` real milliseconds and advances the test
 * API's clock by what passed, a tenth of a second at a time, counting on from the previous call.
 */
function followRealTime(api: UprightTestApi): (ms: number) => Promise<void> {
  let last = performance.now();
  return async (ms) => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      await wait(100);
      const now = performance.now();
      api.clock.advance(now - last);
      last = now;
    }
  };
}

/**
 * A routine for `seconds` real seconds, half with its panel in sight (the page counts down, the host
 * wakes at each segment's end) and half hidden behind an editor (the status bar counts down each
 * second). The host clock follows real time. Returns the routine's timer wake-ups in each half, and
 * the session's minute refreshes over both (they go on as always).
 */
async function routineWakeUps(
  api: UprightTestApi,
  seconds: number,
): Promise<{ visible: number; hidden: number; seconds: number; minuteRefreshes: number }> {
  const follow = followRealTime(api);
  // The default routine (Posture Reset, about two minutes), as a reminder's Start opens it.
  await vscode.commands.executeCommand('upright.takeBreak');
  await follow(1000);
  if (!api.routine()) throw new Error('the routine did not start');
  const half = (seconds * 1000) / 2;
  const sessionStart = api.counters().wakeUps;
  const start = api.routineWakeUps();
  await follow(half);
  const visible = api.routineWakeUps() - start;
  // An editor opened in the panel's own group puts the panel out of sight.
  const group = vscode.window.tabGroups.all.find((g) =>
    g.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('upright.routine')),
  );
  const doc = await vscode.workspace.openTextDocument({ content: '' });
  await vscode.window.showTextDocument(doc, { viewColumn: group?.viewColumn ?? vscode.ViewColumn.Beside, preview: false });
  await follow(500);
  const hiddenStart = api.routineWakeUps();
  await follow(half);
  const hidden = api.routineWakeUps() - hiddenStart;
  api.routineControl('finish');
  return { visible, hidden, seconds: half / 1000, minuteRefreshes: api.counters().wakeUps - sessionStart };
}

/**
 * Timer wake-ups while a long task runs, `seconds` real seconds each: one never run before (no offer,
 * nothing to wait for), then one known to take two minutes (offered once typing has stopped). The host
 * clock follows real time. Returns the waits' own wake-ups in each, and the minute refreshes over both.
 */
async function waitWakeUps(
  api: UprightTestApi,
  seconds: number,
): Promise<{ unknown: number; offered: number; offerShown: boolean; seconds: number; minuteRefreshes: number }> {
  const dir = fs.mkdtempSync(path.join(process.env.UPRIGHT_BENCH_TMP ?? path.dirname(process.env.UPRIGHT_BENCH_OUT ?? '.'), 'waits-'));
  const follow = followRealTime(api);
  // Learned first: a build that takes two minutes.
  const started = async (name: string): Promise<{ release(): Promise<void> }> => {
    const task = await startTask(name, dir);
    // Its own terminal command comes with it (one run): let both be seen.
    await wait(1_500);
    return task;
  };
  const taught = await started('bench-build');
  api.clock.advance(120_000);
  await taught.release();
  const sessionStart = api.counters().wakeUps;
  const unknownStart = api.waits().wakeUps;
  const unknown = await started('bench-unknown');
  await follow(seconds * 1000);
  await unknown.release();
  const offeredStart = api.waits().wakeUps;
  const known = await started('bench-build');
  await follow(seconds * 1000);
  const offerShown = api.waits().offer !== undefined;
  await known.release();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    unknown: offeredStart - unknownStart,
    offered: api.waits().wakeUps - offeredStart,
    offerShown,
    seconds,
    minuteRefreshes: api.counters().wakeUps - sessionStart,
  };
}

/** Extension-tests entry for `npm run bench`: what the extension measured of its own start, and a routine's wake-ups. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<UprightTestApi | undefined>('upright.upright');
  const api = await extension?.activate();
  const out = process.env.UPRIGHT_BENCH_OUT;
  if (!api || !out || !extension) throw new Error('bench needs the test API and UPRIGHT_BENCH_OUT');
  const loadMs = bundleLoadMs(extension.extensionPath);
  const routineSeconds = Number(process.env.UPRIGHT_BENCH_ROUTINE_SECONDS ?? '0');
  const routine = routineSeconds > 0 ? await routineWakeUps(api, routineSeconds) : undefined;
  const waitSeconds = Number(process.env.UPRIGHT_BENCH_WAIT_SECONDS ?? '0');
  const waits = waitSeconds > 0 ? await waitWakeUps(api, waitSeconds) : undefined;
  fs.writeFileSync(out, JSON.stringify({ activationMs: api.activationMs, loadMs, routine, waits }));
}
