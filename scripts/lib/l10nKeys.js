'use strict';
// Finds every message the sources pass to `t(…)` (src/shared/l10n) or `vscode.l10n.t(…)`: the keys
// the language bundles in l10n/ must hold. A message that is not a literal is reported, since no
// bundle could hold it.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') ? [p] : [];
  });
}

/** Whether this file imports `t` from the project's l10n module. */
function importsT(sf) {
  return sf.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      /\/l10n$/.test(s.moduleSpecifier.text) &&
      s.importClause?.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === 't'),
  );
}

/** The literal messages an argument can be: a string, or either side of `cond ? 'a' : 'b'`. */
function literals(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = literals(node.whenTrue);
    const b = literals(node.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

/** `{ keys: Map<message, [file:line]>, problems: string[] }` for every .ts file under `root`. */
function extractMessages(root) {
  const keys = new Map();
  const problems = [];
  for (const file of sourceFiles(root)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const plainT = importsT(sf);
    const visit = (node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(sf);
        if ((plainT && callee === 't') || /(^|\.)l10n\.t$/.test(callee)) {
          const where = `${path.relative(process.cwd(), file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          const found = node.arguments[0] && literals(node.arguments[0]);
          if (!found) problems.push(`${where}: ${callee}(…) needs a literal message, not ${node.arguments[0]?.getText(sf) ?? 'nothing'}`);
          for (const message of found ?? []) keys.set(message, [...(keys.get(message) ?? []), where]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { keys, problems };
}

/** The `{0}`, `{1}`… a message uses, sorted. */
function placeholders(message) {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

module.exports = { extractMessages, placeholders };

if (require.main === module) {
  // `node scripts/lib/l10nKeys.js`: the messages as a JSON object (English → English), for translators.
  const { keys, problems } = extractMessages(path.join(__dirname, '..', '..', 'src'));
  for (const p of problems) console.error(p);
  process.stdout.write(`${JSON.stringify(Object.fromEntries([...keys.keys()].sort().map((k) => [k, k])), null, 2)}\n`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
