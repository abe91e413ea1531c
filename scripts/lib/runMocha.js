'use strict';
// Runs mocha over the given files with the spec reporter and writes {passes, failures, pending} to a file.
// Usage: node runMocha.js <results.json> <timeoutMs> <files...>
const fs = require('node:fs');
const Mocha = require('mocha');

const [resultsFile, timeout, ...files] = process.argv.slice(2);
const mocha = new Mocha({ reporter: 'spec', timeout: Number(timeout), color: process.stdout.isTTY });
for (const f of files) mocha.addFile(f);
const runner = mocha.run((failures) => {
  const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
  fs.writeFileSync(resultsFile, JSON.stringify({ passes, failures, pending }));
  process.exitCode = failures ? 1 : 0;
});
