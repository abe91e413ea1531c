import * as assert from 'node:assert/strict';

import { isCodingDocumentScheme } from '../../src/core/activity';
import { formatCompactDuration, literalText, toHoursMinutes } from '../../src/core/format';
import { localCalendar, msUntilNextMinute } from '../../src/core/time';

describe('formatting and small helpers', () => {
  it('formats durations compactly, counting only whole minutes', () => {
    assert.equal(formatCompactDuration(0), '0m');
    assert.equal(formatCompactDuration(59_999), '0m');
    assert.equal(formatCompactDuration(60_000), '1m');
    assert.equal(formatCompactDuration(45 * 60_000 + 30_000), '45m');
    assert.equal(formatCompactDuration(65 * 60_000), '1h 05m');
    assert.equal(formatCompactDuration(10 * 3_600_000 + 59 * 60_000), '10h 59m');
    assert.equal(formatCompactDuration(-5), '0m');
    assert.equal(formatCompactDuration(Number.NaN), '0m');
    assert.deepEqual(toHoursMinutes(125 * 60_000), { hours: 2, minutes: 5 });
  });

  it('wakes up on the next whole minute', () => {
    assert.equal(msUntilNextMinute(0), 60_000);
    assert.equal(msUntilNextMinute(59_000), 1_000);
    assert.equal(msUntilNextMinute(60_001), 59_999);
  });

  it('knows local days', () => {
    const noon = new Date(2026, 5, 15, 12, 0, 0).getTime();
    assert.equal(localCalendar.dayKey(noon), '2026-06-15');
    assert.equal(localCalendar.startOfNextDay(noon), new Date(2026, 5, 16).getTime());
    assert.equal(localCalendar.minuteOfDay(new Date(2026, 5, 15, 12, 34, 56).getTime()), 12 * 60 + 34);
  });

  it('counts edits in real documents only', () => {
    for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-userdata', 'vscode-notebook-cell', 'vscode-vfs']) {
      assert.ok(isCodingDocumentScheme(scheme), scheme);
    }
    for (const scheme of ['output', 'git', 'debug', 'vscode-scm', 'vscode-terminal', 'extension-output-log', 'log', 'comment']) {
      assert.ok(!isCodingDocumentScheme(scheme), scheme);
    }
  });

  it('keeps a person’s text from turning into a link or an icon where VS Code reads markup', () => {
    const name = '[Open settings](command:workbench.action.openSettings) $(bug) <b>x</b>';
    const shown = literalText(name);
    assert.equal(shown.replace(/\u200b/g, ''), name, 'the same characters are shown');
    assert.doesNotMatch(shown, /\]\(|\$\(/);
    // VS Code's own link pattern in notifications finds nothing.
    assert.doesNotMatch(shown, /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)\)/);
    assert.equal(literalText('Posture Reset'), 'Posture Reset');
  });
});
