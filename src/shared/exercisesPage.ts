import { isObject, isString, isStrings, type ReduceMotion } from './guards';

/**
 * The contract between the host and the Browse Exercises page: the data the page draws, and the
 * messages each side sends. The page gets text ready to show (labels, dose) so it needs no library.
 */

export const EXERCISES_VIEW_TYPE = 'upright.exercises';

export interface ExerciseCard {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly categoryLabel: string;
  /** Position ids (seated, standing, floor) and their labels, in the same order. */
  readonly positions: readonly string[];
  readonly positionLabels: readonly string[];
  /** What it needs; empty when nothing. */
  readonly equipmentLabels: readonly string[];
  readonly muscleLabels: readonly string[];
  readonly summary: string;
  readonly steps: readonly string[];
  readonly cues: readonly string[];
  readonly caution: string;
  readonly doseText: string;
  /** How fast the picture moves: one rep, with the hold at its end. */
  readonly tempo: { readonly secondsPerRep: number; readonly holdSeconds: number };
  /** The person has what it needs (`upright.equipment`). */
  readonly canDo: boolean;
  /** When they don't: what routines use in its place. */
  readonly standIn?: { readonly id: string; readonly name: string };
}

export interface ExercisesPageData {
  readonly exercises: readonly ExerciseCard[];
  readonly categories: readonly { readonly id: string; readonly label: string }[];
  readonly positions: readonly { readonly id: string; readonly label: string }[];
  /** "Your equipment: resistance band". */
  readonly equipmentSummary: string;
  /** Ask a doctor or physical therapist first if you have a condition. */
  readonly conditionNote: string;
  /** `workbench.reduceMotion`; 'auto' follows the operating system. */
  readonly reduceMotion: ReduceMotion;
}

export type ToExercisesPage = { readonly type: 'update'; readonly data: ExercisesPageData };

export type FromExercisesPage =
  { readonly type: 'ready' } | { readonly type: 'changeEquipment' } | { readonly type: 'start'; readonly exerciseId: string };

/** Accepts exactly the messages the page may send; anything else is undefined (ignored and logged). */
export function parseFromExercisesPage(raw: unknown): FromExercisesPage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const keys = Object.keys(raw);
  const { type, exerciseId } = raw as { type?: unknown; exerciseId?: unknown };
  if (type === 'start' && keys.length === 2 && typeof exerciseId === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(exerciseId))
    return { type, exerciseId };
  if (keys.length !== 1) return undefined;
  if (type === 'ready' || type === 'changeEquipment') return { type };
  return undefined;
}

function isCard(v: unknown): v is ExerciseCard {
  if (!isObject(v)) return false;
  const tempo = v.tempo;
  return (
    ['id', 'name', 'category', 'categoryLabel', 'summary', 'caution', 'doseText'].every((k) => isString(v[k])) &&
    ['positions', 'positionLabels', 'equipmentLabels', 'muscleLabels', 'steps', 'cues'].every((k) => isStrings(v[k])) &&
    typeof v.canDo === 'boolean' &&
    isObject(tempo) &&
    typeof tempo.secondsPerRep === 'number' &&
    tempo.secondsPerRep > 0 &&
    typeof tempo.holdSeconds === 'number' &&
    (v.standIn === undefined || (isObject(v.standIn) && isString(v.standIn.id) && isString(v.standIn.name)))
  );
}

/** The page's check of what the host sends (and of its start-up data). */
export function parseExercisesPageData(v: unknown): ExercisesPageData | undefined {
  if (!isObject(v) || !Array.isArray(v.exercises) || !v.exercises.every(isCard)) return undefined;
  const isChoice = (c: unknown): boolean => isObject(c) && isString(c.id) && isString(c.label);
  if (!Array.isArray(v.categories) || !v.categories.every(isChoice) || !Array.isArray(v.positions) || !v.positions.every(isChoice))
    return undefined;
  if (
    !isString(v.equipmentSummary) ||
    !isString(v.conditionNote) ||
    (v.reduceMotion !== 'on' && v.reduceMotion !== 'off' && v.reduceMotion !== 'auto')
  )
    return undefined;
  return v as unknown as ExercisesPageData;
}

export function parseToExercisesPage(raw: unknown): ToExercisesPage | undefined {
  if (!isObject(raw) || raw.type !== 'update') return undefined;
  const data = parseExercisesPageData(raw.data);
  return data ? { type: 'update', data } : undefined;
}
