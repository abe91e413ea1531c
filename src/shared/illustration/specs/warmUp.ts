import { type IllustrationSpec } from '../render';

/** How the warm-up are drawn, by exercise id. */
export const WARM_UP: Readonly<Record<string, IllustrationSpec>> = {
  // From the front: chin down, then the head sweeps in a low arc from one shoulder to the other.
  'neck-rolls': {
    view: 'front',
    base: 'seated',
    poses: [{ neck: 50 }, { neck: 30, tilt: 42 }, { neck: 50 }, { neck: 30, tilt: -42 }],
    moving: ['head'],
  },
  // From the side: the shoulders circle up, back and down; the arms hang and ride along.
  'shoulder-rolls': {
    view: 'side',
    base: 'seated',
    poses: [
      { shrug: 0, protract: 0, shoulder: 0, elbow: 0 },
      { shrug: 9, protract: 1, shoulder: 0, elbow: 0 },
      { shrug: 4, protract: -8, shoulder: 0, elbow: 0 },
      { shrug: -2, protract: -3, shoulder: 0, elbow: 0 },
    ],
    moving: ['shoulders'],
  },
  // From the front: arms out at shoulder height, the hands trace small circles.
  'arm-circles': {
    view: 'front',
    base: 'standing',
    poses: [{ rightArm: 102, rightFwd: 15 }, { rightArm: 90 }, { rightArm: 78, rightFwd: 15 }, { rightArm: 90, rightFwd: 35 }],
    moving: ['arms'],
  },
  // From the front: one arm rises past the ear and the body bends gently the other way.
  'overhead-reach': {
    view: 'front',
    base: 'standing',
    poses: [
      { rightArm: 6, leftArm: 6 },
      { rightArm: 170, leftArm: 6 },
      { rightArm: 165, rightElbow: 14, leftArm: 10, leftElbow: 0, trunk: -11 },
    ],
    moving: ['arms'],
  },
  // From the front: the chest and head turn to one side, hands to the chair back; knees stay forward.
  'chair-rotation': {
    view: 'front',
    base: 'seated',
    poses: [
      { rightHand: [84, 176], leftHand: [116, 176] },
      { twist: 45, turn: 60, rightHand: [73, 140], leftHand: [86, 152] },
    ],
    moving: ['arms', 'head'],
  },
  // From the side on all fours: the back rounds up with the head dropping, then sags with the gaze lifting.
  'cat-cow': {
    view: 'side',
    base: 'allFours',
    poses: [
      { trunk: 59, hip: 59, bend: 34, neck: 45, hand: [128, 222] },
      { trunk: 89, hip: 89, bend: -24, neck: -30, hand: [128, 222] },
    ],
    moving: ['torso', 'head', 'neck'],
  },
  // From the side, lying down: one knee drawn in with the hands behind the thigh, then the other.
  'knee-to-chest': {
    view: 'side',
    base: 'supine',
    poses: [
      { foot: [140, 225], farFoot: [140, 225], hand: [96, 222] },
      { foot: [106, 198], farFoot: [140, 225], hand: [80, 189] },
      { foot: [140, 225], farFoot: [140, 225], hand: [96, 222] },
      { foot: [140, 225], farFoot: [106, 198], hand: [80, 189] },
    ],
    moving: ['legs', 'arms'],
    track: 'thigh',
  },
  // From the side, hands behind the head: the upper back lifts and arches back, then returns.
  'thoracic-extension': {
    view: 'side',
    base: 'seated',
    poses: [
      { shoulder: 153, spread: 20, elbow: 113, behind: 1 },
      { bend: -24, neck: -8, shoulder: 153, spread: 20, elbow: 113, behind: 1 },
    ],
    moving: ['torso', 'head'],
    track: 'head',
  },
  // From the front: the head turns to look over one shoulder, then the other.
  'head-turn': { view: 'front', base: 'seated', poses: [{ turn: 0 }, { turn: 70 }, { turn: 0 }, { turn: -70 }], moving: ['head'] },
};
