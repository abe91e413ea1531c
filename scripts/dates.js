'use strict';
// `npm run test:dates`: the suites a calendar could sway, run on each day of one week and in three
// time zones, through the README's test command with an injected test day (UPRIGHT_TEST_TODAY) and TZ.
// Every day of the week meets each zone in turn on the host layers (integration in a real VS Code, the
// Stats page in a real browser); the plain-Node suites run on all 21 pairs, as they are quick.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Monday to Sunday, a week without a daylight-saving change in any of the zones.
const WEEK = ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19', '2026-06-20', '2026-06-21'];
// Far west, the prime meridian with daylight saving, far east across the date line from the first.
const ZONES = ['America/Los_Angeles', 'Europe/London', 'Pacific/Kiritimati'];
const UNIT = 'history,ledger,tracker,scheduler,statsPage,format,longRun,settings,exercises,player';
// In a real VS Code: the clock, reminders and stats on the held test clock; in a real browser: the Stats page.
const HOST = 'reminders,stats,session';
const PAGES = 'stats';

function run(label, env) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'test.js')], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = `${r.stdout}`.trim().split('\n');
  const summary = lines.at(-1) ?? '';
  const ok = r.status === 0 && /^\d+ passed, 0 failed/.test(summary);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(46)} ${summary} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (!ok)
    process.stdout.write(
      `${lines
        .filter((l) => /failing|Error|✗|\d\) /.test(l))
        .slice(0, 20)
        .join('\n')}\n`,
    );
  return ok;
}

function main() {
  const hostLayers = !process.argv.includes('--unit-only');
  let failures = 0;
  for (const [i, day] of WEEK.entries()) {
    const weekday = new Date(`${day}T12:00:00Z`).toLocaleDateString('en', { weekday: 'short', timeZone: 'UTC' });
    for (const zone of ZONES) {
      if (
        !run(`unit   ${day} ${weekday} ${zone}`, {
          UPRIGHT_TEST_TODAY: day,
          TZ: zone,
          UPRIGHT_TEST_LAYERS: 'unit',
          UPRIGHT_TEST_FILES: UNIT,
        })
      )
        failures++;
    }
    if (hostLayers) {
      const zone = ZONES[i % ZONES.length];
      const env = { UPRIGHT_TEST_TODAY: day, TZ: zone };
      if (!run(`host   ${day} ${weekday} ${zone}`, { ...env, UPRIGHT_TEST_LAYERS: 'integration', UPRIGHT_TEST_FILES: HOST })) failures++;
      if (!run(`page   ${day} ${weekday} ${zone}`, { ...env, UPRIGHT_TEST_LAYERS: 'ui', UPRIGHT_TEST_FILES: PAGES })) failures++;
    }
  }
  console.log(failures === 0 ? 'Every day of the week, in every zone: passed.' : `${failures} runs failed.`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main();
