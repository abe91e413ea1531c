import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { EXERCISES } from '../../src/core/exercises/library';
import { type Part } from '../../src/shared/illustration/figure';
import { figurePieces, type IllustrationSpec, renderIllustration, STILL_COLUMNS } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';

/** The step numbers' size in the picture's own units, as the pages' style sheet sets it. */
const STEP_FONT_PX = Number(
  /\.upr-step \{[^}]*font-size: (\d+)px/.exec(fs.readFileSync(path.resolve(__dirname, '../../../media/illustration.css'), 'utf8'))?.[1],
);

/** A small well-formedness check: every tag closes, in order. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, closing, name = '', , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the open tag`);
    else stack.push(name);
  }
  assert.deepEqual(stack, [], 'every tag is closed');
}

/** How far each part's pieces move between two poses (the largest endpoint shift, px). */
function movement(spec: IllustrationSpec, a: IllustrationSpec['poses'][number], b: IllustrationSpec['poses'][number]): Map<Part, number> {
  const from = figurePieces(spec, a);
  const to = new Map(figurePieces(spec, b).map((p) => [p.id, p]));
  const moved = new Map<Part, number>();
  for (const p of from) {
    const q = to.get(p.id);
    if (!q) continue;
    const d = Math.max(Math.hypot(p.a.x - q.a.x, p.a.y - q.a.y), Math.hypot(p.b.x - q.b.x, p.b.y - q.b.y));
    moved.set(p.part, Math.max(moved.get(p.part) ?? 0, d));
  }
  return moved;
}

describe('illustrations', () => {
  const entries = Object.entries(ILLUSTRATIONS);

  it('draw only exercises that exist', () => {
    const ids = new Set(EXERCISES.map((e) => e.id));
    assert.deepEqual(
      entries.map(([id]) => id).filter((id) => !ids.has(id)),
      [],
    );
  });

  it('draw every exercise in the library', () => {
    assert.deepEqual(
      EXERCISES.map((e) => e.id).filter((id) => !(id in ILLUSTRATIONS)),
      [],
    );
  });

  for (const [id, spec] of entries) {
    describe(id, () => {
      it('highlights what moves, and what it highlights really moves', () => {
        assert.ok(spec.poses.length >= 2, 'two or more key poses');
        const moved = new Map<Part, number>();
        for (let i = 0; i < spec.poses.length; i++) {
          for (const [part, d] of movement(spec, spec.poses[i] ?? {}, spec.poses[(i + 1) % spec.poses.length] ?? {}))
            moved.set(part, Math.max(moved.get(part) ?? 0, d));
        }
        for (const part of spec.moving)
          if (part !== 'band')
            assert.ok((moved.get(part) ?? 0) >= 3, `${part} is highlighted but moves ${(moved.get(part) ?? 0).toFixed(1)} px`);
        for (const [part, d] of moved) {
          // Parts carried along by the trunk or the legs (the head on a bending trunk) may move unhighlighted.
          const carried = part !== 'torso' && part !== 'legs' && ((moved.get('torso') ?? 0) >= 3 || (moved.get('legs') ?? 0) >= 3);
          if (!spec.moving.includes(part)) assert.ok(d < 12 || carried, `${part} moves ${d.toFixed(1)} px but is not highlighted`);
        }
      });

      it('animates at the given tempo, in frame, small and well formed', () => {
        const svg = renderIllustration(spec, { secondsPerRep: 4.5, holdSeconds: 2, reducedMotion: false, title: `${id} <demo>` });
        assertWellFormed(svg);
        assert.match(svg, /<title>[^<]*&lt;demo&gt;<\/title>/, 'the title is text, not markup');
        assert.match(svg, /<animate [^>]*dur="4\.5s"/);
        assert.match(svg, /class="[^"]*upr-moving/);
        assert.match(svg, /class="[^"]*upr-ghost/, 'the start pose is ghosted');
        // An arrow for each move, each with its own timing, is part of the weight.
        assert.ok(svg.length < 16_000, `${svg.length} bytes`);
        // A limb is a path from one end to the other: both ends in frame, in every frame.
        for (const m of svg.matchAll(/ d="(M-?[\d.]+ -?[\d.]+L-?[\d.]+ -?[\d.]+)"|attributeName="d" values="([^"]+)"/g))
          for (const d of (m[1] ?? m[2] ?? '').split(';'))
            for (const [, x = '', y = ''] of d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) {
              assert.ok(Number(x) >= 0 && Number(x) <= 200, `x ${x} in frame`);
              assert.ok(Number(y) >= 0 && Number(y) <= 240, `y ${y} in frame`);
            }
        for (const m of svg.matchAll(/(?:x1|x2|cx)="(-?[\d.]+)"|attributeName="(?:x1|x2|cx)" values="([^"]+)"/g)) {
          for (const v of (m[1] ?? m[2] ?? '').split(';').map(Number)) assert.ok(v >= 0 && v <= 200, `x ${v} in frame`);
        }
        for (const m of svg.matchAll(/(?:y1|y2|cy)="(-?[\d.]+)"|attributeName="(?:y1|y2|cy)" values="([^"]+)"/g)) {
          for (const v of (m[1] ?? m[2] ?? '').split(';').map(Number)) assert.ok(v >= 0 && v <= 240, `y ${v} in frame`);
        }
        const keyTimes = /keyTimes="([^"]+)"/.exec(svg)?.[1]?.split(';').map(Number) ?? [];
        assert.equal(keyTimes[0], 0);
        assert.equal(keyTimes.at(-1), 1);
        assert.ok(
          keyTimes.every((t, i) => i === 0 || t >= (keyTimes[i - 1] ?? 0)),
          'key times never go back',
        );
      });

      it('shows the start pose even before the animation runs (every animated attribute has a base value)', () => {
        const svg = renderIllustration(spec, { secondsPerRep: 4, reducedMotion: false, title: id });
        for (const m of svg.matchAll(/<(line|path|circle|ellipse)([^>]*)>((?:<animate [^>]*\/>)+)/g)) {
          const own = m[2] ?? '';
          for (const a of (m[3] ?? '').matchAll(/attributeName="([a-z0-9-]+)"/g))
            assert.match(own, new RegExp(`\\s${a[1]}="`), `<${m[1]}> has a base ${a[1]}`);
        }
      });

      it('takes its colours from classes only, and needs nothing from outside', () => {
        for (const reducedMotion of [false, true]) {
          const svg = renderIllustration(spec, { secondsPerRep: 3, holdSeconds: 1, reducedMotion, title: id });
          assert.match(svg, /^<svg [^>]*role="img"[^>]*viewBox="0 0 \d+ \d+"><title>/);
          // No colour outside the classes (a fill="none" fallback is fine), no ids, nothing fetched or run.
          assert.doesNotMatch(svg, /\sstyle=|<style|<script|\sid=|href|url\(|\sfill="(?!none")|\sstroke="|\son[a-z]+=/);
          for (const m of svg.matchAll(/class="([^"]*)"/g))
            for (const c of (m[1] ?? '').split(' ')) assert.match(c, /^upr-[a-z-]+$/, `class ${c}`);
        }
      });

      it('keeps the weights, the band and the arrows in frame, in every key pose', () => {
        const inFrame = (x: number, y: number, what: string): void =>
          assert.ok(x >= 0 && x <= 200 && y >= 0 && y <= 240, `${what} (${x}, ${y}) in frame`);
        const pairs = (list: string): number[][] =>
          list
            .trim()
            .split(/[;\s]+(?=-?[\d.]+[ ,])/)
            .map((p) => p.split(/[ ,]/).map(Number));
        const animated = renderIllustration(spec, { secondsPerRep: 4, holdSeconds: 1, reducedMotion: false, title: id });
        // Panels of the still version are translated into place: check each one in its own coordinates.
        const panels = renderIllustration(spec, { secondsPerRep: 3, reducedMotion: true, title: id })
          .split('class="upr-key-pose"')
          .slice(1);
        for (const svg of [animated, ...panels]) {
          const plain = svg
            .replace(/^ transform="translate\(\d+ \d+\)"/, '')
            .replace(/<g transform="translate\([^)]*\) scale\([^)]*\)">/g, '');
          for (const m of plain.matchAll(/translate\((-?[\d.]+) (-?[\d.]+)\)/g)) inFrame(Number(m[1]), Number(m[2]), 'weight');
          for (const m of plain.matchAll(/type="translate" values="([^"]+)"/g))
            for (const [x = 0, y = 0] of (m[1] ?? '').split(';').map((v) => v.split(' ').map(Number))) inFrame(x, y, 'weight');
          for (const m of plain.matchAll(/points="([^"]+)"/g)) for (const [x = 0, y = 0] of pairs(m[1] ?? '')) inFrame(x, y, 'arrow');
          for (const m of plain.matchAll(/ (x[12]|cx)="(-?[\d.]+)"/g)) inFrame(Number(m[2]), 0, m[1] ?? '');
          for (const m of plain.matchAll(
            /<path class="upr-(?:band|weight|limb)[^"]*"[^>]* d="M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)"/g,
          )) {
            inFrame(Number(m[1]), Number(m[2]), 'a limb, the band or a weight');
            inFrame(Number(m[3]), Number(m[4]), 'a limb, the band or a weight');
          }
          for (const m of plain.matchAll(/ (y[12]|cy)="(-?[\d.]+)"/g)) inFrame(0, Number(m[2]), m[1] ?? '');
        }
      });

      it('stands still with reduced motion: the key poses side by side, numbers that can be read in the routine column', () => {
        const svg = renderIllustration(spec, { secondsPerRep: 3, reducedMotion: true, title: id });
        assertWellFormed(svg);
        assert.doesNotMatch(svg, /<animate/);
        assert.equal(svg.match(/class="upr-key-pose"/g)?.length, spec.poses.length);
        const [, width = 0, height = 0] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)?.map(Number) ?? [];
        const columns = Math.min(spec.poses.length, STILL_COLUMNS);
        assert.ok(width <= 200 * STILL_COLUMNS && width >= 200 * Math.ceil(spec.poses.length / Math.ceil(spec.poses.length / columns)));
        assert.equal((width / 200) * (height / 240) >= spec.poses.length, true, 'room for every pose');
        // Drawn 440 px wide (the routine column), a step number is at least 14 px high.
        assert.ok((STEP_FONT_PX * 440) / width >= 14, `${id}: ${((STEP_FONT_PX * 440) / width).toFixed(1)} px at 440 px`);
      });
    });
  }
});

describe('the accent follows the move', () => {
  it('a limb at rest while the other side works is drawn plain for as long as it rests', () => {
    for (const id of ['bird-dog', 'knee-to-chest', 'renegade-row']) {
      const spec = ILLUSTRATIONS[id] ?? assert.fail(id);
      const svg = renderIllustration(spec, { secondsPerRep: 8, holdSeconds: 2, reducedMotion: false, title: id });
      const switches = [...svg.matchAll(/<animate attributeName="class" values="([^"]+)" keyTimes="([^"]+)" calcMode="discrete"/g)];
      assert.ok(switches.length >= 2, `${id}: pieces that move in some moves only (${switches.length})`);
      for (const [, values = '', times = ''] of switches) {
        const list = values.split(';');
        assert.equal(list.length, spec.poses.length, 'a class for each move');
        assert.equal(times.split(';').length, list.length);
        assert.ok(list.some((c) => c.includes('upr-moving')) && list.some((c) => c.includes('upr-body')), `${id}: ${values}`);
      }
      // Still: each key pose highlights the limbs of the move it starts, not every limb that ever moves.
      const panels = renderIllustration(spec, { secondsPerRep: 8, reducedMotion: true, title: id }).split('class="upr-key-pose"').slice(1);
      const accents = panels.map((p) => (p.match(/class="upr-limb upr-moving/g) ?? []).length);
      assert.ok(Math.max(...accents) > 0, `${id}: key poses highlight ${accents.join(', ')}`);
      const all = (
        renderIllustration(spec, { secondsPerRep: 8, reducedMotion: false, title: id }).match(/class="upr-limb upr-(?:moving|body)/g) ?? []
      ).length;
      assert.ok(Math.max(...accents) < all, `${id}: no key pose highlights every limb`);
    }
  });

  it('a move whose key poses all move the same pieces switches no class', () => {
    for (const id of ['chin-tuck', 'band-pull-apart', 'scapular-squeeze']) {
      const spec = ILLUSTRATIONS[id] ?? assert.fail(id);
      const svg = renderIllustration(spec, { secondsPerRep: 4, reducedMotion: false, title: id });
      assert.doesNotMatch(svg, /attributeName="class"/, id);
    }
  });
});

describe('drawn in depth', () => {
  it('every exercise but the hand close-up is drawn from the figure posed in depth', () => {
    const flat = Object.entries(ILLUSTRATIONS)
      .filter(([, spec]) => !spec.depth)
      .map(([id, spec]) => `${id} (${spec.base})`);
    assert.deepEqual(flat, ['ball-squeeze (hand)']);
  });
});
