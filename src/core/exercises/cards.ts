import { type ExerciseCard, type ExercisesPageData } from '../../shared/exercisesPage';
import { type ReduceMotion } from '../../shared/guards';
import { singular, t } from '../../shared/l10n';
import { CATEGORIES, type Category, type Dose, type Equipment, type Exercise, type Muscle, type Position, POSITIONS } from './model';
import { canDo, substitute } from './routines';

/** Labels are looked up when a page is built, in the language of that moment. */
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

/** A dose in a few words: "10 reps, 2 s hold", "Hold 20 s each side, 2 times", "30 s". */
export function formatDose(dose: Dose): string {
  const side = dose.perSide ? t(' each side') : '';
  const sets = dose.sets > 1 ? t(', {0} sets', dose.sets) : '';
  switch (dose.kind) {
    case 'reps':
      return `${t(singular(dose.reps) ? '{0} rep' : '{0} reps', dose.reps)}${dose.holdSeconds ? t(', {0} s hold', dose.holdSeconds) : ''}${side}${sets}`;
    case 'hold':
      return `${t('Hold {0} s', dose.seconds)}${side}${dose.sets > 1 ? t(', {0} times', dose.sets) : ''}`;
    case 'timed':
      return `${t('{0} s', dose.seconds)}${side}${sets}`;
  }
}

/** How fast a picture of this dose moves: a rep at its tempo; a hold eases in, stays, eases out. */
export function animationTempo(dose: Dose): { secondsPerRep: number; holdSeconds: number } {
  switch (dose.kind) {
    case 'reps':
      return { secondsPerRep: dose.secondsPerRep, holdSeconds: dose.holdSeconds ?? 0 };
    case 'hold':
      return { secondsPerRep: 6, holdSeconds: 3 };
    case 'timed':
      return { secondsPerRep: 3, holdSeconds: 0 };
  }
}

/** The page's data: every exercise as a card, for a person who owns `owned`. */
export function exercisesPageData(
  library: readonly Exercise[],
  owned: readonly Equipment[],
  reduceMotion: ReduceMotion,
): ExercisesPageData {
  const byId = new Map(library.map((e) => [e.id, e]));
  const have = new Set(owned);
  const allPositions = new Set<Position>(POSITIONS);
  const exercises = library.map((e): ExerciseCard => {
    const doable = canDo(e, have);
    const standIn = doable
      ? undefined
      : (substitute(e, byId, have, new Set(e.positions.length > 0 ? e.positions : allPositions)) ??
        substitute(e, byId, have, allPositions));
    return {
      id: e.id,
      name: e.name,
      category: e.category,
      categoryLabel: categoryLabel(e.category),
      positions: e.positions,
      positionLabels: e.positions.map(positionLabel),
      equipmentLabels: e.equipment.map(equipmentLabel),
      muscleLabels: e.muscles.map(muscleLabel),
      summary: e.summary,
      steps: e.steps,
      cues: e.cues,
      caution: e.caution,
      doseText: formatDose(e.fullDose ?? e.dose),
      tempo: animationTempo(e.dose),
      canDo: doable,
      ...(standIn ? { standIn: { id: standIn.id, name: standIn.name } } : {}),
    };
  });
  const ownedLabels = owned.map(equipmentLabel);
  return {
    exercises,
    categories: CATEGORIES.map((id) => ({ id, label: categoryLabel(id) })),
    positions: POSITIONS.map((id) => ({ id, label: positionLabel(id) })),
    equipmentSummary: ownedLabels.length === 0 ? t('Your equipment: none') : t('Your equipment: {0}', ownedLabels.join(', ')),
    reduceMotion,
  };
}
