import { parseCustomRoutines } from '../../src/core/exercises/custom';
import { type ParsedSettings, parseSettings as parseWith, readSettings } from '../../src/core/settings';
import { parseQuietTimes, parseWorkingHours } from '../../src/core/workingHours';

/** Every setting read as the extension reads it, with the rules it loads when a setting needs them. */
export function parseSettings(read: (key: string) => unknown): ParsedSettings {
  const full = (values: (key: string) => unknown): ParsedSettings =>
    parseWith(values, () => ({ parseCustomRoutines, parseWorkingHours, parseQuietTimes }));
  return readSettings(read, () => ({ parseSettings: full }));
}
