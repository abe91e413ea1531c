import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Bundled to dist/test/unit: the repository is three folders up.
const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

/** The Marketplace shows README.md as the extension's page; past this size it stops being read. */
const README_LIMIT_BYTES = 16 * 1024;

interface Manifest {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[];
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const readme = read('README.md');

const commandIds = manifest.contributes.commands.map((c) => c.command);
const settingIds = [manifest.contributes.configuration].flat().flatMap((section) => Object.keys(section.properties));

/** The text outside fenced code blocks. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
}

/** Fenced code blocks and inline code spans removed, so `[label](link)` shown as code is not a link. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '');
}

/** Lines inside fenced code blocks. */
function codeLines(markdown: string): string[] {
  return [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].flatMap((m) => (m[1] ?? '').split('\n'));
}

interface Link {
  target: string;
  image: boolean;
}

/** Inline links and images, reference definitions and `<img src>`, outside code. */
function links(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({
    target: m[2] ?? '',
    image: m[1] === '!',
  }));
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => ({
    target: m[1] ?? '',
    image: false,
  }));
  const images = [...text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => ({ target: m[1] ?? '', image: true }));
  return [...inline, ...references, ...images];
}

const isExternal = (target: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//');

/** The anchors GitHub gives a document's headings. */
function headingAnchors(markdown: string): Set<string> {
  const headings = [...withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1] ?? '');
  return new Set(
    headings.map((heading) =>
      heading
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

/** README.md, CONTRIBUTING.md and every Markdown file in docs/, relative to the repository. */
function documents(): string[] {
  const docs = fs.existsSync(path.join(root, 'docs'))
    ? fs
        .readdirSync(path.join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', 'CONTRIBUTING.md', ...docs.sort()];
}

describe('README and the contributor docs', () => {
  it('keeps README.md short enough for the Marketplace page', () => {
    const bytes = Buffer.byteLength(readme, 'utf8');
    assert.ok(
      bytes < README_LIMIT_BYTES,
      `README.md is ${bytes} bytes; keep it under ${README_LIMIT_BYTES} and move detail to CONTRIBUTING.md or docs/`,
    );
  });

  it('names every command package.json contributes, by its id', () => {
    assert.ok(commandIds.length > 0);
    const missing = commandIds.filter((id) => !readme.includes(`\`${id}\``));
    assert.deepEqual(missing, [], 'commands missing from README.md');
  });

  it('names every setting package.json contributes, by its id', () => {
    assert.ok(settingIds.length > 0);
    const missing = settingIds.filter((id) => !readme.includes(`\`${id}\``));
    assert.deepEqual(missing, [], 'settings missing from README.md');
  });

  it('shows the command that starts Upright and the one that runs every test', () => {
    const lines = codeLines(readme).map((line) => line.trim());
    assert.ok(
      lines.some((line) => /(^|&&\s*)npm start(\s|$)/.test(line)),
      'a code block in README.md runs npm start',
    );
    assert.ok(
      lines.some((line) => /^npm install-test(\s|$)/.test(line)),
      'a code block in README.md starts a line with npm install-test',
    );
    assert.ok(readme.includes('npm test'), 'README.md mentions npm test');
  });

  it('has CI run the test command the README shows', () => {
    const commands = read('.ci/run')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    assert.ok(
      commands.some((line) => /^npm install-test(\s|$)/.test(line)),
      '.ci/run calls npm install-test',
    );
  });

  it('shows only images kept in the repository', () => {
    const images = links(readme).filter((l) => l.image);
    assert.ok(images.length > 0, 'README.md shows screenshots');
    const remote = images.filter((l) => isExternal(l.target) || path.isAbsolute(l.target)).map((l) => l.target);
    assert.deepEqual(remote, [], 'README.md images that are not relative paths');
  });

  for (const document of documents()) {
    it(`${document}: every relative link and image points at a file that exists`, () => {
      const markdown = read(document);
      const broken: string[] = [];
      for (const { target } of links(markdown)) {
        if (isExternal(target)) continue;
        const [file = '', anchor] = target.split('#', 2);
        const resolved = file === '' ? path.join(root, document) : path.resolve(root, path.dirname(document), decodeURI(file));
        if (path.relative(root, resolved).startsWith('..') || !fs.existsSync(resolved)) {
          broken.push(`${target} (no such file in the repository)`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`${target} (no such heading)`);
        }
      }
      assert.deepEqual(broken, [], `broken links in ${document}`);
    });
  }
});
