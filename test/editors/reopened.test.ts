import * as assert from 'node:assert/strict';
import * as path from 'node:path';

import { type UprightTestApi } from '../../src/host/testing/testApi';
import { getApi } from '../integration/helpers';
import {
  assertSeedsUntouched,
  dayOnDisk,
  movedInDays,
  movedInExercises,
  other,
  productStorage,
  put,
  role,
  sayFailed,
  sharedState,
  take,
  waitFor,
} from './editors';

// The same two editors started again, a minute after twoEditors.test.ts ended: the move-in happens on a
// product's first start with the shared folder only, so what they moved in then is not moved in again.
// UPRIGHT_EARLIER holds where each editor left the day (`end-<role>` of the first run).
const earlier = JSON.parse(process.env.UPRIGHT_EARLIER ?? '{}') as Record<string, { wallMs: number; todayActiveMs: number }>;

describe(`two editors started again (editor ${role})`, () => {
  let api: UprightTestApi;

  before(async () => {
    api = await getApi();
    api.setFocused(role === 'a');
    put(`ready-${role}`);
    await waitFor(`ready-${other}`);
  });

  afterEach(sayFailed);

  it('neither editor moves its history in a second time; today goes on where it was', async () => {
    assert.equal(api.ledgerLocation, path.join(sharedState, 'upright', 'ledger.json'));
    const history = api.history();
    assert.deepEqual([...(history.movedIn ?? [])].sort(), [productStorage.a, productStorage.b].sort());
    assert.deepEqual(history.days, movedInDays());
    assert.deepEqual(history.exercises, movedInExercises());
    const left = earlier[role];
    assert.ok(left, 'the first run said where it left the day');
    assert.equal(api.ledger().todayActiveMs, left.todayActiveMs);
    assertSeedsUntouched();
    put(`history-${role}`, JSON.stringify(history.days));
    await waitFor(`history-${other}`);
    assert.deepEqual(JSON.parse(take(`history-${other}`)), history.days);
    put(`end-${role}`, dayOnDisk(api.ledgerLocation, api.clock.now().wallMs));
  });
});
