import vscode = require('vscode');

import { type PageInbox } from '../../core/pageInbox';
import { Disposable, disposeAll } from '../dispose';
import { pageHtml, pageOptions } from './webviewHtml';

/** What a panel shows: its view type, its title, and the page's script and styles (paths in the extension). */
export interface PanelPage {
  readonly viewType: string;
  readonly title: string;
  readonly script: string;
  readonly styles: readonly string[];
}

/**
 * The lifecycle every Upright panel shares: one panel of its kind per window, beside the editor; opened
 * or brought forward; adopted when VS Code restores it after a reload; its page's messages read through
 * an inbox that only lets exact shapes through; what it registered let go when it closes.
 */
export abstract class SinglePanel<Message> extends Disposable {
  readonly inbox: PageInbox<Message>;
  protected readonly extensionUri: vscode.Uri;
  readonly #page: PanelPage;
  #panel: vscode.WebviewPanel | undefined;

  protected constructor(extensionUri: vscode.Uri, page: PanelPage, inbox: PageInbox<Message>) {
    super();
    this.extensionUri = extensionUri;
    this.#page = page;
    this.inbox = inbox;
  }

  get isOpen(): boolean {
    return this.#panel !== undefined;
  }

  protected get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  /** A message from the page; true when it was acted on. */
  abstract receive(raw: unknown): boolean;

  /** What the page starts with (handed over escaped, in `data-upright`). */
  protected abstract pageData(): unknown;

  /** The panel was shown or hidden. */
  protected onViewStateChanged(): void {}

  /** The panel was closed (by the person, or by VS Code). */
  protected onClosed(): void {}

  /** Brings the panel forward, or opens it beside the editor; true when it was open already. */
  protected reveal(preserveFocus: boolean): boolean {
    if (this.#panel) {
      this.#panel.reveal(undefined, preserveFocus);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(
      this.#page.viewType,
      this.#page.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      pageOptions(this.extensionUri),
    );
    this.adopt(panel);
    return false;
  }

  /** Takes a panel, new or restored: its page, its messages, its closing. */
  protected adopt(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    panel.webview.options = pageOptions(this.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'upright.svg');
    const { title, script, styles } = this.#page;
    panel.webview.html = pageHtml({
      webview: panel.webview,
      extensionUri: this.extensionUri,
      title,
      script,
      styles,
      data: this.pageData(),
    });
    const listening = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => this.onViewStateChanged()),
    ];
    panel.onDidDispose(() => {
      this.inbox.flush();
      disposeAll(listening);
      if (this.#panel !== panel) return;
      this.#panel = undefined;
      this.onClosed();
    });
  }

  override dispose(): void {
    this.#panel?.dispose();
    super.dispose();
  }
}
