import * as assert from 'node:assert/strict';

import { length, sub, type Vec3 } from '../../src/shared/illustration/camera';
import { type Piece } from '../../src/shared/illustration/figure';
import { figurePieces, keyPosesOf } from '../../src/shared/illustration/render';
import { depthSpec, dist, joint, keyJoints, piece } from '../support/pictures';

const [spec, keys, at] = [depthSpec, keyJoints, joint];
const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
/** The angle at `b` between `a` and `c`, degrees (180: straight). */
const angle = (a: Vec3, b: Vec3, c: Vec3): number => {
  const [u, v] = [sub(a, b), sub(c, b)];
  const cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (length(u) * length(v));
  return (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
};
/** How far a line from `a` up to `b` leans from upright, degrees. */
const fromUpright = (a: Vec3, b: Vec3): number => {
  const d = sub(b, a);
  return (Math.atan2(Math.hypot(d[0], d[2]), d[1]) * 180) / Math.PI;
};
/** The angle at the hips between the feet and the chest, seen down the middle of the body: 180 is one straight line. */
const line = (j: Record<string, Vec3>): number =>
  angle(mid(at(j, 'lAnkle'), at(j, 'rAnkle')), mid(at(j, 'lHip'), at(j, 'rHip')), mid(at(j, 'lShoulder'), at(j, 'rShoulder')));
/** Whether a point of the picture lies inside an outline (its corners in turn). */
const inside = (q: { x: number; y: number }, pts: readonly { x: number; y: number }[]): boolean => {
  let odd = false;
  for (let i = 0, k = pts.length - 1; i < pts.length; k = i++) {
    const [a, b] = [pts[i] ?? q, pts[k] ?? q];
    if (a.y > q.y !== b.y > q.y && q.x < ((b.x - a.x) * (q.y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
  }
  return odd;
};
/** The box round a drawn piece's outline (a poly's corners, else its two ends). */
const box = (p: Piece): { left: number; right: number; top: number; bottom: number } => {
  const pts = p.pts ?? [p.a, p.b];
  const [xs, ys] = [pts.map((q) => q.x), pts.map((q) => q.y)];
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
};
const near = (a: Vec3, b: Vec3, cm: number, what: string): void => assert.ok(dist(a, b) < cm, `${what}: ${dist(a, b).toFixed(1)} cm apart`);

describe('the rows in depth', () => {
  it('doorframe row: facing the edge of the frame, toes at it, both hands round it at chest height; lean back on straight arms, then pull the chest in', () => {
    const s = spec('doorframe-row');
    const [lean, pull] = keys('doorframe-row') as [Record<string, Vec3>, Record<string, Vec3>];
    const frame = (s.depth?.props ?? []).find((p) => p.kind === 'door') ?? assert.fail('a door frame');
    const [half, frameZ] = [(frame.size ?? 82) / 2, frame.at?.[2] ?? 0];
    // The edge of the frame straight ahead: narrower than the shoulders, so both hands hold the one edge.
    assert.ok(half < 10, `the frame's edge faced, ${(half * 2).toFixed(0)} cm across`);
    for (const [name, j] of [
      ['leaning', lean],
      ['pulled in', pull],
    ] as const) {
      for (const side of ['l', 'r']) {
        const w = at(j, `${side}Wrist`);
        assert.ok(Math.abs(Math.abs(w[0]) - half) < 4 && Math.abs(w[2] - frameZ) < 6, `${name}: the ${side} hand holds the frame's edge`);
        assert.ok(Math.sign(w[0]) === (side === 'l' ? 1 : -1), `${name}: the ${side} hand on its own side of the edge`);
        assert.ok(Math.abs(at(j, `${side}Ankle`)[1] - 9) < 1, `${name}: the ${side} foot on the floor`);
        const toe = at(j, `${side}Toe`)[2];
        assert.ok(toe < frameZ && frameZ - toe < 8, `${name}: the ${side} toes close to the frame, not past it`);
      }
      assert.ok(line(j) > 170, `${name}: the body in one line, ${line(j).toFixed(0)}°`);
    }
    // Chest height: between the waist and the shoulders of the figure pulled in upright.
    for (const side of ['l', 'r']) {
      const y = at(pull, `${side}Wrist`)[1];
      assert.ok(y > at(pull, 'waist')[1] + 10 && y < at(pull, `${side}Shoulder`)[1], `the ${side} hand at chest height`);
    }
    // Toes at the frame and arms straight allow about 17° of lean; pulled in, the body stands upright.
    const leanOf = (j: Record<string, Vec3>): number => fromUpright(mid(at(j, 'lAnkle'), at(j, 'rAnkle')), at(j, 'chest'));
    assert.ok(leanOf(lean) > 15, `leaning back ${leanOf(lean).toFixed(0)}°`);
    assert.ok(leanOf(pull) < 4, `pulled in upright, ${leanOf(pull).toFixed(0)}°`);
    assert.ok(leanOf(lean) - leanOf(pull) > 13, 'pulled in, the body far more upright');
    for (const side of ['l', 'r']) {
      assert.ok(
        angle(at(lean, `${side}Shoulder`), at(lean, `${side}Elbow`), at(lean, `${side}Wrist`)) > 165,
        'the arms straight while leaning',
      );
      assert.ok(
        angle(at(pull, `${side}Shoulder`), at(pull, `${side}Elbow`), at(pull, `${side}Wrist`)) < 110,
        'the elbows bent when pulled in',
      );
      const elbow = at(pull, `${side}Elbow`);
      assert.ok(elbow[2] < at(pull, `${side}Shoulder`)[2] + 8, 'the elbows drawn back beside the trunk');
      assert.ok(
        elbow[2] < at(pull, `${side}Wrist`)[2] - 15 && elbow[1] < at(pull, `${side}Wrist`)[1],
        'the elbows low and well behind the hands',
      );
    }
    assert.ok(frameZ - at(lean, 'chest')[2] - (frameZ - at(pull, 'chest')[2]) > 30, 'the chest comes at least 30 cm nearer the frame');
    near(at(lean, 'lAnkle'), at(pull, 'lAnkle'), 0.5, 'the feet stay put');
    // The rowing arms and the body that swings in are highlighted; the head, carried along, is not.
    assert.ok(s.moving.includes('arms') && !s.moving.includes('head') && !s.moving.includes('neck'), 'the head drawn plain');
    // Seen from the side: the lean and the pull in show as a sweep across the picture.
    const [p0, p1] = keyPosesOf(s).map((k) => figurePieces(s, k)) as [Piece[], Piece[]];
    assert.ok(
      piece(p1, 'head').a.x - piece(p0, 'head').a.x < -15 || piece(p1, 'head').a.x - piece(p0, 'head').a.x > 15,
      'the head sweeps across the picture',
    );
  });

  it('band row: the hands pull from arm’s length in to the ribs, elbows past the trunk, the band stretching and thinning', () => {
    const s = spec('band-row');
    const [out, pulled] = keys('band-row') as [Record<string, Vec3>, Record<string, Vec3>];
    const knot = s.depth?.band;
    assert.ok(Array.isArray(knot), 'the band is tied at a point');
    const knotAt = knot as Vec3;
    assert.ok(Math.abs(knotAt[1] - at(out, 'chest')[1]) < 30, 'tied at chest height');
    for (const side of ['l', 'r']) {
      const [w0, w1] = [at(out, `${side}Wrist`), at(pulled, `${side}Wrist`)];
      assert.ok(angle(at(out, `${side}Shoulder`), at(out, `${side}Elbow`), w0) > 160, 'the arms straight out ahead at the start');
      assert.ok(w0[2] - w1[2] > 35, `the ${side} hand comes in ${(w0[2] - w1[2]).toFixed(0)} cm`);
      assert.ok(Math.abs(w1[1] - at(pulled, 'waist')[1]) < 15, 'the hands end at the ribs');
      assert.ok(at(pulled, `${side}Elbow`)[2] < at(pulled, 'chest')[2] - 8, 'the elbows end behind the trunk');
      assert.ok(dist(knotAt, w1) - dist(knotAt, w0) > 30, 'the band lengthens');
    }
    const width = (i: number): number => piece(figurePieces(s, keyPosesOf(s)[i] ?? {}), 'lBand').size;
    assert.ok(width(1) < width(0) * 0.9, 'the stretched band is drawn thinner');
    assert.deepEqual(at(out, 'pelvis'), at(pulled, 'pelvis'), 'the body stands still');
  });

  it('bent-over row: hinged with a flat back, the dumbbells hang under the shoulders, then row to the ribs, elbows leading', () => {
    const [hang, row] = keys('bent-over-row') as [Record<string, Vec3>, Record<string, Vec3>];
    for (const j of [hang, row]) assert.ok(fromUpright(at(j, 'pelvis'), at(j, 'chest')) > 45, 'tipped well forward');
    assert.deepEqual(at(hang, 'chest'), at(row, 'chest'), 'the back stays still');
    for (const s of ['l', 'r']) {
      const [sh, w0, w1] = [at(hang, `${s}Shoulder`), at(hang, `${s}Wrist`), at(row, `${s}Wrist`)];
      assert.ok(Math.hypot(w0[0] - sh[0], w0[2] - sh[2]) < 5, 'the weights hang straight down beneath the shoulders');
      assert.ok(w1[1] - w0[1] > 30, `the ${s} weight rises ${(w1[1] - w0[1]).toFixed(0)} cm`);
      near(w1, [w1[0], at(row, 'waist')[1], at(row, 'waist')[2]], 14, 'the weight ends beside the lower ribs');
      const elbow = at(row, `${s}Elbow`);
      assert.ok(elbow[1] > w1[1] + 15, 'the elbow above the weight');
      assert.ok(elbow[2] < at(row, `${s}Shoulder`)[2] - 15, 'the elbow drawn back toward the hips');
    }
  });

  it('one-arm dumbbell row: the right knee and hand on the bench, the left foot down; only the left arm rows, to the hip', () => {
    const s = spec('one-arm-dumbbell-row');
    const bench = (s.depth?.props ?? []).find((p) => p.kind === 'bench') ?? assert.fail('a bench');
    const [bx, top, front] = bench.at ?? [0, 0, 0];
    const onBench = (v: Vec3, what: string): void =>
      assert.ok(
        Math.abs(v[0] - bx) < 17 && v[1] > top && v[1] < top + 9 && v[2] < front && v[2] > front - (bench.size ?? 0),
        `${what} on the bench: ${v.map((c) => c.toFixed(0)).join(', ')}`,
      );
    const [hang, row] = keys('one-arm-dumbbell-row') as [Record<string, Vec3>, Record<string, Vec3>];
    for (const j of [hang, row]) {
      onBench(at(j, 'rWrist'), 'the right hand');
      onBench(at(j, 'rKnee'), 'the right knee');
      assert.ok(Math.abs(at(j, 'lAnkle')[1] - 9) < 1, 'the left foot on the floor');
      assert.ok(fromUpright(at(j, 'pelvis'), at(j, 'chest')) > 70, 'the back flat like a table');
    }
    for (const k of ['rWrist', 'rElbow', 'chest', 'pelvis', 'lAnkle']) assert.deepEqual(at(hang, k), at(row, k), `${k} stays put`);
    const [w0, w1] = [at(hang, 'lWrist'), at(row, 'lWrist')];
    assert.ok(angle(at(hang, 'lShoulder'), at(hang, 'lElbow'), w0) > 165, 'the left arm hangs straight');
    assert.ok(w1[1] - w0[1] > 25, 'the dumbbell rises');
    assert.ok(dist(w1, at(row, 'lHip')) < 25, 'the dumbbell ends by the hip');
    assert.ok(at(row, 'lElbow')[1] > at(row, 'lShoulder')[1] - 2, 'the elbow rises past the back');
    const ps = figurePieces(s, keyPosesOf(s)[0] ?? {});
    assert.ok(
      ps.some((p) => p.id === 'bench') && ps.some((p) => p.id === 'lBell'),
      'the bench and one dumbbell, in the left hand, are drawn',
    );
    assert.ok(!ps.some((p) => p.id === 'rBell'), 'no dumbbell in the right hand');
  });

  it('high barbell row: tipped a little, the bar rises from hanging to the upper chest, elbows high and wide', () => {
    const s = spec('high-barbell-row');
    const [hang, row] = keys('high-barbell-row') as [Record<string, Vec3>, Record<string, Vec3>];
    const tip = fromUpright(at(hang, 'pelvis'), at(hang, 'chest'));
    assert.ok(tip > 20 && tip < 35, `tipped ${tip.toFixed(0)}°, a little but plainly`);
    assert.deepEqual(at(hang, 'chest'), at(row, 'chest'), 'the trunk stays still');
    for (const side of ['l', 'r']) {
      const [w0, w1, e1, sh] = [at(hang, `${side}Wrist`), at(row, `${side}Wrist`), at(row, `${side}Elbow`), at(row, `${side}Shoulder`)];
      assert.ok(sh[1] - w0[1] > 45, 'the bar hangs at arm’s length');
      assert.ok(angle(at(hang, `${side}Shoulder`), at(hang, `${side}Elbow`), w0) > 160, 'the arms straight at the bottom');
      assert.ok(Math.abs(w1[1] - (sh[1] - 6)) < 8, 'the bar at the upper chest');
      assert.ok(w1[2] > at(row, 'chest')[2], 'in front of the chest');
      assert.ok(e1[1] > w1[1] + 5 && e1[1] > sh[1] - 3, 'the elbows high, above the bar and level with the shoulders');
      assert.ok(Math.abs(e1[0]) > Math.abs(w1[0]) + 12, 'the elbows out wide');
    }
    // Seen from the side and a little behind and above, with plates in proportion (a 20 kg plate is 45 cm across).
    const { yaw, pitch } = s.depth?.camera ?? assert.fail('a camera');
    assert.ok(yaw > 100 && yaw < 150 && pitch >= 15 && pitch <= 40, `seen from the side, behind and above: ${yaw}°, ${pitch}°`);
    const plate = s.depth?.plate ?? assert.fail('the plates are sized');
    assert.ok(plate >= 20 && plate <= 45, `plates ${plate} cm across`);
    const [p0, p1] = keyPosesOf(s).map((k) => figurePieces(s, k)) as [Piece[], Piece[]];
    for (const [name, ps] of [
      ['hanging', p0],
      ['rowed', p1],
    ] as const) {
      const [torso, head] = [box(piece(ps, 'torso')), piece(ps, 'head')];
      for (const id of ['plate0', 'plate1']) {
        const b = box(piece(ps, id));
        assert.ok(b.right - b.left < torso.bottom - torso.top, `${name}: ${id} smaller than the trunk on the picture`);
        const [cx, cy] = [(b.left + b.right) / 2, (b.top + b.bottom) / 2];
        assert.ok(Math.hypot(cx - head.a.x, cy - head.a.y) > head.size + 8, `${name}: ${id} clear of the head`);
      }
      // The near end of the bar shows beyond the trunk.
      const bar = piece(ps, 'barbell');
      assert.ok(
        Math.min(bar.a.x, bar.b.x) < torso.left - 10 || Math.max(bar.a.x, bar.b.x) > torso.right + 10,
        `${name}: the bar shows past the trunk`,
      );
    }
    // On the picture the hand rises a long way: to the chest, from below the hips.
    const rise = piece(p0, 'lHand').b.y - piece(p1, 'lHand').b.y;
    assert.ok(rise > 40, `the hand rises ${rise.toFixed(0)} px`);
  });

  it('renegade row: in a plank on two dumbbells, the left rows up and then the right, the hips never moving', () => {
    const ks = keys('renegade-row');
    assert.equal(ks.length, 4, 'both sides in one cycle');
    for (const j of ks) {
      assert.deepEqual(at(j, 'pelvis'), at(ks[0] ?? j, 'pelvis'), 'the hips stay');
      assert.ok(line(j) > 170, `the body one straight line, ${line(j).toFixed(0)}°`);
      for (const s of ['l', 'r']) {
        assert.ok(at(j, `${s}Ankle`)[1] < 14, 'the feet on the floor');
        assert.ok(Math.abs(at(j, `${s}Ankle`)[0]) > Math.abs(at(j, `${s}Shoulder`)[0]), 'the feet wide');
      }
    }
    const rows = (j: Record<string, Vec3>, s: string): boolean => at(j, `${s}Wrist`)[1] > 45;
    const down = (j: Record<string, Vec3>, s: string): boolean => at(j, `${s}Wrist`)[1] < 20;
    const [a, b, c, d] = ks as [Record<string, Vec3>, Record<string, Vec3>, Record<string, Vec3>, Record<string, Vec3>];
    assert.ok(down(a, 'l') && down(a, 'r') && down(c, 'l') && down(c, 'r'), 'both weights down between rows');
    assert.ok(rows(b, 'l') && down(b, 'r'), 'the left rows while the right holds');
    assert.ok(rows(d, 'r') && down(d, 'l'), 'then the right rows while the left holds');
    assert.ok(at(b, 'lElbow')[1] > at(b, 'lShoulder')[1], 'the rowing elbow rises past the back');
    assert.ok(at(d, 'rElbow')[1] > at(d, 'rShoulder')[1], 'and so does the right');
    // Seen from the head end and above, so that both rows show: each rowing hand and its weight rise on the
    // picture, clear of the head and beside the trunk rather than behind it.
    const s = spec('renegade-row');
    const { yaw, pitch } = s.depth?.camera ?? assert.fail('a camera');
    assert.ok(Math.abs(yaw) < 40 && pitch >= 35, `seen from the head end and above: ${yaw}°, ${pitch}°`);
    const drawn = keyPosesOf(s).map((k) => figurePieces(s, k));
    for (const [i, side] of [
      [1, 'l'],
      [3, 'r'],
    ] as const) {
      const [before, after] = [drawn[i - 1] ?? [], drawn[i] ?? []];
      const [hand, bell, head] = [piece(after, `${side}Hand`), piece(after, `${side}Bell`), piece(after, 'head')];
      const rise = piece(before, `${side}Hand`).b.y - hand.b.y;
      assert.ok(rise > 20, `the ${side} hand rises ${rise.toFixed(0)} px on the picture`);
      const bellAt = { x: (bell.a.x + bell.b.x) / 2, y: (bell.a.y + bell.b.y) / 2 };
      for (const [what, q] of [
        ['wrist', hand.a],
        ['weight', bellAt],
      ] as const)
        assert.ok(Math.hypot(q.x - head.a.x, q.y - head.a.y) > head.size + 4, `the ${side} ${what} is not hidden behind the head`);
      // The weight and the forearm lifting it are drawn over the trunk, or else beside it rather than under it.
      const torso = piece(after, 'torso');
      const fore = piece(after, `${side}Forearm`);
      for (const [what, p, q] of [
        ['weight', bell, bellAt],
        ['forearm', fore, { x: (fore.a.x + fore.b.x) / 2, y: (fore.a.y + fore.b.y) / 2 }],
      ] as const)
        assert.ok((p.depth ?? 0) > (torso.depth ?? 0) || !inside(q, torso.pts ?? []), `the ${side} ${what} not hidden by the trunk`);
    }
  });
});
