import { AWAY_TIMES, type AwayTime } from './away';
import { EQUIPMENT, type Equipment } from './exercises/model';
import { BUILT_IN_ROUTINE_IDS, DEFAULT_ROUTINE_ID } from './exercises/routineIds';
import { type Routine } from './exercises/routines';
import { type QuietTime } from './quietTimes';
import { type ReminderSettings, type Weekday, WEEKDAYS, type WorkingHours } from './reminders/scheduler';
import { describeValue, type SettingProblem } from './settingsProblems';
import { MS_PER_MINUTE, MS_PER_SECOND } from './time';

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
  /** Null when working hours are off: reminders at any time; otherwise only inside one of the ranges. */
  readonly workingHours: readonly WorkingHours[] | null;
  /** Recurring slots with no reminders. */
  readonly quietTimes: readonly QuietTime[];
  /** What time away from the editor was: ask at the return, always a break, or always sitting. */
  readonly awayTime: AwayTime;
  /** One ledger for every editor of the VS Code family on the machine, in a folder of its own; false: this editor's own storage. */
  readonly shareClockAcrossEditors: boolean;
  /** A move offered while a task or command runs, when it is expected to run at least `minSeconds`. */
  readonly moveWhileWaiting: { readonly enabled: boolean; readonly minSeconds: number };
  /** The 20-20-20 rule: after `everyMinutes` of coding, look far away for `seconds`, counted down in the status bar. */
  readonly eyeBreaks: { readonly enabled: boolean; readonly everyMinutes: number; readonly seconds: number };
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

/** What `upright.workingHours` holds until a person changes it (the manifest's default). */
export const DEFAULT_WORKING_HOURS = { enabled: false, start: '09:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } as const;

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
  quietTimes: [],
  awayTime: 'ask',
  shareClockAcrossEditors: true,
  moveWhileWaiting: { enabled: true, minSeconds: 45 },
  eyeBreaks: { enabled: false, everyMinutes: 20, seconds: 20 },
};

/** `upright.moveWhileWaiting.minSeconds`: from a short build to the longest wait (see `LONGEST_WAIT_SECONDS`). */
const MOVE_MIN_SECONDS: IntegerSpec = { key: 'moveWhileWaiting.minSeconds', defaultValue: 45, min: 15, max: 900 };
/** `upright.eyeBreaks`: how often, in minutes of coding, and how long to look away. */
const EYE_EVERY_MINUTES: IntegerSpec = { key: 'eyeBreaks.everyMinutes', defaultValue: 20, min: 1, max: 120 };
const EYE_SECONDS: IntegerSpec = { key: 'eyeBreaks.seconds', defaultValue: 20, min: 5, max: 120 };

/**
 * A setting that is an object of `enabled` and whole numbers (`upright.moveWhileWaiting`,
 * `upright.eyeBreaks`): what is wrong in it is said, and the rest kept.
 */
function readSwitched<T extends { readonly enabled: boolean }>(
  name: string,
  raw: unknown,
  fallback: T,
  numbers: readonly IntegerSpec[],
  problems: SettingProblem[],
): T {
  if (raw === undefined) return fallback;
  const setting = `${SECTION}.${name}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ setting, found: describeValue(raw), used: describeValue(fallback), reason: 'notAllowed' });
    return fallback;
  }
  const r = raw as Record<string, unknown>;
  let enabled = fallback.enabled;
  if (typeof r.enabled === 'boolean') enabled = r.enabled;
  else if (r.enabled !== undefined)
    problems.push({ setting: `${setting}.enabled`, found: describeValue(r.enabled), used: String(enabled), reason: 'notAllowed' });
  const fields = ['enabled', ...numbers.map((spec) => spec.key.slice(name.length + 1))];
  const unknown = Object.keys(r).filter((k) => !fields.includes(k));
  if (unknown.length > 0) problems.push({ setting, found: describeValue(unknown), used: describeValue(fields), reason: 'notAllowed' });
  const read: Record<string, unknown> = { enabled };
  numbers.forEach((spec, i) => (read[fields[i + 1] as string] = readInteger(spec, r[fields[i + 1] as string], problems)));
  return read as unknown as T;
}

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

export function parseWeekdays(key: string, raw: unknown, fallback: readonly Weekday[], problems: SettingProblem[]): readonly Weekday[] {
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

/** What `upright.workingHours` holds until a person changes it: off, so nothing to read. */
function isDefaultHours(raw: unknown): boolean {
  const fallback: Readonly<Record<string, unknown>> = DEFAULT_WORKING_HOURS;
  return (
    typeof raw === 'object' &&
    raw !== null &&
    !Array.isArray(raw) &&
    Object.entries(raw).every(([key, value]) => JSON.stringify(value) === JSON.stringify(fallback[key]))
  );
}

/**
 * Reads `upright.customRoutines` (the parser in core/exercises/custom.ts). Passed in, so what starts
 * with VS Code need not hold it: most people have no custom routine, and it is asked for only then.
 */
export type CustomRoutinesParser = (raw: unknown, builtInIds: readonly string[], problems: SettingProblem[]) => Routine[];

/** What the full reading of settings needs only for settings few people have, asked for only then. */
export interface SettingsRules {
  readonly parseCustomRoutines: CustomRoutinesParser;
  /** `upright.workingHours`, one range or a list (core/workingHours.ts); null when off. */
  readonly parseWorkingHours: (raw: unknown, problems: SettingProblem[]) => readonly WorkingHours[] | null;
  /** `upright.quietTimes` (core/workingHours.ts). */
  readonly parseQuietTimes: (raw: unknown, problems: SettingProblem[]) => readonly QuietTime[];
}

/** The full reading of settings (`parseSettings` with its rules), in code loaded only when a value needs it. */
export interface SettingsReading {
  parseSettings(read: (key: string) => unknown): ParsedSettings;
}

const isIntegerIn = (raw: unknown, spec: IntegerSpec): raw is number =>
  Number.isInteger(raw) && (raw as number) >= spec.min && (raw as number) <= spec.max;

/**
 * Reads every setting through `read` (given the key below `upright.`). Values that are plainly good
 * (or unset) are read here; anything else (a value to clamp or report, custom routines, working hours,
 * quiet times) has `full` read them all, so what starts with VS Code holds only this.
 */
export function readSettings(read: (key: string) => unknown, full: () => SettingsReading): ParsedSettings {
  const values: Record<string, unknown> = {};
  const good = (key: string, check: (raw: unknown) => boolean): boolean => {
    let raw: unknown;
    try {
      raw = read(key);
    } catch {
      return false;
    }
    values[key] = raw;
    return raw === undefined || check(raw);
  };
  const inList = (allowed: readonly string[]) => (raw: unknown) =>
    Array.isArray(raw) && new Set(raw).size === raw.length && raw.every((x) => allowed.includes(x as string));
  const plain =
    Object.values(SETTING_SPECS).every((spec) => good(spec.key, (raw) => isIntegerIn(raw, spec))) &&
    good('statusBar.display', (raw) => STATUS_BAR_DISPLAYS.includes(raw as StatusBarDisplay)) &&
    good('equipment', inList(EQUIPMENT)) &&
    good('customRoutines', (raw) => Array.isArray(raw) && raw.length === 0) &&
    good('defaultRoutine', (raw) => (BUILT_IN_ROUTINE_IDS as readonly string[]).includes(raw as string)) &&
    good('sound', (raw) => typeof raw === 'boolean') &&
    good('reminderStyle', (raw) => REMINDER_STYLES.includes(raw as ReminderStyle)) &&
    good('fullRoutineDays', inList(WEEKDAYS)) &&
    good('workingHours', isDefaultHours) &&
    good('quietTimes', (raw) => Array.isArray(raw) && raw.length === 0) &&
    good('awayTime', (raw) => AWAY_TIMES.includes(raw as AwayTime)) &&
    good('shareClockAcrossEditors', (raw) => typeof raw === 'boolean') &&
    good('moveWhileWaiting', (raw) => JSON.stringify(raw) === JSON.stringify(DEFAULT_SETTINGS.moveWhileWaiting)) &&
    good('eyeBreaks', (raw) => JSON.stringify(raw) === JSON.stringify(DEFAULT_SETTINGS.eyeBreaks));
  if (!plain) return full().parseSettings(read);
  const d = DEFAULT_SETTINGS;
  const integer = (spec: IntegerSpec): number => ((values[spec.key] as number | undefined) ?? spec.defaultValue) + 0;
  const listOf = <T extends string>(allowed: readonly T[], key: string, fallback: readonly T[]): readonly T[] =>
    values[key] === undefined ? fallback : allowed.filter((x) => (values[key] as unknown[]).includes(x));
  const idleThresholdSeconds = integer(SETTING_SPECS.idleThresholdSeconds);
  const naturalBreakMinutes = integer(SETTING_SPECS.naturalBreakMinutes);
  // A natural break shorter than the idle threshold is mended, and reported, by the full reading.
  if (naturalBreakMinutes < Math.ceil(idleThresholdSeconds / 60)) return full().parseSettings(read);
  return {
    settings: {
      idleThresholdSeconds,
      naturalBreakMinutes,
      statusBarDisplay: (values['statusBar.display'] as StatusBarDisplay | undefined) ?? d.statusBarDisplay,
      equipment: listOf(EQUIPMENT, 'equipment', d.equipment),
      customRoutines: [],
      defaultRoutine: (values.defaultRoutine as string | undefined) ?? d.defaultRoutine,
      sound: (values.sound as boolean | undefined) ?? d.sound,
      breakIntervalMinutes: integer(SETTING_SPECS.breakIntervalMinutes),
      typingPauseSeconds: integer(SETTING_SPECS.typingPauseSeconds),
      snoozeMinutes: integer(SETTING_SPECS.snoozeMinutes),
      maxConsecutiveSnoozes: integer(SETTING_SPECS.maxConsecutiveSnoozes),
      reminderStyle: (values.reminderStyle as ReminderStyle | undefined) ?? d.reminderStyle,
      fullRoutineDays: listOf(WEEKDAYS, 'fullRoutineDays', d.fullRoutineDays),
      workingHours: null,
      quietTimes: [],
      awayTime: (values.awayTime as AwayTime | undefined) ?? d.awayTime,
      shareClockAcrossEditors: (values.shareClockAcrossEditors as boolean | undefined) ?? d.shareClockAcrossEditors,
      moveWhileWaiting: d.moveWhileWaiting,
      eyeBreaks: d.eyeBreaks,
    },
    problems: [],
  };
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
  const awayTime = readEnum('awayTime', AWAY_TIMES, DEFAULT_SETTINGS.awayTime, safeRead('awayTime'), problems);
  const rawShare = safeRead('shareClockAcrossEditors');
  const shareClockAcrossEditors = typeof rawShare === 'boolean' ? rawShare : DEFAULT_SETTINGS.shareClockAcrossEditors;
  if (rawShare !== undefined && typeof rawShare !== 'boolean')
    problems.push({ setting: `${SECTION}.shareClockAcrossEditors`, found: describeValue(rawShare), used: 'true', reason: 'notAllowed' });
  // Read by code loaded only for a value other than the default.
  const rawHours = safeRead('workingHours');
  const workingHours = rawHours === undefined || isDefaultHours(rawHours) ? null : rules().parseWorkingHours(rawHours, problems);
  const rawQuiet = safeRead('quietTimes');
  const quietTimes =
    rawQuiet === undefined || (Array.isArray(rawQuiet) && rawQuiet.length === 0) ? [] : rules().parseQuietTimes(rawQuiet, problems);
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
      quietTimes,
      awayTime,
      shareClockAcrossEditors,
      moveWhileWaiting: readSwitched(
        'moveWhileWaiting',
        safeRead('moveWhileWaiting'),
        DEFAULT_SETTINGS.moveWhileWaiting,
        [MOVE_MIN_SECONDS],
        problems,
      ),
      eyeBreaks: readSwitched('eyeBreaks', safeRead('eyeBreaks'), DEFAULT_SETTINGS.eyeBreaks, [EYE_EVERY_MINUTES, EYE_SECONDS], problems),
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
    quietTimes: settings.quietTimes,
    fullRoutineDays: settings.fullRoutineDays,
    defaultRoutine: settings.defaultRoutine,
  };
}
