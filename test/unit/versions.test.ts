import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { HISTORY_COLUMNS } from '../../src/core/history';
import { commitOps, emptyLedger, type Ledger, type LedgerOp } from '../../src/core/ledger';
import { type Hold } from '../../src/core/reminders/scheduler';
import { seededRandom } from '../support/garbage';
import { ledgerFile } from '../support/storage';

/**
 * Upright 0.1.0's ledger and history storage, bundled from its release commit by
 * scripts/releaseStorage.js: the code an editor that has not updated yet runs.
 */
interface ReleaseStorage {
  LedgerFile: new (dir: string, options: ReleaseOptions) => ReleaseLedgerFile;
  openHistoryFile: unknown;
  emptyLedger(dayKey: string): ReleaseLedger;
  commitOps(current: ReleaseLedger, ops: readonly ReleaseOp[], nowWallMs: number): ReleaseLedger;
}
interface ReleaseOptions {
  owner: string;
  openHistory: unknown;
  onProblem: (message: string) => void;
  nowWallMs: () => number;
}
/** The fields of 0.1.0's ledger that the test reads. */
interface ReleaseLedger {
  readonly dayKey: string;
  readonly todayActiveMs: number;
  readonly activeMsSinceBreak: number;
  readonly todayBreaks: Readonly<Record<string, number>>;
  readonly todayRoutines: number;
}
type ReleaseOp =
  | { type: 'credit'; ms: number; dayKey: string; endWallMs: number }
  | { type: 'break'; kind: 'manual' | 'natural'; atWallMs: number; dayKey: string; idleSinceWallMs?: number }
  | { type: 'routineDone'; routineId: string; atWallMs: number; dayKey: string; exercises: { id: string; ms: number }[] };
interface ReleaseLedgerFile {
  read(fallback: ReleaseLedger): ReleaseLedger;
  update(fallback: ReleaseLedger, change: (current: ReleaseLedger) => ReleaseLedger): ReleaseLedger;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const release = require('../fixtures/upright-0.1.0-storage.js') as ReleaseStorage;

const DAY = '2026-03-02';
const NEXT_DAY = '2026-03-03';
/** 09:00 on DAY, in UTC (the test's own calendar: no time zone of the machine is involved). */
const START_WALL_MS = Date.UTC(2026, 2, 2, 9);
const MIDNIGHT_WALL_MS = Date.UTC(2026, 2, 3);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** What happened, written down apart from either version's code. */
interface Done {
  activeMs: number;
  activeMsSinceBreak: number;
  breaks: { manual: number; natural: number };
  routines: number;
}

function readJson(file: string): { [key: string]: unknown } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { [key: string]: unknown };
}

describe('versions side by side: two versions of Upright write one folder', function () {
  this.timeout(60_000);
  let dir: string;
  let problems: string[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-versions-'));
    problems = [];
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const endsTheDay of ['today', 'release'] as const) {
    it(`0.1.0 and today’s code take turns through a working day; ${endsTheDay === 'today' ? 'today’s code' : '0.1.0'} ends it`, () => {
      let nowWallMs = START_WALL_MS;
      const clock = () => nowWallMs;
      const today = ledgerFile(dir, { owner: 'today', onProblem: (m) => problems.push(`today: ${m}`), nowWallMs: clock });
      const old = new release.LedgerFile(dir, {
        owner: 'release',
        openHistory: release.openHistoryFile,
        onProblem: (m) => problems.push(`0.1.0: ${m}`),
        nowWallMs: clock,
      });
      // Each window's last known ledger, as each passes it to its store (what it shows, and what it falls back on).
      let todayKnows: Ledger = emptyLedger(DAY);
      let oldKnows: ReleaseLedger = release.emptyLedger(DAY);
      const record: Done = { activeMs: 0, activeMsSinceBreak: 0, breaks: { manual: 0, natural: 0 }, routines: 0 };
      const random = seededRandom(7);
      // Today's code holds reminders: a field 0.1.0 does not know.
      const hold: Hold = { untilWallMs: null, sinceWallMs: START_WALL_MS };
      todayKnows = today.update(todayKnows, (l) =>
        commitOps(l, [{ type: 'reminder', answer: { set: { hold } }, atWallMs: nowWallMs, dayKey: DAY }], nowWallMs, DAY),
      );
      const writes = { today: 0, release: 0 };
      // The day: one writer or the other, each write a stretch of coding and now and then a break.
      while (nowWallMs < MIDNIGHT_WALL_MS - 30 * MINUTE) {
        const writer = random() < 0.5 ? 'today' : 'release';
        const ms = Math.round(random() * 3 * MINUTE);
        nowWallMs += ms;
        const ops: ReleaseOp[] = [{ type: 'credit', ms, dayKey: DAY, endWallMs: nowWallMs }];
        record.activeMs += ms;
        record.activeMsSinceBreak += ms;
        const dice = random();
        if (dice < 0.01) {
          ops.push({
            type: 'routineDone',
            routineId: 'posture-reset',
            atWallMs: nowWallMs,
            dayKey: DAY,
            exercises: [{ id: 'chin-tuck', ms: 30 * SECOND }],
          });
          record.routines++;
        } else if (dice < 0.03) {
          ops.push({ type: 'break', kind: 'manual', atWallMs: nowWallMs, dayKey: DAY });
          record.breaks.manual++;
          record.activeMsSinceBreak = 0;
        } else if (dice < 0.06) {
          // Away for ten minutes: the break is counted once, by whichever window notices.
          const idleSinceWallMs = nowWallMs;
          nowWallMs += 10 * MINUTE;
          ops.push({ type: 'break', kind: 'natural', atWallMs: nowWallMs, dayKey: DAY, idleSinceWallMs });
          record.breaks.natural++;
          record.activeMsSinceBreak = 0;
        }
        if (writer === 'today') {
          todayKnows = today.update(todayKnows, (l) => commitOps(l, ops, nowWallMs, DAY));
          assert.deepEqual(todayKnows.hold, hold, 'today’s hold stands, whatever 0.1.0 wrote');
        } else {
          oldKnows = old.update(oldKnows, (l) => release.commitOps(l, ops, nowWallMs));
          // 0.1.0 writes only the fields it knows: today's code puts its hold back from memory at its next write.
          assert.equal(readJson(today.file).hold, undefined);
        }
        writes[writer]++;
        // Either version reads the same totals, exactly.
        for (const read of [today.read(todayKnows), old.read(oldKnows)]) {
          assert.equal(read.todayActiveMs, record.activeMs);
          assert.equal(read.activeMsSinceBreak, record.activeMsSinceBreak);
          assert.equal(read.todayBreaks.manual, record.breaks.manual);
          assert.equal(read.todayBreaks.natural, record.breaks.natural);
          assert.equal(read.todayRoutines, record.routines);
        }
      }
      assert.ok(writes.today > 50 && writes.release > 50, `both wrote often (${writes.today}, ${writes.release})`);
      assert.ok(record.routines > 0 && record.breaks.manual > 0 && record.breaks.natural > 0, 'a day with breaks and routines');
      // Past midnight: one of them ends the day, and it moves to history whole.
      nowWallMs = MIDNIGHT_WALL_MS + 5 * MINUTE;
      const late: ReleaseOp[] = [{ type: 'credit', ms: MINUTE, dayKey: NEXT_DAY, endWallMs: nowWallMs }];
      if (endsTheDay === 'today') todayKnows = today.update(todayKnows, (l) => commitOps(l, late, nowWallMs, NEXT_DAY));
      else oldKnows = old.update(oldKnows, (l) => release.commitOps(l, late, nowWallMs));
      const history = today.readHistory();
      assert.deepEqual(
        history.days.map((d) => [d.day, d.activeMs, d.manual, d.natural, d.routines]),
        [[DAY, record.activeMs, record.breaks.manual, record.breaks.natural, record.routines]],
      );
      const after = today.read(todayKnows);
      assert.equal(after.dayKey, NEXT_DAY);
      assert.equal(after.todayActiveMs, MINUTE);
      assert.deepEqual(after.closedDays, []);
      assert.deepEqual(problems, [], 'neither version found the other’s files damaged');
    });
  }

  it('today’s code keeps what a newer version writes that it does not know, in the ledger and in history', () => {
    let nowWallMs = START_WALL_MS;
    const clock = () => nowWallMs;
    const today = ledgerFile(dir, { owner: 'today', onProblem: (m) => problems.push(m), nowWallMs: clock });
    // A newer version: today's storage, and fields of its own (a count of its own and a kind of break
    // today's code does not count), and a history column of its own.
    const newer = ledgerFile(dir, { owner: 'newer', onProblem: (m) => problems.push(m), nowWallMs: clock });
    const newerFields = (l: Ledger): Ledger => {
      const own = l as Ledger & { focusWrites?: number; todayBreaks: { stretch?: number } };
      return {
        ...l,
        focusWrites: (own.focusWrites ?? 0) + 1,
        todayBreaks: { ...l.todayBreaks, stretch: (own.todayBreaks.stretch ?? 0) + 1 },
      } as Ledger;
    };
    const historyFile = path.join(dir, 'history.json');
    const earlier = ['2026-03-01', 30 * MINUTE, ...HISTORY_COLUMNS.slice(2).map(() => 0), 12 * MINUTE];
    fs.writeFileSync(
      historyFile,
      JSON.stringify({
        version: 1,
        columns: [...HISTORY_COLUMNS, 'focusMs'],
        exercisesThrough: null,
        parts: [],
        exercises: {},
        days: [earlier],
      }),
    );
    let todayKnows = emptyLedger(DAY);
    let newerKnows = emptyLedger(DAY);
    const random = seededRandom(11);
    let activeMs = 0;
    let newerWrites = 0;
    while (nowWallMs < MIDNIGHT_WALL_MS - 30 * MINUTE) {
      const ms = Math.round(random() * 3 * MINUTE);
      nowWallMs += ms;
      activeMs += ms;
      const ops: LedgerOp[] = [{ type: 'credit', ms, dayKey: DAY, endWallMs: nowWallMs }];
      if (random() < 0.5) todayKnows = today.update(todayKnows, (l) => commitOps(l, ops, nowWallMs, DAY));
      else {
        newerKnows = newer.update(newerKnows, (l) => newerFields(commitOps(l, ops, nowWallMs, DAY)));
        newerWrites++;
      }
    }
    const ledger = readJson(today.file) as { todayActiveMs: number; focusWrites: number; todayBreaks: { stretch: number } };
    assert.equal(ledger.todayActiveMs, activeMs);
    assert.equal(ledger.focusWrites, newerWrites, 'not one of the newer version’s writes was lost');
    assert.equal(ledger.todayBreaks.stretch, newerWrites);
    // Today's code ends the day: the newer column keeps its value for the day it had, and 0 for the new one.
    nowWallMs = MIDNIGHT_WALL_MS + MINUTE;
    today.update(todayKnows, (l) =>
      commitOps(l, [{ type: 'credit', ms: SECOND, dayKey: NEXT_DAY, endWallMs: nowWallMs }], nowWallMs, NEXT_DAY),
    );
    const history = readJson(historyFile) as { columns: string[]; days: unknown[][] };
    // Its kind of break goes to a column of that name, as every kind of break does.
    assert.deepEqual(history.columns, [...HISTORY_COLUMNS, 'focusMs', 'stretch']);
    assert.deepEqual(history.days[0], [...earlier, 0]);
    assert.deepEqual(history.days[1]?.slice(0, 2), [DAY, activeMs]);
    assert.deepEqual(history.days[1]?.slice(-2), [0, newerWrites]);
    assert.equal((readJson(today.file) as { focusWrites: number }).focusWrites, newerWrites, 'and the ledger still holds its fields');
    assert.deepEqual(problems, []);
  });
});
