// What settings need beyond plainly good values, a bundle of its own for both entries
// (dist/settingsDetail.js, importing nothing but vscode): loaded only when a person has custom
// routines or a setting Upright cannot use as it is. It holds its own copy of the translator.
import { parseCustomRoutines } from '../core/exercises/custom';
import { formatSpokenDuration } from '../core/format';
import { type ParsedSettings, parseSettings as parseAll, type SettingProblem } from '../core/settings';
import { MS_PER_MINUTE } from '../core/time';
import { parseQuietTimes, parseWorkingHours } from '../core/workingHours';
import { t } from '../shared/l10n';
export { useTranslator } from '../shared/l10n';

const rules = { parseCustomRoutines, parseWorkingHours, parseQuietTimes };

/** Every setting read in full: values mended and reported, custom routines, working hours and quiet times. */
export function parseSettings(read: (key: string) => unknown): ParsedSettings {
  return parseAll(read, () => rules);
}

/** The log's words for a value that was not used as it is. */
export function describeProblem(problem: SettingProblem): string {
  switch (problem.reason) {
    case 'notANumber':
      return t('Setting {0}: {1} is not a number; using {2}.', problem.setting, problem.found, problem.used);
    case 'outOfRange':
      return t('Setting {0}: {1} is out of range; using {2}.', problem.setting, problem.found, problem.used);
    case 'notAllowed':
      return t('Setting {0}: {1} is not one of the allowed values; using {2}.', problem.setting, problem.found, problem.used);
    case 'neverMatches':
      return t('Setting {0}: {1} leaves no time for a reminder; using {2}.', problem.setting, problem.found, problem.used);
    case 'nothingAtTheDesk':
      return t(
        'Setting {0}: {1} has no exercise a reminder can offer (each is unknown or done on the floor); using {2}.',
        problem.setting,
        problem.found,
        problem.used,
      );
    case 'mended':
      return t('Setting {0}: {1}; using {2}.', problem.setting, problem.found, problem.used);
    case 'skipped':
      return t('Setting {0}: {1}; it is skipped.', problem.setting, problem.found);
    case 'belowIdleThreshold':
      return t(
        'Setting {0}: a break of {1} is shorter than the idle threshold, so it could never count; using {2}.',
        problem.setting,
        formatSpokenDuration(Number(problem.found) * MS_PER_MINUTE),
        problem.used,
      );
  }
}
