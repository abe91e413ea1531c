'use strict';
// Builds the production bundle and packages the .vsix with @vscode/vsce (offline: no dependencies to fetch).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** vsce turns README links into addresses on these hosts by itself; any other host needs both base URLs. */
const LINKING_HOSTS = ['github.com', 'gitlab.com'];

/** The `repository` field's address, as vsce reads it (a string or `{ url }`). */
function repositoryUrl(manifest) {
  const repository = manifest.repository;
  if (typeof repository === 'string') return repository;
  return repository && typeof repository.url === 'string' ? repository.url : undefined;
}

/**
 * Why this manifest cannot be packaged for the registries yet, empty when it can. The Marketplace and
 * Open VSX show README.md from the .vsix, so its relative links and screenshots must become public
 * addresses in the repository, and both pages link to it. vsce only warns when `repository` is missing
 * and says yes to its own question when no one is at the terminal; ovsx publishing a finished .vsix
 * checks nothing of this. So the release build checks it.
 */
function releaseProblems(manifest, { baseContentUrl, baseImagesUrl } = {}) {
  const url = repositoryUrl(manifest);
  if (url === undefined) {
    return ['package.json has no "repository": set it to the public repository before publishing (CONTRIBUTING.md, Releasing).'];
  }
  let parsed;
  try {
    parsed = new URL(url.replace(/^git\+/, ''));
  } catch {
    return [`"repository" is not an address: ${url}`];
  }
  const problems = [];
  if (parsed.protocol !== 'https:') problems.push(`"repository" must be an https address: ${url}`);
  if (url.length > 255) problems.push('"repository" is longer than the 255 characters Open VSX keeps');
  if (!LINKING_HOSTS.includes(parsed.hostname) && !(baseContentUrl && baseImagesUrl)) {
    problems.push(
      `"repository" is on ${parsed.hostname}: pass --baseContentUrl and --baseImagesUrl so README links and screenshots resolve`,
    );
  }
  for (const [option, value] of Object.entries({ baseContentUrl, baseImagesUrl })) {
    if (value !== undefined && !/^https:\/\/[^/]+/.test(value)) problems.push(`--${option} must be an https address: ${value}`);
  }
  return problems;
}

/**
 * Writes the .vsix. Without `release`, a package.json with no `repository` still packages, with README
 * links left as they are: a file to install from, not to publish. With `release`, the manifest must
 * pass releaseProblems() first, and vsce turns the README's links into addresses in the repository.
 */
function packageVsix({ out, quiet = false, release = false, baseContentUrl, baseImagesUrl } = {}) {
  const manifest = require(path.join(root, 'package.json'));
  const { version, name } = manifest;
  if (release) {
    const problems = releaseProblems(manifest, { baseContentUrl, baseImagesUrl });
    if (problems.length > 0) throw new Error(`Not ready to publish:\n- ${problems.join('\n- ')}`);
  }
  const vsix = out ?? path.join(root, `${name}-${version}.vsix`);
  const stdio = quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit';
  const linking = [];
  if (baseContentUrl) linking.push('--baseContentUrl', baseContentUrl);
  if (baseImagesUrl) linking.push('--baseImagesUrl', baseImagesUrl);
  if (!release && repositoryUrl(manifest) === undefined) {
    linking.push('--allow-missing-repository');
    if (!baseContentUrl && !baseImagesUrl) linking.push('--no-rewrite-relative-links');
  }
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio });
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', ...linking, '--out', vsix], {
    cwd: root,
    stdio,
  });
  return vsix;
}

module.exports = { packageVsix, releaseProblems, repositoryUrl };
