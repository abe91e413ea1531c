import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface LaunchConfig {
  name: string;
  type: string;
  args?: string[];
  preLaunchTask?: string;
}
interface Task {
  label: string;
  type: string;
  script?: string;
  command?: string;
}

/** `.vscode/*.json` are JSON with comments: whole-line comments are dropped before parsing. */
function readJsonc<T>(file: string): T {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as T;
}

describe('Run and Debug (F5) in a clone', () => {
  const { configurations } = readJsonc<{ configurations: LaunchConfig[] }>('.vscode/launch.json');
  const { tasks } = readJsonc<{ tasks: Task[] }>('.vscode/tasks.json');
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('every launch builds first, with a task that exists and runs what the package defines', () => {
    assert.ok(configurations.length >= 2);
    for (const config of configurations) {
      assert.equal(config.type, 'extensionHost', config.name);
      assert.ok(config.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'), `${config.name} loads this folder's extension`);
      const task = tasks.find((t) => t.label === config.preLaunchTask);
      assert.ok(task, `${config.name}: preLaunchTask "${config.preLaunchTask}" is a task in tasks.json`);
    }
    for (const task of tasks.filter((t) => t.type === 'npm')) assert.ok(task.script && scripts[task.script], `npm script ${task.script}`);
  });

  it('the integration suite runs in a profile of its own, never the developer’s, from a bundle the build makes', () => {
    const suite = configurations.find((c) => c.args?.some((a) => a.startsWith('--extensionTestsPath=')));
    assert.ok(suite, 'a launch runs the integration suite');
    const args = suite.args ?? [];
    for (const flag of ['--user-data-dir=', '--extensions-dir=']) {
      const arg = args.find((a) => a.startsWith(flag));
      assert.ok(arg?.startsWith(`${flag}\${workspaceFolder}/.upright-dev/`), `${flag} inside .upright-dev`);
    }
    assert.match(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'), /^\.upright-dev\/$/m);
    const testsPath = args.find((a) => a.startsWith('--extensionTestsPath='));
    assert.equal(testsPath, '--extensionTestsPath=${workspaceFolder}/dist/test/integration/index.js');
    assert.ok(
      fs.existsSync(path.join(root, 'test', 'integration', 'index.ts')),
      'esbuild.js --tests bundles test/integration/index.ts there',
    );
    const build = tasks.find((t) => t.label === suite.preLaunchTask);
    assert.match(build?.command ?? '', /^node esbuild\.js --tests\b/);
  });
});
