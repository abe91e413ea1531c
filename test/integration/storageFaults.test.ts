import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type * as vscode from 'vscode';

import { emptyDay } from '../../src/core/days';
import { parseHistory, serializeHistory } from '../../src/core/history';
import { emptyLedger, readLedger } from '../../src/core/ledger';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { eventually, getApi, MINUTE, openScratchEditor, resetSession, typeFor } from './helpers';

/** The ledger as it is on disk now (not as the window sees it). */
function onDisk(api: UprightTestApi): { text: string; todayActiveMs: number } {
  const text = fs.readFileSync(api.ledgerLocation, 'utf8');
  const { ledger, problems } = readLedger(JSON.parse(text), emptyLedger('x'));
  assert.deepEqual(problems, [], 'the file on disk is a whole ledger');
  return { text, todayActiveMs: ledger.todayActiveMs };
}

describe('storage that fails, in the real host', () => {
  let api: UprightTestApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
    await resetSession(api, editor);
  });

  afterEach(() => {
    api.storageFaults(undefined);
  });

  it('a full disk: the window counts on in memory, says so once, and writes every minute when the disk has room', async () => {
    assert.ok(api.flush());
    const before = onDisk(api);
    const failuresBefore = api.storageFaults({ writes: 'ENOSPC' });
    for (let minute = 0; minute < 5; minute++) {
      await typeFor(api, editor, MINUTE);
      api.refresh();
    }
    assert.equal(api.flush(), false);
    assert.ok(api.storageFaults({ writes: 'ENOSPC' }) > failuresBefore, 'the writes were refused');
    assert.equal(onDisk(api).text, before.text, 'nothing half-written reached the disk');
    const counted = api.snapshot().todayActiveMs;
    assert.ok(counted >= before.todayActiveMs + 5 * MINUTE - 10_000, `counted in memory: ${counted - before.todayActiveMs} ms`);
    assert.equal(api.counters().storageWarnings, 1, 'told once, not once a minute');
    api.storageFaults(undefined);
    assert.ok(api.flush());
    assert.equal(onDisk(api).todayActiveMs, api.snapshot().todayActiveMs, 'every minute counted meanwhile is written');
    assert.ok(onDisk(api).todayActiveMs >= counted);
    assert.equal(api.counters().storageWarnings, 1);
  });

  it('a lock another window holds: the host does not wait for it, and the write lands moments after it is let go, untold', async () => {
    assert.ok(api.flush());
    const before = onDisk(api);
    const warnings = api.counters().storageWarnings;
    const lockFile = `${api.ledgerLocation}.lock`;
    // Another live process on this machine holds the lock.
    const holder = { token: 'other-window', pid: process.ppid, owner: 'another window', atWallMs: Date.now(), host: os.hostname() };
    fs.writeFileSync(lockFile, JSON.stringify(holder));
    try {
      await typeFor(api, editor, MINUTE);
      assert.equal(api.flush(), false, 'the lock is busy: nothing written yet');
      assert.match(String(api.lastWriteError()), /held by another window/);
      assert.equal(onDisk(api).text, before.text);
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
    // No minute refresh and no typing from here: only the quick retry can write it.
    await eventually(() => onDisk(api).todayActiveMs >= before.todayActiveMs + MINUTE - 10_000, 'the retry wrote the minute');
    assert.equal(api.counters().storageWarnings, warnings, 'a busy lock is routine: nobody is told');
  });

  it('a file held for a moment (antivirus, an indexer): written again at once, and nobody is told', async () => {
    assert.ok(api.flush());
    const before = onDisk(api);
    const warnings = api.counters().storageWarnings;
    // The first renames fail as Windows does while another program has the file open, then it is free.
    api.storageFaults({ writes: 'EBUSY', files: '^ledger\\.json\\..*\\.tmp$' });
    await typeFor(api, editor, MINUTE);
    assert.equal(api.flush(), false);
    api.storageFaults(undefined);
    await eventually(() => onDisk(api).todayActiveMs >= before.todayActiveMs + MINUTE - 10_000, 'the retry wrote the minute');
    assert.equal(api.counters().storageWarnings, warnings, 'nobody is told of a moment');
  });

  it('a drive that fails to read: the ledger is never replaced by a window that could not see it', async () => {
    assert.ok(api.flush());
    const before = onDisk(api);
    api.storageFaults({ reads: 'EIO' });
    await typeFor(api, editor, 2 * MINUTE);
    api.refresh();
    assert.equal(api.flush(), false, 'no write without reading first');
    assert.equal(onDisk(api).text, before.text);
    api.storageFaults(undefined);
    assert.ok(api.flush(), `written once the drive reads again (${api.lastWriteError()})`);
    assert.ok(onDisk(api).todayActiveMs >= before.todayActiveMs + 2 * MINUTE - 10_000);
  });

  it('a ledger damaged behind Upright’s back is kept aside, and rebuilt from what the window knows', async () => {
    await typeFor(api, editor, MINUTE);
    assert.ok(api.flush());
    const before = onDisk(api);
    const folder = path.dirname(api.ledgerLocation);
    const backupsBefore = fs.readdirSync(folder).filter((f) => f.startsWith('ledger.corrupt-')).length;
    fs.writeFileSync(api.ledgerLocation, before.text.slice(0, Math.floor(before.text.length / 2)));
    api.refresh();
    const backups = fs.readdirSync(folder).filter((f) => f.startsWith('ledger.corrupt-'));
    assert.equal(backups.length, backupsBefore + 1, 'the damaged file is kept as a backup');
    assert.equal(
      fs.readFileSync(path.join(folder, backups.sort().at(-1) ?? ''), 'utf8'),
      before.text.slice(0, Math.floor(before.text.length / 2)),
    );
    await typeFor(api, editor, MINUTE);
    assert.ok(api.flush());
    assert.ok(onDisk(api).todayActiveMs >= before.todayActiveMs + MINUTE - 10_000, 'rebuilt, with no time lost');
  });

  it('a ledger from a newer Upright is left as it is: the status bar counts on in memory, and writes resume once it is gone', async () => {
    await resetSession(api, editor);
    assert.ok(api.flush());
    const stored = JSON.parse(fs.readFileSync(api.ledgerLocation, 'utf8')) as { seq: number };
    const newer = JSON.stringify({ ...stored, version: 3, seq: stored.seq + 1, somethingNew: { kept: true } });
    fs.writeFileSync(api.ledgerLocation, newer);
    api.refresh();
    const start = api.snapshot().todayActiveMs;
    for (let minute = 0; minute < 4; minute++) {
      await typeFor(api, editor, MINUTE);
      api.refresh();
      assert.ok(api.flush(), `no write failed (${api.lastWriteError()})`);
    }
    assert.equal(fs.readFileSync(api.ledgerLocation, 'utf8'), newer, 'never written over');
    const counted = api.snapshot();
    assert.ok(counted.todayActiveMs >= start + 4 * MINUTE - 20_000, `counted on in memory: ${counted.todayActiveMs - start} ms`);
    assert.equal(api.statusBar().text, `$(watch) ${Math.floor(counted.activeMsSinceBreak / MINUTE)}m`);
    assert.ok(counted.activeMsSinceBreak >= 4 * MINUTE - 20_000, 'the status bar shows the time since the break');
    // The newer version's file is gone (it went back, or it was removed): this window writes what it counted.
    fs.rmSync(api.ledgerLocation);
    await typeFor(api, editor, MINUTE);
    api.refresh();
    assert.ok(api.flush());
    assert.ok(onDisk(api).todayActiveMs >= counted.todayActiveMs, 'written again, with the minutes counted in memory');
  });

  it('a history cut short keeps every whole day, and the damaged file is kept aside', () => {
    const folder = path.dirname(api.ledgerLocation);
    const historyFile = path.join(folder, 'history.json');
    const days = ['2026-01-05', '2026-01-06', '2026-01-07'].map((day, i) => ({ ...emptyDay(day), activeMs: (i + 1) * 10 * MINUTE }));
    const text = serializeHistory({ version: 1, days, exercises: {}, exercisesThrough: null, parts: [] });
    assert.equal(parseHistory(text).history.days.length, 3);
    fs.writeFileSync(historyFile, text.slice(0, text.length - 20));
    const shown = api.history().days.filter((d) => d.day.startsWith('2026-01-0'));
    assert.deepEqual(
      shown.map((d) => [d.day, d.activeMs]),
      [
        ['2026-01-05', 10 * MINUTE],
        ['2026-01-06', 20 * MINUTE],
      ],
    );
    assert.ok(
      fs.readdirSync(folder).some((f) => f.startsWith('history.corrupt-')),
      'the damaged file is kept as a backup',
    );
    fs.rmSync(historyFile);
  });
});
