import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EQUIPMENT } from '../core/exercises/model';
import { type SettingsReader } from './settingsReader';

/** The walkthrough's id as VS Code knows it (`publisher.name#id`). */
export const WALKTHROUGH_ID = 'upright.upright#welcome';
const WELCOMED_KEY = 'upright.welcomed';

/** Adds or removes the band, keeping the rest of what the person has. A choice they make, so it is saved. */
async function setBand(settings: SettingsReader, log: vscode.LogOutputChannel, has: unknown): Promise<void> {
  if (typeof has !== 'boolean') {
    log.warn(`Ignored upright.setBand with ${JSON.stringify(has)}: it takes true or false.`);
    return;
  }
  const owned = new Set(settings.current.equipment);
  if (has) owned.add('band');
  else owned.delete('band');
  const next = EQUIPMENT.filter((e) => owned.has(e));
  // The walkthrough ticks the step off: that is the answer the person sees.
  await vscode.workspace.getConfiguration('upright').update('equipment', next, vscode.ConfigurationTarget.Global);
}

/**
 * True the first time Upright starts in this profile, and never again. The mark is a file in global
 * storage, written at once: `globalState` is saved lazily, and a browser window reloaded right after
 * the first start would lose it and show the walkthrough again.
 */
function firstStart(context: vscode.ExtensionContext): boolean {
  const storage = context.globalStorageUri;
  if (storage.scheme !== 'file') {
    if (context.globalState.get<boolean>(WELCOMED_KEY) === true) return false;
    void context.globalState.update(WELCOMED_KEY, true);
    return true;
  }
  try {
    fs.mkdirSync(storage.fsPath, { recursive: true });
    fs.writeFileSync(path.join(storage.fsPath, 'welcomed'), '', { flag: 'wx' });
    return true;
  } catch {
    // Already there (or the folder cannot be written: then never nag with it).
    return false;
  }
}

/**
 * The walkthrough's command, and its first showing: it opens by itself once, the first time Upright
 * starts in a profile, and never again (it stays under Help: Welcome).
 */
export function registerOnboarding(context: vscode.ExtensionContext, settings: SettingsReader, log: vscode.LogOutputChannel, openFirstTime: boolean): vscode.Disposable {
  if (openFirstTime && firstStart(context)) {
    log.info('First start in this profile: opening the walkthrough.');
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  }
  return vscode.commands.registerCommand('upright.setBand', (has: unknown) => setBand(settings, log, has));
}
