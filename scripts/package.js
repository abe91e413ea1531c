'use strict';
// npm run package [-- --release [--baseContentUrl <url> --baseImagesUrl <url>]]
const { parseArgs } = require('node:util');
const { packageVsix } = require('./lib/package');

const { values } = parseArgs({
  options: {
    release: { type: 'boolean', default: false },
    baseContentUrl: { type: 'string' },
    baseImagesUrl: { type: 'string' },
  },
});

try {
  console.log(packageVsix(values));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
