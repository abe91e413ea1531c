import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { type UprightTestApi } from '../../src/host/testing/testApi';

export async function getApi(): Promise<UprightTestApi> {
  const extension = vscode.extensions.getExtension<UprightTestApi | undefined>('upright.upright');
  if (!extension) throw new Error('Upright is not installed in this host');
  const api = await extension.activate();
  if (!api) throw new Error('Upright returned no test API: is the host in test mode?');
  return api;
}

export async function openScratchEditor(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: '' });
  return vscode.window.showTextDocument(document);
}

/** Inserts one character and waits until the change event has gone round (Upright's listener runs first). */
export async function typeOnce(editor: vscode.TextEditor): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === editor.document) {
        sub.dispose();
        resolve();
      }
    });
  });
  const ok = await editor.edit((b) => b.insert(editor.document.positionAt(editor.document.getText().length), 'x'));
  if (!ok) throw new Error('edit was refused');
  await changed;
}

/** Types a key every `everyMs` of host-clock time for `durationMs`. */
export async function typeFor(api: UprightTestApi, editor: vscode.TextEditor, durationMs: number, everyMs = 10_000): Promise<void> {
  for (let t = 0; t < durationMs; t += everyMs) {
    api.clock.advance(everyMs);
    await typeOnce(editor);
  }
}

/** Time passing with the host awake: a routine is looked at every second, as the host's own timers would. */
export function passTime(api: UprightTestApi, ms: number): void {
  for (let left = ms; left > 0; left -= SECOND) {
    api.clock.advance(Math.min(SECOND, left));
    api.routine();
  }
}

/** Away from the editor for `ms`, the minute timer running meanwhile, then one key in `editor`. */
export async function stepAway(api: UprightTestApi, editor: vscode.TextEditor, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= Math.min(MINUTE, left)) {
    api.clock.advance(Math.min(MINUTE, left));
    api.refresh();
  }
  await typeOnce(editor);
}

/** Starts from a clean slate: a break just now, window focus decided by the test. */
export async function resetSession(api: UprightTestApi, editor: vscode.TextEditor): Promise<void> {
  api.setFocused(true);
  await vscode.commands.executeCommand('upright.logBreak');
  await typeOnce(editor);
}

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Waits (real time, briefly) for something the workbench does on its own schedule, such as opening a tab. */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
