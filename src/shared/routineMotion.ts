/**
 * When the routine page moves. A page that sits beside the editor for minutes must cost little to
 * watch: the count and its ring change only when a number shown changes (a second, a rep), and the
 * figure moves only while its exercise is being done in sight. Pure, so the rules are tested apart.
 */

export interface MotionState {
  readonly status: 'running' | 'paused' | 'finished';
  readonly segmentKind: 'ready' | 'work' | 'rest';
  /** The page is on screen (`document.visibilityState`). */
  readonly visible: boolean;
  /** Reduced motion: the key poses stand side by side, nothing to move. */
  readonly still: boolean;
}

/**
 * How often the moving figure is redrawn. A rep takes seconds, so a dozen poses a second read as
 * motion, at a fifth of what redrawing on every frame costs.
 */
export const FIGURE_FRAMES_PER_SECOND = 12;

/** The figure moves only while its exercise runs in sight: it rests while getting ready, on rests, paused, on the summary and out of sight. */
export function figureMoves(state: MotionState): boolean {
  return !state.still && state.visible && state.status === 'running' && state.segmentKind === 'work';
}

/**
 * How long until the count must be drawn again: when the seconds shown change, or the rep (for reps,
 * every `msPerRep` from the segment's start). `undefined` when nothing will change on its own (paused,
 * finished, out of sight, or at the segment's end, which the host announces).
 */
export function msToNextCount(state: MotionState, remainingMs: number, durationMs: number, msPerRep?: number): number | undefined {
  if (!state.visible || state.status !== 'running' || remainingMs <= 0) return undefined;
  // The shown second is ceil(remaining / 1000): it changes once the remaining time drops past a whole second.
  const toSecond = remainingMs - (Math.ceil(remainingMs / 1000) - 1) * 1000;
  let next = toSecond;
  if (msPerRep !== undefined && msPerRep > 0 && state.segmentKind === 'work') {
    const elapsed = Math.max(0, durationMs - remainingMs);
    next = Math.min(next, (Math.floor(elapsed / msPerRep) + 1) * msPerRep - elapsed);
  }
  return Math.max(1, next);
}

/**
 * How long until the moving figure's next pose, `elapsedMs` into its exercise: a frame's time while it
 * moves, the rest of a hold (`stillSpans`, fractions of a rep) while it stands still.
 */
export function msToNextPose(elapsedMs: number, msPerRep: number, stillSpans: readonly (readonly [number, number])[]): number {
  const frameMs = 1000 / FIGURE_FRAMES_PER_SECOND;
  if (!(msPerRep > 0)) return frameMs;
  const phase = (elapsedMs % msPerRep) / msPerRep;
  const hold = stillSpans.find(([from, to]) => phase >= from && phase < to);
  return hold ? Math.max(frameMs, (hold[1] - phase) * msPerRep) : frameMs;
}
