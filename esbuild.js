'use strict';
// Bundles the extension (and, with --tests, the test suites) with esbuild. Type-checking is tsc's job.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');

/** @type {import('esbuild').BuildOptions} */
const extension = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/** Test files, workers and index entries of a folder; every `.ts` of it when `all` (bench entries). */
function testEntries(dir, all = false) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => (all ? f.endsWith('.ts') : f.endsWith('.test.ts') || f.endsWith('.worker.ts') || f === 'index.ts'))
    .map((f) => path.join(dir, f));
}

/** Tests are bundled per file; mocha, playwright and vscode stay external (loaded from node_modules or the host). */
const tests = {
  entryPoints: [...testEntries('test/unit'), ...testEntries('test/integration'), ...testEntries('test/ui'), ...testEntries('test/bench', true), ...testEntries('test/windows')],
  outbase: 'test',
  outdir: 'dist/test',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha', 'playwright-core'],
  sourcemap: 'inline',
  logLevel: 'warning',
};

async function main() {
  const builds = [extension, ...(withTests ? [tests] : [])];
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  const [ext] = await Promise.all(builds.map((options) => esbuild.build(options)));
  const bytes = fs.statSync(extension.outfile).size;
  fs.writeFileSync('dist/meta.json', JSON.stringify(ext.metafile));
  console.log(`dist/extension.js ${(bytes / 1024).toFixed(1)} KB${production ? ' (minified)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
