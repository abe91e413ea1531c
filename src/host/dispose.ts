import type * as vscode from 'vscode';

/** Disposes every one, going on when one throws; what was thrown comes out at the end. */
export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const disposable of disposables) {
    try {
      disposable.dispose();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several parts of Upright failed to dispose');
}

/** A part that owns what it registers (listeners, events, panels) and lets it all go at once. */
export abstract class Disposable implements vscode.Disposable {
  #disposed = false;
  readonly #owned: vscode.Disposable[] = [];

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeAll(this.#owned.splice(0).reverse());
  }

  protected get isDisposed(): boolean {
    return this.#disposed;
  }

  /** Keeps `value` until this part is disposed (at once, if it already is). */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.#disposed) value.dispose();
    else this.#owned.push(value);
    return value;
  }
}
