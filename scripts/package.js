'use strict';
const { packageVsix } = require('./lib/package');

console.log(packageVsix());
