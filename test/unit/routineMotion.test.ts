import * as assert from 'node:assert/strict';

import { stillSpans } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';
import { FIGURE_FRAMES_PER_SECOND, figureMoves, type MotionState, msToNextCount, msToNextPose } from '../../src/shared/routineMotion';

const running: MotionState = { status: 'running', segmentKind: 'work', visible: true, still: false };

describe('routine page motion', () => {
  it('moves the figure only while its exercise runs in sight', () => {
    assert.equal(figureMoves(running), true);
    assert.equal(figureMoves({ ...running, segmentKind: 'ready' }), false, 'getting ready');
    assert.equal(figureMoves({ ...running, segmentKind: 'rest' }), false, 'a rest between sets or sides');
    assert.equal(figureMoves({ ...running, status: 'paused' }), false, 'paused');
    assert.equal(figureMoves({ ...running, status: 'finished' }), false, 'the summary');
    assert.equal(figureMoves({ ...running, visible: false }), false, 'out of sight');
    assert.equal(figureMoves({ ...running, still: true }), false, 'reduced motion: still key poses');
  });

  it('redraws the count when the second shown changes, never per frame', () => {
    // 12.4 s left shows 0:13 until 12 s are left: 400 ms away.
    assert.equal(msToNextCount({ ...running, segmentKind: 'rest' }, 12_400, 20_000), 400);
    assert.equal(msToNextCount({ ...running, segmentKind: 'rest' }, 12_000, 20_000), 1000);
    assert.equal(msToNextCount({ ...running, segmentKind: 'ready' }, 1, 8_000), 1);
    // A whole segment, drawn from its start to its end: one redraw a second.
    let left = 30_000;
    let redraws = 0;
    for (let next = msToNextCount(running, left, 30_000); next !== undefined; next = msToNextCount(running, left, 30_000)) {
      assert.ok(next >= 1, 'a redraw is always ahead');
      left -= next;
      redraws++;
    }
    assert.equal(redraws, 30);
  });

  it('redraws at each new rep too', () => {
    // Reps of 2.5 s in a 25 s set: whichever comes first, the next rep or the next second shown.
    assert.equal(msToNextCount(running, 21_000, 25_000, 2_500), 1000, '4 s in: both a second away');
    assert.equal(msToNextCount(running, 21_300, 25_000, 2_500), 300, '3.7 s in: the second first');
    assert.equal(msToNextCount(running, 22_600, 25_000, 2_500), 100, '2.4 s in: the rep first');
    // Reps count only while the exercise runs.
    assert.equal(msToNextCount({ ...running, segmentKind: 'rest' }, 22_600, 25_000, 2_500), 600);
  });

  it('has nothing to redraw paused, finished, out of sight or at the segment’s end', () => {
    assert.equal(msToNextCount({ ...running, status: 'paused' }, 5_000, 10_000), undefined);
    assert.equal(msToNextCount({ ...running, status: 'finished' }, 0, 10_000), undefined);
    assert.equal(msToNextCount({ ...running, visible: false }, 5_000, 10_000), undefined);
    assert.equal(msToNextCount(running, 0, 10_000), undefined);
  });

  it('steps the moving figure a dozen times a second, and not at all through a hold', () => {
    const frameMs = 1000 / FIGURE_FRAMES_PER_SECOND;
    const holds: [number, number][] = [[0.25, 0.75]];
    assert.equal(msToNextPose(0, 4000, holds), frameMs, 'moving');
    assert.equal(msToNextPose(1000, 4000, holds), 2000, 'the hold has just begun');
    assert.equal(msToNextPose(8000 + 2950, 4000, holds), frameMs, 'a hold ending within a frame, a later rep');
    assert.equal(msToNextPose(3500, 4000, []), frameMs, 'no hold at all');
  });

  it('knows where each figure holds still: as long as its hold', () => {
    const chinTuck = ILLUSTRATIONS['chin-tuck'];
    assert.ok(chinTuck);
    const still = (holdSeconds: number): number =>
      stillSpans(chinTuck, { secondsPerRep: 4, holdSeconds, reducedMotion: false, title: '' }).reduce((n, [from, to]) => n + to - from, 0);
    assert.ok(Math.abs(still(2) - 0.5) < 1e-9, `a 2 s hold in a 4 s rep is half the cycle (${still(2)})`);
    assert.equal(still(0), 0, 'no hold, always moving');
    for (const [id, spec] of Object.entries(ILLUSTRATIONS))
      for (const [from, to] of stillSpans(spec, { secondsPerRep: 5, holdSeconds: 2, reducedMotion: false, title: '' }))
        assert.ok(from >= 0 && from < to && to <= 1, `${id}: a hold within the cycle`);
  });
});
