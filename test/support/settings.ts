import { parseCustomRoutines } from '../../src/core/exercises/custom';
import { type ParsedSettings, parseSettings as parseWith } from '../../src/core/settings';
import { repairWorkingHours } from '../../src/core/workingHours';

/** Every setting read as the extension reads it, with the rules it loads when a setting needs them. */
export function parseSettings(read: (key: string) => unknown): ParsedSettings {
  return parseWith(read, () => ({ parseCustomRoutines, repairWorkingHours }));
}
