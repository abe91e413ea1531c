import { type IllustrationSpec } from '../render';

/** Seated, the hands resting on the thighs. */
const onThighs = { lHand: [17, 61, 14], rHand: [-17, 61, 14] } as const;

/** How the stretches are drawn, by exercise id. */
export const STRETCHES: Readonly<Record<string, IllustrationSpec>> = {
  // From the right side, a little in front, the whole door frame seen, forearms upright on the jambs, one foot forward:
  // the body leans through until the chest passes the frame and the elbows, at shoulder height, are left behind it.
  'doorway-stretch': {
    view: 'front',
    base: 'standing',
    poses: [
      { hips: [0, 92, 2], lFoot: [10, 9, 22], rFoot: [10, 9, -12], hand: [45, 159, 10], elbowTo: [1, -1, 0] },
      {
        hips: [0, 89, 19],
        pitch: 14,
        bend: -6,
        lFoot: [10, 9, 22],
        rFoot: [10, 9, -12],
        hand: [45, 159, 10],
        elbowTo: [1, -1, -0.6],
      },
    ],
    moving: ['torso', 'legs'],
    track: 'torso',
    depth: {
      camera: { yaw: -70, pitch: 12, zoom: 1.02, target: [0, 100, 10], at: [100, 118] },
      grip: true,
      props: [{ kind: 'door', at: [0, 0, 10], size: 90 }],
    },
  },
  // From the left side, a little behind and above, sitting near the front of the seat, hands on the lower
  // back: the elbows draw back toward each other and the chest lifts, the chin level.
  'seated-chest-opener': {
    view: 'side',
    base: 'seated',
    poses: [
      { hips: [0, 54, 4], retract: -1, lHand: [11, 70, -9], rHand: [-11, 70, -9], elbowTo: [1, -0.3, 0] },
      {
        hips: [0, 54, 4],
        bend: -14,
        nod: 14,
        retract: 4,
        depress: 1.5,
        lHand: [11, 70, -9],
        rHand: [-11, 70, -9],
        elbowTo: [0.3, -0.2, -1],
      },
    ],
    moving: ['arms', 'torso'],
    track: 'lUpperArm',
    depth: { camera: { yaw: 105, pitch: 22 } },
  },
  // Three-quarter from the front and the right, well above, the long folded body filling the picture and the head seen between
  // the arms, on all fours: the hips sink back to the heels, the chest lowers onto the thighs and the arms reach long on the floor.
  'childs-pose': {
    view: 'side',
    base: 'allFours',
    poses: [
      { lHand: [18, 3, 14], rHand: [-18, 3, 14] },
      { hips: [0, 29, -66], pitch: 92, bend: 10, nod: 10, hip: 68, knee: 158, lHand: [18, 3, 30], rHand: [-18, 3, 30] },
    ],
    moving: ['torso', 'legs', 'arms'],
    track: 'rThigh',
    depth: { camera: { yaw: -50, pitch: 44 }, props: [{ kind: 'mat' }] },
  },
  // From the front and above, sitting on the floor sole to sole, the fists holding the ankles and the arms
  // between the knees: the knees settle out and down toward the floor and the chest leans forward with a long back.
  'butterfly-stretch': {
    view: 'front',
    base: 'floorSit',
    poses: [
      { pitch: 8, foot: [4, 6, 40], kneeTo: [1, 0.9, 0.1], hand: [8, 11, 38] },
      { pitch: 26, foot: [4, 6, 40], kneeTo: [1, 0.1, 0], hand: [8, 11, 38] },
    ],
    moving: ['legs', 'torso'],
    depth: { camera: { yaw: 8, pitch: 38 }, grip: true, props: [{ kind: 'mat' }] },
  },
  // From the front and a little above, seated: the head tilts, the left ear toward the left shoulder, the
  // face forward and the shoulders down.
  'upper-trap-stretch': {
    view: 'front',
    base: 'seated',
    poses: [{ ...onThighs }, { ...onThighs, tilt: 45, depress: 1.5 }],
    moving: ['head'],
    track: 'head',
    depth: { camera: { yaw: -8, pitch: 14 }, frame: 'upper' },
  },
  // Three-quarter from the front and the right, close, seated: the head turns part way left and the nose drops toward
  // the left armpit, then the left hand reaches over to rest its palm on the back of the head, elbow up and forward.
  'levator-scapulae-stretch': {
    view: 'front',
    base: 'seated',
    poses: [
      { ...onThighs, lHandTo: [-0.37, -0.32, 0.87] },
      { ...onThighs, lHandTo: [-0.37, -0.32, 0.87], turn: 42, nod: 46 },
      // The palm on the back of the head, the hand bent at the wrist; the forearm over the top.
      { ...onThighs, turn: 42, nod: 46, lHand: [-4.3, 128.2, 9.9], lElbowTo: [0.5, 1, 0.8], lHandTo: [-0.61, -0.77, -0.19] },
    ],
    moving: ['head', 'arms'],
    track: 'nose',
    depth: { camera: { yaw: -28, pitch: 15 }, frame: 'upper' },
  },
  // From the left side, a little in front and above, seated, hands clasped ahead at shoulder height: the
  // hands push forward, the upper back rounds and the head drops.
  'rhomboid-stretch': {
    view: 'side',
    base: 'seated',
    poses: [
      { lHand: [3, 96, 26], rHand: [-3, 96, 26], elbowTo: [1, -0.6, 0] },
      { bend: 30, retract: -3, nod: 34, lHand: [3, 94, 60], rHand: [-3, 94, 60], elbowTo: [1, -0.6, 0] },
    ],
    moving: ['torso', 'arms', 'head'],
    depth: { camera: { yaw: 70, pitch: 16 }, grip: true },
  },
};
