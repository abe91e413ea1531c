import * as vscode from 'vscode';
import { localCalendar } from './core/time';
import { ActivitySource } from './host/activitySource';
import { systemClock } from './host/clock';
import { CodingSession } from './host/codingSession';
import { ExercisesPanel } from './host/exercisesPanel';
import { lazyLibrary } from './host/library';
import { Reminders } from './host/reminders';
import { RoutinePanel } from './host/routinePanel';
import { registerCommands } from './host/commands';
import { createLog } from './host/log';
import { SettingsReader } from './host/settingsReader';
import { SessionStatusBar } from './host/statusBar';
import * as path from 'node:path';
import type * as TestApiModule from './host/testApi';
import { type UprightTestApi } from './host/testApi';
import { clearHistory, exportHistory, type HistoryDialogs, windowDialogs } from './host/history';
import { StatsPanel } from './host/statsPanel';
import { registerOnboarding } from './host/onboarding';
import { openSharedLedger } from './host/sharedLedger';

let session: CodingSession | undefined;

export function activate(context: vscode.ExtensionContext): UprightTestApi | undefined {
  const startedMs = performance.now();
  // Test-only code (the manual clock, the test API) is its own file, not in the package, loaded only in ExtensionMode.Test.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testing = context.extensionMode === vscode.ExtensionMode.Test ? (require(path.join(__dirname, 'testApi.js')) as typeof TestApiModule) : undefined;
  const testMode = testing !== undefined;
  const clock = testing ? new testing.ManualClock(testing.testClockStart(process.env.UPRIGHT_TEST_CLOCK_START, systemClock.now())) : systemClock;

  const log = createLog();
  const settings = new SettingsReader(log);
  const statusBar = new SessionStatusBar();
  const windowId = `${vscode.env.sessionId.slice(0, 8)}-${process.pid}`;
  const { store, initial } = openSharedLedger(context, windowId, log, localCalendar.dayKey(clock.now().wallMs));
  session = new CodingSession({
    clock,
    calendar: localCalendar,
    store,
    initial,
    log,
    statusBar,
    settings: () => settings.current,
    focused: vscode.window.state.focused,
    windowId,
  });
  const codingSession = session;
  settings.onDidChange((next) => codingSession.settingsChanged(next));
  const library = lazyLibrary(context.extensionUri, log);
  const exercises = new ExercisesPanel(context.extensionUri, settings, log, library);
  const routines = new RoutinePanel({
    extensionUri: context.extensionUri,
    settings,
    log,
    library,
    clock,
    statusBar,
    onRoutineEnded: (routineId, completed, fromReminder) => codingSession.recordRoutine(routineId, completed, fromReminder),
  });
  const reminders = new Reminders({ session: codingSession, settings, clock, calendar: localCalendar, routines, statusBar, log, focused: () => activitySource.focused });
  // Activity goes to the clock; focus changes and natural stopping points also wake the reminders.
  const activitySource = new ActivitySource({
    activity: () => codingSession.activity(),
    focusChanged: (focused) => {
      codingSession.focusChanged(focused);
      reminders.evaluate();
    },
    stoppingPoint: () => reminders.stoppingPoint(),
  });

  let names: Map<string, string> | undefined;
  // An exercise no longer in the library (history outlives versions) is named from its id.
  const nameOf = (exerciseId: string): string => (names ??= new Map(library().map((e) => [e.id, e.name]))).get(exerciseId) ?? exerciseId.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const todayKey = (): string => localCalendar.dayKey(clock.now().wallMs);
  const stats = new StatsPanel({ extensionUri: context.extensionUri, session: codingSession, log, todayKey, nameOf, exerciseExists: (id) => library().some((e) => e.id === id) });
  let dialogs: HistoryDialogs = windowDialogs;
  const historyDeps = { session: codingSession, log, nowWallMs: () => clock.now().wallMs, todayKey, nameOf, dialogs: () => dialogs };

  context.subscriptions.push(
    log,
    settings,
    statusBar,
    codingSession,
    activitySource,
    exercises,
    routines,
    reminders,
    stats,
    ...registerCommands({ session: codingSession, log, exercises, routines, reminders: reminders, library, nowWallMs: () => clock.now().wallMs, defaultRoutine: () => settings.current.defaultRoutine }),
    vscode.commands.registerCommand('upright.showStats', () => stats.show()),
    vscode.commands.registerCommand('upright.exportHistory', () => exportHistory(historyDeps)),
    vscode.commands.registerCommand('upright.clearHistory', () => clearHistory(historyDeps)),
    // Tests start in a fresh profile every time: the walkthrough would open in each.
    registerOnboarding(context, settings, log, !testMode),
  );
  reminders.evaluate();

  const activationMs = performance.now() - startedMs;
  log.info(`Activated in ${activationMs.toFixed(2)} ms.`);
  if (testing && clock instanceof testing.ManualClock) {
    return testing.createTestApi({
      activationMs,
      clock,
      session: codingSession,
      activitySource,
      statusBar,
      settings,
      windowId,
      ledgerLocation: store.location,
      routines,
      reminders: reminders,
      stats,
      answerDialogs: (answers) => (dialogs = answers ?? windowDialogs),
    });
  }
  return undefined;
}

export function deactivate(): void {
  session?.flush();
  session = undefined;
}
