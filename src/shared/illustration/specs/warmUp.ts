import { type IllustrationSpec } from '../render';

/** Hands laced behind the head, elbows open wide (in the chest's frame, so they ride with the upper back). */
const HANDS_ON_HEAD = { raise: 155, swing: 105, elbow: 120, roll: 100 } as const;

/** How the warm-up are drawn, by exercise id. */
export const WARM_UP: Readonly<Record<string, IllustrationSpec>> = {
  // Three-quarter from the front and a little above, seated: chin down, then the chin sweeps in a low arc to the left shoulder and across to the right.
  'neck-rolls': {
    view: 'front',
    base: 'seated',
    poses: [{ nod: 45 }, { nod: 30, turn: 40, tilt: 30 }, { nod: 45 }, { nod: 30, turn: -40, tilt: -30 }],
    moving: ['head'],
    track: 'nose',
    depth: { camera: { yaw: -12, pitch: 24 }, frame: 'upper' },
  },
  // Three-quarter from the front-left, framed close on the shoulders, seated: the shoulders circle up to the ears, back, down and forward, the arrows round the far shoulder over the trunk; the arms hang and ride along, the hands lagging; the head stays still.
  'shoulder-rolls': {
    view: 'side',
    base: 'seated',
    poses: [
      { depress: -3, retract: -4, raise: -4 },
      { depress: -9, retract: -1.5, raise: -2 },
      { depress: -9, retract: 3.5, raise: 2 },
      { depress: -3, retract: 6, raise: 4 },
      { depress: 3, retract: 3.5, raise: 2 },
      { depress: 3, retract: -1.5, raise: -2 },
    ],
    moving: ['arms'],
    track: 'rUpperArm',
    depth: { camera: { yaw: 60, pitch: 10 }, frame: 'upper' },
  },
  // Three-quarter from the front-left and a little above, standing, so the circle's plane is seen open: arms straight out at shoulder height, the hands trace small forward circles (over the top forward, down, back underneath, up), in six steps.
  'arm-circles': {
    view: 'front',
    base: 'standing',
    poses: [
      { raise: 106, swing: 99 },
      { raise: 106, swing: 81 },
      { raise: 90, swing: 72 },
      { raise: 74, swing: 81 },
      { raise: 74, swing: 99 },
      { raise: 90, swing: 108 },
    ],
    moving: ['arms'],
    track: 'lHand',
    depth: { camera: { yaw: 50, pitch: 18 } },
  },
  // From the front, standing: the left arm rises out to the side past the ear, then reaches up and over as the trunk bends to the right.
  'overhead-reach': {
    view: 'front',
    base: 'standing',
    poses: [{ lSwing: 90 }, { lRaise: 172, lSwing: 90 }, { lRaise: 192, lSwing: 90, lElbow: 6, lean: -16 }],
    moving: ['arms', 'torso', 'head'],
    track: 'lHand',
    depth: { camera: { yaw: 0, pitch: 8 } },
  },
  // Three-quarter from the front-left and above, seated on a chair: the chest and head turn to the left, to face the camera; the left hand reaches back to the chair back's upright and the right hand across the chest to its top corner; hips and knees stay facing forward.
  'chair-rotation': {
    view: 'front',
    base: 'seated',
    poses: [
      { lHand: [12, 60, 28], rHand: [-12, 60, 28] },
      {
        twist: 62,
        bend: -4,
        turn: 22,
        rRetract: -5,
        lHand: [20, 62, -27],
        rHand: [19, 86, -24],
        lElbowTo: [0.5, -0.5, 1],
        rElbowTo: [0, -0.3, 1],
      },
    ],
    moving: ['torso', 'head'],
    track: 'nose',
    depth: { camera: { yaw: 60, pitch: 45 }, props: [{ kind: 'chair' }], grip: true },
  },
  // Three-quarter from the side and above, on all fours: the back rounds up with the head dropping, then sags with the chest and gaze lifting; the hands stay down.
  'cat-cow': {
    view: 'side',
    base: 'allFours',
    poses: [
      { hips: [0, 55, -30], pitch: 40, bend: 64, nod: 30, lHand: [18, 2.6, 14], rHand: [-18, 2.6, 14] },
      { hips: [0, 52, -30], pitch: 114, bend: -42, nod: -45, lHand: [18, 2.6, 14], rHand: [-18, 2.6, 14] },
    ],
    moving: ['torso', 'head', 'neck'],
    depth: { camera: { yaw: -82, pitch: 14 }, props: [{ kind: 'mat' }] },
  },
  // Three-quarter from the feet's right and well above, lying on the back, knees bent, so both knees show clear of the trunk: both hands draw the left knee in from behind the thigh, then the right.
  'knee-to-chest': {
    view: 'side',
    base: 'supine',
    poses: [
      { foot: [12, 9, 52], kneeTo: [0.1, 1, 0.2], hand: [22, 4, 2] },
      {
        lFoot: [9, 62, 6],
        lKneeTo: [0, 0.4, -1],
        rFoot: [12, 9, 52],
        rKneeTo: [0.1, 1, 0.2],
        lHand: [15, 34.3, -14.6],
        rHand: [3, 34.3, -14.6],
        elbowTo: [1, 0, 0.3],
      },
      { foot: [12, 9, 52], kneeTo: [0.1, 1, 0.2], hand: [22, 4, 2] },
      {
        rFoot: [9, 62, 6],
        rKneeTo: [0, 0.4, -1],
        lFoot: [12, 9, 52],
        lKneeTo: [0.1, 1, 0.2],
        rHand: [-15, 34.3, -14.6],
        lHand: [-3, 34.3, -14.6],
        elbowTo: [1, 0, 0.3],
      },
    ],
    moving: ['legs', 'arms'],
    depth: { camera: { yaw: -62, pitch: 40 }, props: [{ kind: 'mat' }] },
  },
  // Three-quarter from the front-right, nearly side on, seated on a chair, hands behind the head: the upper back arches well back over the chair back's top rail, the gaze lifting, and returns.
  'thoracic-extension': {
    view: 'side',
    base: 'seated',
    poses: [
      { ...HANDS_ON_HEAD, hips: [0, 54, 0] },
      { ...HANDS_ON_HEAD, hips: [0, 54, 0], pitch: 8, bend: -44, nod: -12 },
    ],
    moving: ['torso', 'head', 'arms'],
    track: 'head',
    depth: { camera: { yaw: -68, pitch: 10 }, props: [{ kind: 'chair' }] },
  },
  // From the front and a little above, seated: the head turns to look over the left shoulder, then the right; the shoulders stay square.
  'head-turn': {
    view: 'front',
    base: 'seated',
    poses: [{}, { turn: 70 }, {}, { turn: -70 }],
    moving: ['head'],
    track: 'nose',
    depth: { camera: { yaw: 0, pitch: 24 }, frame: 'upper' },
  },
};
