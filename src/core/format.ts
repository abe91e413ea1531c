import { singular, t } from '../shared/l10n';
import { MS_PER_MINUTE } from './time';

export interface HoursMinutes {
  readonly hours: number;
  readonly minutes: number;
}

/** Whole minutes, rounded down (a minute is shown once it is complete), split into hours and minutes. */
export function toHoursMinutes(ms: number): HoursMinutes {
  const totalMinutes = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / MS_PER_MINUTE);
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** Compact duration for the status bar: `0m`, `45m`, `1h 05m`. */
export function formatCompactDuration(ms: number): string {
  const { hours, minutes } = toHoursMinutes(ms);
  if (hours === 0) return t('{0}m', minutes);
  return t('{0}h {1}m', hours, `${minutes < 10 ? '0' : ''}${minutes}`);
}

/** A duration as a screen reader says it: "1 minute", "2 hours", "1 hour and 5 minutes". */
export function formatSpokenDuration(ms: number): string {
  const { hours, minutes } = toHoursMinutes(ms);
  const minutesText = t(singular(minutes) ? '{0} minute' : '{0} minutes', minutes);
  if (hours === 0) return minutesText;
  const hoursText = t(singular(hours) ? '{0} hour' : '{0} hours', hours);
  return minutes === 0 ? hoursText : t('{0} and {1}', hoursText, minutesText);
}

/** The session timer's accessible label. */
export function sessionLabel(activeMsSinceBreak: number, todayActiveMs: number): string {
  return t(
    'Upright: {0} coding since your last break, {1} today. Activate for the menu.',
    formatSpokenDuration(activeMsSinceBreak),
    formatSpokenDuration(todayActiveMs),
  );
}

/** "Not done yet", "Done today", "Done yesterday", "Done 3 days ago", counted in local days. */
export function formatLastDone(thenWallMs: number | undefined, nowWallMs: number, startOfDay: (wallMs: number) => number): string {
  if (thenWallMs === undefined) return t('Not done yet');
  const days = Math.round((startOfDay(nowWallMs) - startOfDay(thenWallMs)) / 86_400_000);
  if (days <= 0) return t('Done today');
  if (days === 1) return t('Done yesterday');
  return t('Done {0} days ago', days);
}

/** Minutes for a list: "2 min", "½ min" for anything under a minute. */
export function formatMinutes(seconds: number): string {
  if (seconds < 45) return t('½ min');
  return t('{0} min', Math.max(1, Math.round(seconds / 60)));
}

/**
 * A person's own text (a custom routine's name) for places where VS Code reads markup in plain
 * strings: `[label](command:…)` becomes a link in a notification and `$(icon)` an icon in a pick list.
 * A zero-width space keeps them as the characters that were typed.
 */
export function literalText(text: string): string {
  return text.replace(/\]\(/g, ']\u200b(').replace(/\$\(/g, '$\u200b(');
}
