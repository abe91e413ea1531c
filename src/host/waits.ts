// A move while it runs: tasks and terminal commands are timed (known by a hash, never by their text),
// and one that usually runs long enough brings a quiet status-bar offer of one desk move that fits the
// wait. Loaded with the panels (onDemand), the first time a task or command starts.
import vscode = require('vscode');

import { type Exercise } from '../core/exercises/model';
import { expectedSeconds, moveFor, recordRun, waitKey, type WaitMove, worthAMove } from '../core/waits';
import { t } from '../shared/l10n';
import { type HostClock } from './clock';
import { type CodingSession } from './codingSession';
import { COMMANDS } from './commandIds';
import { Disposable } from './dispose';
import { type RoutinePanel } from './panels/routinePanel';
import { type SettingsReader } from './settingsReader';

export interface WaitsDeps {
  readonly session: CodingSession;
  readonly settings: SettingsReader;
  readonly clock: HostClock;
  readonly log: vscode.LogOutputChannel;
  readonly library: () => readonly Exercise[];
  readonly routines: () => RoutinePanel;
}

/** One task or command under way. */
interface Running {
  readonly key: string;
  /** What it is, for the panel and the log ("The task", "The command"): never its text. */
  readonly kind: 'task' | 'command' | 'background';
  readonly startedMonoMs: number;
  readonly expected: number | undefined;
}

/** A task by its definition: where it comes from, its name and what it runs. */
function taskKey(task: vscode.Task): string {
  return waitKey('task', JSON.stringify([task.source, task.name, task.definition]));
}

/**
 * A task and a command that start this close together are one run: a task in a terminal with shell
 * integration is also a command there, and either event may come first.
 */
const SAME_RUN_MS = 3_000;

/** Typing stopped this long before an offer shows: never while the person types. */
const QUIET_MS = 2_000;
/** What `upright.moveNow` sizes a move to when nothing known is running. */
const DEFAULT_MOVE_SECONDS = 60;

/**
 * Watches tasks and terminal commands start and end (no timer while nothing runs), learns how long each
 * takes, and offers a move in the status bar for one expected to run at least
 * `upright.moveWhileWaiting.minSeconds`. The offer shows once typing has stopped for two seconds, and goes
 * when the run ends or the move starts. Background tasks (watchers) are never timed.
 */
export class Waits extends Disposable {
  readonly #deps: WaitsDeps;
  readonly #running = new Map<object | string, Running>();
  #item: vscode.StatusBarItem | undefined;
  #offer: { run: object | string; move: WaitMove } | undefined;
  /** The run a move was started for, while the move is in the panel. */
  #moveFor: object | string | undefined;
  #quietTimer: ReturnType<typeof setTimeout> | undefined;
  #typing: vscode.Disposable | undefined;
  /** Timer wake-ups (for the bench): the quiet period before an offer. */
  wakeUps = 0;
  offersShown = 0;

  constructor(deps: WaitsDeps) {
    super();
    this.#deps = deps;
  }

  taskStarted(e: vscode.TaskStartEvent): void {
    const task = e.execution.task;
    // The same task does not run twice at once: its key names the run (an end event may bring another
    // object for the same execution).
    const key = taskKey(task);
    // Its terminal's command may have been seen first: it is this task's run, and goes.
    const now = this.#deps.clock.now().monoMs;
    for (const [run, r] of this.#running)
      if (r.kind === 'command' && now - r.startedMonoMs <= SAME_RUN_MS) {
        this.#running.delete(run);
        if (this.#offer?.run === run) this.#hide();
      }
    // A background task (a watcher) is never a wait: held only so that its terminal's command is not timed either.
    if (task.isBackground) this.#running.set(key, { key, kind: 'background', startedMonoMs: now, expected: undefined });
    else this.#started(key, 'task', key);
  }

  taskEnded(e: vscode.TaskEndEvent): void {
    this.#ended(taskKey(e.execution.task));
  }

  commandStarted(e: vscode.TerminalShellExecutionStartEvent): void {
    const line = e.execution.commandLine.value.trim();
    // A task that runs in a terminal with shell integration is also a command there: one run, the task's.
    if (line && !this.#nearTask()) this.#started(e.execution, 'command', waitKey('command', line));
  }

  /** A task started within `SAME_RUN_MS` and still running: a command now is that task's own. */
  #nearTask(): boolean {
    const now = this.#deps.clock.now().monoMs;
    return [...this.#running.values()].some((r) => r.kind !== 'command' && now - r.startedMonoMs <= SAME_RUN_MS);
  }

  commandEnded(e: vscode.TerminalShellExecutionEndEvent): void {
    this.#ended(e.execution);
  }

  /** What runs now, and the offer (for tests). */
  get state(): { running: number; offer: { exerciseId: string; seconds: number; text: string } | undefined } {
    const offer = this.#offer;
    return {
      running: [...this.#running.values()].filter((r) => r.kind !== 'background').length,
      offer: offer && { exerciseId: offer.move.exercise.id, seconds: offer.move.seconds, text: this.#item?.text ?? '' },
    };
  }

  #started(run: object | string, kind: 'task' | 'command', key: string): void {
    const { settings, session } = this.#deps;
    const expected = expectedSeconds(session.ledger.waits, key);
    this.#running.set(run, { key, kind, startedMonoMs: this.#deps.clock.now().monoMs, expected });
    this.#deps.log.trace(`A ${kind} started (${key}): expected ${expected === undefined ? 'unknown' : `${Math.round(expected)} s`}.`);
    const { enabled, minSeconds } = settings.current.moveWhileWaiting;
    if (!enabled || !worthAMove(expected, minSeconds) || this.#offer) return;
    const move = moveFor(expected, session.ledger.lastMoveId, this.#deps.library(), settings.current.equipment);
    if (!move) return;
    // Shown once typing has stopped a moment: a keystroke puts it off again.
    this.#typing ??= vscode.workspace.onDidChangeTextDocument((change) => {
      if (change.document.uri.scheme !== 'output' && this.#quietTimer !== undefined) this.#waitForQuiet(run, move);
    });
    this.#waitForQuiet(run, move);
  }

  #waitForQuiet(run: object | string, move: WaitMove): void {
    if (this.#quietTimer !== undefined) clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => {
      this.#quietTimer = undefined;
      this.wakeUps++;
      this.#stopWatchingTyping();
      if (this.#running.has(run)) this.#show(run, move);
    }, QUIET_MS);
  }

  #stopWatchingTyping(): void {
    this.#typing?.dispose();
    this.#typing = undefined;
  }

  #show(run: object | string, move: WaitMove): void {
    this.#offer = { run, move };
    this.offersShown++;
    const item = (this.#item ??= this._register(vscode.window.createStatusBarItem('upright.move', vscode.StatusBarAlignment.Right, 99)));
    item.name = t('Upright: a move while it runs');
    const what = move.reps === undefined ? move.exercise.name : t('{0} ×{1}', move.exercise.name, move.reps);
    item.text = `$(run) ${t('{0} s: {1}', Math.round(move.seconds), what)}`;
    item.tooltip = t(
      'While it runs: {0}, about {1} seconds at your desk. Click to start it beside the editor.',
      what,
      Math.round(move.seconds),
    );
    item.accessibilityInformation = { label: t('A move while it runs: {0}, about {1} seconds. Start it.', what, Math.round(move.seconds)) };
    item.command = { command: COMMANDS.moveNow, title: t('Start the move'), arguments: [{ offered: true }] };
    item.show();
    this.#deps.log.info(
      `Offered ${move.exercise.id} (${Math.round(move.seconds)} s) while a ${this.#running.get(run)?.kind ?? 'run'} runs.`,
    );
  }

  #hide(): void {
    this.#offer = undefined;
    this.#item?.hide();
  }

  #ended(run: object | string): void {
    const running = this.#running.get(run);
    if (!running) return;
    this.#running.delete(run);
    if (running.kind === 'background') return;
    const seconds = (this.#deps.clock.now().monoMs - running.startedMonoMs) / 1000;
    this.#deps.log.trace(`A ${running.kind} ended (${running.key}) after ${Math.round(seconds)} s.`);
    this.#deps.session.change((l) => {
      l.waits = recordRun(l.waits, running.key, seconds);
    });
    if (this.#offer?.run === run) this.#hide();
    if (this.#running.size === 0) {
      if (this.#quietTimer !== undefined) clearTimeout(this.#quietTimer);
      this.#quietTimer = undefined;
      this.#stopWatchingTyping();
    }
    if (this.#moveFor === run) {
      this.#moveFor = undefined;
      this.#deps.routines().note(running.kind === 'task' ? t('The task has finished.') : t('The command has finished.'));
    }
  }

  /**
   * `upright.moveNow`: the move offered, or, from the command palette, one sized to what runs now (or to a
   * minute), started at once beside the editor with the focus left where it is.
   */
  moveNow(args: unknown): boolean {
    const offered = typeof args === 'object' && args !== null && (args as { offered?: unknown }).offered === true;
    let run: object | string | undefined;
    let move: WaitMove | undefined;
    if (offered && this.#offer) ({ run, move } = this.#offer);
    else {
      const now = this.#deps.clock.now().monoMs;
      const [current, running] = [...this.#running.entries()].reverse().find(([, r]) => r.expected !== undefined) ?? [];
      run = current;
      const left = running?.expected !== undefined ? running.expected - (now - running.startedMonoMs) / 1000 : DEFAULT_MOVE_SECONDS;
      const { settings, session } = this.#deps;
      move = moveFor(Math.max(30, left), session.ledger.lastMoveId, this.#deps.library(), settings.current.equipment);
    }
    this.#hide();
    if (!move) return false;
    this.#moveFor = run;
    return this.#deps.routines().start({ move: move.routine }, true);
  }

  override dispose(): void {
    if (this.#quietTimer !== undefined) clearTimeout(this.#quietTimer);
    this.#stopWatchingTyping();
    super.dispose();
  }
}
