import vscode = require('vscode');

import { EQUIPMENT } from '../core/exercises/model';
import { type SettingsReader } from './settingsReader';

/** The walkthrough's id as VS Code knows it (`publisher.name#id`). */
export const WALKTHROUGH_ID = 'upright.upright#welcome';

/** Adds or removes the band, keeping the rest of what the person has. A choice they make, so it is saved. */
export async function setBand(settings: SettingsReader, log: vscode.LogOutputChannel, has: unknown): Promise<void> {
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

/** The walkthrough's eye-break step: turns eye breaks on or off, keeping how often and how long. */
export async function setEyeBreaks(settings: SettingsReader, log: vscode.LogOutputChannel, on: unknown): Promise<void> {
  if (typeof on !== 'boolean') {
    log.warn(`Ignored upright.setEyeBreaks with ${JSON.stringify(on)}: it takes true or false.`);
    return;
  }
  const { everyMinutes, seconds } = settings.current.eyeBreaks;
  await vscode.workspace
    .getConfiguration('upright')
    .update('eyeBreaks', { enabled: on, everyMinutes, seconds }, vscode.ConfigurationTarget.Global);
  log.info(`Eye breaks turned ${on ? 'on' : 'off'}.`);
}

/**
 * A host that started this long before Upright activated was already running when Upright was
 * installed (from the Extensions view or a VSIX): VS Code then opens the walkthrough itself, where the
 * person was when they installed it. At a window's start Upright activates within seconds.
 */
const INSTALLED_INTO_RUNNING_WINDOW_MS = 60_000;

/**
 * Opens the walkthrough as soon as that takes no focus from the person. With an editor open it is a
 * tab behind it, as VS Code itself opens a walkthrough for someone in the editor: nothing is drawn,
 * nothing is focused. With no editor, a walkthrough shown now would draw itself and take the focus
 * (closing a command palette the person has open), so it waits for the first editor, or for the
 * window to lose the focus.
 */
function openWhenFocusIsFree(log: vscode.LogOutputChannel): vscode.Disposable {
  const waits: vscode.Disposable[] = [];
  const stopWaiting = (): void => {
    for (const wait of waits.splice(0)) wait.dispose();
  };
  const tryOpen = (): void => {
    const behindAnEditor = vscode.window.tabGroups.activeTabGroup.tabs.length > 0;
    if (!behindAnEditor && vscode.window.state.focused) return;
    stopWaiting();
    log.info(`Walkthrough opened ${behindAnEditor ? 'behind the editor in use' : 'while the window is in the background'}.`);
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, { inactive: behindAnEditor });
  };
  waits.push(vscode.window.tabGroups.onDidChangeTabs(tryOpen), vscode.window.onDidChangeWindowState(tryOpen));
  tryOpen();
  return { dispose: stopWaiting };
}

/**
 * The walkthrough's first showing. VS Code opens a contributed walkthrough by itself
 * when an extension is installed into a running window, if `workbench.welcomePage.walkthroughs.openOnInstall`
 * is on. Where it does not (installed before the window started: from the command line, a synced or
 * prepared profile), Upright opens it once, on the first start in a profile, under the same setting,
 * and never takes the focus. Called on the first start only; `hostAgeMs` is how long this host has run.
 */
export function welcome(log: vscode.LogOutputChannel, hostAgeMs: number): vscode.Disposable | undefined {
  const openOnInstall = vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true);
  const say = (what: string): void => log.info(`First start in this profile: ${what}.`);
  if (!openOnInstall) {
    say('the walkthrough stays closed (workbench.welcomePage.walkthroughs.openOnInstall is off); it is under Help: Welcome');
    return undefined;
  }
  if (hostAgeMs > INSTALLED_INTO_RUNNING_WINDOW_MS) {
    say('installed into a running window, where VS Code shows the walkthrough');
    return undefined;
  }
  say('opening the walkthrough');
  return openWhenFocusIsFree(log);
}
