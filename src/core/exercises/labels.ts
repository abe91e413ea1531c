// The words for an exercise's kind, position, equipment and muscles, authored here and shipped as data:
// the build writes them, in each language, into the exercise library's files (dist/data/exercises*.json).
import { t } from '../../shared/l10n';
import { CATEGORIES, type Category, EQUIPMENT, type Equipment, type Muscle, MUSCLES, type Position, POSITIONS } from './model';

/** Each id's label, in one language. */
export interface ExerciseLabels {
  readonly category: Readonly<Record<Category, string>>;
  readonly position: Readonly<Record<Position, string>>;
  readonly equipment: Readonly<Record<Equipment, string>>;
  readonly muscle: Readonly<Record<Muscle, string>>;
}

export const categoryLabel = (c: Category): string =>
  ({ warmUp: t('Warm-up'), row: t('Rows'), posture: t('Posture'), lowerBack: t('Lower back'), grip: t('Grip'), stretch: t('Stretches') })[
    c
  ];

export const positionLabel = (p: Position): string => ({ seated: t('Seated'), standing: t('Standing'), floor: t('On the floor') })[p];

export const equipmentLabel = (q: Equipment): string =>
  ({ band: t('resistance band'), dumbbells: t('dumbbells'), barbell: t('barbell'), pullUpBar: t('pull-up bar') })[q];

export const muscleLabel = (m: Muscle): string =>
  ({
    neck: t('neck'),
    upperTrapezius: t('upper trapezius'),
    middleTrapezius: t('middle trapezius'),
    lowerTrapezius: t('lower trapezius'),
    levatorScapulae: t('levator scapulae'),
    rhomboids: t('rhomboids'),
    rearDeltoids: t('rear deltoids'),
    rotatorCuff: t('rotator cuff'),
    latissimus: t('latissimus dorsi'),
    deepNeckFlexors: t('deep neck flexors'),
    chest: t('chest'),
    thoracicSpine: t('upper spine'),
    spinalErectors: t('spinal erectors'),
    glutes: t('glutes'),
    hamstrings: t('hamstrings'),
    hips: t('hips'),
    core: t('core'),
    forearms: t('forearms'),
    shoulders: t('shoulders'),
  })[m];

/** Every label, in the language `t` speaks now (the build calls it once a language). */
export function exerciseLabels(): ExerciseLabels {
  const all = <K extends string>(ids: readonly K[], label: (id: K) => string): Record<K, string> =>
    Object.fromEntries(ids.map((id) => [id, label(id)])) as Record<K, string>;
  return {
    category: all(CATEGORIES, categoryLabel),
    position: all(POSITIONS, positionLabel),
    equipment: all(EQUIPMENT, equipmentLabel),
    muscle: all(MUSCLES, muscleLabel),
  };
}
