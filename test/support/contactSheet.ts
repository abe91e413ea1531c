import { animationTempo, formatDose } from '../../src/core/exercises/cards';
import { type Exercise } from '../../src/core/exercises/model';
import { type Camera } from '../../src/shared/illustration/camera';
import { FIGURE_BOX } from '../../src/shared/illustration/figure';
import { renderIllustration, stillGrid } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';

/**
 * The contact sheet of the exercise pictures (`npm run contact-sheet`): for each exercise, frames of
 * one cycle of its animation, its reduced-motion strip, and that strip as wide as the routine page's
 * narrow column, on a page that carries the theme's colours as VS Code hands them to a webview.
 */

export interface SheetTheme {
  readonly id: 'light' | 'dark' | 'high-contrast';
  /** The VS Code theme whose colours these are. */
  readonly label: string;
  /** The class VS Code puts on a webview's body for the theme's kind. */
  readonly bodyClass: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';
  /** The `--vscode-*` variables a webview gets, for what the pages' styles use. */
  readonly variables: Readonly<Record<string, string>>;
}

// What every webview gets on Linux, whatever the theme.
const FONTS = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
};

/**
 * The colours of VS Code's default themes (1.139), as its color registry resolves them for a webview:
 * the theme's own value, else the registry's default for the theme's kind. A colour that resolves to
 * nothing is left out, so the pages' fallbacks apply, as in VS Code (high contrast has no
 * `charts-orange`). `charts-blue` defaults to `editorInfo.foreground`, `charts-orange` to
 * `editor.findMatchHighlightBackground`, translucent in the light and dark themes.
 */
export const SHEET_THEMES: readonly SheetTheme[] = [
  {
    id: 'light',
    label: 'Light Modern',
    bodyClass: 'vscode-light',
    variables: {
      ...FONTS,
      '--vscode-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#3b3b3b',
      '--vscode-charts-foreground': '#3b3b3b',
      '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)',
      '--vscode-charts-blue': '#0063d3',
      '--vscode-charts-orange': 'rgba(234, 92, 0, 0.33)',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-purple': '#652d90',
      '--vscode-charts-yellow': '#bf8803',
      '--vscode-textLink-foreground': '#005fb8',
      '--vscode-textLink-activeForeground': '#005fb8',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-widget-border': '#e5e5e5',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-editorWidget-background': '#f8f8f8',
      '--vscode-input-background': '#ffffff',
      '--vscode-textBlockQuote-background': '#f8f8f8',
      '--vscode-editorWarning-foreground': '#bf8803',
      '--vscode-progressBar-background': '#005fb8',
      '--vscode-button-background': '#005fb8',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': 'rgba(0, 0, 0, 0.1)',
      '--vscode-button-hoverBackground': '#0258a8',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-secondaryHoverBackground': '#cccccc',
      '--vscode-badge-background': '#cccccc',
      '--vscode-badge-foreground': '#3b3b3b',
      '--vscode-dropdown-background': '#ffffff',
      '--vscode-dropdown-border': '#cecece',
      '--vscode-dropdown-foreground': '#3b3b3b',
    },
  },
  {
    id: 'dark',
    label: 'Dark Modern',
    bodyClass: 'vscode-dark',
    variables: {
      ...FONTS,
      '--vscode-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-charts-foreground': '#cccccc',
      '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
      '--vscode-charts-blue': '#59a4f9',
      '--vscode-charts-orange': 'rgba(234, 92, 0, 0.33)',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-yellow': '#cca700',
      '--vscode-textLink-foreground': '#4daafc',
      '--vscode-textLink-activeForeground': '#4daafc',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-widget-border': '#313131',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-editorWidget-background': '#202020',
      '--vscode-input-background': '#313131',
      '--vscode-textBlockQuote-background': '#2b2b2b',
      '--vscode-editorWarning-foreground': '#cca700',
      '--vscode-progressBar-background': '#0078d4',
      '--vscode-button-background': '#0078d4',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': 'rgba(255, 255, 255, 0.1)',
      '--vscode-button-hoverBackground': '#026ec1',
      '--vscode-button-secondaryBackground': 'rgba(0, 0, 0, 0)',
      '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-button-secondaryHoverBackground': '#2b2b2b',
      '--vscode-badge-background': '#616161',
      '--vscode-badge-foreground': '#f8f8f8',
      '--vscode-dropdown-background': '#313131',
      '--vscode-dropdown-border': '#3c3c3c',
      '--vscode-dropdown-foreground': '#cccccc',
    },
  },
  {
    id: 'high-contrast',
    label: 'Dark High Contrast',
    bodyClass: 'vscode-high-contrast',
    variables: {
      ...FONTS,
      '--vscode-foreground': '#ffffff',
      '--vscode-descriptionForeground': 'rgba(255, 255, 255, 0.7)',
      '--vscode-editor-background': '#000000',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-charts-foreground': '#ffffff',
      '--vscode-charts-lines': 'rgba(255, 255, 255, 0.5)',
      '--vscode-charts-blue': '#59a4f9',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-yellow': '#ffd370',
      '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-textLink-activeForeground': '#21a6ff',
      '--vscode-focusBorder': '#f38518',
      '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-widget-border': '#6fc3df',
      '--vscode-panel-border': '#6fc3df',
      '--vscode-editorWidget-background': '#0c141f',
      '--vscode-input-background': '#000000',
      '--vscode-editorWarning-foreground': '#ffd370',
      '--vscode-progressBar-background': '#6fc3df',
      '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': '#6fc3df',
      '--vscode-badge-background': '#000000',
      '--vscode-badge-foreground': '#ffffff',
      '--vscode-dropdown-background': '#000000',
      '--vscode-dropdown-border': '#6fc3df',
      '--vscode-dropdown-foreground': '#ffffff',
    },
  },
];

/** Frames drawn from one cycle of each animation, evenly spaced in time from its start. */
export const FRAMES_PER_CYCLE = 8;
/** The widest the routine page draws its picture (`.art-big` in media/routine.css): the narrow column. */
export const NARROW_COLUMN_PX = 440;
/** How wide the sheet draws one frame, and one pose of a reduced-motion strip. */
const FRAME_PX = 150;
/** The key poses' numbers in a reduced-motion strip, in picture units, as the styles set `.upr-step`. */
function stepFontUnits(styles: string): number {
  return Number(/\.upr-step \{[^}]*font-size: (\d+(?:\.\d+)?)px/.exec(styles)?.[1] ?? 14);
}

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c] ?? ''};`);
const seconds = (s: number): string => `${Math.round(s * 100) / 100} s`;

const SHEET_STYLE = `
body { padding: 0 24px 24px; }
.sheet-intro { color: var(--vscode-descriptionForeground); max-width: 70em; }
.sheet-row { width: max-content; display: grid; grid-template-columns: 190px auto ${NARROW_COLUMN_PX}px; gap: 6px 20px; align-items: start; padding: 14px 8px; border-top: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, transparent)); }
.sheet-label { grid-row: 1 / span 2; }
.sheet-label h2 { margin: 0 0 4px; }
.sheet-label code { font-family: var(--vscode-editor-font-family); }
.sheet-label p { margin: 2px 0; color: var(--vscode-descriptionForeground); font-size: 0.92em; }
.sheet-strip { display: flex; gap: 6px; }
.sheet-row figure { margin: 0; }
.sheet-frame { width: ${FRAME_PX}px; }
.sheet-row svg { outline: 1px dashed var(--vscode-widget-border, var(--vscode-contrastBorder, transparent)); }
.sheet-narrow { grid-column: 3; grid-row: 1 / span 2; width: ${NARROW_COLUMN_PX}px; }
.sheet-row figcaption { font-size: 11px; color: var(--vscode-descriptionForeground); text-align: center; margin-top: 2px; }
.sheet-narrow figcaption { text-align: left; }
.sheet-missing { color: var(--vscode-editorWarning-foreground); }
`;

/** Each frame's SVG is paused at its moment once the page has loaded; `data-frames="set"` on the body says when. */
const SHEET_SCRIPT = `
addEventListener('load', () => {
  for (const figure of document.querySelectorAll('[data-at-seconds]')) {
    const svg = figure.querySelector('svg');
    if (!svg) continue;
    svg.pauseAnimations();
    svg.setCurrentTime(Number(figure.dataset.atSeconds));
  }
  requestAnimationFrame(() => requestAnimationFrame(() => (document.body.dataset.frames = 'set')));
});
`;

/** One exercise: a label, the frames of a cycle, the reduced-motion strip, and that strip in the narrow column. */
function exerciseRow(exercise: Exercise, stepUnits: number): string {
  const spec = ILLUSTRATIONS[exercise.id];
  const tempo = animationTempo(exercise.dose);
  const title = `${exercise.name}: ${exercise.summary}`;
  const label = (extra: string): string =>
    `<div class="sheet-label"><h2>${escape(exercise.name)}</h2><p><code>${escape(exercise.id)}</code></p><p>${escape(formatDose(exercise.dose))}</p>${extra}</div>`;
  if (!spec)
    return `<section class="sheet-row" data-exercise-id="${escape(exercise.id)}">${label('<p class="sheet-missing">No picture</p>')}</section>`;
  const animated = renderIllustration(spec, { ...tempo, reducedMotion: false, title });
  const frames = Array.from({ length: FRAMES_PER_CYCLE }, (_, i) => {
    const at = (tempo.secondsPerRep * i) / FRAMES_PER_CYCLE;
    return `<figure class="sheet-frame" data-at-seconds="${at}">${animated}<figcaption>${seconds(at)}</figcaption></figure>`;
  });
  const still = renderIllustration(spec, { ...tempo, reducedMotion: true, title });
  const poses = spec.poses.length;
  // The still form stands its poses in rows (see `stillGrid`): the column holds one row's width.
  const { columns } = stillGrid(poses);
  const stepPx = (stepUnits * NARROW_COLUMN_PX) / (FIGURE_BOX.width * columns);
  const facts = [
    spec.depth ? `in depth, ${seenFrom(spec.depth.camera)}, ${spec.base}` : `${spec.view} view, ${spec.base}`,
    `one cycle ${seconds(tempo.secondsPerRep)}${tempo.holdSeconds ? `, hold ${seconds(tempo.holdSeconds)}` : ''}`,
    `${poses} key poses; moving: ${spec.moving.join(', ')}`,
  ];
  return [
    `<section class="sheet-row" data-exercise-id="${escape(exercise.id)}">`,
    label(facts.map((f) => `<p>${escape(f)}</p>`).join('')),
    `<div class="sheet-strip sheet-frames">${frames.join('')}</div>`,
    `<figure class="sheet-still" style="width: ${FRAME_PX * columns}px">${still}<figcaption>reduced motion</figcaption></figure>`,
    `<figure class="sheet-narrow">${still}<figcaption>reduced motion in the ${NARROW_COLUMN_PX} px routine column: ${Math.round(NARROW_COLUMN_PX / columns)} px a pose, step numbers ${stepPx.toFixed(1)} px</figcaption></figure>`,
    '</section>',
  ].join('');
}

/** Where the camera of a figure in depth stands, in words. */
function seenFrom(camera: Pick<Camera, 'yaw' | 'pitch'>): string {
  const round = Math.abs(camera.yaw);
  const where =
    round < 15
      ? 'from the front'
      : round > 165
        ? 'from behind'
        : Math.abs(round - 90) < 15
          ? 'from the side'
          : round < 90
            ? 'three-quarter from the front'
            : 'three-quarter from behind';
  return camera.pitch >= 5 ? `${where}, ${camera.pitch}° above` : where;
}

/** The sheet for one theme: a whole HTML page; `styles` is the pages' CSS (media/page.css and media/illustration.css). */
export function contactSheetPage(theme: SheetTheme, exercises: readonly Exercise[], styles: string): string {
  const variables = Object.entries(theme.variables)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Upright exercise pictures, ${escape(theme.label)}</title>`,
    `<style>:root { ${variables} }</style>`,
    `<style>${styles}</style>`,
    `<style>${SHEET_STYLE}</style>`,
    '</head>',
    `<body class="${theme.bodyClass}" data-vscode-theme-kind="${theme.bodyClass}" data-sheet-theme="${theme.id}">`,
    `<h1>Exercise pictures: ${escape(theme.label)}</h1>`,
    `<p class="sheet-intro">${exercises.length} exercises. Each row: ${FRAMES_PER_CYCLE} frames of one cycle of the animation, evenly spaced from its start (the time in the cycle under each); the reduced-motion strip of key poses; and that strip at ${NARROW_COLUMN_PX} px, as wide as the routine page draws it beside the editor.</p>`,
    `<main>${exercises.map((e) => exerciseRow(e, stepFontUnits(styles))).join('\n')}</main>`,
    `<script>${SHEET_SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}
