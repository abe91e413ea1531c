import * as vscode from 'vscode';
import { systemClock } from './host/clock';
import { libraryFiles } from './host/library';
import * as historyCommands from './host/historyCommands';
import { MementoLedgerStore } from './host/mementoLedger';
import { type Platform } from './host/platform';
import { openSharedLedger } from './host/sharedLedger';
import { startUpright } from './host/upright';

const WELCOMED_KEY = 'upright.welcomed';
let stop: (() => void) | undefined;

/** The library files for the display language, read ahead: a browser host has only asynchronous file access. */
async function readLibraryFiles(extensionUri: vscode.Uri): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of libraryFiles(vscode.env.language)) {
    try {
      texts.set(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'data', name))));
      break;
    } catch {
      // Not there in this language: the next one, English last.
    }
  }
  return texts;
}

/**
 * The browser entry (vscode.dev, github.dev): the same Upright in a web worker, with the ledger and
 * history in `globalState`, best effort, since there is no file system to share between windows.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const texts = await readLibraryFiles(context.extensionUri);
  const platform: Platform = {
    openLedger(_owner, log, todayKey) {
      log.info(`No local file system in this browser host (${context.globalStorageUri.scheme}): the ledger and history are kept in this window's extension state (globalState), not shared with other windows.`);
      return openSharedLedger(new MementoLedgerStore(context.globalState), log, todayKey);
    },
    readData: (name) => texts.get(name),
    firstStart() {
      if (context.globalState.get<boolean>(WELCOMED_KEY) === true) return false;
      void context.globalState.update(WELCOMED_KEY, true);
      return true;
    },
    historyCommands: () => historyCommands,
    homeFolder: undefined,
    processId: Math.random().toString(36).slice(2, 8),
  };
  const started = startUpright(context, platform, systemClock, false);
  stop = () => started.session.flush();
}

export function deactivate(): void {
  stop?.();
  stop = undefined;
}
