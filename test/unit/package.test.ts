import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { listFiles, PackageManager } from '@vscode/vsce';

const root = path.resolve(__dirname, '../../..');

/** What the .vsix must hold, and nothing else: the run-time files, the manifest and the documents. */
const EXPECTED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'package.json',
  'package.nls.json',
  'package.nls.de.json',
  'package.nls.es.json',
  'l10n/bundle.l10n.de.json',
  'l10n/bundle.l10n.es.json',
  'dist/extension.js',
  'dist/browser.js',
  'dist/onDemand.js',
  'dist/storageExtras.js',
  'dist/settingsDetail.js',
  'dist/liveShare.js',
  'dist/data/exercises.json',
  'dist/data/exercises.de.json',
  'dist/data/exercises.es.json',
  'dist/webview/exercises.js',
  'dist/webview/routine.js',
  'dist/webview/stats.js',
  'media/exercises.css',
  'media/icon.png',
  'media/illustration.css',
  'media/page.css',
  'media/routine.css',
  'media/stats.css',
  'media/upright.svg',
  'media/walkthrough/upright.svg',
];

describe('the package', () => {
  it('holds exactly the run-time files, the manifest and its documents (the build has run)', async () => {
    const files = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/')).sort();
    assert.deepEqual(files, [...EXPECTED].sort());
  });

  it('has a walkthrough whose buttons run Upright commands that exist, with its media in the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: {
        commands: { command: string }[];
        walkthroughs: {
          id: string;
          steps: { id: string; description: string; media: Record<string, string>; completionEvents: string[] }[];
        }[];
      };
    };
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const text = (value: string): string => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? value);
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough?.id, 'welcome');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['what', 'equipment', 'interval', 'try'],
    );
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      for (const [, command] of text(step.description).matchAll(/\(command:([\w.]+)/g))
        assert.ok(command?.startsWith('workbench.') || contributed.has(command ?? ''), `${step.id}: ${command}`);
      const media = step.media.svg ?? step.media.image ?? step.media.markdown;
      assert.ok(media && EXPECTED.includes(media), `${step.id}: ${media}`);
      assert.ok(step.completionEvents.length > 0, step.id);
    }
  });

  it('names an icon, a banner, categories and keywords the Marketplace and Open VSX accept', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      icon: string;
      galleryBanner: { color: string; theme: string };
      categories: string[];
      keywords: string[];
      license: string;
      version: string;
    };
    const icon = fs.readFileSync(path.join(root, manifest.icon));
    // A PNG (the Marketplace refuses SVG icons) of 128 × 128.
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    const marketplace = [
      'AI',
      'Azure',
      'Chat',
      'Data Science',
      'Debuggers',
      'Education',
      'Extension Packs',
      'Formatters',
      'Keymaps',
      'Language Packs',
      'Linters',
      'Machine Learning',
      'Notebooks',
      'Other',
      'Programming Languages',
      'SCM Providers',
      'Snippets',
      'Testing',
      'Themes',
      'Visualization',
    ];
    for (const c of manifest.categories) assert.ok(marketplace.includes(c), c);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30, 'at most 30 keywords');
    assert.equal(manifest.license, 'MIT');
    assert.match(
      fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'),
      /^MIT License\n\nCopyright .+\n\nPermission is hereby granted, free of charge/,
    );
    // The changelog has an entry for this version.
    assert.ok(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8').split('\n').includes(`## ${manifest.version}`));
  });
});
