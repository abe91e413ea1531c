import { type UprightSettings } from '../core/settings';
import { type TrackerSnapshot } from '../core/tracker';
import { type ActivitySource } from './activitySource';
import { type ManualClock } from './clock';
import { type CodingSession } from './codingSession';
import { type SettingsReader } from './settingsReader';
import { type SessionStatusBar } from './statusBar';

/** Returned by `activate()` in `ExtensionMode.Test` only: drive the clock, read the state. */
export interface UprightTestApi {
  readonly activationMs: number;
  readonly clock: ManualClock;
  setFocused(focused: boolean | undefined): void;
  snapshot(): TrackerSnapshot;
  statusBar(): { text: string; tooltip: string; accessibilityLabel: string; command: string | undefined };
  /** Runs the minute timer's work now. */
  refresh(): void;
  settings(): UprightSettings;
  warnings(): readonly string[];
  counters(): { wakeUps: number; saves: number };
}

export function createTestApi(parts: {
  activationMs: number;
  clock: ManualClock;
  session: CodingSession;
  activitySource: ActivitySource;
  statusBar: SessionStatusBar;
  settings: SettingsReader;
}): UprightTestApi {
  return {
    activationMs: parts.activationMs,
    clock: parts.clock,
    setFocused: (focused) => parts.activitySource.overrideFocus(focused),
    snapshot: () => parts.session.snapshot(),
    statusBar: () => parts.statusBar.describe(),
    refresh: () => parts.session.refresh(),
    settings: () => parts.settings.current,
    warnings: () => parts.settings.warnings,
    counters: () => parts.session.counters,
  };
}
