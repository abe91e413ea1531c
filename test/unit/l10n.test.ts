import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { BUILT_IN_ROUTINES } from '../../src/core/exercises/builtInRoutines';
import { formatDose } from '../../src/core/exercises/cards';
import { EXERCISES } from '../../src/core/exercises/library';
import { type Exercise } from '../../src/core/exercises/model';
import { translatedLibrary, validateLibrary, validateTranslation } from '../../src/core/exercises/validate';
import { libraryFiles } from '../../src/host/library';
import { bundleTranslator, fill, t, useTranslator } from '../../src/shared/l10n';
const root = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extractMessages, placeholders } = require(path.join(root, 'scripts', 'lib', 'l10nKeys.js')) as {
  extractMessages: (root: string) => { keys: Map<string, string[]>; problems: string[] };
  placeholders: (message: string) => string[];
};

const LANGUAGES = ['de', 'es'];
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

/** Every `%key%` the manifest uses. */
function manifestKeys(): string[] {
  const keys: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const [, key] of value.matchAll(/^%([^%]+)%$/g)) keys.push(key ?? '');
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(readJson('package.json'));
  return keys;
}

/** Differences between what a bundle holds and what it must hold, placeholders included. */
function compare(expected: Iterable<string>, bundle: Record<string, unknown>, english: (key: string) => string = (k) => k): string[] {
  const want = new Set(expected);
  const problems: string[] = [];
  for (const key of want) {
    const value = bundle[key];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`missing: ${JSON.stringify(key)}`);
    else if (placeholders(value).join() !== placeholders(english(key)).join())
      problems.push(`placeholders differ: ${JSON.stringify(key)} → ${JSON.stringify(value)}`);
  }
  for (const key of Object.keys(bundle)) if (!want.has(key)) problems.push(`not used any more: ${JSON.stringify(key)}`);
  return problems;
}

describe('languages', () => {
  const { keys, problems } = extractMessages(path.join(root, 'src'));

  it('finds every message in the sources, each a literal', () => {
    assert.deepEqual(problems, []);
    // A floor, so a broken extractor cannot pass by finding nothing.
    assert.ok(keys.size > 250, `${keys.size} messages`);
    assert.ok(
      keys.has('Break due') &&
        keys.has('Routine done') &&
        keys.has('Your stats') &&
        keys.has('{0} of {1} exercises completed. It counts as a break.'),
    );
  });

  for (const language of LANGUAGES) {
    it(`${language}: the bundle translates every message of the code, and nothing else`, () => {
      assert.deepEqual(compare(keys.keys(), readJson(`l10n/bundle.l10n.${language}.json`)), []);
    });

    it(`${language}: the manifest's strings are all translated`, () => {
      const english = readJson('package.nls.json') as Record<string, string>;
      assert.deepEqual(
        compare(Object.keys(english), readJson(`package.nls.${language}.json`), (k) => english[k] ?? ''),
        [],
      );
    });

    it(`${language}: the exercise library's text is complete`, () => {
      const translation = readJson(`l10n/exercises.${language}.json`);
      assert.deepEqual(validateTranslation(EXERCISES, translation), []);
      const library = translatedLibrary(EXERCISES, translation as Record<string, Partial<Exercise>>);
      // Only the text changes: the ids, doses and everything the rules check stay valid.
      assert.deepEqual(
        validateLibrary(library).filter((p) => !/characters|too long/.test(p)),
        [],
      );
      assert.deepEqual(
        library.map((e) => [e.id, e.dose, e.equipment]),
        EXERCISES.map((e) => [e.id, e.dose, e.equipment]),
      );
      assert.notEqual(library[0]?.name, EXERCISES[0]?.name);
    });
  }

  for (const language of LANGUAGES) {
    it(`${language}: every exercise has a name in the language, not the English one`, () => {
      const translation = readJson(`l10n/exercises.${language}.json`) as Record<string, { name: string }>;
      // The English words of the library's names (letters, e.g. the Y, T and W of a raise, are not words).
      // Words spelt the same in both languages are fine: a German Band is a band, a Ball a ball.
      const shared = new Set(['Band', 'Ball']);
      const english = new Set(EXERCISES.flatMap((e) => e.name.split(/[\s-]+/)).filter((w) => w.length > 2 && !shared.has(w)));
      const untranslated = EXERCISES.flatMap((e) => {
        const name = translation[e.id]?.name ?? '';
        const words = name.split(/[\s-]+/).filter((w) => english.has(w) || english.has(w.replace(/s$/, '')));
        return name === e.name || words.length > 0 ? [`${e.id}: ${name}`] : [];
      });
      assert.deepEqual(untranslated, []);
    });
  }

  it('every manifest string is in package.nls.json, and the manifest keeps no English of its own', () => {
    const english = readJson('package.nls.json');
    const used = manifestKeys();
    assert.deepEqual(
      used.filter((k) => !(k in english)),
      [],
    );
    assert.deepEqual(
      Object.keys(english).filter((k) => !used.includes(k)),
      [],
    );
    const manifest = readJson('package.json') as { contributes: { commands: { title: string }[] } };
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/);
  });

  it('a translation with a step too few, an unknown id or markup is refused', () => {
    const good = readJson('l10n/exercises.de.json');
    const first = EXERCISES[0]!;
    const short = { ...good, [first.id]: { ...(good[first.id] as object), steps: ['nur einer'] } };
    assert.match(validateTranslation(EXERCISES, short).join(), /steps must be/);
    assert.match(validateTranslation(EXERCISES, { ...good, 'no-such-move': {} }).join(), /not in the library/);
    const marked = { ...good, [first.id]: { ...(good[first.id] as object), caution: '<b>Achtung</b>' } };
    assert.match(validateTranslation(EXERCISES, marked).join(), /markup/);
  });

  it('fills placeholders and falls back to English for a message the bundle lacks', () => {
    assert.equal(fill('{1} before {0}', 'a', 2), '2 before a');
    assert.equal(fill('kept {0} {1}', 'x'), 'kept x {1}');
    const de = bundleTranslator({ 'Rep {0} of {1}': 'Wiederholung {0} von {1}', broken: 3 });
    assert.equal(de('Rep {0} of {1}', 3, 10), 'Wiederholung 3 von 10');
    assert.equal(de('Not in the bundle {0}', 1), 'Not in the bundle 1');
    assert.equal(de('broken'), 'broken');
  });

  it('core text follows the installed translator, read at the moment it is shown', () => {
    const bundle = readJson('l10n/bundle.l10n.de.json');
    try {
      useTranslator(bundleTranslator(bundle));
      assert.equal(BUILT_IN_ROUTINES[0]?.name, bundle['Posture Reset']);
      assert.equal(
        formatDose({ kind: 'hold', seconds: 20, sets: 2, perSide: true, restSeconds: 5, source: 'test' }),
        `${fill(String(bundle['Hold {0} s']), 20)}${String(bundle[' each side'])}${fill(String(bundle[', {0} times']), 2)}`,
      );
      assert.equal(t('Break due'), bundle['Break due']);
    } finally {
      useTranslator(fill);
    }
    assert.equal(BUILT_IN_ROUTINES[0]?.name, 'Posture Reset');
  });

  it('picks the library file for a display language, English last', () => {
    assert.deepEqual(libraryFiles('de'), ['exercises.de.json', 'exercises.json']);
    assert.deepEqual(libraryFiles('de-CH'), ['exercises.de-ch.json', 'exercises.de.json', 'exercises.json']);
    assert.deepEqual(libraryFiles('en'), ['exercises.json']);
    assert.deepEqual(libraryFiles('en-US'), ['exercises.en-us.json', 'exercises.json']);
    assert.deepEqual(libraryFiles('../../x'), ['exercises.x.json', 'exercises.json']);
  });
});
