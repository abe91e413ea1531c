import vscode = require('vscode');

import { libraryFiles } from '../library';
import * as liveShare from '../liveShare';
import * as onDemand from '../onDemand';
import * as settingsDetail from '../settingsDetail';
import { MementoLedgerStore } from '../storage/mementoLedger';
import { openSharedLedger } from '../storage/sharedLedger';
import { type Platform } from './platform';

const WELCOMED_KEY = 'upright.welcomed';

/** The library files for the display language, read ahead: a browser host has only asynchronous file access. */
async function readLibraryFiles(extensionUri: vscode.Uri): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of libraryFiles(vscode.env.language)) {
    try {
      texts.set(
        name,
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'data', name))),
      );
      break;
    } catch {
      // Not there in this language: the next one, English last.
    }
  }
  return texts;
}

/**
 * A browser host (vscode.dev, github.dev): a web worker with no file system, so the ledger and history
 * are in `globalState`, best effort, not shared between windows; the library is read ahead.
 */
export async function browserPlatform(context: vscode.ExtensionContext): Promise<Platform> {
  const texts = await readLibraryFiles(context.extensionUri);
  return {
    openLedger(_owner, log, todayKey) {
      log.info(
        `No file system here (${context.globalStorageUri.scheme}): the ledger and history are in this window's globalState, not shared.`,
      );
      return openSharedLedger(new MementoLedgerStore(context.globalState), log, todayKey);
    },
    readData: (name) => texts.get(name),
    firstStart() {
      if (context.globalState.get<boolean>(WELCOMED_KEY) === true) return false;
      void context.globalState.update(WELCOMED_KEY, true);
      return true;
    },
    loadOnDemand: () => onDemand,
    loadLiveShare: () => liveShare,
    loadSettingsDetail: () => settingsDetail,
    homeFolder: undefined,
    processId: Math.random().toString(36).slice(2, 8),
  };
}
