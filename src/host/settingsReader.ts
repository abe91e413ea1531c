import * as vscode from 'vscode';

import { formatSpokenDuration } from '../core/format';
import { parseSettings, type SettingProblem, settingsEqual, type UprightSettings } from '../core/settings';
import { MS_PER_MINUTE } from '../core/time';
import { t } from '../shared/l10n';
import { Disposable } from './dispose';

function describeProblem(problem: SettingProblem): string {
  switch (problem.reason) {
    case 'notANumber':
      return t('Setting {0}: {1} is not a number; using {2}.', problem.setting, problem.found, problem.used);
    case 'outOfRange':
      return t('Setting {0}: {1} is out of range; using {2}.', problem.setting, problem.found, problem.used);
    case 'notAllowed':
      return t('Setting {0}: {1} is not one of the allowed values; using {2}.', problem.setting, problem.found, problem.used);
    case 'skipped':
      return t('Setting {0}: {1}; it is skipped.', problem.setting, problem.found);
    case 'belowIdleThreshold':
      return t(
        'Setting {0}: a break of {1} is shorter than the idle threshold, so it could never count; using {2}.',
        problem.setting,
        formatSpokenDuration(Number(problem.found) * MS_PER_MINUTE),
        problem.used,
      );
  }
}

/**
 * Holds the validated settings snapshot and keeps it current. Each distinct bad value is reported once
 * in the log; the user's settings file is never written.
 */
export class SettingsReader extends Disposable {
  #current: UprightSettings;
  readonly #warned = new Set<string>();
  readonly #log: vscode.LogOutputChannel;
  readonly #changed = this._register(new vscode.EventEmitter<UprightSettings>());
  readonly #warnings: string[] = [];
  /** Fires with the new snapshot when a setting really changed. */
  readonly onDidChange = this.#changed.event;

  constructor(log: vscode.LogOutputChannel) {
    super();
    this.#log = log;
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
    const { settings, problems } = parseSettings((key) => config.get(key));
    for (const problem of problems) {
      const id = `${problem.setting}\u0000${problem.found}\u0000${problem.reason}`;
      if (this.#warned.has(id)) continue;
      this.#warned.add(id);
      const message = describeProblem(problem);
      this.#warnings.push(message);
      this.#log.warn(message);
    }
    return settings;
  }
}
