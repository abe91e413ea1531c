import { type ExerciseCard, type ExercisesPageData, type ReduceMotion } from '../../shared/exercisesPage';
import { type Category, CATEGORIES, type Dose, type Equipment, type Exercise, type Muscle, type Position, POSITIONS } from './model';
import { canDo, substitute } from './routines';

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  warmUp: 'Warm-up',
  row: 'Rows',
  posture: 'Posture',
  lowerBack: 'Lower back',
  grip: 'Grip',
  stretch: 'Stretches',
};

export const POSITION_LABELS: Readonly<Record<Position, string>> = { seated: 'Seated', standing: 'Standing', floor: 'On the floor' };

export const EQUIPMENT_LABELS: Readonly<Record<Equipment, string>> = {
  band: 'resistance band',
  dumbbells: 'dumbbells',
  barbell: 'barbell',
  pullUpBar: 'pull-up bar',
};

export const MUSCLE_LABELS: Readonly<Record<Muscle, string>> = {
  neck: 'neck',
  upperTrapezius: 'upper trapezius',
  middleTrapezius: 'middle trapezius',
  lowerTrapezius: 'lower trapezius',
  levatorScapulae: 'levator scapulae',
  rhomboids: 'rhomboids',
  rearDeltoids: 'rear deltoids',
  rotatorCuff: 'rotator cuff',
  latissimus: 'latissimus dorsi',
  deepNeckFlexors: 'deep neck flexors',
  chest: 'chest',
  thoracicSpine: 'upper spine',
  spinalErectors: 'spinal erectors',
  glutes: 'glutes',
  hamstrings: 'hamstrings',
  hips: 'hips',
  core: 'core',
  forearms: 'forearms',
  shoulders: 'shoulders',
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A dose in a few words: "10 reps, 2 s hold", "Hold 20 s each side, 2 times", "30 s". */
export function formatDose(dose: Dose): string {
  const side = dose.perSide ? ' each side' : '';
  const sets = dose.sets > 1 ? `, ${plural(dose.sets, 'set', 'sets')}` : '';
  switch (dose.kind) {
    case 'reps':
      return `${plural(dose.reps, 'rep', 'reps')}${dose.holdSeconds ? `, ${dose.holdSeconds} s hold` : ''}${side}${sets}`;
    case 'hold':
      return `Hold ${dose.seconds} s${side}${dose.sets > 1 ? `, ${dose.sets} times` : ''}`;
    case 'timed':
      return `${dose.seconds} s${side}${sets}`;
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
export function exercisesPageData(library: readonly Exercise[], owned: readonly Equipment[], reduceMotion: ReduceMotion): ExercisesPageData {
  const byId = new Map(library.map((e) => [e.id, e]));
  const have = new Set(owned);
  const allPositions = new Set<Position>(POSITIONS);
  const exercises = library.map((e): ExerciseCard => {
    const doable = canDo(e, have);
    const standIn = doable ? undefined : substitute(e, byId, have, new Set(e.positions.length > 0 ? e.positions : allPositions)) ?? substitute(e, byId, have, allPositions);
    return {
      id: e.id,
      name: e.name,
      category: e.category,
      categoryLabel: CATEGORY_LABELS[e.category],
      positions: e.positions,
      positionLabels: e.positions.map((p) => POSITION_LABELS[p]),
      equipmentLabels: e.equipment.map((q) => EQUIPMENT_LABELS[q]),
      muscleLabels: e.muscles.map((m) => MUSCLE_LABELS[m]),
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
  const ownedLabels = owned.map((q) => EQUIPMENT_LABELS[q]);
  return {
    exercises,
    categories: CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })),
    positions: POSITIONS.map((id) => ({ id, label: POSITION_LABELS[id] })),
    equipmentSummary: ownedLabels.length === 0 ? 'Your equipment: none' : `Your equipment: ${ownedLabels.join(', ')}`,
    reduceMotion,
  };
}
