import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

import * as vscode from 'vscode';

import { allDays } from '../../src/core/history';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { seededRandom } from '../support/garbage';
import { getApi, MINUTE, openScratchEditor, resetSession, SECOND, typeOnce } from './helpers';

/** Simulated minutes of work (an hour in `npm test`; `npm run soak` asks for more). */
const SOAK_MINUTES = Number(process.env.UPRIGHT_SOAK_MINUTES) || 60;
const IDLE_MS = 180 * SECOND;
const NATURAL_BREAK_MS = 5 * MINUTE;

/**
 * What really happened, kept apart from Upright's code: coding is the time between two moments of
 * activity in the focused window when it is under the idle threshold and nothing else (a sleep, a clock
 * set forward, the window out of focus) came between; an absence of five minutes or more is a break.
 */
class Truth {
  codedMs = 0;
  sessionMs = 0;
  naturalBreaks = 0;
  #lastMonoMs: number | null = null;
  #lastWallMs = 0;
  /** Since the last activity: the machine slept or the clock jumped ahead, or the window lost focus. */
  #interrupted = false;

  activity(wallMs: number, monoMs: number): void {
    if (this.#lastMonoMs !== null) {
      const monoGapMs = monoMs - this.#lastMonoMs;
      const awayMs = Math.max(monoGapMs, wallMs - this.#lastWallMs);
      if (awayMs >= NATURAL_BREAK_MS) {
        this.naturalBreaks++;
        this.sessionMs = 0;
      } else if (!this.#interrupted && monoGapMs < IDLE_MS) {
        this.codedMs += monoGapMs;
        this.sessionMs += monoGapMs;
      }
    }
    this.#lastMonoMs = monoMs;
    this.#lastWallMs = wallMs;
    this.#interrupted = false;
  }

  interrupted(): void {
    this.#interrupted = true;
  }

  /** The wall clock set back: what was recorded in the future is now. */
  clockSetBack(wallMs: number): void {
    this.#lastWallMs = Math.min(this.#lastWallMs, wallMs);
  }
}

function heapUsedBytes(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('an hour of simulated work in the real host', function () {
  this.timeout(Math.max(600_000, SOAK_MINUTES * 30_000));
  let api: UprightTestApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
    await resetSession(api, editor);
  });

  after(async () => {
    api.setFocused(true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('counts what really happened, minute for minute, and its memory stays flat', async () => {
    const random = seededRandom(Number(process.env.UPRIGHT_SOAK_SEED) || 20261202);
    const between = (lo: number, hi: number): number => Math.round(lo + random() * (hi - lo));
    const totals = (): { codedMs: number; natural: number } => {
      api.flush();
      const days = allDays(api.history(), api.ledger());
      return { codedMs: days.reduce((n, d) => n + d.activeMs, 0), natural: days.reduce((n, d) => n + d.natural, 0) };
    };
    const truth = new Truth();
    const start = totals();
    const now = (): { wallMs: number; monoMs: number } => api.clock.now();
    let untilRefreshMs = MINUTE;
    /** Time passes as it does: the minute timer's work runs on the way (a write, a natural break noticed). */
    const pass = (ms: number): void => {
      while (ms > 0) {
        const step = Math.min(ms, untilRefreshMs);
        api.clock.advance(step);
        ms -= step;
        untilRefreshMs -= step;
        if (untilRefreshMs === 0) {
          api.refresh();
          untilRefreshMs = MINUTE;
        }
      }
    };
    let events = 0;
    const type = async (): Promise<void> => {
      await typeOnce(editor);
      truth.activity(now().wallMs, now().monoMs);
      const shownMs = api.snapshot().activeMsSinceBreak;
      if (shownMs !== truth.sessionMs)
        assert.fail(`the time since the last break is ${shownMs} ms, truly ${truth.sessionMs} ms (${events} events in)`);
    };
    // A moment after the break the session starts with (an absence that begins at the very moment a
    // break is logged is that same break, counted once).
    truth.activity(now().wallMs, now().monoMs); // the keystroke resetSession typed
    pass(2 * SECOND);
    await type();
    const figures = { typed: 0, pauses: 0, idleGaps: 0, absences: 0, sleeps: 0, clockBack: 0, clockForward: 0, focusAway: 0 };
    const heapBytes: number[] = [];
    const startMonoMs = now().monoMs;
    let nextHeapAtMs = startMonoMs + 10 * MINUTE;
    while (now().monoMs - startMonoMs < SOAK_MINUTES * MINUTE) {
      const roll = random();
      if (roll < 0.55) {
        // A burst of typing: a key every second or few.
        for (let i = between(5, 40); i > 0; i--) {
          pass(between(200, 8_000));
          await type();
          figures.typed++;
        }
      } else if (roll < 0.7) {
        pass(between(20 * SECOND, IDLE_MS - 10 * SECOND)); // reading, thinking: coding
        figures.pauses++;
      } else if (roll < 0.8) {
        pass(between(IDLE_MS + 10 * SECOND, NATURAL_BREAK_MS - 20 * SECOND)); // idle, not yet a break
        figures.idleGaps++;
      } else if (roll < 0.85) {
        pass(between(NATURAL_BREAK_MS + 10 * SECOND, 20 * MINUTE)); // away: a break
        figures.absences++;
      } else if (roll < 0.89) {
        const sleptMs = between(10 * SECOND, 15 * MINUTE); // the lid closed
        api.clock.sleep(sleptMs);
        truth.interrupted();
        figures.sleeps++;
      } else if (roll < 0.92) {
        api.clock.shiftWall(between(30 * SECOND, 10 * MINUTE)); // the clock set forward
        truth.interrupted();
        figures.clockForward++;
      } else if (roll < 0.95) {
        api.clock.shiftWall(-between(30 * SECOND, 5 * MINUTE)); // the clock set back
        truth.clockSetBack(now().wallMs);
        figures.clockBack++;
        // Keep typing until a write has moved the last activity to the new clock (see the README's limits).
        for (let i = 0; i < 30; i++) {
          pass(4_000);
          await type();
        }
      } else {
        api.setFocused(false); // another application
        truth.interrupted();
        pass(between(10 * SECOND, 12 * MINUTE));
        api.setFocused(true);
        figures.focusAway++;
      }
      await type();
      events++;
      // Checked as it goes, so a difference names the event that made it.
      const naturalNow = totals().natural - start.natural;
      if (naturalNow !== truth.naturalBreaks)
        assert.fail(
          `after event ${events} (${JSON.stringify(figures)}): ${naturalNow} natural breaks recorded, truly ${truth.naturalBreaks}`,
        );
      if (now().monoMs >= nextHeapAtMs) {
        heapBytes.push(heapUsedBytes());
        nextHeapAtMs += 10 * MINUTE;
      }
    }
    const end = totals();
    const codedMs = end.codedMs - start.codedMs;
    console.log(
      `      soak: ${SOAK_MINUTES} simulated minutes, ${events} events (${JSON.stringify(figures)}); coded ${(codedMs / MINUTE).toFixed(2)} min, truly ${(truth.codedMs / MINUTE).toFixed(2)} min; ` +
        `${end.natural - start.natural} natural breaks, truly ${truth.naturalBreaks}; heap every 10 min (KiB): ${heapBytes.map((b) => Math.round(b / 1024)).join(', ')}`,
    );
    assert.equal(codedMs, truth.codedMs, 'coding time, to the millisecond');
    assert.equal(end.natural - start.natural, truth.naturalBreaks, 'natural breaks');
    if (heapBytes.length >= 3) {
      const growthBytes = (heapBytes.at(-1) ?? 0) - (heapBytes[1] ?? 0);
      assert.ok(growthBytes < 4 * 1024 * 1024, `the host's heap grew ${Math.round(growthBytes / 1024)} KiB`);
    }
  });
});
