import { type IllustrationSpec } from '../render';

/** How the lower-back moves are drawn, by exercise id. */
export const LOWER_BACK: Readonly<Record<string, IllustrationSpec>> = {
  // Three-quarter from the head's side and above, lying face down: the chest lifts a little, eyes down, feet stay down.
  'back-extension': {
    view: 'side',
    base: 'prone',
    poses: [{ nod: 10 }, { bend: -26, nod: 22 }],
    moving: ['torso', 'head', 'neck'],
    depth: { camera: { yaw: -50, pitch: 34 }, props: [{ kind: 'mat' }] },
  },
  // Three-quarter from the front and above, on all fours: one arm reaches ahead and the other side's leg back,
  // level with the back; then the other pair.
  'bird-dog': {
    view: 'side',
    base: 'allFours',
    poses: [{}, { lRaise: 174, rHip: -86, rKnee: 0, rAnkle: 40 }, {}, { rRaise: 174, lHip: -86, lKnee: 0, lAnkle: 40 }],
    moving: ['arms', 'legs'],
    depth: { camera: { yaw: -62, pitch: 30 }, props: [{ kind: 'mat' }] },
  },
  // Three-quarter from the side and above, lying on the back, feet flat: the hips lift until knees, hips and
  // shoulders line up.
  bridge: {
    view: 'side',
    base: 'supine',
    poses: [
      { foot: [12, 9, 52], kneeTo: [0.1, 1, 0.2], hand: [22, 4, 2] },
      { hips: [0, 37, 6], pitch: -120, nod: 40, foot: [12, 9, 52], kneeTo: [0.1, 1, 0.2], hand: [22, 4, 2] },
    ],
    moving: ['torso', 'legs'],
    depth: { camera: { yaw: -60, pitch: 30 }, props: [{ kind: 'mat' }] },
  },
};
