'use strict';
// Draws media/icon.png (the Marketplace icon, 128×128) from the SVG below with headless Chromium:
// `node scripts/icon.js`. The PNG is committed; run this again only to change the icon.
const path = require('node:path');
const { launchBrowser } = require('./lib/browser');

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f8a8a"/>
      <stop offset="1" stop-color="#17406d"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#bg)"/>
  <path d="M64 12 V116" stroke="#9fe3c9" stroke-opacity="0.55" stroke-width="2.5" stroke-dasharray="5 6"/>
  <g fill="none" stroke="#ffffff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="64" cy="31" r="12" fill="#ffffff" stroke="none"/>
    <path d="M64 50 V82"/>
    <path d="M38 56 L64 50 L90 56"/>
    <path d="M64 82 L52 106 M64 82 L76 106"/>
  </g>
</svg>`;

async function main() {
  const browser = await launchBrowser({ viewport: { width: 128, height: 128 } });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(__dirname, '..', 'media', 'icon.png'), omitBackground: true });
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
