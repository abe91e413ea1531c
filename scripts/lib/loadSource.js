'use strict';
// Runs TypeScript from src/ in this Node process: `lines` (re-exports, relative to src/) are bundled in
// memory by esbuild and evaluated, and their exports returned. For the build, the bench and the
// scripts that read the sources (the exercise library, the settings rules) without a build.
const path = require('node:path');
const esbuild = require('esbuild');

const src = path.resolve(__dirname, '..', '..', 'src');

async function loadSource(...lines) {
  const built = await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: src, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  // Node's own modules (the storage code uses fs, os, crypto) come from this process.
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}

module.exports = { loadSource };
