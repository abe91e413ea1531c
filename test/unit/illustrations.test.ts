import * as assert from 'node:assert/strict';
import { type Part, pieces, type Pose } from '../../src/shared/illustration/figure';
import { type IllustrationSpec, renderIllustration } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';
import { EXERCISES } from '../../src/core/exercises/library';

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
function movement(spec: IllustrationSpec, a: Pose, b: Pose): Map<Part, number> {
  const from = pieces(spec.view, spec.base, a);
  const to = new Map(pieces(spec.view, spec.base, b).map((p) => [p.id, p]));
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
    assert.deepEqual(entries.map(([id]) => id).filter((id) => !ids.has(id)), []);
  });

  for (const [id, spec] of entries) {
    describe(id, () => {
      it('highlights what moves, and what it highlights really moves', () => {
        assert.ok(spec.poses.length >= 2, 'two or more key poses');
        const moved = new Map<Part, number>();
        for (let i = 0; i < spec.poses.length; i++) {
          for (const [part, d] of movement(spec, spec.poses[i] ?? {}, spec.poses[(i + 1) % spec.poses.length] ?? {})) moved.set(part, Math.max(moved.get(part) ?? 0, d));
        }
        for (const part of spec.moving) if (part !== 'band') assert.ok((moved.get(part) ?? 0) >= 3, `${part} is highlighted but moves ${(moved.get(part) ?? 0).toFixed(1)} px`);
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
        assert.ok(svg.length < 14_000, `${svg.length} bytes`);
        for (const m of svg.matchAll(/(?:x1|x2|cx)="(-?[\d.]+)"|attributeName="(?:x1|x2|cx)" values="([^"]+)"/g)) {
          for (const v of (m[1] ?? m[2] ?? '').split(';').map(Number)) assert.ok(v >= 0 && v <= 200, `x ${v} in frame`);
        }
        for (const m of svg.matchAll(/(?:y1|y2|cy)="(-?[\d.]+)"|attributeName="(?:y1|y2|cy)" values="([^"]+)"/g)) {
          for (const v of (m[1] ?? m[2] ?? '').split(';').map(Number)) assert.ok(v >= 0 && v <= 240, `y ${v} in frame`);
        }
        const keyTimes = /keyTimes="([^"]+)"/.exec(svg)?.[1]?.split(';').map(Number) ?? [];
        assert.equal(keyTimes[0], 0);
        assert.equal(keyTimes.at(-1), 1);
        assert.ok(keyTimes.every((t, i) => i === 0 || t >= (keyTimes[i - 1] ?? 0)), 'key times never go back');
      });

      it('stands still with reduced motion: the key poses side by side', () => {
        const svg = renderIllustration(spec, { secondsPerRep: 3, reducedMotion: true, title: id });
        assertWellFormed(svg);
        assert.doesNotMatch(svg, /<animate/);
        assert.equal(svg.match(/class="upr-key-pose"/g)?.length, spec.poses.length);
        assert.match(svg, new RegExp(`viewBox="0 0 ${200 * spec.poses.length} 240"`));
      });
    });
  }
});
