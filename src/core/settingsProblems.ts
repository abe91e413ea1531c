const MAX_SHOWN_CHARS = 60;

/** One setting's bad value, and what is used instead. */
export interface SettingProblem {
  /** The full setting id, e.g. `upright.idleThresholdSeconds`. */
  readonly setting: string;
  /** The value found, rendered for a message (truncated). */
  readonly found: string;
  /** The value used instead, rendered for a message. */
  readonly used: string;
  readonly reason: 'notANumber' | 'outOfRange' | 'notAllowed' | 'belowIdleThreshold' | 'skipped';
}

/** Renders any value for a warning: short, single-line, never throwing (cycles, BigInt, symbols). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    if (typeof value === 'string') text = JSON.stringify(value);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) text = String(value);
    else if (typeof value === 'bigint') text = `${value}n`;
    else {
      // JSON.stringify gives undefined for functions and symbols, whatever its declared type says.
      const json: string | undefined = JSON.stringify(value);
      text = json ?? Object.prototype.toString.call(value);
    }
  } catch {
    text = Object.prototype.toString.call(value);
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text;
}

