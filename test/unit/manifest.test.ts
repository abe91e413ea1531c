import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { BUILT_IN_ROUTINES } from '../../src/core/exercises/builtInRoutines';
import { parseCustomRoutines } from '../../src/core/exercises/custom';
import { EXERCISES } from '../../src/core/exercises/library';
import { EQUIPMENT } from '../../src/core/exercises/model';
import { resolveRoutine } from '../../src/core/exercises/routines';
import { DEFAULT_SETTINGS, SETTING_SPECS, type SettingProblem, STATUS_BAR_DISPLAYS } from '../../src/core/settings';
import { COMMANDS } from '../../src/host/commandIds';
import { type JsonSchema, schemaErrors } from '../support/jsonSchema';
import { parseSettings } from '../support/settings';

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
    configuration: {
      properties: Record<
        string,
        {
          default: unknown;
          minimum?: number;
          maximum?: number;
          scope?: string;
          enum?: string[];
          items?: { enum?: string[] };
          markdownDescription?: string;
        }
      >;
    };
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
const source = sourceFiles(path.join(root, 'src'))
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');

describe('manifest', () => {
  it('has the identity and activation the design fixes', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, 'upright.upright');
    assert.equal(manifest.engines.vscode, '^1.93.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.93.0', '@types/vscode must match the minimum engine');
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
    // Each panel that comes back after a reload activates Upright for its serializer.
    const restoring = fs.readFileSync(path.join(root, 'src', 'host', 'panels', 'restoredPanels.ts'), 'utf8');
    const serialized = [...restoring.matchAll(/restore\(([A-Z_]+_VIEW_TYPE)/g)].map((m) => m[1]);
    const viewTypes = serialized.map((name) => new RegExp(`${name} = '([^']+)'`).exec(source)?.[1]);
    assert.deepEqual(
      manifest.activationEvents.filter((e) => e.startsWith('onWebviewPanel:')).sort(),
      viewTypes.map((t) => `onWebviewPanel:${t}`).sort(),
    );
    assert.ok(viewTypes.length > 0);
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.contributes.keybindings, undefined, 'no default keybindings');
  });

  it('registers every contributed command and contributes every registered one', () => {
    // Command ids are named once, in COMMANDS, and registered by name.
    const commands = fs.readFileSync(path.join(root, 'src', 'host', 'commands.ts'), 'utf8');
    const ids = new Map<string, string>(Object.entries(COMMANDS));
    const registered = new Set([...commands.matchAll(/register\(COMMANDS\.(\w+),/g)].map((m) => ids.get(m[1] ?? '')));
    for (const m of source.matchAll(/registerCommand\(\s*'([^']+)'/g)) registered.add(m[1]);
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
    assert.match(source, /command = COMMANDS\.showMenu;/);
    assert.equal(COMMANDS.showMenu, 'upright.showMenu');
    assert.ok(manifest.contributes.commands.some((c) => c.command === COMMANDS.showMenu));
  });
});

interface ExerciseIdSchema {
  enum: string[];
  enumDescriptions: string[];
}
interface CustomRoutinesSchema {
  items: { properties: { steps: { items: { anyOf: [ExerciseIdSchema, { properties: { exercise: ExerciseIdSchema } }] } } } };
}
interface Generated {
  schema: JsonSchema;
  nls: Record<string, Record<string, string>>;
  idTable: string;
  exerciseKeyPrefix: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require(path.join(root, 'scripts', 'exerciseSchema.js')) as { generate: () => Promise<Generated> };

const readJson = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;

/** Taken as written: no problem while reading the setting, and no step skipped as unknown when the routine runs. */
function codeAccepts(value: unknown): boolean {
  const problems: SettingProblem[] = [];
  const routines = parseCustomRoutines(
    value,
    BUILT_IN_ROUTINES.map((r) => r.id),
    problems,
  );
  const unknown = routines.flatMap((r) =>
    resolveRoutine(r, EXERCISES, { equipment: [...EQUIPMENT], intensity: 'full' }).skipped.filter((s) => s.reason === 'unknownExercise'),
  );
  return problems.length === 0 && unknown.length === 0;
}

describe('the upright.customRoutines schema', () => {
  const schema = manifest.contributes.configuration.properties['upright.customRoutines'] as unknown as JsonSchema;
  const [idStep, objectStep] = (schema as unknown as CustomRoutinesSchema).items.properties.steps.items.anyOf;
  const ids = EXERCISES.map((e) => e.id);

  it('offers every library exercise id, and only those, as a step and as its exercise, named in every language', () => {
    assert.deepEqual(idStep.enum, ids);
    assert.deepEqual(objectStep.properties.exercise, idStep);
    assert.equal(idStep.enumDescriptions.length, ids.length);
    for (const language of ['', 'de', 'es']) {
      const nls = readJson(language ? `package.nls.${language}.json` : 'package.nls.json');
      const names = language
        ? (readJson(`l10n/exercises.${language}.json`) as unknown as Record<string, { name: string }>)
        : Object.fromEntries(EXERCISES.map((e) => [e.id, e]));
      EXERCISES.forEach((e, i) => {
        const key = /^%(.+)%$/.exec(idStep.enumDescriptions[i] ?? '')?.[1] ?? '';
        assert.ok(nls[key]?.startsWith(`${names[e.id]?.name} — `), `${language || 'en'}: ${e.id} is described by its name (${nls[key]})`);
      });
    }
  });

  it('is what scripts/exerciseSchema.js writes from the code (run it after changing the library or the rules)', async () => {
    const generated = await generate();
    const hint = 'out of date: run node scripts/exerciseSchema.js';
    assert.deepEqual(schema, generated.schema, `package.json ${hint}`);
    for (const [file, entries] of Object.entries(generated.nls)) {
      const written = Object.fromEntries(Object.entries(readJson(file)).filter(([k]) => k.startsWith(generated.exerciseKeyPrefix)));
      assert.deepEqual(written, entries, `${file} ${hint}`);
    }
    assert.ok(
      fs.readFileSync(path.join(root, 'docs/custom-routines.md'), 'utf8').includes(`\n${generated.idTable}\n`),
      `docs/custom-routines.md's table of exercise ids ${hint}`,
    );
  });

  it("accepts the custom routines guide's example, which the code reads without a problem", () => {
    const guide = fs.readFileSync(path.join(root, 'docs/custom-routines.md'), 'utf8');
    const block = [...guide.matchAll(/```json\n([^`]*)```/g)]
      .map((m) => m[1] ?? '')
      .find((b) => b.trimStart().startsWith('"upright.customRoutines"'));
    assert.ok(block, 'docs/custom-routines.md shows an upright.customRoutines example');
    const example = (JSON.parse(`{${block}}`) as Record<string, unknown>)['upright.customRoutines'];
    assert.ok(Array.isArray(example) && example.length > 0);
    assert.deepEqual(schemaErrors(schema, example), []);
    assert.ok(codeAccepts(example));
    // Both step forms are shown, so the bare id the schema once refused stays covered.
    const steps = example.flatMap((r: { steps: unknown[] }) => r.steps);
    assert.ok(steps.some((s) => typeof s === 'string') && steps.some((s) => typeof s === 'object'));
  });

  it('accepts exactly what the code takes as written', () => {
    const withStep = (step: unknown): unknown => [{ id: 'mine', steps: [step] }];
    const withRoutine = (fields: Record<string, unknown>): unknown => [{ id: 'mine', steps: ['chin-tuck'], ...fields }];
    const routines = (count: number): unknown => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, steps: ['chin-tuck'] }));
    // Repeated ids across routines are left out: JSON Schema cannot compare items by one field, so
    // only the parser's warning catches them.
    const values: unknown[] = [
      [],
      [{ id: 'every-id', steps: ids }],
      [{ id: 'every-object', steps: ids.map((exercise) => ({ exercise })) }],
      withStep({ exercise: 'chin-tuck', reps: 1, holdSeconds: 1, sets: 1 }),
      withStep({ exercise: 'chin-tuck', reps: 50, holdSeconds: 300, sets: 10 }),
      withStep({ exercise: 'chin-tuck', note: 'other fields are ignored' }),
      withStep({ exercise: 'chin-tuck', reps: 0 }),
      withStep({ exercise: 'chin-tuck', reps: 51 }),
      withStep({ exercise: 'chin-tuck', reps: 2.5 }),
      withStep({ exercise: 'chin-tuck', reps: '8' }),
      withStep({ exercise: 'doorway-stretch', holdSeconds: 0 }),
      withStep({ exercise: 'doorway-stretch', holdSeconds: 301 }),
      withStep({ exercise: 'chin-tuck', sets: 0 }),
      withStep({ exercise: 'chin-tuck', sets: 11 }),
      withStep({ exercise: 'chin-tuck', sets: null }),
      withStep('no-such-move'),
      withStep({ exercise: 'no-such-move' }),
      withStep('Chin-Tuck'),
      withStep(''),
      withStep(42),
      withStep(null),
      withStep({}),
      withStep({ reps: 3 }),
      withStep(['chin-tuck']),
      withRoutine({ id: 'A_1' }),
      withRoutine({ id: 'x'.repeat(64) }),
      withRoutine({ id: 'x'.repeat(65) }),
      withRoutine({ id: 'has space' }),
      withRoutine({ id: '-dash-first' }),
      withRoutine({ id: 'Posture-Reset' }),
      withRoutine({ id: 7 }),
      ...BUILT_IN_ROUTINES.map((r) => withRoutine({ id: r.id })),
      [{ steps: ['chin-tuck'] }],
      withRoutine({ name: 'My reset' }),
      withRoutine({ name: 'two  spaces inside' }),
      withRoutine({ name: 'é'.repeat(80) }),
      withRoutine({ name: '😀'.repeat(80) }),
      withRoutine({ name: '😀'.repeat(81) }),
      withRoutine({ name: 'x'.repeat(81) }),
      withRoutine({ name: '' }),
      withRoutine({ name: '   ' }),
      withRoutine({ name: ' leading' }),
      withRoutine({ name: 'trailing ' }),
      withRoutine({ name: '\u00a0no-break space' }),
      withRoutine({ name: 'a\ttab' }),
      withRoutine({ name: 'two\nlines' }),
      withRoutine({ name: 'line\u2028separator' }),
      withRoutine({ name: 'bell\u0007' }),
      withRoutine({ name: 42 }),
      withRoutine({ steps: [] }),
      withRoutine({ steps: 'chin-tuck' }),
      withRoutine({ steps: Array.from({ length: 40 }, () => 'chin-tuck') }),
      withRoutine({ steps: Array.from({ length: 41 }, () => 'chin-tuck') }),
      [{ id: 'mine' }],
      routines(50),
      routines(51),
      ['not a routine'],
      [null],
      {},
      'chin-tuck',
    ];
    const verdicts = values.map((value) => {
      const bySchema = schemaErrors(schema, value).length === 0;
      assert.equal(
        bySchema,
        codeAccepts(value),
        `${JSON.stringify(value).slice(0, 200)}: the schema ${bySchema ? 'accepts' : 'refuses'} it, the code does not`,
      );
      return bySchema;
    });
    // Both answers come up, so neither side can agree by always saying yes or no.
    assert.ok(verdicts.filter(Boolean).length >= 10 && verdicts.filter((v) => !v).length >= 30);
  });
});

describe('the upright.workingHours and upright.quietTimes schemas', () => {
  const properties = manifest.contributes.configuration.properties;
  const codeAccepts = (key: string, value: unknown): boolean => parseSettings((k) => (k === key ? value : undefined)).problems.length === 0;
  const range = { start: '10:00', end: '10:15' };
  const slots = (count: number): unknown[] =>
    Array.from({ length: count }, (_, i) => ({
      start: `${String(i % 24).padStart(2, '0')}:00`,
      end: `${String(i % 24).padStart(2, '0')}:30`,
      days: [['sun', 'mon', 'tue'][Math.floor(i / 24)]],
    }));
  // What a schema cannot see is left out: a range from a time to itself, repeated days, slots that overlap.
  const values: Readonly<Record<string, readonly unknown[]>> = {
    'upright.workingHours': [
      { enabled: true, start: '08:30', end: '17:00', days: ['mon', 'fri'] },
      { enabled: false },
      [],
      [{ start: '08:00', end: '12:00' }, { enabled: true, start: '13:00', end: '17:30', days: ['mon'] }, { enabled: false }],
      slots(50),
      slots(51),
      { enabled: true, start: '25:00' },
      [{ start: '9' }],
      [{ ...range, days: [] }],
      [{ ...range, days: ['Mon'] }],
      [{ ...range, enabled: 'yes' }],
      ['09:00'],
      'always',
      7,
    ],
    'upright.quietTimes': [
      [],
      [range],
      [
        { ...range, days: ['mon', 'fri'], sitting: true },
        { start: '23:30', end: '00:15', days: ['sun'] },
      ],
      slots(50),
      slots(51),
      [{ start: '10:00' }],
      [{ end: '10:00' }],
      [{ ...range, days: [] }],
      [{ ...range, days: ['Mon'] }],
      [{ ...range, sitting: 'yes' }],
      [{ start: '25:99', end: '10:00' }],
      [{ start: ' 10:00', end: '10:30' }],
      ['10:00'],
      {},
    ],
  };

  for (const [key, cases] of Object.entries(values)) {
    it(`${key} accepts exactly what the code takes as written`, () => {
      const schema = properties[key] as unknown as JsonSchema;
      for (const value of cases)
        assert.equal(
          schemaErrors(schema, value).length === 0,
          codeAccepts(key.slice('upright.'.length), value),
          JSON.stringify(value).slice(0, 120),
        );
    });
  }
});
