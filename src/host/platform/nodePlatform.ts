import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');

import vscode = require('vscode');

import type * as LiveShareModule from '../liveShare';
import type * as OnDemandModule from '../onDemand';
import type * as SettingsDetailModule from '../settingsDetail';
import { type SettingsDetail } from '../settingsReader';
import type * as StorageExtrasModule from '../storage/extras';
import { LedgerFile, type LedgerFs, nodeLedgerFs, type StorageExtras } from '../storage/ledgerFile';
import { checkSharedFolder, ownSignature, readSharingNote, sharedFolderOf } from '../storage/sharedFolder';
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

/** The shared folder that last could not be used, and why: said once, not at every start of every window. */
const SHARED_FOLDER_PROBLEM = 'upright.sharedFolderProblem';

/**
 * The folder every editor of the VS Code family shares, made ready; this editor's own storage when it
 * cannot be used (said once).
 */
function sharedFolder(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, extras: () => StorageExtras): string {
  const folder = sharedFolderOf({ platform: process.platform, env: process.env, home: os.homedir() });
  const problem = checkSharedFolder(folder);
  const said = context.globalState.get<string>(SHARED_FOLDER_PROBLEM);
  if (problem === undefined) {
    if (said !== undefined) void context.globalState.update(SHARED_FOLDER_PROBLEM, undefined);
    return folder;
  }
  const message = extras().unusableSharedFolder(folder, problem);
  log.warn(message);
  if (said !== `${folder}: ${problem}`) {
    void context.globalState.update(SHARED_FOLDER_PROBLEM, `${folder}: ${problem}`);
    void vscode.window.showWarningMessage(`Upright: ${message}`);
  }
  return context.globalStorageUri.fsPath;
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
    openLedger(owner, log, todayKey, acrossEditors) {
      const loaded = (): StorageExtras => (extras ??= loadStorageExtras());
      const folder = acrossEditors ? sharedFolder(context, log, loaded) : storage;
      const open = (dir: string): LedgerFile =>
        new LedgerFile(dir, {
          owner,
          fs: storageFs,
          onProblem: reportStoreProblem(log, vscode.window.showWarningMessage),
          extras: loaded,
        });
      const file = open(folder);
      // Every start reads the small note beside this editor's own files and looks at two of them; only a
      // move that is due loads the code for it (see storage/moving.ts).
      const fsUsed = storageFs ?? nodeLedgerFs;
      const note = readSharingNote(storage, fsUsed);
      const shared = folder !== storage;
      if (
        shared
          ? note?.mode !== 'shared' || note.folder !== folder || note.signature !== ownSignature(storage, fsUsed)
          : note?.mode === 'shared'
      ) {
        loaded().moveWhereDue({
          shared: shared ? file : undefined,
          openOwn: () => open(storage),
          ownDir: storage,
          sharedDir: folder,
          todayKey,
          fs: fsUsed,
          info: (message) => log.info(message),
          warn: (message) => {
            log.warn(message);
            void vscode.window.showWarningMessage(`Upright: ${message}`);
          },
          later: (run, ms) => setTimeout(run, ms),
        });
      }
      return openSharedLedger(file, log, todayKey);
    },
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
    sharesAcrossEditors: true,
    processId: String(process.pid),
  };
}
