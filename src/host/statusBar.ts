import vscode = require('vscode');

import { formatCompactDuration, formatSpokenDuration, sessionLabel } from '../core/format';
import { type ReminderView } from '../core/reminders/scheduler';
import { type UprightSettings } from '../core/settings';
import { type TrackerSnapshot } from '../core/tracker';
import { singular, t } from '../shared/l10n';
import { COMMANDS } from './commandIds';

export const STATUS_BAR_ITEM_ID = 'upright.timer';

/** A short-lived message in the item (a question about time away): its text, its spoken label, what a click runs. */
export interface StatusNotice {
  readonly text: string;
  readonly label: string;
  readonly command: vscode.Command;
}

/** The always-visible session timer. Renders only when what it shows has changed. */
export class SessionStatusBar implements vscode.Disposable {
  readonly #item: vscode.StatusBarItem;
  #rendered = '';
  #sessionText = '';
  #sessionLabel = '';
  #routine: { text: string; label: string } | undefined;
  #notice: StatusNotice | undefined;
  #reminder: ReminderView | undefined;
  #display: UprightSettings['statusBarDisplay'] = 'session';
  #nowWallMs = 0;

  constructor() {
    this.#item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
    this.#item.name = t('Upright coding session');
    this.#item.command = COMMANDS.showMenu;
    this.#item.show();
  }

  render(snapshot: TrackerSnapshot, settings: UprightSettings, nowWallMs: number): void {
    const session = formatCompactDuration(snapshot.activeMsSinceBreak);
    const today = formatCompactDuration(snapshot.todayActiveMs);
    const text = settings.statusBarDisplay === 'today' ? `$(watch) ${t('{0} today', today)}` : `$(watch) ${session}`;
    const key = `${text}|${today}|${snapshot.lastBreakWallMs ?? ''}|${snapshot.focused}|${settings.idleThresholdSeconds}|${settings.naturalBreakMinutes}`;
    if (key === this.#rendered) return;
    this.#rendered = key;

    this.#sessionText = text;
    this.#display = settings.statusBarDisplay;
    this.#nowWallMs = nowWallMs;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${t('Upright')}**\n\n`);
    tooltip.appendMarkdown(`${t('Coding since your last break: {0}', session)}  \n`);
    tooltip.appendMarkdown(`${t('Coding today: {0}', today)}  \n`);
    if (snapshot.deskMsSinceBreak > snapshot.activeMsSinceBreak)
      tooltip.appendMarkdown(`${t('At the desk since your last break: {0}', formatCompactDuration(snapshot.deskMsSinceBreak))}  \n`);
    if (snapshot.lastBreakWallMs !== null) {
      const at = new Date(snapshot.lastBreakWallMs);
      const sameDay = at.toDateString() === new Date(nowWallMs).toDateString();
      const when = sameDay
        ? at.toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' })
        : at.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
      tooltip.appendMarkdown(`${t('Last break: {0}', when)}  \n`);
    }
    if (!snapshot.focused) tooltip.appendMarkdown(`${t('This window is not focused, so it is not counting.')}  \n`);
    tooltip.appendMarkdown(
      `\n${t('Idle after {0} s without activity; {1} min away counts as a break.', settings.idleThresholdSeconds, settings.naturalBreakMinutes)}\n\n`,
    );
    tooltip.appendMarkdown(t('Click for the Upright menu.'));
    tooltip.isTrusted = false;
    this.#item.tooltip = tooltip;
    this.#sessionLabel = sessionLabel(snapshot.activeMsSinceBreak, snapshot.todayActiveMs);
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

  /** Shows `notice` in place of the session or the reminder until it is taken back (undefined); a routine's step comes first. */
  showNotice(notice: StatusNotice | undefined): void {
    this.#notice = notice;
    this.#apply();
  }

  /** Where reminders stand: the countdown, a break due (warning colour at once), snoozed or paused. */
  showReminder(view: ReminderView | undefined, nowWallMs: number): void {
    this.#reminder = view;
    this.#nowWallMs = nowWallMs;
    this.#apply();
  }

  #reminderText(): { text: string; label: string } | undefined {
    const r = this.#reminder;
    if (!r) return undefined;
    const clock = (ms: number): string => {
      const s = Math.max(0, Math.ceil(ms / 1000));
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    };
    switch (r.phase) {
      case 'due':
        return { text: `$(bell) ${t('Break due')}`, label: t('Upright: a break is due. Activate for the menu.') };
      case 'soon': {
        const seconds = Math.ceil(r.msUntilDue / 1000);
        return {
          text: `$(watch) ${t('Break in {0}', clock(r.msUntilDue))}`,
          label: t(singular(seconds) ? 'Upright: a break in {0} second.' : 'Upright: a break in {0} seconds.', seconds),
        };
      }
      case 'paused':
      case 'held':
      case 'quiet': {
        const until =
          r.msUntilResume === null
            ? ''
            : new Date(this.#nowWallMs + r.msUntilResume).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
        const held = r.phase === 'held';
        const label =
          r.phase === 'quiet'
            ? t('Upright: reminders are quiet until {0}.', until)
            : r.liveShare
              ? t('Upright: reminders held while Live Share is on.')
              : until
                ? t(held ? 'Upright: reminders held until {0}.' : 'Upright: reminders paused until {0}.', until)
                : t(held ? 'Upright: reminders held until you resume them.' : 'Upright: reminders paused until you resume them.');
        return {
          text: `${r.phase === 'paused' ? '$(debug-pause)' : '$(bell-slash)'} ${this.#sessionText.replace('$(watch) ', '')}`,
          label,
        };
      }
      case 'counting':
        if (this.#display !== 'nextBreak') return undefined;
        return {
          text: `$(watch) ${t('{0} to break', formatCompactDuration(r.msUntilDue + 59_999))}`,
          label: t('Upright: next break in {0}.', formatSpokenDuration(r.msUntilDue + 59_999)),
        };
      default:
        return undefined;
    }
  }

  #apply(): void {
    // A notice is short-lived and comes first: a due break still shows in the warning colour.
    const notice = this.#notice;
    const reminder = notice ?? this.#reminderText();
    this.#item.text = this.#routine ? `$(person) ${this.#routine.text}` : (reminder?.text ?? this.#sessionText);
    this.#item.accessibilityInformation = { label: this.#routine?.label ?? reminder?.label ?? this.#sessionLabel, role: 'button' };
    this.#item.command = notice && !this.#routine ? notice.command : COMMANDS.showMenu;
    this.#item.backgroundColor =
      this.#reminder?.phase === 'due' && !this.#routine ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** The item itself, read by the test API. */
  get item(): vscode.StatusBarItem {
    return this.#item;
  }

  dispose(): void {
    this.#item.dispose();
  }
}
