'use strict';
// Bundles the ledger and history storage of a released Upright, from its commit, into
// test/fixtures/upright-<version>-storage.js: test/unit/versions.test.ts runs it beside today's code on
// one folder, as two editors with different versions of Upright do.
//
//   node scripts/releaseStorage.js            the 0.1.0 release (the default)
//   node scripts/releaseStorage.js <commit> <version>
//
// The fixture is committed, so the tests need neither git history nor the old sources.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');

/** The last commit of 0.1.0: its changelog has no section but 0.1.0's. */
const RELEASES = { '0.1.0': '49b47e3' };

async function main() {
  const [commitArg, versionArg] = process.argv.slice(2);
  const version = versionArg ?? '0.1.0';
  const commit = commitArg ?? RELEASES[version];
  if (!commit) throw new Error(`no commit known for ${version}: give one`);
  const root = path.resolve(__dirname, '..');
  const full = execFileSync('git', ['rev-parse', `${commit}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const released = JSON.parse(execFileSync('git', ['show', `${full}:package.json`], { cwd: root, encoding: 'utf8' })).version;
  if (released !== version) throw new Error(`${commit} is version ${released}, not ${version}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-release-'));
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', full, 'src'], { cwd: root, maxBuffer: 64 << 20 });
    execFileSync('tar', ['-x', '-C', scratch], { input: archive });
    const entry = path.join(scratch, 'src', 'releaseStorage.ts');
    fs.writeFileSync(
      entry,
      [
        "export { applyOps, commitOps, emptyLedger, readLedger, withoutHistory } from './core/ledger';",
        "export { parseHistory, serializeHistory } from './core/history';",
        "export { LedgerFile } from './host/storage/ledgerFile';",
        "export { openHistoryFile } from './host/storage/historyFile';",
        '',
      ].join('\n'),
    );
    const outfile = path.join(root, 'test', 'fixtures', `upright-${version}-storage.js`);
    await esbuild.build({
      entryPoints: [entry],
      // Paths in the bundle's comments are then relative to the old sources: src/core/ledger.ts.
      absWorkingDir: scratch,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile,
      external: ['vscode'],
      legalComments: 'none',
      banner: {
        js: `// Upright ${version}'s ledger and history storage, bundled from commit ${full}\n// by scripts/releaseStorage.js. Generated: do not edit.`,
      },
      logLevel: 'warning',
    });
    console.log(`${path.relative(root, outfile)} (${fs.statSync(outfile).size} bytes) from ${full}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
