import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

import * as vscode from 'vscode';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Extension-tests entry for `npm run bench`: the extension host's heap once VS Code has started, after
 * full garbage collections. Run in hosts with Upright installed from its package and in hosts without
 * it; the difference is what Upright adds to every VS Code start.
 */
export async function run(): Promise<void> {
  const out = process.env.UPRIGHT_BENCH_OUT;
  if (!out) throw new Error('the memory bench needs UPRIGHT_BENCH_OUT');
  const upright = vscode.extensions.getExtension('upright.upright');
  // Started as VS Code starts it, then its work right after activate() (the first write, the watch).
  await upright?.activate();
  await wait(Number(process.env.UPRIGHT_BENCH_SETTLE_MS ?? '5000'));
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 4; i++) {
    gc();
    await wait(50);
  }
  const usage = process.memoryUsage();
  fs.writeFileSync(
    out,
    JSON.stringify({
      installed: upright !== undefined,
      active: upright?.isActive ?? false,
      heapUsed: usage.heapUsed,
      external: usage.external,
    }),
  );
}
