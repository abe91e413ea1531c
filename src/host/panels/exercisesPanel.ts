import { t } from '../../shared/l10n';
import * as vscode from 'vscode';
import { exercisesPageData } from '../../core/exercises/cards';
import { type Exercise } from '../../core/exercises/model';
import { EXERCISES_VIEW_TYPE, type ExercisesPageData, parseFromExercisesPage, type ToExercisesPage } from '../../shared/exercisesPage';
import { PageInbox } from '../../core/pageInbox';
import { type SettingsReader } from '../settingsReader';
import { pageHtml, pageOptions, reduceMotionSetting } from './webviewHtml';


/**
 * The Browse Exercises panel (`upright.exercises`): every exercise as a card with its moving picture,
 * filters, and each one's steps. One per window; it comes back after a reload through the serializer.
 */
export class ExercisesPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  readonly #extensionUri: vscode.Uri;
  readonly #settings: SettingsReader;
  readonly #library: () => readonly Exercise[];
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly inbox: PageInbox<ReturnType<typeof parseFromExercisesPage>>;

  constructor(extensionUri: vscode.Uri, settings: SettingsReader, log: vscode.LogOutputChannel, library: () => readonly Exercise[]) {
    this.inbox = new PageInbox('exercises', parseFromExercisesPage, (line) => log.warn(line));
    this.#extensionUri = extensionUri;
    this.#library = library;
    this.#settings = settings;
    this.#subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('workbench.reduceMotion')) this.#post();
      }),
    );
    settings.onDidChange(() => this.#post());
  }

  /** A panel VS Code brings back after a reload. */
  restore(panel: vscode.WebviewPanel): void {
    this.#adopt(panel);
  }

  /** Opens the panel beside the editor, or brings it forward. */
  show(): void {
    if (this.#panel) {
      this.#panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(EXERCISES_VIEW_TYPE, t('Upright Exercises'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.#options());
    this.#adopt(panel);
  }

  #options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return pageOptions(this.#extensionUri);
  }

  #adopt(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    panel.webview.options = this.#options();
    panel.iconPath = vscode.Uri.joinPath(this.#extensionUri, 'media', 'upright.svg');
    panel.webview.html = pageHtml({
      webview: panel.webview,
      extensionUri: this.#extensionUri,
      title: t('Upright Exercises'),
      script: 'dist/webview/exercises.js',
      styles: ['media/page.css', 'media/illustration.css', 'media/exercises.css'],
      data: this.#data(),
    });
    const messages = panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    panel.onDidDispose(() => {
      this.inbox.flush();
      messages.dispose();
      if (this.#panel === panel) this.#panel = undefined;
    });
  }

  #data(): ExercisesPageData {
    return exercisesPageData(this.#library(), this.#settings.current.equipment, reduceMotionSetting());
  }

  #post(): void {
    if (!this.#panel) return;
    const message: ToExercisesPage = { type: 'update', data: this.#data() };
    void this.#panel.webview.postMessage(message);
  }

  /** A message from the page; true when it was acted on. */
  receive(raw: unknown): boolean {
    const message = this.inbox.receive(raw, performance.now());
    if (!message) return false;
    switch (message.type) {
      case 'ready':
        this.#post();
        return true;
      case 'changeEquipment':
        void vscode.commands.executeCommand('workbench.action.openSettings', 'upright.equipment');
        return true;
      case 'start':
        // Only exercises of the library; the command checks again.
        if (!this.#library().some((e) => e.id === message.exerciseId)) return false;
        void vscode.commands.executeCommand('upright.startExercise', message.exerciseId);
        return true;
    }
  }

  dispose(): void {
    this.#panel?.dispose();
    for (const s of this.#subscriptions.splice(0)) s.dispose();
  }
}
