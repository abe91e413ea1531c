import * as vscode from 'vscode';
import { formatCompactDuration, toHoursMinutes } from '../core/format';
import { type UprightSettings } from '../core/settings';
import { type TrackerSnapshot } from '../core/tracker';

export const STATUS_BAR_ITEM_ID = 'upright.timer';

function spokenDuration(ms: number): string {
  const { hours, minutes } = toHoursMinutes(ms);
  if (hours === 0) return vscode.l10n.t('{0} minutes', minutes);
  return vscode.l10n.t('{0} hours {1} minutes', hours, minutes);
}

/** The always-visible session timer. Renders only when what it shows has changed. */
export class SessionStatusBar implements vscode.Disposable {
  readonly #item: vscode.StatusBarItem;
  #rendered = '';
  #sessionText = '';
  #sessionLabel = '';
  #routine: { text: string; label: string } | undefined;

  constructor() {
    this.#item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
    this.#item.name = vscode.l10n.t('Upright coding session');
    this.#item.command = 'upright.showMenu';
    this.#item.show();
  }

  render(snapshot: TrackerSnapshot, settings: UprightSettings, nowWallMs: number): void {
    const session = formatCompactDuration(snapshot.activeMsSinceBreak);
    const today = formatCompactDuration(snapshot.todayActiveMs);
    const text =
      settings.statusBarDisplay === 'today' ? `$(watch) ${vscode.l10n.t('{0} today', today)}` : `$(watch) ${session}`;
    const key = `${text}|${today}|${snapshot.lastBreakWallMs ?? ''}|${snapshot.focused}|${settings.idleThresholdSeconds}|${settings.naturalBreakMinutes}`;
    if (key === this.#rendered) return;
    this.#rendered = key;

    this.#sessionText = text;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${vscode.l10n.t('Upright')}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Coding since your last break: {0}', session)}  \n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Coding today: {0}', today)}  \n`);
    if (snapshot.lastBreakWallMs !== null) {
      const at = new Date(snapshot.lastBreakWallMs);
      const sameDay = at.toDateString() === new Date(nowWallMs).toDateString();
      const when = sameDay ? at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      tooltip.appendMarkdown(`${vscode.l10n.t('Last break: {0}', when)}  \n`);
    }
    if (!snapshot.focused) tooltip.appendMarkdown(`${vscode.l10n.t('This window is not focused, so it is not counting.')}  \n`);
    tooltip.appendMarkdown(
      `\n${vscode.l10n.t('Idle after {0} s without activity; {1} min away counts as a break.', settings.idleThresholdSeconds, settings.naturalBreakMinutes)}\n\n`,
    );
    tooltip.appendMarkdown(vscode.l10n.t('Click for the Upright menu.'));
    tooltip.isTrusted = false;
    this.#item.tooltip = tooltip;
    this.#sessionLabel = vscode.l10n.t(
      'Upright: {0} coding since your last break, {1} today. Activate for the menu.',
      spokenDuration(snapshot.activeMsSinceBreak),
      spokenDuration(snapshot.todayActiveMs),
    );
    this.#apply();
  }

  /**
   * While a routine runs with its panel out of sight, the item shows the step and its seconds instead of
   * the session (`undefined` gives the session back).
   */
  showRoutineStep(step: { text: string; label: string } | undefined): void {
    if (step?.text === this.#routine?.text && step?.label === this.#routine?.label) return;
    this.#routine = step;
    this.#apply();
  }

  #apply(): void {
    this.#item.text = this.#routine ? `$(person) ${this.#routine.text}` : this.#sessionText;
    this.#item.accessibilityInformation = { label: this.#routine?.label ?? this.#sessionLabel, role: 'button' };
  }

  /** What is on screen now (for the test API). */
  describe(): { text: string; tooltip: string; accessibilityLabel: string; command: string | undefined } {
    const tooltip = this.#item.tooltip;
    const command = this.#item.command;
    return {
      text: this.#item.text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      accessibilityLabel: this.#item.accessibilityInformation?.label ?? '',
      command: typeof command === 'string' ? command : command?.command,
    };
  }

  dispose(): void {
    this.#item.dispose();
  }
}
