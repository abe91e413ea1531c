import { t } from '../../shared/l10n';
import * as vscode from 'vscode';
import { statsOf } from '../../core/stats';
import { parseFromStatsPage, STATS_VIEW_TYPE, type StatsPageData, type ToStatsPage } from '../../shared/statsPage';
import { PageInbox } from '../../core/pageInbox';
import { type CodingSession } from '../codingSession';
import { pageHtml, pageOptions } from './webviewHtml';

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
export class StatsPanel implements vscode.Disposable {
  readonly #deps: StatsPanelDeps;
  #panel: vscode.WebviewPanel | undefined;
  /** What the page was last sent, to send only changes. */
  #sent: string | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly inbox: PageInbox<ReturnType<typeof parseFromStatsPage>>;

  constructor(deps: StatsPanelDeps) {
    this.#deps = deps;
    this.inbox = new PageInbox('stats', parseFromStatsPage, (line) => deps.log.warn(line));
    deps.session.onDidRefresh(() => this.#post(false));
  }

  /** A panel VS Code brings back after a reload. */
  restore(panel: vscode.WebviewPanel): void {
    this.#adopt(panel);
  }

  show(): void {
    if (this.#panel) {
      this.#panel.reveal(undefined, false);
      this.#post(false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, t('Upright Stats'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, pageOptions(this.#deps.extensionUri));
    this.#adopt(panel);
  }

  /** What the page shows now (tests read it). */
  data(): StatsPageData {
    const { session, todayKey, nameOf } = this.#deps;
    return { locale: vscode.env.language, ...statsOf(session.history(), session.ledger, todayKey(), nameOf) };
  }

  get isOpen(): boolean {
    return this.#panel !== undefined;
  }

  #adopt(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    panel.webview.options = pageOptions(this.#deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.#deps.extensionUri, 'media', 'upright.svg');
    const data = this.data();
    this.#sent = JSON.stringify(data);
    panel.webview.html = pageHtml({
      webview: panel.webview,
      extensionUri: this.#deps.extensionUri,
      title: t('Upright Stats'),
      script: 'dist/webview/stats.js',
      styles: ['media/page.css', 'media/stats.css'],
      data,
    });
    const messages = panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    const visibility = panel.onDidChangeViewState(() => this.#post(false));
    panel.onDidDispose(() => {
      this.inbox.flush();
      messages.dispose();
      visibility.dispose();
      if (this.#panel === panel) {
        this.#panel = undefined;
        this.#sent = undefined;
      }
    });
  }

  /** Sends the numbers when they changed (or always, when the page asks); nothing while hidden. */
  #post(always: boolean): void {
    const panel = this.#panel;
    if (!panel || (!panel.visible && !always)) return;
    const data = this.data();
    const text = JSON.stringify(data);
    if (!always && text === this.#sent) return;
    this.#sent = text;
    const message: ToStatsPage = { type: 'update', data };
    void panel.webview.postMessage(message);
  }

  /** A message from the page; true when it was acted on. */
  receive(raw: unknown): boolean {
    const message = this.inbox.receive(raw, performance.now());
    if (!message) return false;
    switch (message.type) {
      case 'ready':
        this.#post(true);
        return true;
      case 'export':
        void vscode.commands.executeCommand('upright.exportHistory');
        return true;
      case 'clear':
        void vscode.commands.executeCommand('upright.clearHistory');
        return true;
      case 'startExercise':
        if (!this.#deps.exerciseExists(message.exerciseId)) return false;
        void vscode.commands.executeCommand('upright.startExercise', message.exerciseId);
        return true;
    }
  }

  dispose(): void {
    this.#panel?.dispose();
    for (const s of this.#subscriptions.splice(0)) s.dispose();
  }
}
