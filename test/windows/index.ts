import * as path from 'node:path';

import { runAsRole } from '../support/roleEntry';

/** Extension-tests entry for one of two windows sharing a code-server (role in UPRIGHT_WINDOW_ROLE). */
export function run(): Promise<void> {
  return runAsRole(path.join(__dirname, 'twoWindows.test.js'), `window ${process.env.UPRIGHT_WINDOW_ROLE}`);
}
