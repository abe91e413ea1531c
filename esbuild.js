'use strict';
// Bundles the extension (and, with --tests, the test suites) with esbuild. Type-checking is tsc's job.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { loadSource } = require('./scripts/lib/loadSource');

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
  // Non-ASCII text (…, ’, —) as UTF-8, not \u escapes.
  charset: 'utf8',
  // The package holds no source maps, so a production bundle names none.
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/** The browser entry (vscode.dev): the same sources for a web worker, with no Node built-ins. */
const browser = {
  ...extension,
  entryPoints: ['src/web.ts'],
  outfile: 'dist/browser.js',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
};

/** Storage used now and then (the history file, lock recovery), loaded by the desktop entry on first use. */
const storageExtras = { ...extension, entryPoints: ['src/host/storage/extras.ts'], outfile: 'dist/storageExtras.js', metafile: false };

/**
 * Custom routines and the words for a bad setting, loaded only when a setting needs them: `require`d by
 * the desktop entry, read ahead and evaluated on first use by the browser entry. It imports only `vscode`.
 */
const settingsDetail = { ...extension, entryPoints: ['src/host/settingsDetail.ts'], outfile: 'dist/settingsDetail.js', metafile: false };

/** Holding reminders during Live Share sessions, loaded by the desktop entry only where Live Share is installed. */
const liveShare = { ...extension, entryPoints: ['src/host/liveShare.ts'], outfile: 'dist/liveShare.js', metafile: false };

/** The panels, pickers and history dialogs, loaded on first use by both entries, as settingsDetail is. */
const onDemand = { ...extension, entryPoints: ['src/host/onDemand.ts'], outfile: 'dist/onDemand.js', metafile: false };

/** The test API, loaded by the extension only in ExtensionMode.Test; never packaged. */
const testApi = { ...extension, entryPoints: ['src/host/testing/testApi.ts'], outfile: 'dist/testApi.js', metafile: false };

/** The pages' scripts: browser code, one file each, no Node, no vscode. */
const webviews = {
  entryPoints: { exercises: 'src/webview/exercises.ts', routine: 'src/webview/routine.ts', stats: 'src/webview/stats.ts' },
  outdir: 'dist/webview',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: production ? false : 'inline',
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

/** Tests are bundled per file; mocha, playwright, vsce and vscode stay external (loaded from node_modules or the host). */
const tests = {
  entryPoints: [
    ...testEntries('test/unit'),
    ...testEntries('test/integration'),
    ...testEntries('test/ui'),
    ...testEntries('test/bench', true),
    ...testEntries('test/windows'),
    ...testEntries('test/editors'),
  ],
  outbase: 'test',
  outdir: 'dist/test',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha', 'playwright-core', '@vscode/vsce', 'typescript'],
  sourcemap: 'inline',
  logLevel: 'warning',
};

/**
 * The exercise library, the built-in routines and the labels of an exercise's kind, position, equipment
 * and muscles are authored as type-checked TypeScript and shipped as data: the host reads
 * dist/data/exercises.json (`{ exercises, routines, labels }`) when a panel or a routine first needs it,
 * so no bundle of the extension holds them.
 */
async function writeLibraryData() {
  // The library and its rules: data that breaks a rule fails the build, so the shipped data is sound.
  const library = await loadSource(
    "export { EXERCISES } from './core/exercises/library';",
    "export { BUILT_IN_ROUTINES } from './core/exercises/builtInRoutines';",
    "export { exerciseLabels } from './core/exercises/labels';",
    "export { validateLibrary, validateTranslation, translatedLibrary } from './core/exercises/validate';",
    "export { bundleTranslator, fill, useTranslator } from './shared/l10n';",
  );
  const problems = library.validateLibrary(library.EXERCISES);
  if (problems.length > 0) throw new Error(`The exercise library breaks its rules:\n${problems.join('\n')}`);
  /** The routines as plain data, and the labels, in the language of `translate`. */
  const inLanguage = (translate, language) => {
    library.useTranslator(translate, language);
    const routines = library.BUILT_IN_ROUTINES.map(({ id, name, summary, forReminders, steps }) => ({
      id,
      name,
      summary,
      forReminders,
      steps,
    }));
    const labels = library.exerciseLabels();
    library.useTranslator(library.fill);
    return { routines, labels };
  };
  fs.mkdirSync('dist/data', { recursive: true });
  fs.writeFileSync('dist/data/exercises.json', JSON.stringify({ exercises: library.EXERCISES, ...inLanguage(library.fill) }));
  // One file a language: the same data with the text of l10n/exercises.<lang>.json, which must be
  // complete, and the routines' names and the labels from the language's message bundle.
  for (const name of fs.readdirSync('l10n').filter((f) => /^exercises\.[a-z-]+\.json$/.test(f))) {
    const language = name.split('.')[1];
    const translation = JSON.parse(fs.readFileSync(path.join('l10n', name), 'utf8'));
    const wrong = library.validateTranslation(library.EXERCISES, translation);
    if (wrong.length > 0) throw new Error(`l10n/${name} is not a complete translation of the exercise library:\n${wrong.join('\n')}`);
    const messages = JSON.parse(fs.readFileSync(path.join('l10n', `bundle.l10n.${language}.json`), 'utf8'));
    fs.writeFileSync(
      path.join('dist/data', name),
      JSON.stringify({
        exercises: library.translatedLibrary(library.EXERCISES, translation),
        ...inLanguage(library.bundleTranslator(messages), language),
      }),
    );
  }
}

async function main() {
  await writeLibraryData();
  const builds = [extension, webviews, browser, testApi, onDemand, storageExtras, settingsDetail, liveShare, ...(withTests ? [tests] : [])];
  if (watch) {
    // The lines an editor's background task waits for (.vscode/tasks.json), once per rebuild of the extension.
    const announce = {
      name: 'announce',
      setup(build) {
        build.onStart(() => console.log('[watch] build started'));
        build.onEnd((result) => console.log(`[watch] build finished (${result.errors.length} errors)`));
      },
    };
    for (const options of builds) {
      const plugins = options === extension ? [announce] : [];
      await (await esbuild.context({ ...options, plugins })).watch();
    }
    return;
  }
  const [ext, pages] = await Promise.all(builds.map((options) => esbuild.build(options)));
  fs.writeFileSync('dist/meta.json', JSON.stringify(ext.metafile));
  fs.writeFileSync('dist/webview-meta.json', JSON.stringify(pages.metafile));
  const kb = (file) => `${(fs.statSync(file).size / 1024).toFixed(1)} KB`;
  console.log(
    `dist/extension.js ${kb(extension.outfile)}, dist/browser.js ${kb(browser.outfile)}, pages ${['exercises', 'routine', 'stats'].map((p) => kb(`dist/webview/${p}.js`)).join(' + ')}${production ? ' (minified)' : ''}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
