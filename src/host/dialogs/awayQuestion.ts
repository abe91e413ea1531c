import vscode = require('vscode');

import { type Absence, applyAway, type AwayAnswer, type AwayHow, claimAwayQuestion, judgeReturn } from '../../core/away';
import { formatCompactDuration, formatSpokenDuration } from '../../core/format';
import { quietSlotsBetween } from '../../core/quietTimes';
import { type Calendar } from '../../core/time';
import { t } from '../../shared/l10n';
import { type HostClock } from '../clock';
import { type CodingSession } from '../codingSession';
import { COMMANDS } from '../commandIds';
import { Disposable } from '../dispose';
import { type SettingsReader } from '../settingsReader';
import { type SessionStatusBar } from '../statusBar';

/** How long the status bar shows a question about time away, or what was decided without one. */
export const AWAY_NOTICE_MS = 5 * 60_000;

export interface AwayQuestionDeps {
  readonly session: CodingSession;
  readonly settings: SettingsReader;
  readonly clock: HostClock;
  readonly calendar: Calendar;
  readonly statusBar: SessionStatusBar;
  readonly log: vscode.LogOutputChannel;
}

/** `HH:MM` as VS Code's display language writes it. */
function clockTime(wallMs: number): string {
  return new Date(wallMs).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
}

/**
 * What time away was. The first activity after an absence long enough for a break brings, in the
 * window where it happened, one quiet question (a notification and the status bar, never modal): I
 * moved, or I sat. Unanswered, the absence stays the break it was counted as. A slot learned from
 * earlier answers, a quiet time marked sitting or `upright.awayTime` answer it without asking; the
 * status bar says so, and one click takes it back. The menu answers the last absence until the next
 * break.
 */
export class AwayQuestions extends Disposable {
  readonly #deps: AwayQuestionDeps;
  #questionsShown = 0;
  /** The absence the status bar speaks of, and whether it asks (or tells what was decided). */
  #notice: { fromWallMs: number; asks: boolean; untilWallMs: number } | undefined;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: AwayQuestionDeps) {
    super();
    this.#deps = deps;
    // Answered in another window, taken back by a break, or the day ended: the notice goes.
    this._register(deps.session.onDidRefresh(() => this.#checkNotice()));
  }

  /** Questions this window has asked (for tests). */
  get questionsShown(): number {
    return this.#questionsShown;
  }

  /** The absence the status bar speaks of now, if any (for tests). */
  get noticeFor(): number | undefined {
    return this.#notice?.fromWallMs;
  }

  /** Activity in this window has just ended `absence`: ask, or answer it without asking, or leave it a break. */
  returned(absence: Absence): void {
    const { session, settings, calendar, log } = this.#deps;
    const fromWallMs = absence.fromWallMs;
    const toWallMs = absence.toWallMs ?? this.#deps.clock.now().wallMs;
    const verdict = judgeReturn(
      { fromWallMs, toWallMs },
      settings.current.awayTime,
      // Quiet times marked sitting: time away inside them was sitting, without a question.
      quietSlotsBetween(settings.current.quietTimes, fromWallMs, toWallMs, calendar).filter((slot) => slot.sitting),
      session.ledger.awayRecords,
      calendar,
    );
    const minutes = Math.round((toWallMs - fromWallMs) / 60_000);
    log.info(`Back after ${minutes} min away: ${verdict.kind === 'sitting' ? `sitting (${verdict.how})` : verdict.kind}.`);
    if (verdict.kind === 'break') return;
    if (verdict.kind === 'sitting') {
      this.#record(fromWallMs, 'sat', verdict.how);
      // Chosen once in the settings, it needs no word; learned or from a quiet time, it is said, with an undo.
      if (verdict.how !== 'setting') this.#showNotice(fromWallMs, toWallMs, false);
      return;
    }
    if (!session.claim((current, owner) => claimAwayQuestion(current, fromWallMs, owner))) {
      log.info('Another window asked about this time away.');
      return;
    }
    this.#ask(fromWallMs, toWallMs);
  }

  #ask(fromWallMs: number, toWallMs: number): void {
    this.#questionsShown++;
    this.#showNotice(fromWallMs, toWallMs, true);
    const moved = t('I moved');
    const sat = t('I sat');
    const message = t(
      'You were away {0} ({1}–{2}). Did you get up and move, or sit through a meeting or a call?',
      formatSpokenDuration(toWallMs - fromWallMs),
      clockTime(fromWallMs),
      clockTime(toWallMs),
    );
    void vscode.window.showInformationMessage(message, moved, sat).then((picked) => {
      if (picked !== undefined) this.answer(picked === sat ? 'sat' : 'moved', fromWallMs);
    });
  }

  /**
   * The person's answer about absence `fromWallMs` (the last one, when not given). False, and logged,
   * when it can no longer be answered: a break came since, or its day has ended.
   */
  answer(answer: AwayAnswer, fromWallMs?: number): boolean {
    this.#deps.session.follow();
    const absence = this.answerable();
    if (!absence || (fromWallMs !== undefined && absence.fromWallMs !== fromWallMs)) {
      this.#deps.log.info(`Ignored "${answer}" for time away that can no longer be answered.`);
      return false;
    }
    this.#clearNotice();
    this.#record(absence.fromWallMs, answer, 'asked');
    this.#deps.log.info(`Time away answered: ${answer === 'sat' ? 'sitting, counted as desk time' : 'a break'}.`);
    return true;
  }

  #record(fromWallMs: number, answer: AwayAnswer, how: AwayHow): void {
    const atWallMs = this.#deps.clock.now().wallMs;
    this.#deps.session.change((l) => applyAway(l, { fromWallMs, answer, how, atWallMs }));
  }

  /** The last absence while it can be answered: ended, on today's date, with no break since. */
  answerable(): Absence | undefined {
    const a = this.#deps.session.ledger.absence;
    const today = this.#deps.calendar.dayKey(this.#deps.clock.now().wallMs);
    return a && a.toWallMs !== null && a.dayKey === today ? a : undefined;
  }

  /** The command: with an answer, it answers; without, it asks about the last absence. */
  async command(answer: unknown, fromWallMs: unknown): Promise<void> {
    const from = typeof fromWallMs === 'number' ? fromWallMs : undefined;
    if (answer === 'sat' || answer === 'moved') {
      this.answer(answer, from);
      return;
    }
    const absence = this.answerable();
    if (!absence || absence.toWallMs === null) {
      void vscode.window.showInformationMessage(t('There is no time away to answer: a break came after it, or its day has ended.'));
      return;
    }
    const span = `${clockTime(absence.fromWallMs)}–${clockTime(absence.toWallMs)}`;
    const items: (vscode.QuickPickItem & { answer: AwayAnswer })[] = [
      { label: `$(arrow-up) ${t('I moved')}`, detail: t('It was a break.'), answer: 'moved' },
      { label: `$(account) ${t('I sat')}`, detail: t('A meeting or a call: it counts as time at the desk, not a break.'), answer: 'sat' },
    ];
    const picked = await vscode.window.showQuickPick(
      items.map((i) => (i.answer === absence.answer ? { ...i, description: t('(your answer)') } : i)),
      { title: t('Your time away, {0} ({1})', span, formatCompactDuration(absence.toWallMs - absence.fromWallMs)) },
    );
    if (picked) this.answer(picked.answer, absence.fromWallMs);
  }

  #showNotice(fromWallMs: number, toWallMs: number, asks: boolean): void {
    const compact = formatCompactDuration(toWallMs - fromWallMs);
    const spoken = formatSpokenDuration(toWallMs - fromWallMs);
    this.#notice = { fromWallMs, asks, untilWallMs: this.#deps.clock.now().wallMs + AWAY_NOTICE_MS };
    this.#deps.statusBar.showNotice(
      asks
        ? {
            text: `$(question) ${t('Away {0}: moved or sat?', compact)}`,
            label: t('Upright: you were away {0}. Activate to say whether you moved or sat.', spoken),
            command: { command: COMMANDS.answerAway, title: t('Moved or sat?') },
          }
        : {
            text: `$(history) ${t('Away {0}: sitting', compact)}`,
            label: t('Upright: your time away, {0}, was counted as sitting, not a break. Activate to count it as a break.', spoken),
            command: { command: COMMANDS.answerAway, title: t('Count it as a break'), arguments: ['moved', fromWallMs] },
          },
    );
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => this.#clearNotice(), AWAY_NOTICE_MS);
  }

  #checkNotice(): void {
    const notice = this.#notice;
    if (!notice) return;
    const a = this.answerable();
    const expired = this.#deps.clock.now().wallMs >= notice.untilWallMs;
    if (expired || !a || a.fromWallMs !== notice.fromWallMs || (notice.asks && a.answer !== null)) this.#clearNotice();
  }

  #clearNotice(): void {
    if (!this.#notice) return;
    this.#notice = undefined;
    clearTimeout(this.#noticeTimer);
    this.#deps.statusBar.showNotice(undefined);
  }

  override dispose(): void {
    clearTimeout(this.#noticeTimer);
    super.dispose();
  }
}
