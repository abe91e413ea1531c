import { type IllustrationSpec } from '../render';

/** How the rows are drawn, by exercise id. */
export const ROWS: Readonly<Record<string, IllustrationSpec>> = {
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
};
