// The built-in routines, authored here and shipped as data: the build writes them, in each language,
// into the exercise library's files (dist/data/exercises*.json), so no bundle of the extension holds them.
import { t } from '../../shared/l10n';
import { type Routine } from './routines';

export const BUILT_IN_ROUTINES: readonly Routine[] = [
  {
    id: 'posture-reset',
    // Named through `t`: the build writes them in each language it has a message bundle for.
    get name() {
      return t('Posture Reset');
    },
    get summary() {
      return t('Two minutes to undo the desk slump: chin tucks, shoulder-blade squeezes, pull-aparts.');
    },
    forReminders: true,
    steps: [{ exercise: 'chin-tuck' }, { exercise: 'scapular-squeeze' }, { exercise: 'band-pull-apart' }],
  },
  {
    id: 'desk-stretch',
    get name() {
      return t('Desk Stretch');
    },
    get summary() {
      return t('Loosen the neck, shoulders and chest without leaving your desk.');
    },
    forReminders: true,
    steps: [
      { exercise: 'upper-trap-stretch' },
      { exercise: 'levator-scapulae-stretch' },
      { exercise: 'seated-chest-opener' },
      { exercise: 'shoulder-rolls' },
    ],
  },
  {
    id: 'warm-up',
    get name() {
      return t('Warm-Up');
    },
    get summary() {
      return t('Five minutes of easy movement to wake up the neck, shoulders and upper back.');
    },
    forReminders: false,
    steps: [
      { exercise: 'neck-rolls' },
      { exercise: 'shoulder-rolls' },
      { exercise: 'arm-circles' },
      { exercise: 'overhead-reach' },
      { exercise: 'chair-rotation' },
      { exercise: 'thoracic-extension' },
    ],
  },
  {
    // The seed's recipe: a warm-up, 3–5 strengthening moves with at least one row and one posture move,
    // then 3–5 stretches.
    id: 'full-upper-back',
    get name() {
      return t('Full Upper Back');
    },
    get summary() {
      return t('The complete session: warm up, rows and posture work, then stretches.');
    },
    forReminders: false,
    steps: [
      { exercise: 'neck-rolls' },
      { exercise: 'shoulder-rolls' },
      { exercise: 'arm-circles' },
      { exercise: 'cat-cow' },
      { exercise: 'band-row' },
      { exercise: 'face-pull' },
      { exercise: 'band-pull-apart' },
      { exercise: 'wall-angels' },
      { exercise: 'doorway-stretch' },
      { exercise: 'upper-trap-stretch' },
      { exercise: 'levator-scapulae-stretch' },
      { exercise: 'childs-pose' },
    ],
  },
  {
    id: 'lower-back-and-grip',
    get name() {
      return t('Lower Back and Grip');
    },
    get summary() {
      return t('The support acts for a strong upper back: spine, hips and hands.');
    },
    forReminders: false,
    steps: [{ exercise: 'bird-dog' }, { exercise: 'bridge' }, { exercise: 'back-extension' }, { exercise: 'dead-hang' }],
  },
];
