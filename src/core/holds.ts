/** `upright.hold` takes whole minutes in this range. */
export const MAX_HOLD_MINUTES = 24 * 60;
/** What an argument that is not a number of minutes holds reminders for: reminders come back on their own. */
export const FALLBACK_HOLD_MINUTES = 60;

/**
 * The minutes `upright.hold` was asked for (a keybinding's `"args"`, `executeCommand('upright.hold',
 * 30)`): none, until resumed; a number (or a number written as text) rounded to whole minutes and kept
 * within 1 to `MAX_HOLD_MINUTES`; anything else `FALLBACK_HOLD_MINUTES`, never a hold without end.
 */
export function holdMinutesOf(arg: unknown): { readonly minutes: number | null; readonly problem?: 'notANumber' | 'outOfRange' } {
  if (arg === undefined || arg === null) return { minutes: null };
  const value = typeof arg === 'number' ? arg : typeof arg === 'string' && arg.trim() !== '' ? Number(arg) : Number.NaN;
  if (!Number.isFinite(value)) return { minutes: FALLBACK_HOLD_MINUTES, problem: 'notANumber' };
  const minutes = Math.min(MAX_HOLD_MINUTES, Math.max(1, Math.round(value)));
  return value < 0.5 || value >= MAX_HOLD_MINUTES + 0.5 ? { minutes, problem: 'outOfRange' } : { minutes };
}
