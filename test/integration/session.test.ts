import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { eventually, getApi, HOUR, MINUTE, openScratchEditor, resetSession, SECOND, typeFor, typeOnce } from './helpers';

describe('coding clock in the real host', function () {
  let api: UprightTestApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
  });

  beforeEach(async () => {
    await resetSession(api, editor);
  });

  after(() => {
    api.setFocused(undefined);
  });

  it('activates with a status-bar timer that opens the menu', () => {
    const item = api.statusBar();
    assert.match(item.text, /^\$\(watch\) \d+m$/);
    assert.equal(item.command, 'upright.showMenu');
    assert.match(item.accessibilityLabel, /since your last break/);
    assert.match(item.tooltip, /Coding today/);
  });

  it('counts two minutes of typing as two minutes, in the state and the status bar', async () => {
    const todayBefore = api.snapshot().todayActiveMs;
    await typeFor(api, editor, 2 * MINUTE);
    const snapshot = api.snapshot();
    assert.equal(snapshot.activeMsSinceBreak, 2 * MINUTE);
    assert.equal(snapshot.todayActiveMs - todayBefore, 2 * MINUTE);
    assert.equal(api.statusBar().text, '$(watch) 2m');
  });

  it('does not count an idle gap past the threshold', async () => {
    await typeFor(api, editor, 1 * MINUTE);
    api.clock.advance(4 * MINUTE); // past the 3 min idle threshold, short of the 5 min natural break
    await typeOnce(editor);
    await typeFor(api, editor, 1 * MINUTE);
    assert.equal(api.snapshot().activeMsSinceBreak, 2 * MINUTE);
    assert.equal(api.snapshot().lastBreakKind, 'manual', 'an idle gap is not a break');
  });

  it('treats a simulated sleep as away time and, when long, as a natural break', async () => {
    await typeFor(api, editor, 3 * MINUTE);
    const todayBefore = api.snapshot().todayActiveMs;
    api.clock.sleep(2 * MINUTE); // short suspend: not coding, not a break
    await typeOnce(editor);
    assert.equal(api.snapshot().activeMsSinceBreak, 3 * MINUTE);
    api.clock.sleep(1 * HOUR);
    await typeOnce(editor);
    const snapshot = api.snapshot();
    assert.equal(snapshot.activeMsSinceBreak, 0);
    assert.equal(snapshot.todayActiveMs, todayBefore);
    assert.equal(snapshot.lastBreakKind, 'natural');
    // An hour asleep may have been a meeting: asked once; "I moved" keeps the break.
    assert.equal(api.statusBar().text, '$(question) Away 1h 00m: moved or sat?');
    assert.equal(api.answerAway('moved'), true);
    assert.equal(api.statusBar().text, '$(watch) 0m');
  });

  it('shows a natural break on the minute refresh while the person is still away', async () => {
    await typeFor(api, editor, 5 * MINUTE);
    assert.equal(api.statusBar().text, '$(watch) 5m');
    api.clock.advance(6 * MINUTE);
    api.refresh();
    assert.equal(api.statusBar().text, '$(watch) 0m');
  });

  it('counts nothing while the window is not focused', async () => {
    await typeFor(api, editor, 1 * MINUTE);
    api.setFocused(false);
    await typeFor(api, editor, 2 * MINUTE);
    assert.equal(api.snapshot().activeMsSinceBreak, 1 * MINUTE);
    assert.match(api.statusBar().tooltip, /not focused/);
    api.setFocused(true);
    await typeFor(api, editor, 1 * MINUTE);
    assert.equal(api.snapshot().activeMsSinceBreak, 2 * MINUTE);
  });

  it('ignores selection changes made by code, not by a person', async () => {
    await typeFor(api, editor, 1 * MINUTE);
    for (let i = 0; i < 3; i++) {
      api.clock.advance(70 * SECOND);
      editor.selection = new vscode.Selection(0, i % 2, 0, i % 2);
      await new Promise((r) => setTimeout(r, 20));
    }
    await typeOnce(editor); // 210 s after the last keystroke: idle (not a break), so nothing is credited
    assert.equal(api.snapshot().activeMsSinceBreak, 1 * MINUTE);
    assert.equal(api.snapshot().lastBreakKind, 'manual');
  });

  it('keeps a damaged shared ledger aside and rebuilds it from this window’s copy', async () => {
    await typeFor(api, editor, 2 * MINUTE);
    assert.ok(api.flush());
    const todayBefore = api.ledger().todayActiveMs;
    const damaged = fs.readFileSync(api.ledgerLocation, 'utf8').slice(0, 40); // as if cut off mid-write
    fs.writeFileSync(api.ledgerLocation, damaged);
    api.refresh();
    const dir = path.dirname(api.ledgerLocation);
    const backups = fs.readdirSync(dir).filter((f) => /^ledger\.corrupt-\d+\.json$/.test(f));
    assert.equal(backups.length, 1, 'one backup of the damaged file');
    assert.equal(fs.readFileSync(path.join(dir, backups[0] ?? ''), 'utf8'), damaged);
    await typeFor(api, editor, 1 * MINUTE);
    assert.ok(api.flush());
    const rebuilt = JSON.parse(fs.readFileSync(api.ledgerLocation, 'utf8')) as { todayActiveMs: number };
    assert.equal(rebuilt.todayActiveMs, todayBefore + 1 * MINUTE, 'nothing this window knew was lost');
  });

  it('wakes once for each write of another window: never for its own writes, nor for file events that change nothing', async () => {
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 400)); // past the watcher's debounce
    await settle();
    const before = api.counters().watchWakeUps;
    // This window's own write.
    await typeFor(api, editor, MINUTE);
    assert.ok(api.flush());
    await settle();
    // Events that change nothing: the same mode set again, twice.
    const ledger = api.ledgerLocation;
    fs.chmodSync(ledger, fs.statSync(ledger).mode);
    await settle();
    fs.chmodSync(ledger, fs.statSync(ledger).mode);
    await settle();
    // Another window's write: a new file renamed into place, the way every writer writes.
    const text = fs.readFileSync(ledger, 'utf8');
    fs.writeFileSync(`${ledger}.other`, text);
    fs.renameSync(`${ledger}.other`, ledger);
    await eventually(() => api.counters().watchWakeUps > before, 'the write of another window is noticed');
    await settle();
    assert.equal(api.counters().watchWakeUps - before, 1);
  });

  it('records a break from the command palette', async () => {
    await typeFor(api, editor, 3 * MINUTE);
    await vscode.commands.executeCommand('upright.logBreak');
    assert.equal(api.snapshot().activeMsSinceBreak, 0);
    assert.equal(api.snapshot().lastBreakKind, 'manual');
  });
});

describe('settings in the real host', () => {
  let api: UprightTestApi;
  const config = () => vscode.workspace.getConfiguration('upright');

  before(async () => {
    api = await getApi();
  });

  afterEach(async () => {
    await config().update('idleThresholdSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('statusBar.display', undefined, vscode.ConfigurationTarget.Global);
  });

  it('reacts to a change without a reload', async () => {
    await config().update('statusBar.display', 'today', vscode.ConfigurationTarget.Global);
    assert.equal(api.settings().statusBarDisplay, 'today');
    assert.match(api.statusBar().text, /^\$\(watch\) \d+(h \d\d)?m today$/);
  });

  it('answers a bad value with one warning and a default, and leaves the user setting alone', async () => {
    const warningsBefore = api.warnings().length;
    await config().update('idleThresholdSeconds', 'soon', vscode.ConfigurationTarget.Global);
    assert.equal(api.settings().idleThresholdSeconds, 180);
    const added = api.warnings().slice(warningsBefore);
    assert.equal(added.length, 1);
    assert.match(added[0] ?? '', /upright\.idleThresholdSeconds.*"soon".*180/);
    assert.equal(config().inspect('idleThresholdSeconds')?.globalValue, 'soon', 'the user setting is not rewritten');
    await config().update('idleThresholdSeconds', 5, vscode.ConfigurationTarget.Global);
    assert.equal(api.settings().idleThresholdSeconds, 30);
    assert.match(api.warnings().at(-1) ?? '', /upright\.idleThresholdSeconds: 5 .*30/);
  });
});
