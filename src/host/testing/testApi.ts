import type * as vscode from 'vscode';

import { type Absence, type AwayAnswer } from '../../core/away';
import { type History } from '../../core/history';
import { type Ledger } from '../../core/ledger';
import { type UprightSettings } from '../../core/settings';
import { type TrackerSnapshot } from '../../core/tracker';
import { type StatsPageData } from '../../shared/statsPage';
import { type ActivitySource } from '../activitySource';
import { type HostClock, systemClock } from '../clock';
// The test clock ships with the test API, outside the extension bundle.
import { type CodingSession, type PromptClaimResult, type SessionCounters } from '../codingSession';
import { type HistoryDialogs } from '../dialogs/history';
import { type PromptAnswer } from '../dialogs/reminderAnswers';
import { holdDuringLiveShare, type LiveShareApi, watchLiveShare } from '../liveShare';
import { type OnDemand } from '../onDemand';
import { type Reminders } from '../reminders';
import { type SettingsReader } from '../settingsReader';
import { type SessionStatusBar } from '../statusBar';
import { type Started } from '../upright';
import { FaultyStorage, type StorageFaults } from './faultyStorage';
import { ManualClock, testClockStart } from './manualClock';

/** Returned by `activate()` in `ExtensionMode.Test` only: drive the clock, read the state. */
export interface UprightTestApi {
  readonly activationMs: number;
  readonly clock: ManualClock;
  setFocused(focused: boolean | undefined): void;
  snapshot(): TrackerSnapshot;
  statusBar(): {
    text: string;
    tooltip: string;
    accessibilityLabel: string;
    command: string | undefined;
    /** What a click passes to `command`. */
    commandArguments: readonly unknown[] | undefined;
    warning: boolean;
  };
  /** Runs the minute timer's work now. */
  refresh(): void;
  settings(): UprightSettings;
  warnings(): readonly string[];
  counters(): SessionCounters;
  /** The routine panel's timer wake-ups so far. */
  routineWakeUps(): number;
  /** Writes pending time to the shared ledger now (normally once a minute). */
  flush(): boolean;
  /** The shared ledger as this window sees it. */
  ledger(): Ledger;
  /** The prompt-claim primitive the reminders use. */
  claimPrompt(id: string, ttlMs: number): PromptClaimResult;
  releasePrompt(id: string): void;
  /** The routine under way, caught up with the clock (undefined when none). */
  routine(): ReturnType<OnDemand['routines']['snapshot']>;
  routineControl(action: 'pause' | 'resume' | 'next' | 'back' | 'finish' | 'close'): void;
  /**
   * Re-evaluates reminders now and returns where they stand, and the prompt this window shows. With
   * `{ evaluate: false }`, only reads them: what the window's own timers have done meanwhile.
   */
  reminder(options?: { evaluate?: boolean }): { view: Reminders['view']; shownPromptId: string | undefined; notificationsShown: number };
  /** What pressing a button of the prompt does. */
  answerPrompt(answer: PromptAnswer): boolean;
  /** The question about time away: how often this window asked it, what the status bar speaks of, what can be answered. */
  away(): { questionsShown: number; noticeFor: number | undefined; answerable: Absence | undefined };
  /** Tasks and commands under way, the move offered, and the timer wake-ups waiting for a typing pause. */
  waits(): OnDemand['waits']['state'] & { wakeUps: number; offersShown: number };
  /** Looks again at the eye break (as its timer would) and says where it stands, how many this window counted, and its timer's wake-ups. */
  eyes(): { state: OnDemand['eyes']['state']; taken: number; wakeUps: number };
  /** What pressing I moved or I sat does (for the last time away). */
  answerAway(answer: AwayAnswer): boolean;
  pauseReminders(untilWallMs: number | null): void;
  /** Holds reminders during the sessions of `api`, a stand-in for Live Share's API (which cannot be installed in tests). */
  holdDuringLiveShare(api: LiveShareApi): { dispose(): void };
  /** Watches `extension` as the installed Live Share extension is watched (a stand-in for it). */
  watchLiveShare(extension: vscode.Extension<unknown>): { dispose(): void };
  resumeReminders(): void;
  /** Every day that has ended, as stored. */
  history(): History;
  /** What the Stats page shows now, and whether it is open. */
  stats(): { data: StatsPageData; open: boolean };
  /** Answers the export and delete questions (a save dialog cannot be driven); undefined restores the real ones. */
  answerDialogs(answers: HistoryDialogs | undefined): void;
  /** Hands `raw` to a panel as if its page had sent it (the panel need not be open); true when acted on. */
  pageMessage(page: PageName, raw: unknown): boolean;
  /** Messages a panel's page sent so far, acted on and ignored. */
  pageMessages(page: PageName): { accepted: number; ignored: number };
  /** Makes the ledger's and history's storage fail (undefined: works again); returns failures so far. */
  storageFaults(faults: StorageFaults | undefined): number;
  /** The error of the last failed ledger write, as text. */
  lastWriteError(): string | undefined;
  readonly windowId: string;
  readonly ledgerLocation: string;
}

export type PageName = 'routine' | 'exercises' | 'stats';

/** What a status-bar item shows now. */
function describeItem(item: vscode.StatusBarItem): ReturnType<UprightTestApi['statusBar']> {
  const tooltip = item.tooltip;
  const command = item.command;
  return {
    text: item.text,
    tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
    accessibilityLabel: item.accessibilityInformation?.label ?? '',
    command: typeof command === 'string' ? command : command?.command,
    commandArguments: typeof command === 'string' ? undefined : command?.arguments,
    warning: item.backgroundColor !== undefined,
  };
}

/**
 * Starts Upright for the tests: on a manual clock (at `UPRIGHT_TEST_CLOCK_START`, or 09:00 on the test
 * day) and over storage that fails on request. `activationMs` is the time `start` took.
 */
export function startForTests(start: (clock: HostClock, storage: FaultyStorage) => Started): UprightTestApi {
  const clock = new ManualClock(testClockStart(process.env.UPRIGHT_TEST_CLOCK_START, systemClock.now()));
  const storage = new FaultyStorage();
  const startedMs = performance.now();
  const started = start(clock, storage);
  return createTestApi({ ...started, activationMs: performance.now() - startedMs, clock, storage });
}

export function createTestApi(parts: {
  activationMs: number;
  clock: ManualClock;
  session: CodingSession;
  activitySource: ActivitySource;
  statusBar: SessionStatusBar;
  settings: SettingsReader;
  windowId: string;
  ledgerLocation: string;
  reminders: Reminders;
  onDemand: () => OnDemand;
  storage: FaultyStorage | undefined;
  answerDialogs: (answers: HistoryDialogs | undefined) => void;
  log: vscode.LogOutputChannel;
}): UprightTestApi {
  const panelOf = (page: PageName): OnDemand['routines'] | OnDemand['exercises'] | OnDemand['stats'] => {
    const panels = parts.onDemand();
    return page === 'routine' ? panels.routines : page === 'exercises' ? panels.exercises : panels.stats;
  };
  return {
    activationMs: parts.activationMs,
    clock: parts.clock,
    setFocused: (focused) => parts.activitySource.overrideFocus(focused),
    snapshot: () => parts.session.snapshot(),
    statusBar: () => describeItem(parts.statusBar.item),
    refresh: () => parts.session.refresh(),
    settings: () => parts.settings.current,
    warnings: () => parts.settings.warnings,
    counters: () => parts.session.counters,
    routineWakeUps: () => parts.onDemand().routines.wakeUps,
    flush: () => parts.session.flush(),
    ledger: () => parts.session.ledger,
    claimPrompt: (id, ttlMs) => parts.session.claimPrompt(id, ttlMs),
    releasePrompt: (id) => parts.session.releasePrompt(id),
    routine: () => {
      parts.onDemand().routines.refresh();
      return parts.onDemand().routines.snapshot();
    },
    routineControl: (action) => parts.onDemand().routines.control(action),
    reminder: (options) => {
      if (options?.evaluate !== false) {
        parts.session.follow();
        parts.reminders.evaluate();
      }
      return {
        view: parts.reminders.view,
        shownPromptId: parts.reminders.shownPromptId,
        notificationsShown: parts.onDemand().answers.notificationsShown,
      };
    },
    answerPrompt: (answer) => parts.onDemand().answers.answer(answer),
    away: () => {
      const away = parts.onDemand().away;
      return { questionsShown: away.questionsShown, noticeFor: away.noticeFor, answerable: away.answerable() };
    },
    answerAway: (answer) => parts.onDemand().away.answer(answer),
    waits: () => {
      const waits = parts.onDemand().waits;
      return { ...waits.state, wakeUps: waits.wakeUps, offersShown: waits.offersShown };
    },
    eyes: () => {
      const eyes = parts.onDemand().eyes;
      parts.reminders.evaluate();
      eyes.evaluate();
      return { state: eyes.state, taken: eyes.taken, wakeUps: eyes.wakeUps };
    },
    pauseReminders: (until) => parts.onDemand().answers.pause(until),
    resumeReminders: () => parts.onDemand().answers.resume(),
    holdDuringLiveShare: (api) => holdDuringLiveShare(api, { session: parts.session, clock: parts.clock, log: parts.log }),
    watchLiveShare: (extension) => watchLiveShare(extension, { session: parts.session, clock: parts.clock, log: parts.log }),
    history: () => parts.session.history(),
    stats: () => ({ data: parts.onDemand().stats.data(), open: parts.onDemand().stats.isOpen }),
    answerDialogs: (answers) => parts.answerDialogs(answers),
    storageFaults: (faults) => {
      if (!parts.storage) throw new Error('this host has no storage seam');
      parts.storage.faults = faults ?? {};
      return parts.storage.failed;
    },
    lastWriteError: () => {
      const err = parts.session.lastWriteError;
      return err instanceof Error ? err.message : err === undefined ? undefined : JSON.stringify(err);
    },
    pageMessage: (page, raw) => panelOf(page).receive(raw),
    pageMessages: (page) => ({ accepted: panelOf(page).inbox.accepted, ignored: panelOf(page).inbox.ignored }),
    windowId: parts.windowId,
    ledgerLocation: parts.ledgerLocation,
  };
}
