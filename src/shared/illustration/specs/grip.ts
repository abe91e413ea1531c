import { type IllustrationSpec } from '../render';

/** How the grip moves are drawn, by exercise id. */
export const GRIP: Readonly<Record<string, IllustrationSpec>> = {
  // Three-quarter from the front: walking tall, a dumbbell hanging in each hand clear of the thighs, one step
  // and then the other.
  'farmer-carry': {
    view: 'side',
    base: 'standing',
    poses: [
      { hips: [0, 93, 0], raise: 12, swing: 90, lFoot: [10, 9, 18], rFoot: [10, 12, -22], rAnkle: 25 },
      { hips: [0, 93, 0], raise: 12, swing: 90, lFoot: [10, 9, 0], rFoot: [10, 22, 4] },
      { hips: [0, 93, 0], raise: 12, swing: 90, rFoot: [10, 9, 18], lFoot: [10, 12, -22], lAnkle: 25 },
      { hips: [0, 93, 0], raise: 12, swing: 90, rFoot: [10, 9, 0], lFoot: [10, 22, 4] },
    ],
    moving: ['legs'],
    depth: { camera: { yaw: -40, pitch: 8 }, weight: 'dumbbells' },
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
