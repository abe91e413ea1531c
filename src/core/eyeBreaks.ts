// Eye breaks, the 20-20-20 rule: after a spell of coding, look at something far away for a few seconds.
// Pure: the host passes the moment in.
import { type ReminderView } from './reminders/scheduler';
import { MS_PER_MINUTE, MS_PER_SECOND } from './time';

export interface EyeBreakSettings {
  readonly enabled: boolean;
  readonly everyMinutes: number;
  readonly seconds: number;
}

/** A posture break due within this much coding takes the place of an eye break: it rests the eyes too. */
export const POSTURE_BREAK_NEAR_MS = 5 * MS_PER_MINUTE;

/**
 * - `off`: eye breaks are turned off.
 * - `held`: by a pause, a hold, quiet times or working hours (as reminders are), by a posture break
 *   that is due or near, or because this window is not the one in use.
 * - `counting`: coding towards the next one.
 * - `due`: the status bar counts down; typing starts the count again.
 * - `done`: the seconds ran out with no activity: an eye break taken.
 */
export type EyePhase = 'off' | 'held' | 'counting' | 'due' | 'done';

export interface EyeInput {
  /** Coding since the last eye break, or since the last break of any kind. */
  readonly activeMsSinceEyeRest: number;
  /** Where posture reminders stand; undefined before they were first looked at. */
  readonly reminder: Pick<ReminderView, 'phase' | 'msUntilDue'> | undefined;
  /** Since the last activity in this window. */
  readonly quietMs: number;
  /** How long this window has shown the eye break due; null: not shown. */
  readonly dueForMs: number | null;
  /** This window is focused, and no routine or move is running in it. */
  readonly inUse: boolean;
}

export interface EyeView {
  readonly phase: EyePhase;
  /** Coding left until the next one (negative once due). */
  readonly msUntilDue: number;
  /** While due: the whole seconds left to look away. */
  readonly secondsLeft: number;
  /** When to look again if nothing happens; null: the minute refresh is enough. */
  readonly wakeInMs: number | null;
}

const HOLDING_PHASES: ReadonlySet<ReminderView['phase']> = new Set(['paused', 'held', 'outsideHours', 'quiet', 'snoozed', 'soon', 'due']);

/** Where the eye break stands now. */
export function eyeBreakView(settings: EyeBreakSettings, input: EyeInput): EyeView {
  const lookMs = settings.seconds * MS_PER_SECOND;
  const msUntilDue = settings.everyMinutes * MS_PER_MINUTE - input.activeMsSinceEyeRest;
  const view = (phase: EyePhase, wakeInMs: number | null, secondsLeft = settings.seconds): EyeView => ({
    phase,
    msUntilDue,
    secondsLeft,
    wakeInMs,
  });
  if (!settings.enabled) return view('off', null);
  const reminder = input.reminder;
  if (!reminder || HOLDING_PHASES.has(reminder.phase)) return view('held', null);
  if (reminder.phase === 'counting' && reminder.msUntilDue <= POSTURE_BREAK_NEAR_MS) return view('held', null);
  if (!input.inUse) return view('held', null);
  // Coding time grows only with activity, so a timer set for the moment it is due may find a little
  // left: it is looked at again a second later at the most often.
  if (msUntilDue > 0) return view('counting', Math.max(MS_PER_SECOND, msUntilDue));
  // Looked away since it fell due: the seconds without activity since then.
  const restedMs = Math.min(input.quietMs, input.dueForMs ?? 0);
  const leftMs = lookMs - restedMs;
  if (leftMs <= 0) return view('done', null, 0);
  // The next whole second of the count; while the person types, a second from now.
  const toNextSecond = leftMs % MS_PER_SECOND || MS_PER_SECOND;
  return view('due', toNextSecond, Math.ceil(leftMs / MS_PER_SECOND));
}
