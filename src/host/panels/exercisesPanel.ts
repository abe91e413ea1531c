import vscode = require('vscode');

import { exercisesPageData } from '../../core/exercises/cards';
import { type ExerciseLabels } from '../../core/exercises/labels';
import { type Exercise } from '../../core/exercises/model';
import { PageInbox } from '../../core/pageInbox';
import { EXERCISES_VIEW_TYPE, type ExercisesPageData, parseFromExercisesPage, type ToExercisesPage } from '../../shared/exercisesPage';
import { t } from '../../shared/l10n';
import { COMMANDS } from '../commandIds';
import { type SettingsReader } from '../settingsReader';
import { SinglePanel } from './panel';
import { reduceMotionSetting } from './webviewHtml';

const EXERCISES_PAGE = {
  viewType: EXERCISES_VIEW_TYPE,
  get title() {
    return t('Upright Exercises');
  },
  script: 'dist/webview/exercises.js',
  styles: ['media/page.css', 'media/illustration.css', 'media/exercises.css'],
};

/**
 * The Browse Exercises panel (`upright.exercises`): every exercise as a card with its moving picture,
 * filters, and each one's steps. One per window; it comes back after a reload through the serializer.
 */
export class ExercisesPanel extends SinglePanel<ReturnType<typeof parseFromExercisesPage>> {
  readonly #settings: SettingsReader;
  readonly #library: () => readonly Exercise[];

  readonly #labels: () => ExerciseLabels;

  constructor(
    extensionUri: vscode.Uri,
    settings: SettingsReader,
    log: vscode.LogOutputChannel,
    library: () => readonly Exercise[],
    labels: () => ExerciseLabels,
  ) {
    super(extensionUri, EXERCISES_PAGE, new PageInbox('exercises', parseFromExercisesPage, (line) => log.warn(line)));
    this.#library = library;
    this.#labels = labels;
    this.#settings = settings;
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('workbench.reduceMotion')) this.#post();
      }),
    );
    this._register(settings.onDidChange(() => this.#post()));
  }

  /** A panel VS Code brings back after a reload. */
  restore(panel: vscode.WebviewPanel): void {
    this.adopt(panel);
  }

  /** Opens the panel beside the editor, or brings it forward. */
  show(): void {
    this.reveal(false);
  }

  protected pageData(): ExercisesPageData {
    return this.#data();
  }

  #data(): ExercisesPageData {
    return exercisesPageData(this.#library(), this.#settings.current.equipment, reduceMotionSetting(), this.#labels());
  }

  #post(): void {
    if (!this.panel) return;
    const message: ToExercisesPage = { type: 'update', data: this.#data() };
    void this.panel.webview.postMessage(message);
  }

  receive(raw: unknown): boolean {
    const message = this.inbox.receive(raw, performance.now());
    if (!message) return false;
    switch (message.type) {
      case 'ready':
        this.#post();
        return true;
      case 'changeEquipment':
        void vscode.commands.executeCommand('workbench.action.openSettings', 'upright.equipment');
        return true;
      case 'start':
        // Only exercises of the library; the command checks again.
        if (!this.#library().some((e) => e.id === message.exerciseId)) return false;
        void vscode.commands.executeCommand(COMMANDS.startExercise, message.exerciseId);
        return true;
    }
  }
}
