import * as fs from 'node:fs';
import * as util from 'node:util';

import Mocha from 'mocha';

/**
 * Runs one test file as one of two hosts of a layer (two windows, two editors): every line of its report
 * is prefixed with `label`, it stops at the first failure, and its counts go to `UPRIGHT_TEST_RESULTS`.
 */
export function runAsRole(file: string, label: string): Promise<void> {
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) => {
    console.log(`[${label}] ${util.format(...args)}`);
  };
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, bail: true });
  mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
      const out = process.env.UPRIGHT_TEST_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ passes, failures, pending }));
      if (failures > 0) reject(new Error(`${failures} failed`));
      else resolve();
    });
  });
}
