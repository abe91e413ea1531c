import * as fs from 'node:fs';
import * as path from 'node:path';

import { getApi, openScratchEditor, typeOnce } from '../integration/helpers';

/**
 * Extension-tests entry for `npm run bench`, run in two windows on one code-server for a few real
 * minutes: window "a" is focused and typing (one edit every 200 ms, the host clock moving with real
 * time), window "b" is open beside it, unfocused. Each reports its real timer wake-ups and ledger work.
 * Neither stops before both have measured: a window that closes writes its last time, a real change the
 * other would see inside its span.
 */
export async function run(): Promise<void> {
  const role = process.env.UPRIGHT_WINDOW_ROLE;
  const out = process.env.UPRIGHT_TEST_RESULTS;
  const minutes = Number(process.env.UPRIGHT_BENCH_MINUTES ?? '3');
  if (!out || (role !== 'a' && role !== 'b')) throw new Error('bench window needs UPRIGHT_WINDOW_ROLE and UPRIGHT_TEST_RESULTS');
  const api = await getApi();
  api.setFocused(role === 'a');
  const editor = await openScratchEditor();
  // Measured from one minute refresh to another, so whole minutes are compared with whole minutes.
  let before: ReturnType<typeof api.counters> | undefined;
  let after: ReturnType<typeof api.counters> | undefined;
  let started = 0;
  let elapsedMs = 0;
  let last = performance.now();
  let events = 0;
  const initialWakeUps = api.counters().wakeUps;
  let firstRefreshAt = 0;
  const syncDir = process.env.UPRIGHT_SYNC_DIR ?? path.dirname(out);
  const other = role === 'a' ? 'b' : 'a';
  const otherMeasured = (): boolean => fs.existsSync(path.join(syncDir, `measured-${other}`));
  let waitedForOther = 0;
  while (after === undefined || (!otherMeasured() && waitedForOther < 3 * 60_000)) {
    await new Promise((r) => setTimeout(r, 200));
    const now = performance.now();
    api.clock.advance(now - last);
    last = now;
    if (role === 'a') {
      await typeOnce(editor);
      if (before && after === undefined) events++;
    }
    const counters = api.counters();
    if (after !== undefined) {
      waitedForOther += 200;
      continue;
    }
    if (!before) {
      if (counters.wakeUps > initialWakeUps && firstRefreshAt === 0) firstRefreshAt = now;
      // The focused window measures from one of its minute refreshes. The other measures from half a
      // minute after one, for whole minutes: the focused window writes at its minute refresh, so that
      // span holds exactly one write a minute, never a write at each end.
      if (firstRefreshAt > 0 && (role === 'a' || now - firstRefreshAt >= 30_000)) {
        before = counters;
        started = now;
      }
    } else if (
      role === 'b'
        ? now - started >= minutes * 60_000
        : (now - started > (minutes - 0.5) * 60_000 && counters.wakeUps >= before.wakeUps + minutes) ||
          now - started > (minutes + 1.5) * 60_000
    ) {
      after = counters;
      elapsedMs = now - started;
      fs.writeFileSync(path.join(syncDir, `measured-${role}`), role);
    }
  }
  if (!before) throw new Error('the minute refresh never ran');
  fs.writeFileSync(
    out,
    JSON.stringify({
      passes: 1,
      failures: 0,
      pending: 0,
      role,
      elapsedMs,
      events,
      wakeUps: after.wakeUps - before.wakeUps,
      watchWakeUps: after.watchWakeUps - before.watchWakeUps,
      ledgerReads: after.ledgerReads - before.ledgerReads,
      ledgerWrites: after.ledgerWrites - before.ledgerWrites,
      ledgerWriteMs: after.ledgerWriteMs - before.ledgerWriteMs,
      ledgerWriteMaxMs: after.ledgerWriteMaxMs,
      todayActiveMs: api.ledger().todayActiveMs,
    }),
  );
}
