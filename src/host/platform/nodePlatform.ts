import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');

import vscode = require('vscode');

import type * as LiveShareModule from '../liveShare';
import type * as OnDemandModule from '../onDemand';
import type * as SettingsDetailModule from '../settingsDetail';
import { type SettingsDetail } from '../settingsReader';
import type * as StorageExtrasModule from '../storage/extras';
import { LedgerFile, type LedgerFs, type StorageExtras } from '../storage/ledgerFile';
import { openSharedLedger, reportStoreProblem } from '../storage/sharedLedger';
import { type Platform } from './platform';

/**
 * Storage code used now and then (the history file, lock recovery) is a file of its own, loaded the
 * first time it is needed; it has its own copy of the translator, so it gets VS Code's.
 */
function loadStorageExtras(): StorageExtras {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.join(__dirname, 'storageExtras.js')) as typeof StorageExtrasModule;
  loaded.useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined);
  return loaded;
}

/** Custom routines and the words for a bad setting: a file of its own, loaded when a setting needs it. */
function loadSettingsDetail(): SettingsDetail {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.join(__dirname, 'settingsDetail.js')) as typeof SettingsDetailModule;
  loaded.useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined);
  return loaded;
}

/**
 * A desktop or remote window: the ledger is `ledger.json` in the extension's global storage folder,
 * shared by every window of the machine (remote windows run Upright on the UI side). `storageFs`
 * replaces the file system under the ledger and history (tests make it fail).
 */
export function nodePlatform(context: vscode.ExtensionContext, storageFs?: LedgerFs): Platform {
  const storage = context.globalStorageUri.fsPath;
  const dataFolder = path.join(context.extensionUri.fsPath, 'dist', 'data');
  let extras: StorageExtras | undefined;
  return {
    openLedger: (owner, log, todayKey) =>
      openSharedLedger(
        new LedgerFile(storage, {
          owner,
          fs: storageFs,
          onProblem: reportStoreProblem(log, vscode.window.showWarningMessage),
          extras: () => (extras ??= loadStorageExtras()),
        }),
        log,
        todayKey,
      ),
    readData(name) {
      try {
        return fs.readFileSync(path.join(dataFolder, name), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    watchLedger(location, changed) {
      try {
        fs.mkdirSync(path.dirname(location), { recursive: true });
        const watcher = fs.watch(path.dirname(location), { persistent: false }, (_event, name) => {
          if (name === null || name === path.basename(location)) changed();
        });
        watcher.on('error', () => watcher.close());
        return { dispose: () => watcher.close() };
      } catch {
        return undefined;
      }
    },
    firstStart() {
      // A file written at once: `globalState` is saved lazily, and a window reloaded right after the
      // first start would lose the mark and show the walkthrough again.
      try {
        fs.mkdirSync(storage, { recursive: true });
        fs.writeFileSync(path.join(storage, 'welcomed'), '', { flag: 'wx' });
        return true;
      } catch {
        // Already there (or the folder cannot be written: then never nag with it).
        return false;
      }
    },
    loadSettingsDetail,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadOnDemand: () => require(path.join(__dirname, 'onDemand.js')) as typeof OnDemandModule,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadLiveShare: () => require(path.join(__dirname, 'liveShare.js')) as typeof LiveShareModule,
    homeFolder: vscode.Uri.file(os.homedir()),
    processId: String(process.pid),
  };
}
