/** Small runtime checks for data that crosses between the host and a page. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
/** A day as history and the ledger key it: `YYYY-MM-DD`, a local calendar date. */
export const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** An exercise or routine id as stored: lower case, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** How a page picks still pictures: VS Code's `workbench.reduceMotion`. */
export type ReduceMotion = 'on' | 'off' | 'auto';
/** A whole number, 0 or more. */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** A finite duration or time, 0 or more. */
export const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
