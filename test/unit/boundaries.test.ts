import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}
interface EslintModule {
  ESLint: new (options: { cwd: string }) => { calculateConfigForFile(file: string): Promise<{ rules?: Record<string, unknown> }> };
  Linter: new (options: { configType: 'flat' }) => { verify(code: string, config: unknown[], file: string): LintMessage[] };
}

// ESLint and its TypeScript parser are loaded from the repository at run time, as the lint step does.
const load = createRequire(path.join(root, 'package.json'));
const { ESLint, Linter } = load('eslint') as EslintModule;
const tseslint = load('typescript-eslint') as { parser: unknown; plugin: unknown };

/** The rules that draw the boundaries: what may be imported, and how. */
const RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];

/** What the project's own lint configuration says of `code` as the file `file`, for its import rules. */
async function importProblems(file: string, code: string): Promise<string[]> {
  const config = await new ESLint({ cwd: root }).calculateConfigForFile(file);
  const rules = Object.fromEntries(RULES.flatMap((name) => (config.rules?.[name] === undefined ? [] : [[name, config.rules[name]]])));
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin }, rules }],
    file,
  );
  return messages.filter((m) => m.ruleId !== null && RULES.includes(m.ruleId)).map((m) => m.message);
}

const VSCODE_NAMESPACE = "import * as vscode from 'vscode';\nexport const v = vscode.version;\n";
const VSCODE_REQUIRE = "import vscode = require('vscode');\nexport const v = vscode.version;\n";

describe('import boundaries, as lint enforces them', function () {
  this.timeout(30_000);

  it('storage can import neither vscode nor the rest of the host: a planted import fails lint', async () => {
    const file = path.join(root, 'src/host/storage/planted.ts');
    assert.equal((await importProblems(file, VSCODE_REQUIRE)).length, 1);
    assert.equal((await importProblems(file, "import { createLog } from '../log';\nexport const l = createLog;\n")).length, 1);
    assert.deepEqual(
      await importProblems(
        file,
        "import { emptyLedger } from '../../core/ledger';\nimport { fileSignature } from './fileSystem';\nexport const e = [emptyLedger, fileSignature];\n",
      ),
      [],
    );
  });

  it('core and shared can import neither vscode nor the host', async () => {
    for (const file of ['src/core/planted.ts', 'src/shared/planted.ts']) {
      assert.equal((await importProblems(path.join(root, file), VSCODE_REQUIRE)).length, 1, file);
      assert.equal(
        (await importProblems(path.join(root, file), "import { createLog } from '../host/log';\nexport const l = createLog;\n")).length,
        1,
        file,
      );
    }
  });

  it('the rest of the host may import vscode, as a plain require', async () => {
    const file = path.join(root, 'src/host/planted.ts');
    assert.deepEqual(await importProblems(file, VSCODE_REQUIRE), []);
    assert.deepEqual(await importProblems(file, "import type * as vscode from 'vscode';\nexport type D = vscode.Disposable;\n"), []);
    // A namespace or named value import makes the bundle copy the whole module into getters, per file.
    assert.equal((await importProblems(file, VSCODE_NAMESPACE)).length, 1);
    assert.equal((await importProblems(file, "import { window } from 'vscode';\nexport const w = window;\n")).length, 1);
    assert.equal((await importProblems(file, "import { randomBytes } from 'node:crypto';\nexport const r = randomBytes;\n")).length, 1);
  });

  it('the code loaded on first use is imported only for its types: a value import would put it in an entry', async () => {
    for (const [file, from] of [
      ['src/host/platform/planted.ts', '../onDemand'],
      ['src/host/platform/planted.ts', '../settingsDetail'],
      ['src/host/planted.ts', './onDemand'],
      ['src/planted.ts', './host/settingsDetail'],
    ] as const) {
      const planted = path.join(root, file);
      assert.equal((await importProblems(planted, `import * as m from '${from}';\nexport const v = m;\n`)).length, 1, `${file}: ${from}`);
      assert.deepEqual(await importProblems(planted, `import type * as m from '${from}';\nexport type M = typeof m;\n`), []);
      assert.deepEqual(await importProblems(planted, `import { type T } from '${from}';\nexport type U = T;\n`), []);
    }
  });
});
