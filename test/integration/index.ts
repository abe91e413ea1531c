import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';

import Mocha from 'mocha';

/** The entry `--extensionTestsPath` points at: runs every integration suite inside the extension host. */
export function run(): Promise<void> {
  // Mocha's reporters print through Base.consoleLog; join arguments here so each line reaches the runner whole.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) => {
    console.log(util.format(...args));
  };
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  const dir = __dirname;
  // UPRIGHT_TEST_FILES=name,other runs only the suites whose file names contain one of them.
  const only = (process.env.UPRIGHT_TEST_FILES ?? '').split(',').filter(Boolean);
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js') && (only.length === 0 || only.some((o) => f.includes(o))))
    .sort())
    mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.UPRIGHT_TEST_RESULTS;
      if (resultsFile) {
        const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
        fs.writeFileSync(resultsFile, JSON.stringify({ passes, failures, pending }));
      }
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
