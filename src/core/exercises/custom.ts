import { singular, t } from '../../shared/l10n';
import { ID_PATTERN } from '../days';
import { describeValue, type SettingProblem } from '../settingsProblems';
import { type Routine, type RoutineStep } from './routines';

const SETTING = 'upright.customRoutines';
/** What a name shown on one line, as text, cannot hold: line breaks, control characters, half characters. */
const NOT_NAME_CHARACTERS = String.raw`\p{Cc}\p{Cs}\p{Zl}\p{Zp}`;
const NOT_NAME_TEXT = new RegExp(`[${NOT_NAME_CHARACTERS}]+`, 'gu');

/**
 * What `upright.customRoutines` takes as written, without a problem. The settings schema in
 * package.json is written from these by scripts/exerciseSchema.js, so settings.json and the parser agree.
 */
export const CUSTOM_ROUTINE_RULES = {
  maxRoutines: 50,
  maxSteps: 40,
  routineId: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
  maxNameCodePoints: 80,
  /** A name kept as it is (given 1 to `maxNameCodePoints` code points): one line, no space at either end. */
  nameAsWritten: new RegExp(String.raw`^(?!\s)[^${NOT_NAME_CHARACTERS}]*(?<!\s)$`, 'u'),
  reps: { min: 1, max: 50 },
  holdSeconds: { min: 1, max: 300 },
  sets: { min: 1, max: 10 },
} as const;

const { maxRoutines: MAX_ROUTINES, maxSteps: MAX_STEPS, maxNameCodePoints: MAX_NAME_CODE_POINTS, routineId: ID } = CUSTOM_ROUTINE_RULES;
/** More problems than this are counted in one line, so a list of thousands of bad steps cannot flood the log. */
const MAX_LISTED_PROBLEMS = 10;

type Report = (problem: SettingProblem) => void;

function clampInt(value: unknown, min: number, max: number, what: string, where: string, report: Report): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    report({
      setting: SETTING,
      found: `${where}: ${what} ${describeValue(value)}`,
      used: t('the exercise’s own dose'),
      reason: 'notANumber',
    });
    return undefined;
  }
  const clamped = Math.min(max, Math.max(min, Math.round(value)));
  if (clamped !== value)
    report({
      setting: SETTING,
      found: `${where}: ${what} ${describeValue(value)}`,
      used: String(clamped),
      reason: value < min || value > max ? 'outOfRange' : 'notAllowed',
    });
  return clamped;
}

/** A routine's name as shown: one line of at most 80 characters; the id when there is no usable text. */
function readName(raw: unknown, id: string, where: string, report: Report): string {
  if (raw === undefined) return id;
  const text = typeof raw === 'string' ? [...raw.replace(NOT_NAME_TEXT, ' ').trim()].slice(0, MAX_NAME_CODE_POINTS).join('').trimEnd() : '';
  const name = text === '' ? id : text;
  if (name !== raw)
    report({ setting: SETTING, found: t('{0} name: {1}', where, describeValue(raw)), used: describeValue(name), reason: 'notAllowed' });
  return name;
}

function readStep(rawStep: unknown, at: string, report: Report): RoutineStep | undefined {
  const step = typeof rawStep === 'string' ? { exercise: rawStep } : rawStep;
  const exercise = typeof step === 'object' && step !== null ? (step as Record<string, unknown>).exercise : undefined;
  // An id that could name an exercise is kept: whether the library has it is known when the routine runs.
  if (typeof exercise !== 'string' || !ID_PATTERN.test(exercise)) {
    report({ setting: SETTING, found: t('{0} names no exercise ({1})', at, describeValue(rawStep)), used: '', reason: 'skipped' });
    return undefined;
  }
  const st = step as Record<string, unknown>;
  const { reps: repsRange, holdSeconds: secondsRange, sets: setsRange } = CUSTOM_ROUTINE_RULES;
  const reps = clampInt(st.reps, repsRange.min, repsRange.max, 'reps', at, report);
  const seconds = clampInt(st.holdSeconds, secondsRange.min, secondsRange.max, 'holdSeconds', at, report);
  const sets = clampInt(st.sets, setsRange.min, setsRange.max, 'sets', at, report);
  return {
    exercise,
    ...(reps !== undefined ? { reps } : {}),
    ...(seconds !== undefined ? { seconds } : {}),
    ...(sets !== undefined ? { sets } : {}),
  };
}

/**
 * `upright.customRoutines`: `[{ id, name, steps: [{ exercise, reps?, holdSeconds?, sets? }] }]`. What is
 * malformed is dropped or clamped with a problem naming it; the rest is kept. Names are plain text
 * (shown as text, never as markup). Exercise ids that are well formed but not in the library are kept
 * here and skipped, with a warning, when the routine is resolved against the library (which is only
 * loaded when a routine runs).
 */
export function parseCustomRoutines(raw: unknown, builtInIds: readonly string[], problems: SettingProblem[]): Routine[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ setting: SETTING, found: describeValue(raw), used: '[]', reason: 'notAllowed' });
    return [];
  }
  const problemsBefore = problems.length;
  let unlistedProblems = 0;
  const report: Report = (problem) => {
    if (problems.length < problemsBefore + MAX_LISTED_PROBLEMS) problems.push(problem);
    else unlistedProblems++;
  };
  if (raw.length > MAX_ROUTINES)
    report({ setting: SETTING, found: t('{0} routines', raw.length), used: t('the first {0}', MAX_ROUTINES), reason: 'outOfRange' });
  const routines: Routine[] = [];
  const ids = new Set(builtInIds);
  for (const [index, item] of (raw as unknown[]).slice(0, MAX_ROUTINES).entries()) {
    const where = t('routine {0}', index + 1);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      report({ setting: SETTING, found: t('{0} is not a routine ({1})', where, describeValue(item)), used: '', reason: 'skipped' });
      continue;
    }
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || !ID.test(r.id) || ids.has(r.id)) {
      const inUse = typeof r.id === 'string' && ids.has(r.id);
      report({
        setting: SETTING,
        found: t(
          inUse ? '{0} has an id already in use ({1})' : '{0} has no usable id (letters, digits, - or _) ({1})',
          where,
          describeValue(r.id),
        ),
        used: '',
        reason: 'skipped',
      });
      continue;
    }
    const name = readName(r.name, r.id, where, report);
    if (!Array.isArray(r.steps) || r.steps.length === 0) {
      report({
        setting: SETTING,
        found: t('{0} ({1}) has no steps ({2})', where, r.id, describeValue(r.steps)),
        used: '',
        reason: 'skipped',
      });
      continue;
    }
    if (r.steps.length > MAX_STEPS)
      report({
        setting: SETTING,
        found: t('{0} steps in {1}', r.steps.length, r.id),
        used: t('the first {0} steps', MAX_STEPS),
        reason: 'outOfRange',
      });
    const steps: RoutineStep[] = [];
    for (const [s, rawStep] of (r.steps as unknown[]).slice(0, MAX_STEPS).entries()) {
      const step = readStep(rawStep, t('{0} step {1}', r.id, s + 1), report);
      if (step) steps.push(step);
    }
    if (steps.length === 0) {
      report({ setting: SETTING, found: t('{0} ({1}) has no usable steps', where, r.id), used: '', reason: 'skipped' });
      continue;
    }
    // Only a routine that is kept claims its id: a broken one does not hide a later good one.
    ids.add(r.id);
    routines.push({ id: r.id, name, summary: t('Your own routine.'), forReminders: false, steps });
  }
  if (unlistedProblems > 0)
    problems.push({
      setting: SETTING,
      found: t(singular(unlistedProblems) ? 'listing {0} more problem' : 'listing {0} more problems', unlistedProblems),
      used: '',
      reason: 'skipped',
    });
  return routines;
}
