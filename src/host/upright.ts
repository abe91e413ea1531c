import * as vscode from 'vscode';
import { localCalendar } from '../core/time';
import { useTranslator } from '../shared/l10n';
import { ActivitySource } from './activitySource';
import { type HostClock } from './clock';
import { CodingSession } from './codingSession';
import { registerCommands } from './commands';
import { ExercisesPanel } from './panels/exercisesPanel';
import { type HistoryDialogs } from './history';
import { lazyLibrary } from './library';
import { createLog } from './log';
import { registerOnboarding } from './onboarding';
import { type Platform } from './platform/platform';
import { Reminders } from './reminders';
import { RoutinePanel } from './panels/routinePanel';
import { SettingsReader } from './settingsReader';
import { StatsPanel } from './panels/statsPanel';
import { SessionStatusBar } from './statusBar';

/** Upright's parts, wired together; what the test API needs to reach. */
export interface Started {
  readonly clock: HostClock;
  readonly session: CodingSession;
  readonly activitySource: ActivitySource;
  readonly statusBar: SessionStatusBar;
  readonly settings: SettingsReader;
  readonly windowId: string;
  readonly ledgerLocation: string;
  readonly routines: RoutinePanel;
  readonly reminders: Reminders;
  readonly stats: StatsPanel;
  readonly exercises: ExercisesPanel;
  readonly log: vscode.LogOutputChannel;
  answerDialogs(answers: HistoryDialogs | undefined): void;
}

/** The composition shared by the desktop and browser entries. */
export function startUpright(context: vscode.ExtensionContext, platform: Platform, clock: HostClock, testMode: boolean): Started {
  // Core and the pages' shared code speak through this; VS Code picks the bundle for its display language.
  useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined);
  const log = createLog();
  const settings = new SettingsReader(log);
  const statusBar = new SessionStatusBar();
  const windowId = `${vscode.env.sessionId.slice(0, 8)}-${platform.processId}`;
  const { store, initial } = platform.openLedger(windowId, log, localCalendar.dayKey(clock.now().wallMs));
  const session = new CodingSession({
    clock,
    calendar: localCalendar,
    store,
    initial,
    log,
    statusBar,
    settings: () => settings.current,
    focused: vscode.window.state.focused,
    windowId,
    warn: (message) => void vscode.window.showWarningMessage(message),
    watchLedger: platform.watchLedger && ((changed) => platform.watchLedger?.(store.location, changed)),
  });
  settings.onDidChange((next) => session.settingsChanged(next));
  const library = lazyLibrary(platform.readData, vscode.env.language, log);
  const exercises = new ExercisesPanel(context.extensionUri, settings, log, library);
  const routines = new RoutinePanel({
    extensionUri: context.extensionUri,
    settings,
    log,
    library,
    clock,
    statusBar,
    onRoutineEnded: (routineId, completed, fromReminder) => session.recordRoutine(routineId, completed, fromReminder),
  });
  const reminders = new Reminders({ session, settings, clock, calendar: localCalendar, routines, statusBar, log, focused: () => activitySource.focused });
  // Activity goes to the clock; focus changes and natural stopping points also wake the reminders.
  const activitySource = new ActivitySource({
    activity: () => session.activity(),
    focusChanged: (focused) => {
      session.focusChanged(focused);
      reminders.evaluate();
    },
    stoppingPoint: () => reminders.stoppingPoint(),
  });

  let names: Map<string, string> | undefined;
  // An exercise no longer in the library (history outlives versions) is named from its id.
  const nameOf = (exerciseId: string): string => (names ??= new Map(library().map((e) => [e.id, e.name]))).get(exerciseId) ?? exerciseId.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const todayKey = (): string => localCalendar.dayKey(clock.now().wallMs);
  const stats = new StatsPanel({ extensionUri: context.extensionUri, session, log, todayKey, nameOf, exerciseExists: (id) => library().some((e) => e.id === id) });
  // Undefined: the real dialogs (tests answer them through the test API).
  let dialogs: HistoryDialogs | undefined;
  const historyDeps = { session, log, nowWallMs: () => clock.now().wallMs, todayKey, nameOf, homeFolder: platform.homeFolder, dialogs: () => dialogs ?? platform.historyCommands().windowDialogs };
  // One history dialog at a time: a second request while one is open (a double click, a page that
  // floods) is dropped rather than queued behind it.
  let dialogOpen = false;
  const oneDialog = <T>(run: () => Promise<T>) => async (): Promise<T | undefined> => {
    if (dialogOpen) return undefined;
    dialogOpen = true;
    try {
      return await run();
    } finally {
      dialogOpen = false;
    }
  };

  context.subscriptions.push(
    log,
    settings,
    statusBar,
    session,
    activitySource,
    exercises,
    routines,
    reminders,
    stats,
    ...registerCommands({ session, log, exercises, routines, reminders, library, nowWallMs: () => clock.now().wallMs, defaultRoutine: () => settings.current.defaultRoutine }),
    vscode.commands.registerCommand('upright.showStats', () => stats.show()),
    vscode.commands.registerCommand('upright.exportHistory', oneDialog(() => platform.historyCommands().exportHistory(historyDeps))),
    vscode.commands.registerCommand('upright.clearHistory', oneDialog(() => platform.historyCommands().clearHistory(historyDeps))),
    // Tests start in a fresh profile every time: the walkthrough would open in each.
    registerOnboarding(settings, log, () => !testMode && platform.firstStart(), performance.now()),
  );
  reminders.evaluate();
  return {
    clock,
    session,
    activitySource,
    statusBar,
    settings,
    windowId,
    ledgerLocation: store.location,
    routines,
    reminders,
    stats,
    exercises,
    log,
    answerDialogs: (answers) => (dialogs = answers),
  };
}
