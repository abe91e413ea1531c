import { type IllustrationSpec } from './render';

/** How each exercise is drawn, by exercise id. Side views face right; coordinates are px in a 200 × 240 box. */
export const ILLUSTRATIONS: Readonly<Record<string, IllustrationSpec>> = {
  // ── Warm-up ──
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

  // ── Rows ──
  // From the side, hinged with a flat back: the dumbbells row up to the ribs, elbows leading.
  'bent-over-row': { view: 'side', base: 'hinged', poses: [{}, { shoulder: 8, elbow: 62 }], moving: ['arms'], weight: 'dumbbells' },
  // From the side: a knee and hand on the bench, the near arm rows a dumbbell to the hip.
  'one-arm-dumbbell-row': {
    view: 'side',
    base: 'hinged',
    poses: [
      { trunk: 84, hip: 84, knee: 10, farHip: 90, farKnee: 90, farAnkle: 90, shoulder: 84, farHand: [125, 186] },
      { trunk: 84, hip: 84, knee: 10, farHip: 90, farKnee: 90, farAnkle: 90, shoulder: 0, elbow: 80, farHand: [125, 186] },
    ],
    moving: ['arms'],
    weight: 'dumbbell',
    at: [60, 224],
    props: [{ kind: 'bench', x: 22, y: 191, w: 118 }],
  },
  // From the side: a band tied at chest height in front; the hands pull in to the ribs.
  'band-row': {
    view: 'side',
    base: 'standing',
    at: [70, 224],
    poses: [{ hand: [124, 94] }, { hand: [86, 118] }],
    moving: ['arms', 'band'],
    band: [176, 94],
    props: [{ kind: 'post', x: 176, y: 94 }],
  },
  // From the side in a plank on two dumbbells: one rows up while the hips stay level, then the other.
  'renegade-row': {
    view: 'side',
    base: 'plank',
    poses: [
      { hand: [150, 222], farHand: [150, 222], elbowDir: -135 },
      { hand: [126, 190], farHand: [150, 222], elbowDir: -135 },
      { hand: [150, 222], farHand: [150, 222], elbowDir: -135 },
      { hand: [150, 222], farHand: [126, 190], elbowDir: -135 },
    ],
    moving: ['arms'],
    weight: 'dumbbells',
  },
  // From the side, tipped forward a little: the bar rises to the upper chest, elbows high and wide.
  'high-barbell-row': {
    view: 'side',
    base: 'hinged',
    poses: [
      { trunk: 38, hip: 50, knee: 15, hand: [140, 149], elbowDir: -135 },
      { trunk: 38, hip: 50, knee: 15, hand: [148, 104], spread: 55, elbowDir: -135 },
    ],
    moving: ['arms'],
    weight: 'barbell',
  },
  // From the side, holding a door frame: lean back on straight arms, then pull the chest in.
  'doorframe-row': {
    view: 'side',
    base: 'standing',
    at: [146, 224],
    poses: [
      { trunk: -20, hand: [152, 92] },
      { trunk: -13, hand: [152, 92] },
    ],
    moving: ['arms', 'torso'],
    props: [{ kind: 'door', x: 154 }],
  },

  // ── Posture ──
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

  // ── Lower back ──
  // From the side, lying face down: the chest lifts a little, eyes down, feet stay on the floor.
  'back-extension': { view: 'side', base: 'prone', poses: [{}, { bend: -22, neck: 6 }], moving: ['torso', 'head', 'neck'] },
  // From the side on all fours: one arm and the opposite leg reach out level, then the other pair.
  'bird-dog': {
    view: 'side',
    base: 'allFours',
    scale: 0.8,
    poses: [
      { root: [96, 183] },
      { root: [96, 183], shoulder: 168, farHip: -12, farKnee: 0, farAnkle: 10 },
      { root: [96, 183] },
      { root: [96, 183], farShoulder: 168, hip: -12, knee: 0, ankle: 10 },
    ],
    moving: ['arms', 'legs'],
  },
  // From the side, lying on the back: the hips lift until knees, hips and shoulders line up.
  bridge: {
    view: 'side',
    base: 'supine',
    poses: [
      { foot: [140, 225], hand: [100, 222] },
      { trunk: -118, neck: 28, foot: [140, 225], hand: [100, 222] },
    ],
    moving: ['torso', 'legs'],
  },

  // ── Grip ──
  // From the side: walking tall with a dumbbell in each hand.
  'farmer-carry': {
    view: 'side',
    base: 'standing',
    poses: [
      { root: [100, 137], foot: [120, 224], farFoot: [80, 224] },
      { root: [100, 135], foot: [100, 224], farFoot: [102, 212] },
      { root: [100, 137], foot: [80, 224], farFoot: [120, 224] },
      { root: [100, 135], foot: [102, 212], farFoot: [100, 224] },
    ],
    moving: ['legs'],
    weight: 'dumbbells',
  },
  // From the side: hands on the bar, the knees bend so the bar takes the weight.
  'dead-hang': {
    view: 'side',
    base: 'hanging',
    poses: [{ ankle: 50 }, { hip: 25, knee: 80, ankle: 30 }],
    moving: ['legs'],
    props: [{ kind: 'bar', x: 100, y: 30 }],
  },
  // Close up: the hand squeezes the ball and lets go.
  'ball-squeeze': { view: 'side', base: 'hand', poses: [{ grip: 0 }, { grip: 1 }], moving: ['hands'] },

  // ── Stretches ──
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
