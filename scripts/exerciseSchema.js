'use strict';
// `node scripts/exerciseSchema.js`: writes what settings.json knows about `upright.customRoutines` from
// the code, so the editor accepts exactly what the parser does and completes every exercise id: the
// schema in package.json (ids, limits), each exercise's name, positions and equipment in
// package.nls*.json, and the table of ids in docs/custom-routines.md. Run it after changing the library
// or the rules.
// `--check` writes nothing and fails when a file is out of date.
const { loadSource } = require('./lib/loadSource');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SETTING = 'upright.customRoutines';
const KEY = 'config.customRoutines';
const EXERCISE_KEY = `${KEY}.exercise.`;
const TABLE_HEADER = '| Id | Exercise | Dose |';
/** The page on custom routines, with its example and the table of ids. */
const GUIDE = 'docs/custom-routines.md';

/** The library, the rules and the labels, straight from the TypeScript sources. */
function loadCode() {
  return loadSource(
    "export { EXERCISES } from './core/exercises/library';",
    "export { translatedLibrary } from './core/exercises/validate';",
    "export { BUILT_IN_ROUTINES } from './core/exercises/builtInRoutines';",
    "export { CUSTOM_ROUTINE_RULES } from './core/exercises/custom';",
    "export { equipmentLabel, positionLabel } from './core/exercises/labels';",
    "export { bundleTranslator, fill, useTranslator } from './shared/l10n';",
  );
}

// Syntax characters only: patterns are compiled with the `u` flag, which refuses any other escape.
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const range = (limits, description) => ({ type: 'integer', minimum: limits.min, maximum: limits.max, description });

/** The `upright.customRoutines` entry of `contributes.configuration.properties`. */
function customRoutinesSchema(code) {
  const rules = code.CUSTOM_ROUTINE_RULES;
  const ids = code.EXERCISES.map((e) => e.id);
  const exerciseId = { type: 'string', enum: ids, enumDescriptions: ids.map((id) => `%${EXERCISE_KEY}${id}%`) };
  const builtIn = code.BUILT_IN_ROUTINES.map((r) => escapeRegExp(r.id)).join('|');
  return {
    type: 'array',
    default: [],
    maxItems: rules.maxRoutines,
    scope: 'application',
    markdownDescription: `%${KEY}.markdownDescription%`,
    items: {
      type: 'object',
      required: ['id', 'steps'],
      properties: {
        id: {
          type: 'string',
          // A built-in routine's id is taken: the parser skips a custom routine that reuses it.
          pattern: `^(?!(?:${builtIn})$)${rules.routineId.source.replace(/^\^/, '')}`,
          patternErrorMessage: `%${KEY}.id.patternErrorMessage%`,
        },
        name: {
          type: 'string',
          minLength: 1,
          maxLength: rules.maxNameCodePoints,
          pattern: rules.nameAsWritten.source,
          patternErrorMessage: `%${KEY}.name.patternErrorMessage%`,
        },
        steps: {
          type: 'array',
          minItems: 1,
          maxItems: rules.maxSteps,
          items: {
            anyOf: [
              exerciseId,
              {
                type: 'object',
                required: ['exercise'],
                properties: {
                  exercise: exerciseId,
                  reps: range(rules.reps, `%${KEY}.reps%`),
                  holdSeconds: range(rules.holdSeconds, `%${KEY}.holdSeconds%`),
                  sets: range(rules.sets, `%${KEY}.sets%`),
                },
              },
            ],
          },
        },
      },
    },
  };
}

/** The languages the manifest is translated into, from the package.nls.<language>.json files. */
function manifestLanguages() {
  return fs
    .readdirSync(root)
    .map((f) => /^package\.nls\.([a-z-]+)\.json$/.exec(f)?.[1])
    .filter(Boolean)
    .sort();
}

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** `config.customRoutines.exercise.<id>` → "Name — Seated, Standing · resistance band", in one language. */
function exerciseDescriptions(code, language) {
  const library = language ? code.translatedLibrary(code.EXERCISES, readJson(`l10n/exercises.${language}.json`)) : code.EXERCISES;
  code.useTranslator(language ? code.bundleTranslator(readJson(`l10n/bundle.l10n.${language}.json`)) : code.fill);
  try {
    return Object.fromEntries(
      library.map((e) => {
        const equipment = e.equipment.length > 0 ? ` · ${e.equipment.map(code.equipmentLabel).join(', ')}` : '';
        return [`${EXERCISE_KEY}${e.id}`, `${e.name} — ${e.positions.map(code.positionLabel).join(', ')}${equipment}`];
      }),
    );
  } finally {
    code.useTranslator(code.fill);
  }
}

/** The guide's table of exercise ids, in library order; Dose names the field that sets an exercise's amount. */
function idTable(code) {
  const rows = code.EXERCISES.map((e) => `| \`${e.id}\` | ${e.name} | \`${e.dose.kind === 'reps' ? 'reps' : 'holdSeconds'}\` |`);
  return [TABLE_HEADER, '|---|---|---|', ...rows].join('\n');
}

/** Everything the script writes, as data, for the files and for the test that keeps them in sync. */
async function generate() {
  const code = await loadCode();
  const nls = { 'package.nls.json': exerciseDescriptions(code, undefined) };
  for (const language of manifestLanguages()) nls[`package.nls.${language}.json`] = exerciseDescriptions(code, language);
  return { schema: customRoutinesSchema(code), nls, idTable: idTable(code), exerciseKeyPrefix: EXERCISE_KEY };
}

/** `entries` in place of the bundle's exercise keys, where they were (or after the other customRoutines keys). */
function withExerciseKeys(bundle, entries) {
  const keys = Object.keys(bundle);
  const kept = keys.filter((k) => !k.startsWith(EXERCISE_KEY));
  const firstOld = keys.findIndex((k) => k.startsWith(EXERCISE_KEY));
  const at = firstOld >= 0 ? firstOld : kept.findLastIndex((k) => k.startsWith(`${KEY}.`)) + 1 || kept.length;
  const order = [...kept.slice(0, at), ...Object.keys(entries), ...kept.slice(at)];
  return Object.fromEntries(order.map((k) => [k, k in entries ? entries[k] : bundle[k]]));
}

function withIdTable(guide, table) {
  const lines = guide.split('\n');
  const start = lines.indexOf(TABLE_HEADER);
  if (start < 0) throw new Error(`${GUIDE} has no table starting with "${TABLE_HEADER}"`);
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  return [...lines.slice(0, start), table, ...lines.slice(end)].join('\n');
}

const asJson = (value) => `${JSON.stringify(value, null, 2)}\n`;

async function main() {
  const check = process.argv.includes('--check');
  const generated = await generate();
  const files = {};
  const manifest = readJson('package.json');
  manifest.contributes.configuration.properties[SETTING] = generated.schema;
  files['package.json'] = asJson(manifest);
  for (const [file, entries] of Object.entries(generated.nls)) files[file] = asJson(withExerciseKeys(readJson(file), entries));
  files[GUIDE] = withIdTable(fs.readFileSync(path.join(root, GUIDE), 'utf8'), generated.idTable);
  const stale = Object.keys(files).filter((file) => fs.readFileSync(path.join(root, file), 'utf8') !== files[file]);
  if (check) {
    if (stale.length > 0) {
      console.error(`Out of date: ${stale.join(', ')}. Run node scripts/exerciseSchema.js`);
      process.exit(1);
    }
    return;
  }
  for (const file of stale) fs.writeFileSync(path.join(root, file), files[file]);
  console.log(stale.length > 0 ? `Wrote ${stale.join(', ')}` : 'Up to date');
}

module.exports = { generate };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
