import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';

import Mocha from 'mocha';

/**
 * Extension-tests entry for one of two editors sharing one state folder (role in UPRIGHT_EDITOR_ROLE):
 * twoEditors.test.js on their first start, reopened.test.js when UPRIGHT_EDITOR_RUN is `reopened`, and
 * apart.test.js when it is `apart`.
 */
export function run(): Promise<void> {
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) => {
    console.log(`[editor ${process.env.UPRIGHT_EDITOR_ROLE}] ${util.format(...args)}`);
  };
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, bail: true });
  const run = process.env.UPRIGHT_EDITOR_RUN;
  mocha.addFile(path.join(__dirname, run === 'reopened' ? 'reopened.test.js' : run === 'apart' ? 'apart.test.js' : 'twoEditors.test.js'));
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
