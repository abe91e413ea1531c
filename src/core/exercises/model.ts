/**
 * The exercise library's shape. The data lives in `library.ts`; everything here is plain data so the
 * host, the webviews and the tests read the same thing, and `validateLibrary` checks it.
 */

/** Equipment a person may own (`upright.equipment`). Everyday things (a wall, a door, a chair) are not equipment. */
export const EQUIPMENT = ['band', 'dumbbells', 'barbell', 'pullUpBar'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const POSITIONS = ['seated', 'standing', 'floor'] as const;
export type Position = (typeof POSITIONS)[number];

export const CATEGORIES = ['warmUp', 'row', 'posture', 'lowerBack', 'grip', 'stretch'] as const;
export type Category = (typeof CATEGORIES)[number];

export const MUSCLES = [
  'neck',
  'upperTrapezius',
  'middleTrapezius',
  'lowerTrapezius',
  'levatorScapulae',
  'rhomboids',
  'rearDeltoids',
  'rotatorCuff',
  'latissimus',
  'deepNeckFlexors',
  'chest',
  'thoracicSpine',
  'spinalErectors',
  'glutes',
  'hamstrings',
  'hips',
  'core',
  'forearms',
  'shoulders',
] as const;
export type Muscle = (typeof MUSCLES)[number];

/**
 * How much of an exercise to do.
 * - `reps`: `reps` repetitions, each taking `secondsPerRep` (the tempo the picture moves at), with an
 *   optional `holdSeconds` pause at the end position included in `secondsPerRep`.
 * - `hold`: one static hold of `seconds` (a stretch, a plank).
 * - `timed`: moving continuously for `seconds` (circles, rolls, a carry).
 * `perSide`: the dose is done once on each side. `sets` and `restSeconds` (between sets and sides).
 * `alternate` (reps done on each side): the sides take turns rep by rep, left then right, in one go
 *   with no rest between them, rather than all of one side's reps and then the other's. `reps`,
 *   `secondsPerRep` and `holdSeconds` stay those of one side, so one rep on both sides takes twice as long.
 * `source`: where the dose comes from, e.g. "seed article" or "physio guidance (dosage.md)".
 */
export type Dose =
  | {
      readonly kind: 'reps';
      readonly reps: number;
      readonly secondsPerRep: number;
      readonly holdSeconds?: number;
      readonly sets: number;
      readonly perSide: boolean;
      readonly alternate?: boolean;
      readonly restSeconds: number;
      readonly source: string;
    }
  | {
      readonly kind: 'hold';
      readonly seconds: number;
      readonly sets: number;
      readonly perSide: boolean;
      readonly restSeconds: number;
      readonly source: string;
    }
  | {
      readonly kind: 'timed';
      readonly seconds: number;
      readonly sets: number;
      readonly perSide: boolean;
      readonly restSeconds: number;
      readonly source: string;
    };

export interface Exercise {
  /** kebab-case, stable: settings (`customRoutines`) and history refer to it. */
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** Every position it can be done in; the first is the one the illustration shows. */
  readonly positions: readonly Position[];
  /** All of these are needed; empty = no equipment. */
  readonly equipment: readonly Equipment[];
  readonly muscles: readonly Muscle[];
  /** A one-line summary for cards and lists. */
  readonly summary: string;
  /** 3–5 short steps, each one sentence, in the order a person does them. */
  readonly steps: readonly string[];
  /** 1–3 short form cues ("chin level, not down"). */
  readonly cues: readonly string[];
  /** One caution: what to avoid or when to stop. */
  readonly caution: string;
  /** The gentler dose, used when a reminder offers it. */
  readonly dose: Dose;
  /** A fuller dose for routines started by hand, where guidance gives one. */
  readonly fullDose?: Dose;
  /**
   * For an exercise that needs equipment: ids of exercises that train the same thing with less, best
   * first. Substitution walks this list (transitively) until it finds one the person can do.
   */
  readonly substitutes?: readonly string[];
}

/** Done on each side by taking turns, rep by rep, in one go. */
export function alternates(dose: Dose): boolean {
  return dose.kind === 'reps' && dose.perSide && dose.alternate === true;
}

/** Seconds one rep takes as it is done: for sides taken in turn, a rep on each side. */
export function repSeconds(dose: Dose & { readonly kind: 'reps' }): number {
  return dose.secondsPerRep * (alternates(dose) ? 2 : 1);
}
