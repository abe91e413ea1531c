import vscode = require('vscode');

import { libraryFiles } from '../library';
import type * as LiveShareModule from '../liveShare';
import type * as OnDemandModule from '../onDemand';
import type * as SettingsDetailModule from '../settingsDetail';
import { MementoLedgerStore } from '../storage/mementoLedger';
import { openSharedLedger, reportStoreProblem } from '../storage/sharedLedger';
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

/** A bundle of `dist/` read ahead, as code, or why it could not be read. */
type BundleText = { readonly name: string; readonly code: string } | { readonly name: string; readonly problem: string };

async function readBundle(extensionUri: vscode.Uri, name: string): Promise<BundleText> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', name);
  try {
    // The address names the file in stack traces and the debugger.
    return { name, code: `${new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))}\n//# sourceURL=${uri.toString()}` };
  } catch (err) {
    return { name, problem: `dist/${name} could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

/**
 * The module of a bundle read ahead, evaluated on first use, synchronously, as a CommonJS module: the
 * way VS Code's web worker extension host loads an extension's own entry. Its only import is `vscode`.
 */
function bundleLoader<T>(read: BundleText, what: string, prepare: (loaded: T) => void = () => undefined): () => T {
  let bundle: BundleText | undefined = read;
  let loaded: T | undefined;
  return () => {
    if (loaded !== undefined) return loaded;
    if (bundle === undefined) throw new Error(`Upright cannot ${what}: dist/${read.name} failed when it first ran.`);
    if ('problem' in bundle) throw new Error(`Upright cannot ${what}: ${bundle.problem}.`);
    const { code } = bundle;
    bundle = undefined;
    const module = { exports: {} as T };
    const requireInWorker = (id: string): unknown => {
      if (id === 'vscode') return vscode;
      throw new Error(`dist/${read.name} requires '${id}', and a browser host has only 'vscode'.`);
    };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the extension's own file, evaluated as the host evaluates its entry
    const run = new Function('module', 'exports', 'require', code) as (m: typeof module, e: T, r: typeof requireInWorker) => void;
    run(module, module.exports, requireInWorker);
    prepare(module.exports);
    return (loaded = module.exports);
  };
}

/**
 * A browser host (vscode.dev, github.dev): a web worker with no file system, so the ledger and history
 * are in `globalState`, best effort, not shared between windows. The library, and the code the desktop
 * entry `require`s on first use, are read ahead: reading is asynchronous here.
 */
export async function browserPlatform(context: vscode.ExtensionContext): Promise<Platform> {
  const [texts, onDemandBundle, settingsDetailBundle, liveShareBundle] = await Promise.all([
    readLibraryFiles(context.extensionUri),
    readBundle(context.extensionUri, 'onDemand.js'),
    readBundle(context.extensionUri, 'settingsDetail.js'),
    readBundle(context.extensionUri, 'liveShare.js'),
  ]);
  const onDemandWhat = 'open its panels, pickers and dialogs';
  const settingsDetailWhat = 'read its settings in full or describe a bad setting';
  const liveShareWhat = 'hold reminders during a Live Share session';
  const unread = [
    [onDemandBundle, onDemandWhat],
    [settingsDetailBundle, settingsDetailWhat],
    [liveShareBundle, liveShareWhat],
  ] as const;
  return {
    openLedger(_owner, log, todayKey) {
      log.info(
        `No file system here (${context.globalStorageUri.scheme}): the ledger and history are in this window's globalState, not shared.`,
      );
      for (const [bundle, what] of unread) if ('problem' in bundle) log.error(`${bundle.problem}: Upright cannot ${what}.`);
      const store = new MementoLedgerStore(context.globalState, reportStoreProblem(log, vscode.window.showWarningMessage));
      return openSharedLedger(store, log, todayKey);
    },
    readData: (name) => texts.get(name),
    firstStart() {
      if (context.globalState.get<boolean>(WELCOMED_KEY) === true) return false;
      void context.globalState.update(WELCOMED_KEY, true);
      return true;
    },
    loadOnDemand: bundleLoader<typeof OnDemandModule>(onDemandBundle, onDemandWhat),
    loadLiveShare: bundleLoader<typeof LiveShareModule>(liveShareBundle, liveShareWhat),
    loadSettingsDetail: bundleLoader<typeof SettingsDetailModule>(settingsDetailBundle, settingsDetailWhat, (loaded) =>
      // The bundle has its own copy of the translator.
      loaded.useTranslator(vscode.l10n.t, vscode.l10n.bundle ? vscode.env.language : undefined),
    ),
    homeFolder: undefined,
    sharesAcrossEditors: false,
    processId: Math.random().toString(36).slice(2, 8),
  };
}
