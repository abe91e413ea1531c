import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { animationTempo } from '../../src/core/exercises/cards';
import { EXERCISES } from '../../src/core/exercises/library';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';
import { contactSheetPage, FRAMES_PER_CYCLE, NARROW_COLUMN_PX, SHEET_THEMES } from '../support/contactSheet';

const root = path.resolve(__dirname, '../../..');
const pictureStyles = fs.readFileSync(path.join(root, 'media', 'illustration.css'), 'utf8');

/** Each exercise's row of a sheet, by id, in page order. */
function rows(html: string): [string, string][] {
  return html
    .split('<section ')
    .slice(1)
    .map((row) => [/^class="sheet-row" data-exercise-id="([^"]+)"/.exec(row)?.[1] ?? '', row]);
}

describe('the contact sheet of the exercise pictures', () => {
  it('comes in the light, dark and high-contrast themes, each with the body class VS Code gives its pages', () => {
    assert.deepEqual(
      SHEET_THEMES.map((t) => [t.id, t.bodyClass]),
      [
        ['light', 'vscode-light'],
        ['dark', 'vscode-dark'],
        ['high-contrast', 'vscode-high-contrast'],
      ],
    );
    for (const theme of SHEET_THEMES) {
      const html = contactSheetPage(theme, EXERCISES, pictureStyles);
      assert.match(html, new RegExp(`<body class="${theme.bodyClass}"`));
      assert.ok(html.includes(`--vscode-editor-background: ${theme.variables['--vscode-editor-background']};`), theme.id);
    }
  });

  it('gives every theme each colour the pictures read without a fallback', () => {
    const required = [...pictureStyles.matchAll(/var\((--vscode-[\w-]+)\)/g)].map(([, name]) => name ?? '');
    assert.ok(required.includes('--vscode-descriptionForeground'));
    for (const theme of SHEET_THEMES)
      assert.deepEqual(
        required.filter((name) => !theme.variables[name]),
        [],
        theme.id,
      );
  });

  for (const theme of SHEET_THEMES) {
    it(`has one row for every exercise of the library, in order, in the ${theme.id} theme`, () => {
      const sheet = rows(contactSheetPage(theme, EXERCISES, pictureStyles));
      assert.deepEqual(
        sheet.map(([id]) => id),
        EXERCISES.map((e) => e.id),
      );
      for (const [id, row] of sheet) {
        const exercise = EXERCISES.find((e) => e.id === id);
        assert.ok(exercise && ILLUSTRATIONS[id], id);
        assert.ok(row.includes(`<h2>${exercise.name}</h2>`), `${id}: its name`);
        // The frames: evenly spaced through one cycle at the tempo the routine page plays it.
        const cycle = animationTempo(exercise.dose).secondsPerRep;
        const times = [...row.matchAll(/data-at-seconds="([\d.]+)"/g)].map(([, at]) => Number(at));
        assert.deepEqual(
          times,
          Array.from({ length: FRAMES_PER_CYCLE }, (_, i) => (cycle * i) / FRAMES_PER_CYCLE),
          `${id}: frames`,
        );
        assert.match(row, /<animate /, `${id}: the frames are the animation`);
        // The reduced-motion strip, on its own and in the narrow column.
        assert.equal(row.match(/class="upr-illustration upr-still"/g)?.length, 2, `${id}: two reduced-motion strips`);
        assert.match(row, new RegExp(`class="sheet-narrow">.*${NARROW_COLUMN_PX} px`), `${id}: the narrow column`);
      }
    });
  }

  it('says so when an exercise has no picture, and keeps its row', () => {
    const [first] = EXERCISES;
    assert.ok(first);
    const html = contactSheetPage(SHEET_THEMES[0]!, [{ ...first, id: 'undrawn-move' }], pictureStyles);
    assert.deepEqual(
      rows(html).map(([id]) => id),
      ['undrawn-move'],
    );
    assert.match(html, /No picture/);
  });
});
