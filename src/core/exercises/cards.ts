import { type ExerciseCard, type ExercisesPageData } from '../../shared/exercisesPage';
import { type ReduceMotion } from '../../shared/guards';
import { singular, t } from '../../shared/l10n';
import { type ExerciseLabels } from './labels';
import { alternates, CATEGORIES, type Dose, type Equipment, type Exercise, type Position, POSITIONS, repSeconds } from './model';
import { canDo, substitute } from './routines';

/** A dose in a few words: "10 reps, 2 s hold", "Hold 20 s each side, 2 times", "5 reps each side, alternating", "30 s". */
export function formatDose(dose: Dose): string {
  const side = alternates(dose) ? t(' each side, alternating') : dose.perSide ? t(' each side') : '';
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

/**
 * How fast a picture of this dose moves: a rep at its tempo (sides in turn: one cycle shows a rep on
 * each side, with each side's hold); a hold eases in, stays, eases out.
 */
export function animationTempo(dose: Dose): { secondsPerRep: number; holdSeconds: number } {
  switch (dose.kind) {
    case 'reps':
      return { secondsPerRep: repSeconds(dose), holdSeconds: (dose.holdSeconds ?? 0) * (alternates(dose) ? 2 : 1) };
    case 'hold':
      return { secondsPerRep: 6, holdSeconds: 3 };
    case 'timed':
      return { secondsPerRep: 3, holdSeconds: 0 };
  }
}

/** General advice is no substitute for someone who knows the person's health: said in the pages, not only the README. */
export function conditionNote(): string {
  return t('Ask a doctor or physical therapist first if you have a health condition or an injury.');
}

/** For the routine page: the note while no routine has been done yet (`done`: the ledger's routine records). */
export function firstRoutineNote(done: Readonly<Record<string, unknown>>): string | null {
  return Object.keys(done).length === 0 ? conditionNote() : null;
}

/** The page's data: every exercise as a card, for a person who owns `owned`. */
export function exercisesPageData(
  library: readonly Exercise[],
  owned: readonly Equipment[],
  reduceMotion: ReduceMotion,
  labels: ExerciseLabels,
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
      categoryLabel: labels.category[e.category],
      positions: e.positions,
      positionLabels: e.positions.map((p) => labels.position[p]),
      equipmentLabels: e.equipment.map((q) => labels.equipment[q]),
      muscleLabels: e.muscles.map((m) => labels.muscle[m]),
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
  const ownedLabels = owned.map((q) => labels.equipment[q]);
  return {
    exercises,
    categories: CATEGORIES.map((id) => ({ id, label: labels.category[id] })),
    positions: POSITIONS.map((id) => ({ id, label: labels.position[id] })),
    equipmentSummary: ownedLabels.length === 0 ? t('Your equipment: none') : t('Your equipment: {0}', ownedLabels.join(', ')),
    conditionNote: conditionNote(),
    reduceMotion,
  };
}
