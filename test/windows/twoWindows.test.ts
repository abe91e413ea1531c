import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi, MINUTE, openScratchEditor, typeFor, typeOnce } from '../integration/helpers';

// Two windows (two extension hosts) on one code-server, one ledger. Window A is focused first, then B.
// They take turns through marker files in UPRIGHT_SYNC_DIR.
const role = process.env.UPRIGHT_WINDOW_ROLE as 'a' | 'b';
const other = role === 'a' ? 'b' : 'a';
const syncDir = process.env.UPRIGHT_SYNC_DIR ?? '.';

function signal(name: string): void {
  fs.writeFileSync(path.join(syncDir, name), role);
}

async function waitFor(name: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(path.join(syncDir, name))) {
    if (Date.now() > deadline) throw new Error(`window ${role} timed out waiting for "${name}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`window ${role}: timed out until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`two windows, one clock (window ${role})`, () => {
  let api: UprightTestApi;

  before(async () => {
    api = await getApi();
    api.setFocused(role === 'a');
    signal(`ready-${role}`);
    await waitFor(`ready-${other}`);
  });

  it('both windows use the same ledger file', () => {
    fs.writeFileSync(path.join(syncDir, `ledger-${role}`), api.ledgerLocation);
    assert.match(api.ledgerLocation, /ledger\.json$/);
  });

  it('typing in the focused window counts once; the unfocused window credits nothing', async () => {
    const editor = await openScratchEditor();
    if (role === 'a') {
      await typeFor(api, editor, 2 * MINUTE);
      assert.ok(api.flush());
      signal('a-typed');
      await waitFor('b-checked');
    } else {
      await typeFor(api, editor, 1 * MINUTE); // unfocused: must not count
      api.flush();
      await waitFor('a-typed');
      assert.equal(fs.readFileSync(path.join(syncDir, 'ledger-a'), 'utf8'), api.ledgerLocation);
      // The file watcher brings A's write here without waiting for the minute refresh.
      await eventually(() => api.statusBar().text === '$(watch) 2m', 'the status bar shows A’s 2m');
      assert.equal(api.ledger().todayActiveMs, 2 * MINUTE);
      assert.equal(api.snapshot().focused, false);
      signal('b-checked');
    }
  });

  it('focus moves to the other window: it counts on, with no break, and both status bars agree', async () => {
    const editor = await openScratchEditor();
    if (role === 'a') {
      api.setFocused(false);
      api.flush();
      signal('a-left');
      await waitFor('b-typed');
      api.refresh();
      assert.equal(api.statusBar().text, '$(watch) 3m');
      assert.equal(api.ledger().todayActiveMs, 3 * MINUTE);
      assert.equal(api.ledger().lastBreak, null, 'switching windows is not a break');
      signal('a-agrees');
    } else {
      await waitFor('a-left');
      api.setFocused(true);
      await typeFor(api, editor, 1 * MINUTE);
      assert.ok(api.flush());
      assert.equal(api.statusBar().text, '$(watch) 3m');
      signal('b-typed');
      await waitFor('a-agrees');
      assert.equal(api.ledger().todayActiveMs, 3 * MINUTE);
    }
  });

  it('a prompt is claimed by exactly one window, and passes on when released or expired', async () => {
    // Both windows try at the same moment; the claim in the shared ledger decides.
    signal(`claim-ready-${role}`);
    await waitFor(`claim-ready-${other}`);
    const mine = api.claimPrompt('break-due-1', 60_000) === 'granted';
    fs.writeFileSync(path.join(syncDir, `claim-${role}`), String(mine));
    await waitFor(`claim-${other}`);
    const theirs = fs.readFileSync(path.join(syncDir, `claim-${other}`), 'utf8') === 'true';
    assert.notEqual(mine, theirs, `exactly one window owns the prompt (this: ${mine}, other: ${theirs})`);
    if (mine) {
      assert.equal(api.claimPrompt('break-due-1', 60_000), 'granted', 'the owner may renew its claim');
      await waitFor('claim-checked'); // the other window tries to take it over first
      api.releasePrompt('break-due-1');
      signal('claim-released');
      await waitFor('claim-taken');
    } else {
      assert.equal(api.claimPrompt('break-due-1', 60_000), 'taken', 'a live claim is not taken over');
      signal('claim-checked');
      await waitFor('claim-released');
      assert.equal(api.claimPrompt('break-due-2', 60_000), 'granted', 'a released prompt can be claimed by the other window');
      // This window "dies" holding the claim: once it expires, the other window may take the prompt.
      signal('claim-taken');
    }
    signal(`claim-done-${role}`);
    await waitFor(`claim-done-${other}`);
    if (mine) {
      assert.equal(api.claimPrompt('break-due-3', 60_000), 'taken', 'not while the other window’s claim lasts');
      const held = api.ledger().prompt;
      assert.equal(held?.id, 'break-due-2');
      api.clock.advance((held?.expiresAtWallMs ?? 0) - api.clock.now().wallMs + 1);
      assert.equal(api.claimPrompt('break-due-3', 60_000), 'granted', 'after it expires');
      assert.equal(api.ledger().prompt?.owner, api.windowId);
      api.releasePrompt('break-due-3');
    }
  });

  it('time away is asked about once, by the focused window only', async () => {
    const editor = await openScratchEditor();
    if (role === 'a') {
      await waitFor('b-unfocused');
      api.setFocused(true);
      await typeFor(api, editor, MINUTE);
      assert.ok(api.flush());
      api.clock.advance(15 * MINUTE);
      api.refresh();
      await typeOnce(editor);
      assert.equal(api.away().questionsShown, 1, 'the focused window asks');
      assert.equal(api.ledger().absence?.askedBy, api.windowId);
      fs.writeFileSync(path.join(syncDir, 'a-asked'), String(api.clock.now().wallMs));
      await waitFor('b-did-not-ask');
      assert.equal(api.away().questionsShown, 1);
    } else {
      api.setFocused(false);
      signal('b-unfocused');
      await waitFor('a-asked');
      // This window's clock to the other's, as on one machine.
      const aNow = Number(fs.readFileSync(path.join(syncDir, 'a-asked'), 'utf8'));
      api.clock.advance(Math.max(0, aNow - api.clock.now().wallMs));
      api.refresh();
      assert.equal(api.away().questionsShown, 0, 'an unfocused window does not ask');
      assert.notEqual(api.ledger().absence?.askedBy, api.windowId);
      api.setFocused(true);
      await typeFor(api, editor, 30_000);
      assert.equal(api.away().questionsShown, 0, 'nor does it when it gains the focus: the question was asked');
      signal('b-did-not-ask');
    }
  });
});
