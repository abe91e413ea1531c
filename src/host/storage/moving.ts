// Moving records between an editor's own folder and the folder every editor of the VS Code family
// shares (`upright.shareClockAcrossEditors`). Loaded only when a move is due. No `vscode` here.
import path = require('node:path');

import { emptyHistory, type History, parseHistory, serializeHistory } from '../../core/history';
import { bringInHistory, clockOf, everythingOf, historySince, withBroughtIn } from '../../core/historyMerge';
import { emptyLedger, type Ledger, readLedger } from '../../core/ledger';
import { errorCode } from './errorCode';
import { type LedgerFs, replaceFile } from './fileSystem';
import { type HistoryStore } from './historyFile';
import { ownSignature, readSharingNote, SHARING_NOTE, type SharingNote } from './sharedFolder';

/** A folder's files, for a writer holding its lock (see `LedgerFile.locked`). */
export interface LockedFiles {
  readonly ledger: Ledger | undefined;
  readonly history: HistoryStore;
  writeLedger(ledger: Ledger): void;
}

/**
 * What the product's own folder held when its records were last brought in, or when it took the shared
 * ones back: only what came after is brought in again.
 */
const BASE_FILE = 'sharing-base.json';

export interface MoveOptions {
  readonly fs: LedgerFs;
  /** The product's own folder (`globalStorageUri`), and the shared one. */
  readonly ownDir: string;
  readonly sharedDir: string;
  readonly todayKey: string;
  readonly nowWallMs: number;
  readonly pid: number;
}

/** A folder's ledger and history, read without changing anything there (a damaged file is read for what is valid in it). */
function readRecords(fs: LedgerFs, dir: string, todayKey: string): { ledger: Ledger | undefined; history: History } {
  let ledger: Ledger | undefined;
  const text = readIfThere(fs, path.join(dir, 'ledger.json'));
  if (text !== undefined) {
    try {
      ledger = readLedger(JSON.parse(text), emptyLedger(todayKey)).ledger;
    } catch {
      // Not JSON any more: nothing of it can be counted, and the file stays where it is.
    }
  }
  const historyText = readIfThere(fs, path.join(dir, 'history.json'));
  const history = historyText === undefined ? emptyHistory() : parseHistory(historyText).history;
  return { ledger, history };
}

function readIfThere(fs: LedgerFs, file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function writeBase(fs: LedgerFs, o: MoveOptions, base: History): void {
  fs.mkdirSync(o.ownDir, { recursive: true });
  replaceFile(fs, path.join(o.ownDir, BASE_FILE), serializeHistory(base), o.pid);
}

function writeNote(fs: LedgerFs, o: MoveOptions, note: SharingNote): void {
  fs.mkdirSync(o.ownDir, { recursive: true });
  replaceFile(fs, path.join(o.ownDir, SHARING_NOTE), `${JSON.stringify(note)}\n`, o.pid);
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
}

/**
 * Brings the product's own records into the shared folder, once (the caller holds the shared folder's
 * lock through `files`). Its history, the days its ledger still holds and its ledger's own day join the
 * shared history day by day (see `AWAY_FIELDS` for how two editors' days add), marked with the folder
 * they came from, in one write: stopped anywhere, the next start finds the mark and brings nothing in
 * twice. The more recently used of the two clocks goes on. The product's own files are left as they
 * were; only a note beside them (`sharing.json`) says they were brought in. Having taken the shared
 * records back once (`shareClockAcrossEditors` turned off), only what came after is brought in again.
 * Returns what was done, for the log.
 */
export function moveIn(files: LockedFiles, o: MoveOptions): string {
  const { fs } = o;
  const note = readSharingNote(o.ownDir, fs);
  const signature = ownSignature(o.ownDir, fs);
  if (note?.mode === 'shared' && note.folder === o.sharedDir && note.signature === signature) return '';
  const own = readRecords(fs, o.ownDir, o.todayKey);
  const baseText = note ? readIfThere(fs, path.join(o.ownDir, BASE_FILE)) : undefined;
  const base = baseText === undefined ? emptyHistory() : parseHistory(baseText).history;
  const everything = everythingOf(own.history, own.ledger);
  const brought = historySince(everything, base);
  const mark = note ? `${o.ownDir}@${note.atWallMs}` : o.ownDir;
  let history = files.history.read();
  let said: string;
  if ((history.movedIn ?? []).includes(mark)) {
    said = `The records of ${o.ownDir} were already in ${o.sharedDir}.`;
  } else if (brought.days.length === 0 && Object.keys(brought.exercises).length === 0) {
    // Nothing to bring in twice: no mark is needed.
    said = `${o.ownDir} held no records to bring into ${o.sharedDir}.`;
  } else {
    const had = new Set(history.days.map((d) => d.day));
    history = bringInHistory(history, brought, mark);
    files.history.replace(history);
    const days = brought.days;
    const coding = days.reduce((sum, d) => sum + d.activeMs, 0);
    const shared = days.filter((d) => had.has(d.day));
    said =
      `Brought the records of ${o.ownDir} into ${o.sharedDir}: ${days.length} days` +
      (days.length > 0 ? ` from ${days[0]?.day} to ${days[days.length - 1]?.day}` : '') +
      ', ' +
      `${minutes(coding)} of coding` +
      (shared.length > 0
        ? `; ${shared.length} of these days were there already, and their coding was added (${minutes(shared.reduce((s, d) => s + d.activeMs, 0))}), their breaks away from the editor counted once`
        : '') +
      '. The files there are kept as they were.';
  }
  const current = files.ledger;
  const ownNewer = own.ledger && (own.ledger.lastActivityWallMs ?? 0) > (current?.lastActivityWallMs ?? -1);
  const clock =
    ownNewer && own.ledger
      ? withBroughtIn(clockOf(own.ledger, o.todayKey, history), current, o.todayKey, history)
      : current && withBroughtIn(current, own.ledger, o.todayKey, history);
  if (clock) files.writeLedger(clock);
  writeBase(fs, o, everything);
  writeNote(fs, o, { mode: 'shared', folder: o.sharedDir, atWallMs: o.nowWallMs, signature });
  return said;
}

/**
 * Takes the shared records back into the product's own folder (`shareClockAcrossEditors` turned off, or
 * the shared folder could not be used): its ledger and history replace the own folder's, whose files are
 * first kept aside as `ledger.kept-<time>.json` and `history.kept-<time>.json`. What was taken is kept
 * as the base for a later move in. When the shared folder cannot be read, the own folder's records stay
 * as they are and are the base. The caller holds the own folder's lock through `files`.
 */
export function moveOut(files: LockedFiles, o: MoveOptions): string {
  const { fs } = o;
  const note = readSharingNote(o.ownDir, fs);
  if (note?.mode !== 'shared') return '';
  let shared: { ledger: Ledger | undefined; history: History } | undefined;
  let why = '';
  try {
    shared = readRecords(fs, note.folder, o.todayKey);
  } catch (err) {
    why = errorCode(err) ?? String(err);
  }
  let base: History;
  let said: string;
  if (shared && (shared.ledger || shared.history.days.length > 0)) {
    for (const name of ['ledger', 'history']) {
      const text = readIfThere(fs, path.join(o.ownDir, `${name}.json`));
      if (text !== undefined) fs.writeFileSync(path.join(o.ownDir, `${name}.kept-${o.nowWallMs}.json`), text, { flag: 'wx' });
    }
    // What came into the shared folder from where is its own business.
    const history: History = { ...shared.history, movedIn: [] };
    files.history.replace(history);
    if (shared.ledger) files.writeLedger(shared.ledger);
    base = everythingOf(history, shared.ledger);
    said = `Took the records of ${note.folder} along into ${o.ownDir}; the files that were there are kept as ledger.kept-${o.nowWallMs}.json and history.kept-${o.nowWallMs}.json.`;
  } else {
    base = everythingOf(files.history.read(), files.ledger);
    said = why
      ? `Could not read ${note.folder} (${why}): ${o.ownDir} goes on with its own records as they were.`
      : `${note.folder} held no records: ${o.ownDir} goes on with its own.`;
  }
  writeBase(fs, o, base);
  writeNote(fs, o, { mode: 'own', folder: note.folder, atWallMs: o.nowWallMs });
  return said;
}
