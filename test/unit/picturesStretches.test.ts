import * as assert from 'node:assert/strict';

import { dot, sub, unit, type Vec3 } from '../../src/shared/illustration/camera';
import { type Piece } from '../../src/shared/illustration/figure';
import { figurePieces, type IllustrationSpec, keyPosesOf } from '../../src/shared/illustration/render';
import { STRETCHES } from '../../src/shared/illustration/specs/stretches';
import { depthSpec, dist, joint, keyJoints, piece } from '../support/pictures';

const [spec, joints, at, distance] = [depthSpec, keyJoints, joint, dist];
const first = (id: string): Record<string, Vec3> => joints(id)[0] ?? assert.fail('no key pose');
const last = (id: string): Record<string, Vec3> => joints(id).at(-1) ?? assert.fail('no key pose');
const degrees = (rad: number): number => (rad * 180) / Math.PI;
const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
/** How close a segment passes to a point, cm. */
const segmentTo = (p: Vec3, a: Vec3, b: Vec3): number => {
  const ab = sub(b, a);
  const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / dot(ab, ab)));
  return distance(p, [a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t]);
};
/** The pieces of each filled key pose of an exercise, as drawn. */
const drawn = (id: string): Piece[][] => {
  const s = spec(id);
  return keyPosesOf(s).map((p) => figurePieces(s, p));
};
/** The box round the figure's own pieces (not the floor or the furniture), px. */
const figureBox = (ps: Piece[]): { width: number; height: number } => {
  const body = ps.filter((p) => !p.cls || p.cls === 'upr-face');
  const xs = body.flatMap((p) => [p.a.x, p.b.x, ...(p.pts ?? []).map((q) => q.x)]);
  const ys = body.flatMap((p) => [p.a.y, p.b.y, ...(p.pts ?? []).map((q) => q.y)]);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
};

describe('the stretches, as pictures', () => {
  it('keep every joint, the head and the trunk above the floor', () => {
    for (const id of Object.keys(STRETCHES)) {
      if (!STRETCHES[id]?.depth) continue;
      for (const [i, j] of joints(id).entries()) {
        for (const [name, v] of Object.entries(j))
          if (!/[XYZ]$|Dir$/.test(name)) assert.ok(v[1] >= 0, `${id} ${i + 1}: ${name} at y ${v[1].toFixed(1)}`);
        assert.ok(at(j, 'head')[1] >= 10, `${id} ${i + 1}: the head rests on or above the floor`);
        assert.ok(at(j, 'chest')[1] >= 10, `${id} ${i + 1}: the chest stays above the floor`);
      }
    }
  });

  it('upper trap stretch: the head tilts, left ear toward the left shoulder, the eye line tilting while the face stays forward', () => {
    const [start, end] = [first('upper-trap-stretch'), last('upper-trap-stretch')];
    const tiltOf = (j: Record<string, Vec3>): number => {
      const x = at(j, 'headX');
      return degrees(Math.atan2(-x[1], Math.hypot(x[0], x[2])));
    };
    assert.ok(Math.abs(tiltOf(start)) < 2, 'upright to start');
    assert.ok(tiltOf(end) >= 35, `the head tilts ${tiltOf(end).toFixed(1)}°, the left side down`);
    assert.ok(at(end, 'head')[0] > 3, 'the head goes over toward the left shoulder');
    assert.ok(at(end, 'headZ')[2] > 0.97, 'the face still looks forward: no turn, no nod');
    assert.ok(Math.abs(at(end, 'lShoulder')[1] - at(end, 'rShoulder')[1]) < 0.5, 'the shoulders stay level: the ear goes to the shoulder');
    assert.ok(at(end, 'lShoulder')[1] <= at(start, 'lShoulder')[1], 'the shoulder does not rise to meet the ear');
    // Drawn: the eyes are seen, and the line between them tilts, the figure's left eye (on the picture's right) lower.
    const s = spec('upper-trap-stretch');
    const eyeLine = (pose: IllustrationSpec['poses'][number]): number => {
      const ps = figurePieces(s, pose);
      const [l, r] = [piece(ps, 'lEye').a, piece(ps, 'rEye').a];
      return degrees(Math.atan2(l.y - r.y, l.x - r.x));
    };
    const keys = keyPosesOf(s);
    assert.ok(Math.abs(eyeLine(keys[0] ?? {})) < 5, 'the eyes level to start');
    assert.ok(eyeLine(keys.at(-1) ?? {}) > 25, `the eye line tilts ${eyeLine(keys.at(-1) ?? {}).toFixed(1)}° on the picture`);
  });

  it('doorway stretch: forearms stay on the door frame while the chest leans through past it', () => {
    const s = spec('doorway-stretch');
    const door = s.depth?.props?.find((p) => p.kind === 'door') ?? assert.fail('a door frame');
    const [frameZ, half] = [door.at?.[2] ?? 0, (door.size ?? 82) / 2];
    const all = joints('doorway-stretch');
    for (const [i, j] of all.entries()) {
      for (const side of ['l', 'r']) {
        const wrist = at(j, `${side}Wrist`);
        const elbow = at(j, `${side}Elbow`);
        assert.ok(Math.abs(Math.abs(wrist[0]) - half) < 2 && Math.abs(wrist[2] - frameZ) < 2, `${i + 1}: the ${side} hand on its jamb`);
        assert.ok(
          Math.abs(Math.abs(elbow[0]) - half) < 4 && Math.abs(elbow[2] - frameZ) < 6,
          `${i + 1}: the ${side} forearm along its jamb`,
        );
        assert.ok(wrist[1] > elbow[1] + 20, `${i + 1}: the ${side} forearm upright`);
        const shoulder = at(j, `${side}Shoulder`);
        assert.ok(Math.abs(elbow[1] - shoulder[1]) < 8, `${i + 1}: the ${side} elbow near shoulder height, not above it by much`);
      }
      assert.ok(at(j, 'lAnkle')[2] > at(j, 'rAnkle')[2] + 25, `${i + 1}: one foot stepped forward`);
      for (const a of ['lAnkle', 'rAnkle']) assert.ok(at(j, a)[1] <= 10, `${i + 1}: ${a} on the floor`);
    }
    const [start, end] = [first('doorway-stretch'), last('doorway-stretch')];
    assert.ok(at(start, 'lShoulder')[2] < frameZ, 'the shoulders start behind the frame');
    assert.ok(at(end, 'chest')[2] > frameZ + 10, 'the chest leans through past the frame');
    assert.ok(at(end, 'lElbow')[2] < at(end, 'lShoulder')[2] - 5, 'the elbows are left behind the shoulders: the chest opens');
    for (const a of ['lAnkle', 'rAnkle']) assert.ok(distance(at(start, a), at(end, a)) < 1, `${a} stays planted`);
    for (const [i, j] of all.entries())
      for (const side of ['l', 'r'])
        assert.ok(
          at(j, `${side}Elbow`)[1] <= at(j, `${side}Shoulder`)[1] + 2,
          `${i + 1}: the ${side} elbow at or below shoulder height, as the caution asks`,
        );
    assert.ok(
      Math.abs(at(end, 'lElbow')[2] - frameZ) < 3,
      'leaning through, the forearm stays upright on the jamb, the elbow at the frame',
    );
    // Seen from the side enough that the lean through the frame shows, with the whole frame, its head included, in the picture.
    const yaw = Math.abs(s.depth?.camera.yaw ?? 0);
    assert.ok(yaw >= 60 && yaw <= 85, `seen from the side, a little in front (yaw ${yaw})`);
    const [first3, last3] = [drawn('doorway-stretch')[0] ?? [], drawn('doorway-stretch').at(-1) ?? []];
    const head = piece(first3, 'tallHead');
    for (const p of [head.a, head.b]) assert.ok(p.y > 4.5 && p.x > 4.5 && p.x < 195.5, 'the head of the frame is in the picture, uncut');
    for (const jamb of ['tallJambL', 'tallJambR']) {
      const { a, b } = piece(first3, jamb);
      assert.ok(Math.max(a.y, b.y) - Math.min(a.y, b.y) > 180, `the ${jamb} runs from the head of the frame down to the floor`);
      assert.ok(Math.max(a.y, b.y) < 235.5, `the ${jamb} reaches the floor inside the picture`);
    }
    const shift = piece(last3, 'torso').a.x - piece(first3, 'torso').a.x;
    assert.ok(shift > 15, `the trunk is seen to lean through, ${shift.toFixed(0)} px the way the figure faces`);
  });

  it('levator scapulae stretch: the head turns part way left and the nose drops toward the left armpit, the left hand on the back of the head', () => {
    const [start, end] = [first('levator-scapulae-stretch'), last('levator-scapulae-stretch')];
    const face = at(end, 'headZ');
    const turn = degrees(Math.atan2(face[0], face[2]));
    assert.ok(turn > 25 && turn < 65, `the head turns part way to the left (${turn.toFixed(0)}°)`);
    assert.ok(face[1] < -0.35, 'the nose drops');
    // Seen from the front, the line of the nose heads for the left armpit, below and to the left of the head.
    const toArmpit = sub(sub(at(end, 'lShoulder'), [0, 6, 0]), at(end, 'head'));
    const aim = (face[0] * toArmpit[0] + face[1] * toArmpit[1]) / Math.hypot(face[0], face[1]) / Math.hypot(toArmpit[0], toArmpit[1]);
    assert.ok(aim > 0.85, `the nose points toward the left armpit (${aim.toFixed(2)})`);
    assert.ok(Math.abs(at(start, 'headZ')[0]) < 0.05 && Math.abs(at(start, 'headZ')[1]) < 0.05, 'the head starts square');
    const wrist = at(end, 'lWrist');
    assert.ok(distance(wrist, at(end, 'head')) < 17, 'the left hand is at the head');
    assert.ok(dot(sub(wrist, at(end, 'head')), face) < -5, 'behind the head, not on the face');
    // The palm lies on the back of the head: the hand (bent at the wrist) along the skull behind it, neither in it nor off it.
    const head = at(end, 'head');
    const palm = mid(wrist, [
      wrist[0] + 15 * at(end, 'lHandDir')[0],
      wrist[1] + 15 * at(end, 'lHandDir')[1],
      wrist[2] + 15 * at(end, 'lHandDir')[2],
    ]);
    const out = distance(palm, head);
    assert.ok(out > 10.5 && out < 15, `the palm rests on the skull (${out.toFixed(1)} cm from the head's centre)`);
    assert.ok(dot(sub(palm, head), face) < -8, 'the palm on the back of the head');
    assert.ok(Math.abs(dot(at(end, 'lHandDir'), sub(palm, head))) / out < 0.45, 'the hand lies along the head, not poking into it');
    const along = (j: Record<string, Vec3>): number => dot(at(j, 'lHandDir'), unit(sub(at(j, 'lWrist'), at(j, 'lElbow'))));
    assert.ok(along(start) > 0.99, 'on the thigh, the hand goes on along the forearm');
    assert.ok(along(end) < 0.7, 'on the head, the hand is bent at the wrist to lie on it');
    assert.ok(segmentTo(head, at(end, 'lElbow'), wrist) > 11.5, 'the forearm lies over the top of the head, not through it');
    const [elbow, shoulder] = [at(end, 'lElbow'), at(end, 'lShoulder')];
    assert.ok(elbow[1] > shoulder[1] + 15, 'the left elbow points up');
    assert.ok(elbow[2] > shoulder[2] + 10, 'and forward');
    // Drawn: the hand is seen on the head, over it; the face is seen, and the nose goes down and toward the left shoulder.
    const pictures = drawn('levator-scapulae-stretch');
    const [p1, p2, p3] = [pictures[0] ?? [], pictures[1] ?? [], pictures.at(-1) ?? []];
    const [hand, skull] = [piece(p3, 'lHand'), piece(p3, 'head')];
    assert.ok(p3.indexOf(hand) > p3.indexOf(skull), 'the hand is drawn over the head');
    const handMid = { x: (hand.a.x + hand.b.x) / 2, y: (hand.a.y + hand.b.y) / 2 };
    const apart = Math.hypot(handMid.x - skull.a.x, handMid.y - skull.a.y);
    assert.ok(
      apart < skull.size + hand.size / 2 - 3,
      `the hand is seen lying over the head's edge (${apart.toFixed(1)} px from its centre)`,
    );
    for (const ps of [p2, p3])
      assert.ok(
        ps.some((p) => p.id.endsWith('Eye')),
        'an eye is seen: the face is turned, not away',
      );
    const [nose0, nose1, lShoulderX] = [piece(p1, 'nose').a, piece(p2, 'nose').a, piece(p2, 'lUpperArm').a.x];
    assert.ok(nose1.y > nose0.y + 8, 'the nose is seen to drop');
    assert.ok(Math.abs(nose1.x - lShoulderX) < Math.abs(nose0.x - lShoulderX) - 3, 'toward the left shoulder');
    assert.ok(distance(at(start, 'rWrist'), at(end, 'rWrist')) < 1, 'the other hand rests where it was');
    // In that order: the head turns and drops first, then the hand comes up to rest on it.
    const middle = joints('levator-scapulae-stretch')[1] ?? assert.fail('a middle key pose');
    assert.ok(distance(at(middle, 'headZ'), face) < 0.01, 'the head is down before the hand comes up');
    assert.ok(distance(at(middle, 'lWrist'), at(start, 'lWrist')) < 1, 'the hand still on the thigh');
    assert.ok(Math.abs(at(end, 'rShoulder')[1] - at(start, 'rShoulder')[1]) < 0.5, 'the other shoulder stays down');
  });

  it('seated chest opener: sitting near the front, hands on the lower back, the elbows draw back and the chest lifts, chin level', () => {
    const [start, end] = [first('seated-chest-opener'), last('seated-chest-opener')];
    assert.ok(at(start, 'pelvis')[2] >= 2, 'sitting near the front of the seat');
    for (const j of [start, end])
      for (const side of ['l', 'r']) {
        const wrist = at(j, `${side}Wrist`);
        assert.ok(wrist[2] < at(j, 'pelvis')[2] - 10, `the ${side} hand behind the back`);
        assert.ok(wrist[1] > at(j, 'pelvis')[1] && wrist[1] < at(j, 'waist')[1] + 4, `the ${side} hand on the lower back`);
      }
    for (const side of ['l', 'r']) {
      const [from, to] = [at(start, `${side}Elbow`), at(end, `${side}Elbow`)];
      assert.ok(to[2] < from[2] - 12, `the ${side} elbow draws back ${(from[2] - to[2]).toFixed(1)} cm`);
      assert.ok(Math.abs(to[0]) < Math.abs(from[0]) - 5, `the ${side} elbow draws in toward the other`);
      assert.ok(to[2] < at(end, `${side}Shoulder`)[2] - 12, `the ${side} elbow ends well behind the shoulder`);
    }
    assert.ok(at(end, 'chestY')[2] < -0.08, 'the chest lifts and opens, the upper back arching a little');
    assert.ok(at(end, 'lShoulder')[1] <= at(start, 'lShoulder')[1], 'the shoulders stay down');
    assert.ok(Math.abs(at(end, 'headZ')[1]) < 0.08, 'the chin stays level');
    assert.ok(distance(at(start, 'pelvis'), at(end, 'pelvis')) < 0.5, 'the lower back stays still');
  });

  it('rhomboid stretch: clasped hands push forward at shoulder height, the upper back rounds and the head drops', () => {
    const [start, end] = [first('rhomboid-stretch'), last('rhomboid-stretch')];
    for (const j of [start, end]) {
      assert.ok(distance(at(j, 'lWrist'), at(j, 'rWrist')) < 8, 'the hands clasped together');
      const shoulder = (at(j, 'lShoulder')[1] + at(j, 'rShoulder')[1]) / 2;
      assert.ok(Math.abs(at(j, 'lWrist')[1] - shoulder) < 12, 'at shoulder height: forward, not up');
    }
    assert.ok(at(end, 'lWrist')[2] > at(start, 'lWrist')[2] + 12, 'the hands push forward');
    assert.ok(
      distance(at(end, 'lShoulder'), at(end, 'lWrist')) > distance(at(start, 'lShoulder'), at(start, 'lWrist')) + 10,
      'the arms reach long',
    );
    assert.ok(at(end, 'chestY')[2] > 0.35, 'the upper back rounds forward');
    assert.ok(at(end, 'headZ')[1] < -0.5, 'the head drops');
    assert.ok(
      distance(at(end, 'lShoulder'), at(end, 'rShoulder')) > distance(at(start, 'lShoulder'), at(start, 'rShoulder')),
      'the shoulder blades spread apart',
    );
    assert.ok(distance(at(start, 'pelvis'), at(end, 'pelvis')) < 0.5, 'the lower back stays still');
  });

  it("child's pose: from all fours the hips sink back to the heels and the arms reach long on the floor", () => {
    const [start, end] = [first('childs-pose'), last('childs-pose')];
    assert.ok(at(start, 'pelvis')[1] > at(start, 'lKnee')[1] + 35, 'on all fours, hips over the knees');
    assert.ok(Math.abs(at(start, 'lWrist')[2] - at(start, 'lShoulder')[2]) < 5, 'hands under the shoulders');
    assert.ok(at(end, 'pelvis')[1] < 32, 'the hips sink');
    assert.ok(Math.abs(at(end, 'pelvis')[2] - at(end, 'lAnkle')[2]) < 8, 'onto the heels');
    assert.ok(at(end, 'pelvis')[1] > at(end, 'chest')[1], 'the hips stay the highest point, the chest lowered');
    for (const side of ['l', 'r']) {
      assert.ok(distance(at(start, `${side}Knee`), at(end, `${side}Knee`)) < 4, `the ${side} knee stays put`);
      for (const j of [start, end]) assert.ok(at(j, `${side}Wrist`)[1] < 5, `the ${side} hand on the floor`);
    }
    assert.ok(at(end, 'lWrist')[2] > at(end, 'head')[2] + 25, 'the hands reach well ahead of the head');
    assert.ok(distance(at(end, 'lShoulder'), at(end, 'lWrist')) > 48, 'the arms long');
    // Seen from the front quarter and above, the long folded body fills the picture, tall as well as wide.
    for (const [i, ps] of drawn('childs-pose').entries()) {
      const box = figureBox(ps);
      assert.ok(
        box.width > 140 && box.height > 95,
        `${i + 1}: the figure fills the picture (${box.width.toFixed(0)} × ${box.height.toFixed(0)} px)`,
      );
      // The head is seen between the arms: no limb drawn over it comes near its middle.
      const head = piece(ps, 'head');
      for (const p of ps.slice(ps.indexOf(head) + 1).filter((q) => q.kind === 'limb')) {
        const [dx, dy] = [p.b.x - p.a.x, p.b.y - p.a.y];
        const t = Math.max(0, Math.min(1, ((head.a.x - p.a.x) * dx + (head.a.y - p.a.y) * dy) / (dx * dx + dy * dy || 1)));
        const gap = Math.hypot(head.a.x - p.a.x - t * dx, head.a.y - p.a.y - t * dy) - p.size / 2;
        assert.ok(gap > 0.65 * head.size, `${i + 1}: the ${p.id} leaves the head in sight (${gap.toFixed(1)} px from its middle)`);
      }
    }
  });

  it('butterfly stretch: sole to sole on the floor, the knees settle out and the chest leans forward, hands at the feet', () => {
    const [start, end] = [first('butterfly-stretch'), last('butterfly-stretch')];
    for (const j of [start, end]) {
      assert.ok(distance(at(j, 'lAnkle'), at(j, 'rAnkle')) < 10, 'the feet together, sole to sole');
      assert.ok(at(j, 'lAnkle')[2] > at(j, 'pelvis')[2] + 25, 'in front of the hips');
      for (const side of ['l', 'r']) {
        assert.ok(Math.abs(at(j, `${side}Knee`)[0]) > 25, `the ${side} knee out to the side`);
        assert.ok(distance(at(j, `${side}Wrist`), at(j, `${side}Ankle`)) < 8, `the ${side} hand holds the ankle`);
      }
    }
    for (const side of ['l', 'r'])
      assert.ok(at(end, `${side}Knee`)[1] < at(start, `${side}Knee`)[1] - 12, `the ${side} knee settles toward the floor`);
    assert.ok(at(end, 'chest')[2] > at(start, 'chest')[2] + 8, 'the chest leans forward');
    assert.ok(at(end, 'chestY')[1] > 0.8, 'with a long back, not curled down');
    assert.ok(Math.abs(at(end, 'chestY')[2] - Math.sin((26 * Math.PI) / 180)) < 0.05, 'the back straight: the lean is from the hips');
    for (const side of ['l', 'r'])
      assert.ok(
        at(end, `${side}Elbow`)[1] > at(end, `${side}Knee`)[1] + 8,
        `the ${side} elbow stays off the knee: the knees drop on their own`,
      );
    // From the front and above: the knees are seen to drop, out beside the arms, which do not cover them.
    const camera = spec('butterfly-stretch').depth?.camera ?? assert.fail('a camera');
    assert.ok(Math.abs(camera.yaw) <= 15 && camera.pitch >= 30, 'seen from the front and above');
    const pictures = drawn('butterfly-stretch');
    const [p1, p2] = [pictures[0] ?? [], pictures.at(-1) ?? []];
    for (const side of ['l', 'r']) {
      const [from, to] = [piece(p1, `${side}Thigh`).b, piece(p2, `${side}Thigh`).b];
      assert.ok(to.y > from.y + 20, `the ${side} knee is seen to drop (${(to.y - from.y).toFixed(0)} px)`);
      for (const ps of [p1, p2]) {
        const knee = piece(ps, `${side}Thigh`).b;
        const centre = piece(ps, 'torso').a.x;
        for (const arm of ['UpperArm', 'Forearm']) {
          const a = piece(ps, `${side}${arm}`);
          const reach = Math.max(Math.abs(a.a.x - centre), Math.abs(a.b.x - centre)) + a.size / 2;
          assert.ok(Math.abs(knee.x - centre) > reach + 10, `the ${side} knee is seen out beside the ${side} ${arm}`);
        }
      }
    }
  });
});
