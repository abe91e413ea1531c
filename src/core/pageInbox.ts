/**
 * The host's door for messages from a page. A page is code the host does not trust: a message is acted
 * on only when it has exactly the expected shape and the page is not flooding; anything else is ignored
 * and logged, the log kept short however much arrives. Time is passed in.
 */

/** Messages a page may send at once, and how many a second it earns back: far above any person. */
const BURST = 20;
const PER_SECOND = 5;
/** The first ignored messages are logged one by one, then a count at most every 10 seconds. */
const LOGGED_ONE_BY_ONE = 5;
const SUMMARY_EVERY_MS = 10_000;

/** A few words about what arrived, in bounded time and length whatever its size. */
export function describeMessage(raw: unknown): string {
  if (Array.isArray(raw)) return `a list of ${raw.length} items`;
  if (typeof raw === 'string') return `text of ${raw.length} characters`;
  if (typeof raw !== 'object' || raw === null) return String(raw).slice(0, 40);
  const keys = Object.keys(raw);
  const type = (raw as { type?: unknown }).type;
  const kind = typeof type === 'string' ? `"${type.slice(0, 40)}"${type.length > 40 ? '…' : ''}` : `no type (${typeof type})`;
  return `${kind} with ${keys.length} fields: ${keys.slice(0, 5).join(', ').slice(0, 120)}`;
}

export class PageInbox<T> {
  readonly #page: string;
  readonly #parse: (raw: unknown) => T | undefined;
  readonly #log: (line: string) => void;
  #allowance = BURST;
  #lastMs: number | undefined;
  #lastLogMs = -Infinity;
  /** Ignored since the last line of the log, by why. */
  #unexpected = 0;
  #tooMany = 0;
  accepted = 0;
  ignored = 0;

  constructor(page: string, parse: (raw: unknown) => T | undefined, log: (line: string) => void) {
    this.#page = page;
    this.#parse = parse;
    this.#log = log;
  }

  /** The message to act on, or undefined when it is ignored. */
  receive(raw: unknown, nowMs: number): T | undefined {
    // A clock that moves back earns nothing; one that jumps ahead earns at most a full burst.
    this.#allowance = Math.min(BURST, this.#allowance + (Math.max(0, nowMs - (this.#lastMs ?? nowMs)) / 1000) * PER_SECOND);
    this.#lastMs = nowMs;
    let message: T | undefined;
    try {
      message = this.#parse(raw);
    } catch {
      message = undefined;
    }
    if (message !== undefined && this.#allowance >= 1) {
      this.#allowance--;
      this.accepted++;
      return message;
    }
    this.ignored++;
    if (this.ignored <= LOGGED_ONE_BY_ONE) {
      this.#log(
        `Ignored ${message === undefined ? 'an unexpected message' : 'a message (too many at once)'} from the ${this.#page} page: ${describeMessage(raw)}.`,
      );
      this.#lastLogMs = nowMs;
      return undefined;
    }
    if (message === undefined) this.#unexpected++;
    else this.#tooMany++;
    if (nowMs - this.#lastLogMs >= SUMMARY_EVERY_MS) {
      this.flush();
      this.#lastLogMs = nowMs;
    }
    return undefined;
  }

  /** Logs what was ignored and not yet told (also when the panel closes, so a flood's tail is told). */
  flush(): void {
    if (this.#unexpected + this.#tooMany === 0) return;
    this.#log(
      `Ignored ${this.#unexpected + this.#tooMany} more messages from the ${this.#page} page: ${this.#unexpected} unexpected, ${this.#tooMany} too many at once (${this.ignored} in all).`,
    );
    this.#unexpected = 0;
    this.#tooMany = 0;
  }
}
