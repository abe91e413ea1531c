import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type ClosedDay, type DayRecord } from '../../src/core/days';
import { type ExerciseTotal, HISTORY_COLUMNS } from '../../src/core/history';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, MINUTE, openScratchEditor, SECOND, typeFor } from '../integration/helpers';

// Two editors of the VS Code family (two code-servers, each with a profile of its own) on one machine,
// sharing one state folder. Editor A is focused first, then B. They take turns through marker files in
// UPRIGHT_SYNC_DIR; a marker that carries a value (a wall time, a path) is written whole, by rename.
type Role = 'a' | 'b';
const role = process.env.UPRIGHT_EDITOR_ROLE as Role;
const other: Role = role === 'a' ? 'b' : 'a';
const syncDir = process.env.UPRIGHT_SYNC_DIR ?? '.';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through scripts/lib/twoEditors.js`);
  return value;
}

const sharedState = setting('UPRIGHT_SHARED_STATE');
const productStorage: Record<Role, string> = { a: setting('UPRIGHT_PRODUCT_STORAGE_A'), b: setting('UPRIGHT_PRODUCT_STORAGE_B') };
const userData: Record<Role, string> = { a: setting('UPRIGHT_USER_DATA_A'), b: setting('UPRIGHT_USER_DATA_B') };

/** What twoEditors.js put in each product's global storage before the editors started. */
interface Seeds {
  readonly files: Record<Role, Record<string, string>>;
  readonly days: Record<Role, ClosedDay[]>;
}
const seeds = JSON.parse(fs.readFileSync(path.join(syncDir, 'seeds.json'), 'utf8')) as Seeds;

/** Counted in every editor that saw it: both editors' counts of a day add up. */
const ADDED = ['activeMs', 'reminders', 'started', 'manual', 'skipped', 'snoozed', 'routines', 'exercises', 'exerciseMs'] as const;
/** Derived from time away, which every open editor saw: the larger of the two. */
const LARGER = ['natural', 'moved', 'sitting', 'sittingMs'] as const;

/** The day records both histories make together, by the rules above, oldest first. */
function movedInDays(): DayRecord[] {
  const byDay = new Map<string, DayRecord>();
  for (const { record } of [...seeds.days.a, ...seeds.days.b]) {
    const before = byDay.get(record.day);
    if (!before) {
      byDay.set(record.day, record);
      continue;
    }
    const both: Record<string, unknown> = { day: record.day };
    for (const k of ADDED) both[k] = before[k] + record[k];
    for (const k of LARGER) both[k] = Math.max(before[k], record[k]);
    byDay.set(record.day, both as unknown as DayRecord);
  }
  return [...byDay.values()].sort((x, y) => (x.day < y.day ? -1 : 1));
}

/** All-time exercise totals of both histories: counts and time add up, the last day is the later one. */
function movedInExercises(): Record<string, ExerciseTotal> {
  const totals: Record<string, ExerciseTotal> = {};
  for (const { record, exercises } of [...seeds.days.a, ...seeds.days.b]) {
    for (const [id, done] of Object.entries(exercises)) {
      const t = totals[id];
      totals[id] = {
        count: (t?.count ?? 0) + done.count,
        ms: (t?.ms ?? 0) + done.ms,
        lastDay: t && t.lastDay > record.day ? t.lastDay : record.day,
      };
    }
  }
  return totals;
}

function put(name: string, value: string = role): void {
  const file = path.join(syncDir, name);
  fs.writeFileSync(`${file}.${role}.tmp`, value);
  fs.renameSync(`${file}.${role}.tmp`, file);
}

function take(name: string): string {
  return fs.readFileSync(path.join(syncDir, name), 'utf8');
}

/** Waits for the other editor's marker; gives up at once when the other editor has failed. */
async function waitFor(name: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(path.join(syncDir, name))) {
    if (fs.existsSync(path.join(syncDir, `failed-${other}`)))
      throw new Error(`editor ${role}: editor ${other} failed (waiting for "${name}")`);
    if (Date.now() > deadline) throw new Error(`editor ${role} timed out waiting for "${name}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`editor ${role}: timed out until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether `file` lies inside `folder`. */
function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

describe(`two editors, one clock (editor ${role})`, () => {
  let api: UprightTestApi;

  /** Says this editor's wall time under `name`. */
  const tellTime = (name: string): void => put(name, String(api.clock.now().wallMs));
  /** Waits for `name` and brings this editor's clock to the time it says, as on one machine. */
  const catchUp = async (name: string): Promise<void> => {
    await waitFor(name);
    api.clock.advance(Math.max(0, Number(take(name)) - api.clock.now().wallMs));
  };

  before(async () => {
    api = await getApi();
    api.setFocused(role === 'a');
    put(`ready-${role}`);
    await waitFor(`ready-${other}`);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') put(`failed-${role}`);
  });

  it('both editors keep one ledger, in the folder every editor shares, not in their own profiles', () => {
    put(`ledger-${role}`, api.ledgerLocation);
    assert.equal(api.ledgerLocation, path.join(sharedState, 'upright', 'ledger.json'));
    for (const r of ['a', 'b'] as const) {
      assert.ok(!inside(api.ledgerLocation, userData[r]), `not in editor ${r}'s profile (${userData[r]})`);
    }
  });

  it('each moved its own history in: a day both had counted once, nothing twice, the old files untouched', async () => {
    await waitFor(`ledger-${other}`);
    assert.equal(take(`ledger-${other}`), api.ledgerLocation, 'the other editor uses the same file');
    // Every column history keeps is added up or taken the larger of.
    assert.deepEqual([...ADDED, ...LARGER].sort(), HISTORY_COLUMNS.slice(1).sort());
    const history = api.history();
    assert.deepEqual(history.days, movedInDays());
    assert.deepEqual(history.exercises, movedInExercises());
    assert.equal(api.snapshot().todayActiveMs, 0, 'the days moved in are history, not today');
    for (const r of ['a', 'b'] as const) {
      for (const [name, text] of Object.entries(seeds.files[r])) {
        assert.equal(fs.readFileSync(path.join(productStorage[r], name), 'utf8'), text, `editor ${r}'s own ${name} is as it was`);
      }
    }
    // Nothing more is moved in once both have started: the other editor reads the same history.
    put(`history-${role}`, JSON.stringify(history.days));
    await waitFor(`history-${other}`);
    assert.deepEqual(JSON.parse(take(`history-${other}`)), history.days);
  });

  it('a minute typed in A shows in B; focus moves to B: no break, and B counts on', async () => {
    const editor = await openScratchEditor();
    if (role === 'a') {
      await typeFor(api, editor, MINUTE);
      assert.ok(api.flush());
      assert.equal(api.ledger().todayActiveMs, MINUTE);
      tellTime('a-typed');
      await waitFor('b-saw');
      api.setFocused(false);
      api.flush();
      tellTime('a-left');
      await catchUp('b-typed');
      api.refresh();
      assert.equal(api.statusBar().text, '$(watch) 2m');
      assert.equal(api.ledger().todayActiveMs, 2 * MINUTE);
      assert.equal(api.ledger().lastBreak, null, 'moving to another editor is not a break');
      assert.equal(api.ledger().todayBreaks.natural, 0);
      put('a-agrees');
    } else {
      await catchUp('a-typed');
      // The file watcher brings A's write here without waiting for the minute refresh.
      await eventually(() => api.statusBar().text === '$(watch) 1m', 'the status bar shows A’s 1m');
      assert.equal(api.ledger().todayActiveMs, MINUTE);
      assert.equal(api.snapshot().todayActiveMs, MINUTE);
      assert.equal(api.snapshot().focused, false);
      const naturalBefore = api.ledger().todayBreaks.natural;
      put('b-saw');
      await catchUp('a-left');
      api.setFocused(true);
      await typeFor(api, editor, MINUTE);
      assert.ok(api.flush());
      assert.equal(api.statusBar().text, '$(watch) 2m');
      assert.equal(api.ledger().todayActiveMs, 2 * MINUTE);
      assert.equal(api.snapshot().activeMsSinceBreak, 2 * MINUTE, 'the session goes on across editors');
      assert.equal(api.ledger().lastBreak, null, 'moving to another editor is not a break');
      assert.equal(api.ledger().todayBreaks.natural, naturalBefore);
      tellTime('b-typed');
      await waitFor('a-agrees');
    }
  });

  it('a break that falls due is prompted once across both editors', async () => {
    const shownBefore = api.reminder({ evaluate: false }).notificationsShown;
    // Each product has settings of its own: both set the interval, due two minutes of coding from now.
    await vscode.workspace.getConfiguration('upright').update('breakIntervalMinutes', 4, vscode.ConfigurationTarget.Global);
    await eventually(() => api.settings().breakIntervalMinutes === 4, 'the interval is 4 minutes');
    put(`interval-${role}`);
    await waitFor(`interval-${other}`);
    if (role === 'b') {
      const editor = vscode.window.activeTextEditor ?? (await openScratchEditor());
      await typeFor(api, editor, 2 * MINUTE + 10 * SECOND);
      assert.ok(api.flush());
      api.clock.advance(16 * SECOND); // a pause in the typing
      tellTime('due');
    } else {
      await catchUp('due');
      api.refresh();
    }
    // Both editors focused at the moment it is due (focus moving across): both try to prompt at once.
    api.setFocused(true);
    put(`race-${role}`);
    await waitFor(`race-${other}`);
    const first = api.reminder();
    assert.equal(first.view?.phase, 'due');
    assert.ok(first.shownPromptId, 'shown here or mirrored from the other editor');
    const mine = {
      shown: api.reminder({ evaluate: false }).notificationsShown - shownBefore,
      promptId: first.shownPromptId,
      windowId: api.windowId,
    };
    put(`prompt-${role}`, JSON.stringify(mine));
    await waitFor(`prompt-${other}`);
    const theirs = JSON.parse(take(`prompt-${other}`)) as typeof mine;
    assert.equal(mine.shown + theirs.shown, 1, `one prompt across both editors (this: ${mine.shown}, other: ${theirs.shown})`);
    assert.equal(mine.promptId, theirs.promptId, 'the same prompt in both');
    const owner = mine.shown === 1 ? mine.windowId : theirs.windowId;
    assert.equal(api.ledger().prompt?.owner, owner, 'claimed in the shared ledger by the editor that shows it');
    // Looking again, a little later, shows it no second time.
    api.clock.advance(2 * SECOND);
    api.reminder();
    assert.equal(api.reminder({ evaluate: false }).notificationsShown - shownBefore, mine.shown);
    put(`prompt-checked-${role}`);
    await waitFor(`prompt-checked-${other}`);
  });
});
