import * as assert from 'node:assert/strict';

import { exercisesPageData, firstRoutineNote, formatDose } from '../../src/core/exercises/cards';
import { exerciseLabels } from '../../src/core/exercises/labels';
import { EXERCISES } from '../../src/core/exercises/library';
import { parseExercisesPageData, parseFromExercisesPage, parseToExercisesPage } from '../../src/shared/exercisesPage';
import { parseToRoutinePage } from '../../src/shared/routinePage';

describe('Browse Exercises page contract', () => {
  it('gives every exercise a card, and says what stands in when equipment is missing', () => {
    const data = exercisesPageData(EXERCISES, [], 'auto', exerciseLabels());
    assert.equal(data.exercises.length, EXERCISES.length);
    const pullApart = data.exercises.find((c) => c.id === 'band-pull-apart');
    assert.equal(pullApart?.canDo, false);
    assert.equal(pullApart?.standIn?.id, 'y-t-w-raise');
    assert.equal(data.equipmentSummary, 'Your equipment: none');
    for (const card of data.exercises) if (!card.canDo) assert.ok(card.standIn, `${card.id} has a stand-in`);
    const withBand = exercisesPageData(EXERCISES, ['band'], 'on', exerciseLabels());
    assert.equal(withBand.exercises.find((c) => c.id === 'band-pull-apart')?.canDo, true);
    assert.equal(withBand.exercises.find((c) => c.id === 'band-pull-apart')?.standIn, undefined);
    assert.ok(parseExercisesPageData(JSON.parse(JSON.stringify(withBand))), 'the page accepts what the host builds');
  });

  it('tells a person with a condition to ask a doctor or physical therapist, on the exercises page and through their first routine', () => {
    const NOTE = 'Ask a doctor or physical therapist first if you have a health condition or an injury.';
    const data = exercisesPageData(EXERCISES, [], 'auto', exerciseLabels());
    assert.equal(data.conditionNote, NOTE);
    const without = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    delete without.conditionNote;
    assert.equal(parseExercisesPageData(without), undefined, 'the page needs the note');
    // The routine page: the first routine a person does (no routine recorded yet), and not after.
    assert.equal(firstRoutineNote({}), NOTE);
    assert.equal(firstRoutineNote({ 'posture-reset': { completions: 1, lastDoneWallMs: 0 } }), null);
    const player = { segment: 0, status: 'running', remainingMs: 1, early: false, done: [], completedSteps: [], progress: 0 };
    const page = { routineId: 'r', exerciseId: null, fromReminder: false, routineName: 'R', steps: [], segments: [] };
    const routine = (extra: object): unknown =>
      parseToRoutinePage({ type: 'routine', data: { ...page, reduceMotion: 'auto', sound: false, ...extra }, player });
    assert.ok(routine({ conditionNote: NOTE }));
    assert.ok(routine({ conditionNote: null }));
    assert.equal(routine({}), undefined, 'the host always says whether to show it');
  });

  it('describes doses in a few words', () => {
    assert.equal(
      formatDose({ kind: 'reps', reps: 10, secondsPerRep: 5, holdSeconds: 3, sets: 1, perSide: false, restSeconds: 0, source: 'x' }),
      '10 reps, 3 s hold',
    );
    assert.equal(
      formatDose({ kind: 'hold', seconds: 20, sets: 2, perSide: true, restSeconds: 5, source: 'x' }),
      'Hold 20 s each side, 2 times',
    );
    assert.equal(formatDose({ kind: 'timed', seconds: 30, sets: 3, perSide: false, restSeconds: 5, source: 'x' }), '30 s, 3 sets');
  });

  it('accepts only the messages the page may send', () => {
    assert.deepEqual(parseFromExercisesPage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromExercisesPage({ type: 'changeEquipment' }), { type: 'changeEquipment' });
    assert.deepEqual(parseFromExercisesPage({ type: 'start', exerciseId: 'chin-tuck' }), { type: 'start', exerciseId: 'chin-tuck' });
    for (const bad of [
      { type: 'start' },
      { type: 'start', exerciseId: 7 },
      { type: 'start', exerciseId: '../../x' },
      { type: 'start', exerciseId: 'a'.repeat(100) },
      { type: 'start', exerciseId: 'chin-tuck', extra: true },
    ]) {
      assert.equal(parseFromExercisesPage(bad), undefined, JSON.stringify(bad));
    }
    const junk: unknown[] = [
      null,
      undefined,
      'ready',
      42,
      [],
      {},
      { type: 'READY' },
      { type: 'ready', extra: 1 },
      { type: 'openSettings' },
      { type: { toString: () => 'ready' } },
      JSON.parse('{"type":"ready","__proto__":{"x":1}}'),
    ];
    for (const j of junk) assert.equal(parseFromExercisesPage(j), undefined, JSON.stringify(j) ?? String(j));
  });

  it('makes the page ignore a malformed update from the host', () => {
    const good = exercisesPageData(EXERCISES.slice(0, 2), [], 'off', exerciseLabels());
    assert.ok(parseToExercisesPage({ type: 'update', data: good }));
    const broken = [
      { type: 'update' },
      { type: 'update', data: { ...good, reduceMotion: 'sometimes' } },
      { type: 'update', data: { ...good, exercises: [{ ...good.exercises[0], steps: '<img src=x onerror=alert(1)>' }] } },
      { type: 'update', data: { ...good, exercises: [{ ...good.exercises[0], tempo: { secondsPerRep: 0, holdSeconds: 0 } }] } },
      { type: 'other', data: good },
    ];
    for (const b of broken) assert.equal(parseToExercisesPage(b), undefined);
  });
});
