import * as vscode from 'vscode';
import { isCodingDocumentScheme } from '../core/activity';

export interface ActivitySink {
  activity(): void;
  focusChanged(focused: boolean): void;
}

/**
 * Turns VS Code events into activity moments and focus changes, using stable APIs only. Listeners do
 * the least possible work: every keystroke passes through here.
 */
export class ActivitySource implements vscode.Disposable {
  readonly #subscriptions: vscode.Disposable[] = [];
  #focusOverride: boolean | undefined;
  readonly #sink: ActivitySink;

  constructor(sink: ActivitySink) {
    this.#sink = sink;
    const activity = (): void => sink.activity();
    this.#subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && isCodingDocumentScheme(e.document.uri.scheme)) sink.activity();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.kind === vscode.TextEditorSelectionChangeKind.Keyboard || e.kind === vscode.TextEditorSelectionChangeKind.Mouse) sink.activity();
      }),
      vscode.window.onDidChangeActiveTextEditor(activity),
      vscode.window.onDidStartTerminalShellExecution(activity),
      vscode.window.onDidEndTerminalShellExecution(activity),
      vscode.tasks.onDidStartTask(activity),
      vscode.tasks.onDidEndTask(activity),
      vscode.debug.onDidStartDebugSession(activity),
      vscode.debug.onDidTerminateDebugSession(activity),
      vscode.window.onDidChangeWindowState((state) => {
        if (this.#focusOverride !== undefined) return;
        sink.focusChanged(state.focused);
        if (state.focused && state.active) sink.activity();
      }),
    );
  }

  /** Whether the window counts as focused now. */
  get focused(): boolean {
    return this.#focusOverride ?? vscode.window.state.focused;
  }

  /** Tests decide focus themselves (a headless browser reports every page as focused). */
  overrideFocus(focused: boolean | undefined): void {
    this.#focusOverride = focused;
    this.#sink.focusChanged(this.focused);
  }

  dispose(): void {
    for (const s of this.#subscriptions.splice(0)) s.dispose();
  }
}
