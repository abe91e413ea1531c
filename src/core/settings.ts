import { parseCustomRoutines } from './exercises/custom';
import { EQUIPMENT, type Equipment } from './exercises/model';
import { BUILT_IN_ROUTINES, DEFAULT_ROUTINE_ID, type Routine } from './exercises/routines';
import { describeValue, type SettingProblem } from './settingsProblems';
import { MS_PER_MINUTE, MS_PER_SECOND } from './time';

export { describeValue, type SettingProblem } from './settingsProblems';
import { type TrackerSettings } from './tracker';

export const STATUS_BAR_DISPLAYS = ['session', 'today'] as const;
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
} as const satisfies Record<string, IntegerSpec>;

export const DEFAULT_SETTINGS: UprightSettings = {
  idleThresholdSeconds: SETTING_SPECS.idleThresholdSeconds.defaultValue,
  naturalBreakMinutes: SETTING_SPECS.naturalBreakMinutes.defaultValue,
  statusBarDisplay: 'session',
  equipment: ['band'],
  customRoutines: [],
  defaultRoutine: DEFAULT_ROUTINE_ID,
  sound: false,
};

const SECTION = 'upright';

function readInteger(spec: IntegerSpec, raw: unknown, problems: SettingProblem[]): number {
  const setting = `${SECTION}.${spec.key}`;
  if (raw === undefined) return spec.defaultValue;
  let value: number | undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
  else if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) value = Number(raw);
  if (value === undefined) {
    problems.push({ setting, found: describeValue(raw), used: String(spec.defaultValue), reason: 'notANumber' });
    return spec.defaultValue;
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, Math.round(value)));
  if (clamped !== Math.round(value)) {
    problems.push({ setting, found: describeValue(raw), used: String(clamped), reason: 'outOfRange' });
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

/**
 * Reads every setting through `read` (given the key below `upright.`) into a validated snapshot. Bad
 * values are clamped or defaulted and reported, never thrown.
 */
export function parseSettings(read: (key: string) => unknown): ParsedSettings {
  const problems: SettingProblem[] = [];
  const safeRead = (key: string): unknown => {
    try {
      return read(key);
    } catch {
      return undefined;
    }
  };
  const idleThresholdSeconds = readInteger(SETTING_SPECS.idleThresholdSeconds, safeRead('idleThresholdSeconds'), problems);
  let naturalBreakMinutes = readInteger(SETTING_SPECS.naturalBreakMinutes, safeRead('naturalBreakMinutes'), problems);
  const minNaturalMinutes = Math.ceil(idleThresholdSeconds / 60);
  if (naturalBreakMinutes < minNaturalMinutes) {
    // An absence shorter than the idle threshold is still coding, so it cannot be a break.
    problems.push({
      setting: `${SECTION}.naturalBreakMinutes`,
      found: String(naturalBreakMinutes),
      used: String(minNaturalMinutes),
      reason: 'belowIdleThreshold',
    });
    naturalBreakMinutes = minNaturalMinutes;
  }
  const statusBarDisplay = readEnum('statusBar.display', STATUS_BAR_DISPLAYS, DEFAULT_SETTINGS.statusBarDisplay, safeRead('statusBar.display'), problems);
  const equipment = parseEquipment(safeRead('equipment'), problems);
  const customRoutines = parseCustomRoutines(safeRead('customRoutines'), BUILT_IN_ROUTINES.map((r) => r.id), problems);
  const routineIds = [...BUILT_IN_ROUTINES, ...customRoutines].map((r) => r.id);
  const defaultRoutine = readEnum('defaultRoutine', routineIds, DEFAULT_ROUTINE_ID, safeRead('defaultRoutine'), problems);
  const rawSound = safeRead('sound');
  let sound = false;
  if (typeof rawSound === 'boolean') sound = rawSound;
  else if (rawSound !== undefined) problems.push({ setting: `${SECTION}.sound`, found: describeValue(rawSound), used: 'false', reason: 'notAllowed' });
  return { settings: { idleThresholdSeconds, naturalBreakMinutes, statusBarDisplay, equipment, customRoutines, defaultRoutine, sound }, problems };
}

export function settingsEqual(a: UprightSettings, b: UprightSettings): boolean {
  return (
    a.idleThresholdSeconds === b.idleThresholdSeconds &&
    a.naturalBreakMinutes === b.naturalBreakMinutes &&
    a.statusBarDisplay === b.statusBarDisplay &&
    a.equipment.length === b.equipment.length &&
    a.equipment.every((e, i) => b.equipment[i] === e) &&
    a.defaultRoutine === b.defaultRoutine &&
    a.sound === b.sound &&
    JSON.stringify(a.customRoutines) === JSON.stringify(b.customRoutines)
  );
}

export function trackerSettingsOf(settings: UprightSettings): TrackerSettings {
  return {
    idleThresholdMs: settings.idleThresholdSeconds * MS_PER_SECOND,
    naturalBreakMs: settings.naturalBreakMinutes * MS_PER_MINUTE,
  };
}
