import * as assert from 'node:assert/strict';

import {
  applyOps,
  breakEpisode,
  claimPrompt,
  commitOps,
  emptyLedger,
  type Ledger,
  type LedgerOp,
  readLedger,
  rebaseFutureMoments,
  type ReminderAnswer,
  reminderStateOf,
  todayRecord,
} from '../../src/core/ledger';
import { evaluate, FULL_ROUTINE_ID, pauseReminders, type ReminderSettings, skip, snooze } from '../../src/core/reminders/scheduler';
import { fixedOffsetCalendar } from '../support/time';

const DAY = '2026-03-02';

/** An answer given at `atWallMs` on `dayKey`, as the tracker queues it. */
function answerOp(answer: ReminderAnswer, atWallMs = 1_000, dayKey = DAY): LedgerOp {
  return { type: 'reminder', answer, atWallMs, dayKey };
}

describe('ledger model', () => {
  it('adds credit to today and the session, and moves the last activity forward only', () => {
    const l = applyOps(emptyLedger(DAY), [
      { type: 'credit', ms: 1000, dayKey: DAY, endWallMs: 50 },
      { type: 'credit', ms: 500, dayKey: DAY, endWallMs: 40 },
    ]);
    assert.equal(l.todayActiveMs, 1500);
    assert.equal(l.activeMsSinceBreak, 1500);
    assert.equal(l.lastActivityWallMs, 50);
  });

  it('starts a new day on credit for a later day, and keeps late credit for an ended day out of today', () => {
    let l = applyOps(emptyLedger(DAY), [{ type: 'credit', ms: 1000, dayKey: DAY, endWallMs: 1 }]);
    l = applyOps(l, [{ type: 'credit', ms: 200, dayKey: '2026-03-03', endWallMs: 2 }]);
    assert.deepEqual([l.dayKey, l.todayActiveMs, l.activeMsSinceBreak], ['2026-03-03', 200, 1200]);
    l = applyOps(l, [{ type: 'credit', ms: 50, dayKey: DAY, endWallMs: 3 }]);
    assert.deepEqual([l.dayKey, l.todayActiveMs, l.activeMsSinceBreak], ['2026-03-03', 200, 1250]);
  });

  it('a reminder shown while storage refused the claim is counted once, when its answer is written', () => {
    const day = '2026-03-02';
    const l = emptyLedger(day);
    const shown = { type: 'reminder', answer: { set: {}, shown: breakEpisode(l) }, atWallMs: 1, dayKey: day } as const;
    const once = applyOps(l, [shown]);
    assert.equal(once.todayReminders, 1);
    assert.equal(applyOps(once, [shown]).todayReminders, 1, 'written twice, counted once');
    const claimed = claimPrompt(once, { id: 'p', owner: 'w', claimedAtWallMs: 2, expiresAtWallMs: 60_000 }, 2, {
      episode: breakEpisode(l),
      dayKey: day,
    });
    assert.equal(claimed.ledger.todayReminders, 1, 'nor again when it is claimed later');
  });

  it('counts breaks by kind and resets the session', () => {
    const l = applyOps(emptyLedger(DAY), [
      { type: 'credit', ms: 1000, dayKey: DAY, endWallMs: 10 },
      { type: 'break', kind: 'manual', atWallMs: 20, dayKey: DAY },
      { type: 'credit', ms: 300, dayKey: DAY, endWallMs: 30 },
    ]);
    assert.equal(l.activeMsSinceBreak, 300);
    assert.equal(l.todayBreaks.manual, 1);
    assert.deepEqual(l.lastBreak, { atWallMs: 20, kind: 'manual' });
  });

  it('applies a natural break only if nobody was active since, and only once', () => {
    const base = applyOps(emptyLedger(DAY), [{ type: 'credit', ms: 1000, dayKey: DAY, endWallMs: 100 }]);
    const natural = { type: 'break', kind: 'natural', atWallMs: 100, dayKey: DAY, idleSinceWallMs: 100 } as const;
    const twice = applyOps(base, [natural, natural]);
    assert.equal(twice.todayBreaks.natural, 1);
    const activeMeanwhile = applyOps(base, [{ type: 'credit', ms: 5, dayKey: DAY, endWallMs: 200 }, natural]);
    assert.equal(activeMeanwhile.todayBreaks.natural, 0);
    assert.equal(activeMeanwhile.activeMsSinceBreak, 1005);
  });

  it('lets exactly one window own a prompt until it expires or is released', () => {
    const l = emptyLedger(DAY);
    const a = claimPrompt(l, { id: 'p1', owner: 'A', claimedAtWallMs: 0, expiresAtWallMs: 1000 }, 0);
    assert.ok(a.granted);
    const b = claimPrompt(a.ledger, { id: 'p1', owner: 'B', claimedAtWallMs: 10, expiresAtWallMs: 1010 }, 10);
    assert.ok(!b.granted);
    assert.equal(b.ledger.prompt?.owner, 'A');
    assert.ok(
      claimPrompt(a.ledger, { id: 'p1', owner: 'A', claimedAtWallMs: 20, expiresAtWallMs: 2000 }, 20).granted,
      'the owner may renew',
    );
    const afterExpiry = claimPrompt(a.ledger, { id: 'p2', owner: 'B', claimedAtWallMs: 1000, expiresAtWallMs: 2000 }, 1000);
    assert.ok(afterExpiry.granted);
    const release = (id: string): Ledger => applyOps(a.ledger, [answerOp({ set: {}, release: id })]);
    assert.equal(release('other').prompt?.owner, 'A', 'only the claim itself can be released');
    assert.equal(release('p1').prompt, null);
  });

  describe('a day that is not the ledger’s day', () => {
    const NEXT = '2026-03-03';
    /** The ledger on the next day, with the day before already moved to history. */
    const moved: Ledger = { ...emptyLedger(NEXT), todayActiveMs: 10 * 60_000 };

    it('keeps news for a day that has already moved to history as a new part of that day: nothing is dropped', () => {
      const late = applyOps(moved, [
        { type: 'credit', ms: 120 * 60_000, dayKey: DAY, endWallMs: 5 },
        { type: 'break', kind: 'manual', atWallMs: 6, dayKey: DAY },
        answerOp({ set: {}, counts: 'skipped' }, 7, DAY),
        { type: 'routineDone', routineId: 'warm-up', atWallMs: 8, dayKey: DAY, exercises: [{ id: 'neck-roll', ms: 30_000 }] },
      ]);
      const { ledger } = claimPrompt(late, { id: 'p', owner: 'A', claimedAtWallMs: 9, expiresAtWallMs: 99 }, 9, {
        episode: 'e',
        dayKey: DAY,
      });
      assert.deepEqual([ledger.dayKey, ledger.todayActiveMs], [NEXT, 10 * 60_000], 'today is left alone');
      assert.equal(ledger.closedDays.length, 1);
      const part = ledger.closedDays[0];
      assert.deepEqual(
        [part?.record.day, part?.record.activeMs, part?.record.manual, part?.record.skipped, part?.record.reminders, part?.record.routines],
        [DAY, 120 * 60_000, 1, 1, 1, 1],
      );
      assert.deepEqual(part?.exercises, { 'neck-roll': { count: 1, ms: 30_000 } });
      assert.equal(part?.id, undefined, 'the writer names it when it writes it');
    });

    it('leaves a part already written (it may be in history) as it is, and starts another', () => {
      const written: Ledger = { ...moved, closedDays: [{ id: 'w1', record: { ...todayRecord(moved), day: DAY }, exercises: {} }] };
      const late = applyOps(written, [{ type: 'credit', ms: 60_000, dayKey: DAY, endWallMs: 5 }]);
      assert.deepEqual(
        late.closedDays.map((c) => [c.id, c.record.day, c.record.activeMs]),
        [
          ['w1', DAY, 10 * 60_000],
          [undefined, DAY, 60_000],
        ],
      );
    });

    it('moves back to the writer’s day when its clock went back, closing the day it leaves', () => {
      const back = applyOps({ ...moved, todayBaseMs: 5 }, [{ type: 'day', dayKey: DAY }]);
      assert.deepEqual([back.dayKey, back.todayActiveMs, back.todayBaseMs], [DAY, 0, 0]);
      assert.deepEqual(
        back.closedDays.map((c) => [c.record.day, c.record.activeMs]),
        [[NEXT, 10 * 60_000]],
      );
      const credited = applyOps(back, [{ type: 'credit', ms: 60_000, dayKey: DAY, endWallMs: 5 }]);
      assert.equal(credited.todayActiveMs, 60_000, 'coding on the day the clock came back to is today’s');
    });
  });

  describe('a person’s answers, as operations that can wait for storage', () => {
    const due: Ledger = { ...emptyLedger(DAY), activeMsSinceBreak: 40 * 60_000, lastBreak: { atWallMs: 500, kind: 'natural' } };
    const snoozeSettings = { snoozeMs: 5 * 60_000, maxConsecutiveSnoozes: 2 };
    const snoozeOf = (l: Ledger, atWallMs = 1_000): LedgerOp => {
      const next = snooze(reminderStateOf(l), atWallMs, snoozeSettings);
      return answerOp(
        {
          episode: breakEpisode(l),
          set: { snoozedUntilWallMs: next.snoozedUntilWallMs, consecutiveSnoozes: next.consecutiveSnoozes },
          counts: 'snoozed',
        },
        atWallMs,
      );
    };

    it('Snooze puts the due break off and counts once; Skip moves it one interval on and counts', () => {
      const snoozed = applyOps(due, [snoozeOf(due)]);
      assert.equal(snoozed.snoozedUntilWallMs, 1_000 + 5 * 60_000);
      assert.equal(snoozed.consecutiveSnoozes, 1);
      assert.equal(snoozed.todayBreaks.snoozed, 1);
      const skipped = applyOps(due, [answerOp({ episode: breakEpisode(due), set: { dueAtActiveMs: 70 * 60_000 }, counts: 'skipped' })]);
      assert.equal(skipped.dueAtActiveMs, 70 * 60_000);
      assert.equal(skipped.todayBreaks.skipped, 1);
    });

    it('an answer written after its break was taken elsewhere does nothing', () => {
      const breakElsewhere: LedgerOp = { type: 'break', kind: 'manual', atWallMs: 900, dayKey: DAY };
      const after = applyOps(due, [breakElsewhere, snoozeOf(due)]);
      assert.equal(after.snoozedUntilWallMs, null);
      assert.equal(after.todayBreaks.snoozed, 0);
      assert.equal(after.todayBreaks.manual, 1);
    });

    it('answers queued one after another, each from the window’s view, apply as given', () => {
      const first = snoozeOf(due);
      const second = snoozeOf(applyOps(due, [first]), 2_000);
      const both = applyOps(due, [first, second]);
      assert.equal(both.consecutiveSnoozes, 2);
      assert.equal(both.todayBreaks.snoozed, 2);
      assert.equal(both.snoozedUntilWallMs, 2_000 + 5 * 60_000);
    });

    it('an answer carries only what it changed: a pause written late keeps what other windows wrote meanwhile', () => {
      const pause = answerOp({ set: { pause: { untilWallMs: 9_000 } } });
      const elsewhere = applyOps(due, [snoozeOf(due)]);
      const paused = applyOps(elsewhere, [pause]);
      assert.deepEqual(paused.pause, { untilWallMs: 9_000 });
      assert.equal(paused.snoozedUntilWallMs, elsewhere.snoozedUntilWallMs);
      assert.equal(applyOps(paused, [answerOp({ set: { pause: null } })]).pause, null);
    });

    it('gives up only the claim it names', () => {
      const claimed = claimPrompt(due, { id: 'p1', owner: 'A', claimedAtWallMs: 0, expiresAtWallMs: 1000 }, 0).ledger;
      assert.equal(applyOps(claimed, [answerOp({ set: {}, release: 'other' })]).prompt?.id, 'p1');
      assert.equal(applyOps(claimed, [answerOp({ set: {}, release: 'p1' })]).prompt, null);
    });
  });

  it('offers the full routine once a day: the claim of the reminder that offers it records it for every window', () => {
    const mondayAt10 = Date.UTC(2026, 2, 2, 10, 0);
    const settings: ReminderSettings = {
      breakIntervalMs: 30 * 60_000,
      typingPauseMs: 15_000,
      snoozeMs: 5 * 60_000,
      maxConsecutiveSnoozes: 3,
      workingHours: null,
      quietTimes: [],
      fullRoutineDays: ['mon'],
      defaultRoutine: 'posture-reset',
    };
    const offered = (l: Ledger, atWallMs: number): string =>
      evaluate(
        reminderStateOf(l),
        {
          nowWallMs: atWallMs,
          activeMsSinceBreak: l.activeMsSinceBreak,
          todayActiveMs: 3 * 3_600_000,
          quietMs: 60_000,
          stoppingPointAgoMs: null,
          dueForMs: 0,
          debugging: false,
        },
        settings,
        fixedOffsetCalendar(0),
      ).routineId;
    const claimFor = (l: Ledger, owner: string, atWallMs: number) =>
      claimPrompt(l, { id: breakEpisode(l), owner, claimedAtWallMs: atWallMs, expiresAtWallMs: atWallMs + 600_000 }, atWallMs, {
        episode: breakEpisode(l),
        dayKey: DAY,
        routineId: offered(l, atWallMs),
      });
    const due: Ledger = { ...emptyLedger(DAY), activeMsSinceBreak: 31 * 60_000 };
    assert.equal(offered(due, mondayAt10), FULL_ROUTINE_ID);
    const taken = claimFor(due, 'B', mondayAt10);
    const refused = claimFor(taken.ledger, 'A', mondayAt10);
    assert.ok(!refused.granted);
    assert.equal(refused.ledger, taken.ledger, 'a claim refused records nothing');
    const shown = taken.ledger;
    assert.equal(shown.fullRoutineOfferedDay, DAY);
    // Skipped in window B: the next reminder, in window A, offers the default routine.
    const skipped = applyOps(shown, [
      answerOp({ episode: breakEpisode(shown), set: skip(reminderStateOf(shown), shown.activeMsSinceBreak, settings), counts: 'skipped' }),
    ]);
    const later = { ...skipped, activeMsSinceBreak: skipped.activeMsSinceBreak + 31 * 60_000 };
    assert.equal(offered(later, mondayAt10 + 3_600_000), 'posture-reset', 'not again that day');
    assert.equal(claimFor(later, 'A', mondayAt10 + 3_600_000).ledger.fullRoutineOfferedDay, DAY);
    assert.equal(offered(later, Date.UTC(2026, 2, 9, 10, 0)), FULL_ROUTINE_ID, 'again the next Monday');
  });

  it('brings moments recorded ahead of a clock that was set back to now, and keeps deadlines', () => {
    const future = 10_000_000;
    const l = {
      ...emptyLedger(DAY),
      lastActivityWallMs: future,
      lastBreak: { atWallMs: future - 5, kind: 'manual' as const },
      snoozedUntilWallMs: future + 60_000,
      pause: { untilWallMs: future + 3_600_000 },
      prompt: { id: 'p', owner: 'A', claimedAtWallMs: future, expiresAtWallMs: future + 30_000 },
    };
    const now = future - 3_600_000;
    const r = rebaseFutureMoments(l, now);
    assert.equal(r.lastActivityWallMs, now);
    assert.equal(r.lastBreak?.atWallMs, now);
    assert.deepEqual([r.prompt?.claimedAtWallMs, r.prompt?.expiresAtWallMs], [now, now + 30_000], 'a claim keeps the time it had left');
    assert.equal(r.snoozedUntilWallMs, future + 60_000);
    assert.deepEqual(r.pause, { untilWallMs: future + 3_600_000 });
    assert.equal(rebaseFutureMoments(r, now), r, 'nothing ahead: the same ledger comes back');
    assert.equal(rebaseFutureMoments(l, future - 1000), l, 'within the slack nothing moves');
  });

  it('moves a snooze or a timed pause given while the clock was ahead back with the clock: neither lasts longer than chosen', () => {
    const aheadWallMs = Date.UTC(2026, 2, 3, 10, 0); // a day ahead
    const rightWallMs = Date.UTC(2026, 2, 2, 10, 0); // set right, soon after
    const snoozeSettings = { snoozeMs: 5 * 60_000, maxConsecutiveSnoozes: 3 };
    const state = reminderStateOf(emptyLedger(DAY));
    const snoozed = snooze(state, aheadWallMs, snoozeSettings);
    const given = (set: Partial<ReturnType<typeof reminderStateOf>>): Ledger =>
      applyOps(emptyLedger(DAY), [answerOp({ set }, aheadWallMs)]);
    const afterSnooze = commitOps(given(snoozed), [], rightWallMs);
    assert.equal(afterSnooze.snoozedUntilWallMs, rightWallMs + 5 * 60_000, 'five minutes of snooze, not a day and five minutes');
    const paused = commitOps(given(pauseReminders(state, aheadWallMs + 30 * 60_000, aheadWallMs)), [], rightWallMs);
    assert.equal(paused.pause?.untilWallMs, rightWallMs + 30 * 60_000, 'thirty minutes of pause');
    const forever = commitOps(given(pauseReminders(state, null, aheadWallMs)), [], rightWallMs);
    assert.equal(forever.pause?.untilWallMs, null, 'until resumed stays until resumed');
    // A clock set back after a snooze was given: the snooze does not grow by the hour either.
    const beforeSetBack = given(snooze(state, rightWallMs, snoozeSettings));
    assert.equal(commitOps(beforeSetBack, [], rightWallMs - 3_600_000).snoozedUntilWallMs, rightWallMs - 3_600_000 + 5 * 60_000);
    assert.equal(rebaseFutureMoments(beforeSetBack, rightWallMs + 60_000), beforeSetBack, 'time going on moves nothing');
    // A ledger written before the moment was kept reads without a problem, and its deadlines stay.
    const older = JSON.parse(JSON.stringify({ ...given(snoozed), pause: { untilWallMs: aheadWallMs } })) as Record<string, unknown>;
    delete older.snoozedAtWallMs;
    const read = readLedger(older, emptyLedger(DAY));
    assert.deepEqual(read.problems, []);
    assert.equal(commitOps(read.ledger, [], rightWallMs).snoozedUntilWallMs, aheadWallMs + 5 * 60_000);
  });

  it('remembers each routine’s completions and when it was last done', () => {
    const l = applyOps(emptyLedger(DAY), [
      { type: 'routineDone', routineId: 'posture-reset', atWallMs: 100, dayKey: DAY, exercises: [] },
      { type: 'routineDone', routineId: 'posture-reset', atWallMs: 50, dayKey: DAY, exercises: [] },
      { type: 'routineDone', routineId: 'warm-up', atWallMs: 70, dayKey: DAY, exercises: [] },
    ]);
    assert.deepEqual(l.routines, {
      'posture-reset': { completions: 2, lastDoneWallMs: 100 },
      'warm-up': { completions: 1, lastDoneWallMs: 70 },
    });
    const many = applyOps(
      emptyLedger(DAY),
      Array.from({ length: 130 }, (_, i) => ({
        type: 'routineDone' as const,
        routineId: `r${i}`,
        atWallMs: i,
        dayKey: DAY,
        exercises: [],
      })),
    );
    assert.equal(Object.keys(many.routines).length, 100, 'only the 100 most recent are kept');
    assert.ok(many.routines.r129 && !many.routines.r0);
  });

  describe('reading a stored ledger', () => {
    const fallback = { ...emptyLedger(DAY), todayActiveMs: 42 };

    it('reads a ledger written before routines were remembered without calling it damaged', () => {
      const older = Object.fromEntries(Object.entries(emptyLedger(DAY)).filter(([key]) => key !== 'routines'));
      const r = readLedger(JSON.parse(JSON.stringify(older)), fallback);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.ledger.routines, {});
      const bad = readLedger({ ...emptyLedger(DAY), routines: { x: { completions: -1, lastDoneWallMs: 0 } } }, fallback);
      assert.deepEqual(bad.problems, ['routines']);
    });

    it('reads a sound record unchanged', () => {
      const good = applyOps(emptyLedger(DAY), [{ type: 'credit', ms: 1000, dayKey: DAY, endWallMs: 10 }]);
      const r = readLedger(JSON.parse(JSON.stringify(good)), fallback);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.ledger, good);
    });

    it('keeps the valid fields and rebuilds the invalid ones', () => {
      const stored = { ...emptyLedger(DAY), activeMsSinceBreak: 777, todayActiveMs: -5, lastBreak: { atWallMs: 'x', kind: 'nap' } };
      const r = readLedger(stored, fallback);
      assert.deepEqual([...r.problems].sort(), ['lastBreak', 'todayActiveMs']);
      assert.equal(r.ledger.activeMsSinceBreak, 777);
      assert.equal(r.ledger.todayActiveMs, 42);
      assert.equal(r.ledger.lastBreak, null);
    });

    it('uses the fallback for something that is not a ledger at all, and reads what it knows of a newer version', () => {
      for (const junk of [null, 3, 'x', [], true]) assert.equal(readLedger(junk, fallback).ledger, fallback);
      const newer = readLedger({ ...emptyLedger(DAY), todayActiveMs: 7 * 60_000, version: 3, somethingNew: {} }, fallback);
      assert.equal(newer.ledger.todayActiveMs, 7 * 60_000, 'what this version knows is read');
      assert.deepEqual(newer.problems, ['written by a newer version (3)']);
    });

    it('keeps the fields another version wrote and this one does not know, and carries them through every change', () => {
      const stored = {
        ...emptyLedger(DAY),
        todayBreaks: { ...emptyLedger(DAY).todayBreaks, stretched: 2 },
        focusBlocks: [{ fromWallMs: 5, minutes: 25 }],
        theme: 'calm',
      };
      const r = readLedger(JSON.parse(JSON.stringify(stored)), fallback);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.ledger, stored, 'read as written');
      const ops: LedgerOp[] = [
        { type: 'credit', ms: 60_000, dayKey: DAY, endWallMs: 10 },
        { type: 'break', kind: 'manual', atWallMs: 20, dayKey: DAY },
      ];
      const after = JSON.parse(JSON.stringify(commitOps(r.ledger, ops, 30, DAY))) as Record<string, unknown>;
      assert.deepEqual(after.focusBlocks, stored.focusBlocks);
      assert.equal(after.theme, 'calm');
      assert.deepEqual(after.todayBreaks, { ...emptyLedger(DAY).todayBreaks, manual: 1, stretched: 2 });
    });

    it('keeps at most 16 KB of fields it does not know, and says which it left out', () => {
      const stored = { ...emptyLedger(DAY), small: 1, huge: 'x'.repeat(20_000), after: true, ['__proto__']: { polluted: true } };
      const raw = JSON.parse(JSON.stringify(stored)) as Record<string, unknown>;
      const r = readLedger(raw, fallback);
      const kept = r.ledger as unknown as Record<string, unknown>;
      assert.deepEqual(r.problems, ['huge']);
      assert.equal(kept.small, 1);
      assert.equal(kept.after, true);
      assert.equal(kept.huge, undefined);
      assert.equal(Object.getPrototypeOf(kept), Object.prototype, 'a "__proto__" field changes nothing');
    });
  });
});
