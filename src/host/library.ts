import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { type Exercise } from '../core/exercises/model';

function isExerciseShaped(v: unknown): v is Exercise {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.name === 'string' && Array.isArray(e.steps) && typeof e.dose === 'object' && e.dose !== null;
}

/**
 * The exercise library, read from `dist/data/exercises.json` the first time a panel needs it (the build
 * writes it from src/core/exercises/library.ts), so activation never pays for it.
 */
export function lazyLibrary(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): () => readonly Exercise[] {
  let cached: readonly Exercise[] | undefined;
  return () => {
    if (cached) return cached;
    const file = path.join(extensionUri.fsPath, 'dist', 'data', 'exercises.json');
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      // The build checks every rule of the data; here only that the file is what the build wrote.
      const exercises = Array.isArray(parsed) ? parsed.filter(isExerciseShaped) : [];
      if (exercises.length === 0 || exercises.length !== (parsed as unknown[]).length) log.warn(`The exercise library file is damaged: ${exercises.length} exercises could be read.`);
      cached = exercises;
    } catch (err) {
      log.error(`Could not read the exercise library (${file}): ${err instanceof Error ? err.message : String(err)}`);
      cached = [];
    }
    return cached;
  };
}
