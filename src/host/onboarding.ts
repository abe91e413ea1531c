import * as vscode from 'vscode';
import { EQUIPMENT } from '../core/exercises/model';
import { type SettingsReader } from './settingsReader';

/** The walkthrough's id as VS Code knows it (`publisher.name#id`). */
export const WALKTHROUGH_ID = 'upright.upright#welcome';

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
 * The walkthrough's command, and its first showing: it opens by itself once, the first time Upright
 * starts in a profile, and never again (it stays under Help: Welcome). `firstStart` keeps that mark.
 */
export function registerOnboarding(settings: SettingsReader, log: vscode.LogOutputChannel, firstStart: () => boolean): vscode.Disposable {
  if (firstStart()) {
    log.info('First start in this profile: opening the walkthrough.');
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  }
  return vscode.commands.registerCommand('upright.setBand', (has: unknown) => setBand(settings, log, has));
}
