import vscode = require('vscode');

import { EXERCISES_VIEW_TYPE } from '../../shared/exercisesPage';
import { ROUTINE_VIEW_TYPE } from '../../shared/routinePage';
import { STATS_VIEW_TYPE } from '../../shared/statsPage';
import { type OnDemand } from '../onDemand';

/**
 * The serializers VS Code needs at activation to bring panels back after a reload; the panels
 * themselves load only when one comes back (or is opened).
 */
export function registerRestoredPanels(onDemand: () => OnDemand): vscode.Disposable[] {
  const restore = (viewType: string, adopt: (panel: vscode.WebviewPanel, state: unknown) => void): vscode.Disposable =>
    vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => {
        adopt(panel, state);
        return Promise.resolve();
      },
    });
  return [
    restore(ROUTINE_VIEW_TYPE, (panel, state) => onDemand().routines.restore(panel, state)),
    restore(EXERCISES_VIEW_TYPE, (panel) => onDemand().exercises.restore(panel)),
    restore(STATS_VIEW_TYPE, (panel) => onDemand().stats.restore(panel)),
  ];
}
