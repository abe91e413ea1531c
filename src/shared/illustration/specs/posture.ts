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
  // Three-quarter from the front and a little above, a band tied at face height to a post ahead: straight arms
  // pull back until the hands are beside the forehead, the elbows out wide and above the shoulders.
  'face-pull': {
    view: 'side',
    base: 'standing',
    poses: [
      { raise: 93, swing: 10, elbow: 4 },
      { lHand: [20, 160, 15], rHand: [-20, 160, 15], elbowTo: [1, -0.5, 0], retract: 3 },
    ],
    moving: ['arms', 'band'],
    track: 'lHand',
    depth: { camera: { yaw: -42, pitch: 12 }, band: [0, 146, 90], props: [{ kind: 'post', at: [0, 0, 90] }] },
  },
  // Three-quarter from the front, back, head and hips on the wall: the arms slide from a goalpost up overhead
  // and back, elbows and wrists on the wall.
  'wall-angels': {
    view: 'front',
    base: 'standing',
    poses: [
      { hips: [0, 95, -3], glide: -2, raise: 88, swing: 112, elbow: 90, roll: 90, retract: 3, depress: 2 },
      { hips: [0, 95, -3], glide: -2, raise: 155, swing: 125, elbow: 25, roll: 75, retract: 3 },
    ],
    moving: ['arms'],
    track: 'lHand',
    depth: { camera: { yaw: -18, pitch: 8 }, props: [{ kind: 'wall', at: [0, 0, -18] }] },
  },
  // Three-quarter from the front and a little above, hinged with a flat back: the dumbbells hang below the
  // chest, then nearly straight arms sweep out wide until they line up with the shoulders.
  'reverse-fly': {
    view: 'front',
    base: 'hinged',
    poses: [
      { elbow: 15, swing: 10 },
      { raise: 90, swing: 90, elbow: 15, retract: 3 },
    ],
    moving: ['arms', 'ball'],
    track: 'lHand',
    depth: { camera: { yaw: -40, pitch: 14 }, weight: 'dumbbells' },
  },
  // Three-quarter from behind and above, hinged with a flat back: from hanging, straight arms rise into a Y,
  // then out to a T, then the elbows bend and draw back and down into a W.
  'y-t-w-raise': {
    view: 'front',
    base: 'hinged',
    poses: [{}, { raise: 145, swing: 90 }, {}, { raise: 90, swing: 90 }, {}, { raise: 70, swing: 130, elbow: 90, roll: 90 }],
    moving: ['arms'],
    track: 'lHand',
    depth: { camera: { yaw: 128, pitch: 30 } },
  },
  // Three-quarter from behind: raised bent arms draw down and back into a W as the blades squeeze in and down.
  'w-retraction': {
    view: 'back',
    base: 'standing',
    poses: [
      { raise: 160, swing: 90, elbow: 40, roll: 90 },
      { raise: 50, swing: 115, elbow: 95, roll: 90, retract: 4, depress: 2 },
    ],
    moving: ['arms', 'blades'],
    track: 'lHand',
    depth: { camera: { yaw: 155, pitch: 14 }, blades: true },
  },
};
