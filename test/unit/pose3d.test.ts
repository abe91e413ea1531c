import * as assert from 'node:assert/strict';

import { add, type Camera, cameraAxes, length, project, sub, times, type Vec3 } from '../../src/shared/illustration/camera';
import { type Piece } from '../../src/shared/illustration/figure';
import { fillPoses3d, pieces3d, type Pose3D, skeleton } from '../../src/shared/illustration/pose3d';
import { figurePieces, type IllustrationSpec, keyPosesOf } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';

const spec = (id: string): IllustrationSpec => {
  const found = ILLUSTRATIONS[id];
  assert.ok(found?.depth, `${id} is drawn in depth`);
  return found;
};
const keyPose = (id: string, i: number): Pose3D => (spec(id).poses[i] ?? {}) as Pose3D;
const joint = (j: Record<string, Vec3>, name: string): Vec3 => j[name] ?? assert.fail(`no joint ${name}`);
const piece = (ps: Piece[], id: string): Piece => ps.find((p) => p.id === id) ?? assert.fail(`no piece ${id}`);
const degrees = (rad: number): number => (rad * 180) / Math.PI;

const CAMERAS: Camera[] = [
  { yaw: 0, pitch: 0, zoom: 1, target: [0, 90, 0], at: [100, 120] },
  { yaw: -90, pitch: 0, zoom: 1.5, target: [0, 80, 8], at: [96, 108] },
  { yaw: 162, pitch: 22, zoom: 1.5, target: [0, 90, 0], at: [100, 110] },
  { yaw: -35, pitch: 28, zoom: 1.12, target: [0, 95, 10], at: [100, 124] },
];

const BASES = ['standing', 'seated', 'hinged', 'kneeling', 'allFours', 'plank', 'prone', 'supine', 'floorSit', 'hanging'] as const;

describe('the figure in depth', () => {
  describe('projection', () => {
    for (const camera of CAMERAS) {
      it(`draws a point moved toward the camera nearer and larger (yaw ${camera.yaw}, pitch ${camera.pitch})`, () => {
        const { toward, right, up } = cameraAxes(camera);
        for (const v of [toward, right, up]) assert.ok(Math.abs(length(v) - 1) < 1e-9, 'the axes are unit length');
        const at: Vec3 = [12, 120, -5];
        const [far, near] = [project(camera, at), project(camera, add(at, times(toward, 20)))];
        assert.ok(near.depth > far.depth + 19.9, 'nearer the camera means a greater depth');
        // A limb of the same length drawn nearer is drawn longer.
        const span = (p: Vec3): number => {
          const [a, b] = [project(camera, p), project(camera, add(p, times(right, 10)))];
          return Math.hypot(a.x - b.x, a.y - b.y);
        };
        assert.ok(span(add(at, times(toward, 20))) > span(at));
        // The target lands where the camera says, and up is up on the picture.
        const target = project(camera, camera.target);
        assert.deepEqual([Math.round(target.x), Math.round(target.y)], [...camera.at]);
        assert.ok(project(camera, add(camera.target, up)).y < target.y);
      });
    }

    it('draws the pieces nearest last, the far side thinner and marked far', () => {
      for (const id of ['band-pull-apart', 'scapular-squeeze', 'chin-tuck']) {
        const s = spec(id);
        for (const pose of s.poses) {
          const ps = figurePieces(s, pose);
          const depths = ps.map((p) => p.depth ?? 0);
          assert.deepEqual(
            depths,
            [...depths].sort((a, b) => a - b),
            `${id}: in order of depth`,
          );
          const [left, right] = [piece(ps, 'lUpperArm'), piece(ps, 'rUpperArm')];
          const [far, near] = (left.depth ?? 0) < (right.depth ?? 0) ? [left, right] : [right, left];
          assert.ok(far.far && !near.far, `${id}: the arm away from the camera is the far one`);
          assert.ok(far.size < near.size, `${id}: the far arm is thinner`);
          assert.ok(ps.indexOf(near) > ps.indexOf(far), `${id}: the near arm is drawn after the far one`);
        }
      }
    });

    it('keeps every segment its length in any pose', () => {
      const lengths: [string, string, number][] = [
        ['Shoulder', 'Elbow', 30],
        ['Elbow', 'Wrist', 26],
        ['Hip', 'Knee', 42],
        ['Knee', 'Ankle', 42],
      ];
      const poses: Pose3D[] = [
        {},
        { raise: 88, swing: 80, elbow: 30 },
        { raise: 40, swing: -20, elbow: 90, retract: 4, depress: 3 },
        { lRaise: 170, rRaise: 10, lElbow: 40, roll: 90, bend: 30, lean: 15, twist: -40 },
        { lHand: [10, 120, 40], rHand: [-60, 100, 0], lFoot: [10, 9, 20], rHip: 60, rKnee: 100 },
        // Out of reach: the limb goes straight toward the point and stays its length.
        { lHand: [0, 300, 200], lFoot: [0, -100, 0] },
      ];
      for (const base of BASES)
        for (const pose of poses) {
          const j = skeleton(base, pose);
          for (const side of ['l', 'r'])
            for (const [from, to, cm] of lengths) {
              const d = length(sub(joint(j, `${side}${to}`), joint(j, `${side}${from}`)));
              assert.ok(Math.abs(d - cm) < 0.6, `${base} ${side}${from}–${to} ${d.toFixed(1)} cm, not ${cm}`);
            }
        }
    });
  });

  describe('posing', () => {
    it('stands every base on the floor, nothing below it, and the bases that rest on hands with hands on it', () => {
      for (const base of BASES) {
        const j = skeleton(base, {});
        for (const [name, v] of Object.entries(j))
          if (!/^(head|chest)[XYZ]$|HandDir$/.test(name)) assert.ok(v[1] > -0.5, `${base}: ${name} at ${v[1].toFixed(1)} cm`);
        const lowest = Math.min(...['lAnkle', 'lKnee', 'pelvis', 'lWrist', 'head'].map((k) => joint(j, k)[1]));
        if (base !== 'hanging') assert.ok(lowest < 13, `${base}: resting on the floor (lowest ${lowest.toFixed(1)} cm)`);
        else assert.ok(joint(j, 'lAnkle')[1] > 10, 'hanging: the feet are off the floor');
        if (base === 'allFours' || base === 'plank')
          for (const s of ['l', 'r']) assert.ok(joint(j, `${s}Wrist`)[1] < 9, `${base}: the ${s} hand is on the floor`);
        if (base === 'allFours' || base === 'kneeling')
          for (const s of ['l', 'r']) assert.ok(joint(j, `${s}Knee`)[1] < 13, `${base}: the ${s} knee is on the floor`);
      }
    });

    it('places a hand or a foot where a pose puts it, the elbow and the knee bending the way they are told', () => {
      const j = skeleton('standing', { lHand: [20, 150, 30], rHand: [-20, 150, 30], elbowTo: [1, 0, 0], rFoot: [-9, 40, 40] });
      assert.ok(length(sub(joint(j, 'lWrist'), [20, 150, 30])) < 0.1);
      assert.ok(length(sub(joint(j, 'rAnkle'), [-9, 40, 40])) < 0.1, 'a foot placed on its own side');
      assert.ok(joint(j, 'lElbow')[0] > joint(j, 'lShoulder')[0] + 5, 'the left elbow out to the left');
      assert.ok(joint(j, 'rElbow')[0] < joint(j, 'rShoulder')[0] - 5, 'and the right one out to the right');
      assert.ok(joint(j, 'rKnee')[2] > joint(j, 'rHip')[2] + 10, 'the knee forward');
    });

    it('bends a hand at the wrist the way it is told, mirrored for the right, else on along the forearm', () => {
      const straight = skeleton('seated', { raise: 90, elbow: 0 });
      const bent = skeleton('seated', { raise: 90, handTo: [0, 1, 0] });
      assert.ok(length(sub(joint(straight, 'lHandDir'), [0, 0, 1])) < 0.05, 'on along a forearm held forward');
      for (const s of ['l', 'r']) assert.ok(joint(bent, `${s}HandDir`)[1] > 0.99, `the ${s} hand points up`);
      const out = skeleton('seated', { raise: 90, handTo: [1, 0, 0] });
      assert.ok(joint(out, 'lHandDir')[0] > 0.99 && joint(out, 'rHandDir')[0] < -0.99, 'out to each side');
    });

    it('turns the chest over the hips, and the head on the neck; tilts the head; bends the trunk aside', () => {
      const flat = skeleton('seated', {});
      const twisted = skeleton('seated', { twist: 40 });
      // Turning to its left, the figure's right shoulder comes forward and its left goes back; the hips stay.
      assert.ok(joint(twisted, 'rShoulder')[2] > joint(flat, 'rShoulder')[2] + 8);
      assert.ok(joint(twisted, 'lShoulder')[2] < joint(flat, 'lShoulder')[2] - 8);
      assert.deepEqual(joint(twisted, 'lHip'), joint(flat, 'lHip'));
      const turned = skeleton('seated', { turn: 70 });
      const face = (j: Record<string, Vec3>): Vec3 => joint(j, 'headZ');
      assert.ok(face(turned)[0] > 0.9, `the face turns to the left (${face(turned)[0].toFixed(2)})`);
      const tilted = skeleton('seated', { tilt: 35 });
      assert.ok(joint(tilted, 'headX')[1] < -0.5, 'the left ear drops toward the left shoulder');
      assert.ok(joint(tilted, 'head')[0] > joint(flat, 'head')[0] + 2, 'the head goes over to the left');
      const leaning = skeleton('standing', { lean: 20 });
      assert.ok(joint(leaning, 'chest')[0] > 7, 'a side bend to the left moves the chest left');
      const rounded = skeleton('seated', { bend: 40 });
      const arched = skeleton('seated', { bend: -20 });
      assert.ok(joint(rounded, 'chest')[2] > joint(flat, 'chest')[2] + 10 && joint(arched, 'chest')[2] < joint(flat, 'chest')[2] - 4);
    });

    it('fills key poses so that they blend: the same values in each, a placed hand placed in all', () => {
      const [a, b] = fillPoses3d('standing', [{ raise: 90 }, { lHand: [10, 100, 40], nod: 20 }]) as Record<string, unknown>[];
      assert.deepEqual(Object.keys(a ?? {}).sort(), Object.keys(b ?? {}).sort());
      assert.equal(a?.nod, 0);
      assert.equal(b?.lRaise, 0, 'the base value where a pose gives none');
      // Where a pose places no hand, its own angles put the wrist: the same point.
      const placed = a?.lHand as Vec3;
      assert.ok(length(sub(placed, joint(skeleton('standing', { raise: 90 }), 'lWrist'))) < 1e-9);
    });

    it('draws the second side as the mirror image', () => {
      const s = spec('band-pull-apart');
      const pose = keyPose('band-pull-apart', 1);
      const [plain, mirrored] = [figurePieces(s, pose), figurePieces({ ...s, mirrored: true }, pose)];
      plain.forEach((p, i) => {
        const m = mirrored[i] ?? assert.fail();
        assert.equal(m.id, p.id);
        assert.ok(Math.abs(m.a.x - (200 - p.a.x)) < 1e-9 && m.a.y === p.a.y);
      });
    });

    it('frames a head move close: the head drawn larger, the legs cut at the picture’s edge and no floor', () => {
      const s = spec('head-turn');
      assert.equal(s.depth?.frame, 'upper');
      const whole: IllustrationSpec = { ...s, depth: { ...(s.depth ?? assert.fail()), frame: 'whole' } };
      const [close, far] = [figurePieces(s, keyPosesOf(s)[1] ?? {}), figurePieces(whole, keyPosesOf(whole)[1] ?? {})];
      assert.ok(piece(close, 'head').size > piece(far, 'head').size * 1.6, 'the head is drawn at least 1.6 times as large');
      for (const p of close) {
        assert.ok(!['upr-floor', 'upr-wall', 'upr-prop'].includes(p.cls ?? ''), `no ${p.id} in a close frame`);
        if (p.kind === 'limb')
          for (const q of [p.a, p.b]) assert.ok(q.x >= 0 && q.x <= 200 && q.y >= 0 && q.y <= 240, `${p.id} cut to the picture`);
      }
    });

    it('frames a figure that names no zoom to fill the picture, through every key pose', () => {
      for (const [id, s] of Object.entries(ILLUSTRATIONS)) {
        if (!s.depth || 'zoom' in s.depth.camera) continue;
        const all = keyPosesOf(s).flatMap((pose) => figurePieces(s, pose).filter((p) => !p.cls));
        const xs = all.flatMap((p) => [p.a.x, p.b.x]);
        const ys = all.flatMap((p) => [p.a.y, p.b.y]);
        const [wide, high] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
        assert.ok(wide > 120 || high > 150, `${id}: the figure spans ${wide.toFixed(0)} × ${high.toFixed(0)} px`);
        assert.ok(Math.min(...xs) > 0 && Math.max(...xs) < 200 && Math.min(...ys) > 0 && Math.max(...ys) < 240, `${id}: in the picture`);
      }
    });
  });

  describe('Posture Reset', () => {
    it('band pull-apart: straight arms swing from forward to a T and the band stretches, longer and thinner', () => {
      const [start, end] = [keyPose('band-pull-apart', 0), keyPose('band-pull-apart', 1)];
      const gap = (pose: Pose3D): number => {
        const j = skeleton('standing', pose);
        return length(sub(joint(j, 'lWrist'), joint(j, 'rWrist')));
      };
      assert.ok(gap(end) > gap(start) * 2.5, `hands ${gap(start).toFixed(0)} cm apart, then ${gap(end).toFixed(0)} cm`);
      for (const pose of [start, end]) {
        // Straight arms at shoulder height.
        const j = skeleton('standing', pose);
        assert.ok(Math.abs(joint(j, 'lWrist')[1] - joint(j, 'lShoulder')[1]) < 3, 'the hands are at shoulder height');
        assert.equal(pose.elbow ?? 0, 0);
      }
      const s = spec('band-pull-apart');
      const [a, b] = [piece(figurePieces(s, start), 'band'), piece(figurePieces(s, end), 'band')];
      const drawn = (p: Piece): number => Math.hypot(p.a.x - p.b.x, p.a.y - p.b.y);
      assert.ok(drawn(b) > drawn(a) * 1.8, `the band is drawn ${drawn(a).toFixed(0)} px, then ${drawn(b).toFixed(0)} px`);
      assert.ok(b.size < a.size * 0.75, `the band thins from ${a.size.toFixed(1)} to ${b.size.toFixed(1)} px`);
      assert.ok(s.moving.includes('band') && s.moving.includes('arms'));
    });

    it('scapular squeeze: every point of both blades moves in toward the spine and down', () => {
      const [start, end] = [skeleton('seated', keyPose('scapular-squeeze', 0)), skeleton('seated', keyPose('scapular-squeeze', 1))];
      for (const side of ['l', 'r'])
        for (const corner of ['BladeTop', 'BladeOuter', 'BladeSide', 'BladeTip']) {
          const [a, b] = [joint(start, `${side}${corner}`), joint(end, `${side}${corner}`)];
          assert.ok(Math.abs(b[0]) < Math.abs(a[0]) - 2, `${side}${corner} moves toward the spine`);
          assert.ok(b[1] < a[1] - 2, `${side}${corner} moves down`);
        }
      // On the picture too: down the page, and toward the drawn spine.
      const s = spec('scapular-squeeze');
      const [from, to] = [figurePieces(s, s.poses[0] ?? {}), figurePieces(s, s.poses[1] ?? {})];
      const spineX = (ps: Piece[]): number => (piece(ps, 'spine').a.x + piece(ps, 'spine').b.x) / 2;
      for (const id of ['lBlade', 'rBlade']) {
        const [a, b] = [piece(from, id).a, piece(to, id).a];
        assert.ok(b.y > a.y + 2, `${id} is drawn lower`);
        assert.ok(Math.abs(b.x - spineX(to)) < Math.abs(a.x - spineX(from)) - 2, `${id} is drawn nearer the spine`);
      }
      assert.deepEqual(s.moving, ['blades']);
    });

    it('chin tuck: the head glides back over the shoulders with the eyes level', () => {
      const s = spec('chin-tuck');
      const [start, end] = [skeleton('seated', keyPose('chin-tuck', 0)), skeleton('seated', keyPose('chin-tuck', 1))];
      const [a, b] = [joint(start, 'head'), joint(end, 'head')];
      assert.ok(b[2] < a[2] - 6, `the head moves back ${(a[2] - b[2]).toFixed(1)} cm`);
      assert.ok(Math.abs(b[1] - a[1]) < 1, 'and stays at its height');
      assert.ok(Math.abs(b[2] - joint(end, 'rShoulder')[2]) < 3, 'ending over the shoulder');
      // The line of sight stays level through the whole move, on the picture.
      for (let t = 0; t <= 1; t += 0.25) {
        const pose = { glide: (keyPose('chin-tuck', 0).glide ?? 0) * (1 - t) + (keyPose('chin-tuck', 1).glide ?? 0) * t };
        const gaze = piece(figurePieces(s, pose), 'gaze');
        const tilt = Math.abs(degrees(Math.atan2(gaze.b.y - gaze.a.y, gaze.b.x - gaze.a.x)));
        assert.ok(tilt < 1.5, `the eye line tilts ${tilt.toFixed(2)}°`);
        assert.ok(gaze.b.x > gaze.a.x, 'looking ahead, to the right');
      }
      const head = (pose: Pose3D): Piece => piece(pieces3d(s.depth ?? assert.fail(), 'seated', pose), 'head');
      assert.ok(head(keyPose('chin-tuck', 1)).a.x < head(keyPose('chin-tuck', 0)).a.x - 8, 'drawn further back (left)');
    });
  });
});
