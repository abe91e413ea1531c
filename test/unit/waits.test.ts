import * as assert from 'node:assert/strict';

import { EXERCISES } from '../../src/core/exercises/library';
import {
  expectedSeconds,
  LONGEST_WAIT_SECONDS,
  moveFor,
  MOVES,
  recordRun,
  RUNS_KEPT,
  waitKey,
  type WaitRecord,
  WAITS_KEPT,
  worthAMove,
} from '../../src/core/waits';
import { seededRandom } from '../support/garbage';

function runs(key: string, ...seconds: number[]): WaitRecord[] {
  return seconds.reduce<WaitRecord[]>((w, s) => recordRun(w, key, s), []);
}

describe('waits: how long a task or command usually runs', () => {
  it('knows a command only by a hash: never its text, the same line always the same key', () => {
    const line = 'npm run build -- --token=s3cret';
    const key = waitKey('command', line);
    assert.match(key, /^c[0-9a-f]{14}$/);
    assert.equal(waitKey('command', line), key);
    assert.notEqual(waitKey('task', line), key, 'a task and a command line never share a key');
    assert.notEqual(waitKey('command', `${line} `), key);
    const stored = JSON.stringify(runs(key, 60));
    for (const word of ['npm', 'build', 's3cret', 'token']) assert.equal(stored.includes(word), false);
    // Ten thousand different lines, no two keys alike.
    const keys = new Set(Array.from({ length: 10_000 }, (_, i) => waitKey('command', `make target-${i}`)));
    assert.equal(keys.size, 10_000);
  });

  it('offers nothing for a command that has never run', () => {
    assert.equal(expectedSeconds([], waitKey('command', 'cargo build')), undefined);
    assert.equal(worthAMove(undefined, 45), false);
  });

  it('expects the median of the recent runs: one odd run does not decide', () => {
    const key = 'c1';
    assert.equal(expectedSeconds(runs(key, 60), key), 60);
    assert.equal(expectedSeconds(runs(key, 58, 62, 1200), key), 62, 'a cold build');
    assert.equal(expectedSeconds(runs(key, 58, 62, 60, 1), key), 59, 'a run stopped at once');
    assert.equal(expectedSeconds(runs(key, 3, 4, 2), key), 3);
    assert.equal(worthAMove(expectedSeconds(runs(key, 3, 4, 2), key), 45), false, 'a few seconds is no wait');
    assert.equal(worthAMove(expectedSeconds(runs(key, 58, 62), key), 45), true);
  });

  it('never takes a watcher or a server for a wait, even after a run stopped early', () => {
    const key = 'c-watch';
    assert.equal(expectedSeconds(runs(key, 3 * 3600), key), undefined);
    assert.equal(expectedSeconds(runs(key, 3 * 3600, 5 * 3600, 2), key), undefined);
    assert.equal(expectedSeconds(runs(key, LONGEST_WAIT_SECONDS + 1), key), undefined);
    assert.equal(expectedSeconds(runs(key, LONGEST_WAIT_SECONDS), key), LONGEST_WAIT_SECONDS);
  });

  it('stays bounded: a few runs a command, a few dozen commands, the least recent forgotten', () => {
    const random = seededRandom(5);
    let waits: WaitRecord[] = [];
    for (let i = 0; i < 5_000; i++) waits = recordRun(waits, `c${Math.floor(random() * 300)}`, random() * 1e7);
    assert.ok(waits.length <= WAITS_KEPT);
    assert.ok(waits.every((w) => w.runs.length <= RUNS_KEPT && w.runs.every((r) => Number.isInteger(r) && r >= 0 && r <= 86_400)));
    waits = recordRun(waits, 'fresh', 30);
    assert.equal(waits[waits.length - 1]?.key, 'fresh', 'the one run last is kept longest');
    assert.ok(JSON.stringify(waits).length < 8_000);
    // A bad measurement is not kept.
    assert.deepEqual(recordRun([], 'x', Number.NaN), []);
    assert.deepEqual(recordRun([], 'x', -5), []);
  });
});

describe('waits: the move offered', () => {
  const band = ['band'] as const;

  it('comes round the desk moves, never the same twice in a row', () => {
    let last: string | null = null;
    const seen: string[] = [];
    for (let i = 0; i < MOVES.length * 2; i++) {
      const move = moveFor(60, last, EXERCISES, band);
      assert.ok(move);
      assert.notEqual(move.exercise.id, last);
      seen.push(move.exercise.id);
      last = move.exercise.id;
    }
    assert.deepEqual(new Set(seen), new Set(MOVES));
  });

  it('is matched to equipment: without a band, no band move', () => {
    let last: string | null = null;
    for (let i = 0; i < MOVES.length * 2; i++) {
      const move = moveFor(60, last, EXERCISES, []);
      assert.ok(move);
      assert.deepEqual(move.exercise.equipment, []);
      last = move.exercise.id;
    }
  });

  it('is done at the desk, seated or standing, and fits the wait', () => {
    for (const expected of [45, 60, 90, 180, 600]) {
      let last: string | null = null;
      for (let i = 0; i < MOVES.length; i++) {
        const move = moveFor(expected, last, EXERCISES, band);
        assert.ok(move);
        assert.ok(move.exercise.positions.some((p) => p === 'seated' || p === 'standing'));
        assert.ok(move.seconds <= Math.max(expected - 10, 30), `${move.exercise.id} takes ${move.seconds} s of a ${expected} s wait`);
        assert.ok(move.seconds >= 10);
        assert.equal(move.routine.forReminders, true);
        assert.equal(move.routine.steps.length, 1);
        last = move.exercise.id;
      }
    }
  });

  it('a longer wait gets more reps, within twice the usual dose', () => {
    const short = moveFor(45, null, EXERCISES, band);
    const long = moveFor(300, null, EXERCISES, band);
    assert.equal(short?.exercise.id, 'chin-tuck');
    assert.ok(short?.reps !== undefined && long?.reps !== undefined && long.reps > short.reps);
    assert.ok((long?.reps ?? 0) <= 2 * (long?.exercise.dose.kind === 'reps' ? long.exercise.dose.reps : 0));
  });
});
