import * as assert from 'node:assert/strict';

import { dot, sub, unit, type Vec3 } from '../../src/shared/illustration/camera';
import { dist, joint as at, keyJoints } from '../support/pictures';

const pose = (id: string, i: number): Record<string, Vec3> => keyJoints(id)[i] ?? assert.fail(`${id} has no key pose ${i + 1}`);
/** The angle at `b` between `a` and `c`, degrees (180: one straight line). */
const angle = (a: Vec3, b: Vec3, c: Vec3): number =>
  (Math.acos(Math.max(-1, Math.min(1, dot(unit(sub(a, b)), unit(sub(c, b)))))) * 180) / Math.PI;
const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

describe('the lower-back pictures teach their move', () => {
  it('back extension: lying face down, the chest lifts while the hips and feet stay down and the eyes look down', () => {
    const [flat, lifted] = [pose('back-extension', 0), pose('back-extension', 1)];
    assert.ok(at(lifted, 'chest')[1] > at(flat, 'chest')[1] + 8, 'the chest lifts');
    for (const name of ['pelvis', 'lAnkle', 'rAnkle', 'lKnee'])
      assert.ok(dist(at(lifted, name), at(flat, name)) < 1, `the ${name} stays where it was`);
    assert.ok(at(lifted, 'headZ')[1] < -0.2, 'the face still looks down at the floor');
    for (const j of [flat, lifted]) assert.ok(at(j, 'lAnkle')[1] < 14 && at(j, 'pelvis')[1] < 14, 'lying on the floor');
  });

  it('bird dog: one arm reaches ahead and the other side’s leg back, both level, then the other pair; the rest stays on the floor', () => {
    const start = pose('bird-dog', 0);
    for (const s of ['l', 'r']) {
      assert.ok(at(start, `${s}Wrist`)[1] < 10, `on all fours: the ${s} hand on the floor`);
      assert.ok(at(start, `${s}Knee`)[1] < 14, `on all fours: the ${s} knee on the floor`);
    }
    for (const [i, arm, leg] of [
      [1, 'l', 'r'],
      [3, 'r', 'l'],
    ] as const) {
      const j = pose('bird-dog', i);
      const rest = arm === 'l' ? 'r' : 'l';
      assert.ok(Math.abs(at(j, `${arm}Wrist`)[1] - at(j, `${arm}Shoulder`)[1]) < 8, `the ${arm} arm level with its shoulder`);
      assert.ok(at(j, `${arm}Wrist`)[2] > at(j, 'head')[2] + 10, `the ${arm} hand reaches ahead of the head`);
      assert.ok(Math.abs(at(j, `${leg}Ankle`)[1] - at(j, `${leg}Hip`)[1]) < 10, `the ${leg} leg level with its hip`);
      assert.ok(at(j, `${leg}Ankle`)[2] < at(j, `${leg}Hip`)[2] - 60, `the ${leg} leg reaches back`);
      assert.ok(at(j, `${rest}Wrist`)[1] < 10 && at(j, `${arm}Knee`)[1] < 14, 'the other hand and knee stay on the floor');
      assert.ok(dist(at(j, 'pelvis'), at(start, 'pelvis')) < 1, 'the hips stay level and still');
    }
  });

  it('bridge: feet flat, the hips lift until knees, hips and shoulders make one line, the shoulders on the floor', () => {
    const [down, up] = [pose('bridge', 0), pose('bridge', 1)];
    assert.ok(at(up, 'pelvis')[1] > at(down, 'pelvis')[1] + 25, 'the hips lift');
    const line = angle(
      mid(at(up, 'lKnee'), at(up, 'rKnee')),
      mid(at(up, 'lHip'), at(up, 'rHip')),
      mid(at(up, 'lShoulder'), at(up, 'rShoulder')),
    );
    assert.ok(line > 160, `knees, hips and shoulders in line (${line.toFixed(0)}°)`);
    for (const s of ['l', 'r']) {
      assert.ok(dist(at(up, `${s}Ankle`), at(down, `${s}Ankle`)) < 1, `the ${s} foot stays planted`);
      assert.ok(at(up, `${s}Shoulder`)[1] < 20, `the ${s} shoulder stays on the floor`);
      assert.ok(at(up, `${s}Wrist`)[1] < 10, `the ${s} hand rests on the floor`);
    }
    assert.ok(at(up, 'lWrist')[0] > 10 && at(up, 'rWrist')[0] < -10, 'a hand either side');
  });
});
