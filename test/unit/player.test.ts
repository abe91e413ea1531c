import * as assert from 'node:assert/strict';

import { BUILT_IN_ROUTINES } from '../../src/core/exercises/builtInRoutines';
import { animationTempo, formatDose } from '../../src/core/exercises/cards';
import { EXERCISES } from '../../src/core/exercises/library';
import { alternates, type Exercise } from '../../src/core/exercises/model';
import {
  back,
  completedSteps,
  finish,
  FIRST_READY_SECONDS,
  next,
  pause,
  resume,
  segmentsOf,
  startPlayer,
  tick,
  viewAt,
} from '../../src/core/exercises/player';
import { resolveRoutine, type Routine, TRANSITION_SECONDS } from '../../src/core/exercises/routines';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';
import { parseToRoutinePage } from '../../src/shared/routinePage';

const S = 1000;
const base = EXERCISES.find((e) => e.id === 'chin-tuck') as Exercise;
// Two made-up steps with known doses: 4 reps of 2 s in 2 sets with 10 s rest; a 20 s hold each side.
const tuck: Exercise = {
  ...base,
  id: 'tuck',
  dose: { kind: 'reps', reps: 4, secondsPerRep: 2, sets: 2, perSide: false, restSeconds: 10, source: 'test' },
};
const stretch: Exercise = {
  ...base,
  id: 'stretch',
  dose: { kind: 'hold', seconds: 20, sets: 1, perSide: true, restSeconds: 5, source: 'test' },
};
const routine: Routine = { id: 'r', name: 'R', summary: '', forReminders: false, steps: [{ exercise: 'tuck' }, { exercise: 'stretch' }] };
const resolved = resolveRoutine(routine, [tuck, stretch], { equipment: [], intensity: 'gentle' });
const segments = segmentsOf(resolved);
const T0 = 1_000_000;

describe('routine player', () => {
  it('lays a routine out as get ready, sets and sides with rests between', () => {
    assert.deepEqual(
      segments.map((s) => `${s.kind}:${s.step}:${s.set}/${s.sets}:${s.side ?? '-'}:${s.durationMs / S}`),
      [
        `ready:0:1/2:-:${FIRST_READY_SECONDS}`,
        'work:0:1/2:-:8',
        'rest:0:2/2:-:10',
        'work:0:2/2:-:8',
        `ready:1:1/1:-:${TRANSITION_SECONDS}`,
        'work:1:1/1:left:20',
        'rest:1:1/1:right:5',
        'work:1:1/1:right:20',
      ],
    );
  });

  it('plays a move done on each side in turn as one go: both sides with no rest between, a rep a turn on each', () => {
    const knees: Routine = { id: 'k', name: 'K', summary: '', forReminders: false, steps: [{ exercise: 'knee-to-chest' }] };
    const one = resolveRoutine(knees, EXERCISES, { equipment: [], intensity: 'gentle' });
    const laid = segmentsOf(one);
    // 5 reps of 5 s on each side, taken in turn.
    assert.deepEqual(
      laid.map((s) => `${s.kind}:${s.side ?? '-'}:${s.durationMs / S}`),
      [`ready:-:${FIRST_READY_SECONDS}`, 'work:alternating:50'],
    );
    assert.equal(one.seconds, 50);
    const dose = one.steps[0]?.dose;
    assert.ok(dose);
    assert.equal(formatDose(dose), '5 reps, 2 s hold each side, alternating');
    // The picture shows a rep on each side per cycle, each with its hold; the count follows it.
    assert.deepEqual(animationTempo(dose), { secondsPerRep: 10, holdSeconds: 4 });
    const work = T0 + FIRST_READY_SECONDS * S;
    const state = startPlayer(laid, T0);
    const repAt = (ms: number): number | null => viewAt(laid, tick(laid, state, ms), one, ms).rep;
    assert.equal(repAt(work + 9.9 * S), 1);
    assert.equal(repAt(work + 10 * S), 2);
    assert.equal(repAt(work + 49 * S), 5);
    // The page takes the segment as it is.
    const view = { exerciseId: 'knee-to-chest', name: 'K', summary: '', muscleLabels: [], steps: [], caution: 'c', doseText: 'd' };
    const step = { ...view, kind: 'reps', reps: 5, tempo: animationTempo(dose), replaces: null };
    const player = { segment: 0, status: 'running', remainingMs: 1, early: false, done: [], completedSteps: [], progress: 0 };
    const data = { routineId: 'k', exerciseId: null, fromReminder: false, routineName: 'K', steps: [step], segments: laid };
    assert.ok(parseToRoutinePage({ type: 'routine', data: { ...data, reduceMotion: 'auto', sound: false, conditionNote: null }, player }));
  });

  it('takes turns on the moves whose steps and pictures go from one side to the other', () => {
    const inTurn = EXERCISES.filter((e) => alternates(e.dose));
    assert.deepEqual(
      inTurn.map((e) => e.id),
      ['knee-to-chest', 'renegade-row', 'bird-dog'],
    );
    for (const e of inTurn) {
      assert.ok(!e.fullDose || alternates(e.fullDose), `${e.id}: started by hand too`);
      // One side, back to the start, the other side.
      assert.equal(ILLUSTRATIONS[e.id]?.poses.length, 4, `${e.id}: its picture shows both sides`);
    }
  });

  it('runs on the clock it is given: counts reps at the tempo, and catches up after time unseen', () => {
    let s = startPlayer(segments, T0);
    assert.equal(s.endsAtMs, T0 + FIRST_READY_SECONDS * S);
    const t = T0 + FIRST_READY_SECONDS * S + 5 * S; // 5 s into the first set
    s = tick(segments, s, t);
    const v = viewAt(segments, s, resolved, t);
    assert.equal(v.segment?.kind, 'work');
    assert.deepEqual([v.rep, v.reps, v.remainingMs], [3, 4, 3 * S], 'rep 3 of 4 (2 s a rep), 3 s left');
    // A hidden panel: nobody ticks for 40 s. One tick lands exactly where the routine is.
    const later = t + 40 * S;
    s = tick(segments, s, later);
    const w = viewAt(segments, s, resolved, later);
    assert.equal(w.segment?.kind, 'work');
    assert.equal(w.segment?.side, 'left');
    assert.equal(w.remainingMs, 20 * S - (40 - 3 - 10 - 8 - TRANSITION_SECONDS) * S);
    assert.deepEqual(s.done, [1, 3], 'both sets of the first exercise ran to the end');
    assert.deepEqual(completedSteps(segments, s), [0]);
  });

  it('pauses and resumes without losing or gaining time', () => {
    let s = startPlayer(segments, T0);
    s = pause(segments, s, T0 + 3 * S);
    assert.equal(s.status, 'paused');
    assert.equal(viewAt(segments, s, resolved, T0 + 60 * S).remainingMs, (FIRST_READY_SECONDS - 3) * S, 'time stands still while paused');
    s = resume(segments, s, T0 + 100 * S);
    assert.equal(s.endsAtMs, T0 + 100 * S + (FIRST_READY_SECONDS - 3) * S);
  });

  it('skips ahead; a set skipped after half of it still counts, one skipped at once does not', () => {
    let s = startPlayer(segments, T0);
    s = next(segments, s, T0 + 1 * S); // skip get ready
    assert.equal(s.segment, 1);
    s = next(segments, s, T0 + 6 * S); // 5 s of an 8 s set: done
    assert.deepEqual(s.done, [1]);
    s = next(segments, s, T0 + 7 * S); // skip the rest
    s = next(segments, s, T0 + 8 * S); // 1 s of the second set: not done
    assert.deepEqual(s.done, [1]);
    assert.deepEqual(completedSteps(segments, s), []);
  });

  it('goes back to the start of this set, or to the one before when it has barely begun', () => {
    let s = startPlayer(segments, T0);
    s = next(segments, s, T0); // into set 1
    s = tick(segments, s, T0 + 5 * S);
    s = back(segments, s, T0 + 5 * S);
    assert.equal(s.segment, 1);
    assert.equal(s.endsAtMs, T0 + 5 * S + 8 * S, 'set 1 starts again');
    s = tick(segments, s, T0 + 13 * S + 10 * S + 1 * S); // through set 1 and the rest, 1 s into set 2
    assert.equal(s.segment, 3);
    s = back(segments, s, T0 + 24 * S);
    assert.equal(s.segment, 1, 'back past the rest to set 1');
    assert.deepEqual(s.done, [], 'redoing set 1 forgets it was done');
  });

  it('keeps pausing across skips, and finishes early counting only what was done', () => {
    let s = startPlayer(segments, T0);
    s = pause(segments, s, T0);
    s = next(segments, s, T0 + 1 * S);
    assert.equal(s.status, 'paused');
    assert.equal(s.remainingMs, 8 * S);
    s = resume(segments, s, T0 + 2 * S);
    s = finish(segments, s, T0 + 7 * S); // 5 of 8 s: the set counts, the exercise does not (one set left)
    assert.equal(s.status, 'finished');
    assert.ok(s.early);
    assert.deepEqual(s.done, [1]);
    assert.deepEqual(completedSteps(segments, s), []);
    assert.equal(tick(segments, s, T0 + 999 * S), s, 'a finished routine stays finished');
  });

  it('finishes by itself at the end, with everything done and progress at 100%', () => {
    const s = tick(segments, startPlayer(segments, T0), T0 + 3600 * S);
    assert.equal(s.status, 'finished');
    assert.equal(s.early, false);
    assert.deepEqual(completedSteps(segments, s), [0, 1]);
    assert.equal(viewAt(segments, s, resolved, T0 + 3600 * S).progress, 1);
  });

  it('plays every built-in routine from end to end in the time it says', () => {
    for (const id of ['posture-reset', 'desk-stretch', 'warm-up', 'full-upper-back', 'lower-back-and-grip']) {
      const r = resolveRoutine(BUILT_IN_ROUTINES.find((x) => x.id === id) as Routine, EXERCISES, {
        equipment: ['band'],
        intensity: 'full',
      });
      const segs = segmentsOf(r);
      const total = segs.reduce((n, x) => n + x.durationMs, 0);
      assert.equal(total, (r.seconds + FIRST_READY_SECONDS) * S, `${id}: the timeline matches the routine's duration`);
      const s = tick(segs, startPlayer(segs, T0), T0 + total);
      assert.equal(s.status, 'finished');
      assert.equal(completedSteps(segs, s).length, r.steps.length);
    }
  });
});
