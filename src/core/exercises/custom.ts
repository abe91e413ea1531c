import { t } from '../../shared/l10n';
import { describeValue, type SettingProblem } from '../settingsProblems';
import { type Routine, type RoutineStep } from './routines';

const SETTING = 'upright.customRoutines';
const MAX_ROUTINES = 50;
const MAX_STEPS = 40;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function clampInt(value: unknown, min: number, max: number, what: string, where: string, problems: SettingProblem[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ setting: SETTING, found: `${where}: ${what} ${describeValue(value)}`, used: t('the exercise’s own dose'), reason: 'notANumber' });
    return undefined;
  }
  const clamped = Math.min(max, Math.max(min, Math.round(value)));
  if (clamped !== value) problems.push({ setting: SETTING, found: `${where}: ${what} ${describeValue(value)}`, used: String(clamped), reason: 'outOfRange' });
  return clamped;
}

/**
 * `upright.customRoutines`: `[{ id, name, steps: [{ exercise, reps?, holdSeconds?, sets? }] }]`. What is
 * malformed is dropped or clamped with a problem naming it; the rest is kept. Names are plain text
 * (shown as text, never as markup). Unknown exercise ids are kept here and skipped, with a warning, when
 * the routine is resolved against the library.
 */
export function parseCustomRoutines(raw: unknown, builtInIds: readonly string[], problems: SettingProblem[]): Routine[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ setting: SETTING, found: describeValue(raw), used: '[]', reason: 'notAllowed' });
    return [];
  }
  const routines: Routine[] = [];
  const ids = new Set(builtInIds);
  for (const [index, item] of (raw as unknown[]).slice(0, MAX_ROUTINES).entries()) {
    const where = t('routine {0}', index + 1);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ setting: SETTING, found: t('{0} is not a routine ({1})', where, describeValue(item)), used: '', reason: 'skipped' });
      continue;
    }
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || !ID.test(r.id) || ids.has(r.id)) {
      const inUse = typeof r.id === 'string' && ids.has(r.id);
      problems.push({ setting: SETTING, found: t(inUse ? '{0} has an id already in use ({1})' : '{0} has no usable id (letters, digits, - or _) ({1})', where, describeValue(r.id)), used: '', reason: 'skipped' });
      continue;
    }
    ids.add(r.id);
    const name = typeof r.name === 'string' && r.name.trim() !== '' ? r.name.trim().slice(0, 80) : r.id;
    if (name !== r.name) problems.push({ setting: SETTING, found: t('{0} name: {1}', where, describeValue(r.name)), used: describeValue(name), reason: 'notAllowed' });
    if (!Array.isArray(r.steps) || r.steps.length === 0) {
      problems.push({ setting: SETTING, found: t('{0} ({1}) has no steps ({2})', where, r.id, describeValue(r.steps)), used: '', reason: 'skipped' });
      continue;
    }
    const steps: RoutineStep[] = [];
    for (const [s, rawStep] of (r.steps as unknown[]).slice(0, MAX_STEPS).entries()) {
      const at = t('{0} step {1}', r.id, s + 1);
      const step = typeof rawStep === 'string' ? { exercise: rawStep } : rawStep;
      if (typeof step !== 'object' || step === null || typeof (step as Record<string, unknown>).exercise !== 'string') {
        problems.push({ setting: SETTING, found: t('{0} names no exercise ({1})', at, describeValue(rawStep)), used: '', reason: 'skipped' });
        continue;
      }
      const st = step as Record<string, unknown>;
      const reps = clampInt(st.reps, 1, 50, 'reps', at, problems);
      const seconds = clampInt(st.holdSeconds, 1, 300, 'holdSeconds', at, problems);
      const sets = clampInt(st.sets, 1, 10, 'sets', at, problems);
      steps.push({ exercise: st.exercise as string, ...(reps !== undefined ? { reps } : {}), ...(seconds !== undefined ? { seconds } : {}), ...(sets !== undefined ? { sets } : {}) });
    }
    if (steps.length === 0) continue;
    routines.push({ id: r.id, name, summary: t('Your own routine.'), forReminders: false, steps });
  }
  if (raw.length > MAX_ROUTINES) problems.push({ setting: SETTING, found: t('{0} routines', raw.length), used: t('the first {0}', MAX_ROUTINES), reason: 'outOfRange' });
  return routines;
}
