'use strict';
const fs = require('node:fs');

/** Removes a folder a test or tool made; a process that has just ended may still close files in it, so a few tries. */
function removeFolder(folder) {
  fs.rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

module.exports = { removeFolder };
