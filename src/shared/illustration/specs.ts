import { type IllustrationSpec } from './render';

/** How each exercise is drawn, by exercise id. */
export const ILLUSTRATIONS: Readonly<Record<string, IllustrationSpec>> = {
  // Side view: the head glides straight back over the shoulders, chin level.
  'chin-tuck': { view: 'side', base: 'seated', poses: [{ headGlide: 6 }, { headGlide: -7 }], moving: ['head', 'neck'] },
  // From behind: the shoulder blades draw toward the spine as the elbows ease back.
  'scapular-squeeze': {
    view: 'back',
    base: 'seated',
    poses: [{ blades: 15, leftArm: 12, rightArm: 12, leftElbow: -40, rightElbow: -40 }, { blades: 6, leftArm: 22, rightArm: 22, leftElbow: -55, rightElbow: -55 }],
    moving: ['blades'],
  },
  // From the front: arms at shoulder height swing open and the band stretches across the chest.
  'band-pull-apart': { view: 'front', base: 'standing', poses: [{ armsOpen: 8 }, { armsOpen: 88 }], moving: ['arms', 'band'], band: true },
  'upper-trap-stretch': { view: 'front', base: 'seated', poses: [{ headTilt: 0, rightArm: 8, leftArm: 8 }, { headTilt: 40, rightArm: 8, leftArm: 8 }], moving: ['head', 'neck'] },
  'overhead-reach': { view: 'front', base: 'standing', poses: [{ rightArm: 10, leftArm: 10 }, { rightArm: 165, leftArm: 10, trunk: -10 }], moving: ['arms'] },
};
