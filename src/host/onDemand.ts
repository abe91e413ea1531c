// What a person uses now and then, loaded the first time they do rather than at every start of VS
// Code: the three panels, the pickers and the menu, and the history dialogs. Both entries load it as a
// bundle of its own (dist/onDemand.js) that imports only `vscode` and holds its own copy of the translator.
import vscode = require('vscode');

import { type CompletedExercise } from '../core/days';
import { type Exercise } from '../core/exercises/model';
import { type Calendar } from '../core/time';
import { useTranslator } from '../shared/l10n';
import { type HostClock } from './clock';
import { type CodingSession } from './codingSession';
import { AwayQuestions } from './dialogs/awayQuestion';
import { clearHistory, exportHistory, type HistoryCommandDeps, type HistoryDialogs, windowDialogs } from './dialogs/history';
import { showMenu } from './dialogs/menu';
import { type PickerDeps, pickExercise, pickPause, pickRoutine } from './dialogs/pickers';
import { ReminderAnswers } from './dialogs/reminderAnswers';
import { Disposable } from './dispose';
import { EyeBreaks } from './eyeBreaks';
import { type DataReader, lazyLibrary } from './library';
import { setBand, setEyeBreaks, welcome } from './onboarding';
import { ExercisesPanel } from './panels/exercisesPanel';
import { RoutinePanel } from './panels/routinePanel';
import { StatsPanel } from './panels/statsPanel';
import { type Reminders } from './reminders';
import { type SettingsReader } from './settingsReader';
import { type SessionStatusBar } from './statusBar';
import { Waits } from './waits';

useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined);

export interface OnDemandDeps {
  readonly extensionUri: vscode.Uri;
  readonly settings: SettingsReader;
  readonly log: vscode.LogOutputChannel;
  /** Reads a file of `dist/data/` (the exercise library in each language). */
  readonly readData: DataReader;
  readonly clock: HostClock;
  readonly statusBar: SessionStatusBar;
  readonly session: CodingSession;
  readonly reminders: Reminders;
  readonly todayKey: () => string;
  readonly calendar: Calendar;
  /** Where an export is suggested when no folder is open (none in a browser). */
  readonly homeFolder: vscode.Uri | undefined;
  /** The questions export and delete ask; undefined: the window's own dialogs (tests answer them). */
  readonly historyDialogs: () => HistoryDialogs | undefined;
  readonly onRoutineEnded: (routineId: string, completed: readonly CompletedExercise[], fromReminder: boolean) => void;
  /** This window counts as focused (tests decide it themselves). */
  readonly focused: () => boolean;
}

/** The panels and dialogs, built once, on first use. */
export class OnDemand extends Disposable {
  readonly routines: RoutinePanel;
  readonly exercises: ExercisesPanel;
  readonly stats: StatsPanel;
  /** The reminder's notification and the answers to it. */
  readonly answers: ReminderAnswers;
  /** The question about time away, and its answers. */
  readonly away: AwayQuestions;
  /** Tasks and commands timed, and the move offered while one runs. */
  readonly waits: Waits;
  /** The eye break's countdown in the status bar. */
  readonly eyes: EyeBreaks;
  readonly #deps: OnDemandDeps;
  readonly #pickers: PickerDeps;
  readonly #history: HistoryCommandDeps;
  readonly #library: () => readonly Exercise[];
  #names: Map<string, string> | undefined;
  #dialogOpen = false;

  constructor(deps: OnDemandDeps) {
    super();
    this.#deps = deps;
    const { extensionUri, settings, log, clock, statusBar, session, todayKey } = deps;
    const { exercises: library, routines: builtInRoutines, labels } = lazyLibrary(deps.readData, vscode.env.language, log);
    this.#library = library;
    this.exercises = this._register(new ExercisesPanel(extensionUri, settings, log, library, labels));
    this.routines = this._register(
      new RoutinePanel({
        extensionUri,
        settings,
        log,
        library,
        builtInRoutines,
        labels,
        clock,
        statusBar,
        routinesDone: () => session.ledger.routines,
        onRoutineEnded: deps.onRoutineEnded,
      }),
    );
    this.stats = this._register(
      new StatsPanel({
        extensionUri,
        session,
        log,
        todayKey,
        nameOf: (id) => this.#nameOf(id),
        exerciseExists: (id) => library().some((e) => e.id === id),
      }),
    );
    this.answers = new ReminderAnswers({
      loop: deps.reminders,
      session,
      settings,
      clock,
      calendar: deps.calendar,
      routines: () => this.routines,
      log,
    });
    this.away = this._register(new AwayQuestions({ session, settings, clock, calendar: deps.calendar, statusBar, log }));
    this.waits = this._register(new Waits({ session, settings, clock, log, library, routines: () => this.routines }));
    this.eyes = this._register(
      new EyeBreaks({
        session,
        settings,
        clock,
        calendar: deps.calendar,
        reminders: deps.reminders,
        log,
        focused: deps.focused,
        exercising: () => this.routines.underWay,
      }),
    );
    const nowWallMs = (): number => clock.now().wallMs;
    this.#pickers = { session, routines: this.routines, answers: this.answers, library, labels, nowWallMs };
    this.#history = {
      session,
      log,
      nowWallMs,
      todayKey,
      nameOf: (id) => this.#nameOf(id),
      homeFolder: deps.homeFolder,
      dialogs: () => deps.historyDialogs() ?? windowDialogs,
    };
  }

  pickRoutine(): Promise<void> {
    return pickRoutine(this.#pickers);
  }

  pickExercise(): Promise<void> {
    return pickExercise(this.#pickers);
  }

  pickPause(): Promise<void> {
    return pickPause(this.#pickers);
  }

  showMenu(): Promise<void> {
    const { session, log, reminders } = this.#deps;
    return showMenu({
      snapshot: () => session.snapshot(),
      showLog: () => log.show(true),
      reminder: () => reminders.view,
      away: () => this.away.answerable(),
      nowWallMs: () => this.#deps.clock.now().wallMs,
    });
  }

  exportHistory(): Promise<vscode.Uri | undefined> {
    return this.#oneDialog(() => exportHistory(this.#history));
  }

  clearHistory(): Promise<boolean | undefined> {
    return this.#oneDialog(() => clearHistory(this.#history));
  }

  /** The walkthrough's band step: adds or removes the band from the equipment setting. */
  setBand(has: unknown): Promise<void> {
    return setBand(this.#deps.settings, this.#deps.log, has);
  }

  /** The walkthrough's eye-break step. */
  setEyeBreaks(on: unknown): Promise<void> {
    return setEyeBreaks(this.#deps.settings, this.#deps.log, on);
  }

  /** The first start in a profile: the walkthrough, where VS Code does not open it itself. */
  welcome(hostAgeMs: number): vscode.Disposable | undefined {
    return welcome(this.#deps.log, hostAgeMs);
  }

  /** An exercise no longer in the library (history outlives versions) is named from its id. */
  #nameOf(exerciseId: string): string {
    this.#names ??= new Map(this.#library().map((e) => [e.id, e.name]));
    return this.#names.get(exerciseId) ?? exerciseId.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }

  /**
   * One history dialog at a time: a second request while one is open (a double click, a page that
   * floods) is dropped rather than queued behind it.
   */
  async #oneDialog<T>(run: () => Promise<T>): Promise<T | undefined> {
    if (this.#dialogOpen) return undefined;
    this.#dialogOpen = true;
    try {
      return await run();
    } finally {
      this.#dialogOpen = false;
    }
  }
}

export function createOnDemand(deps: OnDemandDeps): OnDemand {
  return new OnDemand(deps);
}
