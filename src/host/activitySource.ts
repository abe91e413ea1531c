import vscode = require('vscode');

import { isCodingDocumentScheme } from '../core/activity';
import { Disposable } from './dispose';

export interface ActivitySink {
  activity(): void;
  focusChanged(focused: boolean): void;
  /** A natural stopping point: a save, a task, terminal command or debug session ending. */
  stoppingPoint?(): void;
}

/**
 * Turns VS Code events into activity moments and focus changes, using stable APIs only. Listeners do
 * the least possible work: every keystroke passes through here.
 */
export class ActivitySource extends Disposable {
  #focusOverride: boolean | undefined;
  readonly #sink: ActivitySink;

  constructor(sink: ActivitySink) {
    super();
    this.#sink = sink;
    const activity = (): void => sink.activity();
    for (const listener of [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && isCodingDocumentScheme(e.document.uri.scheme)) sink.activity();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.kind === vscode.TextEditorSelectionChangeKind.Keyboard || e.kind === vscode.TextEditorSelectionChangeKind.Mouse)
          sink.activity();
      }),
      vscode.window.onDidChangeActiveTextEditor(activity),
      vscode.window.onDidStartTerminalShellExecution(activity),
      vscode.window.onDidEndTerminalShellExecution(() => {
        sink.activity();
        sink.stoppingPoint?.();
      }),
      vscode.tasks.onDidStartTask(activity),
      vscode.tasks.onDidEndTask(() => {
        sink.activity();
        sink.stoppingPoint?.();
      }),
      vscode.debug.onDidStartDebugSession(activity),
      vscode.debug.onDidTerminateDebugSession(() => {
        sink.activity();
        sink.stoppingPoint?.();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isCodingDocumentScheme(doc.uri.scheme)) sink.stoppingPoint?.();
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (this.#focusOverride !== undefined) return;
        sink.focusChanged(state.focused);
        if (state.focused && state.active) sink.activity();
      }),
    ]) {
      this._register(listener);
    }
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
}
