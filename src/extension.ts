import path = require('node:path');
import vscode = require('vscode');

import { type HostClock, systemClock } from './host/clock';
import { nodePlatform } from './host/platform/nodePlatform';
import { type LedgerFs } from './host/storage/fileSystem';
import type * as TestApiModule from './host/testing/testApi';
import { type UprightTestApi } from './host/testing/testApi';
import { type Started, startUpright } from './host/upright';

let stop: (() => void) | undefined;

function start(context: vscode.ExtensionContext, clock: HostClock, storage: LedgerFs | undefined, testMode: boolean): Started {
  const startedMs = performance.now();
  const started = startUpright(context, nodePlatform(context, storage), clock, testMode);
  stop = () => started.session.flush();
  started.log.info(`Activated in ${(performance.now() - startedMs).toFixed(2)} ms.`);
  return started;
}

/** The desktop and remote entry: Node, with the shared ledger on disk. */
export function activate(context: vscode.ExtensionContext): UprightTestApi | undefined {
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    start(context, systemClock, undefined, false);
    return undefined;
  }
  // Test-only code (the manual clock, fault-injecting storage, the test API) is a file of its own, not
  // in the package, loaded only in ExtensionMode.Test.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testing = require(path.join(__dirname, 'testApi.js')) as typeof TestApiModule;
  return testing.startForTests((clock, storage) => start(context, clock, storage, true));
}

export function deactivate(): void {
  stop?.();
  stop = undefined;
}
