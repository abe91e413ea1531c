import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { type Exercise } from '../core/exercises/model';
import { validateLibrary } from '../core/exercises/validate';

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
      const exercises = Array.isArray(parsed) ? (parsed as Exercise[]) : [];
      const problems = validateLibrary(exercises);
      if (problems.length > 0) log.warn(`The exercise library has problems: ${problems.slice(0, 5).join('; ')}`);
      cached = exercises;
    } catch (err) {
      log.error(`Could not read the exercise library (${file}): ${err instanceof Error ? err.message : String(err)}`);
      cached = [];
    }
    return cached;
  };
}
