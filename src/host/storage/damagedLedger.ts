// A ledger that could not be fully read, kept aside. Rare, so the desktop entry loads this with the
// history file, on first use.
import { t } from '../../shared/l10n';
import { errorCode, keepAside, type LedgerFs } from './fileSystem';

/**
 * Keeps a damaged ledger's text beside it as `ledger.corrupt-<time>.json`. Returns whether it was kept,
 * and the line that tells the person. `problems`: the fields that were invalid; undefined: not JSON.
 * A ledger that could not be kept is not to be replaced: the caller leaves it as it is.
 */
export function keepLedgerAside(
  fs: LedgerFs,
  file: string,
  text: string,
  problems: readonly string[] | undefined,
  nowWallMs: number,
): { kept: boolean; message: string } {
  const kept = keepAside(fs, file, text, nowWallMs);
  const why =
    problems === undefined
      ? t('it is not valid JSON (truncated or damaged)')
      : t('these fields were invalid and were rebuilt: {0}', problems.join(', '));
  if ('backup' in kept) {
    return {
      kept: true,
      message: t('The shared ledger could not be fully read ({0}). A copy was kept as {1} and the ledger was rebuilt.', why, kept.backup),
    };
  }
  return {
    kept: false,
    message: t(
      'The shared ledger could not be fully read ({0}), and no copy of it could be kept ({1}); it is left as it is until one can be.',
      why,
      errorCode(kept.failed) ?? String(kept.failed),
    ),
  };
}

/** What a person is told, once, of a ledger written by a newer version (see `LedgerFile.update`). */
export function newerLedgerMessage(): string {
  return t(
    'The shared ledger was written by a newer version of Upright. This version leaves it as it is and counts in memory; update Upright here too.',
  );
}
