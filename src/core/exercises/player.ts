import { type CompletedExercise } from '../days';
import { alternates, type Dose, repSeconds } from './model';
import { type ResolvedRoutine, TRANSITION_SECONDS } from './routines';

export type Side = 'left' | 'right';
/** The side a work segment is done on: one side, both in turn, or no side at all. */
export type SegmentSide = Side | 'alternating' | null;

/** One stretch of time in a routine: doing an exercise, resting between sets or sides, or getting ready. */
export interface Segment {
  readonly kind: 'ready' | 'work' | 'rest';
  /** The routine step this belongs to (for `ready`: the step about to start). */
  readonly step: number;
  readonly set: number;
  readonly sets: number;
  readonly side: SegmentSide;
  readonly durationMs: number;
}

/** Seconds to get into position before the first exercise (time to read the safety line too). */
export const FIRST_READY_SECONDS = 8;

/** A work segment skipped after at least this share of it was done still counts as done. */
const DONE_SHARE = 0.5;

function workMs(dose: Dose): number {
  return (dose.kind === 'reps' ? dose.reps * repSeconds(dose) : dose.seconds) * 1000;
}

/** The routine as a timeline: get ready, then every set and side of every step, with rests between. */
export function segmentsOf(routine: ResolvedRoutine): Segment[] {
  const out: Segment[] = [];
  routine.steps.forEach((step, i) => {
    const dose = step.dose;
    out.push({
      kind: 'ready',
      step: i,
      set: 1,
      sets: dose.sets,
      side: null,
      durationMs: (i === 0 ? FIRST_READY_SECONDS : TRANSITION_SECONDS) * 1000,
    });
    const sides: SegmentSide[] = alternates(dose) ? ['alternating'] : dose.perSide ? ['left', 'right'] : [null];
    for (let set = 1; set <= dose.sets; set++) {
      sides.forEach((side, s) => {
        if ((set > 1 || s > 0) && dose.restSeconds > 0)
          out.push({ kind: 'rest', step: i, set, sets: dose.sets, side, durationMs: dose.restSeconds * 1000 });
        out.push({ kind: 'work', step: i, set, sets: dose.sets, side, durationMs: workMs(dose) });
      });
    }
  });
  return out;
}

/** Where a routine is: plain data, so it survives a reload (the page keeps it) and crosses to the page. */
export interface PlayerState {
  readonly segment: number;
  readonly status: 'running' | 'paused' | 'finished';
  /** When the current segment ends, while running, on the clock the player is given (the host's monotonic one). */
  readonly endsAtMs: number | null;
  /** Time left in the current segment, while paused. */
  readonly remainingMs: number | null;
  /** Work segments done (ran out, or skipped after half of it). */
  readonly done: readonly number[];
  /** Finished before the last segment ended. */
  readonly early: boolean;
}

export function startPlayer(segments: readonly Segment[], nowMs: number): PlayerState {
  const first = segments[0];
  if (!first) return { segment: 0, status: 'finished', endsAtMs: null, remainingMs: null, done: [], early: false };
  return { segment: 0, status: 'running', endsAtMs: nowMs + first.durationMs, remainingMs: null, done: [], early: false };
}

function remaining(state: PlayerState, nowMs: number): number {
  if (state.status === 'paused') return state.remainingMs ?? 0;
  if (state.status === 'running') return Math.max(0, (state.endsAtMs ?? nowMs) - nowMs);
  return 0;
}

function moveTo(segments: readonly Segment[], state: PlayerState, index: number, startMs: number, done: readonly number[]): PlayerState {
  const target = segments[index];
  if (!target) return { ...state, segment: segments.length - 1, status: 'finished', endsAtMs: null, remainingMs: null, done };
  if (state.status === 'paused') return { ...state, segment: index, remainingMs: target.durationMs, endsAtMs: null, done };
  return { ...state, segment: index, status: 'running', endsAtMs: startMs + target.durationMs, remainingMs: null, done };
}

/**
 * Brings the player up to `nowMs`: every segment whose end has passed is completed, in order, even if
 * nobody was looking (a hidden panel, a reload, a busy host), so the routine never drifts.
 */
export function tick(segments: readonly Segment[], state: PlayerState, nowMs: number): PlayerState {
  let s = state;
  while (s.status === 'running' && s.endsAtMs !== null && s.endsAtMs <= nowMs) {
    const current = segments[s.segment];
    const done = current?.kind === 'work' ? [...s.done, s.segment] : s.done;
    s = moveTo(segments, s, s.segment + 1, s.endsAtMs, done);
  }
  return s;
}

export function pause(segments: readonly Segment[], state: PlayerState, nowMs: number): PlayerState {
  const s = tick(segments, state, nowMs);
  if (s.status !== 'running') return s;
  return { ...s, status: 'paused', remainingMs: remaining(s, nowMs), endsAtMs: null };
}

export function resume(segments: readonly Segment[], state: PlayerState, nowMs: number): PlayerState {
  if (state.status !== 'paused') return tick(segments, state, nowMs);
  return { ...state, status: 'running', endsAtMs: nowMs + (state.remainingMs ?? 0), remainingMs: null };
}

/** Skips to the next segment. A work segment at least half done counts as done. */
export function next(segments: readonly Segment[], state: PlayerState, nowMs: number): PlayerState {
  const s = tick(segments, state, nowMs);
  if (s.status === 'finished') return s;
  const current = segments[s.segment];
  const elapsed = (current?.durationMs ?? 0) - remaining(s, nowMs);
  const done = current?.kind === 'work' && elapsed >= current.durationMs * DONE_SHARE ? [...s.done, s.segment] : s.done;
  return moveTo(segments, s, s.segment + 1, nowMs, done);
}

/**
 * Back: to the start of the current work segment if it has run a few seconds, otherwise to the start of
 * the previous work segment (rests and get-ready pauses are passed over).
 */
export function back(segments: readonly Segment[], state: PlayerState, nowMs: number): PlayerState {
  const s = tick(segments, state, nowMs);
  if (s.status === 'finished') return s;
  const current = segments[s.segment];
  const elapsed = (current?.durationMs ?? 0) - remaining(s, nowMs);
  let index = s.segment;
  if (!(current?.kind === 'work' && elapsed > 2000)) {
    index = s.segment - 1;
    while (index > 0 && segments[index]?.kind !== 'work') index--;
    if (index < 0) index = 0;
  }
  return moveTo(
    segments,
    s,
    index,
    nowMs,
    s.done.filter((d) => d < index),
  );
}

/** Stops now. The work segment under way counts if at least half of it was done. */
export function finish(segments: readonly Segment[], state: PlayerState, nowMs: number): PlayerState {
  const s = tick(segments, state, nowMs);
  if (s.status === 'finished') return s;
  const current = segments[s.segment];
  const elapsed = (current?.durationMs ?? 0) - remaining(s, nowMs);
  const done = current?.kind === 'work' && elapsed >= current.durationMs * DONE_SHARE ? [...s.done, s.segment] : s.done;
  return { ...s, status: 'finished', endsAtMs: null, remainingMs: null, done, early: true };
}

/** What the page and the status bar show at `nowMs`. */
export interface PlayerView {
  readonly segment: Segment | undefined;
  readonly remainingMs: number;
  readonly elapsedMs: number;
  /** For a work segment of reps: the rep under way (1-based), paced by the tempo (sides in turn: a rep on each). */
  readonly rep: number | null;
  readonly reps: number | null;
  /** The share of the whole routine behind us, 0..1. */
  readonly progress: number;
}

export function viewAt(segments: readonly Segment[], state: PlayerState, routine: ResolvedRoutine, nowMs: number): PlayerView {
  const segment = segments[state.segment];
  const left = remaining(state, nowMs);
  const elapsed = Math.max(0, (segment?.durationMs ?? 0) - left);
  let rep: number | null = null;
  let reps: number | null = null;
  const dose = segment ? routine.steps[segment.step]?.dose : undefined;
  if (segment?.kind === 'work' && dose?.kind === 'reps') {
    reps = dose.reps;
    rep = Math.min(dose.reps, Math.floor(elapsed / (repSeconds(dose) * 1000)) + 1);
  }
  const total = segments.reduce((n, s) => n + s.durationMs, 0);
  const before = segments.slice(0, state.segment).reduce((n, s) => n + s.durationMs, 0);
  const progress = state.status === 'finished' && !state.early ? 1 : total > 0 ? Math.min(1, (before + elapsed) / total) : 1;
  return { segment, remainingMs: left, elapsedMs: elapsed, rep, reps, progress };
}

/** Routine steps whose every work segment was done: the exercises completed. */
/**
 * The exercises of the completed steps, each with its time: the work of its sets and sides (rests and
 * getting ready are not exercise time).
 */
export function completedExercises(routine: ResolvedRoutine, segments: readonly Segment[], state: PlayerState): CompletedExercise[] {
  return completedSteps(segments, state).flatMap((step) => {
    const exercise = routine.steps[step]?.exercise;
    if (!exercise) return [];
    const ms = segments.reduce((sum, s) => (s.kind === 'work' && s.step === step ? sum + s.durationMs : sum), 0);
    return [{ id: exercise.id, ms }];
  });
}

export function completedSteps(segments: readonly Segment[], state: PlayerState): number[] {
  const done = new Set(state.done);
  const byStep = new Map<number, boolean>();
  segments.forEach((s, i) => {
    if (s.kind !== 'work') return;
    byStep.set(s.step, (byStep.get(s.step) ?? true) && done.has(i));
  });
  return [...byStep].filter(([, all]) => all).map(([step]) => step);
}
