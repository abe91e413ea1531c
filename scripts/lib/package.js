'use strict';
// Builds the production bundle and packages the .vsix with @vscode/vsce (offline: no dependencies to fetch).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function packageVsix({ out, quiet = false } = {}) {
  const { version, name } = require(path.join(root, 'package.json'));
  const vsix = out ?? path.join(root, `${name}-${version}.vsix`);
  const stdio = quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit';
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio });
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: root,
    stdio,
  });
  return vsix;
}

module.exports = { packageVsix };
