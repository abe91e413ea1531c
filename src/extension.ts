import * as vscode from 'vscode';
import { localCalendar } from './core/time';
import { ActivitySource } from './host/activitySource';
import { ManualClock, systemClock } from './host/clock';
import { CodingSession } from './host/codingSession';
import { registerCommands } from './host/commands';
import { createLog } from './host/log';
import { SettingsReader } from './host/settingsReader';
import { SessionStatusBar } from './host/statusBar';
import { createTestApi, type UprightTestApi } from './host/testApi';
import { TrackerStore } from './host/trackerStore';

let session: CodingSession | undefined;

export function activate(context: vscode.ExtensionContext): UprightTestApi | undefined {
  const startedMs = performance.now();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const clock = testMode ? new ManualClock(systemClock.now()) : systemClock;

  const log = createLog();
  const settings = new SettingsReader(log);
  const statusBar = new SessionStatusBar();
  session = new CodingSession({
    clock,
    calendar: localCalendar,
    store: new TrackerStore(context.globalState, log),
    statusBar,
    settings: () => settings.current,
    focused: vscode.window.state.focused,
  });
  const codingSession = session;
  settings.onDidChange((next) => codingSession.settingsChanged(next));
  const activitySource = new ActivitySource(codingSession);

  context.subscriptions.push(log, settings, statusBar, codingSession, activitySource, ...registerCommands({ session: codingSession, log }));

  const activationMs = performance.now() - startedMs;
  log.info(`Activated in ${activationMs.toFixed(2)} ms.`);
  if (clock instanceof ManualClock) {
    return createTestApi({ activationMs, clock, session: codingSession, activitySource, statusBar, settings });
  }
  return undefined;
}

export function deactivate(): Thenable<void> | undefined {
  const ending = session;
  session = undefined;
  return ending?.flush();
}
