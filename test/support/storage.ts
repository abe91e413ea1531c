import * as extras from '../../src/host/storage/extras';
import { LedgerFile, type LedgerFileOptions } from '../../src/host/storage/ledgerFile';

/** A ledger file as the desktop entry opens one, with its storage extras (loaded directly here). */
export function ledgerFile(dir: string, options: Omit<LedgerFileOptions, 'extras'>): LedgerFile {
  return new LedgerFile(dir, { ...options, extras: () => extras });
}
