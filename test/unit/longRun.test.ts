import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

import { type DayRecord } from '../../src/core/days';
import { allDays, emptyHistory, type History, mergeClosedDays, placeDays } from '../../src/core/history';
import { commitOps, emptyLedger, type Ledger, type LedgerOp, readLedger } from '../../src/core/ledger';
import { type Calendar } from '../../src/core/time';
import { ActivityTracker, type TrackerSettings } from '../../src/core/tracker';
import { seededRandom } from '../support/garbage';
import { fixedOffsetCalendar, HOUR, MINUTE, SECOND, TestClock, zoneCalendar } from '../support/time';

/** How often each window's timer reads, ticks and writes (the host's minute refresh). */
const REFRESH_MS = MINUTE;
/** The longest pause between two bursts of typing (keystrokes in a burst come faster). */
const MAX_TYPING_GAP_MS = 12 * SECOND;
const MAX_KEYSTROKE_GAP_MS = 1_200;
/** NTP steps the wall clock by less than this: not a jump, the coding around it still counts. */
const MAX_NTP_STEP_MS = 500;
const MAX_RELOAD_MS = 8 * SECOND;
const DAY_MS = 24 * HOUR;
const DEFAULTS: TrackerSettings = { idleThresholdMs: 180 * SECOND, naturalBreakMs: 5 * MINUTE };
/**
 * Near the tightest settings allowed (30 s idle), with a natural break just longer than the ledger can
 * lag (see LEDGER_LAG).
 */
const TIGHT: TrackerSettings = { idleThresholdMs: 30 * SECOND, naturalBreakMs: 2 * MINUTE };

/*
 * LEDGER_LAG. A window judges an absence from the ledger alone when it starts, and when it gains focus
 * before the window left has written. An activity that ends an idle gap is written at once and the
 * rest at the next refresh, so the ledger is behind the person by at most a refresh, an idle threshold
 * and a reload: less than a natural break in every configuration here (60 + 180 + 8 s < 5 min;
 * 60 + 30 + 8 s < 2 min).
 */

/**
 * What one crash may lose: the coding credited since the window's last write. The last refresh wrote
 * at most a minute ago, and the oldest unwritten gap began less than an idle threshold before it.
 */
function maxLossPerCrashMs(settings: TrackerSettings): number {
  return REFRESH_MS + settings.idleThresholdMs;
}

type WindowName = 'A' | 'B';

interface TrueDay {
  codedMs: number;
  /** Coding a window credited but had not written when it crashed. */
  lostMs: number;
  natural: number;
  manual: number;
}

interface Unwritten {
  readonly msByDay: Map<string, number>;
  sessionMs: number;
  breakSince: boolean;
}

/**
 * What really happened, kept without the code under test. Presence moments are activity in the focused
 * window, focus changes and a focused window starting. The gap ending at a presence is coding when it
 * lasted less than the idle threshold of real time, contained no sleep or clock set forward, and did not
 * end with a window gaining focus or starting; it ends at the wall time of the presence and is split at
 * local midnight. Away time is the real time since the last presence plus any sleep or clock set
 * forward; at least `naturalBreakMs` of it is a natural break, on the day of the presence before it.
 */
class GroundTruth {
  readonly days = new Map<string, TrueDay>();
  sessionMs = 0;
  /** Gaps of coding that crossed local midnight. */
  midnightsCoded = 0;
  /** The local calendar: the time zone changes when VS Code starts again elsewhere. */
  calendar: Calendar;
  readonly #settings: TrackerSettings;
  #lastPresenceWallMs: number | null = null;
  #realMsSincePresence = 0;
  #wallOnlyMsSincePresence = 0;
  #clockDisturbed = false;
  readonly #unwritten = new Map<WindowName, Unwritten>();

  constructor(calendar: Calendar, settings: TrackerSettings) {
    this.calendar = calendar;
    this.#settings = settings;
  }

  day(dayKey: string): TrueDay {
    let d = this.days.get(dayKey);
    if (!d) {
      d = { codedMs: 0, lostMs: 0, natural: 0, manual: 0 };
      this.days.set(dayKey, d);
    }
    return d;
  }

  realTimePassed(ms: number): void {
    this.#realMsSincePresence += ms;
  }

  slept(ms: number): void {
    this.#wallOnlyMsSincePresence += ms;
    this.#clockDisturbed = true;
  }

  /**
   * The wall clock was set by hand. Set forward, it is a jump: away time, and the gap is not coding.
   * Set back, no time was skipped: the real time of the gap still counts.
   */
  clockSet(ms: number): void {
    if (ms <= 0) return;
    this.#wallOnlyMsSincePresence += ms;
    this.#clockDisturbed = true;
  }

  get awayMs(): number {
    return this.#realMsSincePresence + this.#wallOnlyMsSincePresence;
  }

  /** Time since the last break as a person would expect to see it now. */
  get sessionNowMs(): number {
    return this.#lastPresenceWallMs !== null && this.awayMs >= this.#settings.naturalBreakMs ? 0 : this.sessionMs;
  }

  /** Ends the gap since the last presence; `window` credits it if it may. Returns the coding credited. */
  presence(window: WindowName, nowWallMs: number, mayCredit: boolean): number {
    let creditedMs = 0;
    if (this.#lastPresenceWallMs !== null) {
      const gapMs = this.#realMsSincePresence;
      if (mayCredit && !this.#clockDisturbed && gapMs < this.#settings.idleThresholdMs) {
        this.#coded(window, nowWallMs - gapMs, nowWallMs);
        creditedMs = gapMs;
      } else if (this.awayMs >= this.#settings.naturalBreakMs) {
        this.day(this.calendar.dayKey(this.#lastPresenceWallMs)).natural++;
        this.#breakTaken(window);
      }
    }
    this.#lastPresenceWallMs = nowWallMs;
    this.#realMsSincePresence = 0;
    this.#wallOnlyMsSincePresence = 0;
    this.#clockDisturbed = false;
    return creditedMs;
  }

  manualBreak(window: WindowName, nowWallMs: number): void {
    this.presence(window, nowWallMs, true);
    this.day(this.calendar.dayKey(nowWallMs)).manual++;
    this.#breakTaken(window);
  }

  written(window: WindowName): void {
    this.#unwritten.delete(window);
  }

  mayCrash(window: WindowName): boolean {
    return this.#unwritten.get(window)?.breakSince !== true;
  }

  /** The window died: what it had not written is lost. Returns how much coding that was. */
  crashed(window: WindowName): number {
    const unwritten = this.#unwritten.get(window);
    this.#unwritten.delete(window);
    if (!unwritten) return 0;
    let lostMs = 0;
    for (const [dayKey, ms] of unwritten.msByDay) {
      this.day(dayKey).lostMs += ms;
      lostMs += ms;
    }
    this.sessionMs -= unwritten.sessionMs;
    return lostMs;
  }

  /** Coding on local day `dayKey` so far, after what crashes lost. */
  codedOn(dayKey: string): number {
    const d = this.days.get(dayKey);
    return d ? d.codedMs - d.lostMs : 0;
  }

  /** The days as a day record would show them, after what crashes lost. */
  recorded(): Map<string, DayRecord> {
    const out = new Map<string, DayRecord>();
    for (const [day, d] of this.days) {
      const activeMs = d.codedMs - d.lostMs;
      if (activeMs === 0 && d.natural === 0 && d.manual === 0) continue;
      out.set(day, {
        day,
        activeMs,
        reminders: 0,
        started: 0,
        manual: d.manual,
        natural: d.natural,
        skipped: 0,
        snoozed: 0,
        routines: 0,
        exercises: 0,
        exerciseMs: 0,
        moved: 0,
        sitting: 0,
        sittingMs: 0,
        moves: 0,
        eyeBreaks: 0,
      });
    }
    return out;
  }

  #unwrittenOf(window: WindowName): Unwritten {
    let u = this.#unwritten.get(window);
    if (!u) {
      u = { msByDay: new Map(), sessionMs: 0, breakSince: false };
      this.#unwritten.set(window, u);
    }
    return u;
  }

  #breakTaken(window: WindowName): void {
    this.sessionMs = 0;
    const u = this.#unwrittenOf(window);
    u.sessionMs = 0;
    u.breakSince = true;
  }

  #coded(window: WindowName, fromWallMs: number, toWallMs: number): void {
    const u = this.#unwrittenOf(window);
    let from = fromWallMs;
    while (from < toWallMs) {
      const end = Math.min(toWallMs, this.calendar.startOfNextDay(from));
      const dayKey = this.calendar.dayKey(from);
      this.day(dayKey).codedMs += end - from;
      u.msByDay.set(dayKey, (u.msByDay.get(dayKey) ?? 0) + end - from);
      if (from === fromWallMs && end < toWallMs) this.midnightsCoded++;
      from = end;
    }
    this.sessionMs += toWallMs - fromWallMs;
    u.sessionMs += toWallMs - fromWallMs;
  }
}

/**
 * The ledger file and the history file, as the host keeps them: JSON text, read back through
 * `readLedger`, written by commit and then the days that ended moved to history.
 */
class SharedFiles {
  #text: string;
  #seq = 0;
  history: History = emptyHistory();
  maxLedgerChars = 0;

  constructor(dayKey: string) {
    this.#text = JSON.stringify(emptyLedger(dayKey));
  }

  get seq(): number {
    return this.#seq;
  }

  read(): Ledger {
    const { ledger, problems } = readLedger(JSON.parse(this.#text), emptyLedger('1970-01-01'));
    assert.deepEqual(problems, [], 'the ledger always reads back whole');
    return ledger;
  }

  /** A window's write, at `nowWallMs` on its local day `todayKey`, as the ledger file's writer makes it. */
  write(ops: readonly LedgerOp[], nowWallMs: number, todayKey: string): Ledger {
    const current = this.read();
    let next: Ledger = { ...commitOps(current, ops, nowWallMs, todayKey), seq: current.seq + 1 };
    if (next.closedDays.length > 0 || next.dayKey !== current.dayKey) {
      next = placeDays(this.history, current, next, `${next.seq}.`);
      this.history = mergeClosedDays(this.history, next.closedDays);
      next = { ...next, closedDays: [] };
    }
    assert.equal(next.dayKey, todayKey, 'the ledger is on the day of the window that wrote it');
    assert.ok(next.todayActiveMs >= 0 && next.activeMsSinceBreak >= 0, 'no total is negative');
    if (next.dayKey === current.dayKey) {
      const [before, after] = [current.todayBaseMs + current.todayActiveMs, next.todayBaseMs + next.todayActiveMs];
      assert.ok(after >= before, `today's total never drops within the day (${before} → ${after})`);
    }
    this.#text = JSON.stringify(next);
    this.#seq = next.seq;
    this.maxLedgerChars = Math.max(this.maxLedgerChars, this.#text.length);
    return next;
  }
}

interface SimWindow {
  readonly name: WindowName;
  tracker: ActivityTracker;
  focused: boolean;
  /** The ledger write this window last read or made (the host compares a file signature). */
  seenSeq: number;
  /**
   * Gained focus and has not yet read another window's write since: the window left may write what it
   * credited just after this one read, so each activity looks for it (the host does the same).
   */
  awaitingOthers: boolean;
  nextRefreshMonoMs: number;
  /** Today's total as this window last showed it, to see that it never drops within a day. */
  shown: { dayKey: string; ms: number };
}

interface RunFigures {
  days: number;
  events: number;
  reloads: number;
  crashes: number;
  sleeps: number;
  jumps: number;
  /** The clock set forward past midnight and back again. */
  daysJumped: number;
  /** VS Code started again in another time zone. */
  zoneChanges: number;
  focusMoves: number;
  naturalBreaks: number;
  midnightsCoded: number;
  /** Coding over the moment the clocks change (daylight saving time). */
  clockChangesCoded: number;
  codedMs: number;
  /** The largest difference between a day's recorded coding time and what really happened. */
  maxDeviationMs: number;
  maxLedgerChars: number;
}

interface Choices {
  readonly actions: readonly (readonly [weight: number, act: () => void])[];
  readonly totalWeight: number;
}

/** A time zone: minutes ahead of UTC all year, or a named zone with its daylight saving time (`America/New_York`). */
type Zone = number | string;

function calendarOf(zone: Zone): Calendar {
  return typeof zone === 'number' ? fixedOffsetCalendar(zone) : zoneCalendar(zone);
}

function zoneName(zone: Zone): string {
  return typeof zone === 'string' ? zone : `UTC${zone < 0 ? '' : '+'}${zone / 60}`;
}

interface RunConfig {
  readonly seed: number;
  readonly days: number;
  readonly zone: Zone;
  /** The first local day, as [year, month index, day]: Monday 2 March 2026 unless said. */
  readonly firstDay?: readonly [number, number, number];
  /** VS Code starts again in another time zone the morning after day `afterDay` (a flight). */
  readonly moves?: readonly { readonly afterDay: number; readonly zone: Zone }[];
  readonly settings: TrackerSettings;
  /** Other windows hear of a write at once (the desktop file watcher); without, only at their minute refresh. */
  readonly watcher?: boolean;
  /** Called at the end of each simulated week (to measure the heap). */
  readonly afterWeek?: (week: number) => void;
}

/**
 * A person working with two VS Code windows over many days, driven through the core the way the host
 * drives it, beside the ground truth of what they did.
 */
class Simulation {
  readonly #config: RunConfig;
  readonly #rnd: () => number;
  /** The machine's time zone, as every window reads it when it starts. */
  #calendar: Calendar;
  readonly #clock: TestClock;
  readonly #files: SharedFiles;
  readonly #truth: GroundTruth;
  readonly #windows: [SimWindow, SimWindow];
  readonly #choices: Choices;
  readonly figures: RunFigures = {
    days: 0,
    events: 0,
    reloads: 0,
    crashes: 0,
    sleeps: 0,
    jumps: 0,
    daysJumped: 0,
    zoneChanges: 0,
    focusMoves: 0,
    naturalBreaks: 0,
    midnightsCoded: 0,
    clockChangesCoded: 0,
    codedMs: 0,
    maxDeviationMs: 0,
    maxLedgerChars: 0,
  };

  constructor(config: RunConfig) {
    this.#config = config;
    this.#rnd = seededRandom(config.seed);
    this.#calendar = calendarOf(config.zone);
    // 08:30 local on the first day.
    const [year, month, day] = config.firstDay ?? [2026, 2, 2];
    this.#clock = new TestClock(this.#calendar.startOfDay(Date.UTC(year, month, day, 12)) + 8.5 * HOUR, 5 * HOUR);
    this.#files = new SharedFiles(this.#calendar.dayKey(this.#clock.wallMs));
    this.#truth = new GroundTruth(this.#calendar, config.settings);
    this.#choices = this.#makeChoices();
    this.#windows = [this.#openWindow('A', true), this.#openWindow('B', false)];
    this.#truth.presence('A', this.#clock.wallMs, false);
  }

  run(): RunFigures {
    const firstMorningWallMs = this.#clock.wallMs;
    for (let day = 0; day < this.#config.days; day++) {
      const weekend = day % 7 >= 5;
      if (!weekend || this.#rnd() < 0.4 || this.#clocksChangeTonight()) this.#workDay(day);
      // The lid closes for the night, sometimes with VS Code in the background.
      if (this.#rnd() < 0.5) this.#leaveVsCode();
      const nextMorningWallMs = firstMorningWallMs + (day + 1) * DAY_MS + Math.floor(this.#rnd() * 90) * MINUTE;
      this.#sleep(Math.max(HOUR, nextMorningWallMs - this.#clock.wallMs));
      const move = this.#config.moves?.find((m) => m.afterDay === day);
      if (move) this.#restartAll(calendarOf(move.zone));
      else if (this.#rnd() < 0.3) this.#restartAll();
      this.#comeBack();
      this.figures.days++;
      if ((day + 1) % 7 === 0) this.#config.afterWeek?.((day + 1) / 7);
    }
    for (const w of this.#windows) this.#flush(w);
    this.#compareDays();
    this.figures.midnightsCoded = this.#truth.midnightsCoded;
    this.figures.maxLedgerChars = this.#files.maxLedgerChars;
    return this.figures;
  }

  // --- the person -----------------------------------------------------------------------------

  #workDay(day: number): void {
    const weekend = day % 7 >= 5;
    // Wednesdays, some other weekdays, and the nights the clocks change go on past midnight.
    const clocksChange = this.#clocksChangeTonight();
    const lateNight = clocksChange || (!weekend && (day % 7 === 2 || this.#rnd() < 0.25));
    const firstDay = day === 0;
    if (!firstDay && lateNight) this.#sleep((4 + Math.floor(this.#rnd() * 3)) * HOUR); // starts in the afternoon
    const midnightWallMs = this.#calendar.startOfNextDay(this.#clock.wallMs);
    const workMs = (weekend ? 2 : 7) * HOUR + Math.floor(this.#rnd() * 3 * HOUR);
    const endMonoMs = this.#clock.monoMs + workMs;
    // A late night ends with two hours of steady typing over midnight: any other step may last that long.
    const typingFromWallMs = midnightWallMs - 2 * HOUR;
    while (this.#clock.monoMs < endMonoMs && !(lateNight && this.#clock.wallMs >= typingFromWallMs)) this.#step();
    if (lateNight) {
      // The clocks change at 02:00: coding goes on over that hour.
      const untilWallMs = midnightWallMs + (clocksChange ? 3 * HOUR : 0) + (5 + Math.floor(this.#rnd() * 40)) * MINUTE;
      if (clocksChange) this.figures.clockChangesCoded++;
      while (this.#clock.wallMs < typingFromWallMs) this.#step();
      while (this.#clock.wallMs < untilWallMs) this.#type();
    }
  }

  /** The next local day is not 24 hours long: the clocks go forward or back in the night. */
  #clocksChangeTonight(): boolean {
    const midnightWallMs = this.#calendar.startOfNextDay(this.#clock.wallMs);
    return this.#calendar.startOfNextDay(midnightWallMs) - midnightWallMs !== DAY_MS;
  }

  /** What the person does next. */
  #step(): void {
    let r = this.#rnd() * this.#choices.totalWeight;
    for (const [weight, act] of this.#choices.actions) {
      r -= weight;
      if (r < 0) {
        act();
        return;
      }
    }
  }

  /** How often each thing happens, in steps out of the total (a step of typing takes about 12 s). */
  #makeChoices(): Choices {
    const { idleThresholdMs, naturalBreakMs } = this.#config.settings;
    const actions: (readonly [number, () => void])[] = [
      [8_500, () => this.#type()],
      [900, () => this.#pauseThenActivity(MAX_TYPING_GAP_MS + this.#below(idleThresholdMs - MAX_TYPING_GAP_MS))], // reading
      [60, () => this.#pauseThenActivity(idleThresholdMs + this.#below(naturalBreakMs - idleThresholdMs))], // idle, not a break
      [12, () => this.#pauseThenActivity(naturalBreakMs + this.#below(HOUR))], // away: a natural break
      [8, () => this.#sleepThenActivity()],
      [10, () => this.#pauseAtThreshold()],
      [5, () => this.#clockSetThenActivity(1)],
      [5, () => this.#clockSetThenActivity(-1)],
      [10, () => this.#clockAcrossMidnightAndBack()],
      [50, () => this.#moveFocus()],
      [15, () => this.#visitAnotherApp()],
      [15, () => this.#reload()],
      [5, () => this.#manualBreak()],
      [30, () => this.#backgroundEvent()],
    ];
    return { actions, totalWeight: actions.reduce((sum, [weight]) => sum + weight, 0) };
  }

  #below(ms: number): number {
    return Math.floor(this.#rnd() * ms);
  }

  /** Short ones as often as long ones, for each factor of ten. */
  #logUniform(minMs: number, maxMs: number): number {
    return Math.round(minMs * (maxMs / minMs) ** this.#rnd());
  }

  /** A pause right at a threshold, or a millisecond short of it. */
  #pauseAtThreshold(): void {
    const { idleThresholdMs, naturalBreakMs } = this.#config.settings;
    const thresholdMs = this.#rnd() < 0.5 ? idleThresholdMs : naturalBreakMs;
    this.#pauseThenActivity(this.#rnd() < 0.5 ? thresholdMs : thresholdMs - 1);
  }

  #focusedWindow(): SimWindow {
    const w = this.#windows.find((x) => x.focused);
    assert.ok(w, 'a window is focused while the person works');
    return w;
  }

  /** A short pause, then a burst of keystrokes. */
  #type(): void {
    this.#passRealTime(100 + this.#below(MAX_TYPING_GAP_MS - 100));
    // NTP steps the clock a little, either way; not near midnight, where a step back leaves a gap no one right day.
    if (this.#rnd() < 0.02 && !this.#nearMidnight(this.#clock.wallMs)) {
      this.#clock.wallMs += (this.#rnd() < 0.5 ? -1 : 1) * (50 + this.#below(MAX_NTP_STEP_MS - 50));
    }
    this.#activity();
    for (let keys = this.#below(20); keys > 0; keys--) {
      this.#passRealTime(40 + this.#below(MAX_KEYSTROKE_GAP_MS - 40));
      this.#activity();
    }
  }

  /**
   * Within a minute of local midnight: a clock set to such a moment leaves a gap that no one right day
   * holds (the tracker gives a gap that began before the clock was set to the day it ends on).
   */
  #nearMidnight(wallMs: number): boolean {
    return this.#calendar.startOfNextDay(wallMs) - wallMs < MINUTE || wallMs - this.#calendar.startOfDay(wallMs) < MINUTE;
  }

  #pauseThenActivity(pauseMs: number): void {
    this.#passRealTime(pauseMs);
    this.#activity();
  }

  /** Returns the coding the gap before it really was. */
  #activity(): number {
    const w = this.#focusedWindow();
    this.#followIfAwaiting(w);
    w.tracker.recordActivity(this.#clock.now());
    this.figures.events++;
    const creditedMs = this.#truth.presence(w.name, this.#clock.wallMs, true);
    // As the host does: an activity that ends an idle gap is written at once.
    if (w.tracker.hasUrgentPending) this.#flush(w);
    this.#check(w);
    return creditedMs;
  }

  /** The lid is closed, maybe after a few seconds, and opened again: none of it is coding. */
  #sleepThenActivity(): void {
    this.#passRealTime(this.#below(30 * SECOND));
    const before = this.#viewBeforeActivity();
    this.#sleep(this.#logUniform(5 * SECOND, 2 * HOUR));
    this.#activity();
    this.#assertNothingCredited(before, 'a sleep');
  }

  /** Someone sets the clock forward or back (into another day too), then types on. */
  #clockSetThenActivity(direction: 1 | -1): void {
    const shiftMs = direction * this.#logUniform(MINUTE, 2 * HOUR);
    if (this.#nearMidnight(this.#clock.wallMs + shiftMs)) return;
    const before = this.#viewBeforeActivity();
    this.#setClock(shiftMs);
    this.#passRealTime(100 + this.#below(MAX_TYPING_GAP_MS - 100));
    const creditedMs = this.#activity();
    if (direction > 0) {
      this.#assertNothingCredited(before, 'a clock set forward');
      return;
    }
    const after = this.#focusedWindow().tracker.view;
    if (after.dayKey === before.dayKey) {
      assert.equal(after.todayActiveMs, before.todayActiveMs + creditedMs, 'a clock set back: the real seconds count, no more');
    }
    this.#codeOnUntilWritten();
  }

  /**
   * A wrong clock: set forward past midnight (a machine that boots with a wrong date), some coding on the
   * day it shows, then set right again, back into the day it left.
   */
  #clockAcrossMidnightAndBack(): void {
    const shiftMs = this.#calendar.startOfNextDay(this.#clock.wallMs) - this.#clock.wallMs + MINUTE + this.#below(2 * HOUR);
    this.#setClock(shiftMs);
    this.figures.daysJumped++;
    this.#activity();
    const untilMonoMs = this.#clock.monoMs + this.#below(30 * MINUTE);
    while (this.#clock.monoMs < untilMonoMs || this.#nearMidnight(this.#clock.wallMs - shiftMs)) this.#type();
    this.#setClock(-shiftMs);
    this.#passRealTime(100 + this.#below(MAX_TYPING_GAP_MS - 100));
    this.#activity();
    this.#codeOnUntilWritten();
  }

  #setClock(shiftMs: number): void {
    this.#clock.wallMs += shiftMs;
    this.#truth.clockSet(shiftMs);
    this.figures.jumps++;
  }

  /**
   * After a clock set back, an absence would be measured from the ledger's moment before the change, and
   * come out short by up to the change, until the next write: the person codes on until then.
   */
  #codeOnUntilWritten(): void {
    const writtenByMonoMs = this.#focusedWindow().nextRefreshMonoMs;
    while (this.#clock.monoMs <= writtenByMonoMs) this.#type();
  }

  /** The focused window's view as the next activity will find it, after reading what others wrote. */
  #viewBeforeActivity(): Ledger {
    const w = this.#focusedWindow();
    this.#followIfAwaiting(w);
    return { ...w.tracker.view };
  }

  /** As the host does at each activity after gaining focus, until it reads another window's write. */
  #followIfAwaiting(w: SimWindow): void {
    if (w.awaitingOthers) this.#readIfChanged(w);
  }

  #assertNothingCredited(before: Ledger, what: string): void {
    const after = this.#focusedWindow().tracker.view;
    if (after.dayKey === before.dayKey) assert.equal(after.todayActiveMs, before.todayActiveMs, `${what} is never coding`);
    else assert.equal(after.todayActiveMs, 0, `${what} into a new day starts it at zero`);
    assert.ok(after.activeMsSinceBreak <= before.activeMsSinceBreak, `${what} adds nothing to the time since the last break`);
  }

  /** Focus moves to the other window: the one left writes what it credited, the one entered reads. */
  #moveFocus(): void {
    const from = this.#focusedWindow();
    const to = this.#windows.find((w) => w !== from) as SimWindow;
    this.#passRealTime(this.#below(MAX_TYPING_GAP_MS));
    this.figures.focusMoves++;
    if (this.#rnd() < 0.7) {
      this.#blur(from);
      this.#passRealTime(200 + this.#below(3 * SECOND));
      this.#focus(to);
      return;
    }
    // Each window has its own extension host: the one entered may hear of it, and write, before the one
    // left (see LEDGER_LAG).
    this.#truth.presence(from.name, this.#clock.wallMs, true);
    this.#truth.presence(to.name, this.#clock.wallMs, false);
    this.#readIfChanged(to);
    to.tracker.setFocused(true, this.#clock.now());
    to.focused = true;
    this.#flush(to);
    to.awaitingOthers = true;
    from.tracker.setFocused(false, this.#clock.now());
    from.focused = false;
    this.#flush(from);
    this.figures.events += 2;
    // Without a watcher the window entered hears of the left window's write at its next activity or refresh.
    if (this.#config.watcher !== false) this.#check(to);
  }

  /** A browser, a chat, a meeting: VS Code loses focus, and the person comes back to either window. */
  #visitAnotherApp(): void {
    this.#passRealTime(this.#below(MAX_TYPING_GAP_MS));
    this.#blur(this.#focusedWindow());
    this.#passRealTime(5 * SECOND + this.#below(20 * MINUTE));
    if (this.#rnd() < 0.3) this.#sleep(5 * SECOND + this.#below(30 * MINUTE));
    this.#focus(this.#windows[this.#rnd() < 0.5 ? 0 : 1]);
  }

  #leaveVsCode(): void {
    this.#passRealTime(this.#below(MAX_TYPING_GAP_MS));
    this.#blur(this.#focusedWindow());
  }

  #comeBack(): void {
    const focused = this.#windows.find((w) => w.focused);
    if (focused) this.#activity();
    else this.#focus(this.#windows[this.#rnd() < 0.5 ? 0 : 1]);
  }

  #manualBreak(): void {
    const w = this.#focusedWindow();
    w.tracker.recordManualBreak(this.#clock.now());
    this.figures.events++;
    this.#truth.manualBreak(w.name, this.#clock.wallMs);
    this.#flush(w);
    this.#check(w);
  }

  /** A task ends or a terminal prints in the window in the background: not the person, not coding. */
  #backgroundEvent(): void {
    const w = this.#windows.find((x) => !x.focused) as SimWindow;
    const before = { ...w.tracker.view };
    w.tracker.recordActivity(this.#clock.now());
    this.figures.events++;
    assert.deepEqual(w.tracker.view, before, 'an unfocused window ignores activity');
    assert.equal(w.tracker.hasPending, false);
  }

  /** A window is reloaded, or its extension host dies: a new tracker starts from the shared ledger (see LEDGER_LAG). */
  #reload(): void {
    const focused = this.#focusedWindow();
    const w = this.#rnd() < 0.7 ? focused : (this.#windows.find((x) => x !== focused) as SimWindow);
    const crash = this.#rnd() < 0.4 && this.#truth.mayCrash(w.name);
    if (crash) {
      const lostMs = this.#truth.crashed(w.name);
      assert.ok(
        lostMs <= maxLossPerCrashMs(this.#config.settings),
        `a crash loses at most what was credited since the last write (${lostMs} ms)`,
      );
      this.figures.crashes++;
    }
    this.#restart([w], crash);
  }

  /**
   * VS Code restarted overnight (an update): every window starts again from the ledger, after the night's
   * absence; in time zone `calendar` when it was closed in one place and opened in another.
   */
  #restartAll(calendar?: Calendar): void {
    this.#restart(this.#windows, false, calendar);
  }

  #restart(windows: readonly SimWindow[], crash: boolean, calendar?: Calendar): void {
    for (const w of windows) {
      if (!crash) this.#flush(w); // deactivate() writes what is pending
      w.nextRefreshMonoMs = Number.POSITIVE_INFINITY;
      this.figures.reloads++;
    }
    if (calendar) {
      this.#calendar = calendar;
      this.#truth.calendar = calendar;
      this.figures.zoneChanges++;
    }
    this.#passRealTime(2 * SECOND + this.#below(MAX_RELOAD_MS - 2 * SECOND));
    for (const w of windows) {
      this.#startTracker(w);
      if (w.focused) this.#truth.presence(w.name, this.#clock.wallMs, false);
    }
    for (const w of windows) this.#refresh(w); // a session refreshes once as it starts
  }

  // --- the host -------------------------------------------------------------------------------

  #openWindow(name: WindowName, focused: boolean): SimWindow {
    const w: SimWindow = {
      name,
      focused,
      tracker: undefined as unknown as ActivityTracker,
      seenSeq: -1,
      awaitingOthers: false,
      nextRefreshMonoMs: 0,
      shown: { dayKey: '', ms: 0 },
    };
    this.#startTracker(w);
    return w;
  }

  #startTracker(w: SimWindow): void {
    w.tracker = new ActivityTracker(this.#config.settings, this.#calendar, this.#files.read(), this.#clock.now(), w.focused);
    w.seenSeq = this.#files.seq;
    w.nextRefreshMonoMs = this.#clock.monoMs + 1 + this.#below(REFRESH_MS);
    // A crash may take back what this window showed and never wrote.
    w.shown = { dayKey: '', ms: 0 };
  }

  #blur(w: SimWindow): void {
    w.tracker.setFocused(false, this.#clock.now());
    w.focused = false;
    this.figures.events++;
    this.#truth.presence(w.name, this.#clock.wallMs, true);
    this.#flush(w);
  }

  /** As the host does it: the window reads what others wrote, then the tracker hears of the focus, then it writes. */
  #focus(w: SimWindow): void {
    this.#readIfChanged(w);
    w.tracker.setFocused(true, this.#clock.now());
    w.focused = true;
    this.figures.events++;
    this.#truth.presence(w.name, this.#clock.wallMs, false);
    this.#flush(w);
    w.awaitingOthers = true;
    this.#check(w);
  }

  #sleep(ms: number): void {
    this.#clock.sleep(ms);
    this.#truth.slept(ms);
    this.figures.sleeps++;
  }

  /** Real time passes: both clocks move, and each window's minute timer fires on the way. */
  #passRealTime(ms: number): void {
    const endMonoMs = this.#clock.monoMs + ms;
    for (;;) {
      const due = this.#windows.reduce((a, b) => (b.nextRefreshMonoMs < a.nextRefreshMonoMs ? b : a));
      if (due.nextRefreshMonoMs > endMonoMs) break;
      this.#advance(due.nextRefreshMonoMs - this.#clock.monoMs);
      due.nextRefreshMonoMs += REFRESH_MS;
      this.#refresh(due);
    }
    this.#advance(endMonoMs - this.#clock.monoMs);
  }

  #advance(ms: number): void {
    this.#clock.advance(ms);
    this.#truth.realTimePassed(ms);
  }

  #refresh(w: SimWindow): void {
    this.#readIfChanged(w);
    w.awaitingOthers = false;
    w.tracker.tick(this.#clock.now());
    this.#flush(w);
    if (!w.focused) return;
    // Shown, and written for the other windows and the reminders: a break is recorded while the person is away.
    const shownMs = w.tracker.snapshot(this.#clock.now()).activeMsSinceBreak;
    const writtenMs = w.tracker.activeMsSinceBreak;
    const expectedMs = this.#truth.sessionNowMs;
    if (shownMs !== expectedMs || writtenMs !== expectedMs) {
      assert.deepEqual(
        { shownMs, writtenMs },
        { shownMs: expectedMs, writtenMs: expectedMs },
        this.#where('the time since the last break at a refresh'),
      );
    }
  }

  #readIfChanged(w: SimWindow): void {
    if (w.seenSeq === this.#files.seq) return;
    w.tracker.rebase(this.#files.read());
    w.seenSeq = this.#files.seq;
    w.awaitingOthers = false;
  }

  #flush(w: SimWindow): void {
    // As the host: what is pending, or the move of the ledger to this window's day.
    const todayKey = this.#calendar.dayKey(this.#clock.wallMs);
    if (!w.tracker.hasPending && w.tracker.view.dayKey === todayKey) return;
    const written = this.#files.write(w.tracker.takePending(), this.#clock.wallMs, todayKey);
    w.tracker.rebase(written);
    w.seenSeq = written.seq;
    this.#truth.written(w.name);
    // The file watcher: other windows read the write at once.
    if (this.#config.watcher === false) return;
    for (const other of this.#windows) if (other !== w) this.#readIfChanged(other);
  }

  /** After each presence in the focused window: its clock agrees with the truth and its total never drops. */
  #check(w: SimWindow): void {
    const sessionMs = w.tracker.activeMsSinceBreak;
    if (sessionMs !== this.#truth.sessionMs) assert.equal(sessionMs, this.#truth.sessionMs, this.#where('the time since the last break'));
    // Today as the status bar shows it: the clock's local day, whatever day the ledger was on.
    const { dayKey, todayActiveMs } = w.tracker.snapshot(this.#clock.now());
    if (todayActiveMs !== this.#truth.codedOn(dayKey)) {
      assert.equal(todayActiveMs, this.#truth.codedOn(dayKey), this.#where(`today (${dayKey}) as shown`));
    }
    if (todayActiveMs < 0 || (dayKey === w.shown.dayKey && todayActiveMs < w.shown.ms)) {
      assert.fail(this.#where(`today's total never drops and is never negative (${w.shown.ms} → ${todayActiveMs})`));
    }
    w.shown.dayKey = dayKey;
    w.shown.ms = todayActiveMs;
  }

  #where(what: string): string {
    return `${what}: seed ${this.#config.seed}, at ${new Date(this.#clock.wallMs).toISOString()} (mono ${this.#clock.monoMs}), event ${this.figures.events}`;
  }

  #compareDays(): void {
    const recorded = new Map(allDays(this.#files.history, this.#files.read()).map((d) => [d.day, d]));
    const truth = this.#truth.recorded();
    assert.deepEqual([...recorded.keys()].sort(), [...truth.keys()].sort(), 'the same days have records');
    for (const [day, expected] of truth) {
      const actual = recorded.get(day);
      assert.deepEqual(actual, expected, `seed ${this.#config.seed}, day ${day}`);
      const t = this.#truth.day(day);
      this.figures.codedMs += t.codedMs;
      this.figures.naturalBreaks += t.natural;
      this.figures.maxDeviationMs = Math.max(this.figures.maxDeviationMs, Math.abs((actual?.activeMs ?? 0) - t.codedMs));
    }
  }
}

function measureHeapUsedBytes(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const totals: RunFigures = {
  days: 0,
  events: 0,
  reloads: 0,
  crashes: 0,
  sleeps: 0,
  jumps: 0,
  daysJumped: 0,
  zoneChanges: 0,
  focusMoves: 0,
  naturalBreaks: 0,
  midnightsCoded: 0,
  clockChangesCoded: 0,
  codedMs: 0,
  maxDeviationMs: 0,
  maxLedgerChars: 0,
};
let heapGrowthBytes: number | null = null;

function tally(f: RunFigures): void {
  for (const key of Object.keys(totals) as (keyof RunFigures)[]) {
    totals[key] = key === 'maxDeviationMs' || key === 'maxLedgerChars' ? Math.max(totals[key], f[key]) : totals[key] + f[key];
  }
}

/** Sanity of a run: it really exercised what it claims to. */
function assertVaried(f: RunFigures, days: number): void {
  assert.equal(f.days, days);
  assert.ok(f.codedMs > days * 3 * HOUR, `a working week of coding (${(f.codedMs / HOUR).toFixed(1)} h)`);
  for (const key of ['reloads', 'crashes', 'sleeps', 'jumps', 'daysJumped', 'focusMoves', 'naturalBreaks', 'midnightsCoded'] as const)
    assert.ok(f[key] > 0, `the run had ${key}`);
}

describe('a long run over the core', function () {
  this.timeout(60_000);

  after(() => {
    const growth = heapGrowthBytes === null ? 'n/a' : `${(heapGrowthBytes / 1024).toFixed(0)} KiB`;
    console.log(
      `      long run: ${totals.days} simulated days, ${totals.events} events, ${totals.reloads} reloads (${totals.crashes} crashes), ${totals.sleeps} sleeps, ${totals.jumps} clock changes (${totals.daysJumped} past midnight and back), ` +
        `${totals.zoneChanges} time zone changes, ${totals.clockChangesCoded} nights coded over a change of clocks, ` +
        `${totals.focusMoves} focus moves, ${totals.naturalBreaks} natural breaks, ${totals.midnightsCoded} midnights coded across, ${(totals.codedMs / HOUR).toFixed(0)} h coded; ` +
        `largest daily difference from ground truth ${(totals.maxDeviationMs / SECOND).toFixed(1)} s (all of it unwritten when a window crashed); ` +
        `ledger at most ${totals.maxLedgerChars} chars; heap growth from week 2 to 8 ${growth}`,
    );
  });

  const weeks: { seed: number; zone: Zone; settings: TrackerSettings; watcher?: boolean }[] = [
    { seed: 1, zone: -300, settings: DEFAULTS },
    { seed: 2, zone: 60, settings: DEFAULTS },
    { seed: 3, zone: 330, settings: DEFAULTS },
    { seed: 4, zone: 540, settings: TIGHT },
    { seed: 5, zone: -600, settings: TIGHT },
    // Where file changes are not seen (some network file systems): windows learn of writes at their minute refresh.
    { seed: 8, zone: 0, settings: DEFAULTS, watcher: false },
    { seed: 7, zone: 120, settings: TIGHT, watcher: false },
  ];
  for (const { seed, zone, settings, watcher } of weeks) {
    it(`matches what really happened over a week, day by day (seed ${seed}, ${zoneName(zone)}, idle ${settings.idleThresholdMs / SECOND} s${watcher === false ? ', no file watcher' : ''})`, () => {
      const figures = new Simulation({ seed, days: 7, zone, settings, watcher }).run();
      assertVaried(figures, 7);
      tally(figures);
    });
  }

  // Days of 23 and 25 hours: the week of each change of clocks in New York (Sunday 8 March and 1 November 2026).
  const clockChanges: { seed: number; firstDay: [number, number, number]; settings: TrackerSettings; watcher?: boolean }[] = [
    { seed: 11, firstDay: [2026, 2, 2], settings: DEFAULTS },
    { seed: 12, firstDay: [2026, 9, 26], settings: TIGHT, watcher: false },
  ];
  for (const { seed, firstDay, settings, watcher } of clockChanges) {
    it(`matches what really happened over the week the clocks change in New York (seed ${seed}, from ${firstDay.join('-')})`, () => {
      const figures = new Simulation({ seed, days: 7, zone: 'America/New_York', firstDay, settings, watcher }).run();
      assertVaried(figures, 7);
      assert.equal(figures.clockChangesCoded, 1, 'coded over the change of clocks');
      tally(figures);
    });
  }

  it('matches what really happened when VS Code is closed in Tokyo and opened in Los Angeles, and back (seed 13)', () => {
    const moves = [
      { afterDay: 1, zone: 'America/Los_Angeles' },
      { afterDay: 4, zone: 'Asia/Tokyo' },
    ];
    const figures = new Simulation({ seed: 13, days: 7, zone: 'Asia/Tokyo', moves, settings: DEFAULTS }).run();
    assertVaried(figures, 7);
    assert.equal(figures.zoneChanges, 2);
    tally(figures);
  });

  it('keeps memory and the ledger flat over eight weeks', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heapAfterWeekBytes: number[] = [];
    const figures = new Simulation({
      seed: 42,
      days: 56,
      zone: 0,
      settings: DEFAULTS,
      afterWeek: () => heapAfterWeekBytes.push(measureHeapUsedBytes(gc)),
    }).run();
    assertVaried(figures, 56);
    tally(figures);
    const second = heapAfterWeekBytes[1] ?? 0;
    const last = heapAfterWeekBytes[heapAfterWeekBytes.length - 1] ?? 0;
    heapGrowthBytes = last - second;
    const weekly = heapAfterWeekBytes.map((b) => (b / 1024).toFixed(0)).join(', ');
    // History adds a few hundred bytes a day; anything kept per event (over 100 000 a week) would be megabytes.
    assert.ok(
      heapGrowthBytes < 256 * 1024,
      `the heap grew ${(heapGrowthBytes / 1024).toFixed(0)} KiB from week 2 to week 8 (KiB after each week: ${weekly})`,
    );
    // Today's totals and the running clock: the days that ended leave the ledger at every write. (The
    // learned waits, none here, add at most a few KB: see waits.test.ts.)
    assert.ok(figures.maxLedgerChars < 1_152, `the ledger file stays small (${figures.maxLedgerChars} chars)`);
  });
});
