import type * as vscode from 'vscode';
import { parseTrackerState, type TrackerState } from '../core/tracker';

const KEY = 'upright.tracker';
const BACKUP_KEY = 'upright.tracker.corrupt';

/** Keeps the tracker's state in `globalState` so it survives reloads and restarts. */
export class TrackerStore {
  readonly #memento: vscode.Memento;
  readonly #log: vscode.LogOutputChannel;
  #lastSaved: string | undefined;

  constructor(memento: vscode.Memento, log: vscode.LogOutputChannel) {
    this.#memento = memento;
    this.#log = log;
  }

  /** The stored state, or undefined. A record that fails validation is kept aside, never silently dropped. */
  load(): TrackerState | undefined {
    const raw = this.#memento.get<unknown>(KEY);
    if (raw === undefined) return undefined;
    const state = parseTrackerState(raw);
    if (state === undefined) {
      this.#log.warn(`Stored coding time could not be read; kept aside as "${BACKUP_KEY}" and starting from zero.`);
      void this.#memento.update(BACKUP_KEY, raw);
      return undefined;
    }
    this.#lastSaved = JSON.stringify(state);
    return state;
  }

  /** Saves when something changed; returns whether a write happened. */
  save(state: TrackerState): boolean {
    const text = JSON.stringify(state);
    if (text === this.#lastSaved) return false;
    this.#lastSaved = text;
    void this.#write(state);
    return true;
  }

  /** Saves now, whether or not anything changed; settles when written. */
  flush(state: TrackerState): Thenable<void> {
    this.#lastSaved = JSON.stringify(state);
    return this.#write(state);
  }

  #write(state: TrackerState): Thenable<void> {
    return this.#memento.update(KEY, state).then(undefined, (err: unknown) => {
      this.#log.error(`Could not save coding time: ${String(err)}`);
    });
  }
}
