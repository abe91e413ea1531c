import { t } from '../shared/l10n';
import { AWAY_TIMES, type AwayTime } from './away';
import { EQUIPMENT, type Equipment } from './exercises/model';
import { BUILT_IN_ROUTINE_IDS, DEFAULT_ROUTINE_ID } from './exercises/routineIds';
import { type Routine } from './exercises/routines';
import { type ReminderSettings, type Weekday, WEEKDAYS, type WorkingHours } from './reminders/scheduler';
import { describeValue, type SettingProblem } from './settingsProblems';
import { MS_PER_MINUTE, MS_PER_SECOND } from './time';
import { DEFAULT_WORKING_HOURS } from './workingHours';

export { describeValue, type SettingProblem } from './settingsProblems';
import { type TrackerSettings } from './tracker';

export const STATUS_BAR_DISPLAYS = ['session', 'today', 'nextBreak'] as const;
export const REMINDER_STYLES = ['notification', 'statusBar', 'panel'] as const;
export type ReminderStyle = (typeof REMINDER_STYLES)[number];
export type StatusBarDisplay = (typeof STATUS_BAR_DISPLAYS)[number];

/** Every setting Upright reads, validated. Immutable: a change of configuration makes a new one. */
export interface UprightSettings {
  readonly idleThresholdSeconds: number;
  readonly naturalBreakMinutes: number;
  readonly statusBarDisplay: StatusBarDisplay;
  /** What the person owns; exercises needing anything else are swapped. */
  readonly equipment: readonly Equipment[];
  /** The person's own routines (validated). */
  readonly customRoutines: readonly Routine[];
  /** The routine Take a Break starts (and reminders offer): a built-in or custom id. */
  readonly defaultRoutine: string;
  /** A soft cue at each step change, made in the page. */
  readonly sound: boolean;
  readonly breakIntervalMinutes: number;
  readonly typingPauseSeconds: number;
  readonly snoozeMinutes: number;
  readonly maxConsecutiveSnoozes: number;
  readonly reminderStyle: ReminderStyle;
  readonly fullRoutineDays: readonly Weekday[];
  /** Null when working hours are off: reminders at any time. */
  readonly workingHours: WorkingHours | null;
  /** What time away from the editor was: ask at the return, always a break, or always sitting. */
  readonly awayTime: AwayTime;
}

export interface ParsedSettings {
  readonly settings: UprightSettings;
  readonly problems: readonly SettingProblem[];
}

interface IntegerSpec {
  readonly key: string;
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
}

export const SETTING_SPECS = {
  idleThresholdSeconds: { key: 'idleThresholdSeconds', defaultValue: 180, min: 30, max: 1800 },
  naturalBreakMinutes: { key: 'naturalBreakMinutes', defaultValue: 5, min: 1, max: 120 },
  breakIntervalMinutes: { key: 'breakIntervalMinutes', defaultValue: 30, min: 1, max: 240 },
  typingPauseSeconds: { key: 'typingPauseSeconds', defaultValue: 15, min: 0, max: 120 },
  snoozeMinutes: { key: 'snoozeMinutes', defaultValue: 5, min: 1, max: 60 },
  maxConsecutiveSnoozes: { key: 'maxConsecutiveSnoozes', defaultValue: 3, min: 0, max: 10 },
} as const satisfies Record<string, IntegerSpec>;

export const DEFAULT_FULL_ROUTINE_DAYS: readonly Weekday[] = ['mon', 'wed', 'fri'];

export const DEFAULT_SETTINGS: UprightSettings = {
  idleThresholdSeconds: SETTING_SPECS.idleThresholdSeconds.defaultValue,
  naturalBreakMinutes: SETTING_SPECS.naturalBreakMinutes.defaultValue,
  statusBarDisplay: 'session',
  equipment: ['band'],
  customRoutines: [],
  defaultRoutine: DEFAULT_ROUTINE_ID,
  sound: false,
  breakIntervalMinutes: 30,
  typingPauseSeconds: 15,
  snoozeMinutes: 5,
  maxConsecutiveSnoozes: 3,
  reminderStyle: 'notification',
  fullRoutineDays: ['mon', 'wed', 'fri'],
  workingHours: null,
  awayTime: 'ask',
};

const SECTION = 'upright';

function readInteger(spec: IntegerSpec, raw: unknown, problems: SettingProblem[]): number {
  const setting = `${SECTION}.${spec.key}`;
  if (raw === undefined) return spec.defaultValue;
  // A number written as text is still used, but reported like any value of the wrong type.
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    problems.push({ setting, found: describeValue(raw), used: String(spec.defaultValue), reason: 'notANumber' });
    return spec.defaultValue;
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, Math.round(value)));
  if (typeof raw !== 'number' || clamped !== value) {
    const reason = typeof raw !== 'number' ? 'notANumber' : value < spec.min || value > spec.max ? 'outOfRange' : 'notAllowed';
    problems.push({ setting, found: describeValue(raw), used: String(clamped), reason });
  }
  return clamped;
}

function readEnum<T extends string>(key: string, allowed: readonly T[], fallback: T, raw: unknown, problems: SettingProblem[]): T {
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push({ setting: `${SECTION}.${key}`, found: describeValue(raw), used: fallback, reason: 'notAllowed' });
  return fallback;
}

export const DEFAULT_EQUIPMENT: readonly Equipment[] = DEFAULT_SETTINGS.equipment;

/**
 * `upright.equipment`: a list of known items. Unknown or repeated items are dropped (and reported);
 * anything that is not a list gives the default. An empty list is valid: no equipment.
 */
export function parseEquipment(raw: unknown, problems: SettingProblem[]): readonly Equipment[] {
  if (raw === undefined) return DEFAULT_EQUIPMENT;
  const setting = `${SECTION}.equipment`;
  if (!Array.isArray(raw)) {
    problems.push({ setting, found: describeValue(raw), used: describeValue(DEFAULT_EQUIPMENT), reason: 'notAllowed' });
    return DEFAULT_EQUIPMENT;
  }
  const items = raw as unknown[];
  const kept = EQUIPMENT.filter((e) => items.includes(e));
  if (kept.length !== items.length) problems.push({ setting, found: describeValue(raw), used: describeValue(kept), reason: 'notAllowed' });
  return kept;
}

function parseWeekdays(key: string, raw: unknown, fallback: readonly Weekday[], problems: SettingProblem[]): readonly Weekday[] {
  if (raw === undefined) return fallback;
  if (!Array.isArray(raw)) {
    problems.push({ setting: `${SECTION}.${key}`, found: describeValue(raw), used: describeValue(fallback), reason: 'notAllowed' });
    return fallback;
  }
  const items = raw as unknown[];
  const kept = WEEKDAYS.filter((d) => items.includes(d));
  if (kept.length !== items.length)
    problems.push({ setting: `${SECTION}.${key}`, found: describeValue(raw), used: describeValue(kept), reason: 'notAllowed' });
  return kept;
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function clockMinutes(text: string): number | undefined {
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** A time of day in minutes; a time padded with spaces is used, but reported. */
function readClock(raw: unknown, fallback: string, found: (shown: string) => string, problems: SettingProblem[]): number {
  const fallbackMinutes = clockMinutes(fallback) ?? 0;
  if (raw === undefined) return fallbackMinutes;
  if (typeof raw === 'string' && CLOCK.test(raw)) return clockMinutes(raw) ?? fallbackMinutes;
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  const minutes = clockMinutes(trimmed);
  problems.push({
    setting: `${SECTION}.workingHours`,
    found: found(describeValue(raw)),
    used: minutes === undefined ? fallback : trimmed,
    reason: 'notAllowed',
  });
  return minutes ?? fallbackMinutes;
}

/** `upright.workingHours`: `{ enabled, start: "09:00", end: "18:00", days: [...] }`; null when off. */
export function parseWorkingHours(raw: unknown, problems: SettingProblem[], rules: () => SettingsRules): WorkingHours | null {
  if (raw === undefined) return null;
  const setting = `${SECTION}.workingHours`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ setting, found: describeValue(raw), used: 'off', reason: 'notAllowed' });
    return null;
  }
  const r = raw as Record<string, unknown>;
  if (r.enabled !== undefined && typeof r.enabled !== 'boolean')
    problems.push({ setting, found: t('enabled {0}', describeValue(r.enabled)), used: 'false', reason: 'notAllowed' });
  // Checked even while off, so a mistake is reported before the hours are switched on.
  const startMinutes = readClock(r.start, DEFAULT_WORKING_HOURS.start, (shown) => t('start {0}', shown), problems);
  const endMinutes = readClock(r.end, DEFAULT_WORKING_HOURS.end, (shown) => t('end {0}', shown), problems);
  let hours: WorkingHours = {
    startMinutes,
    endMinutes,
    days: parseWeekdays('workingHours.days', r.days, DEFAULT_WORKING_HOURS.days, problems),
  };
  // Hours no moment is inside would silence every reminder: repaired by code loaded only then.
  if (startMinutes === endMinutes || hours.days.length === 0) hours = rules().repairWorkingHours(hours, r, problems);
  return r.enabled === true ? hours : null;
}

/**
 * Reads `upright.customRoutines` (the parser in core/exercises/custom.ts). Passed in, so what starts
 * with VS Code need not hold it: most people have no custom routine, and it is asked for only then.
 */
export type CustomRoutinesParser = (raw: unknown, builtInIds: readonly string[], problems: SettingProblem[]) => Routine[];

/** What reading settings needs only for settings few people have, asked for only then. */
export interface SettingsRules {
  readonly parseCustomRoutines: CustomRoutinesParser;
  /** Working hours no moment is inside, made usable and reported (core/workingHours.ts). */
  readonly repairWorkingHours: (hours: WorkingHours, raw: Readonly<Record<string, unknown>>, problems: SettingProblem[]) => WorkingHours;
}

/**
 * Reads every setting through `read` (given the key below `upright.`) into a validated snapshot. Bad
 * values are clamped or defaulted and reported, never thrown.
 */
export function parseSettings(read: (key: string) => unknown, rules: () => SettingsRules): ParsedSettings {
  const problems: SettingProblem[] = [];
  const safeRead = (key: string): unknown => {
    try {
      return read(key);
    } catch {
      return undefined;
    }
  };
  const idleThresholdSeconds = readInteger(SETTING_SPECS.idleThresholdSeconds, safeRead('idleThresholdSeconds'), problems);
  const problemsBeforeNatural = problems.length;
  let naturalBreakMinutes = readInteger(SETTING_SPECS.naturalBreakMinutes, safeRead('naturalBreakMinutes'), problems);
  const minNaturalMinutes = Math.ceil(idleThresholdSeconds / 60);
  if (naturalBreakMinutes < minNaturalMinutes) {
    // An absence shorter than the idle threshold is still coding, so it cannot be a break. A value
    // already reported gets its one warning corrected rather than a second one.
    const reported = problems.length > problemsBeforeNatural ? problems.pop() : undefined;
    problems.push(
      reported
        ? { ...reported, used: String(minNaturalMinutes) }
        : {
            setting: `${SECTION}.naturalBreakMinutes`,
            found: String(naturalBreakMinutes),
            used: String(minNaturalMinutes),
            reason: 'belowIdleThreshold',
          },
    );
    naturalBreakMinutes = minNaturalMinutes;
  }
  const statusBarDisplay = readEnum(
    'statusBar.display',
    STATUS_BAR_DISPLAYS,
    DEFAULT_SETTINGS.statusBarDisplay,
    safeRead('statusBar.display'),
    problems,
  );
  const equipment = parseEquipment(safeRead('equipment'), problems);
  const rawCustomRoutines = safeRead('customRoutines');
  const customRoutines =
    rawCustomRoutines === undefined || (Array.isArray(rawCustomRoutines) && rawCustomRoutines.length === 0)
      ? []
      : rules().parseCustomRoutines(rawCustomRoutines, BUILT_IN_ROUTINE_IDS, problems);
  const routineIds = [...BUILT_IN_ROUTINE_IDS, ...customRoutines.map((r) => r.id)];
  const defaultRoutine = readEnum('defaultRoutine', routineIds, DEFAULT_ROUTINE_ID, safeRead('defaultRoutine'), problems);
  const rawSound = safeRead('sound');
  let sound = false;
  if (typeof rawSound === 'boolean') sound = rawSound;
  else if (rawSound !== undefined)
    problems.push({ setting: `${SECTION}.sound`, found: describeValue(rawSound), used: 'false', reason: 'notAllowed' });
  const breakIntervalMinutes = readInteger(SETTING_SPECS.breakIntervalMinutes, safeRead('breakIntervalMinutes'), problems);
  const typingPauseSeconds = readInteger(SETTING_SPECS.typingPauseSeconds, safeRead('typingPauseSeconds'), problems);
  const snoozeMinutes = readInteger(SETTING_SPECS.snoozeMinutes, safeRead('snoozeMinutes'), problems);
  const maxConsecutiveSnoozes = readInteger(SETTING_SPECS.maxConsecutiveSnoozes, safeRead('maxConsecutiveSnoozes'), problems);
  const reminderStyle = readEnum('reminderStyle', REMINDER_STYLES, DEFAULT_SETTINGS.reminderStyle, safeRead('reminderStyle'), problems);
  const fullRoutineDays = parseWeekdays('fullRoutineDays', safeRead('fullRoutineDays'), DEFAULT_FULL_ROUTINE_DAYS, problems);
  const workingHours = parseWorkingHours(safeRead('workingHours'), problems, rules);
  const awayTime = readEnum('awayTime', AWAY_TIMES, DEFAULT_SETTINGS.awayTime, safeRead('awayTime'), problems);
  return {
    settings: {
      idleThresholdSeconds,
      naturalBreakMinutes,
      statusBarDisplay,
      equipment,
      customRoutines,
      defaultRoutine,
      sound,
      breakIntervalMinutes,
      typingPauseSeconds,
      snoozeMinutes,
      maxConsecutiveSnoozes,
      reminderStyle,
      fullRoutineDays,
      workingHours,
      awayTime,
    },
    problems,
  };
}

/** Settings are plain data built in one order by `parseSettings`, so equal settings serialize alike. */
export function settingsEqual(a: UprightSettings, b: UprightSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function trackerSettingsOf(settings: UprightSettings): TrackerSettings {
  return {
    idleThresholdMs: settings.idleThresholdSeconds * MS_PER_SECOND,
    naturalBreakMs: settings.naturalBreakMinutes * MS_PER_MINUTE,
  };
}

export function reminderSettingsOf(settings: UprightSettings): ReminderSettings {
  return {
    breakIntervalMs: settings.breakIntervalMinutes * MS_PER_MINUTE,
    typingPauseMs: settings.typingPauseSeconds * MS_PER_SECOND,
    snoozeMs: settings.snoozeMinutes * MS_PER_MINUTE,
    maxConsecutiveSnoozes: settings.maxConsecutiveSnoozes,
    workingHours: settings.workingHours,
    fullRoutineDays: settings.fullRoutineDays,
    defaultRoutine: settings.defaultRoutine,
  };
}
