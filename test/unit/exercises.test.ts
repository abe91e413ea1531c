import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { BUILT_IN_ROUTINES } from '../../src/core/exercises/builtInRoutines';
import { EXERCISES } from '../../src/core/exercises/library';
import { type Exercise } from '../../src/core/exercises/model';
import { doseSeconds, resolveRoutine, type Routine, substitute, TRANSITION_SECONDS } from '../../src/core/exercises/routines';
import { equipmentCombinations, validateLibrary, validateRoutines } from '../../src/core/exercises/validate';
import { DEFAULT_EQUIPMENT, parseEquipment, type SettingProblem } from '../../src/core/settings';

const byId = new Map(EXERCISES.map((e) => [e.id, e]));
const routine = (id: string): Routine => {
  const r = BUILT_IN_ROUTINES.find((x) => x.id === id);
  assert.ok(r, id);
  return r;
};

describe('exercise library', () => {
  it('is valid: fields, doses with sources, steps, cues, cautions, substitutes', () => {
    assert.deepEqual(validateLibrary(EXERCISES), []);
  });

  it('has every exercise the article names, plus chin tucks, pull-aparts and equipment-free stand-ins', () => {
    const named = [
      // warm-up
      'neck-rolls',
      'shoulder-rolls',
      'arm-circles',
      'overhead-reach',
      'chair-rotation',
      'cat-cow',
      'knee-to-chest',
      'thoracic-extension',
      // rows and their variants
      'bent-over-row',
      'one-arm-dumbbell-row',
      'band-row',
      'renegade-row',
      'high-barbell-row',
      // posture work
      'face-pull',
      'scapular-squeeze',
      'wall-angels',
      'reverse-fly',
      'chin-tuck',
      'band-pull-apart',
      // lower back and grip
      'back-extension',
      'bird-dog',
      'bridge',
      'farmer-carry',
      'dead-hang',
      'ball-squeeze',
      // stretches
      'doorway-stretch',
      'childs-pose',
      'butterfly-stretch',
      'upper-trap-stretch',
      'levator-scapulae-stretch',
      'rhomboid-stretch',
      // stand-ins
      'y-t-w-raise',
      'doorframe-row',
      'w-retraction',
    ];
    const missing = named.filter((id) => !byId.has(id));
    assert.deepEqual(missing, []);
  });

  it('is written in its own words: no line shares six words in a row with the source article', () => {
    const seedFile = path.resolve(__dirname, '../../../../shared/seed/upper-back-exercises.txt');
    if (!fs.existsSync(seedFile)) return; // the article sits beside the repository, not in it
    const words = (t: string): string[] =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9' ]+/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const seedWords = words(fs.readFileSync(seedFile, 'utf8'));
    const seedRuns = new Set<string>();
    for (let i = 0; i + 6 <= seedWords.length; i++) seedRuns.add(seedWords.slice(i, i + 6).join(' '));
    const copied: string[] = [];
    for (const e of EXERCISES) {
      for (const line of [e.summary, ...e.steps, ...e.cues, e.caution]) {
        const w = words(line);
        for (let i = 0; i + 6 <= w.length; i++) if (seedRuns.has(w.slice(i, i + 6).join(' '))) copied.push(`${e.id}: "${line}"`);
      }
    }
    assert.deepEqual([...new Set(copied)], []);
  });

  it('paces a rep with a hold so there is a second or more to move into it and out of it', () => {
    const squeeze = byId.get('scapular-squeeze');
    assert.ok(squeeze?.dose.kind === 'reps');
    // Squeeze, hold 5 s, release slowly: 8 s a rep.
    assert.equal(squeeze.dose.secondsPerRep, 8);
    assert.equal(squeeze.dose.holdSeconds, 5);
    const rushed: Exercise = {
      ...squeeze,
      id: 'rushed',
      dose: { ...squeeze.dose, secondsPerRep: 6, holdSeconds: 5 },
    };
    assert.match(validateLibrary([rushed]).join('\n'), /rushed dose: a 5 s hold leaves under a second each way in a 6 s rep/);
  });

  it('warns of what can go wrong around the move: a chair that turns or rolls, a slipping foot or weak door, a bad shoulder', () => {
    const warned: [string, RegExp[], RegExp[], RegExp[]][] = [
      ['chair-rotation', [/swivel/, /rolling/], [/Drehstuhl/, /Rollen/], [/giratoria/, /ruedas/]],
      ['thoracic-extension', [/swivel/, /rolling/], [/Drehstuhl/, /Rollen/], [/giratoria/, /ruedas/]],
      ['doorframe-row', [/never the door itself/, /slide/], [/nie an der Tür/, /wegrutschen/], [/nunca a la puerta/, /resbalen/]],
      ['dead-hang', [/painful/, /dislocated/, /doctor or physical therapist/], [/schmerzt/, /ausgekugelt/], [/duele/, /dislocado/]],
    ];
    const read = (language: string): Record<string, { caution: string }> =>
      JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../../l10n/exercises.${language}.json`), 'utf8')) as Record<
        string,
        { caution: string }
      >;
    const [de, es] = [read('de'), read('es')];
    for (const [id, english, german, spanish] of warned) {
      for (const word of english) assert.match(byId.get(id)?.caution ?? '', word, id);
      for (const word of german) assert.match(de[id]?.caution ?? '', word, `${id} (de)`);
      for (const word of spanish) assert.match(es[id]?.caution ?? '', word, `${id} (es)`);
    }
  });

  it('finds a problem in a broken library (the validator is not a rubber stamp)', () => {
    const good = byId.get('band-pull-apart');
    assert.ok(good);
    const broken: Exercise[] = [
      { ...good, id: 'Bad Id', steps: ['only one'], substitutes: ['nowhere'] },
      { ...good, id: 'stranded', substitutes: [] },
      {
        ...good,
        id: 'weak-dose',
        dose: { kind: 'reps', reps: 0, secondsPerRep: 3, holdSeconds: 5, sets: 1, perSide: false, restSeconds: 0, source: '' },
      },
    ];
    const problems = validateLibrary(broken).join('\n');
    for (const expected of [
      /Bad Id: id is not kebab-case/,
      /Bad Id: 1 steps/,
      /unknown substitute nowhere/,
      /stranded: no equipment-free stand-in/,
      /weak-dose dose: reps 0/,
      /does not fit/,
      /source note/,
    ]) {
      assert.match(problems, expected);
    }
  });
});

describe('built-in routines', () => {
  it('name only known exercises', () => {
    assert.deepEqual(validateRoutines(BUILT_IN_ROUTINES, EXERCISES), []);
    assert.deepEqual(
      BUILT_IN_ROUTINES.map((r) => r.id),
      ['posture-reset', 'desk-stretch', 'warm-up', 'full-upper-back', 'lower-back-and-grip'],
    );
  });

  it('resolve completely for every combination of equipment, at both intensities', () => {
    for (const equipment of equipmentCombinations()) {
      for (const intensity of ['gentle', 'full'] as const) {
        for (const r of BUILT_IN_ROUTINES) {
          const resolved = resolveRoutine(r, EXERCISES, { equipment, intensity });
          assert.deepEqual(resolved.skipped, [], `${r.id} with [${equipment.join(', ')}]`);
          assert.equal(resolved.steps.length, r.steps.length);
          for (const step of resolved.steps) {
            assert.ok(
              step.exercise.equipment.every((q) => equipment.includes(q)),
              `${r.id}: ${step.exercise.id} needs only what is owned`,
            );
            if (r.forReminders)
              assert.ok(
                step.exercise.positions.some((p) => p !== 'floor'),
                `${r.id}: ${step.exercise.id} can be done at a desk`,
              );
          }
        }
      }
    }
  });

  it('take about as long as the design says', () => {
    const minutes = (id: string, intensity: 'gentle' | 'full', equipment = DEFAULT_EQUIPMENT): number =>
      resolveRoutine(routine(id), EXERCISES, { equipment, intensity }).seconds / 60;
    const within = (id: string, intensity: 'gentle' | 'full', low: number, high: number): void => {
      for (const equipment of [DEFAULT_EQUIPMENT, [], ['band', 'dumbbells', 'barbell', 'pullUpBar'] as const]) {
        const m = minutes(id, intensity, equipment);
        assert.ok(
          m >= low && m <= high,
          `${id} (${intensity}, [${equipment.join(', ')}]) takes ${m.toFixed(1)} min, wanted ${low}–${high}`,
        );
      }
    };
    within('posture-reset', 'gentle', 1.5, 2.75);
    within('desk-stretch', 'gentle', 2.25, 4);
    within('warm-up', 'full', 3.5, 6.5);
    within('full-upper-back', 'full', 11, 20);
  });

  it('desk-stretch keeps its promise: every move done sitting at the desk, the chest opened too', () => {
    const moves = routine('desk-stretch').steps.map((s) => byId.get(s.exercise));
    for (const e of moves) {
      assert.ok(e?.positions.includes('seated'), `${e?.id ?? '?'} can be done in the chair`);
      assert.doesNotMatch(
        [...(e?.steps ?? []), e?.summary].join(' '),
        /door|wall|floor/i,
        `${e?.id ?? '?'} needs nothing away from the desk`,
      );
    }
    assert.ok(
      moves.some((e) => e?.category === 'stretch' && e.muscles[0] === 'chest'),
      'a chest stretch',
    );
  });

  it('full-upper-back follows the recipe: warm-up, 3–5 strength moves with a row and a posture move, 3–5 stretches', () => {
    for (const equipment of equipmentCombinations()) {
      const steps = resolveRoutine(routine('full-upper-back'), EXERCISES, { equipment, intensity: 'full' }).steps.map(
        (s) => s.exercise.category,
      );
      const firstStrength = steps.findIndex((c) => c === 'row' || c === 'posture');
      const firstStretch = steps.indexOf('stretch');
      assert.ok(firstStrength > 0 && steps.slice(0, firstStrength).every((c) => c === 'warmUp'), 'warm-up first');
      const strength = steps.slice(firstStrength, firstStretch);
      assert.ok(strength.length >= 3 && strength.length <= 5);
      assert.ok(
        strength.includes('row') && strength.includes('posture'),
        `a row and a posture move with [${equipment.join(', ')}]: ${strength.join(', ')}`,
      );
      const stretches = steps.slice(firstStretch);
      assert.ok(stretches.length >= 3 && stretches.length <= 5 && stretches.every((c) => c === 'stretch'));
    }
  });

  it('swaps band pull-aparts for an equipment-free move when there is no band, and says what it replaced', () => {
    const withBand = resolveRoutine(routine('posture-reset'), EXERCISES, { equipment: ['band'], intensity: 'gentle' });
    assert.equal(withBand.steps[2]?.exercise.id, 'band-pull-apart');
    assert.equal(withBand.steps[2]?.replaces, undefined);
    const without = resolveRoutine(routine('posture-reset'), EXERCISES, { equipment: [], intensity: 'gentle' });
    assert.equal(without.steps[2]?.exercise.id, 'y-t-w-raise');
    assert.equal(without.steps[2]?.replaces?.id, 'band-pull-apart');
    assert.deepEqual(without.steps[2]?.exercise.equipment, []);
  });

  it('skips an unknown exercise in a routine and keeps the rest', () => {
    const custom: Routine = {
      id: 'mine',
      name: '<b>Mine</b>',
      summary: '',
      forReminders: false,
      steps: [{ exercise: 'chin-tuck', reps: 4 }, { exercise: 'handstand-push-up' }, { exercise: 'bridge', sets: 2 }],
    };
    const resolved = resolveRoutine(custom, EXERCISES, { equipment: [], intensity: 'full' });
    assert.deepEqual(resolved.skipped, [{ exercise: 'handstand-push-up', reason: 'unknownExercise' }]);
    assert.deepEqual(
      resolved.steps.map((s) => s.exercise.id),
      ['chin-tuck', 'bridge'],
    );
    const tuck = resolved.steps[0]?.dose;
    assert.ok(tuck?.kind === 'reps' && tuck.reps === 4, 'the routine’s reps override the exercise’s');
    assert.equal(resolved.steps[1]?.dose.sets, 2);
    assert.equal(resolved.seconds, (resolved.steps[0]?.seconds ?? 0) + (resolved.steps[1]?.seconds ?? 0) + TRANSITION_SECONDS);
  });

  it('times a dose with its sets, sides and rests', () => {
    assert.equal(
      doseSeconds({ kind: 'reps', reps: 10, secondsPerRep: 4, sets: 2, perSide: false, restSeconds: 15, source: 'x' }),
      2 * 40 + 15,
    );
    assert.equal(doseSeconds({ kind: 'hold', seconds: 20, sets: 2, perSide: true, restSeconds: 5, source: 'x' }), 4 * 20 + 3 * 5);
    assert.equal(doseSeconds({ kind: 'timed', seconds: 30, sets: 1, perSide: false, restSeconds: 10, source: 'x' }), 30);
  });

  it('prefers a stand-in in the same position, and finds none when nothing fits', () => {
    const pullApart = byId.get('band-pull-apart');
    assert.ok(pullApart);
    const seated = substitute(pullApart, byId, new Set(), new Set(['seated']));
    assert.ok(seated && seated.positions.includes('seated') && seated.equipment.length === 0);
    assert.equal(substitute({ ...pullApart, substitutes: [] }, byId, new Set(), new Set(['standing'])), undefined);
  });
});

describe('upright.equipment', () => {
  const parse = (raw: unknown): { value: readonly string[]; problems: SettingProblem[] } => {
    const problems: SettingProblem[] = [];
    return { value: parseEquipment(raw, problems), problems };
  };

  it('defaults to a band, and accepts any list of known items, empty included', () => {
    assert.deepEqual(parse(undefined), { value: ['band'], problems: [] });
    assert.deepEqual(parse([]), { value: [], problems: [] });
    assert.deepEqual(parse(['pullUpBar', 'band']).value, ['band', 'pullUpBar']);
  });

  it('drops unknown and repeated items with one problem naming the value used, and defaults a non-list', () => {
    const r = parse(['band', 'kettlebell', 'band', 7]);
    assert.deepEqual(r.value, ['band']);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]?.setting, 'upright.equipment');
    assert.equal(r.problems[0]?.used, '["band"]');
    for (const bad of ['band', 3, null, { band: true }]) {
      const p = parse(bad);
      assert.deepEqual(p.value, ['band']);
      assert.equal(p.problems.length, 1);
    }
  });
});
