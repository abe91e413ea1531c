import { emptyLedger, type Ledger } from './ledger';

const DAY_MS = 86_400_000;

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/**
 * Turns the per-window state of the first release (kept in `globalState` under `upright.tracker`) into a
 * shared ledger. Returns undefined when the record is not that format or not sane.
 */
export function ledgerFromFirstRelease(raw: unknown): Ledger | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.version !== 1 || typeof r.dayKey !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.dayKey)) return undefined;
  if (!isTime(r.todayActiveMs) || r.todayActiveMs > DAY_MS || !isTime(r.activeMsSinceBreak)) return undefined;
  const lastActivity = r.lastActivityWallMs;
  const lastBreakAt = r.lastBreakWallMs;
  const kind = r.lastBreakKind;
  return {
    ...emptyLedger(r.dayKey),
    todayActiveMs: r.todayActiveMs,
    activeMsSinceBreak: r.activeMsSinceBreak,
    lastActivityWallMs: isTime(lastActivity) ? lastActivity : null,
    lastBreak: isTime(lastBreakAt) && (kind === 'natural' || kind === 'manual') ? { atWallMs: lastBreakAt, kind } : null,
  };
}
