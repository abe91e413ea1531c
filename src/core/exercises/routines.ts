import { alternates, type Dose, EQUIPMENT, type Equipment, type Exercise, type Position, repSeconds } from './model';
import { DEFAULT_ROUTINE_ID } from './routineIds';

/** One step of a routine: an exercise, with the dose overridden where the routine says so. */
export interface RoutineStep {
  readonly exercise: string;
  readonly reps?: number;
  /** For a `hold` or `timed` dose: its seconds. */
  readonly seconds?: number;
  readonly sets?: number;
}

export interface Routine {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  /** Offered by reminders: seated and standing moves only, the gentle doses. */
  readonly forReminders: boolean;
  readonly steps: readonly RoutineStep[];
}

/** Seconds between two exercises: time to read the next step and get into position. */
export const TRANSITION_SECONDS = 5;

export { DEFAULT_ROUTINE_ID };

/** A routine as the data files hold it: the fields a reader relies on (a summary is only shown). */
export function isRoutineShaped(v: unknown): v is Routine {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  // A step naming no known exercise is skipped when the routine is resolved, as a custom routine's is.
  return typeof r.id === 'string' && typeof r.name === 'string' && Array.isArray(r.steps);
}

/** A routine step made concrete for one person: the exercise they can do, and its dose. */
export interface ResolvedStep {
  readonly exercise: Exercise;
  readonly dose: Dose;
  /** The exercise the routine named, when it was swapped for lack of equipment. */
  readonly replaces?: Exercise;
  readonly seconds: number;
}

export interface ResolvedRoutine {
  readonly routine: Routine;
  readonly steps: readonly ResolvedStep[];
  /** Routine steps that could not be resolved (unknown exercise, nothing doable): skipped. */
  readonly skipped: readonly { readonly exercise: string; readonly reason: 'unknownExercise' | 'noSubstitute' }[];
  readonly seconds: number;
}

export function canDo(exercise: Exercise, owned: ReadonlySet<Equipment>): boolean {
  return exercise.equipment.every((e) => owned.has(e));
}

/**
 * The exercise to do in place of `exercise`: itself if the person has what it needs, else the first
 * doable one along its substitutes (breadth first, best first), in an allowed position.
 */
export function substitute(
  exercise: Exercise,
  byId: ReadonlyMap<string, Exercise>,
  owned: ReadonlySet<Equipment>,
  positions: ReadonlySet<Position>,
): Exercise | undefined {
  const fits = (e: Exercise): boolean => canDo(e, owned) && e.positions.some((p) => positions.has(p));
  if (fits(exercise)) return exercise;
  const seen = new Set([exercise.id]);
  const queue = [...(exercise.substitutes ?? [])];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    const candidate = byId.get(id);
    if (!candidate) continue;
    if (fits(candidate)) return candidate;
    queue.push(...(candidate.substitutes ?? []));
  }
  return undefined;
}

/** Seconds one pass of a dose takes: every set and side, with the rests between them. */
export function doseSeconds(dose: Dose): number {
  const work = dose.kind === 'reps' ? dose.reps * repSeconds(dose) : dose.seconds;
  const rounds = dose.sets * (dose.perSide && !alternates(dose) ? 2 : 1);
  return rounds * work + (rounds - 1) * dose.restSeconds;
}

function applyOverrides(dose: Dose, step: RoutineStep): Dose {
  const sets = step.sets ?? dose.sets;
  if (dose.kind === 'reps') return { ...dose, reps: step.reps ?? dose.reps, sets };
  return { ...dose, seconds: step.seconds ?? dose.seconds, sets };
}

export interface ResolveOptions {
  readonly equipment: readonly Equipment[];
  /** Reminders use the gentle dose; routines started by hand the full one where there is one. */
  readonly intensity: 'gentle' | 'full';
  /** Progression: this many more sets of every step (at most 5 sets in all). */
  readonly extraSets?: number;
  /** Seated and standing moves only (a reminder started it); floor moves are swapped or skipped. */
  readonly deskOnly?: boolean;
}

/**
 * The break routines (offered by reminders, about two minutes) always use the gentle doses, however
 * they are started; the longer routines and single exercises started by hand use the fuller ones.
 */
export function intensityFor(routine: Routine, fromReminder: boolean): 'gentle' | 'full' {
  return fromReminder || routine.forReminders ? 'gentle' : 'full';
}

/** After this many completions of a routine, one more set is offered. */
export const PROGRESSION_COMPLETIONS = 5;

/** Makes a routine concrete: substitutions for missing equipment, doses, and how long it takes. */
export function resolveRoutine(routine: Routine, library: readonly Exercise[], options: ResolveOptions): ResolvedRoutine {
  const byId = new Map(library.map((e) => [e.id, e]));
  const owned = new Set(options.equipment.filter((e) => (EQUIPMENT as readonly string[]).includes(e)));
  const positions = new Set<Position>(routine.forReminders || options.deskOnly ? ['seated', 'standing'] : ['seated', 'standing', 'floor']);
  const steps: ResolvedStep[] = [];
  const skipped: ResolvedRoutine['skipped'][number][] = [];
  for (const step of routine.steps) {
    const named = byId.get(step.exercise);
    if (!named) {
      skipped.push({ exercise: step.exercise, reason: 'unknownExercise' });
      continue;
    }
    const exercise = substitute(named, byId, owned, positions);
    if (!exercise) {
      skipped.push({ exercise: step.exercise, reason: 'noSubstitute' });
      continue;
    }
    const base = options.intensity === 'full' ? (exercise.fullDose ?? exercise.dose) : exercise.dose;
    // Overrides are written for the named exercise; a stand-in keeps its own dose.
    const overridden = exercise === named ? applyOverrides(base, step) : base;
    const dose = options.extraSets ? { ...overridden, sets: Math.min(5, overridden.sets + options.extraSets) } : overridden;
    steps.push({ exercise, dose, seconds: doseSeconds(dose), ...(exercise === named ? {} : { replaces: named }) });
  }
  const seconds = steps.reduce((sum, s) => sum + s.seconds, 0) + Math.max(0, steps.length - 1) * TRANSITION_SECONDS;
  return { routine, steps, skipped, seconds };
}
