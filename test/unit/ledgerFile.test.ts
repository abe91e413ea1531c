import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { applyOps, emptyLedger, type Ledger } from '../../src/core/ledger';
import { LedgerBusyError, type LedgerFile, type LedgerFs, nodeLedgerFs } from '../../src/host/storage/ledgerFile';
import { ledgerFile } from '../support/storage';

const DAY = '2026-03-02';
const credit = (ms: number) => (l: Ledger) => applyOps(l, [{ type: 'credit', ms, dayKey: DAY, endWallMs: 1 }]);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'upright-ledger-'));
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/**
 * A disk with no room, as a real one behaves: creating a file works (it is empty), writing into it fails
 * with ENOSPC. Reads, renames, links and removals work.
 */
class FullDisk implements LedgerFs {
  full = false;
  readFileSync(file: string, encoding: 'utf8'): string {
    return nodeLedgerFs.readFileSync(file, encoding);
  }
  writeFileSync(file: string, data: string, options?: { flag?: string }): void {
    if (!this.full) return nodeLedgerFs.writeFileSync(file, data, options);
    nodeLedgerFs.writeFileSync(file, '', options);
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });
  }
  renameSync(from: string, to: string): void {
    nodeLedgerFs.renameSync(from, to);
  }
  unlinkSync(file: string): void {
    nodeLedgerFs.unlinkSync(file);
  }
  statSync(file: string): { mtimeMs: number; size: number } {
    return nodeLedgerFs.statSync(file);
  }
  mkdirSync(dir: string, options: { recursive: true }): unknown {
    return nodeLedgerFs.mkdirSync(dir, options);
  }
  linkSync(existing: string, newPath: string): void {
    nodeLedgerFs.linkSync(existing, newPath);
  }
}

/** The real file system, with a word before each operation: a test runs another writer there. */
function hooked(before: (operation: string, file: string) => void): LedgerFs {
  const fs = nodeLedgerFs;
  return {
    readFileSync: (file, encoding) => (before('read', file), fs.readFileSync(file, encoding)),
    writeFileSync: (file, data, options) => (before('write', file), fs.writeFileSync(file, data, options)),
    renameSync: (from, to) => (before('rename', from), fs.renameSync(from, to)),
    unlinkSync: (file) => (before('unlink', file), fs.unlinkSync(file)),
    statSync: (file) => (before('stat', file), fs.statSync(file)),
    mkdirSync: (folder, options) => (before('mkdir', folder), fs.mkdirSync(folder, options)),
    linkSync: (existing, newPath) => (before('link', existing), fs.linkSync(existing, newPath)),
  };
}

const STALE_MS = 10_000;
/** A temp file of a ledger write (not of the lock). */
const isLedgerTemp = (file: string): boolean => /ledger\.json\.\d+\.[0-9a-f]+\.tmp$/.test(file);

describe('ledger file', function () {
  this.timeout(120_000);
  let dir: string;
  let problems: string[];
  let ledger: LedgerFile;

  beforeEach(() => {
    dir = tempDir();
    problems = [];
    ledger = ledgerFile(dir, { owner: 'test', onProblem: (m) => problems.push(m) });
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes and reads back, leaving no lock or temp file behind', () => {
    ledger.update(emptyLedger(DAY), credit(5));
    const back = ledger.update(emptyLedger(DAY), credit(7));
    assert.equal(back.todayActiveMs, 12);
    assert.equal(back.seq, 2);
    assert.deepEqual(fs.readdirSync(dir), ['ledger.json']);
    assert.deepEqual(ledger.read(emptyLedger(DAY)), back);
  });

  it('loses no update when several processes hammer it at once, and is always valid JSON', async () => {
    const workers = 4;
    const each = 750;
    const script = path.join(__dirname, 'ledgerFile.worker.js');
    let reads = 0;
    let invalid = 0;
    let running = workers;
    const done = Array.from(
      { length: workers },
      (_, i) =>
        new Promise<{ writes: number; totalMs: number }>((resolve, reject) => {
          const child = spawn(process.execPath, [script, 'credit', dir, String(each), `w${i}`], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.on('exit', (code) => {
            running--;
            if (code === 0) resolve(JSON.parse(out) as { writes: number; totalMs: number });
            else reject(new Error(`worker ${i} exited with ${code}`));
          });
        }),
    );
    while (running > 0) {
      try {
        JSON.parse(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8'));
        reads++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') invalid++;
      }
      await new Promise((r) => setImmediate(r));
    }
    const stats = await Promise.all(done);
    const final = JSON.parse(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8')) as Ledger;
    assert.equal(invalid, 0, 'a reader never sees a partial file');
    assert.ok(reads > 100, `the reader kept reading (${reads})`);
    assert.equal(final.todayActiveMs, workers * each, 'no update lost');
    assert.equal(final.seq, workers * each);
    assert.equal(
      stats.reduce((n, s) => n + s.writes, 0),
      workers * each,
    );
    assert.deepEqual(fs.readdirSync(dir), ['ledger.json']);
  });

  it('grants a contested prompt to exactly one of several racing processes', async () => {
    const workers = 6;
    const rounds = 200;
    const script = path.join(__dirname, 'ledgerFile.worker.js');
    const finished = Promise.all(
      Array.from(
        { length: workers },
        (_, i) =>
          new Promise<{ granted: number[] }>((resolve, reject) => {
            const child = spawn(process.execPath, [script, 'claim', dir, String(rounds), `window-${i}`], {
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.on('exit', (code) =>
              code === 0 ? resolve(JSON.parse(out) as { granted: number[] }) : reject(new Error(`worker ${i} exited with ${code}`)),
            );
          }),
      ),
    );
    // The word to begin, once every worker is ready, however long starting them took.
    const deadline = Date.now() + 60_000;
    while (fs.readdirSync(dir).filter((f) => f.startsWith('ready-')).length < workers && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    fs.writeFileSync(path.join(dir, 'go'), '');
    const results = await finished;
    const owners = new Map<number, number>();
    for (const r of results) for (const round of r.granted) owners.set(round, (owners.get(round) ?? 0) + 1);
    const contested = [...owners.values()].filter((n) => n > 1).length;
    assert.equal(contested, 0, 'no round was granted to two processes');
    assert.ok(owners.size >= rounds / 2, `most rounds found an owner (${owners.size} of ${rounds})`);
    const final = JSON.parse(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8')) as Ledger;
    assert.equal(final.seq, workers * rounds, 'every attempt was one locked write');
    assert.ok(
      results.some((r) => r.granted.length > 0 && r.granted.length < rounds),
      'the processes really raced',
    );
  });

  it('keeps a truncated ledger aside, warns once, and rebuilds it', () => {
    const good = ledger.update(emptyLedger(DAY), credit(1000));
    const text = fs.readFileSync(ledger.file, 'utf8');
    fs.writeFileSync(ledger.file, text.slice(0, text.length / 2));
    const fallback = { ...good };
    assert.equal(ledger.read(fallback), fallback);
    ledger.read(fallback);
    const rebuilt = ledger.update(fallback, credit(1));
    assert.equal(rebuilt.todayActiveMs, 1001, 'this window’s copy is what the ledger is rebuilt from');
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /not valid JSON.*ledger\.corrupt-\d+\.json/);
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('ledger.corrupt-'));
    assert.equal(backups.length, 1);
    assert.equal(fs.readFileSync(path.join(dir, backups[0]!), 'utf8'), text.slice(0, text.length / 2));
  });

  it('keeps the valid fields of a damaged ledger', () => {
    fs.writeFileSync(ledger.file, JSON.stringify({ ...emptyLedger(DAY), activeMsSinceBreak: 1234, todayActiveMs: 'lots' }));
    const read = ledger.read(emptyLedger(DAY));
    assert.equal(read.activeMsSinceBreak, 1234);
    assert.equal(read.todayActiveMs, 0);
    assert.match(problems[0] ?? '', /todayActiveMs/);
  });

  it('recovers a stale lock left by a window that was killed', () => {
    fs.writeFileSync(ledger.lockFile, JSON.stringify({ token: 'dead', pid: deadPid(), owner: 'killed-window', atWallMs: 0 }));
    const old = new Date(Date.now() - 1000);
    fs.utimesSync(ledger.lockFile, old, old);
    const written = ledger.update(emptyLedger(DAY), credit(3));
    assert.equal(written.todayActiveMs, 3);
    assert.match(problems.join('\n'), /stale ledger lock left by killed-window/);
    assert.ok(!fs.existsSync(ledger.lockFile));
  });

  it('recovers a lock that is far too old even if its pid looks alive', () => {
    const quick = ledgerFile(dir, { owner: 'test', staleLockMs: 2000 });
    fs.writeFileSync(quick.lockFile, JSON.stringify({ token: 'old', pid: process.ppid, owner: 'hung', atWallMs: 0 }));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(quick.lockFile, old, old);
    assert.equal(quick.update(emptyLedger(DAY), credit(1)).todayActiveMs, 1);
  });

  it('waits for a live lock and then gives up without writing', () => {
    const impatient = ledgerFile(dir, { owner: 'test', lockTimeoutMs: 100 });
    fs.writeFileSync(impatient.lockFile, JSON.stringify({ token: 'live', pid: process.ppid, owner: 'busy', atWallMs: Date.now() }));
    assert.throws(() => impatient.update(emptyLedger(DAY), credit(1)), LedgerBusyError);
    assert.ok(!fs.existsSync(impatient.file));
    assert.ok(fs.existsSync(impatient.lockFile), 'a live lock is never removed');
  });

  it('reports failing storage and keeps the previous file intact', () => {
    ledger.update(emptyLedger(DAY), credit(10));
    const failingWrites: LedgerFs = {
      ...nodeLedgerFs,
      writeFileSync: (file, data, options) => {
        if (file.endsWith('.tmp')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        nodeLedgerFs.writeFileSync(file, data, options);
      },
    };
    const broken = ledgerFile(dir, { owner: 'test', fs: failingWrites });
    assert.throws(() => broken.update(emptyLedger(DAY), credit(1)), /disk full/);
    assert.equal(ledger.read(emptyLedger(DAY)).todayActiveMs, 10);
    assert.ok(!fs.existsSync(ledger.lockFile), 'the lock is released after a failed write');

    const failingReads: LedgerFs = {
      ...nodeLedgerFs,
      readFileSync: () => {
        throw Object.assign(new Error('I/O error'), { code: 'EIO' });
      },
    };
    const messages: string[] = [];
    const unreadable = ledgerFile(dir, { owner: 'test', fs: failingReads, onProblem: (m) => messages.push(m) });
    const fallback = emptyLedger(DAY);
    assert.equal(unreadable.read(fallback), fallback);
    unreadable.read(fallback);
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /EIO/);
  });

  it('a full disk: every failed write leaves the folder as it was, with no empty lock, temp file or backup', () => {
    const disk = new FullDisk();
    const full = ledgerFile(dir, { owner: 'test', fs: disk, onProblem: (m) => problems.push(m) });
    full.update(emptyLedger(DAY), credit(1000));
    const before = fs.readdirSync(dir).sort();
    const text = fs.readFileSync(full.file, 'utf8');
    disk.full = true;
    for (let i = 0; i < 3; i++) assert.throws(() => full.update(emptyLedger(DAY), credit(1)), /ENOSPC/);
    assert.deepEqual(fs.readdirSync(dir).sort(), before, 'nothing left behind');
    assert.equal(fs.readFileSync(full.file, 'utf8'), text, 'the ledger is as it was');
    // A damaged ledger read while the disk is full: no empty backup, and no word of a copy that was not kept.
    fs.writeFileSync(full.file, text.slice(0, 10));
    full.read(emptyLedger(DAY));
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.startsWith('ledger.corrupt-')),
      [],
      'no empty backup',
    );
    assert.doesNotMatch(problems.at(-1) ?? '', /A copy was kept/);
    disk.full = false;
    assert.equal(full.update(emptyLedger(DAY), credit(1)).todayActiveMs, 1, 'writes again once there is room');
  });

  it('takes the lock on a file system without hard links (FAT, some network shares) too', () => {
    const noLinks: LedgerFs = {
      ...nodeLedgerFs,
      linkSync: () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    };
    const store = ledgerFile(dir, { owner: 'test', fs: noLinks });
    assert.equal(store.update(emptyLedger(DAY), credit(3)).todayActiveMs, 3);
    assert.equal(store.update(emptyLedger(DAY), credit(4)).todayActiveMs, 7);
    assert.deepEqual(fs.readdirSync(dir), ['ledger.json'], 'no lock or temp file behind');
  });

  it('reads a ledger written by a newer version, and never overwrites it', () => {
    const newer = JSON.stringify({ ...emptyLedger(DAY), todayActiveMs: 60_000, version: 3, somethingNew: true });
    fs.writeFileSync(ledger.file, newer);
    assert.equal(ledger.read(emptyLedger(DAY)).todayActiveMs, 60_000, 'read, as the README says');
    const result = ledger.update(emptyLedger(DAY), credit(5));
    assert.equal(result.todayActiveMs, 60_005, 'this window counts on in memory, from what it read');
    assert.equal(fs.readFileSync(ledger.file, 'utf8'), newer);
    assert.match(problems[0] ?? '', /newer version/);
    assert.equal(ledger.update(emptyLedger(DAY), credit(7)).todayActiveMs, 60_012, 'and keeps counting on');
    assert.equal(fs.readFileSync(ledger.file, 'utf8'), newer);
    // The newer version writes again: this window goes on from what it wrote.
    fs.writeFileSync(ledger.file, JSON.stringify({ ...emptyLedger(DAY), todayActiveMs: 120_000, version: 3, seq: 9 }));
    assert.equal(ledger.update(emptyLedger(DAY), credit(1)).todayActiveMs, 120_001);
    assert.equal(problems.length, 1, 'said once');
    // Replaced by a ledger this version can write (the newer version went back): written again.
    fs.writeFileSync(ledger.file, JSON.stringify({ ...emptyLedger(DAY), todayActiveMs: 200_000, seq: 10 }));
    assert.equal(ledger.update(emptyLedger(DAY), credit(2)).todayActiveMs, 200_002);
    assert.equal(ledger.read(emptyLedger(DAY)).seq, 11);
  });

  it('writes back the fields of another version that it does not know', () => {
    const other = {
      ...emptyLedger(DAY),
      todayActiveMs: 60_000,
      awayPlan: { weekly: [1, 2, 3] },
      todayBreaks: { ...emptyLedger(DAY).todayBreaks, walked: 4 },
    };
    fs.writeFileSync(ledger.file, JSON.stringify(other));
    ledger.update(emptyLedger(DAY), credit(5));
    const written = JSON.parse(fs.readFileSync(ledger.file, 'utf8')) as Record<string, unknown>;
    assert.equal(written.todayActiveMs, 60_005);
    assert.deepEqual(written.awayPlan, other.awayPlan);
    assert.deepEqual(written.todayBreaks, other.todayBreaks);
    assert.deepEqual(problems, []);
  });

  describe('the lock', () => {
    /**
     * Writer A stops (a debugger, a suspended process) after reading the ledger and writing its temp
     * file; meanwhile `meanwhile` runs. A's clock says how long it stood still.
     */
    function pausedWriter(standsStillMs: number, meanwhile: () => void): LedgerFile {
      let monoMs = 0;
      let paused = false;
      return ledgerFile(dir, {
        owner: 'paused',
        staleLockMs: STALE_MS,
        nowMonoMs: () => monoMs,
        fs: hooked((operation, file) => {
          if (paused || operation !== 'write' || !isLedgerTemp(file)) return;
          paused = true;
          monoMs += standsStillMs;
          meanwhile();
        }),
      });
    }

    it('a writer that stood still past the stale-lock age never replaces what the writer that took over wrote', () => {
      ledger.update(emptyLedger(DAY), credit(100));
      // The other writer finds the lock held for the stale-lock age (its clock is that far on) and takes it over.
      const other = ledgerFile(dir, { owner: 'other', staleLockMs: STALE_MS, pid: process.ppid, nowWallMs: () => Date.now() + STALE_MS });
      const paused = pausedWriter(STALE_MS, () => other.update(emptyLedger(DAY), credit(20)));
      assert.throws(() => paused.update(emptyLedger(DAY), credit(3)), LedgerBusyError);
      assert.equal(ledger.read(emptyLedger(DAY)).todayActiveMs, 120, 'the newer ledger stands');
      assert.equal(paused.update(emptyLedger(DAY), credit(3)).todayActiveMs, 123, 'written again on a fresh reading');
      assert.deepEqual(fs.readdirSync(dir), ['ledger.json'], 'no lock or temp file behind');
    });

    it('a writer whose lock was moved aside by mistake writes nothing, however briefly it paused', () => {
      ledger.update(emptyLedger(DAY), credit(100));
      // A third writer moved the lock aside (it judged an earlier lock stale), and another took the free lock and wrote.
      const other = ledgerFile(dir, { owner: 'other', pid: process.ppid });
      const paused = pausedWriter(1, () => {
        fs.renameSync(ledger.lockFile, `${ledger.lockFile}.moved`);
        fs.rmSync(`${ledger.lockFile}.moved`);
        other.update(emptyLedger(DAY), credit(20));
      });
      assert.throws(() => paused.update(emptyLedger(DAY), credit(3)), LedgerBusyError);
      assert.equal(ledger.read(emptyLedger(DAY)).todayActiveMs, 120, 'no update lost');
      assert.equal(paused.update(emptyLedger(DAY), credit(3)).todayActiveMs, 123);
    });

    it('the history is not replaced by a writer that lost its lock either', () => {
      const nextDay = '2026-03-03';
      ledger.update(emptyLedger(DAY), credit(100));
      const other = ledgerFile(dir, { owner: 'other', staleLockMs: STALE_MS, pid: process.ppid, nowWallMs: () => Date.now() + STALE_MS });
      let monoMs = 0;
      let paused = false;
      const writerProblems: string[] = [];
      const writer = ledgerFile(dir, {
        owner: 'paused',
        staleLockMs: STALE_MS,
        nowMonoMs: () => monoMs,
        onProblem: (m) => writerProblems.push(m),
        fs: hooked((operation, file) => {
          if (paused || operation !== 'write' || !/history\.json\.\d+\.[0-9a-f]+\.tmp$/.test(file)) return;
          // The ledger with the ended day in it is written; the writer stops before the history.
          paused = true;
          monoMs += STALE_MS;
          other.update(emptyLedger(DAY), credit(20));
        }),
      });
      const nextDayCredit = (l: Ledger): Ledger => applyOps(l, [{ type: 'credit', ms: 5, dayKey: nextDay, endWallMs: 2 }]);
      // Its change is in the ledger already (written before it stopped): the update stands, the history is the new owner's.
      assert.equal(writer.update(emptyLedger(DAY), nextDayCredit).todayActiveMs, 5);
      assert.ok(paused);
      assert.deepEqual(writerProblems, [], 'a lock taken over is no failing drive');
      assert.match(
        fs.readFileSync(path.join(dir, 'history.json'), 'utf8'),
        /\["2026-03-02",120,/,
        'the new owner moved the day, with its own 20',
      );
      const read = ledger.read(emptyLedger(DAY));
      assert.deepEqual([read.dayKey, read.todayActiveMs, read.closedDays.length], [nextDay, 5, 0]);
      assert.equal(writer.update(emptyLedger(DAY), nextDayCredit).todayActiveMs, 10, 'no minute counted twice');
    });

    it('a lock dated in the future (a clock set back) holds others up for the stale-lock age, not until the clock catches up', () => {
      let monoMs = 0;
      const writer = ledgerFile(dir, { owner: 'test', staleLockMs: STALE_MS, nowMonoMs: () => monoMs, onProblem: (m) => problems.push(m) });
      const inAnHour = Date.now() + 3_600_000;
      fs.writeFileSync(
        writer.lockFile,
        JSON.stringify({ token: 'ahead', pid: process.ppid, owner: 'ahead', atWallMs: inAnHour, host: os.hostname() }),
      );
      fs.utimesSync(writer.lockFile, new Date(inAnHour), new Date(inAnHour));
      assert.throws(() => writer.update(emptyLedger(DAY), credit(1)), LedgerBusyError, 'a lock that looks live is respected');
      monoMs += STALE_MS - 1;
      assert.throws(() => writer.update(emptyLedger(DAY), credit(1)), LedgerBusyError);
      monoMs += 1;
      assert.equal(writer.update(emptyLedger(DAY), credit(1)).todayActiveMs, 1, 'taken over once held unchanged for the stale-lock age');
      assert.match(problems.join('\n'), /stale ledger lock left by ahead/);
    });

    it('a lock taken by another machine (a network folder) is judged by how long it is held, never by a local process id', () => {
      let monoMs = 0;
      const writer = ledgerFile(dir, { owner: 'test', staleLockMs: STALE_MS, nowMonoMs: () => monoMs, isAlive: () => false });
      const remote = { token: 'remote', pid: 123_456, owner: 'laptop-window', atWallMs: Date.now() - 3_600_000, host: 'another-machine' };
      fs.writeFileSync(writer.lockFile, JSON.stringify(remote));
      // No such process here, and the server's file time an hour behind: neither says the lock is dead.
      const anHourAgo = new Date(Date.now() - 3_600_000);
      fs.utimesSync(writer.lockFile, anHourAgo, anHourAgo);
      assert.throws(() => writer.update(emptyLedger(DAY), credit(1)), LedgerBusyError);
      monoMs += STALE_MS;
      assert.equal(writer.update(emptyLedger(DAY), credit(1)).todayActiveMs, 1);
    });

    it('a lock found stale is taken at once, however long removing it took (a slow drive)', () => {
      // Left by this window's own write that could not remove it: stale as soon as it is met.
      fs.writeFileSync(
        ledger.lockFile,
        JSON.stringify({ token: 'left', pid: process.pid, owner: 'test', atWallMs: Date.now(), host: os.hostname() }),
      );
      const cell = new Int32Array(new SharedArrayBuffer(4));
      const slow = ledgerFile(dir, {
        owner: 'test',
        fs: hooked((operation, file) => {
          if (operation === 'rename' && file === ledger.lockFile) Atomics.wait(cell, 0, 0, 30); // past the 5 ms wait
        }),
      });
      assert.equal(slow.update(emptyLedger(DAY), credit(1)).todayActiveMs, 1);
      assert.deepEqual(fs.readdirSync(dir), ['ledger.json']);
    });

    it('a live lock that changes hands is never judged stale, however long the writers keep it busy', () => {
      let monoMs = 0;
      const writer = ledgerFile(dir, { owner: 'test', staleLockMs: STALE_MS, nowMonoMs: () => monoMs });
      for (let i = 0; i < 5; i++) {
        fs.writeFileSync(
          writer.lockFile,
          JSON.stringify({ token: `busy-${i}`, pid: process.ppid, owner: 'busy', atWallMs: Date.now(), host: os.hostname() }),
        );
        assert.throws(() => writer.update(emptyLedger(DAY), credit(1)), LedgerBusyError);
        monoMs += STALE_MS / 2;
      }
      assert.ok(fs.existsSync(writer.lockFile));
    });

    it('a lock moved aside by mistake is never put back: no lock is left that nobody owns', () => {
      const stale = JSON.stringify({ token: 'dead', pid: deadPid(), owner: 'killed-window', atWallMs: 0, host: os.hostname() });
      const live = JSON.stringify({ token: 'live', pid: process.ppid, owner: 'live-window', atWallMs: Date.now(), host: os.hostname() });
      fs.writeFileSync(ledger.lockFile, stale);
      let swapped = false;
      // Between this writer's reading the dead lock and moving it aside, another writer takes the free
      // lock; it lets go while this one looks at what it moved.
      const breaker = ledgerFile(dir, {
        owner: 'breaker',
        lockTimeoutMs: 0,
        fs: hooked((operation, file) => {
          if (operation === 'rename' && file === ledger.lockFile && !swapped) {
            swapped = true;
            fs.rmSync(ledger.lockFile);
            fs.writeFileSync(ledger.lockFile, live);
          }
          if (operation === 'read' && file.endsWith('.stale')) {
            const text = fs.readFileSync(file, 'utf8');
            // The live writer's release: it removes the lock only if it is still its own, and finds none.
            if (fs.existsSync(ledger.lockFile) && fs.readFileSync(ledger.lockFile, 'utf8') === text) fs.rmSync(ledger.lockFile);
          }
        }),
      });
      try {
        breaker.update(emptyLedger(DAY), credit(1));
      } catch (err) {
        assert.ok(err instanceof LedgerBusyError);
      }
      assert.ok(swapped);
      if (fs.existsSync(ledger.lockFile)) {
        assert.notEqual(fs.readFileSync(ledger.lockFile, 'utf8'), live, 'the live writer has let go: its lock is not back');
      }
      assert.equal(ledger.update(emptyLedger(DAY), credit(2)).todayActiveMs >= 2, true, 'the next writer gets in at once');
    });

    it('a rename or removal refused for a moment (antivirus, an indexer on Windows) is tried again', () => {
      for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
        let refusals = 2;
        const heldFs = hooked((operation) => {
          if ((operation === 'rename' || operation === 'unlink') && refusals > 0) {
            refusals--;
            throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
          }
        });
        const store = ledgerFile(dir, { owner: 'test', fs: heldFs });
        const before = ledger.read(emptyLedger(DAY)).todayActiveMs;
        assert.equal(store.update(emptyLedger(DAY), credit(1)).todayActiveMs, before + 1, code);
        assert.deepEqual(fs.readdirSync(dir), ['ledger.json'], `${code}: no lock or temp file behind`);
      }
      // Held for longer: the write fails (its caller tries again later) and leaves nothing behind.
      const stuck = ledgerFile(dir, {
        owner: 'test',
        fs: hooked((operation, file) => {
          if (operation === 'rename' && isLedgerTemp(file))
            throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
        }),
      });
      assert.throws(() => stuck.update(emptyLedger(DAY), credit(1)), /EBUSY/);
      assert.deepEqual(fs.readdirSync(dir), ['ledger.json']);
    });

    it('says when to write again: soon after a busy lock or a file held for a moment, six times, then at the minute', () => {
      const busy = new LedgerBusyError(ledger.lockFile);
      const waits: number[] = [];
      for (let retry = ledger.retryInMs(busy); retry !== undefined; retry = ledger.retryInMs(busy)) waits.push(retry);
      assert.equal(waits.length, 6);
      waits.forEach((ms, i) => assert.ok(ms >= 20 * 2 ** i && ms <= 60 * 2 ** i, `retry ${i + 1} after ${ms} ms`));
      assert.equal(
        ledger.retryInMs(Object.assign(new Error('no space'), { code: 'ENOSPC' })),
        undefined,
        'a full disk waits for the minute',
      );
      ledger.update(emptyLedger(DAY), credit(1));
      assert.ok(
        (ledger.retryInMs(Object.assign(new Error('busy'), { code: 'EBUSY' })) ?? 0) > 0,
        'a write that landed starts the count again',
      );
    });
  });
});
