import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { allDays } from '../../src/core/history';
import { applyOps, emptyLedger, type Ledger, type LedgerOp, readLedger } from '../../src/core/ledger';
import { LedgerBusyError, type LedgerFs, nodeLedgerFs } from '../../src/host/storage/ledgerFile';
import { ledgerFile } from '../support/storage';

const MINUTE = 60_000;
const CODES = ['EIO', 'ENOSPC', 'EACCES', 'EROFS'];

/** Storage whose n-th operation (of the kinds chosen) fails with `code`, once or from then on. */
class FlakyStorage implements LedgerFs {
  ops = 0;
  failAt = -1;
  code = 'EIO';
  persistent = false;
  kinds: ReadonlySet<string> = new Set(['read', 'write', 'rename', 'unlink', 'stat', 'mkdir', 'link']);
  injected = 0;

  #maybeFail(kind: string, file: string): void {
    if (!this.kinds.has(kind)) return;
    this.ops++;
    if (this.failAt < 0 || this.ops < this.failAt || (!this.persistent && this.ops > this.failAt)) return;
    this.injected++;
    throw Object.assign(new Error(`${this.code}: ${kind} ${path.basename(file)}`), { code: this.code });
  }
  readFileSync(file: string, encoding: 'utf8'): string {
    this.#maybeFail('read', file);
    return nodeLedgerFs.readFileSync(file, encoding);
  }
  writeFileSync(file: string, data: string, options?: { flag?: string }): void {
    this.#maybeFail('write', file);
    nodeLedgerFs.writeFileSync(file, data, options);
  }
  renameSync(from: string, to: string): void {
    this.#maybeFail('rename', from);
    nodeLedgerFs.renameSync(from, to);
  }
  unlinkSync(file: string): void {
    this.#maybeFail('unlink', file);
    nodeLedgerFs.unlinkSync(file);
  }
  statSync(file: string): { mtimeMs: number; size: number } {
    this.#maybeFail('stat', file);
    return nodeLedgerFs.statSync(file);
  }
  mkdirSync(dir: string, options: { recursive: true }): unknown {
    this.#maybeFail('mkdir', dir);
    return nodeLedgerFs.mkdirSync(dir, options);
  }
  linkSync(existing: string, newPath: string): void {
    this.#maybeFail('link', newPath);
    nodeLedgerFs.linkSync(existing, newPath);
  }
}

/** Eleven minutes of coding over four days: three days end and move to history. */
const SCRIPT: readonly { day: string; ms: number }[] = [
  { day: '2026-03-02', ms: MINUTE },
  { day: '2026-03-02', ms: 2 * MINUTE },
  { day: '2026-03-03', ms: MINUTE },
  { day: '2026-03-03', ms: MINUTE },
  { day: '2026-03-04', ms: 3 * MINUTE },
  { day: '2026-03-05', ms: MINUTE },
  { day: '2026-03-05', ms: 2 * MINUTE },
];
const TRUTH = new Map([
  ['2026-03-02', 3 * MINUTE],
  ['2026-03-03', 2 * MINUTE],
  ['2026-03-04', 3 * MINUTE],
  ['2026-03-05', 3 * MINUTE],
]);

/**
 * Runs the script as a window does: each minute's credit is written with whatever is still pending;
 * a write that fails keeps its operations for the next one. Then storage works again and one more
 * write goes through. Returns the ledger and the problems reported, by kind.
 */
function runScript(dir: string, storage: FlakyStorage): { ledger: Ledger; reported: string[] } {
  const reported: string[] = [];
  const file = ledgerFile(dir, {
    owner: 'w',
    fs: storage,
    onProblem: (_m, kind) => reported.push(kind),
    lockTimeoutMs: 50,
    staleLockMs: 100,
  });
  let shared = emptyLedger('2026-03-02');
  let pending: LedgerOp[] = [];
  const write = (): void => {
    const ops = pending;
    try {
      shared = file.update(shared, (current) => applyOps(current, ops));
      pending = [];
    } catch (err) {
      if (!(err instanceof LedgerBusyError) && typeof (err as { code?: unknown }).code !== 'string') throw err;
    }
  };
  for (const [i, step] of SCRIPT.entries()) {
    pending = [...pending, { type: 'credit', ms: step.ms, dayKey: step.day, endWallMs: i + 1 }];
    write();
    shared = file.read(shared);
  }
  storage.failAt = -1;
  // A lock left by a write that failed half-way is old by now (its owner is this process: judged by age).
  const started = Date.now();
  while (pending.length > 0 && Date.now() - started < 2_000) write();
  assert.deepEqual(pending, [], 'everything pending was written once storage worked again');
  return { ledger: file.read(shared), reported };
}

describe('storage faults', function () {
  this.timeout(60_000);
  let dir: string;
  let faults = 0;
  let scenarios = 0;

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-faults-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  after(() => console.log(`      (${scenarios} runs, ${faults} faults injected, 0 updates lost)`));

  it('a failure at any single operation of any write loses no minute and no day, and is reported once', () => {
    const healthy = new FlakyStorage();
    runScript(dir, healthy);
    const opsInRun = healthy.ops;
    assert.ok(opsInRun > 40, `the script makes ${opsInRun} storage operations`);
    for (const code of CODES) {
      for (let failAt = 1; failAt <= opsInRun; failAt++) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        const storage = Object.assign(new FlakyStorage(), { failAt, code });
        const { ledger, reported } = runScript(dir, storage);
        scenarios++;
        faults += storage.injected;
        const days = new Map(allDays(ledgerFile(dir, { owner: 'check' }).readHistory(), ledger).map((d) => [d.day, d.activeMs]));
        assert.deepEqual(days, TRUTH, `${code} at operation ${failAt}`);
        assert.equal(new Set(reported).size, reported.length, `each kind of problem is reported once (${reported.join(', ')})`);
        assert.ok(
          !reported.includes('corrupt') && !reported.includes('history-corrupt'),
          `nothing was damaged (${code} at ${failAt}: ${reported.join(', ')})`,
        );
        const leftovers = fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
        assert.deepEqual(leftovers, [], 'no temporary file or lock is left behind');
      }
    }
  });

  it('storage that keeps failing: the window counts in memory, each problem is told once, and nothing is lost when it recovers', () => {
    for (const code of CODES) {
      for (const kinds of [['write', 'rename'], ['read'], ['read', 'write', 'rename', 'stat']]) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        // A good history and ledger first, then the failures from the third write on.
        const storage = Object.assign(new FlakyStorage(), { code, persistent: true, kinds: new Set(kinds) });
        storage.failAt = 1_000_000;
        const file = ledgerFile(dir, { owner: 'w', fs: storage, lockTimeoutMs: 50 });
        let shared = file.update(emptyLedger('2026-03-01'), (l) =>
          applyOps(l, [{ type: 'credit', ms: 7 * MINUTE, dayKey: '2026-03-01', endWallMs: 1 }]),
        );
        shared = file.update(shared, (l) => applyOps(l, [{ type: 'credit', ms: MINUTE, dayKey: '2026-03-02', endWallMs: 2 }]));
        const historyBefore = fs.readFileSync(path.join(dir, 'history.json'), 'utf8');
        storage.failAt = storage.ops + 1;
        const { ledger, reported } = runScript(dir, storage);
        scenarios++;
        faults += storage.injected;
        assert.ok(storage.injected > 0, `${code} on ${kinds.join('+')} was injected`);
        const days = new Map(allDays(ledgerFile(dir, { owner: 'check' }).readHistory(), ledger).map((d) => [d.day, d.activeMs]));
        assert.equal(days.get('2026-03-01'), 7 * MINUTE, `the day already in history survives (${code} on ${kinds.join('+')})`);
        assert.equal(days.get('2026-03-02'), 4 * MINUTE);
        for (const day of ['2026-03-03', '2026-03-04', '2026-03-05']) assert.equal(days.get(day), TRUTH.get(day), day);
        assert.equal(new Set(reported).size, reported.length, `told once each: ${reported.join(', ')}`);
        assert.ok(historyBefore.length > 0);
        // The file on disk is a whole ledger at every moment.
        assert.deepEqual(readLedger(JSON.parse(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8')), emptyLedger('x')).problems, []);
      }
    }
  });

  it('a ledger that cannot be read is never replaced by a writer that could not see it', () => {
    const storage = new FlakyStorage();
    const writer = ledgerFile(dir, { owner: 'w', fs: storage });
    writer.update(emptyLedger('2026-03-02'), (l) => applyOps(l, [{ type: 'credit', ms: 42 * MINUTE, dayKey: '2026-03-02', endWallMs: 1 }]));
    // Another window, with a stale copy, writes while the drive fails to read.
    const stale = emptyLedger('2026-03-02');
    Object.assign(storage, { kinds: new Set(['read']), persistent: true, code: 'EIO', ops: 0, failAt: 1 });
    assert.throws(
      () => writer.update(stale, (l) => applyOps(l, [{ type: 'credit', ms: MINUTE, dayKey: '2026-03-02', endWallMs: 2 }])),
      /EIO/,
    );
    storage.failAt = -1;
    assert.equal(writer.read(stale).todayActiveMs, 42 * MINUTE, 'the 42 minutes are still there');
  });
});
