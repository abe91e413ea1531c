import * as assert from 'node:assert/strict';

import { dot, length, sub, unit, type Vec3 } from '../../src/shared/illustration/camera';
import { type Piece } from '../../src/shared/illustration/figure';
import { type Pose3D } from '../../src/shared/illustration/pose3d';
import { figurePieces, type IllustrationSpec, keyPosesOf } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';
import { depthSpec, joint, keyJoints, piece } from '../support/pictures';

const spec = (id: string): IllustrationSpec => ILLUSTRATIONS[id] ?? assert.fail(`no picture for ${id}`);
const [skeletons, J] = [keyJoints, joint];
const [X, Y, Z] = [0, 1, 2] as const;
const SIDES = ['l', 'r'] as const;
const degrees = (rad: number): number => (rad * 180) / Math.PI;
/** The angle between two directions, degrees. */
const angle = (a: Vec3, b: Vec3): number => degrees(Math.acos(Math.max(-1, Math.min(1, dot(unit(a), unit(b))))));
/** The elbow's bend: 0 straight. */
const elbowBend = (j: Record<string, Vec3>, s: string): number =>
  angle(sub(J(j, `${s}Elbow`), J(j, `${s}Shoulder`)), sub(J(j, `${s}Wrist`), J(j, `${s}Elbow`)));

/** Nothing of the figure goes below the floor in any key pose. */
function assertAboveFloor(id: string): void {
  for (const [i, j] of skeletons(id).entries())
    for (const name of ['lAnkle', 'rAnkle', 'lToe', 'rToe', 'lWrist', 'rWrist'])
      assert.ok(J(j, name)[Y] >= -1, `${id} pose ${i + 1}: ${name} at ${J(j, name)[Y].toFixed(1)} cm is not under the floor`);
}

describe('the posture and grip pictures', () => {
  describe('face pull', () => {
    it('pulls from straight arms reaching for the tied band to hands beside the forehead, elbows at or above the shoulders and wide', () => {
      const s = depthSpec('face-pull');
      const knot = s.depth?.band;
      assert.ok(Array.isArray(knot), 'the band is tied to a point');
      const post = s.depth?.props?.find((p) => p.kind === 'post');
      assert.ok(post?.at && Math.abs(post.at[Z] - knot[Z]) < 8, 'the band is tied to the post');
      const poses = skeletons('face-pull');
      const [start, end] = [poses[0], poses[poses.length - 1]];
      assert.ok(start && end);
      const head = J(end, 'head');
      assert.ok(Math.abs(knot[Y] - head[Y]) < 20, 'the band is tied at about face height');
      for (const side of SIDES) {
        const sh = J(start, `${side}Shoulder`);
        // At the start the arms reach straight ahead toward the band, at its height.
        assert.ok(elbowBend(start, side) < 15, `${side}: the arm starts nearly straight`);
        assert.ok(J(start, `${side}Wrist`)[Z] > sh[Z] + 45, `${side}: the hand starts well ahead of the shoulder`);
        assert.ok(J(start, `${side}Wrist`)[Z] < knot[Z] - 15, `${side}: the band is tied ahead of the hands`);
        assert.ok(Math.abs(J(start, `${side}Wrist`)[Y] - knot[Y]) < 12, `${side}: the band runs about level`);
        // At the end: hands beside the forehead, elbows high and wide.
        const [elbow, wrist, shoulder] = [J(end, `${side}Elbow`), J(end, `${side}Wrist`), J(end, `${side}Shoulder`)];
        assert.ok(
          elbow[Y] >= shoulder[Y],
          `${side}: the elbow ends at or above the shoulder (${elbow[Y].toFixed(1)} vs ${shoulder[Y].toFixed(1)})`,
        );
        assert.ok(Math.abs(elbow[X]) > Math.abs(shoulder[X]) + 15, `${side}: the elbow ends out wide`);
        assert.ok(Math.abs(wrist[Y] - head[Y]) < 10, `${side}: the hand ends at head height`);
        assert.ok(Math.abs(wrist[X]) < 28 && Math.abs(wrist[Z] - head[Z]) < 15, `${side}: the hand ends beside the forehead`);
        assert.ok(J(start, `${side}Wrist`)[Z] - wrist[Z] > 30, `${side}: the hands travel back toward the face`);
      }
    });
  });

  describe('wall angels', () => {
    it('slides the arms from a goalpost to overhead, elbows and wrists on the wall, the back against it', () => {
      const s = depthSpec('wall-angels');
      const wall = s.depth?.props?.find((p) => p.kind === 'wall')?.at ?? assert.fail('a wall');
      const poses = skeletons('wall-angels');
      const [goal, up] = [poses[0], poses[poses.length - 1]];
      assert.ok(goal && up);
      for (const [i, j] of poses.entries()) {
        for (const side of SIDES)
          for (const name of ['Elbow', 'Wrist']) {
            const gap = J(j, `${side}${name}`)[Z] - wall[Z];
            assert.ok(gap > -1 && gap < 5, `pose ${i + 1}: the ${side} ${name.toLowerCase()} is on the wall (${gap.toFixed(1)} cm off it)`);
          }
        // The back of the chest (about 11 cm behind its centre) and the head touch the wall.
        assert.ok(J(j, 'chest')[Z] - 11.6 - wall[Z] < 4, `pose ${i + 1}: the upper back is against the wall`);
        assert.ok(J(j, 'head')[Z] - 9 - wall[Z] < 9, `pose ${i + 1}: the head is near the wall`);
      }
      for (const side of SIDES) {
        // A goalpost: upper arm level out to the side, forearm upright.
        assert.ok(Math.abs(J(goal, `${side}Elbow`)[Y] - J(goal, `${side}Shoulder`)[Y]) < 5, `${side}: the goalpost's upper arm is level`);
        assert.ok(J(goal, `${side}Wrist`)[Y] - J(goal, `${side}Elbow`)[Y] > 22, `${side}: the goalpost's forearm points up`);
        // Overhead: the hands well above the head, the arms nearly straight.
        assert.ok(J(up, `${side}Wrist`)[Y] > J(up, 'head')[Y] + 25, `${side}: the hands slide up overhead`);
        assert.ok(elbowBend(up, side) < 35, `${side}: the arm nearly straightens overhead`);
      }
    });
  });

  describe('reverse fly', () => {
    it('sweeps the dumbbells from hanging below the chest out wide to shoulder height, arms nearly straight, the back hinged flat', () => {
      const s = depthSpec('reverse-fly');
      assert.equal(s.depth?.weight, 'dumbbells');
      const poses = skeletons('reverse-fly');
      const [start, end] = [poses[0], poses[poses.length - 1]];
      assert.ok(start && end);
      for (const j of poses) {
        assert.ok(J(j, 'chest')[Z] - J(j, 'pelvis')[Z] > 20, 'the trunk is hinged forward');
        assert.ok(J(j, 'chest')[Y] - J(j, 'pelvis')[Y] > 20, 'but not to level');
      }
      for (const side of SIDES) {
        const shoulder = J(start, `${side}Shoulder`);
        assert.ok(J(start, `${side}Wrist`)[Y] < shoulder[Y] - 40, `${side}: the weight starts hanging`);
        assert.ok(Math.abs(J(start, `${side}Wrist`)[X]) < 30, `${side}: under the chest`);
        assert.ok(Math.abs(J(end, `${side}Wrist`)[Y] - J(end, `${side}Shoulder`)[Y]) < 10, `${side}: the weight rises to shoulder height`);
        assert.ok(Math.abs(J(end, `${side}Wrist`)[X]) > 60, `${side}: out wide to the side`);
        for (const j of poses) assert.ok(elbowBend(j, side) < 25, `${side}: the arm stays nearly straight`);
      }
    });
  });

  describe('Y-T-W raise', () => {
    it('traces a Y, a T and a W in turn, lowering the arms between them, hinged forward', () => {
      const s = depthSpec('y-t-w-raise');
      assert.equal(s.poses.length, 6);
      const poses = skeletons('y-t-w-raise');
      const [hang, y, t, w] = [poses[0], poses[1], poses[3], poses[5]];
      assert.ok(hang && y && t && w);
      for (const i of [2, 4]) assert.deepEqual(poses[i], hang, `pose ${i + 1} lowers the arms again`);
      for (const side of SIDES) {
        // Each shape's angle between the arm and the spine's line (the chest's up axis).
        const spineAngle = (j: Record<string, Vec3>, joint: string): number =>
          angle(sub(J(j, `${side}${joint}`), J(j, `${side}Shoulder`)), J(j, 'chestY'));
        assert.ok(spineAngle(hang, 'Wrist') > 130, `${side}: the arms start hanging`);
        const yAt = spineAngle(y, 'Wrist');
        assert.ok(yAt > 20 && yAt < 50, `${side}: a Y, the arm ${yAt.toFixed(0)}° off the spine's line`);
        assert.ok(elbowBend(y, side) < 10 && elbowBend(t, side) < 10, `${side}: straight arms for the Y and T`);
        const tAt = spineAngle(t, 'Wrist');
        assert.ok(tAt > 80 && tAt < 100, `${side}: a T, the arm square to the spine (${tAt.toFixed(0)}°)`);
        assert.ok(Math.abs(J(t, `${side}Wrist`)[X]) > 60, `${side}: the T reaches out to the side`);
        // A W: the elbow bent and drawn back toward the hips, the hand out past it and up.
        assert.ok(elbowBend(w, side) > 70, `${side}: the W bends the elbow`);
        assert.ok(spineAngle(w, 'Elbow') > 100, `${side}: the W draws the elbow down toward the hips`);
        assert.ok(Math.abs(J(w, `${side}Wrist`)[X]) > Math.abs(J(w, `${side}Elbow`)[X]), `${side}: the W's hand is out past its elbow`);
        assert.ok(spineAngle(w, 'Wrist') < 80, `${side}: the W's hand points up toward the head`);
      }
    });
  });

  describe('W retraction', () => {
    it('draws raised bent arms down and back into a W, the blades squeezing, seen from behind with the blades drawn', () => {
      const s = depthSpec('w-retraction');
      assert.ok(s.depth?.blades, 'the blades are drawn');
      assert.ok(Math.abs(s.depth?.camera.yaw ?? 0) > 120, 'seen from behind');
      assert.ok(s.moving.includes('blades'));
      const poses = skeletons('w-retraction');
      const [start, end] = [poses[0], poses[poses.length - 1]];
      assert.ok(start && end);
      const filled = keyPosesOf(s) as Pose3D[];
      for (const side of SIDES) {
        const key = side === 'l' ? 'lRetract' : 'rRetract';
        assert.ok((filled[filled.length - 1]?.[key] ?? 0) >= (filled[0]?.[key] ?? 0) + 3, `${side}: the blade draws in`);
      }
      for (const side of SIDES) {
        assert.ok(J(start, `${side}Elbow`)[Y] > J(start, `${side}Shoulder`)[Y] + 20, `${side}: the arms start raised`);
        assert.ok(elbowBend(start, side) > 25, `${side}: elbows bent`);
        const [elbow, wrist, shoulder] = [J(end, `${side}Elbow`), J(end, `${side}Wrist`), J(end, `${side}Shoulder`)];
        assert.ok(elbow[Y] < shoulder[Y] - 10, `${side}: the elbow draws down below the shoulder`);
        assert.ok(elbow[Z] < shoulder[Z] - 5, `${side}: and back behind it`);
        assert.ok(wrist[Y] > elbow[Y] + 15 && Math.abs(wrist[X]) > Math.abs(elbow[X]), `${side}: the forearm up and out, a W`);
      }
      // The blades are on the picture and move toward the spine.
      const [a, b] = [figurePieces(s, s.poses[0] ?? {}), figurePieces(s, s.poses[1] ?? {})];
      const inner = (ps: Piece[]): number => Math.abs((piece(ps, 'lBlade').pts?.[0]?.x ?? 0) - (piece(ps, 'rBlade').pts?.[0]?.x ?? 0));
      assert.ok(inner(b) < inner(a) - 2, 'the blades draw together on the picture');
    });
  });

  describe('farmer carry', () => {
    it('walks tall, a dumbbell in each hand hanging clear of the thighs, the feet stepping in turn', () => {
      const s = depthSpec('farmer-carry');
      assert.equal(s.depth?.weight, 'dumbbells');
      const poses = skeletons('farmer-carry');
      for (const [i, j] of poses.entries()) {
        assert.ok(Math.abs(J(j, 'chest')[Z] - J(j, 'pelvis')[Z]) < 3 && Math.abs(J(j, 'chest')[X]) < 1, `pose ${i + 1}: tall, no leaning`);
        for (const side of SIDES) {
          const wrist = J(j, `${side}Wrist`);
          assert.ok(wrist[Y] < J(j, `${side}Hip`)[Y] + 10, `pose ${i + 1}: the ${side} weight hangs at the side`);
          // The bell (11 cm across) clears the thigh (14 cm across).
          assert.ok(
            Math.abs(wrist[X]) - 5.5 > Math.abs(J(j, `${side}Hip`)[X]) + 7,
            `pose ${i + 1}: the ${side} weight is clear of the thigh`,
          );
        }
      }
      // The arms stand out from the trunk on the picture: each hand beyond the torso's edge.
      for (const pose of s.poses) {
        const ps = figurePieces(s, pose);
        const chest = piece(ps, 'lUpperArm').a;
        const other = piece(ps, 'rUpperArm').a;
        const half = Math.abs(chest.x - other.x) / 2;
        const centre = (chest.x + other.x) / 2;
        for (const side of SIDES)
          assert.ok(Math.abs(piece(ps, `${side}Hand`).b.x - centre) > half, `the ${side} hand shows beside the trunk`);
      }
      const [a, b, c, d] = poses;
      assert.ok(a && b && c && d);
      assert.ok(J(a, 'lAnkle')[Z] > J(a, 'rAnkle')[Z] + 15, 'one step the left foot leads');
      assert.ok(J(c, 'rAnkle')[Z] > J(c, 'lAnkle')[Z] + 15, 'the next the right');
      // A walk: the front heel lands, toes up, as the back foot pushes off its toes; then the back leg swings
      // through, knee bent and foot off the floor, past the other standing flat under the hips.
      for (const [j, front, back] of [
        [a, 'l', 'r'],
        [c, 'r', 'l'],
      ] as const) {
        assert.ok(
          Math.abs(J(j, `${front}Ankle`)[Y] - 9) < 1 && J(j, `${front}Toe`)[Y] > J(j, `${front}Ankle`)[Y] + 2,
          `${front} heel lands, toes up`,
        );
        assert.ok(J(j, `${back}Ankle`)[Y] > 11 && J(j, `${back}Toe`)[Y] < 3, `${back} foot pushes off its toes`);
        assert.ok(J(j, `${back}Toe`)[Y] >= 0, 'the toes on the floor, not through it');
      }
      const kneeBend = (j: Record<string, Vec3>, side: string): number =>
        angle(sub(J(j, `${side}Knee`), J(j, `${side}Hip`)), sub(J(j, `${side}Ankle`), J(j, `${side}Knee`)));
      for (const [j, stance, swing] of [
        [b, 'l', 'r'],
        [d, 'r', 'l'],
      ] as const) {
        assert.ok(J(j, `${swing}Ankle`)[Y] > 16 && kneeBend(j, swing) > 30, `the ${swing} leg swings through, knee bent`);
        assert.ok(
          Math.abs(J(j, `${stance}Ankle`)[Z] - J(j, 'pelvis')[Z]) < 5 && J(j, `${stance}Ankle`)[Y] < 10,
          `${stance} foot under the hips`,
        );
      }
      // Seen enough from the side that the stride shows on the picture.
      const feet = figurePieces(s, s.poses[0] ?? {});
      const stride = Math.abs(piece(feet, 'lFoot').a.x - piece(feet, 'rFoot').a.x);
      assert.ok(stride > 25, `the feet ${stride.toFixed(0)} px apart in the stride`);
      assertAboveFloor('farmer-carry');
    });
  });

  describe('dead hang', () => {
    it('hangs from the bar, the hands on it, straight arms overhead and clear of the head; the knees bend to lift the feet', () => {
      const s = depthSpec('dead-hang');
      assert.equal(s.base, 'hanging');
      const bar = s.depth?.props?.find((p) => p.kind === 'bar')?.at ?? assert.fail('a bar');
      const poses = skeletons('dead-hang');
      const [start, end] = [poses[0], poses[poses.length - 1]];
      assert.ok(start && end);
      for (const [i, j] of poses.entries())
        for (const side of SIDES) {
          // The fist's middle lies about 3 cm on from the wrist, along the forearm.
          const wrist = J(j, `${side}Wrist`);
          const fist = sub(wrist, sub(J(j, `${side}Elbow`), wrist).map((v) => (v * 3) / 26) as unknown as Vec3);
          const off = Math.hypot(fist[Y] - bar[Y], fist[Z] - bar[Z]);
          assert.ok(off < 4, `pose ${i + 1}: the ${side} hand grips the bar (${off.toFixed(1)} cm off it)`);
          assert.ok(
            J(j, `${side}Elbow`)[Y] > J(j, 'head')[Y] && wrist[Y] > J(j, 'head')[Y] + 25,
            `pose ${i + 1}: the ${side} arm is overhead`,
          );
        }
      for (const side of SIDES) assert.ok(elbowBend(end, side) < 12, `${side}: the arms straighten in the hang`);
      assert.ok(Math.min(J(start, 'lToe')[Y], J(start, 'rToe')[Y]) < 5, 'the toes start on the floor');
      assert.ok(Math.min(J(end, 'lToe')[Y], J(end, 'rToe')[Y]) > 15, 'the feet lift off it as the knees bend');
      assertAboveFloor('dead-hang');
      // On the picture, the elbows show outside the head, not behind it.
      for (const pose of s.poses) {
        const ps = figurePieces(s, pose);
        const head = piece(ps, 'head');
        for (const side of SIDES) {
          const elbow = piece(ps, `${side}UpperArm`).b;
          assert.ok(Math.hypot(elbow.x - head.a.x, elbow.y - head.a.y) > head.size, `the ${side} elbow shows clear of the head`);
        }
      }
    });
  });

  describe('ball squeeze', () => {
    it('stays a close-up of the hand, whose fingers close round the ball and open again', () => {
      const s = spec('ball-squeeze');
      assert.equal(s.base, 'hand');
      const [open, closed] = [figurePieces(s, s.poses[0] ?? {}), figurePieces(s, s.poses[1] ?? {})];
      const shift = (id: string): number => {
        const [p, q] = [piece(open, id), piece(closed, id)];
        return Math.max(length([p.a.x - q.a.x, p.a.y - q.a.y, 0]), length([p.b.x - q.b.x, p.b.y - q.b.y, 0]));
      };
      for (const id of ['forearm', 'palm']) assert.ok(shift(id) < 1, `the ${id} holds still`);
      for (const id of ['finger2', 'back2', 'thumb1']) assert.ok(shift(id) > 8, `the ${id} curls round the ball`);
      assert.ok(piece(closed, 'finger2').b.y > piece(closed, 'ball').a.y, 'the fingertips close under the ball');
    });
  });
});
