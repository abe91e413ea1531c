import vscode = require('vscode');

import { PageInbox } from '../../core/pageInbox';
import { statsOf } from '../../core/stats';
import { t } from '../../shared/l10n';
import { parseFromStatsPage, STATS_VIEW_TYPE, type StatsPageData, type ToStatsPage } from '../../shared/statsPage';
import { type CodingSession } from '../codingSession';
import { COMMANDS } from '../commandIds';
import { SinglePanel } from './panel';

const STATS_PAGE = {
  viewType: STATS_VIEW_TYPE,
  get title() {
    return t('Upright Stats');
  },
  script: 'dist/webview/stats.js',
  styles: ['media/page.css', 'media/stats.css'],
};

export interface StatsPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly session: CodingSession;
  readonly log: vscode.LogOutputChannel;
  readonly todayKey: () => string;
  readonly nameOf: (exerciseId: string) => string;
  readonly exerciseExists: (exerciseId: string) => boolean;
}

/**
 * The Stats panel (`upright.stats`): today, the last 14 days, the streak and the exercises done most
 * and least. It follows the shared ledger while open (every write of any window, and the minute
 * refresh) and comes back after a reload through the serializer.
 */
export class StatsPanel extends SinglePanel<ReturnType<typeof parseFromStatsPage>> {
  readonly #deps: StatsPanelDeps;
  /** What the page was last sent, to send only changes. */
  #sent: string | undefined;

  constructor(deps: StatsPanelDeps) {
    super(deps.extensionUri, STATS_PAGE, new PageInbox('stats', parseFromStatsPage, (line) => deps.log.warn(line)));
    this.#deps = deps;
    this._register(deps.session.onDidRefresh(() => this.#post(false)));
  }

  /** A panel VS Code brings back after a reload. */
  restore(panel: vscode.WebviewPanel): void {
    this.adopt(panel);
  }

  show(): void {
    if (this.reveal(false)) this.#post(false);
  }

  /** What the page shows now (tests read it). */
  data(): StatsPageData {
    const { session, todayKey, nameOf } = this.#deps;
    return { locale: vscode.env.language, ...statsOf(session.history(), session.ledger, todayKey(), nameOf) };
  }

  protected pageData(): StatsPageData {
    const data = this.data();
    this.#sent = JSON.stringify(data);
    return data;
  }

  protected override onViewStateChanged(): void {
    this.#post(false);
  }

  protected override onClosed(): void {
    this.#sent = undefined;
  }

  /** Sends the numbers when they changed (or always, when the page asks); nothing while hidden. */
  #post(always: boolean): void {
    const panel = this.panel;
    if (!panel || (!panel.visible && !always)) return;
    const data = this.data();
    const text = JSON.stringify(data);
    if (!always && text === this.#sent) return;
    this.#sent = text;
    const message: ToStatsPage = { type: 'update', data };
    void panel.webview.postMessage(message);
  }

  receive(raw: unknown): boolean {
    const message = this.inbox.receive(raw, performance.now());
    if (!message) return false;
    switch (message.type) {
      case 'ready':
        this.#post(true);
        return true;
      case 'export':
        void vscode.commands.executeCommand(COMMANDS.exportHistory);
        return true;
      case 'clear':
        void vscode.commands.executeCommand(COMMANDS.clearHistory);
        return true;
      case 'startExercise':
        if (!this.#deps.exerciseExists(message.exerciseId)) return false;
        void vscode.commands.executeCommand(COMMANDS.startExercise, message.exerciseId);
        return true;
    }
  }
}
