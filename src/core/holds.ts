import { type Hold } from './reminders/scheduler';
import { MS_PER_MINUTE } from './time';

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

/** Live Share's hold lasts this long past its last renewal, so a window that dies does not hold reminders for ever. */
export const LIVE_SHARE_HOLD_MS = 5 * MS_PER_MINUTE;
/** It is renewed once less than this is left (a ledger write every two minutes or so). */
const RENEW_WHEN_LEFT_MS = 3 * MS_PER_MINUTE;

/**
 * One window's part in holding reminders while its Live Share session lasts: the hold it asks of the
 * shared ledger, given the hold there now. It holds when a session starts (unless a hold by hand
 * already does), renews its hold while the session lasts, takes over a hold that ran out, and releases
 * its own when the session ends. A person who resumes reminders during a session has the last word:
 * that session holds them no more.
 */
export class LiveShareHold {
  #session: string | null = null;
  /** Whose hold the ledger had when last looked at during this session. */
  #seen: 'mine' | 'hand' | 'other' | undefined;
  #resumed = false;

  /** The hold the ledger should have now (`sessionId` null: no session); undefined: leave it as it is. */
  next(sessionId: string | null, current: Hold | null, nowWallMs: number): Hold | null | undefined {
    if (sessionId !== this.#session) {
      const ended = this.#session;
      this.#session = sessionId;
      this.#seen = undefined;
      this.#resumed = false;
      if (sessionId === null) return ended !== null && current?.liveShare === ended ? null : undefined;
    }
    if (sessionId === null || this.#resumed) return undefined;
    const live = current !== null && (current.untilWallMs === null || nowWallMs < current.untilWallMs);
    if (current === null) {
      // Only a person resuming clears this session's hold or one by hand; another session's is released by its window.
      if (this.#seen === 'mine' || this.#seen === 'hand') {
        this.#resumed = true;
        return undefined;
      }
    } else if (live && current.liveShare !== sessionId) {
      this.#seen = current.liveShare === undefined ? 'hand' : 'other';
      return undefined;
    } else if (live && current.untilWallMs !== null && current.untilWallMs - nowWallMs >= RENEW_WHEN_LEFT_MS) {
      this.#seen = 'mine';
      return undefined;
    }
    this.#seen = 'mine';
    return { untilWallMs: nowWallMs + LIVE_SHARE_HOLD_MS, sinceWallMs: nowWallMs, liveShare: sessionId };
  }
}
