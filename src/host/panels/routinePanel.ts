import type * as vscode from 'vscode';

import { type CompletedExercise } from '../../core/days';
import { animationTempo, firstRoutineNote, formatDose } from '../../core/exercises/cards';
import { type ExerciseLabels } from '../../core/exercises/labels';
import { type Exercise } from '../../core/exercises/model';
import {
  back,
  completedExercises,
  completedSteps,
  finish,
  next,
  pause,
  type PlayerState,
  resume,
  type Segment,
  segmentsOf,
  startPlayer,
  tick,
  viewAt,
} from '../../core/exercises/player';
import { intensityFor, type ResolvedRoutine, resolveRoutine, type Routine } from '../../core/exercises/routines';
import { PageInbox } from '../../core/pageInbox';
import { MOVE_ROUTINE_PREFIX } from '../../core/waits';
import { singular, t } from '../../shared/l10n';
import {
  parseFromRoutinePage,
  parseRoutinePageState,
  type PlayerSnapshot,
  ROUTINE_VIEW_TYPE,
  type RoutinePageData,
  type ToRoutinePage,
} from '../../shared/routinePage';
import { type HostClock } from '../clock';
import { type SettingsReader } from '../settingsReader';
import { type SessionStatusBar } from '../statusBar';
import { SinglePanel } from './panel';
import { reduceMotionSetting } from './webviewHtml';

const ROUTINE_PAGE = {
  viewType: ROUTINE_VIEW_TYPE,
  get title() {
    return t('Upright Routine');
  },
  script: 'dist/webview/routine.js',
  styles: ['media/page.css', 'media/illustration.css', 'media/routine.css'],
};

export type RoutineRequest =
  | { readonly routineId: string; readonly extraSet?: boolean }
  | { readonly exerciseId: string }
  /** A move while something runs (see `core/waits.ts`): one step, sized to the wait. */
  | { readonly move: Routine };

export interface RoutinePanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly settings: SettingsReader;
  readonly log: vscode.LogOutputChannel;
  readonly library: () => readonly Exercise[];
  /** The built-in routines (from the library's data), in the display language. */
  readonly builtInRoutines: () => readonly Routine[];
  /** The words for muscles and the rest, in the display language. */
  readonly labels: () => ExerciseLabels;
  readonly clock: HostClock;
  readonly statusBar: SessionStatusBar;
  /** The routines done so far (the ledger's records): none means this is the person's first. */
  readonly routinesDone: () => Readonly<Record<string, unknown>>;
  /** Called once when a routine ends, with the number of exercises completed. */
  readonly onRoutineEnded: (routineId: string, exercisesCompleted: readonly CompletedExercise[], fromReminder: boolean) => void;
}

interface Run {
  readonly routine: Routine;
  readonly exerciseId: string | null;
  readonly resolved: ResolvedRoutine;
  readonly segments: readonly Segment[];
  readonly fromReminder: boolean;
  state: PlayerState;
  recorded: boolean;
  /** News shown above the move (what it was started for has finished). */
  note?: string;
  /** Shown through a person's first routine: ask a doctor or physical therapist if they have a condition. */
  readonly conditionNote: string | null;
}

const EXERCISE_ROUTINE_PREFIX = 'exercise:';
/**
 * The host reads the clock at least at each timer it set: a reading this much later than the timer
 * should have fired means the host stood still (a sleep on a system whose monotonic clock runs on
 * through it, as Windows' does, or a frozen host). That time is not exercise.
 */
const STOOD_STILL_MS = 10_000;

/**
 * The routine panel (`upright.routine`): one routine at a time, beside the editor. The host owns the
 * clock and the player; the page draws the time left. Timers wake the host only at segment ends, and
 * once a second only while the panel is out of sight and the status bar shows the countdown.
 */
export class RoutinePanel extends SinglePanel<ReturnType<typeof parseFromRoutinePage>> {
  readonly #deps: RoutinePanelDeps;
  #run: Run | undefined;
  #segmentTimer: ReturnType<typeof setTimeout> | undefined;
  #statusTimer: ReturnType<typeof setInterval> | undefined;
  /** Timer wake-ups while a routine runs (segment ends, and the status-bar countdown while hidden). */
  wakeUps = 0;
  /** The last reading of the monotonic clock, the latest the next should come (a timer), and what was taken out. */
  #lastMono: number | undefined;
  #wakeByMono: number | undefined;
  #stoodStillMs = 0;

  constructor(deps: RoutinePanelDeps) {
    super(deps.extensionUri, ROUTINE_PAGE, new PageInbox('routine', parseFromRoutinePage, (line) => deps.log.warn(line)));
    this.#deps = deps;
  }

  /** A panel VS Code brings back after a reload, with the state its page saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    this.#restore(panel, state);
  }

  /** The routines a person can start, built in and their own, resolved for their equipment. */
  routines(): { routine: Routine; resolved: ResolvedRoutine }[] {
    const library = this.#deps.library();
    return this.#allRoutines().map((routine) => ({
      routine,
      resolved: resolveRoutine(routine, library, {
        equipment: this.#deps.settings.current.equipment,
        intensity: intensityFor(routine, false),
      }),
    }));
  }

  /** One routine resolved as `start` would run it (from a reminder: desk moves only); undefined if there is none of that id. */
  resolved(routineId: string, fromReminder: boolean): ResolvedRoutine | undefined {
    const routine = this.#allRoutines().find((r) => r.id === routineId);
    return (
      routine &&
      resolveRoutine(routine, this.#deps.library(), {
        equipment: this.#deps.settings.current.equipment,
        intensity: intensityFor(routine, fromReminder),
        deskOnly: fromReminder,
      })
    );
  }

  #allRoutines(): readonly Routine[] {
    return [...this.#deps.builtInRoutines(), ...this.#deps.settings.current.customRoutines];
  }

  /** Starts a routine (or one exercise) in the panel, replacing any routine under way. */
  start(request: RoutineRequest, fromReminder = false): boolean {
    const made = this.#make(request, fromReminder);
    if (!made) return false;
    this.#end(false);
    this.#run = made;
    made.state = startPlayer(made.segments, this.#now());
    this.#show(!fromReminder);
    this.#deps.log.info(`Started ${made.routine.id} (${made.segments.length} segments, ${Math.round(made.resolved.seconds)} s).`);
    return true;
  }

  /** A routine or a move is under way (running or paused): the person is exercising, not coding. */
  get underWay(): boolean {
    const status = this.#run?.state.status;
    return status !== undefined && status !== 'finished';
  }

  /** Shows `text` above a move under way (what it was started for has finished). */
  note(text: string): void {
    const run = this.#run;
    if (!run || run.state.status === 'finished') return;
    run.note = text;
    this.#post(true);
  }

  /** For tests and the status bar: where the routine is now. */
  snapshot(): (PlayerSnapshot & { routineId: string; visible: boolean; note: string | undefined }) | undefined {
    const run = this.#run;
    if (!run) return undefined;
    run.state = tick(run.segments, run.state, this.#now());
    return { ...this.#snapshot(run), routineId: run.routine.id, visible: this.panel?.visible ?? false, note: run.note };
  }

  /** Applies a control as the page would (also what the keyboard in the page sends). */
  control(action: 'pause' | 'resume' | 'next' | 'back' | 'finish' | 'close'): void {
    const run = this.#run;
    if (!run) return;
    if (action === 'close') {
      this.panel?.dispose();
      return;
    }
    run.state = { pause, resume, next, back, finish }[action](run.segments, run.state, this.#now());
    this.#update();
  }

  /** Runs the timer's work now: catch up with the clock, record an ending, redraw. */
  refresh(): void {
    this.#update();
  }

  /**
   * The routine runs on the monotonic clock: a sleep does not count as time exercised, and a wall clock
   * set back or forward neither freezes a routine nor finishes it. Where that clock runs on through a
   * sleep, the time since the last reading is taken out when the reading comes far later than the
   * timer set for it: nothing after the last sign of life counts.
   */
  #now(): number {
    const mono = this.#deps.clock.now().monoMs;
    const last = this.#lastMono;
    if (last !== undefined && this.#wakeByMono !== undefined && mono > Math.max(last, this.#wakeByMono) + STOOD_STILL_MS)
      this.#stoodStillMs += mono - last;
    this.#lastMono = mono;
    return mono - this.#stoodStillMs;
  }

  #make(request: RoutineRequest, fromReminder: boolean, restoredId?: string): Run | undefined {
    const library = this.#deps.library();
    let routine: Routine | undefined;
    let exerciseId: string | null = null;
    if ('move' in request) {
      routine = request.move;
    } else if ('exerciseId' in request) {
      const exercise = library.find((e) => e.id === request.exerciseId);
      if (exercise) {
        exerciseId = exercise.id;
        routine = {
          id: `${EXERCISE_ROUTINE_PREFIX}${exercise.id}`,
          name: exercise.name,
          summary: exercise.summary,
          forReminders: false,
          steps: [{ exercise: exercise.id }],
        };
      }
    } else {
      routine = this.#allRoutines().find((r) => r.id === request.routineId);
    }
    if (!routine) {
      this.#deps.log.warn(`No routine or exercise "${restoredId ?? JSON.stringify(request)}" to start.`);
      return undefined;
    }
    const extraSets = 'routineId' in request && request.extraSet ? 1 : 0;
    const resolved = resolveRoutine(routine, library, {
      equipment: this.#deps.settings.current.equipment,
      intensity: intensityFor(routine, fromReminder),
      extraSets,
      deskOnly: fromReminder,
    });
    for (const s of resolved.skipped)
      this.#deps.log.warn(
        `Routine ${routine.id}: skipped "${s.exercise}" (${s.reason === 'unknownExercise' ? 'no such exercise' : 'nothing you can do in its place'}).`,
      );
    if (resolved.steps.length === 0) return undefined;
    const segments = segmentsOf(resolved);
    return {
      routine,
      exerciseId,
      resolved,
      segments,
      fromReminder,
      state: startPlayer(segments, this.#now()),
      recorded: false,
      conditionNote: firstRoutineNote(this.#deps.routinesDone()),
    };
  }

  #show(takeFocus: boolean): void {
    if (this.reveal(!takeFocus)) this.#post(true);
    this.#update();
  }

  protected pageData(): unknown {
    const run = this.#run;
    return run ? { data: this.#data(run), player: this.#snapshot(run) } : null;
  }

  protected override onViewStateChanged(): void {
    this.#update();
  }

  protected override onClosed(): void {
    this.#end(true);
  }

  #restore(panel: vscode.WebviewPanel, raw: unknown): void {
    const saved = parseRoutinePageState(raw);
    // A move while something ran belongs to that run: after a reload it is over.
    if (saved?.routineId.startsWith(MOVE_ROUTINE_PREFIX)) {
      panel.dispose();
      return;
    }
    const made = saved
      ? this.#make(
          saved.exerciseId ? { exerciseId: saved.exerciseId } : { routineId: saved.routineId },
          saved.fromReminder,
          saved.routineId,
        )
      : undefined;
    if (!saved || !made || saved.status === 'finished') {
      panel.dispose();
      return;
    }
    const now = this.#now();
    const segment = Math.min(saved.segment, made.segments.length - 1);
    // The page kept the end as wall time; the time left is measured against the same wall clock.
    const left =
      saved.status === 'running' && saved.endsAtWallMs !== null ? Math.max(0, saved.endsAtWallMs - Date.now()) : saved.remainingMs;
    made.state = {
      segment,
      status: saved.status,
      endsAtMs: saved.status === 'running' ? now + left : null,
      remainingMs: saved.status === 'paused' ? left : null,
      done: saved.doneSegments.filter((d) => d < made.segments.length),
      early: false,
    };
    this.#end(false);
    this.#run = made;
    this.#deps.log.info(`Restored ${made.routine.id} at segment ${segment + 1} of ${made.segments.length}.`);
    this.adopt(panel);
    this.#update();
  }

  #data(run: Run): RoutinePageData {
    return {
      routineId: run.routine.id,
      exerciseId: run.exerciseId,
      fromReminder: run.fromReminder,
      routineName: run.routine.name,
      reduceMotion: reduceMotionSetting(),
      sound: this.#deps.settings.current.sound,
      note: run.note ?? null,
      conditionNote: run.conditionNote,
      steps: run.resolved.steps.map((s) => ({
        exerciseId: s.exercise.id,
        name: s.exercise.name,
        summary: s.exercise.summary,
        muscleLabels: s.exercise.muscles.map((m) => this.#deps.labels().muscle[m]),
        steps: s.exercise.steps,
        caution: s.exercise.caution,
        doseText: formatDose(s.dose),
        kind: s.dose.kind,
        reps: s.dose.kind === 'reps' ? s.dose.reps : null,
        tempo: animationTempo(s.dose),
        replaces: s.replaces?.name ?? null,
      })),
      segments: run.segments,
    };
  }

  #snapshot(run: Run): PlayerSnapshot {
    const view = viewAt(run.segments, run.state, run.resolved, this.#now());
    return {
      segment: run.state.segment,
      status: run.state.status,
      remainingMs: view.remainingMs,
      early: run.state.early,
      done: run.state.done,
      completedSteps: completedSteps(run.segments, run.state),
      progress: view.progress,
    };
  }

  #post(full: boolean): void {
    const run = this.#run;
    if (!this.panel || !run) return;
    const message: ToRoutinePage = full
      ? { type: 'routine', data: this.#data(run), player: this.#snapshot(run) }
      : { type: 'player', player: this.#snapshot(run) };
    void this.panel.webview.postMessage(message);
  }

  /** A message from the page; true when it was acted on. */
  receive(raw: unknown): boolean {
    const message = this.inbox.receive(raw, this.#now());
    if (!message) return false;
    if (message.type === 'ready') this.#post(true);
    else this.control(message.action);
    return true;
  }

  /** Catches up, records an ending once, tells the page, and sets the next wake-up. */
  #update(): void {
    const run = this.#run;
    if (!run) return;
    run.state = tick(run.segments, run.state, this.#now());
    if (run.state.status === 'finished') this.#record(run);
    this.#post(false);
    this.#schedule();
  }

  #record(run: Run): void {
    if (run.recorded) return;
    run.recorded = true;
    const completed = completedExercises(run.resolved, run.segments, run.state);
    this.#deps.log.info(
      `Routine ${run.routine.id} ended${run.state.early ? ' early' : ''}: ${completed.length} of ${run.resolved.steps.length} exercises completed.`,
    );
    this.#deps.onRoutineEnded(run.routine.id, completed, run.fromReminder);
  }

  #schedule(): void {
    if (this.#segmentTimer !== undefined) clearTimeout(this.#segmentTimer);
    this.#segmentTimer = undefined;
    const run = this.#run;
    // Out of sight, the status bar counts down instead, once a second, and that tick also ends the
    // segment (so the host wakes no more than once a second); in sight, the page counts down and the
    // host wakes only when a segment ends.
    const hidden = run !== undefined && run.state.status !== 'finished' && !(this.panel?.visible ?? false);
    const endsAtMs = run?.state.status === 'running' ? run.state.endsAtMs : null;
    // When the host is to look again at the latest (monotonic): a paused or finished routine may wait for ever.
    const now = this.#now();
    this.#wakeByMono = endsAtMs === null ? undefined : this.#deps.clock.now().monoMs + (hidden ? 1000 : Math.max(50, endsAtMs - now));
    if (!hidden && endsAtMs !== null) {
      this.#segmentTimer = setTimeout(
        () => {
          this.wakeUps++;
          this.#update();
        },
        Math.max(50, endsAtMs - this.#now()),
      );
    }
    if (hidden && this.#statusTimer === undefined)
      this.#statusTimer = setInterval(() => {
        this.wakeUps++;
        this.#update();
      }, 1000);
    if (!hidden && this.#statusTimer !== undefined) {
      clearInterval(this.#statusTimer);
      this.#statusTimer = undefined;
    }
    this.#showInStatusBar();
  }

  #showInStatusBar(): void {
    const run = this.#run;
    const hidden = run !== undefined && run.state.status !== 'finished' && !(this.panel?.visible ?? false);
    if (!run || !hidden) {
      this.#deps.statusBar.showRoutineStep(undefined);
      return;
    }
    run.state = tick(run.segments, run.state, this.#now());
    const view = viewAt(run.segments, run.state, run.resolved, this.#now());
    const segment = view.segment;
    const step = segment ? run.resolved.steps[segment.step] : undefined;
    const seconds = Math.ceil(view.remainingMs / 1000);
    const what =
      segment?.kind === 'rest'
        ? t('Rest')
        : segment?.kind === 'ready'
          ? t('Next: {0}', step?.exercise.name ?? '')
          : (step?.exercise.name ?? '');
    const paused = run.state.status === 'paused' ? ` ${t('(paused)')}` : '';
    this.#deps.statusBar.showRoutineStep({
      text: `${what} ${seconds}s${paused}`,
      label: t(
        singular(seconds) ? 'Upright routine: {0}, {1} second left{2}' : 'Upright routine: {0}, {1} seconds left{2}',
        what,
        seconds,
        paused,
      ),
    });
  }

  /** Ends the current run (its panel closed, or another routine starts): an ending is recorded once. */
  #end(closed: boolean): void {
    const run = this.#run;
    if (!run) return;
    if (run.state.status !== 'finished') run.state = finish(run.segments, run.state, this.#now());
    this.#record(run);
    this.#run = undefined;
    if (this.#segmentTimer !== undefined) clearTimeout(this.#segmentTimer);
    if (this.#statusTimer !== undefined) clearInterval(this.#statusTimer);
    this.#segmentTimer = undefined;
    this.#statusTimer = undefined;
    this.#deps.statusBar.showRoutineStep(undefined);
    if (closed) this.#deps.log.info(`Routine ${run.routine.id} closed.`);
  }

  override dispose(): void {
    this.#end(false);
    super.dispose();
  }
}
