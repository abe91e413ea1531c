// A ledger that could not be fully read, kept aside. Rare, so the desktop entry loads this with the
// history file, on first use.
import { t } from '../../shared/l10n';
import { keepAside, type LedgerFs } from './fileSystem';

/**
 * Keeps a damaged ledger's text beside it as `ledger.corrupt-<time>.json` and returns the line that
 * tells the person. `problems`: the fields that were invalid (and rebuilt); undefined: not JSON at all.
 */
export function keepLedgerAside(
  fs: LedgerFs,
  file: string,
  text: string,
  problems: readonly string[] | undefined,
  nowWallMs: number,
): string {
  const backup = keepAside(fs, file, text, nowWallMs);
  const why =
    problems === undefined
      ? t('it is not valid JSON (truncated or damaged)')
      : t('these fields were invalid and were rebuilt: {0}', problems.join(', '));
  return t('The shared ledger could not be fully read ({0}). A copy was kept as {1} and the ledger was rebuilt.', why, backup);
}
