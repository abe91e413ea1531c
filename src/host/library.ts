import type * as vscode from 'vscode';

import { type ExerciseLabels } from '../core/exercises/labels';
import { type Exercise } from '../core/exercises/model';
import { isRoutineShaped, type Routine } from '../core/exercises/routines';
import { singular, t } from '../shared/l10n';

function isExerciseShaped(v: unknown): v is Exercise {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.name === 'string' && Array.isArray(e.steps) && typeof e.dose === 'object' && e.dose !== null;
}

/** The data files to try for a display language, best first: `de-ch` → de-ch, de, then English. */
export function libraryFiles(language: string): string[] {
  const tag = language.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const base = tag.split('-')[0] ?? '';
  const names = [tag, base]
    .filter((name, i, all) => name !== '' && name !== 'en' && all.indexOf(name) === i)
    .map((name) => `exercises.${name}.json`);
  return [...names, 'exercises.json'];
}

/** Reads a file of `dist/data/` as text; undefined when it is not there. */
export type DataReader = (name: string) => string | undefined;

/** The exercise library, the built-in routines and the labels, read on first use. */
export interface Library {
  readonly exercises: () => readonly Exercise[];
  readonly routines: () => readonly Routine[];
  readonly labels: () => ExerciseLabels;
}

/** Labels missing from a damaged file: each id stands for itself. */
const ID_LABELS = new Proxy({}, { get: (_, id) => String(id) }) as Readonly<Record<string, string>>;

/**
 * The exercise library and the built-in routines in the display language, read from `dist/data/` the
 * first time a panel or a routine needs them (the build writes one file a language from
 * src/core/exercises/ and l10n/), so activation never pays for them.
 */
export function lazyLibrary(read: DataReader, language: string, log: vscode.LogOutputChannel): Library {
  let cached: { exercises: readonly Exercise[]; routines: readonly Routine[]; labels: ExerciseLabels } | undefined;
  const load = (): NonNullable<typeof cached> => {
    if (cached) return cached;
    const none = { category: ID_LABELS, position: ID_LABELS, equipment: ID_LABELS, muscle: ID_LABELS };
    cached = { exercises: [], routines: [], labels: none };
    for (const name of libraryFiles(language)) {
      try {
        const text = read(name);
        if (text === undefined) continue;
        const parsed = JSON.parse(text) as { exercises?: unknown; routines?: unknown; labels?: unknown } | null;
        // The build checks every rule of the data; here only that the file is what the build wrote.
        const all = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
        const exercises = all(parsed?.exercises).filter(isExerciseShaped);
        // Written by the build beside the exercises: a routine of another shape is left out.
        const routines = all(parsed?.routines).filter(isRoutineShaped);
        if (exercises.length === 0 || exercises.length !== all(parsed?.exercises).length) {
          const readable = exercises.length;
          log.warn(
            t(
              singular(readable)
                ? 'The exercise library file {0} is damaged: {1} exercise could be read.'
                : 'The exercise library file {0} is damaged: {1} exercises could be read.',
              name,
              readable,
            ),
          );
        }
        // Each kind of label whole, or the ids in its place.
        const labels = parsed?.labels;
        cached = { exercises, routines, labels: { ...none, ...(typeof labels === 'object' && labels !== null ? labels : {}) } };
      } catch (err) {
        log.error(t('Could not read the exercise library ({0}): {1}', name, err instanceof Error ? err.message : String(err)));
      }
      break;
    }
    return cached;
  };
  return { exercises: () => load().exercises, routines: () => load().routines, labels: () => load().labels };
}
