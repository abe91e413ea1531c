import vscode = require('vscode');

import { localCalendar, MS_PER_MINUTE } from '../core/time';
import { useTranslator } from '../shared/l10n';
import { ActivitySource } from './activitySource';
import { type HostClock } from './clock';
import { CodingSession } from './codingSession';
import { registerCommands } from './commands';
import { type HistoryDialogs } from './dialogs/history';
import { createLog } from './log';
import { type OnDemand } from './onDemand';
import { registerRestoredPanels } from './panels/restoredPanels';
import { type Platform } from './platform/platform';
import { Reminders } from './reminders';
import { SettingsReader } from './settingsReader';
import { SessionStatusBar } from './statusBar';

const LIVE_SHARE_ID = 'ms-vsliveshare.vsliveshare';

/** Upright's parts, wired together; what the test API needs to reach. */
export interface Started {
  readonly clock: HostClock;
  readonly session: CodingSession;
  readonly activitySource: ActivitySource;
  readonly statusBar: SessionStatusBar;
  readonly settings: SettingsReader;
  readonly windowId: string;
  readonly ledgerLocation: string;
  readonly reminders: Reminders;
  /** The panels and dialogs, built on first use. */
  readonly onDemand: () => OnDemand;
  readonly log: vscode.LogOutputChannel;
  answerDialogs(answers: HistoryDialogs | undefined): void;
}

/** The composition shared by the desktop and browser entries. */
export function startUpright(context: vscode.ExtensionContext, platform: Platform, clock: HostClock, testMode: boolean): Started {
  // Core and the pages' shared code speak through this; VS Code picks the bundle for its display language.
  useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined);
  const log = createLog();
  const settings = new SettingsReader(log, platform.loadSettingsDetail);
  const statusBar = new SessionStatusBar();
  const windowId = `${vscode.env.sessionId.slice(0, 8)}-${platform.processId}`;
  const sharingAtStart = settings.current.shareClockAcrossEditors;
  const { store, initial } = platform.openLedger(windowId, log, localCalendar.dayKey(clock.now().wallMs), sharingAtStart);
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
    // What time away was is asked, or worked out, by code loaded only then: never with `awayTime: break`
    // unless a quiet time says time away inside it was sitting.
    returned: (absence) => {
      const { awayTime, quietTimes } = settings.current;
      if (awayTime !== 'break' || quietTimes.some((slot) => slot.sitting)) later().away.returned(absence);
    },
  });
  const todayKey = (): string => localCalendar.dayKey(clock.now().wallMs);
  // Undefined: the window's own dialogs (tests answer them through the test API).
  let historyDialogs: HistoryDialogs | undefined;
  let onDemand: OnDemand | undefined;
  const later = (): OnDemand =>
    (onDemand ??= platform.loadOnDemand().createOnDemand({
      extensionUri: context.extensionUri,
      settings,
      log,
      readData: platform.readData,
      clock,
      statusBar,
      session,
      reminders,
      todayKey,
      calendar: localCalendar,
      homeFolder: platform.homeFolder,
      historyDialogs: () => historyDialogs,
      onRoutineEnded: (routineId, completed, fromReminder) => session.recordRoutine(routineId, completed, fromReminder),
      focused: () => activitySource.focused,
    }));
  // Eye breaks are looked after by code loaded once one is a minute of coding away (or the panels are loaded anyway).
  const eyeBreakNear = (): boolean => {
    const { enabled, everyMinutes } = settings.current.eyeBreaks;
    return enabled && session.ledger.activeMsSinceEyeRest >= (everyMinutes - 1) * MS_PER_MINUTE;
  };
  const reminders = new Reminders({
    session,
    settings,
    clock,
    calendar: localCalendar,
    answers: () => later().answers,
    statusBar,
    log,
    focused: () => activitySource.focused,
    evaluated: () => (onDemand !== undefined || eyeBreakNear()) && later().eyes.evaluate(),
  });
  // Activity goes to the clock; focus changes and natural stopping points also wake the reminders.
  const activitySource = new ActivitySource({
    activity: () => session.activity(),
    focusChanged: (focused) => {
      session.focusChanged(focused);
      reminders.evaluate();
    },
    stoppingPoint: () => reminders.stoppingPoint(),
  });

  // Live Share's part is loaded only where it is installed: looked for after the start, then at each
  // refresh until it is found (it may be installed later), never at activation.
  let liveShare: { dispose(): void } | undefined;
  context.subscriptions.push(
    session.onDidRefresh(() => {
      const extension = liveShare ? undefined : vscode.extensions.getExtension(LIVE_SHARE_ID);
      if (extension) liveShare = platform.loadLiveShare().watchLiveShare(extension, { session, clock, log });
    }),
    { dispose: () => liveShare?.dispose() },
    log,
    settings,
    statusBar,
    session,
    settings.onDidChange((next) => {
      session.settingsChanged(next);
      // Where the records live is chosen at the start: the window the person is in offers to start again.
      if (platform.sharesAcrossEditors && next.shareClockAcrossEditors !== sharingAtStart && vscode.window.state.focused) {
        const reload = vscode.l10n.t('Reload Window');
        void vscode.window
          .showInformationMessage(
            next.shareClockAcrossEditors
              ? vscode.l10n.t('Upright shares one clock with your other editors once this window is reloaded.')
              : vscode.l10n.t('Upright keeps this editor’s own clock, taking the shared one along, once this window is reloaded.'),
            reload,
          )
          .then((choice) => choice === reload && vscode.commands.executeCommand('workbench.action.reloadWindow'));
      }
    }),
    activitySource,
    // Tasks and commands are timed by code loaded when the first one starts, while moves are on; an end is
    // news only to code that saw the start.
    vscode.tasks.onDidStartTask((e) => settings.current.moveWhileWaiting.enabled && later().waits.taskStarted(e)),
    vscode.tasks.onDidEndTask((e) => onDemand?.waits.taskEnded(e)),
    vscode.window.onDidStartTerminalShellExecution((e) => settings.current.moveWhileWaiting.enabled && later().waits.commandStarted(e)),
    vscode.window.onDidEndTerminalShellExecution((e) => onDemand?.waits.commandEnded(e)),
    reminders,
    { dispose: () => onDemand?.dispose() },
    ...registerRestoredPanels(later),
    ...registerCommands({ session, log, onDemand: later, defaultRoutine: () => settings.current.defaultRoutine }),
  );
  // Tests start in a fresh profile every time: the walkthrough would open in each.
  if (!testMode && platform.firstStart()) {
    const opening = later().welcome(performance.now());
    if (opening) context.subscriptions.push(opening);
  }
  reminders.evaluate();
  return {
    clock,
    session,
    activitySource,
    statusBar,
    settings,
    windowId,
    ledgerLocation: store.location,
    reminders,
    onDemand: later,
    log,
    answerDialogs: (answers) => (historyDialogs = answers),
  };
}
