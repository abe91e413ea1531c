import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type LiveShareApi } from '../../src/host/liveShare';
import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, MINUTE, openScratchEditor, resetSession, SECOND, typeOnce } from './helpers';

const config = () => vscode.workspace.getConfiguration('upright');

/** Types a key every `everyMs` of host-clock time for `durationMs` (constant typing, never a pause). */
async function typeSteadily(api: UprightTestApi, editor: vscode.TextEditor, durationMs: number, everyMs = 5 * SECOND): Promise<void> {
  for (let t = 0; t < durationMs; t += everyMs) {
    api.clock.advance(everyMs);
    await typeOnce(editor);
    api.reminder();
  }
}

/** The local clock time `minutesFromNow` after the host clock's now, as `HH:MM`. */
function clockIn(api: UprightTestApi, minutesFromNow: number): string {
  const at = new Date(api.clock.now().wallMs + minutesFromNow * MINUTE);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** A stand-in for Live Share's API: a session that a test starts and ends. */
function fakeLiveShare(): LiveShareApi & { start(id: string): void; end(): void } {
  const listeners = new Set<() => unknown>();
  const fake = {
    session: { id: null as string | null },
    onDidChangeSession: (listener: () => unknown) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    start(id: string) {
      fake.session = { id };
      for (const listener of listeners) listener();
    },
    end() {
      fake.session = { id: null };
      for (const listener of listeners) listener();
    },
  };
  return fake;
}

describe('quiet times, holds and Live Share in the real host', function () {
  this.timeout(120_000);
  let api: UprightTestApi;
  let editor: vscode.TextEditor;
  const changed = ['breakIntervalMinutes', 'quietTimes', 'workingHours'];

  before(async () => {
    api = await getApi();
    editor = await openScratchEditor();
  });

  beforeEach(async () => {
    api.resumeReminders();
    for (const key of changed) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await config().update('breakIntervalMinutes', 1, vscode.ConfigurationTarget.Global);
    await resetSession(api, editor);
  });

  after(async () => {
    api.resumeReminders();
    for (const key of changed) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('upright.logBreak');
  });

  /** To the start of the next whole minute, where a slot given in minutes can begin. */
  function toMinuteStart(): void {
    const now = api.clock.now().wallMs;
    api.clock.advance(MINUTE - (now % MINUTE));
  }

  it('a quiet time holds a break that falls due inside, and offers it at the first pause after', async () => {
    toMinuteStart();
    await config().update('quietTimes', [{ start: clockIn(api, 0), end: clockIn(api, 5) }], vscode.ConfigurationTarget.Global);
    assert.equal(api.warnings().filter((w) => w.includes('quietTimes')).length, 0, 'read as written');
    await typeSteadily(api, editor, 65 * SECOND);
    const inside = api.reminder();
    assert.equal(inside.view?.phase, 'quiet');
    assert.match(api.statusBar().accessibilityLabel, /quiet until/);
    assert.equal(api.statusBar().warning, false);
    api.clock.advance(20 * SECOND); // a pause, but inside the slot
    assert.equal(api.reminder().shownPromptId, undefined, 'no reminder inside the quiet time');
    // Typing on past the end of the slot: due at once, but it waits for a pause.
    await typeSteadily(api, editor, 4 * MINUTE);
    const after = api.reminder();
    assert.equal(after.view?.phase, 'due');
    assert.equal(after.shownPromptId, undefined, 'not while typing');
    assert.equal(api.statusBar().warning, true);
    api.clock.advance(16 * SECOND);
    assert.ok(api.reminder().shownPromptId, 'offered at the first pause after the slot');
  });

  it('Hold Reminders with minutes, from a keybinding or a script: held, then offered at the first pause after', async () => {
    const startWallMs = api.clock.now().wallMs;
    await vscode.commands.executeCommand('upright.hold', 3);
    assert.deepEqual(api.ledger().hold, { untilWallMs: startWallMs + 3 * MINUTE, sinceWallMs: startWallMs }, 'in the shared ledger');
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(20 * SECOND);
    const held = api.reminder();
    assert.deepEqual([held.view?.phase, held.shownPromptId], ['held', undefined]);
    assert.match(api.statusBar().accessibilityLabel, /held until/);
    await typeSteadily(api, editor, 2 * MINUTE);
    assert.equal(api.reminder().view?.phase, 'due');
    assert.equal(api.reminder().shownPromptId, undefined, 'not while typing');
    api.clock.advance(16 * SECOND);
    assert.ok(api.reminder().shownPromptId, 'offered at the first pause after the hold');
  });

  it('Hold Reminders without minutes holds until Resume Reminders; an argument that is no number holds for an hour', async () => {
    await vscode.commands.executeCommand('upright.hold');
    await typeSteadily(api, editor, 65 * SECOND);
    api.clock.advance(4 * MINUTE); // away, but not long enough for a break
    const held = api.reminder();
    assert.deepEqual([held.view?.phase, held.view?.msUntilResume, held.shownPromptId], ['held', null, undefined]);
    assert.match(api.statusBar().accessibilityLabel, /held until you resume/);
    await vscode.commands.executeCommand('upright.resume');
    assert.equal(api.ledger().hold, null);
    assert.ok(api.reminder().shownPromptId, 'resumed during a pause in the typing: offered at once');
    api.answerPrompt('skip');

    const now = api.clock.now().wallMs;
    await vscode.commands.executeCommand('upright.hold', 'soon');
    assert.equal(api.ledger().hold?.untilWallMs, now + 60 * MINUTE, 'a safe hold, with an end');
  });

  it('a Live Share session holds reminders while it lasts, and its end offers the break at the first pause after', async () => {
    const liveShare = fakeLiveShare();
    const watching = api.holdDuringLiveShare(liveShare);
    try {
      assert.equal(api.ledger().hold, null, 'no session, no hold');
      liveShare.start('session-1');
      assert.equal(api.ledger().hold?.liveShare, 'session-1');
      await typeSteadily(api, editor, 65 * SECOND);
      api.clock.advance(20 * SECOND);
      const held = api.reminder();
      assert.deepEqual([held.view?.phase, held.view?.liveShare, held.shownPromptId], ['held', true, undefined]);
      assert.match(api.statusBar().accessibilityLabel, /Live Share/);
      // Ten minutes on: the hold, good for five, has been renewed as the session went on.
      await typeSteadily(api, editor, 10 * MINUTE);
      assert.equal(api.reminder().view?.phase, 'held');
      assert.ok((api.ledger().hold?.untilWallMs ?? 0) > api.clock.now().wallMs);
      liveShare.end();
      assert.equal(api.ledger().hold, null, 'released when the session ends');
      await typeSteadily(api, editor, 10 * SECOND);
      assert.deepEqual([api.reminder().view?.phase, api.reminder().shownPromptId], ['due', undefined]);
      api.clock.advance(16 * SECOND);
      assert.ok(api.reminder().shownPromptId, 'offered at the first pause after the session');
    } finally {
      watching.dispose();
    }
  });

  it('the installed extension is never activated from here: its API is asked for once it is active', async () => {
    const liveShare = fakeLiveShare();
    const asked: unknown[][] = [];
    let activations = 0;
    const extension = {
      id: 'ms-vsliveshare.vsliveshare',
      isActive: false,
      exports: undefined as unknown,
      activate: () => {
        activations++;
        return Promise.resolve(undefined);
      },
    };
    const watching = api.watchLiveShare(extension as unknown as vscode.Extension<unknown>);
    try {
      api.refresh();
      assert.equal(asked.length, 0, 'not active yet: not asked');
      extension.isActive = true;
      extension.exports = {
        getApi: (...args: unknown[]) => {
          asked.push(args);
          return Promise.resolve(liveShare);
        },
      };
      api.refresh();
      api.refresh();
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(asked, [['1.0.4753', 'upright.upright']], 'asked once, naming Upright');
      liveShare.start('session-3');
      assert.equal(api.ledger().hold?.liveShare, 'session-3');
      liveShare.end();
      assert.equal(api.ledger().hold, null);
      assert.equal(activations, 0, 'never activated');
    } finally {
      watching.dispose();
    }
  });

  it('a session whose window stopped renewing holds no longer than its last renewal', async () => {
    const liveShare = fakeLiveShare();
    const watching = api.holdDuringLiveShare(liveShare);
    liveShare.start('session-2');
    watching.dispose(); // as if the window had died
    await typeSteadily(api, editor, 65 * SECOND);
    assert.equal(api.reminder().view?.phase, 'held');
    api.clock.advance(4 * MINUTE); // away, not long enough for a break; five minutes since the last renewal
    assert.equal(api.reminder().view?.phase, 'due');
  });

  it('split working hours: a list of ranges, reminders inside any of them', async () => {
    await config().update(
      'workingHours',
      [
        { start: clockIn(api, -120), end: clockIn(api, -60) },
        { start: clockIn(api, 60), end: clockIn(api, 120), days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
      ],
      vscode.ConfigurationTarget.Global,
    );
    await typeSteadily(api, editor, 65 * SECOND);
    assert.equal(api.reminder().view?.phase, 'outsideHours');
    await config().update(
      'workingHours',
      [
        { start: clockIn(api, -120), end: clockIn(api, -60) },
        { start: clockIn(api, -5), end: clockIn(api, 60), days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
      ],
      vscode.ConfigurationTarget.Global,
    );
    api.clock.advance(16 * SECOND);
    assert.equal(api.reminder().view?.phase, 'due');
  });
});
