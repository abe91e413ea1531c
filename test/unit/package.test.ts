import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

import { createVSIX, listFiles, PackageManager } from '@vscode/vsce';

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
      ['what', 'equipment', 'interval', 'eyes', 'try'],
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

interface RegistryManifest {
  name: string;
  publisher: string;
  version: string;
  displayName: string;
  description: string;
  private?: boolean;
  engines: { vscode: string };
  license: string;
  icon: string;
  categories: string[];
  keywords: string[];
  activationEvents: string[];
  enableProposedApi?: boolean;
  enabledApiProposals?: string[];
  repository?: string | { url: string };
}

interface ReleaseCheck {
  releaseProblems: (manifest: object, options?: { baseContentUrl?: string; baseImagesUrl?: string }) => string[];
}

/** Characters Open VSX refuses in names, descriptions, categories and keywords (ExtensionValidator.checkCharacters). */
const REFUSED_CHARACTERS = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

interface ZipEntry {
  name: string;
  hasExtraFields: boolean;
  read: () => Buffer;
}

/** The entries of a zip file, read from its central directory (a .vsix is a zip). */
function zipEntries(file: string): ZipEntry[] {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const localExtraLength = zip.readUInt16LE(local + 28);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + localExtraLength;
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({
      name,
      hasExtraFields: extraLength > 0 || localExtraLength > 0,
      read: () => (method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// What `vsce publish` (the Visual Studio Marketplace) and `ovsx publish` with the Open VSX server check
// before they take a .vsix. Read in @vscode/vsce (out/validation.js, out/package.js, out/publish.js), in
// ovsx (src/publish.ts, src/check-license.ts, src/util.ts) and in the Open VSX server
// (ExtensionValidator, ExtensionProcessor, PublishExtensionVersionHandler, scanning/*CheckService).
describe('the package, for the Marketplace and Open VSX', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as RegistryManifest;
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (value: string): string => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? value);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { releaseProblems } = require(path.join(root, 'scripts', 'lib', 'package.js')) as ReleaseCheck;

  it('has a publisher and a name both registries take as the id upright.upright', () => {
    for (const [field, value] of Object.entries({ publisher: manifest.publisher, name: manifest.name })) {
      // Marketplace: vsce refuses anything else (validatePublisher, validateExtensionName).
      assert.match(value, /^[a-z0-9][a-z0-9-]*$/i, `${field} for the Marketplace`);
      // Open VSX: the namespace and extension name pattern, at most 255 characters.
      assert.match(value, /^[\w\-+$~]{1,255}$/, `${field} for Open VSX`);
    }
  });

  it('has a plain release version', () => {
    // Marketplace: vsce publish refuses a pre-release version such as 1.0.0-beta.
    // Open VSX: letters, digits and $+-,.:;_ only, and never "latest" or "pre-release".
    assert.match(manifest.version, /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
  });

  it('declares the VS Code engine in the form vsce reads', () => {
    // Marketplace: validateEngineCompatibility. Open VSX keeps it from package.json for compatibility.
    assert.match(manifest.engines.vscode, /^\*$|^(\^|>=)?((\d+)|x)\.((\d+)|x)\.((\d+)|x)(-.*)?$/);
  });

  it('has a display name, description, categories and keywords Open VSX keeps', () => {
    const displayName = text(manifest.displayName);
    const description = text(manifest.description);
    assert.notEqual(displayName.trim(), '');
    assert.notEqual(description.trim(), '');
    // Open VSX: 255 characters for the display name and each category and keyword, 2048 for the description.
    assert.ok(displayName.length <= 255 && description.length <= 2048);
    for (const value of [displayName, description, ...manifest.categories, ...manifest.keywords]) {
      assert.ok(value.length <= 255 || value === description, value);
      assert.doesNotMatch(value, REFUSED_CHARACTERS, value);
    }
  });

  it('uses no proposed API and no "*" activation', () => {
    // Marketplace: vsce publish refuses enableProposedApi and enabledApiProposals. VSCodium, Cursor and
    // Windsurf enable a proposal only for extensions their product lists, so it would break there too.
    assert.equal(manifest.enableProposedApi, undefined);
    assert.equal(manifest.enabledApiProposals, undefined);
    // Marketplace: vsce asks before packaging "*" activation, and says yes when no one is at the terminal.
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('is kept off npm only: "private" is not read by vsce or ovsx', () => {
    // npm publish refuses a private package; vsce and ovsx publish it all the same.
    assert.equal(manifest.private, true);
  });

  it('packs the licence and the icon it names', () => {
    // Open VSX: ovsx packaging for open-vsx.org asks for a licence (a "license" field or a LICENSE file);
    // the server shows the file the .vsix manifest names. Marketplace: vsce asks when LICENSE is missing.
    assert.match(manifest.license, /^\S.{0,254}$/);
    assert.ok(EXPECTED.includes('LICENSE'));
    // Both: the icon must be in the package (vsce's IconProcessor; Open VSX's "Entry not found").
    assert.ok(EXPECTED.includes(manifest.icon), manifest.icon);
  });

  it('is published only once the repository is known (checked by npm run package -- --release)', () => {
    // A repository that is set must be one a release can use: Open VSX takes only an address (at most 255
    // characters), and vsce turns README links into addresses on GitHub or GitLab by itself.
    if (manifest.repository !== undefined) assert.deepEqual(releaseProblems(manifest), []);
    const withoutRepository = { ...manifest, repository: undefined };
    assert.equal(releaseProblems(withoutRepository).length, 1);
    assert.match(releaseProblems(withoutRepository)[0] ?? '', /CONTRIBUTING\.md/);
    assert.deepEqual(releaseProblems({ ...manifest, repository: { url: 'https://github.com/someone/upright.git' } }), []);
    assert.deepEqual(releaseProblems({ ...manifest, repository: 'https://gitlab.com/someone/upright' }), []);
    assert.equal(releaseProblems({ ...manifest, repository: 'http://github.com/someone/upright' }).length, 1);
    assert.equal(releaseProblems({ ...manifest, repository: 'upright' }).length, 1);
    const elsewhere = { ...manifest, repository: 'https://git.example.org/upright' };
    assert.equal(releaseProblems(elsewhere).length, 1, 'another host needs base URLs for the README');
    const baseUrls = { baseContentUrl: 'https://git.example.org/upright/blob', baseImagesUrl: 'https://git.example.org/upright/raw' };
    assert.deepEqual(releaseProblems(elsewhere, baseUrls), []);
  });

  it('packages a .vsix whose README, licence and icon both registries can show (the build has run)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-registry-'));
    try {
      const vsix = path.join(dir, 'upright.vsix');
      // As a release packages it, with README links made into addresses (here a stand-in host).
      const base = 'https://example.com/upright';
      // vsce prints the file tree and its warnings; only the warnings matter here.
      const warnings: string[] = [];
      const { log, warn } = console;
      console.log = () => undefined;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        await createVSIX({
          cwd: root,
          packagePath: vsix,
          dependencies: false,
          allowMissingRepository: true,
          baseContentUrl: `${base}/blob/HEAD`,
          baseImagesUrl: `${base}/raw/HEAD`,
        });
      } finally {
        Object.assign(console, { log, warn });
      }
      // vsce warns, and answers its own question with yes off a terminal, for a missing licence and the like.
      assert.deepEqual(warnings, []);
      const entries = zipEntries(vsix);
      const names = entries.map((e) => e.name);
      // Open VSX refuses zip entries with extra fields, and duplicate entries.
      assert.deepEqual(
        entries.filter((e) => e.hasExtraFields).map((e) => e.name),
        [],
      );
      assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
      const read = (name: string): string => {
        const entry = entries.find((e) => e.name === name);
        assert.ok(entry, `${name} is in the .vsix`);
        return entry.read().toString('utf8');
      };
      const vsixManifest = read('extension.vsixmanifest');
      // Open VSX reads the id, version, display name, licence, icon and README through extension.vsixmanifest.
      assert.match(
        vsixManifest,
        new RegExp(`<Identity [^>]*Id="${manifest.name}" Version="${manifest.version}" Publisher="${manifest.publisher}"`),
      );
      assert.ok(vsixManifest.includes(`<DisplayName>${text(manifest.displayName)}</DisplayName>`));
      const license = /<License>([^<]+)<\/License>/.exec(vsixManifest)?.[1];
      const icon = /<Icon>([^<]+)<\/Icon>/.exec(vsixManifest)?.[1];
      const readme = /Type="Microsoft\.VisualStudio\.Services\.Content\.Details" Path="([^"]+)"/.exec(vsixManifest)?.[1];
      for (const asset of [license, icon, readme]) assert.ok(asset && names.includes(asset), `${asset} is in the .vsix`);
      assert.equal(icon, `extension/${manifest.icon}`);
      // The page both registries show: every screenshot an https PNG address (vsce refuses others and
      // SVG), and no link left relative to a repository the page cannot see.
      const page = read(readme ?? '');
      const images = [...page.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
      assert.ok(images.length > 0);
      for (const image of images) assert.match(image, new RegExp(`^${base}/raw/HEAD/docs/images/[\\w-]+\\.png$`));
      const relative = [...page.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^(https:|#|mailto:)/.test(l));
      assert.deepEqual(relative, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
