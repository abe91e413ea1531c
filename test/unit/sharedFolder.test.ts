import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { type DayRecord, emptyDay } from '../../src/core/days';
import { emptyHistory, type History, parseHistory, serializeHistory } from '../../src/core/history';
import { addDaysOfTwoEditors, bringInHistory, clockOf, historySince } from '../../src/core/historyMerge';
import { commitOps, emptyLedger, type Ledger, type LedgerOp } from '../../src/core/ledger';
import { type LedgerFile } from '../../src/host/storage/ledgerFile';
import { moveIn, moveOut } from '../../src/host/storage/moving';
import { checkSharedFolder, type FolderFs, readSharingNote, sharedFolderOf } from '../../src/host/storage/sharedFolder';
import { ledgerFile } from '../support/storage';

const MINUTE = 60_000;
const TODAY = '2026-03-10';
/** 15:00 on TODAY in UTC: the test's own clock, never the machine's. */
const NOW = Date.UTC(2026, 2, 10, 15);

function day(d: string, fields: Partial<DayRecord>): DayRecord {
  return { ...emptyDay(d), ...fields };
}

function historyOf(days: DayRecord[], exercises: History['exercises'] = {}): History {
  return { ...emptyHistory(), days, exercises, exercisesThrough: days[days.length - 1]?.day ?? null };
}

/** A product's own global storage as an earlier Upright left it: a history and a ledger with today in it. */
function writeProduct(dir: string, h: History, ledger?: Ledger): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'history.json'), serializeHistory(h));
  if (ledger) fs.writeFileSync(path.join(dir, 'ledger.json'), JSON.stringify(ledger));
}

function ledgerWith(ops: LedgerOp[], atWallMs = NOW): Ledger {
  return commitOps(emptyLedger(TODAY), ops, atWallMs, TODAY);
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((n) => n === 'ledger.json' || n === 'history.json')
      .map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]),
  );
}

function storedHistory(dir: string): History {
  return parseHistory(fs.readFileSync(path.join(dir, 'history.json'), 'utf8')).history;
}

function storedLedger(file: LedgerFile): Ledger {
  return file.read(emptyLedger('1970-01-01'));
}

describe('the folder every editor shares: where it is', () => {
  it('is one folder per user on each system, whatever the product', () => {
    assert.equal(sharedFolderOf({ platform: 'linux', env: {}, home: '/home/ada' }), '/home/ada/.local/state/upright');
    assert.equal(sharedFolderOf({ platform: 'linux', env: { XDG_STATE_HOME: '/var/ada' }, home: '/home/ada' }), '/var/ada/upright');
    // A relative XDG_STATE_HOME is ignored, as the XDG spec says.
    assert.equal(
      sharedFolderOf({ platform: 'linux', env: { XDG_STATE_HOME: 'state' }, home: '/home/ada' }),
      '/home/ada/.local/state/upright',
    );
    assert.equal(sharedFolderOf({ platform: 'darwin', env: {}, home: '/Users/ada' }), '/Users/ada/Library/Application Support/upright');
    assert.equal(
      sharedFolderOf({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, home: 'C:\\Users\\ada' }),
      'C:\\Users\\ada\\AppData\\Local\\upright',
    );
    assert.equal(sharedFolderOf({ platform: 'win32', env: {}, home: 'C:\\Users\\ada' }), 'C:\\Users\\ada\\AppData\\Local\\upright');
  });
});

describe('the folder every editor shares: can it be used', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-shared-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const posix = process.platform !== 'win32';

  it('is created with owner-only permissions, and nothing is left in it', function () {
    if (!posix) this.skip();
    const dir = path.join(root, 'state', 'upright');
    assert.equal(checkSharedFolder(dir), undefined);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('narrows wider permissions to its owner', function () {
    if (!posix) this.skip();
    const dir = path.join(root, 'upright');
    fs.mkdirSync(dir, { mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    assert.equal(checkSharedFolder(dir), undefined);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  });

  it('is never used when it belongs to another user', function () {
    if (!posix) this.skip();
    const dir = path.join(root, 'upright');
    fs.mkdirSync(dir, { mode: 0o755 });
    const someoneElse = (process.getuid?.() ?? 0) + 4242;
    assert.match(checkSharedFolder(dir, fs, someoneElse) ?? '', /another user/);
    // Its permissions are not touched either.
    assert.equal(fs.statSync(dir).mode & 0o777, 0o755);
  });

  it('is not used when XDG_STATE_HOME points at a file, or where no folder can be made', () => {
    const file = path.join(root, 'not-a-folder');
    fs.writeFileSync(file, '');
    assert.match(checkSharedFolder(path.join(file, 'upright')) ?? '', /ENOTDIR|EEXIST|ENOENT/);
    assert.match(checkSharedFolder(file) ?? '', /not a folder|EEXIST/);
  });

  /** The node file system, with one operation failing as `code`. */
  function failing(op: keyof FolderFs, code: string): FolderFs {
    const broken: FolderFs = {
      ...fs,
      [op]: () => {
        throw Object.assign(new Error(code), { code });
      },
    };
    return broken;
  }

  it('is not used on a read-only home or when it cannot be written', () => {
    const dir = path.join(root, 'upright');
    assert.equal(checkSharedFolder(dir, failing('mkdirSync', 'EROFS')), 'EROFS');
    assert.equal(checkSharedFolder(dir, failing('writeFileSync', 'EACCES')), 'EACCES');
    assert.equal(checkSharedFolder(dir, failing('writeFileSync', 'EROFS')), 'EROFS');
  });

  it('a full disk: a folder that already holds the clock stays in use, a new one is not started', () => {
    const dir = path.join(root, 'upright');
    assert.equal(checkSharedFolder(dir, failing('writeFileSync', 'ENOSPC')), 'ENOSPC');
    fs.writeFileSync(path.join(dir, 'ledger.json'), '{}');
    assert.equal(checkSharedFolder(dir, failing('writeFileSync', 'ENOSPC')), undefined);
  });
});

describe('two editors’ days', () => {
  it('add what was done in the focused window, and keep the larger count of time away', () => {
    const a = day('2026-03-01', {
      activeMs: 90 * MINUTE,
      natural: 3,
      manual: 1,
      routines: 1,
      sitting: 1,
      sittingMs: 30 * MINUTE,
      moved: 1,
    });
    const b = day('2026-03-01', { activeMs: 40 * MINUTE, natural: 5, manual: 2, routines: 0, sitting: 1, sittingMs: 20 * MINUTE });
    assert.deepEqual(
      addDaysOfTwoEditors(a, b),
      day('2026-03-01', { activeMs: 130 * MINUTE, natural: 5, manual: 3, routines: 1, sitting: 1, sittingMs: 30 * MINUTE, moved: 1 }),
    );
  });

  it('what came after a copy is what is beyond it, never below zero', () => {
    const base = historyOf([day('2026-03-01', { activeMs: 60 * MINUTE }), day('2026-03-02', { activeMs: 10 * MINUTE, natural: 2 })], {
      'chin-tuck': { count: 2, ms: 60_000, lastDay: '2026-03-02' },
    });
    const now = historyOf(
      [
        day('2026-03-01', { activeMs: 60 * MINUTE }),
        day('2026-03-02', { activeMs: 25 * MINUTE, natural: 1 }),
        day('2026-03-03', { activeMs: 5 * MINUTE }),
      ],
      { 'chin-tuck': { count: 3, ms: 90_000, lastDay: '2026-03-03' } },
    );
    const since = historySince(now, base);
    assert.deepEqual(since.days, [day('2026-03-02', { activeMs: 15 * MINUTE }), day('2026-03-03', { activeMs: 5 * MINUTE })]);
    assert.deepEqual(since.exercises, { 'chin-tuck': { count: 1, ms: 30_000, lastDay: '2026-03-03' } });
  });

  it('brought in once are marked with the folder they came from', () => {
    const into = historyOf([day('2026-03-01', { activeMs: MINUTE })]);
    const h = bringInHistory(into, historyOf([day('2026-03-02', { activeMs: MINUTE })]), '/a');
    assert.deepEqual(h.movedIn, ['/a']);
    assert.deepEqual(parseHistory(serializeHistory(h)).history.movedIn, ['/a'], 'the mark is stored');
    assert.equal(serializeHistory(into).includes('movedIn'), false, 'a history with nothing brought in is written as before');
  });

  it('the clock an editor brings along carries none of today’s counts: they went to history', () => {
    const source: Ledger = {
      ...emptyLedger('2026-03-02'),
      activeMsSinceBreak: 20 * MINUTE,
      activeMsSinceEyeRest: 7 * MINUTE,
      todayActiveMs: 50 * MINUTE,
      todayReminders: 2,
      todayRoutines: 1,
      todayMoves: 3,
      todayEyeBreaks: 4,
      todaySitting: 1,
      todaySittingMs: 10 * MINUTE,
      todayExercises: { 'chin-tuck': { count: 1, ms: 30_000 } },
    };
    const clock = clockOf(source, '2026-03-02', historyOf([day('2026-03-02', { activeMs: 50 * MINUTE })]));
    for (const [key, value] of Object.entries(emptyLedger('2026-03-02')))
      if (key.startsWith('today') && key !== 'todayBaseMs') assert.deepEqual(clock[key as keyof Ledger], value, key);
    assert.equal(clock.todayBaseMs, 50 * MINUTE, 'today’s coding shows from history');
    assert.equal(clock.activeMsSinceBreak, 20 * MINUTE, 'the running clock goes on');
    assert.equal(clock.activeMsSinceEyeRest, 7 * MINUTE);
  });
});

describe('moving two editors’ records into the shared folder', () => {
  let root: string;
  let shared: string;
  let vscodeDir: string;
  let cursorDir: string;
  let sharedFile: LedgerFile;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-move-'));
    shared = path.join(root, 'state', 'upright');
    vscodeDir = path.join(root, 'Code', 'User', 'globalStorage', 'upright.upright');
    cursorDir = path.join(root, 'Cursor', 'User', 'globalStorage', 'upright.upright');
    sharedFile = ledgerFile(shared, { owner: 'test', nowWallMs: () => NOW });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const options = (ownDir: string, nowWallMs = NOW) => ({ fs, ownDir, sharedDir: shared, todayKey: TODAY, nowWallMs, pid: process.pid });
  const into = (ownDir: string, nowWallMs = NOW): string => sharedFile.locked((files) => moveIn(files, options(ownDir, nowWallMs)));

  /** VS Code: three days and today; Cursor: two days, one of them VS Code's too, and today. */
  function twoProducts(): void {
    writeProduct(
      vscodeDir,
      historyOf(
        [
          day('2026-03-05', { activeMs: 120 * MINUTE, natural: 2, manual: 1, routines: 1, exercises: 3, exerciseMs: 90_000 }),
          day('2026-03-06', { activeMs: 200 * MINUTE, natural: 4, started: 2 }),
          day('2026-03-09', { activeMs: 30 * MINUTE, natural: 1 }),
        ],
        { 'chin-tuck': { count: 3, ms: 90_000, lastDay: '2026-03-05' } },
      ),
      ledgerWith([{ type: 'credit', ms: 45 * MINUTE, dayKey: TODAY, endWallMs: NOW - 30 * MINUTE }], NOW - 30 * MINUTE),
    );
    writeProduct(
      cursorDir,
      historyOf(
        [day('2026-03-06', { activeMs: 100 * MINUTE, natural: 6, manual: 2 }), day('2026-03-08', { activeMs: 50 * MINUTE, natural: 1 })],
        { 'chin-tuck': { count: 1, ms: 30_000, lastDay: '2026-03-08' } },
      ),
      ledgerWith(
        [
          { type: 'credit', ms: 20 * MINUTE, dayKey: TODAY, endWallMs: NOW - 5 * MINUTE },
          { type: 'break', kind: 'manual', atWallMs: NOW - 4 * MINUTE, dayKey: TODAY },
          { type: 'credit', ms: 3 * MINUTE, dayKey: TODAY, endWallMs: NOW - MINUTE },
        ],
        NOW - MINUTE,
      ),
    );
  }

  it('brings every product’s history in day by day, overlapping days added, nothing counted twice, old files untouched', () => {
    twoProducts();
    const before = { vscode: snapshot(vscodeDir), cursor: snapshot(cursorDir) };
    assert.match(into(vscodeDir), /4 days from 2026-03-05 to 2026-03-10, 6 h 35 min of coding/);
    assert.match(into(cursorDir), /3 days .*2 of these days were there already/);
    const h = storedHistory(shared);
    const byDay = Object.fromEntries(h.days.map((d) => [d.day, d]));
    assert.deepEqual(Object.keys(byDay), ['2026-03-05', '2026-03-06', '2026-03-08', '2026-03-09', TODAY]);
    assert.equal(byDay['2026-03-06']?.activeMs, 300 * MINUTE, 'the day both had: coding added');
    assert.equal(byDay['2026-03-06']?.natural, 6, 'time away seen by both: the larger count');
    assert.equal(byDay['2026-03-06']?.manual, 2);
    assert.equal(byDay['2026-03-06']?.started, 2);
    assert.equal(byDay[TODAY]?.activeMs, 68 * MINUTE, 'today from both ledgers');
    assert.equal(byDay[TODAY]?.manual, 1);
    assert.deepEqual(h.exercises['chin-tuck'], { count: 4, ms: 120_000, lastDay: '2026-03-08' });
    assert.deepEqual(h.movedIn, [vscodeDir, cursorDir]);
    // The clock: the more recently used one goes on (Cursor's: 3 min since its break); today's coding shows.
    const clock = storedLedger(sharedFile);
    assert.equal(clock.activeMsSinceBreak, 3 * MINUTE);
    assert.equal(clock.todayActiveMs + clock.todayBaseMs, 68 * MINUTE);
    assert.deepEqual({ vscode: snapshot(vscodeDir), cursor: snapshot(cursorDir) }, before, 'the old files are kept as they were');
    // Again: nothing to do, nothing added.
    assert.equal(into(vscodeDir), '');
    assert.equal(storedHistory(shared).days.find((d) => d.day === '2026-03-06')?.activeMs, 300 * MINUTE);
  });

  it('stopped between the history and the note, the next start brings nothing in twice', () => {
    twoProducts();
    into(vscodeDir);
    // As if the window died after writing history: the note beside the old files is not there.
    fs.rmSync(path.join(vscodeDir, 'sharing.json'));
    fs.rmSync(path.join(vscodeDir, 'sharing-base.json'));
    assert.match(into(vscodeDir), /already/);
    assert.equal(storedHistory(shared).days.find((d) => d.day === '2026-03-06')?.activeMs, 200 * MINUTE);
  });

  it('an older version still writing the old folder: what it counts after the move is brought in at the next start', () => {
    twoProducts();
    into(vscodeDir);
    // A window of the editor that has not reloaded since the update counts 10 more minutes today, in the old folder.
    const old = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'ledger.json'), 'utf8')) as Ledger;
    fs.writeFileSync(
      path.join(vscodeDir, 'ledger.json'),
      JSON.stringify(
        commitOps(old, [{ type: 'credit', ms: 10 * MINUTE, dayKey: TODAY, endWallMs: NOW - 20 * MINUTE }], NOW - 20 * MINUTE, TODAY),
      ),
    );
    assert.match(into(vscodeDir, NOW + MINUTE), /1 days from 2026-03-10 to 2026-03-10, 10 min of coding/);
    const h = storedHistory(shared);
    assert.equal(h.days.find((d) => d.day === TODAY)?.activeMs, 55 * MINUTE);
    assert.equal(h.days.find((d) => d.day === '2026-03-05')?.activeMs, 120 * MINUTE, 'earlier days once');
  });

  it('turned off, the shared records go along; turned on again, only what came after is brought back', () => {
    twoProducts();
    into(vscodeDir);
    into(cursorDir);
    const own = ledgerFile(vscodeDir, { owner: 'test', nowWallMs: () => NOW });
    const said = own.locked((files) => moveOut(files, options(vscodeDir, NOW + MINUTE)));
    assert.match(said, /Took the records/);
    // The own folder now holds what the shared one held, and its old files are kept aside.
    assert.equal(storedHistory(vscodeDir).days.find((d) => d.day === '2026-03-06')?.activeMs, 300 * MINUTE);
    assert.equal(storedLedger(own).activeMsSinceBreak, 3 * MINUTE, 'the clock came along');
    assert.ok(fs.readdirSync(vscodeDir).some((n) => n.startsWith('history.kept-')));
    assert.equal(readSharingNote(vscodeDir)?.mode, 'own');
    assert.equal(
      own.locked((files) => moveOut(files, options(vscodeDir))),
      '',
      'once',
    );
    // Ten minutes counted while off, in the own folder.
    own.update(emptyLedger(TODAY), (l) =>
      commitOps(l, [{ type: 'credit', ms: 10 * MINUTE, dayKey: TODAY, endWallMs: NOW + 20 * MINUTE }], NOW + 20 * MINUTE, TODAY),
    );
    assert.match(into(vscodeDir, NOW + 30 * MINUTE), /10 min of coding/);
    const h = storedHistory(shared);
    assert.equal(h.days.find((d) => d.day === '2026-03-06')?.activeMs, 300 * MINUTE, 'nothing twice');
    assert.equal(
      (h.days.find((d) => d.day === TODAY)?.activeMs ?? 0) + storedLedger(sharedFile).todayActiveMs,
      78 * MINUTE,
      'today: both editors, and the ten minutes while off',
    );
    assert.equal(storedLedger(sharedFile).activeMsSinceBreak, 13 * MINUTE, 'the clock used last goes on');
  });

  it('when the shared folder cannot be read, the own folder goes on as it was and is the base for later', () => {
    twoProducts();
    into(vscodeDir);
    fs.rmSync(shared, { recursive: true });
    const own = ledgerFile(vscodeDir, { owner: 'test', nowWallMs: () => NOW });
    const before = snapshot(vscodeDir);
    assert.match(
      own.locked((files) => moveOut(files, options(vscodeDir))),
      /held no records/,
    );
    assert.deepEqual(snapshot(vscodeDir), before);
    // Back in a fresh shared folder: what was brought in before is not brought again… it is the base.
    fs.mkdirSync(shared, { recursive: true });
    assert.match(into(vscodeDir, NOW + MINUTE), /held no records to bring/);
  });
});
