// Waits: how long each task and terminal command usually runs, learned from its recent runs, and the
// single move offered while one runs. Pure: the host measures, this decides.
import { MOVE_ROUTINE_PREFIX } from '../shared/routinePage';
import { alternates, type Equipment, type Exercise } from './exercises/model';
import { doseSeconds, type Routine } from './exercises/routines';

/** One task or command line, known by a hash (never its text), with its recent run times. */
export interface WaitRecord {
  readonly key: string;
  /** Seconds each recent run took, oldest first. */
  readonly runs: readonly number[];
}

/** A stored list of waits, as `recordRun` keeps it. */
export function isWaitRecords(v: unknown): v is WaitRecord[] {
  return (
    Array.isArray(v) &&
    v.length <= WAITS_KEPT &&
    v.every(
      (w: { key?: unknown; runs?: unknown }) =>
        typeof w === 'object' &&
        w !== null &&
        typeof w.key === 'string' &&
        w.key.length <= 32 &&
        Array.isArray(w.runs) &&
        w.runs.length <= RUNS_KEPT &&
        w.runs.every((r) => Number.isInteger(r) && r >= 0 && r <= RUN_CAP_SECONDS),
    )
  );
}

/** Runs kept for each: enough for a median that one odd run does not move. */
export const RUNS_KEPT = 5;
/** Tasks and command lines remembered, the least recently run forgotten first. */
export const WAITS_KEPT = 64;
/**
 * A run longer than this is not a wait. A watcher, a dev server or a REPL runs for hours and a person
 * works meanwhile; what someone sits and watches (a build, a test run, a deploy, an agent) ends in
 * minutes. A task VS Code knows as a background task is never a wait, whatever its runs took.
 */
export const LONGEST_WAIT_SECONDS = 15 * 60;
/** Stored runs are capped here: a run of hours is kept as "long", not as its exact length. */
const RUN_CAP_SECONDS = 24 * 60 * 60;

/**
 * A key for a task or a command line that does not keep its text: a 53-bit hash (cyrb53), the same in
 * the desktop and the browser host, written as 14 hex digits with a prefix saying what it names.
 */
export function waitKey(kind: 'task' | 'command', text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${kind === 'task' ? 't' : 'c'}${n.toString(16).padStart(14, '0')}`;
}

/** `waits` with one more run of `key`, which becomes the most recent; bounded in every way. */
export function recordRun(waits: readonly WaitRecord[], key: string, seconds: number): WaitRecord[] {
  if (!Number.isFinite(seconds) || seconds < 0) return [...waits];
  const run = Math.min(RUN_CAP_SECONDS, Math.round(seconds));
  const before = waits.find((w) => w.key === key);
  const runs = [...(before?.runs ?? []), run].slice(-RUNS_KEPT);
  return [...waits.filter((w) => w.key !== key), { key, runs }].slice(-WAITS_KEPT);
}

/**
 * How long a run of `key` is expected to take (seconds): the median of its recent runs, so one odd run
 * (a cold cache, a run stopped at once) does not decide. Undefined for one never run, and for one that
 * usually runs longer than a wait (a watcher, a server).
 */
export function expectedSeconds(waits: readonly WaitRecord[], key: string): number | undefined {
  const runs = waits.find((w) => w.key === key)?.runs;
  if (!runs || runs.length === 0) return undefined;
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return median > LONGEST_WAIT_SECONDS ? undefined : median;
}

/** Whether a wait is long enough for a move (`upright.moveWhileWaiting.minSeconds`). */
export function worthAMove(expected: number | undefined, minSeconds: number): expected is number {
  return expected !== undefined && expected >= minSeconds;
}

/**
 * The moves offered while something runs, in the order they come round: each done at the desk, seated or
 * standing, with no doorway, wall or floor, so that the person stays in reach of the screen. Posture
 * moves and stretches take turns.
 */
export const MOVES = [
  'chin-tuck',
  'scapular-squeeze',
  'upper-trap-stretch',
  'shoulder-rolls',
  'w-retraction',
  'levator-scapulae-stretch',
  'band-pull-apart',
  'overhead-reach',
  'rhomboid-stretch',
  'neck-rolls',
  'head-turn',
  'arm-circles',
] as const;

/** Seconds a move leaves for getting ready and for the end of the run. */
const MARGIN_SECONDS = 10;

/** A move sized to a wait: one exercise with its reps or seconds. */
export interface WaitMove {
  readonly exercise: Exercise;
  /** A routine of that one step, for the routine panel. */
  readonly routine: Routine;
  /** How long the move takes (seconds). */
  readonly seconds: number;
  /** Reps for an exercise done by repetitions (on each side where it has sides); undefined for a hold. */
  readonly reps: number | undefined;
}

export { MOVE_ROUTINE_PREFIX };

/**
 * The next move for a wait of `expected` seconds: the one after `lastId` in `MOVES` that the person can
 * do with what they own (so never the same twice in a row while there are two), sized to fill the wait
 * without running past it. Undefined when none can be done.
 */
export function moveFor(
  expected: number,
  lastId: string | null,
  library: readonly Exercise[],
  equipment: readonly Equipment[],
): WaitMove | undefined {
  const owned = new Set(equipment);
  const byId = new Map(library.map((e) => [e.id, e]));
  const doable = MOVES.map((id) => byId.get(id)).filter(
    (e): e is Exercise => e !== undefined && e.equipment.every((x) => owned.has(x)) && e.positions.some((p) => p !== 'floor'),
  );
  if (doable.length === 0) return undefined;
  const after = doable.findIndex((e) => e.id === lastId);
  const exercise = doable[(after + 1) % doable.length] as Exercise;
  const dose = exercise.dose;
  const sides = dose.perSide ? 2 : 1;
  // The rest between the two sides comes out of the wait too (sides taken in turn have none).
  const room = Math.max(15, expected - MARGIN_SECONDS - (dose.perSide && !alternates(dose) ? dose.restSeconds : 0));
  let step: Routine['steps'][number];
  let reps: number | undefined;
  if (dose.kind === 'reps') {
    reps = Math.max(3, Math.min(dose.reps * 2, Math.floor(room / sides / dose.secondsPerRep)));
    step = { exercise: exercise.id, reps, sets: 1 };
  } else {
    const seconds = Math.max(10, Math.min(dose.kind === 'hold' ? 45 : 60, Math.floor(room / sides / 5) * 5));
    step = { exercise: exercise.id, seconds, sets: 1 };
  }
  const seconds = doseSeconds(
    dose.kind === 'reps'
      ? { ...dose, reps: reps ?? dose.reps, sets: 1 }
      : { ...dose, seconds: (step as { seconds: number }).seconds, sets: 1 },
  );
  return {
    exercise,
    routine: {
      id: `${MOVE_ROUTINE_PREFIX}${exercise.id}`,
      name: exercise.name,
      summary: exercise.summary,
      forReminders: true,
      steps: [step],
    },
    seconds,
    reps,
  };
}
