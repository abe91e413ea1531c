import * as assert from 'node:assert/strict';

import { length, sub, type Vec3 } from '../../src/shared/illustration/camera';
import { type Piece, type Point } from '../../src/shared/illustration/figure';
import { figurePieces, keyPosesOf } from '../../src/shared/illustration/render';
import { depthSpec, dist, joint, keyJoints } from '../support/pictures';

const [spec, at] = [depthSpec, joint];
/** The heading of a horizontal direction, degrees, 0 straight ahead (+z), positive toward the figure's left (+x). */
const heading = (v: Vec3): number => (Math.atan2(v[0], v[2]) * 180) / Math.PI;
/** How far a point lies from the segment a–b. */
const fromSegment = (p: Vec3, a: Vec3, b: Vec3): number => {
  const ab = sub(b, a);
  const t = Math.max(0, Math.min(1, (sub(p, a)[0] * ab[0] + sub(p, a)[1] * ab[1] + sub(p, a)[2] * ab[2]) / (length(ab) ** 2 || 1)));
  return dist(p, [a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t]);
};
/** How far the middle point rises above the straight line from `a` to `b` (negative: it dips below it). */
const above = (a: Vec3, mid: Vec3, b: Vec3): number => {
  const t = (mid[2] - a[2]) / (b[2] - a[2]);
  return mid[1] - (a[1] + (b[1] - a[1]) * t);
};

/** The turns, degrees, summed over a loop of angles (each step taken the short way round). */
const turned = (angles: number[]): number =>
  angles.reduce((sum, a, i) => sum + ((((angles[(i + 1) % angles.length] ?? a) - a + 540) % 360) - 180), 0);
/** The angle of a point about a centre in the side plane, degrees: 0 ahead (+z), 90 up, 180 behind, 270 down. */
const sideAngle = (p: Vec3, c: Vec3): number => ((Math.atan2(p[1] - c[1], p[2] - c[2]) * 180) / Math.PI + 360) % 360;
/** The average of points. */
const centre = (ps: Vec3[]): Vec3 => {
  const n = ps.length || 1;
  return [ps.reduce((t, p) => t + p[0], 0) / n, ps.reduce((t, p) => t + p[1], 0) / n, ps.reduce((t, p) => t + p[2], 0) / n];
};
/** A drawn piece of the picture in one key pose. */
const drawn = (id: string, i: number, piece: string): Piece => {
  const s = spec(id);
  return figurePieces(s, keyPosesOf(s)[i] ?? {}).find((p) => p.id === piece) ?? assert.fail(`no piece ${piece}`);
};
/** Whether a point lies inside a drawn outline. */
const insideOutline = (q: Point, pts: readonly Point[]): boolean => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [a, b] = [pts[i] as Point, pts[j] as Point];
    if (a.y > q.y !== b.y > q.y && q.x < ((b.x - a.x) * (q.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
};
/** How near a point comes to the trunk (the segments pelvis–waist–chest), cm. */
const fromTrunk = (j: Record<string, Vec3> | undefined, p: Vec3): number =>
  Math.min(fromSegment(p, at(j, 'pelvis'), at(j, 'waist')), fromSegment(p, at(j, 'waist'), at(j, 'chest')));

describe('the warm-up pictures teach their move', () => {
  it('chair rotation: the chest turns at least 40° to the left with both hands on the chair back, the knees still facing forward', () => {
    const s = spec('chair-rotation');
    assert.ok(
      s.depth?.props?.some((p) => p.kind === 'chair'),
      'a chair with a back',
    );
    const [rest, turned] = keyJoints('chair-rotation');
    const square = heading(at(rest, 'chestZ'));
    const turn = heading(at(turned, 'chestZ'));
    assert.ok(Math.abs(square) < 3, `the chest starts square (${square.toFixed(0)}°)`);
    assert.ok(turn >= 40, `the chest turns ${turn.toFixed(0)}° to the left`);
    assert.ok(heading(at(turned, 'headZ')) > turn, 'the head looks further round than the chest');
    for (const k of ['lKnee', 'rKnee', 'lAnkle', 'rAnkle', 'pelvis'])
      assert.ok(dist(at(rest, k), at(turned, k)) < 0.5, `the ${k} stays where it was`);
    for (const side of ['l', 'r']) {
      const w = at(turned, `${side}Wrist`);
      // The chair back: a panel 40 cm wide at z -26, from the seat (46) to the top rail (90).
      assert.ok(
        Math.abs(w[2] + 26) < 4 && Math.abs(w[0]) <= 22 && w[1] >= 50 && w[1] <= 92,
        `the ${side} hand rests on the chair back (${w.map((v) => v.toFixed(0)).join(', ')})`,
      );
      assert.ok(at(turned, `${side}Elbow`)[1] > 52, `the ${side} elbow stays above the seat`);
      const [shoulder, elbow] = [at(turned, `${side}Shoulder`), at(turned, `${side}Elbow`)];
      assert.ok(elbow[1] < shoulder[1] - 5, `the ${side} elbow hangs below the shoulder, not winged out`);
      assert.ok(elbow[2] > -26 || Math.abs(elbow[0]) > 20, `the ${side} elbow stays clear of the chair back`);
      // The arm goes round the trunk, never through it.
      for (const [a, b] of [
        [shoulder, elbow],
        [elbow, w],
      ] as const)
        for (const t of [0.4, 0.6, 0.8, 1]) {
          const p: Vec3 = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
          assert.ok(fromTrunk(turned, p) > 10, `the ${side} arm clears the trunk (${fromTrunk(turned, p).toFixed(1)} cm)`);
        }
    }
    assert.ok(s.depth?.grip, 'the hands hold the chair (fists)');
    const yaw = s.depth?.camera.yaw ?? NaN;
    assert.ok(
      Math.abs(turn - yaw) < 25,
      `the chest turns to face the camera (${turn.toFixed(0)}°, the camera at ${yaw}°), the knees pointing across`,
    );
  });

  it('cat-cow: the back rounds up with the head dropped, then sags with the head lifted, hands planted and arms straight', () => {
    const [cat, cow] = keyJoints('cat-cow');
    const hump = above(at(cat, 'pelvis'), at(cat, 'waist'), at(cat, 'chest'));
    const sag = above(at(cow, 'pelvis'), at(cow, 'waist'), at(cow, 'chest'));
    assert.ok(hump > 4, `the cat's mid back rises ${hump.toFixed(1)} cm above the line from hips to chest`);
    assert.ok(sag < -4, `the cow's mid back sinks ${(-sag).toFixed(1)} cm below it`);
    assert.ok(at(cat, 'head')[1] < at(cat, 'lShoulder')[1] - 10, 'the cat drops its head below the shoulders');
    assert.ok(at(cow, 'head')[1] > at(cow, 'lShoulder')[1], 'the cow lifts its head above the shoulders');
    assert.ok(at(cat, 'headZ')[1] < -0.5 && at(cat, 'headZ')[2] < 0.2, 'the cat looks down and back toward its knees');
    assert.ok(at(cow, 'headZ')[1] > -0.6, 'the cow looks ahead, not down at the floor');
    for (const side of ['l', 'r']) {
      assert.ok(dist(at(cat, `${side}Wrist`), at(cow, `${side}Wrist`)) < 0.5, `the ${side} hand stays put`);
      for (const j of [cat, cow]) {
        assert.ok(Math.abs(at(j, `${side}Wrist`)[1] - 2.6) < 0.2, 'the hand is on the floor');
        assert.ok(at(j, `${side}Knee`)[1] < 15, 'the knee is on the floor');
        assert.ok(dist(at(j, `${side}Shoulder`), at(j, `${side}Wrist`)) > 52, 'the arm stays (nearly) straight');
      }
    }
  });

  it('neck rolls: the chin stays down while it sweeps from the left shoulder to the right, the head never tipping back', () => {
    const s = spec('neck-rolls');
    assert.equal(s.track, 'nose');
    const poses = keyJoints('neck-rolls');
    for (const j of poses) {
      assert.ok(at(j, 'headZ')[1] < -0.35, `the face points down (${at(j, 'headZ')[1].toFixed(2)})`);
      assert.ok(dist(at(j, 'lShoulder'), at(poses[0], 'lShoulder')) < 0.5, 'the shoulders stay still');
    }
    const face = (i: number): Vec3 => at(poses[i], 'headZ');
    assert.ok(face(1)[0] > 0.35 && face(3)[0] < -0.35, 'the chin goes toward the left shoulder, then the right');
    assert.ok(at(poses[1], 'head')[0] > 1.5 && at(poses[3], 'head')[0] < -1.5, 'the head leans toward the shoulder it faces');
    // Drawn: the nose travels across the picture between the two sides.
    const nose = (i: number): number => figurePieces(s, keyPosesOf(s)[i] ?? {}).find((p) => p.id === 'nose')?.a.x ?? NaN;
    assert.ok(Math.abs(nose(1) - nose(3)) > 12, `the nose crosses ${Math.abs(nose(1) - nose(3)).toFixed(0)} px`);
  });

  it('head turn: the head turns at least 60° each way, chin level, while the shoulders stay square', () => {
    const s = spec('head-turn');
    assert.equal(s.track, 'nose');
    const poses = keyJoints('head-turn');
    const turns = poses.map((j) => heading(at(j, 'headZ')));
    assert.ok(Math.max(...turns) >= 60 && Math.min(...turns) <= -60, `the head turns ${turns.map((t) => t.toFixed(0)).join(', ')}°`);
    assert.ok(turns[1] !== undefined && turns[1] > 0, 'it looks over the left shoulder first');
    for (const j of poses) {
      assert.ok(Math.abs(at(j, 'headZ')[1]) < 0.1, 'the chin stays level');
      assert.ok(Math.abs(heading(at(j, 'chestZ'))) < 1, 'the shoulders stay square');
    }
  });

  it('knee to chest: each knee in turn drawn toward the chest by hands behind the thigh, the other foot down, head down', () => {
    const poses = keyJoints('knee-to-chest');
    const [rest] = poses;
    for (const [i, side, other] of [
      [1, 'l', 'r'],
      [3, 'r', 'l'],
    ] as const) {
      const j = poses[i];
      const knee = at(j, `${side}Knee`);
      const gain = dist(at(rest, `${side}Knee`), at(rest, 'chest')) - dist(knee, at(j, 'chest'));
      assert.ok(gain > 20, `the ${side} knee comes ${gain.toFixed(0)} cm nearer the chest`);
      assert.ok(knee[2] < at(j, `${side}Hip`)[2] - 15, 'the knee is drawn in past the hip toward the head');
      for (const hand of ['l', 'r']) {
        const w = at(j, `${hand}Wrist`);
        const onThigh = fromSegment(w, at(j, `${side}Hip`), knee);
        assert.ok(onThigh < 10, `the ${hand} hand holds the thigh (${onThigh.toFixed(1)} cm from it)`);
        assert.ok(dist(w, knee) > 8, `the ${hand} hand is behind the thigh, not over the kneecap`);
        assert.ok(at(j, `${hand}Elbow`)[1] > 0, 'the elbow stays above the floor');
      }
      assert.ok(at(j, `${other}Ankle`)[1] < 12, `the ${other} foot stays on the floor`);
    }
    for (const j of poses) assert.ok(at(j, 'head')[1] < 20 && at(j, 'chest')[1] < 14, 'head and shoulders stay down');
    // Drawn from well above the side: the far side shows beside the near one, each knee clear of the trunk as it comes in.
    const apart = (i: number, piece: string, end: 'a' | 'b'): number => {
      const [l, r] = [drawn('knee-to-chest', i, `l${piece}`)[end], drawn('knee-to-chest', i, `r${piece}`)[end]];
      return Math.hypot(l.x - r.x, l.y - r.y);
    };
    assert.ok(apart(0, 'Thigh', 'b') > 20, `the two bent knees show apart at rest (${apart(0, 'Thigh', 'b').toFixed(0)} px)`);
    assert.ok(apart(0, 'UpperArm', 'a') > 28, `the far shoulder shows beside the near one (${apart(0, 'UpperArm', 'a').toFixed(0)} px)`);
    for (const [i, side] of [
      [1, 'l'],
      [3, 'r'],
    ] as const) {
      const knee = drawn('knee-to-chest', i, `${side}Thigh`).b;
      assert.ok(!insideOutline(knee, drawn('knee-to-chest', i, 'torso').pts ?? []), `the drawn-in ${side} knee shows clear of the trunk`);
      assert.ok(apart(i, 'Thigh', 'b') > 40, `the drawn-in knee is well apart from the other (${apart(i, 'Thigh', 'b').toFixed(0)} px)`);
    }
  });

  it('thoracic extension: hands behind the head, elbows wide, the upper back arching back over the chair back', () => {
    const s = spec('thoracic-extension');
    assert.ok(
      s.depth?.props?.some((p) => p.kind === 'chair'),
      'a chair with a back',
    );
    const [tall, arched] = keyJoints('thoracic-extension');
    for (const j of [tall, arched])
      for (const side of ['l', 'r']) {
        const w = at(j, `${side}Wrist`);
        const head = at(j, 'head');
        assert.ok(dist(w, head) < 14, `the ${side} hand cradles the head (${dist(w, head).toFixed(1)} cm)`);
        assert.ok(w[2] < head[2] - 5, 'behind it');
        assert.ok(Math.abs(at(j, `${side}Elbow`)[0]) > 25, 'the elbow opens wide');
      }
    const lean = (j: Record<string, Vec3> | undefined): number => (Math.atan2(-at(j, 'chestY')[2], at(j, 'chestY')[1]) * 180) / Math.PI;
    assert.ok(Math.abs(lean(tall)) < 5, 'sitting tall first');
    assert.ok(lean(arched) > 30, `the upper back tips back ${lean(arched).toFixed(0)}°`);
    // Tipped back from upright, in the side view: the upper back (waist to chest) further than the lower (hips to waist).
    const back = (a: Vec3, b: Vec3): number => (Math.atan2(-(b[2] - a[2]), b[1] - a[1]) * 180) / Math.PI;
    const arch = back(at(arched, 'waist'), at(arched, 'chest')) - back(at(arched, 'pelvis'), at(arched, 'waist'));
    assert.ok(arch > 18, `it arches through the upper back (${arch.toFixed(0)}°), rather than tipping back whole`);
    assert.ok(dist(at(tall, 'pelvis'), at(arched, 'pelvis')) < 0.5, 'the hips stay on the seat');
    // The back passes over the chair back's top rail (y 90, z -26), not through it.
    // The back's surface (10 cm behind the spine) at the rail's height: on the rail, not through it.
    const [w, c] = [at(arched, 'waist'), at(arched, 'chest')];
    const onRail = w[2] - 10 + ((c[2] - w[2] - 1) * (90 - w[1])) / (c[1] - w[1]);
    assert.ok(onRail > -29 && onRail < -20, `the back rests on the chair back's top rail (z ${onRail.toFixed(1)}, the rail at -26)`);
  });

  it('overhead reach: the left arm reaches up past the ear and over as the trunk bends to the right, the hips level', () => {
    const poses = keyJoints('overhead-reach');
    const [rest, up, over] = poses;
    assert.ok(at(rest, 'lWrist')[1] < at(rest, 'pelvis')[1] + 5, 'the arm starts down');
    assert.ok(at(up, 'lWrist')[1] > at(up, 'head')[1] + 20, 'the left hand rises above the head');
    assert.ok(at(over, 'lWrist')[1] > at(over, 'head')[1] + 20, 'and stays high as it reaches over');
    assert.ok(at(over, 'lWrist')[0] < at(over, 'lShoulder')[0] - 5, 'reaching over, toward the right');
    assert.ok(at(over, 'chest')[0] < -5, `the chest bends to the right (${at(over, 'chest')[0].toFixed(1)} cm)`);
    for (const j of poses) {
      assert.ok(Math.abs(at(j, 'lHip')[1] - at(j, 'rHip')[1]) < 0.5, 'the hips stay level');
      assert.ok(Math.abs(heading(at(j, 'chestZ'))) < 2, 'no twist');
      assert.ok(at(j, 'rWrist')[1] < at(j, 'pelvis')[1] + 5, 'the right arm hangs');
    }
  });

  it('arm circles: straight arms out at shoulder height, the hands going round a forward circle, seen across its plane', () => {
    const s = spec('arm-circles');
    assert.equal(s.track, 'lHand', 'the arrows follow the near hand round');
    const poses = keyJoints('arm-circles');
    assert.ok(poses.length >= 6, `enough key poses (${poses.length}) for the hand to go round, not flap up and down`);
    const hands = poses.map((j) => sub(at(j, 'lWrist'), at(j, 'lShoulder')));
    for (const [i, j] of poses.entries()) {
      assert.ok(Math.abs(hands[i]?.[1] ?? 99) < 22, 'the hand stays near shoulder height');
      assert.ok(dist(at(j, 'lShoulder'), at(j, 'lWrist')) > 54, 'the arm is straight');
      assert.ok((hands[i]?.[0] ?? 0) > 45, 'the arm is out to the side');
      assert.ok(dist(at(j, 'rShoulder'), at(j, 'rWrist')) > 54 && at(j, 'rWrist')[0] < -45, 'and so is the right');
    }
    // Round the axis out through the shoulder: one whole turn, up, forward, down and back.
    const mid = centre(hands);
    const angles = hands.map((h) => sideAngle(h, mid));
    const turn = turned(angles);
    // Ahead is 0°, up 90°: over the top and forward, the angle falls.
    assert.ok(Math.abs(turn + 360) < 1, `the hand goes once round, forward over the top (${turn.toFixed(0)}°)`);
    assert.ok(
      angles.every((a, i) => (a - (angles[(i + 1) % angles.length] ?? a) + 360) % 360 < 90),
      'each move goes on round the same way, less than a quarter turn',
    );
    const radii = hands.map((h) => Math.hypot(h[1] - mid[1], h[2] - mid[2]));
    assert.ok(Math.min(...radii) > 0.8 * Math.max(...radii), 'a circle, not a diamond or a line');
    assert.ok(Math.max(...radii) > 12, `the circle is ${Math.max(...radii).toFixed(0)} cm across the radius`);
    // Drawn: the camera sees the circle's plane, so the hand draws a loop, not a line, in the picture.
    const path = poses.map((_, i) => drawn('arm-circles', i, 'lHand').a);
    const [xs, ys] = [path.map((p) => p.x), path.map((p) => p.y)];
    const [wide, tall] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    assert.ok(
      wide > 15 && tall > 15 && Math.min(wide, tall) > 0.4 * Math.max(wide, tall),
      `the hand's loop is ${wide.toFixed(0)} × ${tall.toFixed(0)} px`,
    );
  });

  it('shoulder rolls: the shoulders circle up, back, down and forward, close up, the arms hanging and the head still', () => {
    const s = spec('shoulder-rolls');
    assert.equal(s.depth?.frame, 'upper', 'framed close on the shoulders');
    const poses = keyJoints('shoulder-rolls');
    const shoulder = poses.map((j) => at(j, 'rShoulder'));
    const ys = shoulder.map((p) => p[1]);
    const zs = shoulder.map((p) => p[2]);
    assert.ok(Math.max(...ys) - Math.min(...ys) > 8, 'the shoulders go up and down by more than 8 cm');
    assert.ok(Math.max(...zs) - Math.min(...zs) > 6, 'and forward and back by more than 6 cm');
    // Seen from the side: up, then back, then down, then forward, once round.
    const angles = shoulder.map((p) => sideAngle(p, centre(shoulder)));
    const turn = turned(angles);
    assert.ok(Math.abs(turn - 360) < 1, `the shoulder goes once round, up and back over the top (${turn.toFixed(0)}°)`);
    const top = ys.indexOf(Math.max(...ys));
    const bottom = ys.indexOf(Math.min(...ys));
    const backmost = zs.indexOf(Math.min(...zs));
    const order = (i: number): number => (i - top + poses.length) % poses.length;
    assert.ok(order(backmost) > 0 && order(backmost) < order(bottom), 'after the top it goes back, then down');
    for (const j of poses) {
      assert.ok(dist(at(j, 'head'), at(poses[0], 'head')) < 0.5, 'the head stays still');
      assert.ok(at(j, 'rWrist')[1] < at(j, 'rShoulder')[1] - 45, 'the arm hangs');
      assert.ok(Math.abs(at(j, 'lShoulder')[1] - at(j, 'rShoulder')[1]) < 0.5, 'both shoulders together');
    }
    // Drawn close: the shoulder travels far enough in the picture to be seen.
    const drawnShoulder = poses.map((_, i) => drawn('shoulder-rolls', i, 'rUpperArm').a);
    const travel = Math.max(...drawnShoulder.flatMap((p) => drawnShoulder.map((q) => Math.hypot(p.x - q.x, p.y - q.y))));
    assert.ok(travel > 20, `the shoulder moves ${travel.toFixed(0)} px in the picture`);
  });
});
