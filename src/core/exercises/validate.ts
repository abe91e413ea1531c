import { alternates, CATEGORIES, type Dose, EQUIPMENT, type Equipment, type Exercise, MUSCLES, POSITIONS } from './model';
import { type Routine, substitute } from './routines';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function checkDose(where: string, dose: Dose, problems: string[]): void {
  const inRange = (what: string, v: number | undefined, min: number, max: number): void => {
    if (v === undefined || !Number.isFinite(v) || v < min || v > max)
      problems.push(`${where}: ${what} ${String(v)} is outside ${min}–${max}`);
  };
  inRange('sets', dose.sets, 1, 5);
  inRange('restSeconds', dose.restSeconds, 0, 90);
  if (!Number.isInteger(dose.sets)) problems.push(`${where}: sets must be whole`);
  if (dose.source.trim().length < 4) problems.push(`${where}: the dose needs a source note`);
  if (dose.kind === 'reps') {
    inRange('reps', dose.reps, 1, 30);
    if (dose.alternate && !dose.perSide) problems.push(`${where}: only a dose done on each side can alternate sides`);
    inRange('secondsPerRep', dose.secondsPerRep, 1, 12);
    // A rep is the move in, the hold and the move back: each way needs a second or more to be done slowly.
    if (dose.holdSeconds !== undefined && dose.holdSeconds + 1 > dose.secondsPerRep)
      problems.push(`${where}: a ${dose.holdSeconds} s hold does not fit in a ${dose.secondsPerRep} s rep`);
    else if (dose.holdSeconds !== undefined && dose.holdSeconds + 2 > dose.secondsPerRep)
      problems.push(`${where}: a ${dose.holdSeconds} s hold leaves under a second each way in a ${dose.secondsPerRep} s rep`);
  } else {
    inRange('seconds', dose.seconds, 5, 180);
  }
}

/** Every rule the library's data must keep; an empty list means it is sound. */
export function validateLibrary(exercises: readonly Exercise[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Exercise>();
  for (const e of exercises) {
    if (byId.has(e.id)) problems.push(`${e.id}: duplicate id`);
    byId.set(e.id, e);
  }
  for (const e of exercises) {
    const at = e.id;
    if (!ID.test(e.id)) problems.push(`${at}: id is not kebab-case`);
    if (e.name.trim() === '' || e.name.length > 40) problems.push(`${at}: name must be 1–40 characters`);
    if (!CATEGORIES.includes(e.category)) problems.push(`${at}: unknown category ${e.category}`);
    if (e.positions.length === 0 || new Set(e.positions).size !== e.positions.length || !e.positions.every((p) => POSITIONS.includes(p)))
      problems.push(`${at}: positions must be distinct known positions`);
    if (new Set(e.equipment).size !== e.equipment.length || !e.equipment.every((q) => EQUIPMENT.includes(q)))
      problems.push(`${at}: equipment must be distinct known items`);
    if (e.muscles.length === 0 || !e.muscles.every((m) => MUSCLES.includes(m))) problems.push(`${at}: muscles must be known and not empty`);
    if (e.summary.trim() === '' || e.summary.length > 100) problems.push(`${at}: summary must be 1–100 characters`);
    if (e.steps.length < 3 || e.steps.length > 5) problems.push(`${at}: ${e.steps.length} steps (3–5 wanted)`);
    for (const step of e.steps)
      if (step.trim() === '' || step.length > 120) problems.push(`${at}: step too long or empty: "${step.slice(0, 40)}…"`);
    if (e.cues.length < 1 || e.cues.length > 3) problems.push(`${at}: ${e.cues.length} cues (1–3 wanted)`);
    for (const cue of e.cues) if (cue.trim() === '' || cue.length > 70) problems.push(`${at}: cue too long or empty: "${cue}"`);
    if (e.caution.trim().length < 10) problems.push(`${at}: needs a caution`);
    checkDose(`${at} dose`, e.dose, problems);
    if (e.fullDose) {
      checkDose(`${at} fullDose`, e.fullDose, problems);
      if (e.fullDose.kind !== e.dose.kind || e.fullDose.perSide !== e.dose.perSide || alternates(e.fullDose) !== alternates(e.dose))
        problems.push(`${at}: fullDose must be the same kind of dose as dose`);
    }
    for (const id of e.substitutes ?? []) {
      if (id === e.id) problems.push(`${at}: substitutes itself`);
      else if (!byId.has(id)) problems.push(`${at}: unknown substitute ${id}`);
    }
    if (e.equipment.length > 0) {
      // Someone who owns nothing must still get a move in one of the same positions.
      const standIn = substitute(e, byId, new Set<Equipment>(), new Set(e.positions));
      if (!standIn) problems.push(`${at}: no equipment-free stand-in in a position it shares (${e.positions.join(', ')})`);
    }
  }
  return problems;
}

/** Every subset of the equipment list: the cases substitution must handle. */
export function equipmentCombinations(): Equipment[][] {
  return Array.from({ length: 1 << EQUIPMENT.length }, (_, mask) => EQUIPMENT.filter((_e, i) => (mask & (1 << i)) !== 0));
}

/** Routine rules: known exercises, distinct ids, and at least one step. */
export function validateRoutines(routines: readonly Routine[], exercises: readonly Exercise[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const known = new Set(exercises.map((e) => e.id));
  for (const r of routines) {
    if (ids.has(r.id)) problems.push(`${r.id}: duplicate routine id`);
    ids.add(r.id);
    if (!ID.test(r.id)) problems.push(`${r.id}: id is not kebab-case`);
    if (r.steps.length === 0) problems.push(`${r.id}: no steps`);
    for (const s of r.steps) if (!known.has(s.exercise)) problems.push(`${r.id}: unknown exercise ${s.exercise}`);
  }
  return problems;
}

/** The text of an exercise a translation gives: the same fields, and as many steps and cues, as the library. */
export const TRANSLATED_FIELDS = ['name', 'summary', 'steps', 'cues', 'caution'] as const;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 400 && !/[<>]/.test(v);

/** A translation of the library's text (`l10n/exercises.<lang>.json`): every exercise, every field, nothing else. */
export function validateTranslation(exercises: readonly Exercise[], translation: unknown): string[] {
  if (typeof translation !== 'object' || translation === null || Array.isArray(translation)) return ['not an object of exercises'];
  const given = translation as Record<string, unknown>;
  const problems: string[] = [];
  const ids = new Set(exercises.map((e) => e.id));
  for (const id of Object.keys(given)) if (!ids.has(id)) problems.push(`${id}: not in the library`);
  for (const e of exercises) {
    const entry = given[e.id];
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${e.id}: missing`);
      continue;
    }
    const text = entry as Record<string, unknown>;
    for (const key of Object.keys(text))
      if (!(TRANSLATED_FIELDS as readonly string[]).includes(key)) problems.push(`${e.id}: unknown field ${key}`);
    for (const key of ['name', 'summary', 'caution'] as const)
      if (!isText(text[key])) problems.push(`${e.id}: ${key} missing, empty, too long or with markup`);
    for (const key of ['steps', 'cues'] as const) {
      const list = text[key];
      if (!Array.isArray(list) || list.length !== e[key].length || !list.every(isText))
        problems.push(`${e.id}: ${key} must be ${e[key].length} plain texts`);
    }
  }
  return problems;
}

/** The library with a translation's text in place of the English (the data and doses stay the same). */
export function translatedLibrary(exercises: readonly Exercise[], translation: Readonly<Record<string, Partial<Exercise>>>): Exercise[] {
  return exercises.map((e) => {
    const text = translation[e.id] ?? {};
    return { ...e, ...Object.fromEntries(TRANSLATED_FIELDS.filter((k) => text[k] !== undefined).map((k) => [k, text[k]])) };
  });
}
