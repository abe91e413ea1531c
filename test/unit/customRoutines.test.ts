import * as assert from 'node:assert/strict';

import { BUILT_IN_ROUTINES } from '../../src/core/exercises/builtInRoutines';
import { EXERCISES } from '../../src/core/exercises/library';
import { BUILT_IN_ROUTINE_IDS, DEFAULT_ROUTINE_ID } from '../../src/core/exercises/routineIds';
import { intensityFor, resolveRoutine } from '../../src/core/exercises/routines';
import { parseSettings } from '../support/settings';

const parse = (values: Record<string, unknown>) => parseSettings((key) => values[key]);

describe('custom routines, the default routine and sound', () => {
  it('checks routine ids against the built-in routines themselves', () => {
    assert.deepEqual(
      [...BUILT_IN_ROUTINE_IDS],
      BUILT_IN_ROUTINES.map((r) => r.id),
    );
    assert.ok(BUILT_IN_ROUTINE_IDS.some((id) => id === DEFAULT_ROUTINE_ID));
  });

  it('reads a sound custom routine, with steps as objects or bare ids', () => {
    const { settings, problems } = parse({
      customRoutines: [
        {
          id: 'my-reset',
          name: 'My reset',
          steps: [{ exercise: 'chin-tuck', reps: 8 }, 'wall-angels', { exercise: 'doorway-stretch', holdSeconds: 30, sets: 2 }],
        },
      ],
      defaultRoutine: 'my-reset',
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.defaultRoutine, 'my-reset');
    const mine = settings.customRoutines[0];
    assert.ok(mine);
    assert.deepEqual(mine.steps, [
      { exercise: 'chin-tuck', reps: 8 },
      { exercise: 'wall-angels' },
      { exercise: 'doorway-stretch', seconds: 30, sets: 2 },
    ]);
    const resolved = resolveRoutine(mine, EXERCISES, { equipment: [], intensity: 'full' });
    assert.equal(resolved.steps.length, 3);
    const stretch = resolved.steps[2]?.dose;
    assert.ok(stretch && stretch.kind !== 'reps' && stretch.seconds === 30 && stretch.sets === 2);
  });

  it('keeps a name that is markup as plain text (it is shown as text)', () => {
    const { settings } = parse({ customRoutines: [{ id: 'x', name: '<img src=x onerror=alert(1)>', steps: ['chin-tuck'] }] });
    assert.equal(settings.customRoutines[0]?.name, '<img src=x onerror=alert(1)>');
  });

  it('skips what is malformed with one clear problem each, and keeps the rest', () => {
    const { settings, problems } = parse({
      customRoutines: [
        'not a routine',
        { id: 'posture-reset', steps: ['chin-tuck'] },
        { id: 'has space', steps: ['chin-tuck'] },
        { id: 'empty', steps: [] },
        { id: 'ok', name: 42, steps: [{ exercise: 'chin-tuck', reps: 500, sets: 'many' }, { reps: 3 }, 'no-such-exercise'] },
      ],
    });
    assert.deepEqual(
      settings.customRoutines.map((r) => r.id),
      ['ok'],
    );
    assert.equal(settings.customRoutines[0]?.name, 'ok', 'a name that is not text falls back to the id');
    assert.deepEqual(settings.customRoutines[0]?.steps, [{ exercise: 'chin-tuck', reps: 50 }, { exercise: 'no-such-exercise' }]);
    const text = problems.map((p) => `${p.setting}: ${p.found} → ${p.used} (${p.reason})`).join('\n');
    for (const expected of [
      /routine 1 is not a routine/,
      /routine 2 has an id already in use/,
      /routine 3 has no usable id/,
      /routine 4 \(empty\) has no steps/,
      /ok step 1: reps 500 → 50/,
      /ok step 1: sets "many"/,
      /ok step 2 names no exercise/,
      /routine 5 name: 42/,
    ]) {
      assert.match(text, expected);
    }
    const ok = settings.customRoutines[0];
    assert.ok(ok);
    const resolved = resolveRoutine(ok, EXERCISES, { equipment: [], intensity: 'full' });
    assert.deepEqual(
      resolved.skipped,
      [{ exercise: 'no-such-exercise', reason: 'unknownExercise' }],
      'an unknown exercise is skipped when the routine runs',
    );
  });

  it('defaults a non-list, an unknown default routine and a sound that is not true or false', () => {
    const { settings, problems } = parse({ customRoutines: { id: 'x' }, defaultRoutine: 'nope', sound: 'yes' });
    assert.deepEqual(settings.customRoutines, []);
    assert.equal(settings.defaultRoutine, 'posture-reset');
    assert.equal(settings.sound, false);
    assert.deepEqual(problems.map((p) => p.setting).sort(), ['upright.customRoutines', 'upright.defaultRoutine', 'upright.sound']);
  });

  it('uses the gentle doses for the break routines however they start, the fuller ones for longer routines', () => {
    const byId = (id: string) => BUILT_IN_ROUTINES.find((r) => r.id === id)!;
    assert.equal(intensityFor(byId('posture-reset'), false), 'gentle');
    assert.equal(intensityFor(byId('desk-stretch'), false), 'gentle');
    assert.equal(intensityFor(byId('full-upper-back'), false), 'full');
    assert.equal(intensityFor(byId('full-upper-back'), true), 'gentle');
    const minutes =
      resolveRoutine(byId('posture-reset'), EXERCISES, { equipment: ['band'], intensity: intensityFor(byId('posture-reset'), false) })
        .seconds / 60;
    assert.ok(minutes >= 1.5 && minutes <= 2.75, `Take a Break is about two minutes (${minutes.toFixed(1)})`);
  });

  it('keeps a routine a reminder starts to seated and standing moves', () => {
    const full = BUILT_IN_ROUTINES.find((r) => r.id === 'full-upper-back');
    assert.ok(full);
    const byHand = resolveRoutine(full, EXERCISES, { equipment: ['band'], intensity: 'full' });
    assert.ok(
      byHand.steps.some((s) => s.exercise.positions.every((p) => p === 'floor')),
      'started by hand it has floor moves',
    );
    const fromReminder = resolveRoutine(full, EXERCISES, { equipment: ['band'], intensity: 'gentle', deskOnly: true });
    for (const s of fromReminder.steps)
      assert.ok(
        s.exercise.positions.some((p) => p !== 'floor'),
        `${s.exercise.id} can be done at a desk`,
      );
  });

  it('adds one set to every step for progression, never past five', () => {
    const reset = BUILT_IN_ROUTINES[0];
    assert.ok(reset);
    const normal = resolveRoutine(reset, EXERCISES, { equipment: ['band'], intensity: 'full' });
    const more = resolveRoutine(reset, EXERCISES, { equipment: ['band'], intensity: 'full', extraSets: 1 });
    normal.steps.forEach((s, i) => assert.equal(more.steps[i]?.dose.sets, Math.min(5, s.dose.sets + 1)));
    assert.ok(more.seconds > normal.seconds);
  });
});
