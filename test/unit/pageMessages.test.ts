import * as assert from 'node:assert/strict';

import { describeMessage, PageInbox } from '../../src/core/pageInbox';
import { parseFromExercisesPage } from '../../src/shared/exercisesPage';
import { CONTROL_ACTIONS, parseFromRoutinePage } from '../../src/shared/routinePage';
import { parseFromStatsPage } from '../../src/shared/statsPage';
import { garbage, mutate, pick, seededRandom } from '../support/garbage';

/** Every message each page may send, written out by hand: the parsers must accept these and nothing else. */
const EXERCISE_IDS = ['chin-tuck', 'band-pull-apart', 'a', 'x9'];
interface PageCase {
  readonly parse: (raw: unknown) => unknown;
  readonly valid: readonly Record<string, unknown>[];
}
const PAGES: Record<'routine' | 'exercises' | 'stats', PageCase> = {
  routine: { parse: parseFromRoutinePage, valid: [{ type: 'ready' }, ...CONTROL_ACTIONS.map((action) => ({ type: 'control', action }))] },
  exercises: {
    parse: parseFromExercisesPage,
    valid: [{ type: 'ready' }, { type: 'changeEquipment' }, ...EXERCISE_IDS.map((exerciseId) => ({ type: 'start', exerciseId }))],
  },
  stats: {
    parse: parseFromStatsPage,
    valid: [
      { type: 'ready' },
      { type: 'export' },
      { type: 'clear' },
      ...EXERCISE_IDS.map((exerciseId) => ({ type: 'startExercise', exerciseId })),
    ],
  },
};

/** The same message whatever the order of its fields. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );

const ID_SHAPE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Whether `raw` is one of the page's messages: exact keys, exact values, an id of the allowed shape. */
function isValid(page: keyof typeof PAGES, raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const keys = Object.keys(raw).sort().join(',');
  const r = raw as Record<string, unknown>;
  const idType = page === 'exercises' ? 'start' : page === 'stats' ? 'startExercise' : undefined;
  if (idType && r.type === idType) return keys === 'exerciseId,type' && typeof r.exerciseId === 'string' && ID_SHAPE.test(r.exerciseId);
  return PAGES[page].valid.some((m) => canonical(m) === canonical(raw));
}

describe('messages from the pages', () => {
  describe('fuzzed from the page side', () => {
    let tried = 0;
    after(() => console.log(`      (${tried} messages tried)`));

    for (const page of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      it(`the ${page} page: accepts exactly its own messages, and anything else is refused without a throw`, () => {
        const { parse, valid } = PAGES[page];
        for (const m of valid) assert.deepEqual(parse(JSON.parse(JSON.stringify(m))), m, `accepts ${JSON.stringify(m)}`);
        const random = seededRandom(page.length * 7919);
        for (let i = 0; i < 4000; i++) {
          // What arrives has been through JSON (VS Code serializes page messages that way).
          const raw: unknown = JSON.parse(JSON.stringify(i % 2 === 0 ? garbage(random) : mutate(random, pick(random, valid))) ?? 'null');
          tried++;
          let parsed: unknown;
          assert.doesNotThrow(() => (parsed = parse(raw)), `case ${i}`);
          assert.equal(parsed !== undefined, isValid(page, raw), `case ${i}: ${describeMessage(raw)}`);
          if (parsed !== undefined) assert.equal(canonical(parsed), canonical(raw), 'passes on exactly what was sent');
        }
        // Shapes only JSON can make: an own "__proto__" field, and numbers where text belongs.
        for (const text of [
          '{"type":"ready","__proto__":{"type":"ready"}}',
          '{"__proto__":{"type":"ready"}}',
          '{"type":["ready"]}',
          '{"type":"control","action":"next","x":1}',
          '{"type":"startExercise","exerciseId":"../../x"}',
        ]) {
          tried++;
          assert.equal(parse(JSON.parse(text)), undefined, text);
        }
      });
    }

    it('refuses huge payloads quickly, and describes them in a few words', () => {
      const huge = [
        { type: 'control', action: 'x'.repeat(5_000_000) },
        { type: 'ready', pad: 'y'.repeat(5_000_000) },
        'z'.repeat(5_000_000),
        Array.from({ length: 1_000_000 }, () => 0),
        { type: 'start', exerciseId: 'a'.repeat(100_000) },
      ];
      for (const raw of huge) {
        tried++;
        for (const { parse } of Object.values(PAGES)) assert.equal(parse(raw), undefined);
        const text = describeMessage(raw);
        assert.ok(text.length < 200 && !text.includes('\n'), text);
      }
    });
  });

  describe('the inbox', () => {
    const inbox = (): { box: PageInbox<ReturnType<typeof parseFromRoutinePage>>; lines: string[] } => {
      const lines: string[] = [];
      return { box: new PageInbox('routine', parseFromRoutinePage, (line) => lines.push(line)), lines };
    };

    it('acts on what a person can do, and ignores a flood beyond that, logging a count, not every message', () => {
      const { box, lines } = inbox();
      // A person pressing → ten times in two seconds: all of them count.
      for (let i = 0; i < 10; i++) assert.ok(box.receive({ type: 'control', action: 'next' }, i * 200));
      // A page sending 100,000 "next" in one second: a burst goes through, the rest is dropped.
      let acted = 0;
      for (let i = 0; i < 100_000; i++) if (box.receive({ type: 'control', action: 'next' }, 5_000 + i / 100)) acted++;
      assert.ok(acted >= 20 && acted <= 26, `acted on ${acted}`);
      assert.equal(box.ignored, 100_000 - acted);
      assert.ok(lines.length <= 6, lines.join('\n'));
      assert.match(lines[0] ?? '', /Ignored a message \(too many at once\) from the routine page: "control"/);
      // The rest is told in one line when the page closes.
      box.flush();
      assert.match(
        lines.at(-1) ?? '',
        new RegExp(
          `Ignored ${box.ignored - 5} more messages from the routine page: 0 unexpected, ${box.ignored - 5} too many at once \\(${box.ignored} in all\\)`,
        ),
      );
      box.flush();
      assert.equal(lines.filter((l) => l.includes('more messages')).length, 1, 'told once');
      // Quiet for a few seconds, and a person's press counts again.
      assert.ok(box.receive({ type: 'control', action: 'pause' }, 12_000));
    });

    it('logs the first unexpected messages, then a count at most every 10 seconds, never the payload itself', () => {
      const { box, lines } = inbox();
      const random = seededRandom(11);
      for (let i = 0; i < 60_000; i++) box.receive(garbage(random), i); // a minute of a broken page
      assert.equal(box.accepted + box.ignored, 60_000);
      assert.ok(box.ignored > 59_000);
      assert.ok(lines.length >= 5 && lines.length <= 5 + 7, `${lines.length} lines`);
      assert.ok(lines.every((l) => l.length < 400 && !l.includes('\n')));
      assert.ok(
        lines
          .slice(5)
          .every((l) => /Ignored \d+ more messages from the routine page: \d+ unexpected, \d+ too many at once \(\d+ in all\)/.test(l)),
        lines.slice(5).join('\n'),
      );
    });

    it('earns nothing from a clock that moves back, and ignores a parser that throws', () => {
      const { box } = inbox();
      for (let i = 0; i < 20; i++) box.receive({ type: 'ready' }, 1_000_000);
      assert.equal(box.receive({ type: 'ready' }, 0), undefined, 'no allowance from going back in time');
      const throwing = new PageInbox(
        'stats',
        () => {
          throw new Error('bad parser');
        },
        () => undefined,
      );
      assert.equal(throwing.receive({ type: 'ready' }, 0), undefined);
      assert.equal(throwing.ignored, 1);
    });
  });
});
