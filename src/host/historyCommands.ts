// Export and Delete History, which the desktop entry loads the first time either is used: code a
// person may never run stays out of what every start of VS Code loads. It has its own copy of the
// translator, so it installs VS Code's.
import * as vscode from 'vscode';
import { useTranslator } from '../shared/l10n';

useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined);

export { clearHistory, exportHistory, windowDialogs } from './history';
