import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { type UprightTestApi } from '../../src/host/testApi';

/** Extension-tests entry for `npm run bench`: reports what the extension measured of its own activation. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<UprightTestApi | undefined>('upright.upright');
  const api = await extension?.activate();
  const out = process.env.UPRIGHT_BENCH_OUT;
  if (!api || !out) throw new Error('bench needs the test API and UPRIGHT_BENCH_OUT');
  fs.writeFileSync(out, JSON.stringify({ activationMs: api.activationMs }));
}
