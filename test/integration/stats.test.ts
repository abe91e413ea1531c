import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type DayRecord } from '../../src/core/days';
import { parseHistory } from '../../src/core/history';
import { CSV_HEADER, type HistoryExport } from '../../src/core/historyExport';
import { type HistoryDialogs } from '../../src/host/dialogs/history';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { eventually, getApi, MINUTE, openScratchEditor, passTime, resetSession, stepAway, typeFor, typeOnce } from './helpers';

function tabsOf(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

/** Dialog answers for one command: the format, where to save, what to say to "delete?". */
function answers(a: { format?: 'json' | 'csv'; file?: vscode.Uri; confirm?: 'delete' | 'export' }): HistoryDialogs & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    pickFormat: () => Promise.resolve(a.format),
    pickFile: () => Promise.resolve(a.file),
    confirmDelete: (days) => {
      asked.push(days);
      return Promise.resolve(a.confirm);
    },
  };
}

describe('history and stats in the real host', () => {
  let api: UprightTestApi;
  let editor: vscode.TextEditor;
  let out: string;
  let yesterday: DayRecord;

  const away = (ms: number): Promise<void> => stepAway(api, editor, ms);

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
    await resetSession(api, editor);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-export-'));
  });

  after(() => {
    api.answerDialogs(undefined);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('a day that ends moves to history with what was done in it', async () => {
    await typeFor(api, editor, 10 * MINUTE);
    await vscode.commands.executeCommand('upright.takeBreak');
    await eventually(() => api.routine() !== undefined, 'the routine runs');
    passTime(api, 10 * MINUTE);
    await eventually(() => api.routine()?.status === 'finished', 'the routine is done');
    for (const tab of tabsOf('upright.routine')) await vscode.window.tabGroups.close(tab);
    await typeFor(api, editor, 2 * MINUTE);
    // Away twice, asked each time: once up and moving, once sitting through a call.
    const before = api.stats().data.today;
    await away(10 * MINUTE);
    assert.equal(api.answerAway('moved'), true);
    await typeFor(api, editor, 2 * MINUTE);
    await away(20 * MINUTE);
    assert.equal(api.answerAway('sat'), true);
    await typeFor(api, editor, MINUTE);
    api.flush();
    const today = api.stats().data.today;
    assert.ok(today.activeMs >= 15 * MINUTE, `today ${today.activeMs} ms`);
    assert.ok(today.routines >= 1 && today.exercises >= 3 && today.manual >= 1 && today.exerciseMs > 0, JSON.stringify(today));
    assert.deepEqual([today.moved, today.natural, today.sitting], [before.moved + 1, before.natural, before.sitting + 1]);
    assert.ok(
      today.sittingMs >= before.sittingMs + 20 * MINUTE && today.sittingMs < before.sittingMs + 21 * MINUTE,
      `${today.sittingMs} ms sitting`,
    );
    assert.equal(today.activeMs - before.activeMs < 4 * MINUTE, true, 'time away is never coding time');

    // Overnight: the machine sleeps until 09:00 tomorrow, then typing starts again.
    const now = new Date(api.clock.now().wallMs);
    const tomorrowNine = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0).getTime();
    api.clock.sleep(tomorrowNine - now.getTime());
    await typeOnce(editor);
    api.flush();
    const days = api.history().days;
    yesterday = days[days.length - 1] as DayRecord;
    // The night was away time: a natural break on the day it began.
    assert.deepEqual(yesterday, { ...today, natural: today.natural + 1 });
    assert.equal(api.ledger().dayKey > today.day, true);
    assert.deepEqual(api.ledger().closedDays, [], 'the ledger keeps only today');
    const stored = parseHistory(fs.readFileSync(path.join(path.dirname(api.ledgerLocation), 'history.json'), 'utf8'));
    assert.deepEqual(stored.problems, []);
    assert.deepEqual(stored.history.days[stored.history.days.length - 1], yesterday);
  });

  it('exports JSON whose content matches the history and the ledger', async () => {
    await typeFor(api, editor, 3 * MINUTE);
    const file = vscode.Uri.file(path.join(out, 'history.json'));
    api.answerDialogs(answers({ format: 'json', file }));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('upright.exportHistory');
    assert.equal(written?.fsPath, file.fsPath);
    const exported = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as HistoryExport;
    assert.equal(exported.format, 'upright-history');
    assert.equal(exported.version, 2);
    const ledger = api.ledger();
    const stats = api.stats().data;
    const last = exported.days[exported.days.length - 1];
    const b = ledger.todayBreaks;
    assert.deepEqual(
      [last?.date, last?.activeMs, last?.breaks, last?.sitting, last?.sittingMs, last?.deskMs],
      [
        ledger.dayKey,
        ledger.todayActiveMs,
        { started: b.started, manual: b.manual, natural: b.natural, moved: b.moved },
        ledger.todaySitting,
        ledger.todaySittingMs,
        ledger.todayActiveMs + ledger.todaySittingMs,
      ],
    );
    const before = exported.days.find((d) => d.date === yesterday.day);
    assert.deepEqual(before, {
      date: yesterday.day,
      activeMs: yesterday.activeMs,
      reminders: yesterday.reminders,
      breaks: { started: yesterday.started, manual: yesterday.manual, natural: yesterday.natural, moved: yesterday.moved },
      skipped: yesterday.skipped,
      snoozed: yesterday.snoozed,
      routines: yesterday.routines,
      exercises: yesterday.exercises,
      exerciseMs: yesterday.exerciseMs,
      sitting: yesterday.sitting,
      sittingMs: yesterday.sittingMs,
      deskMs: yesterday.activeMs + yesterday.sittingMs,
      moves: yesterday.moves,
      eyeBreaks: yesterday.eyeBreaks,
    });
    assert.ok(yesterday.moved >= 1 && yesterday.sitting >= 1 && yesterday.sittingMs >= 20 * MINUTE, JSON.stringify(yesterday));
    assert.equal(exported.days.length, stats.totals.days);
    // The page's totals are the exported days added up: every kind of break, and time sitting.
    const total = (pick: (d: HistoryExport['days'][number]) => number): number => exported.days.reduce((sum, d) => sum + pick(d), 0);
    assert.deepEqual(
      [stats.totals.breaks, stats.totals.sitting, stats.totals.sittingMs],
      [
        total((d) => d.breaks.started + d.breaks.manual + d.breaks.natural + d.breaks.moved),
        total((d) => d.sitting),
        total((d) => d.sittingMs),
      ],
    );
    const history = api.history();
    for (const e of exported.exercises)
      assert.deepEqual([e.count, e.ms], [history.exercises[e.id]?.count, history.exercises[e.id]?.ms], e.id);
    assert.ok(
      exported.exercises.some((e) => e.id === 'chin-tuck' && e.name === 'Chin Tuck'),
      JSON.stringify(exported.exercises),
    );
    assert.equal(exported.routines.find((r) => r.id === 'posture-reset')?.completions, ledger.routines['posture-reset']?.completions);
  });

  it('exports CSV, one row a day', async () => {
    const file = vscode.Uri.file(path.join(out, 'history.csv'));
    api.answerDialogs(answers({ format: 'csv', file }));
    await vscode.commands.executeCommand('upright.exportHistory');
    const lines = fs.readFileSync(file.fsPath, 'utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], CSV_HEADER.join(','));
    assert.equal(lines.length - 1, api.stats().data.totals.days);
    const row = lines.find((l) => l.startsWith(`${yesterday.day},`))?.split(',');
    assert.deepEqual(
      row?.slice(1),
      [
        (yesterday.activeMs / MINUTE).toFixed(1),
        yesterday.reminders,
        yesterday.started,
        yesterday.manual,
        yesterday.natural,
        yesterday.skipped,
        yesterday.snoozed,
        yesterday.routines,
        yesterday.exercises,
        (Math.round(yesterday.exerciseMs / 6000) / 10).toFixed(1),
        yesterday.moved,
        yesterday.sitting,
        (Math.round(yesterday.sittingMs / 6000) / 10).toFixed(1),
        (Math.round((yesterday.activeMs + yesterday.sittingMs) / 6000) / 10).toFixed(1),
        yesterday.moves,
        yesterday.eyeBreaks,
      ].map(String),
    );
  });

  it('a cancelled export writes nothing', async () => {
    api.answerDialogs(answers({ format: 'json', file: undefined }));
    assert.equal(await vscode.commands.executeCommand('upright.exportHistory'), undefined);
    api.answerDialogs(answers({}));
    assert.equal(await vscode.commands.executeCommand('upright.exportHistory'), undefined);
    assert.deepEqual(fs.readdirSync(out).sort(), ['history.csv', 'history.json']);
  });

  it('Show Stats opens the panel beside the editor, and it follows the clock while open', async () => {
    await vscode.commands.executeCommand('upright.showStats');
    await eventually(() => tabsOf('upright.stats').length === 1, 'the stats panel is open');
    assert.equal(api.stats().open, true);
    const before = api.stats().data.today.activeMs;
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await typeFor(api, editor, 2 * MINUTE);
    api.flush();
    assert.equal(api.stats().data.today.activeMs, before + 2 * MINUTE);
    await vscode.commands.executeCommand('upright.showStats');
    assert.equal(tabsOf('upright.stats').length, 1, 'one panel, brought forward');
    for (const tab of tabsOf('upright.stats')) await vscode.window.tabGroups.close(tab);
    await eventually(() => !api.stats().open, 'the panel is closed');
  });

  it('deleting is all or nothing: when today’s counts cannot be written, the history is put back byte for byte', async () => {
    const historyFile = path.join(path.dirname(api.ledgerLocation), 'history.json');
    assert.ok(api.flush());
    const historyBefore = fs.readFileSync(historyFile, 'utf8');
    assert.ok(parseHistory(historyBefore).history.days.length > 0, 'there is a history to delete');
    const todayBefore = api.stats().data.today;
    // The ledger's new copy cannot be written; the history's can (it was emptied first).
    api.storageFaults({ writes: 'EIO', files: String.raw`^ledger\.json\.\d+\.[0-9a-f]+\.tmp$` });
    try {
      api.answerDialogs(answers({ confirm: 'delete' }));
      assert.equal(await vscode.commands.executeCommand('upright.clearHistory'), false);
    } finally {
      api.storageFaults(undefined);
    }
    assert.equal(fs.readFileSync(historyFile, 'utf8'), historyBefore, 'the history is as it was');
    assert.deepEqual(api.stats().data.today, todayBefore, 'and today’s counts too');
    assert.match(api.lastWriteError() ?? '', /EIO/);
  });

  it('a delete that stops half way says so: the history is gone, today’s counts are not, and deleting again finishes it', async () => {
    const historyFile = path.join(path.dirname(api.ledgerLocation), 'history.json');
    assert.ok(api.flush());
    assert.ok(parseHistory(fs.readFileSync(historyFile, 'utf8')).history.days.length > 0);
    const todayBefore = api.stats().data.today;
    // The history's new copy is written (temp file, rename); then the disk fails, for the ledger and for putting the history back.
    api.storageFaults({ writes: 'EIO', files: String.raw`^(ledger|history)\.json\.\d+\.[0-9a-f]+\.tmp$`, writesBeforeFailing: 2 });
    try {
      api.answerDialogs(answers({ confirm: 'delete' }));
      assert.equal(await vscode.commands.executeCommand('upright.clearHistory'), false);
    } finally {
      api.storageFaults(undefined);
    }
    assert.match(api.lastWriteError() ?? '', /the history was deleted, but not today's counts/);
    assert.deepEqual(parseHistory(fs.readFileSync(historyFile, 'utf8')).history.days, [], 'the days before today are gone');
    assert.deepEqual(api.stats().data.today, todayBefore, 'today’s counts are still there');
    api.answerDialogs(answers({ confirm: 'delete' }));
    assert.equal(await vscode.commands.executeCommand('upright.clearHistory'), true);
    assert.equal(api.stats().data.today.activeMs, 0);
  });

  it('asks before deleting; cancelling keeps everything, deleting empties history but keeps the running clock', async () => {
    const daysBefore = api.stats().data.totals.days;
    const cancel = answers({});
    api.answerDialogs(cancel);
    assert.equal(await vscode.commands.executeCommand('upright.clearHistory'), false);
    assert.deepEqual(cancel.asked, [daysBefore], 'the question says how many days');
    assert.equal(api.stats().data.totals.days, daysBefore);

    const sinceBreak = api.snapshot().activeMsSinceBreak;
    api.answerDialogs(answers({ confirm: 'delete' }));
    assert.equal(await vscode.commands.executeCommand('upright.clearHistory'), true);
    assert.deepEqual(api.history().days, []);
    const stats = api.stats().data;
    assert.deepEqual([stats.totals.days, stats.today.activeMs, stats.mostDone.length, stats.streak.best], [0, 0, 0, 0]);
    assert.deepEqual(api.ledger().routines, {});
    assert.equal(api.snapshot().activeMsSinceBreak, sinceBreak);
    const stored = parseHistory(fs.readFileSync(path.join(path.dirname(api.ledgerLocation), 'history.json'), 'utf8'));
    assert.deepEqual([stored.history.days, stored.history.exercises, stored.problems], [[], {}, []]);

    const file = vscode.Uri.file(path.join(out, 'after.json'));
    api.answerDialogs(answers({ format: 'json', file }));
    await vscode.commands.executeCommand('upright.exportHistory');
    const exported = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as HistoryExport;
    assert.deepEqual([exported.days, exported.exercises, exported.routines], [[], [], []]);
  });
});
