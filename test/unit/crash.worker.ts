// A writer for the crash test, killed with SIGKILL at a random moment: `DIR NAME`, starting when a line
// arrives on stdin. Adds 1 ms of coding per update (a new day every UPDATES_PER_DAY updates, so
// history.json is written too) and prints the ledger's `seq` on a line of its own as soon as each
// update has returned, i.e. is committed.
import { writeSync } from 'node:fs';

import { addDays } from '../../src/core/history';
import { applyOps, emptyLedger } from '../../src/core/ledger';
import { ledgerFile } from '../support/storage';

const FIRST_DAY = '2026-03-02';
const UPDATES_PER_DAY = 40;
/** A worker nobody kills (its test died) stops by itself. */
const MAX_RUN_MS = 20_000;

/** The day update number `seq` (1, 2, …) credits: every update counts 1 ms, so active time equals seq. */
function dayOfUpdate(seq: number): string {
  return addDays(FIRST_DAY, Math.floor((seq - 1) / UPDATES_PER_DAY));
}

const [dir, name] = process.argv.slice(2);
// Outwaits any lock a killed predecessor left (one that names no owner is taken over after a second).
const store = ledgerFile(dir ?? '.', { owner: name ?? 'crash-worker', lockTimeoutMs: 15_000 });
const fallback = emptyLedger(FIRST_DAY);

// Started ahead of its turn, so that starting Node overlaps the previous worker's run: it writes once told to.
process.stdin.once('data', () => {
  const startedMs = performance.now();
  while (performance.now() - startedMs < MAX_RUN_MS) {
    const written = store.update(fallback, (current) =>
      applyOps(current, [{ type: 'credit', ms: 1, dayKey: dayOfUpdate(current.seq + 1), endWallMs: current.seq + 1 }]),
    );
    // Straight to the descriptor: process.stdout queues a write the test is slow to read, and this loop never lets the queue drain.
    writeSync(1, `${written.seq}\n`);
  }
});
