import vscode = require('vscode');

import { readSettings, type SettingProblem, settingsEqual, type SettingsReading, type UprightSettings } from '../core/settings';
import { Disposable } from './dispose';

/**
 * What settings need beyond plainly good values (dist/settingsDetail.js on the desktop): the full
 * reading (custom routines, working hours, quiet times, values to mend) and the words for a bad value.
 * Asked for only when a setting needs one of them.
 */
export interface SettingsDetail extends SettingsReading {
  describeProblem(problem: SettingProblem): string;
}

/**
 * Holds the validated settings snapshot and keeps it current. Each distinct bad value is reported once
 * in the log; the user's settings file is never written.
 */
export class SettingsReader extends Disposable {
  #current: UprightSettings;
  readonly #warned = new Set<string>();
  readonly #log: vscode.LogOutputChannel;
  readonly #detail: () => SettingsDetail;
  readonly #changed = this._register(new vscode.EventEmitter<UprightSettings>());
  readonly #warnings: string[] = [];
  /** Fires with the new snapshot when a setting really changed. */
  readonly onDidChange = this.#changed.event;

  constructor(log: vscode.LogOutputChannel, detail: () => SettingsDetail) {
    super();
    this.#log = log;
    this.#detail = detail;
    this.#current = this.#read();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('upright')) this.reload();
      }),
    );
  }

  get current(): UprightSettings {
    return this.#current;
  }

  /** Every warning given so far, oldest first (for the test API). */
  get warnings(): readonly string[] {
    return this.#warnings;
  }

  reload(): void {
    const next = this.#read();
    if (settingsEqual(next, this.#current)) return;
    this.#current = next;
    this.#changed.fire(next);
  }

  #read(): UprightSettings {
    const config = vscode.workspace.getConfiguration('upright');
    const { settings, problems } = readSettings((key) => config.get(key), this.#detail);
    for (const problem of problems) this.report(problem);
    return settings;
  }

  /** Reports a bad value, once: also one found only when the setting is used (a routine with nothing to do). */
  report(problem: SettingProblem): void {
    const id = `${problem.setting}\u0000${problem.found}\u0000${problem.reason}`;
    if (this.#warned.has(id)) return;
    this.#warned.add(id);
    const message = this.#detail().describeProblem(problem);
    this.#warnings.push(message);
    this.#log.warn(message);
  }
}
