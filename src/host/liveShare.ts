// Holding reminders while a Live Share session lasts: a bundle of its own for the desktop entry
// (dist/liveShare.js), loaded only where the Live Share extension is installed.
import vscode = require('vscode');

import { LiveShareHold } from '../core/holds';
import { type HostClock } from './clock';
import { type CodingSession } from './codingSession';

/** What Upright reads of Live Share's public API (the `vsls` package's `LiveShare`): whether a session is on. */
export interface LiveShareApi {
  /** `id` is null while no session is on. */
  readonly session: { readonly id: string | null } | null | undefined;
  readonly onDidChangeSession: (listener: () => unknown) => { dispose(): unknown };
}

export interface LiveShareDeps {
  readonly session: CodingSession;
  readonly clock: HostClock;
  readonly log: vscode.LogOutputChannel;
}

/** The API version asked for: the one the `vsls` package of the same generation asks for. */
const API_VERSION = '1.0.4753';
const CALLER_ID = 'upright.upright';

function isLiveShareApi(value: unknown): value is LiveShareApi {
  return (
    typeof value === 'object' && value !== null && typeof (value as { onDidChangeSession?: unknown }).onDidChangeSession === 'function'
  );
}

/**
 * Watches the installed Live Share extension: once it is active (it is never activated from here, so
 * it starts no sooner than it would), asks its API once, and holds reminders during its sessions.
 */
export function watchLiveShare(extension: vscode.Extension<unknown>, deps: LiveShareDeps): vscode.Disposable {
  let asked = false;
  let holding: vscode.Disposable | undefined;
  const ask = (): void => {
    if (asked || !extension.isActive) return;
    asked = true;
    const exports = extension.exports as { getApi?: (version: string, callerId: string) => unknown } | undefined;
    Promise.resolve(exports?.getApi?.(API_VERSION, CALLER_ID)).then(
      (api) => {
        if (isLiveShareApi(api)) holding = holdDuringLiveShare(api, deps);
        else deps.log.info('Live Share is installed but offers no API: its sessions do not hold reminders.');
      },
      (err: unknown) => deps.log.warn(`Live Share's API could not be read (${String(err)}).`),
    );
  };
  const waiting = deps.session.onDidRefresh(ask);
  ask();
  return {
    dispose: () => {
      waiting.dispose();
      holding?.dispose();
    },
  };
}

/** Holds reminders while `api` has a session, renewing the hold as long as it lasts, and releases it when it ends. */
export function holdDuringLiveShare(api: LiveShareApi, deps: LiveShareDeps): vscode.Disposable {
  const decide = new LiveShareHold();
  let busy = false;
  const update = (): void => {
    if (busy) return;
    busy = true;
    try {
      const id = api.session?.id;
      const sessionId = typeof id === 'string' && id !== '' ? id.slice(0, 100) : null;
      const hold = decide.next(sessionId, deps.session.ledger.hold, deps.clock.now().wallMs);
      if (hold === undefined) return;
      const before = deps.session.ledger.hold?.liveShare;
      deps.session.answer({ set: { hold } });
      if (hold === null) deps.log.info('Live Share session ended: reminders are no longer held.');
      else if (before !== sessionId) deps.log.info('Live Share session on: reminders are held until it ends.');
    } catch (err) {
      deps.log.warn(`Could not follow the Live Share session (${String(err)}).`);
    } finally {
      busy = false;
    }
  };
  const changed = api.onDidChangeSession(update);
  const refreshed = deps.session.onDidRefresh(update);
  update();
  return {
    dispose: () => {
      refreshed.dispose();
      changed.dispose();
    },
  };
}
