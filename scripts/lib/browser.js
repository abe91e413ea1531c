'use strict';
// Headless Chromium (Debian's, driven by playwright-core: no browser download) with a fresh profile.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { chromiumPath, ensureSystemPackages } = require('./host');
const { removeFolder } = require('./folders');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches a browser context; `close()` also removes its profile. */
async function launchBrowser({ viewport = { width: 1280, height: 800 }, colorScheme = 'dark', reducedMotion } = {}) {
  ensureSystemPackages();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'upright-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme,
    ...(reducedMotion ? { reducedMotion } : {}),
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      removeFolder(profile);
    },
  };
}

module.exports = { launchBrowser, CHROMIUM_ARGS };
