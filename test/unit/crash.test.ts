// Crash consistency of the shared ledger: a writer killed at any point of a write loses nothing that
// was committed, never leaves a half-applied change, and never blocks the windows that come after it.
import * as assert from 'node:assert/strict';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Readable, type Writable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';

import { addDays, allDays, emptyHistory, type History, mergeClosedDays, parseHistory, placeDays } from '../../src/core/history';
import { applyOps, claimPrompt, emptyLedger, type Ledger, readLedger } from '../../src/core/ledger';
import { LedgerBusyError, type LedgerFs, nodeLedgerFs } from '../../src/host/storage/ledgerFile';
import { ledgerFile } from '../support/storage';

const FIRST_DAY = '2026-03-02';
const START_WALL_MS = Date.UTC(2026, 2, 2, 8);
const MINUTE_MS = 60_000;
/** The stale-lock timeout: LedgerFile's default, which the workers keep. */
const STALE_LOCK_MS = 10_000;
/** Window i of a run has pid FIRST_PID + i; the ones before it are dead. */
const FIRST_PID = 4_000_001;
/** A window starts this long after the one before was killed: longer than a lock that names no owner is respected. */
const RESTART_DELAY_MS = 2_000;
/** Workers started while an earlier one runs: Node takes longer to start than a worker lives. */
const WORKERS_STARTED_AHEAD = 4;

/** mulberry32: a seed tries the same crash points on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class WriterKilled extends Error {
  constructor() {
    super('the writer process was killed');
  }
}

/**
 * The file system as one writer process sees it until the process is killed at operation number
 * `killAtOperation`: that operation does not happen, except that a write leaves the first part of its
 * data behind (a kill in the middle of write()), and every later operation fails, since nobody is left
 * to make it. Files already written stay as they are: a killed process leaves the page cache intact.
 */
class DyingFs implements LedgerFs {
  operations = 0;
  killedIn: string | undefined;
  readonly #killAtOperation: number;
  readonly #keptFraction: number;

  constructor(killAtOperation: number, keptFraction: number) {
    this.#killAtOperation = killAtOperation;
    this.#keptFraction = keptFraction;
  }

  #run<T>(name: string, file: string, operation: () => T): T {
    if (this.killedIn !== undefined) throw new WriterKilled();
    if (this.operations++ === this.#killAtOperation) {
      this.killedIn = `${name} ${path
        .basename(file)
        .replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.tmp')
        .replace(/\.[0-9a-f]+\.stale$/, '.stale')}`;
      throw new WriterKilled();
    }
    return operation();
  }

  readFileSync(file: string, encoding: 'utf8'): string {
    return this.#run('read', file, () => nodeLedgerFs.readFileSync(file, encoding));
  }

  writeFileSync(file: string, data: string, options?: { flag?: string }): void {
    if (this.killedIn === undefined && this.operations === this.#killAtOperation) {
      try {
        nodeLedgerFs.writeFileSync(file, data.slice(0, Math.floor(data.length * this.#keptFraction)), options);
      } catch {
        /* the file could not be created (the lock is taken): nothing was cut short */
      }
    }
    this.#run('write', file, () => nodeLedgerFs.writeFileSync(file, data, options));
  }

  renameSync(from: string, to: string): void {
    this.#run('rename', from, () => nodeLedgerFs.renameSync(from, to));
  }

  unlinkSync(file: string): void {
    this.#run('unlink', file, () => nodeLedgerFs.unlinkSync(file));
  }

  statSync(file: string): { mtimeMs: number; size: number } {
    return this.#run('stat', file, () => nodeLedgerFs.statSync(file));
  }

  mkdirSync(dir: string, options: { recursive: true }): unknown {
    return this.#run('mkdir', 'folder', () => nodeLedgerFs.mkdirSync(dir, options));
  }

  linkSync(existing: string, newPath: string): void {
    this.#run('link', existing, () => nodeLedgerFs.linkSync(existing, newPath));
  }
}

/** One locked write of a window: the change it makes and the coding time it credits. */
interface Step {
  readonly label: 'credit' | 'new day' | 'claim' | 'break';
  readonly creditMs: number;
  readonly change: (current: Ledger) => Ledger;
}

/** A day of work in a window: credits, days that end (so history.json is written), a claimed prompt, a break. */
function makeScript(random: () => number, length: number): Step[] {
  const steps: Step[] = [];
  let dayKey = FIRST_DAY;
  const opening: Step['label'][] = ['credit', 'claim', 'new day', 'credit', 'break'];
  for (let i = 0; i < length; i++) {
    const roll = random();
    const label = opening[i] ?? (roll < 0.5 ? 'credit' : roll < 0.7 ? 'new day' : roll < 0.85 ? 'claim' : 'break');
    const atWallMs = START_WALL_MS + i * MINUTE_MS;
    if (label === 'new day') dayKey = addDays(dayKey, random() < 0.8 ? 1 : 3);
    const day = dayKey;
    if (label === 'credit' || label === 'new day') {
      const creditMs = 1 + Math.floor(random() * MINUTE_MS);
      steps.push({ label, creditMs, change: (l) => applyOps(l, [{ type: 'credit', ms: creditMs, dayKey: day, endWallMs: atWallMs }]) });
    } else if (label === 'claim') {
      const claim = {
        id: `due-${i}`,
        owner: random() < 0.5 ? 'window-a' : 'window-b',
        claimedAtWallMs: atWallMs,
        expiresAtWallMs: atWallMs + 2 * MINUTE_MS,
      };
      steps.push({ label, creditMs: 0, change: (l) => claimPrompt(l, claim, atWallMs, { episode: claim.id, dayKey: day }).ledger });
    } else {
      steps.push({ label, creditMs: 0, change: (l) => applyOps(l, [{ type: 'break', kind: 'manual', atWallMs, dayKey: day }]) });
    }
  }
  return steps;
}

/** The ledger and the history together, as readers see them. */
interface Stored {
  readonly ledger: Ledger;
  readonly history: History;
}

/** The next window's own first write after the script: whatever the ledger's day is, a second of coding. */
const nextWindowCredit: Step = {
  label: 'credit',
  creditMs: 1_000,
  change: (l) => applyOps(l, [{ type: 'credit', ms: 1_000, dayKey: l.dayKey, endWallMs: START_WALL_MS + 1_000 * MINUTE_MS }]),
};

const nothingStored: Stored = { ledger: emptyLedger(FIRST_DAY), history: emptyHistory() };

let modelWrites = 0;

/** What one complete locked write makes of `before`, by the rules the writer follows, with no file involved. */
function afterWrite(before: Stored, step: Step): Stored {
  const current = before.ledger;
  let next: Ledger = { ...step.change(current), seq: current.seq + 1 };
  if (next.closedDays.length > 0 || next.dayKey !== current.dayKey)
    next = placeDays(before.history, current, next, `model-${modelWrites++}.`);
  return { ledger: { ...next, closedDays: [] }, history: mergeClosedDays(before.history, next.closedDays) };
}

/** The ledger as compared: the writer names the parts of days by its lock's random token, so without their ids. */
function comparableLedger(l: Ledger): Ledger {
  return { ...l, closedDays: l.closedDays.map(({ record, exercises }) => ({ record, exercises })) };
}

/** Both files as compared: without the ids of the parts of days (see `comparableLedger`). */
function comparable(s: Stored): Stored {
  return { ledger: comparableLedger(s.ledger), history: { ...s.history, parts: [] } };
}

/** Coding time as the Stats page counts it: a day found in both history and the ledger is one day. */
function activeMsOf(stored: Stored): number {
  return allDays(stored.history, stored.ledger).reduce((sum, day) => sum + day.activeMs, 0);
}

/** Reads what is on disk as a window that starts now would, with every problem it reports. */
function readStored(dir: string): { stored: Stored; problemKinds: string[] } {
  const problemKinds: string[] = [];
  const reader = ledgerFile(dir, { owner: 'reader', onProblem: (_message, kind) => problemKinds.push(kind) });
  return { stored: { ledger: reader.read(emptyLedger(FIRST_DAY)), history: reader.readHistory() }, problemKinds };
}

interface Kill {
  /** The file operation the window died in. */
  readonly operation: string;
  /** It died after its last write had landed, while letting go of the lock. */
  readonly afterLastWrite: boolean;
  /** The ledger was written with the days it closed, and not yet again without them. */
  readonly partsLeftInLedger: boolean;
}

/**
 * Runs `script` in one window after another (each another pid, starting two seconds after the one
 * before), window i killed at its file operation `killPoints[i]`; the last window finishes the script
 * and writes once more. Checks what every kill left behind, and the end result.
 */
function runWithKills(dir: string, script: readonly Step[], killPoints: readonly number[], keptFraction: number): Kill[] {
  const pidOf = (life: number): number => FIRST_PID + life;
  const kills: Kill[] = [];
  let stored = nothingStored;
  let beforeLastWrite = nothingStored;
  let storedCreditMs = 0;
  let nextStep = 0;
  for (let life = 0; life <= killPoints.length; life++) {
    const dying = new DyingFs(killPoints[life] ?? Number.POSITIVE_INFINITY, keptFraction);
    const problemKinds: string[] = [];
    const window = ledgerFile(dir, {
      owner: `window-${life}`,
      fs: dying,
      pid: pidOf(life),
      isAlive: (pid) => pid >= pidOf(life),
      staleLockMs: STALE_LOCK_MS,
      // Whatever a killed window left, the next one gets in without waiting for it: a busy lock fails the test.
      lockTimeoutMs: 200,
      nowWallMs: () => Date.now() + life * RESTART_DELAY_MS,
      onProblem: (_message, kind) => problemKinds.push(kind),
    });
    const steps = life === killPoints.length ? [...script, nextWindowCredit] : script;
    let interrupted: Step | undefined;
    for (; nextStep < steps.length; nextStep++) {
      const step = steps[nextStep]!;
      let written: Ledger;
      try {
        written = window.update(emptyLedger(FIRST_DAY), step.change);
      } catch (err) {
        if (!(err instanceof WriterKilled)) throw err;
        interrupted = step;
        break;
      }
      beforeLastWrite = stored;
      stored = afterWrite(stored, step);
      storedCreditMs += step.creditMs;
      // Killed once the ledger was written, the write is done: what follows it is checked below.
      if (dying.killedIn !== undefined) break;
      assert.deepEqual(
        comparableLedger(written),
        comparable(stored).ledger,
        `window ${life}, killed at operation ${killPoints[life]}: step ${nextStep} returned what it wrote`,
      );
    }
    if (dying.killedIn === undefined) {
      assert.ok(
        problemKinds.every((kind) => kind === 'stale'),
        `window ${life} reported only the stale lock it took over (${problemKinds.join(', ')})`,
      );
      continue;
    }
    const what = `window ${life} killed at operation ${killPoints[life]} (${dying.killedIn}) ${interrupted ? `in step ${nextStep} (${interrupted.label})` : 'once its last write had landed'}`;
    const afterCrash = readStored(dir);
    assert.deepEqual(afterCrash.problemKinds, [], `${what}: the files read cleanly`);
    const after = comparable(afterCrash.stored);
    if (interrupted) {
      // A step that threw wrote nothing: the ledger is written first, and nothing that fails after that throws.
      assert.deepEqual(after, comparable(stored), `${what}: the interrupted step left nothing behind`);
    }
    const whole = comparable(stored);
    const ledgerWhole = isDeepStrictEqual(after.ledger, whole.ledger);
    // Written once, with the parts of the days it closed, and not again without them.
    const partsLeft = isDeepStrictEqual({ ...after.ledger, closedDays: [] }, whole.ledger) && after.ledger.closedDays.length > 0;
    const historyLanded = isDeepStrictEqual(after.history, whole.history);
    assert.ok(ledgerWhole || partsLeft, `${what}: the ledger holds every committed step`);
    assert.ok(
      historyLanded || (partsLeft && isDeepStrictEqual(after.history, comparable(beforeLastWrite).history)),
      `${what}: history holds every ended day, or they are still in the ledger`,
    );
    assert.equal(activeMsOf(afterCrash.stored), storedCreditMs, `${what}: coding time is neither lost nor counted twice`);
    kills.push({ operation: dying.killedIn, afterLastWrite: interrupted === undefined, partsLeftInLedger: partsLeft });
    stored = afterCrash.stored;
    nextStep++;
  }

  const final = readStored(dir);
  const story = `windows killed at operations ${killPoints.join(', ')}`;
  assert.deepEqual(final.problemKinds, [], `${story}: the files read cleanly at the end`);
  assert.deepEqual(comparable(final.stored), comparable(stored), `${story}: the last window's writes all landed`);
  assert.equal(activeMsOf(final.stored), storedCreditMs, `${story}: coding time adds up at the end`);
  const leftOver = fs.readdirSync(dir).filter((f) => f !== 'ledger.json' && f !== 'history.json');
  // A window killed while writing leaves its temp file; one killed while taking over a stale lock, the lock it moved aside.
  const tempsOf = (life: number): string[] => leftOver.filter((f) => f.endsWith('.tmp') && f.includes(`.${pidOf(life)}.`));
  const movedAside = leftOver.filter((f) => /^ledger\.json\.lock\.[0-9a-f]+\.stale$/.test(f));
  assert.deepEqual(
    [...leftOver].sort(),
    [...killPoints.flatMap((_, life) => tempsOf(life)), ...movedAside].sort(),
    `${story}: no lock is left, only what killed windows were writing`,
  );
  assert.ok(
    killPoints.every((_, life) => tempsOf(life).length <= 1),
    `${story}: at most one temp file per killed window`,
  );
  assert.ok(movedAside.length <= killPoints.length - 1, `${story}: only a window that took a lock over moved one aside`);
  return kills;
}

/** The number of file operations `script` makes when nothing goes wrong. */
function operationsOf(dir: string, script: readonly Step[]): number {
  const counting = new DyingFs(Number.POSITIVE_INFINITY, 1);
  const store = ledgerFile(dir, { owner: 'counting', fs: counting });
  for (const step of script) store.update(emptyLedger(FIRST_DAY), step.change);
  return counting.operations;
}

/** A writer process, started ahead of its turn (starting Node takes longer than a run) and waiting to be told to write. */
class KillableWorker {
  readonly name: string;
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #ended: Promise<string>;
  #unfinishedLine = '';
  #stderr = '';
  #firstSeq: number | undefined;
  #lastSeq = 0;
  #killDelayMs = 0;
  #killTimer: NodeJS.Timeout | undefined;
  #toldToGoAtMs = 0;
  #firstUpdateAtMs = 0;

  constructor(script: string, dir: string, name: string) {
    this.name = name;
    this.#child = spawn(process.execPath, [script, dir, name], { stdio: ['pipe', 'pipe', 'pipe'] });
    // A worker that died before its turn is reported by runUntilKilled, not by a broken pipe.
    this.#child.stdin.on('error', () => undefined);
    this.#child.stdout.on('data', (chunk: Buffer) => this.#onOutput(chunk.toString()));
    this.#child.stderr.on('data', (chunk: Buffer) => (this.#stderr += chunk.toString()));
    this.#ended = new Promise((resolve) => this.#child.on('close', (code, signal) => resolve(signal ?? `exit code ${code ?? '?'}`)));
  }

  #onOutput(text: string): void {
    const lines = (this.#unfinishedLine + text).split('\n');
    this.#unfinishedLine = lines.pop() ?? '';
    for (const line of lines) {
      this.#lastSeq = Number(line);
      if (this.#firstSeq === undefined) {
        this.#firstSeq = this.#lastSeq;
        this.#firstUpdateAtMs = performance.now();
      }
    }
    if (this.#firstSeq !== undefined) this.#killTimer ??= setTimeout(() => this.#child.kill('SIGKILL'), this.#killDelayMs);
  }

  /** Lets it write, kills it `killDelayMs` after its first committed update, and tells which updates it committed and how long the first took. */
  async runUntilKilled(killDelayMs: number): Promise<{ firstSeq: number; lastSeq: number; firstUpdateMs: number }> {
    this.#killDelayMs = killDelayMs;
    this.#toldToGoAtMs = performance.now();
    this.#child.stdin.end('go\n');
    const ending = await this.#ended;
    clearTimeout(this.#killTimer);
    if (ending !== 'SIGKILL' || this.#firstSeq === undefined)
      throw new Error(`${this.name} ended by itself (${ending}) before it was killed: ${this.#stderr}`);
    return { firstSeq: this.#firstSeq, lastSeq: this.#lastSeq, firstUpdateMs: this.#firstUpdateAtMs - this.#toldToGoAtMs };
  }

  /** Ends a worker whose turn never came (the test failed), so that nothing keeps running. */
  stop(): void {
    this.#child.kill('SIGKILL');
  }
}

describe('ledger crash consistency', function () {
  this.timeout(120_000);
  let root: string;

  beforeEach(() => {
    // In memory where there is such a folder, for speed: a killed process leaves the page cache as it is either way.
    root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'upright-crash-'));
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps the ledger and history whole when a writer is killed at any file operation', () => {
    const scripts = 32;
    let crashPoints = 0;
    let secondKills = 0;
    const killedIn = new Map<string, number>();
    const counts = { afterLastWrite: 0, partsLeft: 0 };
    for (let seed = 1; seed <= scripts; seed++) {
      const random = seededRandom(seed);
      const script = makeScript(random, 6 + Math.floor(random() * 5));
      const operations = operationsOf(path.join(root, `count-${seed}`), script);
      for (let killAt = 0; killAt < operations; killAt++) {
        const roll = random();
        const keptFraction = roll < 0.3 ? 0 : roll < 0.6 ? 0.5 : random();
        // Now and then the next window dies too, early on: while it takes over the lock or makes its first write.
        const killPoints = random() < 0.35 ? [killAt, Math.floor(random() * 14)] : [killAt];
        const dir = path.join(root, `${seed}-${killAt}`);
        const kills = runWithKills(dir, script, killPoints, keptFraction);
        fs.rmSync(dir, { recursive: true, force: true });
        assert.ok(kills.length >= 1, `seed ${seed}: operation ${killAt} of ${operations} is reached`);
        crashPoints += kills.length;
        secondKills += kills.length - 1;
        for (const kill of kills) {
          killedIn.set(kill.operation, (killedIn.get(kill.operation) ?? 0) + 1);
          if (kill.afterLastWrite) counts.afterLastWrite++;
          if (kill.partsLeftInLedger) counts.partsLeft++;
        }
      }
    }
    const where = [...killedIn].map(([operation, n]) => `${operation} ${n}`).join(', ');
    console.log(
      `      ${crashPoints} crash points, ${secondKills} of them in the window after a kill (${where}); killed after the last write ${counts.afterLastWrite}, the days moved in history and still in the ledger ${counts.partsLeft}`,
    );
    assert.ok(crashPoints >= 2_000, `thousands of crash points were tried (${crashPoints})`);
    assert.ok(counts.partsLeft > 0, 'some kills fell between the two writes of the ledger');
  });

  it('respects a lock that names no owner for a moment, then takes it over', () => {
    // What a writer killed between creating the lock and filling it leaves behind.
    const lockPath = path.join(root, 'ledger.json.lock');
    fs.writeFileSync(lockPath, '');
    let heldForMs = 0;
    const problemKinds: string[] = [];
    const window = ledgerFile(root, {
      owner: 'window',
      lockTimeoutMs: 50,
      nowMonoMs: () => performance.now() + heldForMs,
      onProblem: (_message, kind) => problemKinds.push(kind),
    });
    const credit = (l: Ledger): Ledger => applyOps(l, [{ type: 'credit', ms: 1, dayKey: FIRST_DAY, endWallMs: START_WALL_MS }]);
    assert.throws(() => window.update(emptyLedger(FIRST_DAY), credit), LedgerBusyError, 'a lock being filled right now is not taken');
    assert.ok(fs.existsSync(lockPath));
    heldForMs = 1_500;
    assert.equal(window.update(emptyLedger(FIRST_DAY), credit).todayActiveMs, 1, 'well before the stale-lock timeout');
    assert.deepEqual(problemKinds, ['stale']);
    assert.ok(!fs.existsSync(lockPath));
  });

  it('loses no committed update when writer processes are killed with SIGKILL mid-write', async function () {
    const kills = Number(process.env.UPRIGHT_CRASH_KILLS ?? 120);
    this.timeout(Math.max(120_000, kills * 1_000));
    const workerScript = path.join(__dirname, 'crash.worker.js');
    const random = seededRandom(2026);
    const ledgerPath = path.join(root, 'ledger.json');
    const historyPath = path.join(root, 'history.json');
    const lockPath = `${ledgerPath}.lock`;
    let seqOnDisk = 0;
    let committedUpdates = 0;
    let lostUpdates = 0;
    let locksLeft = 0;
    let namelessLocksLeft = 0;
    let slowestFirstUpdateMs = 0;
    const started = performance.now();
    const startWorker = (n: number): KillableWorker => new KillableWorker(workerScript, root, `worker-${n}`);
    const waiting = Array.from({ length: Math.min(WORKERS_STARTED_AHEAD, kills) }, (_, n) => startWorker(n));
    try {
      for (let kill = 0; kill < kills; kill++) {
        const delayMs = Math.floor(random() * 31);
        const next = waiting.shift()!;
        if (kill + WORKERS_STARTED_AHEAD < kills) waiting.push(startWorker(kill + WORKERS_STARTED_AHEAD));
        const { firstSeq, lastSeq, firstUpdateMs } = await next.runUntilKilled(delayMs);
        const what = `after kill ${kill} (${delayMs} ms after its first update)`;
        // Whatever lock its predecessor died holding, a worker is writing long before that lock would count as stale.
        assert.ok(firstUpdateMs < STALE_LOCK_MS / 2, `${what}: the worker's first update took ${firstUpdateMs.toFixed(0)} ms`);
        slowestFirstUpdateMs = Math.max(slowestFirstUpdateMs, firstUpdateMs);
        assert.equal(firstSeq, seqOnDisk + 1, `${what}: the worker carried on from the ledger its predecessor left`);
        committedUpdates += lastSeq - firstSeq + 1;
        const { ledger, problems } = readLedger(JSON.parse(fs.readFileSync(ledgerPath, 'utf8')), emptyLedger(FIRST_DAY));
        assert.deepEqual(problems, [], `${what}: the ledger is sound`);
        const historyRead = fs.existsSync(historyPath)
          ? parseHistory(fs.readFileSync(historyPath, 'utf8'))
          : { history: emptyHistory(), problems: [] };
        assert.deepEqual(historyRead.problems, [], `${what}: the history is sound`);
        lostUpdates += Math.max(0, lastSeq - ledger.seq);
        assert.ok(
          ledger.seq >= lastSeq && ledger.seq <= lastSeq + 1,
          `${what}: the ledger holds update ${lastSeq}, the last one committed, and at most the one in flight (${ledger.seq})`,
        );
        assert.equal(
          activeMsOf({ ledger, history: historyRead.history }),
          ledger.seq,
          `${what}: each update's millisecond is counted once, in history or today`,
        );
        seqOnDisk = ledger.seq;
        if (fs.existsSync(lockPath)) {
          locksLeft++;
          if (!/"pid":\d+/.test(fs.readFileSync(lockPath, 'utf8'))) namelessLocksLeft++;
        }
      }
    } finally {
      for (const worker of waiting) worker.stop();
    }
    const survivor = ledgerFile(root, { owner: 'survivor', lockTimeoutMs: 5_000 });
    assert.equal(survivor.update(emptyLedger(FIRST_DAY), (l) => l).seq, seqOnDisk + 1, 'a window gets past the last killed worker');
    assert.ok(!fs.existsSync(lockPath), 'and leaves no lock behind');
    const tempFilesLeft = fs.readdirSync(root).filter((f) => f.endsWith('.tmp')).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `      ${kills} kills in ${seconds} s: ${committedUpdates} updates committed, ${lostUpdates} lost; killed holding the lock ${locksLeft} (${namelessLocksLeft} before naming itself), slowest first update after a kill ${slowestFirstUpdateMs.toFixed(0)} ms, temp files left ${tempFilesLeft}`,
    );
    assert.equal(lostUpdates, 0);
  });
});
