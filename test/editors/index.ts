import * as path from 'node:path';

import { runAsRole } from '../support/roleEntry';

/**
 * Extension-tests entry for one of two editors sharing one state folder (role in UPRIGHT_EDITOR_ROLE):
 * twoEditors.test.js on their first start, reopened.test.js when UPRIGHT_EDITOR_RUN is `reopened`, and
 * apart.test.js when it is `apart`.
 */
export function run(): Promise<void> {
  const run = process.env.UPRIGHT_EDITOR_RUN;
  const file = run === 'reopened' ? 'reopened.test.js' : run === 'apart' ? 'apart.test.js' : 'twoEditors.test.js';
  return runAsRole(path.join(__dirname, file), `editor ${process.env.UPRIGHT_EDITOR_ROLE}`);
}
