import vscode = require('vscode');

import { allDays } from '../../core/history';
import { type ExportFormat, historyCsv, historyExport } from '../../core/historyExport';
import { withoutHistory } from '../../core/ledger';
import { singular, t } from '../../shared/l10n';
import { type CodingSession } from '../codingSession';
import { isHistoryPartlyDeleted } from '../storage/ledgerStore';

/**
 * The questions export and delete ask. Behind an interface so tests in the real host answer them
 * (a native save dialog cannot be driven from a test); everything else runs as it does for a person.
 */
export interface HistoryDialogs {
  pickFormat(): Promise<ExportFormat | undefined>;
  pickFile(format: ExportFormat, suggested: vscode.Uri | undefined): Promise<vscode.Uri | undefined>;
  /** 'delete', 'export' (export first), or undefined (cancelled). */
  confirmDelete(days: number): Promise<'delete' | 'export' | undefined>;
}

export const windowDialogs: HistoryDialogs = {
  async pickFormat() {
    const items: (vscode.QuickPickItem & { format: ExportFormat })[] = [
      { label: 'JSON', description: t('complete and versioned: every day, exercise totals, routines'), format: 'json' },
      { label: 'CSV', description: t('one row a day, for a spreadsheet'), format: 'csv' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: t('Export Upright history'), placeHolder: t('Choose a format') });
    return picked?.format;
  },
  pickFile(format, suggested) {
    const filters: Record<string, string[]> = format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] };
    return Promise.resolve(
      vscode.window.showSaveDialog({ defaultUri: suggested, filters, saveLabel: t('Export'), title: t('Export Upright history') }),
    );
  },
  async confirmDelete(days) {
    const remove = t('Delete History');
    const exportFirst = t('Export First…');
    const picked = await vscode.window.showWarningMessage(
      t('Delete your Upright history?'),
      {
        modal: true,
        detail: t(
          singular(days)
            ? '{0} recorded day, today’s counts, the exercise totals and how often each routine was done are deleted from this computer. This cannot be undone. The time since your last break is kept.'
            : '{0} recorded days, today’s counts, the exercise totals and how often each routine was done are deleted from this computer. This cannot be undone. The time since your last break is kept.',
          days,
        ),
      },
      remove,
      exportFirst,
    );
    return picked === remove ? 'delete' : picked === exportFirst ? 'export' : undefined;
  },
};

export interface HistoryCommandDeps {
  readonly session: CodingSession;
  readonly log: vscode.LogOutputChannel;
  readonly nowWallMs: () => number;
  readonly todayKey: () => string;
  readonly nameOf: (exerciseId: string) => string;
  /** Where an export is suggested when no folder is open (none in a browser). */
  readonly homeFolder: vscode.Uri | undefined;
  /** Replaced by tests. */
  readonly dialogs: () => HistoryDialogs;
}

/** The workspace's first folder, else the home folder where the platform has one. */
function suggestedFile(deps: HistoryCommandDeps, name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? deps.homeFolder;
  return folder && vscode.Uri.joinPath(folder, name);
}

/** Exports the history through a save dialog. Resolves to the file written, or undefined. */
export async function exportHistory(deps: HistoryCommandDeps): Promise<vscode.Uri | undefined> {
  const dialogs = deps.dialogs();
  const format = await dialogs.pickFormat();
  if (!format) return undefined;
  const target = await dialogs.pickFile(format, suggestedFile(deps, `upright-history-${deps.todayKey()}.${format}`));
  if (!target) return undefined;
  // Today's latest minutes too.
  deps.session.flush();
  const history = deps.session.history();
  const ledger = deps.session.ledger;
  const text =
    format === 'json'
      ? `${JSON.stringify(historyExport(history, ledger, deps.nowWallMs(), deps.nameOf), null, 2)}\n`
      : historyCsv(history, ledger);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (err) {
    deps.log.error(`Could not export the history to ${target.toString()}: ${String(err)}`);
    void vscode.window.showErrorMessage(
      t('Could not write {0}: {1}', target.fsPath || target.toString(), err instanceof Error ? err.message : String(err)),
    );
    return undefined;
  }
  const days = allDays(history, ledger).length;
  deps.log.info(`Exported ${days} days of history as ${format.toUpperCase()} to ${target.toString()}.`);
  const open = t('Open');
  void vscode.window
    .showInformationMessage(
      t(singular(days) ? 'Exported {0} day of Upright history.' : 'Exported {0} days of Upright history.', days),
      open,
    )
    .then((picked) => {
      if (picked === open) void vscode.window.showTextDocument(target);
    });
  return target;
}

/** Deletes the history after asking. Resolves to true when it was deleted. */
export async function clearHistory(deps: HistoryCommandDeps): Promise<boolean> {
  deps.session.flush();
  const days = allDays(deps.session.history(), deps.session.ledger).length;
  const answer = await deps.dialogs().confirmDelete(days);
  if (answer === 'export') {
    await exportHistory(deps);
    return false;
  }
  if (answer !== 'delete') return false;
  if (!deps.session.clearHistory(withoutHistory)) {
    const err = deps.session.lastWriteError;
    deps.log.error(`Could not delete the history: ${String(err)}`);
    // Say what happened: nothing, or (when the history could not be put back) the days before today only.
    if (isHistoryPartlyDeleted(err)) {
      const reason = err.reason instanceof Error ? err.reason.message : String(err.reason);
      void vscode.window.showErrorMessage(
        t('The days before today were deleted, but today’s counts could not be: {0}. Delete again to remove them.', reason),
      );
    } else {
      void vscode.window.showErrorMessage(
        t('Could not delete the history: {0}. Nothing was deleted.', err instanceof Error ? err.message : String(err)),
      );
    }
    return false;
  }
  deps.log.info(`Deleted the history (${days} days).`);
  void vscode.window.showInformationMessage(t('Your Upright history was deleted.'));
  return true;
}
