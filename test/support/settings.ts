import { parseCustomRoutines } from '../../src/core/exercises/custom';
import { type ParsedSettings, parseSettings as parseWith } from '../../src/core/settings';

/** Every setting read as the extension reads it, with the custom-routine parser it loads when needed. */
export function parseSettings(read: (key: string) => unknown): ParsedSettings {
  return parseWith(read, () => parseCustomRoutines);
}
