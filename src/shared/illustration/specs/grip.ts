import { type Pose3D } from '../pose3d';
import { type IllustrationSpec } from '../render';

/** Carrying: the arms hang a little out from the sides, so the weights clear the thighs. */
const CARRY: Pose3D = { raise: 12, swing: 90 };

/** How the grip moves are drawn, by exercise id. */
export const GRIP: Readonly<Record<string, IllustrationSpec>> = {
  // From the right side, a little in front: walking tall with short steps, a dumbbell hanging in each hand clear of
  // the thighs; the left heel lands ahead as the right foot pushes off its toes, the right leg swings through, then the other.
  'farmer-carry': {
    view: 'side',
    base: 'standing',
    poses: [
      { ...CARRY, hips: [0, 92, 0], lFoot: [10, 9, 21], lAnkle: -12, rFoot: [10, 16, -19], rAnkle: 18 },
      { ...CARRY, hips: [0, 92, 0], lFoot: [10, 9, 0], rFoot: [10, 21, 2], rKneeTo: [0, 0, 1], rAnkle: 8 },
      { ...CARRY, hips: [0, 92, 0], rFoot: [10, 9, 21], rAnkle: -12, lFoot: [10, 16, -19], lAnkle: 18 },
      { ...CARRY, hips: [0, 92, 0], rFoot: [10, 9, 0], lFoot: [10, 21, 2], lKneeTo: [0, 0, 1], lAnkle: 8 },
    ],
    moving: ['legs'],
    depth: { camera: { yaw: -62, pitch: 6 }, weight: 'dumbbells' },
  },
  // Three-quarter from the front: hands gripping the bar, arms straight overhead, toes on the floor; the knees bend
  // so the bar takes the weight.
  'dead-hang': {
    view: 'side',
    base: 'hanging',
    poses: [
      { hips: [0, 100, 0], lHand: [21, 199.6, 4], rHand: [-21, 199.6, 4], elbowTo: [1, 0, -0.2], ankle: 52 },
      { hips: [0, 100, 0], lHand: [21, 199.6, 4], rHand: [-21, 199.6, 4], elbowTo: [1, 0, -0.2], hip: 20, knee: 75, ankle: 30 },
    ],
    moving: ['legs'],
    depth: { camera: { yaw: -35, pitch: 4 }, grip: true, props: [{ kind: 'bar', at: [0, 202.6, 4.5] }] },
  },
  // Close up: the hand squeezes the ball and lets go.
  'ball-squeeze': { view: 'side', base: 'hand', poses: [{ grip: 0 }, { grip: 1 }], moving: ['hands'] },
};
