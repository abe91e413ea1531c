import { openHistoryFile } from '../../src/host/storage/historyFile';
import { LedgerFile, type LedgerFileOptions } from '../../src/host/storage/ledgerFile';

/** A ledger file as the desktop entry opens one, with its history file (loaded directly here). */
export function ledgerFile(dir: string, options: Omit<LedgerFileOptions, 'openHistory'>): LedgerFile {
  return new LedgerFile(dir, { ...options, openHistory: openHistoryFile });
}
