import { EQUIPMENT, type Equipment } from './exercises/model';
import { MS_PER_MINUTE, MS_PER_SECOND } from './time';
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
}

/** One setting's bad value, and what is used instead. */
export interface SettingProblem {
  /** The full setting id, e.g. `upright.idleThresholdSeconds`. */
  readonly setting: string;
  /** The value found, rendered for a message (truncated). */
  readonly found: string;
  /** The value used instead, rendered for a message. */
  readonly used: string;
  readonly reason: 'notANumber' | 'outOfRange' | 'notAllowed' | 'belowIdleThreshold';
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
};

const SECTION = 'upright';
const MAX_SHOWN_CHARS = 60;

/** Renders any value for a warning: short, single-line, never throwing (cycles, BigInt, symbols). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) text = String(value);
    else if (typeof value === 'bigint') text = `${value}n`;
    else {
      // JSON.stringify gives undefined for functions and symbols, whatever its declared type says.
      const json: string | undefined = JSON.stringify(value);
      text = json ?? Object.prototype.toString.call(value);
    }
  } catch {
    text = Object.prototype.toString.call(value);
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text;
}

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
  return { settings: { idleThresholdSeconds, naturalBreakMinutes, statusBarDisplay, equipment }, problems };
}

export function settingsEqual(a: UprightSettings, b: UprightSettings): boolean {
  return (
    a.idleThresholdSeconds === b.idleThresholdSeconds &&
    a.naturalBreakMinutes === b.naturalBreakMinutes &&
    a.statusBarDisplay === b.statusBarDisplay &&
    a.equipment.length === b.equipment.length &&
    a.equipment.every((e, i) => b.equipment[i] === e)
  );
}

export function trackerSettingsOf(settings: UprightSettings): TrackerSettings {
  return {
    idleThresholdMs: settings.idleThresholdSeconds * MS_PER_SECOND,
    naturalBreakMs: settings.naturalBreakMinutes * MS_PER_MINUTE,
  };
}
