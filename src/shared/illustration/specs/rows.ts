import { type Vec3 } from '../camera';
import { type Pose3D } from '../pose3d';
import { type IllustrationSpec } from '../render';

/** The body held in one straight line from the ankles (at depth 0), tipped back `deg` degrees: where the pelvis goes, and the pitch. */
function leanedBack(deg: number): Pose3D {
  const [s, c] = [Math.sin((deg * Math.PI) / 180), Math.cos((deg * Math.PI) / 180)];
  const hips: Vec3 = [0, Math.round((9 + 86 * c) * 10) / 10, Math.round(-86 * s * 10) / 10];
  return { hips, pitch: -deg, foot: [10, 9, 0], kneeTo: [0, 0, 1] };
}

/** The one-arm row's support: the right knee and the right hand on the bench, the left foot on the floor. */
const ON_BENCH: Pose3D = {
  hips: [0, 90, -4],
  pitch: 78,
  rFoot: [13, 52, -60],
  rKneeTo: [0, -1, 0.4],
  lFoot: [30, 9, 6],
  lKneeTo: [0.2, 0, 1],
  rHand: [-16, 50, 54],
  rElbowTo: [0.3, 0, -1],
};

/** A high plank on two dumbbells: hands under the shoulders, the body one straight line from the ankles, feet wide. */
const PLANK: Pose3D = {
  hips: [0, 50.4, -23],
  pitch: 63.5,
  foot: [26, 12, -100],
  kneeTo: [0, -1, 0],
  lHand: [18, 15, 16],
  rHand: [-18, 15, 16],
};

/** How the rows are drawn, by exercise id. */
export const ROWS: Readonly<Record<string, IllustrationSpec>> = {
  // Three-quarter from behind and the side, hinged with a flat back: the dumbbells row up to the ribs, elbows leading back past the trunk.
  'bent-over-row': {
    view: 'side',
    base: 'hinged',
    poses: [
      { pitch: 58, raise: 58, elbow: 4 },
      { pitch: 58, lHand: [18, 96, 6], rHand: [-18, 96, 6], elbowTo: [0.15, -0.3, -1], retract: 3 },
    ],
    moving: ['arms', 'ball'],
    track: 'lHand',
    depth: { camera: { yaw: 125, pitch: 18 }, weight: 'dumbbells' },
  },
  // Three-quarter from behind on the left and above: the right knee and hand on a bench, the left arm rows a dumbbell to the hip.
  'one-arm-dumbbell-row': {
    view: 'side',
    base: 'hinged',
    poses: [
      { ...ON_BENCH, lRaise: 80, lElbow: 4 },
      { ...ON_BENCH, lRaise: -12, lElbow: 86, lRetract: 3 },
    ],
    moving: ['arms', 'ball'],
    track: 'lHand',
    depth: { camera: { yaw: 112, pitch: 20 }, weight: 'dumbbell', props: [{ kind: 'bench', at: [-16, 45, 62], size: 120 }] },
  },
  // Three-quarter from behind and the side: a band tied to a post at chest height ahead; the hands pull in to the ribs,
  // elbows back past the trunk, the band stretching.
  'band-row': {
    view: 'side',
    base: 'standing',
    poses: [
      { lHand: [16, 116, 50], rHand: [-16, 116, 50], elbowTo: [0.2, -1, 0] },
      { lHand: [17, 106, 8], rHand: [-17, 106, 8], elbowTo: [0.2, -0.3, -1], retract: 3 },
    ],
    moving: ['arms', 'band'],
    track: 'lHand',
    depth: { camera: { yaw: 130, pitch: 14 }, band: [0, 116, 120], props: [{ kind: 'post', at: [0, 116, 124] }] },
  },
  // From the head end, a little to the left, and above, in a plank on two dumbbells: the left one rows up to the ribs
  // while the hips stay level, then the right; both rows show beside the head.
  'renegade-row': {
    view: 'side',
    base: 'plank',
    poses: [
      PLANK,
      { ...PLANK, lHand: [22, 58, -2], lElbowTo: [0.7, -0.1, -1], lRetract: 3 },
      PLANK,
      { ...PLANK, rHand: [-22, 58, -2], rElbowTo: [0.7, -0.1, -1], rRetract: 3 },
    ],
    moving: ['arms', 'ball'],
    depth: { camera: { yaw: 16, pitch: 48 }, weight: 'dumbbells', props: [{ kind: 'mat' }] },
  },
  // From the left side, a little behind and above, tipped forward a little with soft knees: the bar (small plates) rises
  // from arm's length to the upper chest, elbows high and wide.
  'high-barbell-row': {
    view: 'side',
    base: 'hinged',
    poses: [
      { hips: [0, 91, -10], pitch: 30, hand: [26, 74, 18], elbowTo: [0.3, 0, -1] },
      { hips: [0, 91, -10], pitch: 30, hand: [26, 122, 30], elbowTo: [1, 0.4, -0.5], retract: 2 },
    ],
    moving: ['arms', 'ball'],
    track: 'lHand',
    depth: { camera: { yaw: 132, pitch: 30 }, weight: 'barbell', plate: 28 },
  },
  // From the left side and a little in front: facing the edge of a door frame (drawn as that edge, a wall's thickness
  // across), toes at its foot, both hands round it at chest height; lean back on straight arms, then draw the elbows
  // back to pull the chest in to the frame.
  'doorframe-row': {
    view: 'side',
    base: 'standing',
    poses: [
      { ...leanedBack(17), hand: [7, 126, 16], elbowTo: [0.3, -1, 0] },
      { ...leanedBack(1), hand: [7, 126, 16], elbowTo: [0.5, -0.2, -1], retract: 3 },
    ],
    moving: ['arms', 'torso', 'legs'],
    track: 'lUpperArm',
    depth: { camera: { yaw: 78, pitch: 10 }, grip: true, props: [{ kind: 'door', at: [0, 0, 19], size: 14 }] },
  },
};
