import { type IllustrationSpec } from '../render';

/** How the posture moves are drawn, by exercise id. */
export const POSTURE: Readonly<Record<string, IllustrationSpec>> = {
  // True side, seated: the head glides straight back over the shoulders, the line of sight staying level.
  'chin-tuck': {
    view: 'side',
    base: 'seated',
    poses: [{ glide: 4 }, { glide: -4.5 }],
    moving: ['head', 'neck'],
    track: 'head',
    depth: { camera: { yaw: -90, pitch: 0, zoom: 1.55, target: [0, 80, 8], at: [96, 108] }, gaze: true },
  },
  // Three-quarter from behind and above, seated: the blades draw in toward the spine and down.
  'scapular-squeeze': {
    view: 'back',
    base: 'seated',
    poses: [
      { retract: -1.5, depress: -0.5, elbow: 8 },
      { retract: 4, depress: 3, elbow: 8 },
    ],
    moving: ['blades'],
    depth: { camera: { yaw: 162, pitch: 22, zoom: 1.58, target: [0, 90, 0], at: [100, 90] }, blades: true },
  },
  // Three-quarter from the front and above: straight arms swing from forward out to a T, the band stretching.
  'band-pull-apart': {
    view: 'front',
    base: 'standing',
    poses: [
      { raise: 88, swing: -4 },
      { raise: 88, swing: 80 },
    ],
    moving: ['arms', 'band'],
    track: 'lHand',
    depth: { camera: { yaw: -35, pitch: 28, zoom: 1.12, target: [0, 95, 10], at: [100, 124] }, band: true },
  },
  // From the side: a band tied at face height; the hands pull back beside the forehead, elbows high.
  'face-pull': {
    view: 'side',
    base: 'standing',
    at: [70, 224],
    poses: [{ hand: [126, 64] }, { hand: [82, 54], spread: 70 }],
    moving: ['arms', 'band'],
    band: [176, 64],
    props: [{ kind: 'post', x: 176, y: 64 }],
  },
  // From the front, back to the wall: the arms slide from a goalpost up overhead and back.
  'wall-angels': {
    view: 'front',
    base: 'standing',
    poses: [
      { rightArm: 90, rightElbow: 90 },
      { rightArm: 145, rightElbow: 35 },
    ],
    moving: ['arms'],
    props: [{ kind: 'wall' }],
  },
  // From the front, hinged forward: straight arms sweep out wide with the dumbbells.
  'reverse-fly': {
    view: 'front',
    base: 'hinged',
    poses: [
      { rightArm: 2, rightElbow: 0 },
      { rightArm: 85, rightElbow: 8 },
    ],
    moving: ['arms'],
    weight: 'dumbbells',
    inset: { view: 'side', base: 'hinged', pose: {} },
  },
  // Standing, hinged forward (the inset shows the hinge), as reminders use it: the arms trace a Y, a T
  // and a W from hanging.
  'y-t-w-raise': {
    view: 'front',
    base: 'hinged',
    poses: [{ rightArm: 4 }, { rightArm: 145 }, { rightArm: 4 }, { rightArm: 88 }, { rightArm: 4 }, { rightArm: 60, rightElbow: 80 }],
    moving: ['arms'],
    inset: { view: 'side', base: 'hinged', pose: {} },
  },
  // From behind: raised bent arms draw down and back into a W as the blades squeeze.
  'w-retraction': {
    view: 'back',
    base: 'standing',
    poses: [
      { rightArm: 150, rightElbow: 25, blades: 15 },
      { rightArm: 48, rightElbow: 95, blades: 7 },
    ],
    moving: ['arms', 'blades'],
  },
};
