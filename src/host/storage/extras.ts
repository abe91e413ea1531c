// Storage code loaded on first use, a bundle of its own for the desktop entry (dist/storageExtras.js):
// the ledger's lock (taken at the first write, not at start) with the recovery of a lock left by a
// window that died, the history file (read for the Stats, written when a day ends), a damaged ledger
// kept aside, and records moved into and out of the folder every editor shares. It holds its own copy
// of the translator.
export { useTranslator } from '../../shared/l10n';
export { keepLedgerAside, newerLedgerMessage } from './damagedLedger';
export { openHistoryFile } from './historyFile';
export { openLedgerLock } from './ledgerLock';
export { moveWhereDue, unusableSharedFolder } from './sharing';
