const MAX_SHOWN_CHARS = 60;

/** One setting's bad value, and what is used instead. */
export interface SettingProblem {
  /** The full setting id, e.g. `upright.idleThresholdSeconds`. */
  readonly setting: string;
  /** The value found, rendered for a message (truncated). */
  readonly found: string;
  /** The value used instead, rendered for a message. */
  readonly used: string;
  readonly reason:
    'notANumber' | 'outOfRange' | 'notAllowed' | 'belowIdleThreshold' | 'neverMatches' | 'nothingAtTheDesk' | 'skipped' | 'mended';
}

/** A string quoted as in JSON and cut to about `budgetChars`, the cut marked. */
function previewString(text: string, budgetChars: number): string {
  // Cut before quoting, so a 100 KB string costs no more than a short one.
  const quoted = JSON.stringify(text.slice(0, budgetChars)).replace(/\s+/g, ' ');
  return text.length > budgetChars ? `${quoted.slice(0, -1)}…` : quoted;
}

/**
 * JSON-like text of a value that stops soon after `budgetChars`, so a list of thousands of items, a
 * value nested a thousand deep or a cycle costs no more than a short one.
 */
function preview(value: unknown, budgetChars: number): string {
  if (typeof value === 'string') return previewString(value, budgetChars);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return Object.prototype.toString.call(value);
  if (typeof value !== 'object' || value === null) return String(value);
  const isList = Array.isArray(value);
  let text = isList ? '[' : '{';
  for (const [key, item] of Object.entries(value)) {
    if (text.length > budgetChars) return `${text}…`;
    if (text.length > 1) text += ',';
    const shownItem = preview(item, budgetChars - text.length);
    text += isList ? shownItem : `${previewString(key, budgetChars)}:${shownItem}`;
  }
  return text + (isList ? ']' : '}');
}

/** Renders any value for a warning: short, single-line, never throwing (cycles, BigInt, symbols). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = preview(value, MAX_SHOWN_CHARS);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  // JSON escapes C0 controls; line separators, DEL and C1 controls (U+0085 is a line break to some) are left.
  text = text.replace(/\s+/g, ' ').replace(/[\p{Cc}\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (text.length <= MAX_SHOWN_CHARS) return text;
  const cut = text.slice(0, MAX_SHOWN_CHARS - 1);
  // Never end on the first half of a character.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
