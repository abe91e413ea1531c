import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { HISTORY_COLUMNS } from '../../src/core/history';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, MINUTE, openScratchEditor, SECOND, typeFor } from '../integration/helpers';
import {
  ADDED,
  assertSeedsUntouched,
  dayOnDisk,
  eventually,
  inside,
  LARGER,
  movedInDays,
  movedInExercises,
  movedInToday,
  other,
  productStorage,
  put,
  role,
  sayFailed,
  seeds,
  sharedState,
  take,
  userData,
  waitFor,
} from './editors';

// Two editors of the VS Code family (two code-servers, each with a profile of its own) on one machine,
// sharing one state folder, both started for the first time since it is shared, each with a history
// and a ledger of its own from before (see scripts/lib/twoEditors.js). Editor A is focused first, then
// B. They take turns through marker files (see editors.ts).

describe(`two editors, one clock (editor ${role})`, () => {
  let api: UprightTestApi;

  /** Says this editor's wall time under `name`. */
  const tellTime = (name: string): void => put(name, String(api.clock.now().wallMs));
  /** Waits for `name` and brings this editor's clock to the time it says, as on one machine. */
  const catchUp = async (name: string): Promise<void> => {
    await waitFor(name);
    api.clock.advance(Math.max(0, Number(take(name)) - api.clock.now().wallMs));
  };

  /**
   * What the status bar item says of the session and of today, in minutes. Its tooltip always does;
   * its text may be asking about the time away instead (in the editor that asked: either may).
   */
  const statusShows = (sessionMin: number, todayMin: number): boolean => {
    const tooltip = api.statusBar().tooltip;
    return tooltip.includes(`Coding since your last break: ${sessionMin}m`) && tooltip.includes(`Coding today: ${todayMin}m`);
  };
  const movedInMinutes = (): number => Math.floor(movedInToday().activeMs / MINUTE);
  /** Writes what this editor has pending; the other editor may hold the lock a moment, so again until it is written. */
  const written = (): Promise<void> =>
    eventually(
      () => api.flush(),
      'this editor’s pending time is written',
      () => api.lastWriteError(),
    );

  before(async () => {
    api = await getApi();
    // Started at the same moment as the other editor, this one may find the shared folder locked while
    // the other moves its records in: it moves its own in shortly after, and counts on meanwhile.
    await eventually(
      () => (api.history().movedIn ?? []).includes(productStorage[role]),
      'this editor’s records are moved in',
      () => api.history().movedIn,
      15_000,
    );
    // What this editor's start found (the time away since the clock it brought in was last used) is
    // written now, as its minute timer would, before either editor types.
    await written();
    put(`ready-${role}`);
    await waitFor(`ready-${other}`);
    api.refresh();
    api.setFocused(role === 'a');
  });

  afterEach(sayFailed);

  it('both editors keep one ledger, in the folder every editor shares, not in their own profiles', () => {
    put(`ledger-${role}`, api.ledgerLocation);
    assert.equal(api.ledgerLocation, path.join(sharedState, 'upright', 'ledger.json'));
    for (const r of ['a', 'b'] as const) {
      assert.ok(!inside(api.ledgerLocation, userData[r]), `not in editor ${r}'s profile (${userData[r]})`);
    }
  });

  it('each moved its history and ledger in: the days in both counted once, nothing twice, the old files untouched', async () => {
    await waitFor(`ledger-${other}`);
    assert.equal(take(`ledger-${other}`), api.ledgerLocation, 'the other editor uses the same file');
    // Every column history keeps is added up or taken the larger of.
    assert.deepEqual([...ADDED, ...LARGER].sort(), HISTORY_COLUMNS.slice(1).sort());
    const history = api.history();
    assert.deepEqual([...(history.movedIn ?? [])].sort(), [productStorage.a, productStorage.b].sort(), 'each editor’s own folder, once');
    assert.deepEqual(history.days, movedInDays());
    assert.deepEqual(history.exercises, movedInExercises());
    // Today's coding from both ledgers is in history, and shows as today's; none of it as this run's own.
    assert.equal(api.ledger().todayActiveMs, 0);
    assert.equal(api.snapshot().todayActiveMs, movedInToday().activeMs);
    assertSeedsUntouched();
    // Nothing more is moved in once both have started: the other editor reads the same history.
    put(`history-${role}`, JSON.stringify(history.days));
    await waitFor(`history-${other}`);
    assert.deepEqual(JSON.parse(take(`history-${other}`)), history.days);
  });

  it('the more recently used clock goes on: the time away since it is one natural break', async () => {
    await eventually(
      () => {
        api.refresh();
        return api.ledger().lastBreak?.atWallMs === seeds.lastActivityWallMs;
      },
      'the break since B’s last activity is in the ledger',
      () => {
        const l = api.ledger();
        return {
          lastBreak: l.lastBreak,
          natural: l.todayBreaks.natural,
          activeMsSinceBreak: l.activeMsSinceBreak,
          lastActivityWallMs: l.lastActivityWallMs,
        };
      },
    );
    assert.deepEqual(api.ledger().lastBreak, { atWallMs: seeds.lastActivityWallMs, kind: 'natural' });
    assert.equal(api.ledger().todayBreaks.natural, 1, 'counted once, by whichever editor wrote first');
    assert.equal(api.snapshot().activeMsSinceBreak, 0);
    assert.ok(statusShows(0, movedInMinutes()), api.statusBar().tooltip);
    put(`clock-${role}`);
    await waitFor(`clock-${other}`);
  });

  it('a minute typed in A shows in B; focus moves to B: no break, and B counts on', async () => {
    const editor = await openScratchEditor();
    if (role === 'a') {
      const breakBefore = api.ledger().lastBreak;
      await typeFor(api, editor, MINUTE);
      await written();
      assert.equal(api.ledger().todayActiveMs, MINUTE);
      assert.equal(api.snapshot().todayActiveMs, movedInToday().activeMs + MINUTE);
      tellTime('a-typed');
      await waitFor('b-saw');
      api.setFocused(false);
      await written();
      tellTime('a-left');
      await catchUp('b-typed');
      api.refresh();
      assert.ok(statusShows(2, movedInMinutes() + 2), api.statusBar().tooltip);
      assert.equal(api.snapshot().activeMsSinceBreak, 2 * MINUTE);
      assert.equal(api.ledger().todayActiveMs, 2 * MINUTE);
      assert.deepEqual(api.ledger().lastBreak, breakBefore, 'moving to another editor is not a break');
      assert.equal(api.ledger().todayBreaks.natural, 1);
      put('a-agrees');
    } else {
      await catchUp('a-typed');
      // The file watcher brings A's write here without waiting for the minute refresh.
      await eventually(
        () => statusShows(1, movedInMinutes() + 1),
        'the status bar shows A’s minute',
        () => api.statusBar(),
      );
      assert.equal(api.ledger().todayActiveMs, MINUTE);
      assert.equal(api.snapshot().todayActiveMs, movedInToday().activeMs + MINUTE);
      assert.equal(api.snapshot().focused, false);
      const naturalBefore = api.ledger().todayBreaks.natural;
      const breakBefore = api.ledger().lastBreak;
      put('b-saw');
      await catchUp('a-left');
      api.setFocused(true);
      await typeFor(api, editor, MINUTE);
      await written();
      assert.ok(statusShows(2, movedInMinutes() + 2), api.statusBar().tooltip);
      assert.equal(api.ledger().todayActiveMs, 2 * MINUTE);
      assert.equal(api.snapshot().activeMsSinceBreak, 2 * MINUTE, 'the session goes on across editors');
      assert.equal(api.snapshot().todayActiveMs, movedInToday().activeMs + 2 * MINUTE);
      assert.deepEqual(api.ledger().lastBreak, breakBefore, 'moving to another editor is not a break');
      assert.equal(api.ledger().todayBreaks.natural, naturalBefore);
      tellTime('b-typed');
      await waitFor('a-agrees');
    }
    // The time away before was asked about once, by whichever editor came back from it first.
    put(`asked-${role}`, String(api.away().questionsShown));
    await waitFor(`asked-${other}`);
    assert.equal(api.away().questionsShown + Number(take(`asked-${other}`)), 1, 'asked once across both editors');
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
      await written();
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
    // Where the editors leave the clock and the day, for the editors started again after this suite:
    // both unfocused (what was typed up to now credited) and written.
    api.setFocused(false);
    await written();
    put(`left-${role}`);
    await waitFor(`left-${other}`);
    api.refresh();
    put(`end-${role}`, dayOnDisk(api.ledgerLocation, api.clock.now().wallMs));
  });
});
