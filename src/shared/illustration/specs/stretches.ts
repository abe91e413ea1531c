import { type IllustrationSpec } from '../render';

/** How the stretches are drawn, by exercise id. */
export const STRETCHES: Readonly<Record<string, IllustrationSpec>> = {
  // From the side: forearms on the door frame, the body leans through until the chest opens.
  'doorway-stretch': {
    view: 'side',
    base: 'standing',
    poses: [
      { root: [98, 141], foot: [130, 224], farFoot: [72, 224], spread: 86, hand: [100, 56] },
      { root: [106, 142], trunk: 16, foot: [130, 224], farFoot: [72, 224], spread: 45, hand: [100, 56] },
    ],
    moving: ['torso'],
    props: [{ kind: 'door', x: 100 }],
  },
  // From the side, sitting near the front of the seat: hands to the lower back, the elbows draw back and the chest lifts.
  'seated-chest-opener': {
    view: 'side',
    base: 'seated',
    at: [94, 178],
    poses: [{}, { bend: -16, neck: -6, protract: -7, hand: [76, 168], elbowDir: -90 }],
    moving: ['arms', 'torso'],
  },
  // From the side: from all fours, the hips sink back to the heels and the arms reach long.
  'childs-pose': {
    view: 'side',
    base: 'allFours',
    poses: [{ hand: [124, 222] }, { trunk: 104, hip: 161, knee: 147, neck: -10, hand: [160, 222] }],
    moving: ['torso', 'legs', 'arms'],
  },
  // From the front, sitting sole to sole: the knees settle out to the sides and the chest leans forward.
  'butterfly-stretch': {
    view: 'front',
    base: 'floorSit',
    poses: [
      { legs: 125, legFwd: 35, feet: [0, 216], rightHand: [96, 214] },
      { legs: 100, legFwd: 30, lean: 25, feet: [0, 216], rightHand: [96, 214] },
    ],
    moving: ['legs', 'torso'],
  },
  // From the front: the head tips ear toward shoulder, face forward.
  'upper-trap-stretch': { view: 'front', base: 'seated', poses: [{ tilt: 0 }, { tilt: 38 }], moving: ['head'] },
  // From the front: the head turns part way and the nose drops toward the armpit, the hand resting on the head.
  'levator-scapulae-stretch': {
    view: 'front',
    base: 'seated',
    poses: [
      { rightHand: [86, 178], leftHand: [114, 178] },
      { turn: 35, neck: 40, tilt: 18, rightHand: [96, 92], leftHand: [114, 178] },
    ],
    moving: ['head', 'neck', 'arms'],
  },
  // From the side: hands pushed forward at shoulder height, the upper back rounds and the head drops.
  'rhomboid-stretch': {
    view: 'side',
    base: 'seated',
    poses: [
      { shoulder: 90, elbow: 0 },
      { bend: 28, neck: 32, protract: 6, shoulder: 118, elbow: 0 },
    ],
    moving: ['torso'],
  },
};
