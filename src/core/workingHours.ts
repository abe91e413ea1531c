import { t } from '../shared/l10n';
import { type WorkingHours } from './reminders/scheduler';
import { describeValue, type SettingProblem } from './settingsProblems';

const SETTING = 'upright.workingHours';

/** What `upright.workingHours` holds until a person changes it (the manifest's default). */
export const DEFAULT_WORKING_HOURS = { enabled: false, start: '09:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } as const;

/**
 * Working hours no moment is inside (from a time to itself, or on no day at all) would silence every
 * reminder. From a time to itself is read as the whole day, as a range that goes round the clock; no
 * day as the default days. One warning each, naming the setting and what is used.
 */
export function repairWorkingHours(hours: WorkingHours, raw: Readonly<Record<string, unknown>>, problems: SettingProblem[]): WorkingHours {
  let { startMinutes, endMinutes, days } = hours;
  if (days.length === 0) {
    days = DEFAULT_WORKING_HOURS.days;
    const used = describeValue(days);
    // A list with something in it gave its warning as it was read, the last one so far: it gets the days used.
    const reported = Array.isArray(raw.days) && raw.days.length > 0 ? problems.pop() : undefined;
    problems.push(
      reported ? { ...reported, used } : { setting: SETTING, found: t('days {0}', describeValue(raw.days)), used, reason: 'neverMatches' },
    );
  }
  if (startMinutes === endMinutes) {
    const shown = (value: unknown, fallback: string): string => describeValue(value ?? fallback);
    problems.push({
      setting: SETTING,
      found: `${t('start {0}', shown(raw.start, DEFAULT_WORKING_HOURS.start))}, ${t('end {0}', shown(raw.end, DEFAULT_WORKING_HOURS.end))}`,
      used: '00:00–24:00',
      reason: 'neverMatches',
    });
    startMinutes = 0;
    endMinutes = 24 * 60;
  }
  return { startMinutes, endMinutes, days };
}
