import type * as vscode from 'vscode';

import { systemClock } from './host/clock';
import { browserPlatform } from './host/platform/browserPlatform';
import { startUpright } from './host/upright';

let stop: (() => void) | undefined;

/** The browser entry (vscode.dev, github.dev): the same Upright in a web worker. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = startUpright(context, await browserPlatform(context), systemClock, false);
  stop = () => started.session.flush();
}

export function deactivate(): void {
  stop?.();
  stop = undefined;
}
