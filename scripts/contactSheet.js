'use strict';
// The contact sheet of the exercise pictures: `npm run contact-sheet [-- --out DIR] [-- --only ID,ID]`. For every exercise,
// frames of one cycle of its animation and its reduced-motion strip (also at the routine column's
// 440 px), in the light, dark and high-contrast themes' colours: one HTML page per theme, a screenshot
// of each page, and one of each exercise's row, taken with headless Chromium. Drawn by the pages' own
// code from the sources (no build needed), offline. Written to out/contact-sheet/ unless --out says.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { launchBrowser } = require('./lib/browser');
const { loadSource } = require('./lib/loadSource');

const root = path.resolve(__dirname, '..');

function outputFolder() {
  const i = process.argv.indexOf('--out');
  if (i === -1) return path.join(root, 'out', 'contact-sheet');
  const dir = process.argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--out needs a folder');
  return path.resolve(dir);
}

/** `--only a,b`: just these exercises (by id), for a quick look at a few. */
function chosen(all) {
  const i = process.argv.indexOf('--only');
  if (i === -1) return all;
  const ids = (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = ids.filter((id) => !all.some((e) => e.id === id));
  if (!ids.length || unknown.length)
    throw new Error(`--only needs exercise ids${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  return all.filter((e) => ids.includes(e.id));
}

async function main() {
  const started = performance.now();
  const out = outputFolder();
  const {
    contactSheetPage,
    SHEET_THEMES,
    EXERCISES: all,
  } = await loadSource(
    "export { contactSheetPage, SHEET_THEMES } from '../test/support/contactSheet';",
    "export { EXERCISES } from './core/exercises/library';",
  );
  const EXERCISES = chosen(all);
  // The pages' shared styles and the pictures', as the routine page links them; the sheet's own come after.
  const styles = ['page.css', 'illustration.css'].map((f) => fs.readFileSync(path.join(root, 'media', f), 'utf8')).join('\n');
  // Only what an earlier sheet wrote goes: --out may name a folder that holds other things.
  fs.mkdirSync(out, { recursive: true });
  for (const theme of SHEET_THEMES)
    for (const name of [`${theme.id}.html`, `${theme.id}.png`, theme.id]) fs.rmSync(path.join(out, name), { recursive: true, force: true });

  const browser = await launchBrowser({ viewport: { width: 2000, height: 1000 } });
  try {
    // The themes side by side, each in a page of its own.
    await Promise.all(
      SHEET_THEMES.map(async (theme) => {
        const page = await browser.context.newPage();
        const html = path.join(out, `${theme.id}.html`);
        fs.writeFileSync(html, contactSheetPage(theme, EXERCISES, styles));
        await page.goto(pathToFileURL(html).href);
        await page.locator('body[data-frames="set"]').waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(out, `${theme.id}.png`), fullPage: true });
        const rows = path.join(out, theme.id);
        fs.mkdirSync(rows);
        for (const row of await page.locator('section[data-exercise-id]').all()) {
          const id = await row.getAttribute('data-exercise-id');
          await row.screenshot({ path: path.join(rows, `${id}.png`) });
        }
        await page.close();
      }),
    );
  } finally {
    await browser.close();
  }
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`contact sheet of ${EXERCISES.length} exercises in ${SHEET_THEMES.length} themes, ${took} s:`);
  for (const theme of SHEET_THEMES) console.log(`  ${path.join(out, `${theme.id}.html`)}, ${theme.id}.png, ${theme.id}/<exercise id>.png`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
