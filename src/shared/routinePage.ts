import { isCount, isMs, isObject, isString, isStrings, type ReduceMotion } from './guards';

/**
 * The contract between the host and the routine page. The host owns the clock and the player; the page
 * draws what it is told: the time left in the current segment, from which it counts down on its own.
 */

export const ROUTINE_VIEW_TYPE = 'upright.routine';

export interface RoutineStepView {
  readonly exerciseId: string;
  readonly name: string;
  readonly summary: string;
  readonly muscleLabels: readonly string[];
  readonly steps: readonly string[];
  readonly caution: string;
  readonly doseText: string;
  readonly kind: 'reps' | 'hold' | 'timed';
  /** For reps: how many, and how long one takes (the picture moves at this tempo). */
  readonly reps: number | null;
  readonly tempo: { readonly secondsPerRep: number; readonly holdSeconds: number };
  /** The exercise the routine named, when this one stands in for it. */
  readonly replaces: string | null;
}

export interface SegmentView {
  readonly kind: 'ready' | 'work' | 'rest';
  readonly step: number;
  readonly set: number;
  readonly sets: number;
  /** One side, both sides taking turns, or none. */
  readonly side: 'left' | 'right' | 'alternating' | null;
  readonly durationMs: number;
}

export interface RoutinePageData {
  readonly routineId: string;
  /** Set when a single exercise was started. */
  readonly exerciseId: string | null;
  readonly fromReminder: boolean;
  /** Shown as text, never as markup (custom routines carry user text). */
  readonly routineName: string;
  readonly steps: readonly RoutineStepView[];
  readonly segments: readonly SegmentView[];
  readonly reduceMotion: ReduceMotion;
  /** A soft cue at each exercise and at the end (`upright.sound`). */
  readonly sound: boolean;
  /** News for a move while something ran: that it has finished (shown as text). */
  readonly note?: string | null;
  /** On the first routine a person does: ask a doctor or physical therapist first if they have a condition. */
  readonly conditionNote: string | null;
}

/** The player at one moment. `remainingMs` is measured when the host sends it. */
export interface PlayerSnapshot {
  readonly segment: number;
  readonly status: 'running' | 'paused' | 'finished';
  readonly remainingMs: number;
  readonly early: boolean;
  /** Work segments done so far (kept by the page so a reload keeps them). */
  readonly done: readonly number[];
  readonly completedSteps: readonly number[];
  readonly progress: number;
}

/** The id of a routine that is a move while something runs (what completes it is exercise, not a break). */
export const MOVE_ROUTINE_PREFIX = 'move-while-waiting:';

export type ToRoutinePage =
  | { readonly type: 'routine'; readonly data: RoutinePageData; readonly player: PlayerSnapshot }
  | { readonly type: 'player'; readonly player: PlayerSnapshot };

export const CONTROL_ACTIONS = ['pause', 'resume', 'next', 'back', 'finish', 'close'] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export type FromRoutinePage = { readonly type: 'ready' } | { readonly type: 'control'; readonly action: ControlAction };

/** What the page keeps with `setState`, so a reload can put the routine back where it was. */
export interface RoutinePageState {
  readonly routineId: string;
  readonly exerciseId: string | null;
  readonly fromReminder: boolean;
  readonly segment: number;
  readonly status: 'running' | 'paused' | 'finished';
  /** Wall time the segment ends (running) or the time left (paused), as last known. */
  readonly endsAtWallMs: number | null;
  readonly remainingMs: number;
  readonly doneSegments: readonly number[];
}

export function parseFromRoutinePage(raw: unknown): FromRoutinePage | undefined {
  if (!isObject(raw)) return undefined;
  const keys = Object.keys(raw);
  if (raw.type === 'ready' && keys.length === 1) return { type: 'ready' };
  if (raw.type === 'control' && keys.length === 2 && (CONTROL_ACTIONS as readonly unknown[]).includes(raw.action))
    return { type: 'control', action: raw.action as ControlAction };
  return undefined;
}

function isPlayer(v: unknown): v is PlayerSnapshot {
  return (
    isObject(v) &&
    isCount(v.segment) &&
    (v.status === 'running' || v.status === 'paused' || v.status === 'finished') &&
    isMs(v.remainingMs) &&
    typeof v.early === 'boolean' &&
    Array.isArray(v.done) &&
    v.done.every(isCount) &&
    Array.isArray(v.completedSteps) &&
    v.completedSteps.every(isCount) &&
    typeof v.progress === 'number' &&
    v.progress >= 0 &&
    v.progress <= 1
  );
}

function isStep(v: unknown): v is RoutineStepView {
  if (!isObject(v) || !isObject(v.tempo)) return false;
  return (
    ['exerciseId', 'name', 'summary', 'caution', 'doseText'].every((k) => isString(v[k])) &&
    isStrings(v.muscleLabels) &&
    isStrings(v.steps) &&
    (v.kind === 'reps' || v.kind === 'hold' || v.kind === 'timed') &&
    (v.reps === null || isCount(v.reps)) &&
    typeof v.tempo.secondsPerRep === 'number' &&
    v.tempo.secondsPerRep > 0 &&
    isMs(v.tempo.holdSeconds) &&
    (v.replaces === null || isString(v.replaces))
  );
}

function isSegment(v: unknown, steps: number): v is SegmentView {
  return (
    isObject(v) &&
    (v.kind === 'ready' || v.kind === 'work' || v.kind === 'rest') &&
    isCount(v.step) &&
    v.step < steps &&
    isCount(v.set) &&
    isCount(v.sets) &&
    (v.side === null || v.side === 'left' || v.side === 'right' || v.side === 'alternating') &&
    isMs(v.durationMs)
  );
}

export function parseToRoutinePage(raw: unknown): ToRoutinePage | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'player') return isPlayer(raw.player) ? { type: 'player', player: raw.player } : undefined;
  if (raw.type !== 'routine' || !isPlayer(raw.player) || !isObject(raw.data)) return undefined;
  const d = raw.data;
  if (
    !isString(d.routineId) ||
    !(d.exerciseId === null || isString(d.exerciseId)) ||
    typeof d.fromReminder !== 'boolean' ||
    !isString(d.routineName) ||
    !Array.isArray(d.steps) ||
    !d.steps.every(isStep)
  )
    return undefined;
  const stepCount = d.steps.length;
  if (
    !Array.isArray(d.segments) ||
    !d.segments.every((s) => isSegment(s, stepCount)) ||
    !(d.reduceMotion === 'on' || d.reduceMotion === 'off' || d.reduceMotion === 'auto') ||
    typeof d.sound !== 'boolean' ||
    !(d.note === undefined || d.note === null || isString(d.note)) ||
    !(d.conditionNote === null || isString(d.conditionNote))
  )
    return undefined;
  return { type: 'routine', data: d as unknown as RoutinePageData, player: raw.player };
}

/** Reads what a page kept, for restoring after a reload; undefined when it is not a routine state. */
export function parseRoutinePageState(v: unknown): RoutinePageState | undefined {
  if (!isObject(v) || !isString(v.routineId) || !(v.exerciseId === null || isString(v.exerciseId)) || typeof v.fromReminder !== 'boolean')
    return undefined;
  if (!isCount(v.segment) || !(v.status === 'running' || v.status === 'paused' || v.status === 'finished')) return undefined;
  if (
    !(v.endsAtWallMs === null || isMs(v.endsAtWallMs)) ||
    !isMs(v.remainingMs) ||
    !Array.isArray(v.doneSegments) ||
    !v.doneSegments.every(isCount)
  )
    return undefined;
  return v as unknown as RoutinePageState;
}
