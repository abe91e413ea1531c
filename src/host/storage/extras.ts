// Storage code loaded on first use, a bundle of its own for the desktop entry (dist/storageExtras.js):
// the history file (read for the Stats, written when a day ends), a damaged ledger kept aside, and the
// recovery of a lock left by a window that died. It holds its own copy of the translator.
export { useTranslator } from '../../shared/l10n';
export { keepLedgerAside } from './damagedLedger';
export { openHistoryFile } from './historyFile';
export { breakStaleLock } from './staleLock';
