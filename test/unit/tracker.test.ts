import * as assert from 'node:assert/strict';

import { commitOps, emptyLedger, type Ledger } from '../../src/core/ledger';
import { ActivityTracker, type TrackerSettings } from '../../src/core/tracker';
import { fixedOffsetCalendar, HOUR, MINUTE, SECOND, TestClock } from '../support/time';

const calendar = fixedOffsetCalendar(0);
const defaults: TrackerSettings = { idleThresholdMs: 180 * SECOND, naturalBreakMs: 5 * MINUTE };
// 2026-03-02 09:00 UTC, a Monday.
const MORNING = Date.UTC(2026, 2, 2, 9, 0, 0);

function newTracker(clock: TestClock, settings = defaults, focused = true): ActivityTracker {
  return new ActivityTracker(settings, calendar, emptyLedger(calendar.dayKey(clock.wallMs)), clock.now(), focused);
}

/** What the host does on a write: the pending operations committed to the shared ledger at `nowWallMs`. */
function written(tracker: ActivityTracker, shared: Ledger, nowWallMs = Number.POSITIVE_INFINITY): Ledger {
  const next = commitOps(shared, tracker.takePending(), nowWallMs);
  tracker.rebase(next);
  return next;
}

/** Types one key every `everyMs` for `durationMs`. */
function type(tracker: ActivityTracker, clock: TestClock, durationMs: number, everyMs = 2 * SECOND): void {
  for (let t = 0; t < durationMs; t += everyMs) tracker.recordActivity(clock.advance(everyMs));
}

describe('ActivityTracker', () => {
  it('counts two minutes of typing as two minutes of coding', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    tracker.recordActivity(clock.now());
    type(tracker, clock, 2 * MINUTE);
    assert.equal(tracker.activeMsSinceBreak, 2 * MINUTE);
    assert.equal(tracker.todayActiveMs, 2 * MINUTE);
  });

  it('does not count a gap past the idle threshold, and it is not a break either', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 2 * MINUTE);
    tracker.recordActivity(clock.advance(4 * MINUTE)); // idle: 4 min > 3 min threshold, < 5 min break
    type(tracker, clock, 1 * MINUTE);
    assert.equal(tracker.activeMsSinceBreak, 3 * MINUTE);
    assert.equal(tracker.snapshot(clock.now()).lastBreakKind, null);
  });

  it('counts a gap just under the idle threshold as coding (reading, thinking)', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    tracker.recordActivity(clock.now());
    tracker.recordActivity(clock.advance(179 * SECOND));
    assert.equal(tracker.activeMsSinceBreak, 179 * SECOND);
  });

  it('treats an absence of naturalBreakMinutes as a break: the session restarts, today keeps counting', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 20 * MINUTE);
    tracker.recordActivity(clock.advance(5 * MINUTE));
    type(tracker, clock, 1 * MINUTE);
    assert.equal(tracker.activeMsSinceBreak, 1 * MINUTE);
    assert.equal(tracker.todayActiveMs, 21 * MINUTE);
    const snap = tracker.snapshot(clock.now());
    assert.equal(snap.lastBreakKind, 'natural');
    assert.equal(snap.lastBreakWallMs, MORNING + 20 * MINUTE);
  });

  it('shows the session as 0 while an absence is already long enough, before any new activity', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 10 * MINUTE);
    clock.advance(6 * MINUTE);
    assert.equal(tracker.snapshot(clock.now()).activeMsSinceBreak, 0);
    tracker.tick(clock.now());
    assert.equal(tracker.activeMsSinceBreak, 0);
    // Coming back after the tick must not record the same absence twice.
    tracker.recordActivity(clock.advance(1 * MINUTE));
    assert.equal(tracker.activeMsSinceBreak, 0);
    assert.equal(tracker.snapshot(clock.now()).lastBreakWallMs, MORNING + 10 * MINUTE);
  });

  it('never counts a sleep as coding, even a short one, and a long one is a break', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 10 * MINUTE);
    // A 90 s suspend: shorter than the idle threshold, but the monotonic clock did not move.
    tracker.recordActivity(clock.sleep(90 * SECOND));
    assert.equal(tracker.activeMsSinceBreak, 10 * MINUTE);
    tracker.recordActivity(clock.sleep(HOUR));
    assert.equal(tracker.activeMsSinceBreak, 0);
    assert.equal(tracker.todayActiveMs, 10 * MINUTE);
    assert.equal(tracker.snapshot(clock.now()).lastBreakKind, 'natural');
  });

  it('re-bases a wall clock that moves backwards: never negative, the real gap still counts', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 5 * MINUTE);
    clock.monoMs += 10 * SECOND;
    clock.wallMs -= 30 * MINUTE; // the user set the clock back half an hour
    tracker.recordActivity(clock.now());
    assert.equal(tracker.activeMsSinceBreak, 5 * MINUTE + 10 * SECOND);
    type(tracker, clock, 1 * MINUTE);
    assert.equal(tracker.activeMsSinceBreak, 6 * MINUTE + 10 * SECOND);
    assert.ok(tracker.todayActiveMs >= 0);
  });

  it('only counts while the window is focused; time in another app is not coding', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 2 * MINUTE);
    tracker.setFocused(false, clock.advance(10 * SECOND)); // the 10 s before leaving counts
    for (let i = 0; i < 30; i++) tracker.recordActivity(clock.advance(2 * SECOND)); // events in a background window
    tracker.setFocused(true, clock.advance(1 * SECOND));
    type(tracker, clock, 1 * MINUTE);
    assert.equal(tracker.activeMsSinceBreak, 3 * MINUTE + 10 * SECOND);
  });

  it('counts a long stretch in another app as a natural break', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 25 * MINUTE);
    tracker.setFocused(false, clock.now());
    tracker.setFocused(true, clock.advance(8 * MINUTE));
    assert.equal(tracker.activeMsSinceBreak, 0);
    assert.equal(tracker.todayActiveMs, 25 * MINUTE);
  });

  it('starts unfocused windows at zero and counts nothing until focus comes', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock, defaults, false);
    type(tracker, clock, 5 * MINUTE);
    assert.equal(tracker.todayActiveMs, 0);
    assert.equal(tracker.snapshot(clock.now()).focused, false);
  });

  it('splits coding across local midnight between the two days', () => {
    const cal = fixedOffsetCalendar(60); // UTC+1
    const beforeMidnight = Date.UTC(2026, 2, 2, 22, 58, 0); // 23:58 local
    const clock = new TestClock(beforeMidnight);
    const tracker = new ActivityTracker(defaults, cal, emptyLedger(cal.dayKey(clock.wallMs)), clock.now(), true);
    type(tracker, clock, 3 * MINUTE, 30 * SECOND); // until 00:01 local
    const snap = tracker.snapshot(clock.now());
    assert.equal(snap.dayKey, '2026-03-03');
    assert.equal(tracker.todayActiveMs, 1 * MINUTE);
    assert.equal(tracker.activeMsSinceBreak, 3 * MINUTE);
  });

  it('shows today as what history already held of its day and today’s own', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    tracker.rebase({ ...emptyLedger('2026-03-02'), todayActiveMs: 10 * MINUTE, todayBaseMs: 50 * MINUTE });
    assert.equal(tracker.snapshot(clock.now()).todayActiveMs, HOUR);
  });

  it('writes at once an activity on a day before the ledger’s (the clock went back), so today is shown for its day', () => {
    const clock = new TestClock(MORNING);
    const tracker = new ActivityTracker(defaults, calendar, emptyLedger('2026-03-03'), clock.now(), true);
    tracker.recordActivity(clock.advance(2 * SECOND));
    assert.ok(tracker.hasUrgentPending);
    const next = commitOps(emptyLedger('2026-03-03'), tracker.takePending(), clock.wallMs, '2026-03-02');
    tracker.rebase(next);
    tracker.recordActivity(clock.advance(2 * SECOND));
    assert.equal(tracker.hasUrgentPending, false, 'once the ledger is on its day, at the minute as usual');
    assert.equal(tracker.snapshot(clock.now()).todayActiveMs, 4 * SECOND);
  });

  it('starts a new day total at midnight even without activity', () => {
    const clock = new TestClock(Date.UTC(2026, 2, 2, 23, 0, 0));
    const tracker = newTracker(clock);
    type(tracker, clock, 30 * MINUTE);
    clock.advance(45 * MINUTE);
    tracker.tick(clock.now());
    assert.equal(tracker.snapshot(clock.now()).todayActiveMs, 0);
    assert.equal(tracker.snapshot(clock.now()).dayKey, '2026-03-03');
  });

  it('a manual break restarts the session', () => {
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    type(tracker, clock, 12 * MINUTE);
    tracker.recordManualBreak(clock.now());
    assert.equal(tracker.activeMsSinceBreak, 0);
    assert.equal(tracker.snapshot(clock.now()).lastBreakKind, 'manual');
    assert.equal(tracker.todayActiveMs, 12 * MINUTE);
  });

  describe('surviving a reload or restart', () => {
    it('keeps the session and today across a quick reload; the reload gap is not coding', () => {
      const clock = new TestClock(MORNING);
      const first = newTracker(clock);
      type(first, clock, 7 * MINUTE);
      const saved = JSON.parse(JSON.stringify(written(first, emptyLedger('2026-03-02')))) as Ledger;
      clock.advance(20 * SECOND);
      const second = new ActivityTracker(defaults, calendar, saved, new TestClock(clock.wallMs, 5).now(), true);
      assert.equal(second.activeMsSinceBreak, 7 * MINUTE);
      assert.equal(second.todayActiveMs, 7 * MINUTE);
    });

    it('treats a restart after a long absence as a natural break', () => {
      const clock = new TestClock(MORNING);
      const first = newTracker(clock);
      type(first, clock, 40 * MINUTE);
      const saved = written(first, emptyLedger('2026-03-02'));
      const second = new ActivityTracker(defaults, calendar, saved, new TestClock(clock.wallMs + HOUR, 1).now(), true);
      assert.equal(second.activeMsSinceBreak, 0);
      assert.equal(second.todayActiveMs, 40 * MINUTE);
    });

    it('starts a new total on a restart the next day', () => {
      const clock = new TestClock(MORNING);
      const first = newTracker(clock);
      type(first, clock, 40 * MINUTE);
      const saved = written(first, emptyLedger('2026-03-02'));
      const second = new ActivityTracker(defaults, calendar, saved, new TestClock(clock.wallMs + 24 * HOUR, 1).now(), true);
      assert.equal(second.snapshot(new TestClock(clock.wallMs + 24 * HOUR, 1).now()).todayActiveMs, 0);
    });
  });

  describe('two windows sharing one ledger', () => {
    it('counts typing once, whichever window it happens in', () => {
      const clock = new TestClock(MORNING);
      let shared = emptyLedger('2026-03-02');
      const a = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      const b = new ActivityTracker(defaults, calendar, shared, clock.now(), false);
      type(a, clock, 10 * MINUTE);
      a.setFocused(false, clock.advance(1 * SECOND));
      shared = written(a, shared);
      b.rebase(shared);
      b.setFocused(true, clock.advance(1 * SECOND)); // switching windows is not a break
      type(b, clock, 5 * MINUTE);
      shared = written(b, shared);
      a.rebase(shared);
      assert.equal(shared.todayActiveMs, 15 * MINUTE + 1 * SECOND);
      assert.equal(shared.activeMsSinceBreak, 15 * MINUTE + 1 * SECOND);
      assert.equal(a.snapshot(clock.now()).activeMsSinceBreak, 15 * MINUTE + 1 * SECOND);
      assert.equal(shared.lastBreak, null);
    });

    it('does not call time spent coding in another window a break when you come back', () => {
      const clock = new TestClock(MORNING);
      let shared = emptyLedger('2026-03-02');
      const a = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      const b = new ActivityTracker(defaults, calendar, shared, clock.now(), false);
      type(a, clock, 5 * MINUTE);
      a.setFocused(false, clock.now());
      shared = written(a, shared);
      b.rebase(shared);
      b.setFocused(true, clock.now());
      type(b, clock, 20 * MINUTE);
      b.setFocused(false, clock.now());
      shared = written(b, shared);
      a.rebase(shared);
      a.setFocused(true, clock.advance(1 * SECOND)); // A was unfocused for 20 minutes, but you were coding
      type(a, clock, 1 * MINUTE);
      shared = written(a, shared);
      assert.equal(shared.lastBreak, null);
      assert.equal(shared.activeMsSinceBreak, 26 * MINUTE);
    });

    it('records one natural break when two windows notice the same absence', () => {
      const clock = new TestClock(MORNING);
      let shared = emptyLedger('2026-03-02');
      const a = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      type(a, clock, 10 * MINUTE);
      shared = written(a, shared);
      const b = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      clock.advance(10 * MINUTE);
      a.tick(clock.now());
      b.tick(clock.now());
      shared = written(a, shared);
      shared = written(b, shared);
      assert.equal(shared.todayBreaks.natural, 1);
      assert.equal(shared.activeMsSinceBreak, 0);
    });

    it('still notices a break after the wall clock was set back, in every window', () => {
      const clock = new TestClock(MORNING);
      let shared = emptyLedger('2026-03-02');
      const a = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      const b = new ActivityTracker(defaults, calendar, shared, clock.now(), false);
      type(a, clock, 10 * MINUTE);
      shared = written(a, shared, clock.wallMs);
      clock.wallMs -= 1 * HOUR; // the clock is set back an hour; no real time passes
      type(a, clock, 5 * MINUTE);
      shared = written(a, shared, clock.wallMs);
      assert.ok(
        shared.lastActivityWallMs !== null && shared.lastActivityWallMs <= clock.wallMs,
        'the last activity is not left in the future',
      );
      b.rebase(shared);
      clock.advance(6 * MINUTE); // away long enough for a break, long before the old clock's hour is over
      assert.equal(b.snapshot(clock.now()).activeMsSinceBreak, 0, 'the unfocused window shows the break');
      a.tick(clock.now());
      shared = written(a, shared, clock.wallMs);
      assert.equal(shared.todayBreaks.natural, 1);
      assert.equal(shared.activeMsSinceBreak, 0);
      assert.equal(shared.todayActiveMs, 15 * MINUTE);
      assert.ok(shared.lastBreak !== null && shared.lastBreak.atWallMs <= clock.wallMs);
    });

    it('does not take an idle gap for a break when another window gains focus before the one left writes', () => {
      const clock = new TestClock(MORNING);
      let shared = emptyLedger('2026-03-02');
      const a = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      const b = new ActivityTracker(defaults, calendar, shared, clock.now(), false);
      type(a, clock, 10 * MINUTE);
      shared = written(a, shared, clock.wallMs); // the minute's write
      a.recordActivity(clock.advance(4 * MINUTE + 30 * SECOND)); // idle, not a break
      assert.equal(a.hasUrgentPending, true, 'the end of an idle gap is written at once');
      shared = written(a, shared, clock.wallMs); // as the host does
      type(a, clock, 40 * SECOND);
      assert.equal(a.hasUrgentPending, false, 'keystrokes wait for the minute');
      // The person clicks into B, whose extension host writes before A's hears of the blur.
      b.rebase(shared);
      b.setFocused(true, clock.now());
      shared = written(b, shared, clock.wallMs);
      a.setFocused(false, clock.now());
      shared = written(a, shared, clock.wallMs);
      assert.equal(shared.todayBreaks.natural, 0);
      assert.equal(shared.activeMsSinceBreak, 10 * MINUTE + 40 * SECOND);
    });

    it('mirrors a break due to an absence in unfocused windows without writing', () => {
      const clock = new TestClock(MORNING);
      let shared = emptyLedger('2026-03-02');
      const a = new ActivityTracker(defaults, calendar, shared, clock.now(), true);
      type(a, clock, 10 * MINUTE);
      shared = written(a, shared);
      const b = new ActivityTracker(defaults, calendar, shared, clock.now(), false);
      assert.equal(b.snapshot(clock.now()).activeMsSinceBreak, 10 * MINUTE);
      clock.advance(6 * MINUTE);
      b.tick(clock.now());
      assert.equal(b.snapshot(clock.now()).activeMsSinceBreak, 0);
      assert.equal(b.hasPending, false);
    });
  });

  it('matches ground truth over a simulated 8-hour day', () => {
    // A deterministic day: bursts of typing with pauses of every kind, a lunch, a sleep, a focus loss.
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const clock = new TestClock(MORNING);
    const tracker = newTracker(clock);
    tracker.recordActivity(clock.now());
    let expectedToday = 0;
    let expectedSession = 0;
    let naturalBreaks = 0;
    let sleeps = 0;
    const lunch = MORNING + 4 * HOUR; // the lid is closed over lunch
    const shortSuspend = MORNING + 6 * HOUR; // and briefly in the afternoon
    let lunchDone = false;
    let suspendDone = false;
    const end = MORNING + 8 * HOUR;
    while (clock.wallMs < end) {
      const r = random();
      let gapMs: number;
      let slept = false;
      if (!lunchDone && clock.wallMs >= lunch) {
        lunchDone = slept = true;
        gapMs = 50 * MINUTE;
      } else if (!suspendDone && clock.wallMs >= shortSuspend) {
        suspendDone = slept = true;
        gapMs = 100 * SECOND;
      } else if (r < 0.9)
        gapMs = Math.floor(random() * 20 * SECOND) + 100; // typing and short thinking
      else if (r < 0.975)
        gapMs = Math.floor(random() * 170 * SECOND) + 1 * SECOND; // reading code: under the threshold
      else if (r < 0.995)
        gapMs = 180 * SECOND + Math.floor(random() * 110 * SECOND); // idle, not a break
      else gapMs = 5 * MINUTE + Math.floor(random() * 40 * MINUTE); // a break
      if (slept) {
        clock.sleep(gapMs);
        sleeps++;
      } else {
        clock.advance(gapMs);
      }
      tracker.recordActivity(clock.now());
      if (!slept && gapMs < 180 * SECOND) {
        expectedToday += gapMs;
        expectedSession += gapMs;
      } else if (gapMs >= 5 * MINUTE) {
        expectedSession = 0;
        naturalBreaks++;
      }
    }
    assert.equal(sleeps, 2);
    assert.ok(naturalBreaks >= 3, `the simulation should contain breaks (had ${naturalBreaks})`);
    assert.ok(expectedToday > 4 * HOUR, `the simulation should be a working day (had ${expectedToday / HOUR} h)`);
    assert.equal(tracker.todayActiveMs, expectedToday);
    assert.equal(tracker.activeMsSinceBreak, expectedSession);
  });
});
