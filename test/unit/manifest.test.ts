import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EQUIPMENT } from '../../src/core/exercises/model';
import { DEFAULT_SETTINGS, parseSettings, SETTING_SPECS, STATUS_BAR_DISPLAYS } from '../../src/core/settings';

const root = path.resolve(__dirname, '../../..');
interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  extensionKind: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { default: unknown; minimum?: number; maximum?: number; scope?: string; enum?: string[]; items?: { enum?: string[] }; markdownDescription?: string }> };
    keybindings?: unknown[];
  };
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
const source = sourceFiles(path.join(root, 'src')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

describe('manifest', () => {
  it('has the identity and activation the design fixes', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, 'upright.upright');
    assert.equal(manifest.engines.vscode, '^1.93.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.93.0', '@types/vscode must match the minimum engine');
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
    // Each panel that comes back after a reload activates Upright for its serializer.
    const serialized = [...source.matchAll(/registerWebviewPanelSerializer\(([A-Z_]+)/g)].map((m) => m[1]);
    const viewTypes = serialized.map((name) => new RegExp(`${name} = '([^']+)'`).exec(source)?.[1]);
    assert.deepEqual(manifest.activationEvents.filter((e) => e.startsWith('onWebviewPanel:')).sort(), viewTypes.map((t) => `onWebviewPanel:${t}`).sort());
    assert.ok(viewTypes.length > 0);
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.contributes.keybindings, undefined, 'no default keybindings');
  });

  it('registers every contributed command and contributes every registered one', () => {
    const registered = new Set([...source.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]));
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    assert.deepEqual([...contributed].sort(), [...registered].sort());
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Upright', `${c.command} is in the Upright category`);
      assert.ok(c.command.startsWith('upright.'));
    }
  });

  it('contributes exactly the settings the code reads, with the same defaults and ranges', () => {
    const read = new Set<string>();
    parseSettings((key) => {
      read.add(`upright.${key}`);
      return undefined;
    });
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), [...read].sort());
    for (const [key, spec] of Object.entries(properties)) {
      assert.equal(spec.scope, 'application', `${key} must be application-scoped`);
      assert.ok(spec.markdownDescription && spec.markdownDescription.length > 20, `${key} is described`);
    }
    for (const s of Object.values(SETTING_SPECS)) {
      const p = properties[`upright.${s.key}`];
      assert.ok(p);
      assert.deepEqual([p.default, p.minimum, p.maximum], [s.defaultValue, s.min, s.max], s.key);
    }
    assert.equal(properties['upright.statusBar.display']?.default, DEFAULT_SETTINGS.statusBarDisplay);
    const equipment = properties['upright.equipment'];
    assert.deepEqual(equipment?.default, DEFAULT_SETTINGS.equipment);
    assert.deepEqual(equipment?.items?.enum, [...EQUIPMENT], 'the manifest offers exactly the equipment the code knows');
    assert.deepEqual(properties['upright.statusBar.display']?.enum, [...STATUS_BAR_DISPLAYS]);
  });

  it('points the status-bar item at a contributed command', () => {
    assert.match(source, /createStatusBarItem\(STATUS_BAR_ITEM_ID/);
    assert.match(source, /STATUS_BAR_ITEM_ID = 'upright\.timer'/);
    assert.match(source, /command = 'upright\.showMenu'/);
  });
});
