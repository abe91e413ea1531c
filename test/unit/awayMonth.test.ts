import * as assert from 'node:assert/strict';

import { applyAway, type AwayAnswer, judgeReturn } from '../../src/core/away';
import { type DayRecord } from '../../src/core/days';
import { allDays, emptyHistory, type History, mergeClosedDays, placeDays } from '../../src/core/history';
import { commitOps, emptyLedger, type Ledger, readLedger } from '../../src/core/ledger';
import { atLocalTime } from '../../src/core/time';
import { ActivityTracker } from '../../src/core/tracker';
import { HOUR, MINUTE, SECOND, TestClock, zoneCalendar } from '../support/time';

/**
 * A month at the desk with meetings, against an independent record of what happened: a daily stand-up,
 * a weekly meeting, lunch, coffee breaks, and a meeting the person never answers about. The person
 * answers as a person would (sat for meetings, moved for lunch, sometimes nothing); the host's part
 * (ask, or take a learned slot as sitting) is played by the same functions the host calls.
 */

const calendar = zoneCalendar('Europe/Berlin');
const KEY_EVERY_MS = 10 * SECOND;

/** What the person did, and what they say when asked (`undefined`: they ignore the question). */
interface Away {
  readonly leave: string;
  readonly back: string;
  readonly meeting: boolean;
  readonly says: AwayAnswer | undefined;
}

/** A seeded random source (mulberry32), so a failure can be run again exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** The day's plan: when the person leaves and comes back, in local time. */
function plan(weekday: number, rnd: () => number): Away[] {
  const jitter = (): number => Math.floor(rnd() * 4);
  const j = jitter();
  const aways: Away[] = [{ leave: hm(9, 30 + j), back: hm(9, 45 + j + jitter()), meeting: true, says: 'sat' }];
  if (rnd() < 0.6) aways.push({ leave: hm(10, 40), back: hm(10, 47 + jitter()), meeting: false, says: rnd() < 0.5 ? 'moved' : undefined });
  if (weekday === 4) aways.push({ leave: hm(11, 0), back: hm(11, 25), meeting: true, says: undefined });
  aways.push({ leave: hm(12, 15), back: hm(13, 0 + jitter()), meeting: false, says: rnd() < 0.7 ? 'moved' : undefined });
  if (weekday === 3) aways.push({ leave: hm(14, 0 + jitter()), back: hm(15, 0 + jitter()), meeting: true, says: 'sat' });
  if (rnd() < 0.5) aways.push({ leave: hm(16, 10), back: hm(16, 18 + jitter()), meeting: false, says: 'moved' });
  return aways;
}

interface Expected {
  activeMs: number;
  natural: number;
  moved: number;
  sitting: number;
  sittingMs: number;
}

describe('a month at the desk with meetings', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives desk time and breaks exactly, day by day (seed ${seed})`, () => {
      const rnd = random(seed);
      // Monday 2026-03-02, 09:00 in Berlin; four weeks and a day, with the clocks going forward on 29 March.
      const start = Date.UTC(2026, 2, 2, 8, 0);
      const clock = new TestClock(start);
      let stored = JSON.stringify(emptyLedger(calendar.dayKey(start)));
      let history: History = emptyHistory();
      let seq = 0;
      const read = (): Ledger => {
        const { ledger, problems } = readLedger(JSON.parse(stored), emptyLedger('1970-01-01'));
        assert.deepEqual(problems, []);
        return ledger;
      };
      const tracker = new ActivityTracker(
        { idleThresholdMs: 180 * SECOND, naturalBreakMs: 5 * MINUTE },
        calendar,
        read(),
        clock.now(),
        true,
      );
      const write = (): void => {
        const current = read();
        const now = clock.wallMs;
        let next: Ledger = { ...commitOps(current, tracker.takePending(), now, calendar.dayKey(now)), seq: ++seq };
        if (next.closedDays.length > 0) {
          next = placeDays(history, current, next, `${seq}.`);
          history = mergeClosedDays(history, next.closedDays);
          next = { ...next, closedDays: [] };
        }
        stored = JSON.stringify(next);
        tracker.rebase(read());
      };
      const expected = new Map<string, Expected>();
      const day = (key: string): Expected => {
        let d = expected.get(key);
        if (!d) expected.set(key, (d = { activeMs: 0, natural: 0, moved: 0, sitting: 0, sittingMs: 0 }));
        return d;
      };
      /** Desk time since the last break, as the person lived it. */
      let deskSinceBreak = 0;
      let questions = 0;
      let expectedQuestions = 0;
      const learnedMeetings: string[] = [];
      let lastWorkDay: string | undefined;
      let nights = 0;

      const at = (wallMs: number, time: string): number => {
        const [h, m] = time.split(':').map(Number);
        return atLocalTime(calendar, wallMs, (h ?? 0) * 60 + (m ?? 0));
      };
      const codeUntil = (untilWallMs: number): void => {
        const key = calendar.dayKey(clock.wallMs);
        const from = clock.wallMs;
        tracker.recordActivity(clock.now());
        while (clock.wallMs + KEY_EVERY_MS <= untilWallMs) {
          tracker.recordActivity(clock.advance(KEY_EVERY_MS));
          if ((clock.wallMs - from) % (5 * MINUTE) === 0) write();
        }
        write();
        day(key).activeMs += clock.wallMs - from;
        deskSinceBreak += clock.wallMs - from;
      };
      const awayUntil = (backWallMs: number): number => {
        const from = clock.wallMs;
        while (clock.wallMs + MINUTE <= backWallMs) {
          clock.advance(MINUTE);
          tracker.tick(clock.now());
          if (tracker.hasPending) write();
        }
        clock.advance(backWallMs - clock.wallMs);
        return from;
      };

      for (let d = 0; d < 29; d++) {
        const morning = start + d * 24 * HOUR + HOUR; // 09:00 local until the clocks change, then 10:00: both fine
        const dayKey = calendar.dayKey(morning);
        const weekday = new Date(`${dayKey}T12:00:00Z`).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        clock.advance(at(morning, '09:00') - clock.wallMs);
        if (lastWorkDay !== undefined) {
          // A night (or a weekend) away: a break counted on the evening it began, and no question.
          tracker.recordActivity(clock.now());
          write();
          // It began on a day that has ended, so there is nothing to ask about.
          assert.equal(tracker.takeReturn(), undefined);
          assert.equal(tracker.view.lastBreak?.kind, 'natural');
          day(lastWorkDay).natural += 1;
          nights++;
          deskSinceBreak = 0;
        }
        lastWorkDay = dayKey;
        const aways = plan(weekday, rnd);
        for (const a of aways) {
          codeUntil(at(morning, a.leave));
          const from = awayUntil(at(morning, a.back));
          tracker.recordActivity(clock.now());
          write();
          const absence = tracker.takeReturn();
          assert.ok(absence, `${dayKey} ${a.leave}: the return is reported`);
          assert.equal(absence.fromWallMs, from);
          const verdict = judgeReturn(
            { fromWallMs: absence.fromWallMs, toWallMs: absence.toWallMs ?? clock.wallMs },
            'ask',
            [],
            tracker.view.awayRecords,
            calendar,
          );
          const awayMs = clock.wallMs - from;
          let answer: AwayAnswer | undefined;
          let how: 'asked' | 'learned' = 'asked';
          if (verdict.kind === 'sitting') {
            answer = 'sat';
            how = 'learned';
            learnedMeetings.push(`${dayKey} ${a.leave}`);
            assert.ok(a.meeting && a.says === 'sat', `${dayKey} ${a.leave}: only a meeting answered "I sat" before is learned`);
          } else {
            assert.equal(verdict.kind, 'ask');
            questions++;
            answer = a.says;
          }
          if (answer) {
            const atWallMs = clock.wallMs;
            const chosen = answer;
            tracker.recordChange((l) => applyAway(l, { fromWallMs: from, answer: chosen, how, atWallMs }), clock.now());
            write();
          }
          // The independent record.
          const e = day(dayKey);
          if (answer === 'sat') {
            e.sitting += 1;
            e.sittingMs += awayMs;
            deskSinceBreak += awayMs;
          } else {
            if (answer === 'moved') e.moved += 1;
            else e.natural += 1;
            deskSinceBreak = 0;
          }
          assert.equal(
            tracker.snapshot(clock.now()).deskMsSinceBreak,
            deskSinceBreak,
            `${dayKey} ${a.back}: desk time since the last break`,
          );
        }
        codeUntil(at(morning, '17:30'));
        assert.equal(tracker.snapshot(clock.now()).deskMsSinceBreak, deskSinceBreak, `${dayKey}: desk time at the end of the day`);
      }
      // The independent count of questions: the stand-up is asked on each weekday's first two weeks, then
      // learned; the Wednesday meeting likewise; everything else is asked every time.
      for (const e of expected.values()) expectedQuestions += e.natural + e.moved + e.sitting;
      // Nights are not questions; learned meetings are not either.
      expectedQuestions -= nights + learnedMeetings.length;
      assert.equal(questions, expectedQuestions);
      // Stand-ups learned: weeks 3 and 4 (and the fifth Monday), 11 of them; Wednesday meetings: weeks 3 and 4.
      assert.equal(learnedMeetings.filter((m) => m.includes(' 09:3')).length, 11);
      assert.equal(learnedMeetings.filter((m) => m.includes(' 14:')).length, 2);

      // Day by day, what the ledger and history say against the record.
      const recorded = new Map(allDays(history, read()).map((r) => [r.day, r]));
      assert.equal(recorded.size, expected.size);
      for (const [key, e] of expected) {
        const r: DayRecord | undefined = recorded.get(key);
        assert.ok(r, `${key} is recorded`);
        assert.deepEqual({ activeMs: r.activeMs, natural: r.natural, moved: r.moved, sitting: r.sitting, sittingMs: r.sittingMs }, e, key);
      }
    });
  }
});
