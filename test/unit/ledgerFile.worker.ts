// A writer process for the concurrency tests. `credit DIR COUNT NAME`: adds COUNT credits of 1 ms.
// `claim DIR ROUNDS NAME`: once every worker is ready (a file `go` in DIR, written by the test when
// each has written `ready-NAME`), claims prompt `due-R` for each round R, at a round time of its own;
// prints the rounds it was granted.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { applyOps, claimPrompt, emptyLedger } from '../../src/core/ledger';
import { ledgerFile } from '../support/storage';

const [mode, dir, countText, name] = process.argv.slice(2);
const ledger = ledgerFile(dir ?? '.', { owner: name ?? 'worker', lockTimeoutMs: 30_000 });
const count = Number(countText);
const empty = emptyLedger('2026-03-02');

if (mode === 'claim') {
  // Started processes are ready at different times on a busy machine: all begin together, at the word.
  fs.writeFileSync(path.join(dir ?? '.', `ready-${name}`), '');
  while (!fs.existsSync(path.join(dir ?? '.', 'go'))) {
    /* wait busily, so every worker begins within a millisecond of the others */
  }
  const granted: number[] = [];
  for (let round = 0; round < count; round++) {
    // Round R's claims are made at R seconds and last one second: claims of one round overlap, rounds don't.
    const nowWallMs = round * 1000 + 1;
    ledger.update(empty, (current) => {
      const result = claimPrompt(
        current,
        { id: `due-${round}`, owner: name ?? 'worker', claimedAtWallMs: nowWallMs, expiresAtWallMs: nowWallMs + 999 },
        nowWallMs,
      );
      if (result.granted && current.prompt?.id !== `due-${round}`) granted.push(round);
      return result.ledger;
    });
  }
  process.stdout.write(JSON.stringify({ granted, ...ledger.writeStats }));
} else {
  for (let i = 0; i < count; i++) {
    ledger.update(empty, (l) => applyOps(l, [{ type: 'credit', ms: 1, dayKey: '2026-03-02', endWallMs: i }]));
  }
  process.stdout.write(JSON.stringify(ledger.writeStats));
}
