import type * as vscode from 'vscode';

import { type Ledger } from '../../core/ledger';
import { type DataReader } from '../library';
import type * as LiveShareModule from '../liveShare';
import type * as OnDemandModule from '../onDemand';
import { type SettingsDetail } from '../settingsReader';
import { type LedgerStore } from '../storage/ledgerStore';

/**
 * What differs between a desktop or remote host (Node, files) and a browser host (vscode.dev: a web
 * worker, no file system). Everything else is the same code.
 */
export interface Platform {
  /**
   * The shared ledger, and what it holds now. `acrossEditors`: in the folder every editor of the VS Code
   * family shares, where there is one (`upright.shareClockAcrossEditors`).
   */
  openLedger(
    windowId: string,
    log: vscode.LogOutputChannel,
    todayKey: string,
    acrossEditors: boolean,
  ): { store: LedgerStore; initial: Ledger };
  /** Files of `dist/data/` as text. */
  readonly readData: DataReader;
  /** Calls back when another window may have written the ledger; undefined where that cannot be seen. */
  watchLedger?(location: string, changed: () => void): vscode.Disposable | undefined;
  /** True the first time Upright starts in this profile, and never again. */
  firstStart(): boolean;
  /** Where an export is suggested when no folder is open. */
  readonly homeFolder: vscode.Uri | undefined;
  /** The panels, pickers and history dialogs (the desktop entry loads them on first use). */
  loadOnDemand(): typeof OnDemandModule;
  /** Holding reminders during Live Share sessions (the desktop entry loads it where Live Share is installed). */
  loadLiveShare(): typeof LiveShareModule;
  /** Custom routines and the words for a bad setting (the desktop entry loads them when a setting needs them). */
  readonly loadSettingsDetail: () => SettingsDetail;
  /** Records can live in the folder every editor of the VS Code family shares (a file system). */
  readonly sharesAcrossEditors: boolean;
  /** Tells apart windows that share the ledger (with VS Code's session id). */
  readonly processId: string;
}
