import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

/**
 * Starts a shell task named `name` (in a real host) that runs until `release()`: a marker file in `dir`.
 * The same task runs the same command line each time, as a real one does, and that is what Upright
 * knows it by. Resolves once the workbench lists it as running.
 */
export async function startTask(name: string, dir: string, background = false): Promise<{ release(): Promise<void> }> {
  const marker = path.join(dir, `done-${name}`);
  const task = new vscode.Task(
    { type: 'shell', label: name },
    vscode.TaskScope.Workspace,
    name,
    'upright-test',
    new vscode.ShellExecution(`while [ ! -f '${marker}' ]; do sleep 0.1; done`),
  );
  task.isBackground = background;
  const ended = new Promise<void>((resolve) => {
    const listener = vscode.tasks.onDidEndTask((e) => {
      if (e.execution.task.name === name) {
        listener.dispose();
        resolve();
      }
    });
  });
  await vscode.tasks.executeTask(task);
  const deadline = Date.now() + 20_000;
  while (!vscode.tasks.taskExecutions.some((e) => e.task.name === name)) {
    if (Date.now() > deadline) throw new Error(`task ${name} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    release: async () => {
      fs.writeFileSync(marker, '');
      await ended;
      fs.rmSync(marker, { force: true });
    },
  };
}
