import { type IllustrationSpec } from '../render';

/** How the grip moves are drawn, by exercise id. */
export const GRIP: Readonly<Record<string, IllustrationSpec>> = {
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
};
