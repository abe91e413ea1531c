import path = require('node:path');

import vscode = require('vscode');

import { systemClock } from './host/clock';
import { nodePlatform } from './host/platform/nodePlatform';
import type * as TestApiModule from './host/testing/testApi';
import { type UprightTestApi } from './host/testing/testApi';
import { startUpright } from './host/upright';

let stop: (() => void) | undefined;

function loadTestApi(): typeof TestApiModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'testApi.js')) as typeof TestApiModule;
}

/** The desktop and remote entry: Node, with the shared ledger on disk. */
export function activate(context: vscode.ExtensionContext): UprightTestApi | undefined {
  // Test-only code (the manual clock, the test API) is its own file, not in the package, loaded only in
  // ExtensionMode.Test; the time it takes to load is not part of what a person's activation costs.
  const testing = context.extensionMode === vscode.ExtensionMode.Test ? loadTestApi() : undefined;
  const startedMs = performance.now();
  const clock = testing
    ? new testing.ManualClock(testing.testClockStart(process.env.UPRIGHT_TEST_CLOCK_START, systemClock.now()))
    : systemClock;
  const storage = testing ? new testing.FaultyStorage() : undefined;
  const started = startUpright(context, nodePlatform(context, storage), clock, testing !== undefined);
  stop = () => started.session.flush();
  const activationMs = performance.now() - startedMs;
  started.log.info(`Activated in ${activationMs.toFixed(2)} ms.`);
  if (testing && clock instanceof testing.ManualClock) return testing.createTestApi({ ...started, activationMs, clock, storage });
  return undefined;
}

export function deactivate(): void {
  stop?.();
  stop = undefined;
}
