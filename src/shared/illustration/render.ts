import { type Camera } from './camera';
import { FIGURE_BOX, type Part, type Piece, pieces, type Point, type Pose, type View } from './figure';
import { type Base3D, cameraOf, type Figure3D, fillPoses3d, fitCamera, pieces3d, type Pose3D } from './pose3d';

/**
 * How one exercise is drawn: a starting position, key poses, and what moves; the figure posed in depth
 * (`depth`), or, for base 'hand', the close-up of a hand.
 */
export interface IllustrationSpec {
  /** The side it is seen from, for its label (the camera decides what is drawn). */
  readonly view: View;
  readonly base: Base3D | 'hand';
  /** Two or more key poses; the animation goes through them and back to the first. */
  readonly poses: readonly (Pose | Pose3D)[];
  /** The parts that move: their moving pieces are drawn in the accent colour, with the start pose ghosted behind them. */
  readonly moving: readonly Part[];
  /** The piece whose end the direction arrow follows; by default, whichever moving piece moves most. */
  readonly track?: string;
  /** The figure posed in depth, its camera and what is in the scene with it. */
  readonly depth?: Figure3D;
  /** Drawn as the mirror image, for the second side of a one-sided move (`RenderOptions.mirror` sets it). */
  readonly mirrored?: boolean;
}

/** The cameras found to frame figures in depth that name no zoom of their own, by figure. */
const framed = new WeakMap<Figure3D, Camera>();

/** The figure in depth as it is seen: through its own camera, or one framing it through every key pose and between. */
function seen(spec: IllustrationSpec, depth: Figure3D): Figure3D {
  if ('zoom' in depth.camera) return depth;
  let camera = framed.get(depth);
  if (!camera) {
    const keys = keyPosesOf(spec);
    const between = keys.map((k, i) => lerpPose(k, keys[(i + 1) % keys.length] ?? k, 0.5));
    camera = cameraOf(depth, fitCamera(depth, spec.base as Base3D, [...keys, ...between] as Pose3D[]));
    framed.set(depth, camera);
  }
  return { ...depth, camera };
}

/** The figure's pieces in one key pose, flat or in depth (mirrored for the other side, if the spec says so). */
export function figurePieces(spec: IllustrationSpec, pose: KeyPose): Piece[] {
  if (!spec.depth) return pieces(pose as Pose);
  const ps = pieces3d(seen(spec, spec.depth), spec.base as Base3D, pose as Pose3D);
  if (!spec.mirrored) return ps;
  const flip = (p: Point): Point => ({ x: W - p.x, y: p.y });
  return ps.map((p) => ({ ...p, a: flip(p.a), b: flip(p.b), ...(p.pts && { pts: p.pts.map(flip) }) }));
}

export interface RenderOptions {
  /** One full cycle through the key poses and back. */
  readonly secondsPerRep: number;
  /** A pause at the end position(s), within the cycle. */
  readonly holdSeconds?: number;
  /** The key poses side by side, with no motion. */
  readonly reducedMotion: boolean;
  /** Read by screen readers. */
  readonly title: string;
  /** The mirror image: a one-sided move's second side. */
  readonly mirror?: boolean;
}

const { width: W, height: H } = FIGURE_BOX;
const n = (v: number): string => String(Math.round(v * 10) / 10);
const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
type Value = number | readonly number[] | undefined;
type KeyPose = Pose | Pose3D;

/** Calls `f` with each value of two poses side by side (a point missing on one side is taken from the other). */
function zip(a: KeyPose, b: KeyPose, f: (x: Value, y: Value, key: string) => void): void {
  const [va, vb] = [a as Record<string, Value>, b as Record<string, Value>];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [va[k], vb[k]];
    f(typeof y === 'object' ? (x ?? y) : x, typeof x === 'object' ? (y ?? x) : y, k);
  }
}

function lerpPose(a: KeyPose, b: KeyPose, t: number): KeyPose {
  const out: Record<string, Value> = {};
  const mix = (x = 0, y = 0): number => x + (y - x) * t;
  zip(
    a,
    b,
    (x, y, k) => (out[k] = typeof x === 'object' && typeof y === 'object' ? x.map((v, i) => mix(v, y[i])) : mix(x as number, y as number)),
  );
  return out;
}

/** How far apart two poses are (degrees, or px for points), to choose how many in-between frames to draw. */
function distance(a: KeyPose, b: KeyPose): number {
  let most = 0;
  zip(
    a,
    b,
    (x, y) =>
      (most = Math.max(
        most,
        typeof x === 'object' && typeof y === 'object'
          ? Math.hypot(...x.map((v, i) => v - (y[i] ?? 0)))
          : Math.abs(((x as number) || 0) - ((y as number) || 0)),
      )),
  );
  return most;
}

/** The frames of one cycle and when each is shown (fractions of the cycle). The hold is shared by the key poses away from the start. */
function timeline(keyPoses: KeyPose[], options: RenderOptions): { poses: KeyPose[]; times: number[]; starts: number[] } {
  const keys = [...keyPoses, keyPoses[0] ?? {}];
  const moves = keys.length - 1;
  const held = keys.map((k, i) => i > 0 && i < moves && distance(k, keys[0] ?? {}) > 0.5);
  const count = held.filter(Boolean).length;
  const hold = count ? Math.min(options.holdSeconds ?? 0, options.secondsPerRep * 0.7) / options.secondsPerRep / count : 0;
  const move = (1 - hold * count) / moves;
  const poses: KeyPose[] = [];
  const times: number[] = [];
  const starts: number[] = [];
  let t = 0;
  for (let m = 0; m < moves; m++) {
    starts.push(t);
    const [a = {}, b = {}] = [keys[m], keys[m + 1]];
    const frames = Math.min(4, Math.max(2, Math.ceil(distance(a, b) / 30)));
    for (let f = 0; f < frames; f++) {
      const s = f / frames;
      poses.push(lerpPose(a, b, s * s * (3 - 2 * s)));
      times.push(t + (move * f) / frames);
    }
    t += move;
    if (held[m + 1] && hold > 0) {
      poses.push(b);
      times.push(t);
      t += hold;
    }
  }
  return { poses: [...poses, keys[moves] ?? {}], times: [...times, 1], starts };
}

const same = (a: Piece, b: Piece): boolean => dist(a.a, b.a) + dist(a.b, b.b) + Math.abs(a.size - b.size) < 0.3;

/** Each piece's positions through the frames, leaving out far limbs that stay hidden behind their near twin. */
function tracks(spec: IllustrationSpec, poses: KeyPose[]): Piece[][] {
  const byId = new Map<string, Piece[]>();
  for (const pose of poses) for (const p of figurePieces(spec, pose)) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  // In depth, one order serves every frame: nearest (on average) last.
  const meanDepth = (frames: Piece[]): number => frames.reduce((t, p) => t + (p.depth ?? 0), 0) / frames.length;
  const all = spec.depth ? [...byId.values()].sort((a, b) => meanDepth(a) - meanDepth(b)).map(steady) : [...byId.values()];
  return all.filter((frames) => {
    const near = byId.get(frames[0]?.twin ?? '');
    return !near || frames.some((p, i) => !near[i] || !same(p, near[i]));
  });
}

/**
 * A limb in depth keeps one thickness through a cycle unless it changes by a fifth or more (a band
 * stretching): nearer is only a little thicker, and a thickness that never moves is written once.
 */
function steady(frames: Piece[]): Piece[] {
  const sizes = frames.map((p) => p.size);
  const [least, most] = [Math.min(...sizes), Math.max(...sizes)];
  if (most > least * 1.2) return frames;
  const size = Math.round(((least + most) / 2) * 2) / 2;
  return frames.map((p) => ({ ...p, size }));
}

/** The ids of the pieces that really move between the key poses: at least a quarter as far as the most moving piece of their part. */
function moverIds(spec: IllustrationSpec, keyPoses: KeyPose[]): Set<string> {
  const moved = tracks(spec, keyPoses).map((frames): [Piece, number] => {
    const [first] = frames as [Piece];
    return [first, Math.max(...frames.map((p) => Math.max(dist(p.a, first.a), dist(p.b, first.b), Math.abs(p.size - first.size))))];
  });
  const most = (part: Part): number => Math.max(...moved.filter(([p]) => p.part === part).map(([, d]) => d));
  return new Set(moved.filter(([p, d]) => d >= 1 && (spec.depth !== undefined || d >= most(p.part) / 4)).map(([p]) => p.id));
}

/**
 * For each move of the cycle (key pose i to the next, the last back to the first), the ids of the pieces
 * that move in it: a limb at rest while the other side works is not in its set.
 */
function phaseMovers(spec: IllustrationSpec, keyPoses: KeyPose[]): Set<string>[] {
  const drawn = keyPoses.map((pose) => new Map(figurePieces(spec, pose).map((p) => [p.id, p])));
  return drawn.map((from, i) => {
    const to = drawn[(i + 1) % drawn.length] ?? from;
    const ids = new Set<string>();
    for (const [id, p] of from) {
      const q = to.get(id);
      if (q && Math.max(dist(p.a, q.a), dist(p.b, q.b)) >= 1) ids.add(id);
    }
    return ids;
  });
}

/** Accent for the moving pieces of a moving part (a supporting arm stays plain). */
function pieceClass(piece: Piece, spec: IllustrationSpec, movers: Set<string>): string {
  if (piece.cls) return piece.cls;
  if (piece.part === 'ball') return 'upr-weight';
  if (piece.part === 'band') return 'upr-band';
  return `upr-${piece.kind}${spec.moving.includes(piece.part) && movers.has(piece.id) ? ' upr-moving' : ' upr-body'}${piece.twin || piece.far ? ' upr-far' : ''}`;
}

/** Attributes that stay put are written once; the rest get an `<animate>` (whole px are plenty). */
function attrs(frames: Piece[], list: [string, (p: Piece) => number][], timing: string): [string, string] {
  let fixed = '';
  let anims = '';
  for (const [name, pick] of list) {
    const values = frames.map((p) => Math.round(pick(p)));
    if (values.every((v) => v === values[0])) fixed += ` ${name}="${n(pick(frames[0] as Piece))}"`;
    else {
      // The first frame is also the base value: a picture paused before its animation starts (the routine
      // page's "get ready") shows the start pose, not every limb at 0,0.
      fixed += ` ${name}="${values[0] ?? 0}"`;
      anims += `<animate attributeName="${name}" values="${values.join(';')}" ${timing}/>`;
    }
  }
  return [fixed, anims];
}

/** One piece through its frames (a single frame draws it still): a limb, a ball, or a head with its eyes. */
function draw(frames: Piece[], cls: string, timing = '', more = ''): string {
  const [first] = frames;
  if (!first) return '';
  const el = (tag: string, c: string, list: [string, (p: Piece) => number][], extra = '', also = ''): string => {
    const [fixed, own] = attrs(frames, list, timing);
    const anims = also + own + (c === cls ? more : '');
    return `<${tag} class="${c}"${fixed}${extra}${anims ? `>${anims}</${tag}>` : '/>'}`;
  };
  const x = (p: Piece): number => p.a.x;
  const y = (p: Piece): number => p.a.y;
  if (first.kind === 'poly') {
    const values = frames.map((p) => (p.pts ?? []).map((q) => `${Math.round(q.x)},${Math.round(q.y)}`).join(' '));
    const anim =
      (values.some((v) => v !== values[0]) ? `<animate attributeName="points" values="${values.join(';')}" ${timing}/>` : '') + more;
    return `<polygon class="${cls}" stroke-width="${n(first.size)}" points="${values[0] ?? ''}"${anim ? `>${anim}</polygon>` : '/>'}`;
  }
  if (first.kind === 'limb' || first.kind === 'blade') {
    // A limb is a path of one segment: its two ends move in one animation, not four.
    const d = frames.map((p) => `M${Math.round(p.a.x)} ${Math.round(p.a.y)}L${Math.round(p.b.x)} ${Math.round(p.b.y)}`);
    const moves = d.some((v) => v !== d[0]) ? `<animate attributeName="d" values="${d.join(';')}" ${timing}/>` : '';
    return el('path', cls, [['stroke-width', (p) => p.size]], ` d="${d[0] ?? ''}"`, moves);
  }
  if (first.squash)
    return el('ellipse', cls, [
      ['cx', x],
      ['cy', y],
      ['rx', (p) => p.size],
      ['ry', (p) => p.size * (p.squash ?? 1)],
    ]);
  // Eyes: one in profile, two from the front (`face` apart either side of `b`).
  const eye =
    (i: number) =>
    (p: Piece): number =>
      p.b.x + (p.face ? (i ? p.face : -p.face) : 0);
  const eyes =
    first.face === undefined
      ? []
      : (first.face ? [0, 1] : [0]).map((i) =>
          el(
            'circle',
            'upr-face',
            [
              ['cx', eye(i)],
              ['cy', (p) => p.b.y],
            ],
            ` r="${n(first.size * 0.19)}"`,
          ),
        );
  return (
    el('circle', cls, [
      ['cx', x],
      ['cy', y],
      ['r', (p) => p.size],
    ]) + eyes.join('')
  );
}

/** Pieces in order; the gaps round a run of joined limbs (one arm) go first, so none shows at the joints. */
function drawAll(
  all: Piece[][],
  cls: (p: Piece) => string,
  timing = '',
  ghost: (p: Piece) => string = () => '',
  more: (p: Piece) => string = () => '',
): string {
  let out = '';
  for (let i = 0; i < all.length;) {
    const side = all[i]?.[0]?.id[0];
    let end = i;
    while (all[end]?.[0]?.edge && all[end]?.[0]?.id[0] === side) end++;
    const run = all.slice(i, Math.max(end, i + 1));
    out += run.map((f) => ghost(f[0] as Piece)).join('');
    out += run
      .filter((f) => f[0]?.edge)
      .map((f) =>
        draw(
          f.map((p) => ({ ...p, size: p.size + 3 })),
          'upr-edge',
          timing,
        ),
      )
      .join('');
    out += run.map((f) => draw(f, cls(f[0] as Piece), timing, more(f[0] as Piece))).join('');
    i += run.length;
  }
  return out;
}

/** The direction arrow for the move from key pose `i` to the next: beside the point that moves most (one per shoulder blade). */
function arrow(spec: IllustrationSpec, keyPoses: KeyPose[], i: number, movers: Set<string>): string {
  const from = figurePieces(spec, keyPoses[i] ?? {});
  const to = new Map(figurePieces(spec, keyPoses[(i + 1) % keyPoses.length] ?? {}).map((p) => [p.id, p]));
  if (spec.moving.includes('blades') && !spec.moving.includes('arms')) {
    return from
      .filter((b) => b.part === 'blades')
      .map((b) => arrowBetween(b.b, to.get(b.id)?.b ?? b.b, { x: b.b.x, y: b.b.y - 40 }))
      .join('');
  }
  let best: Point[] = [];
  let clear = 16;
  let bestEnd: [string, 'a' | 'b'] = ['', 'a'];
  for (const p of from) {
    const q = to.get(p.id);
    if (
      !q ||
      (p.id === 'nose' && spec.track !== 'nose') ||
      !spec.moving.includes(p.part) ||
      !movers.has(p.id) ||
      (spec.track ?? p.id) !== p.id
    )
      continue;
    for (const [end, pair] of p.kind === 'circle' && p.face === undefined
      ? ([['a', [p.a, q.a]]] as const)
      : ([
          ['a', [p.a, q.a]],
          ['b', [p.b, q.b]],
        ] as const)) {
      if (dist(pair[0], pair[1]) > dist(best[0] ?? p.a, best[1] ?? p.a))
        [best, clear, bestEnd] = [[...pair], p.kind === 'circle' ? p.size + 7 : 16, [p.id, end]];
    }
  }
  const [a, b] = best;
  const centre = from.find((p) => p.id === 'torso')?.b ?? { x: 100, y: 120 };
  if (spec.depth && a && b) {
    // In depth a hand swings round in an arc: the arrow follows it, outside it.
    const path = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1].map((t) => {
      const q = figurePieces(spec, lerpPose(keyPoses[i] ?? {}, keyPoses[(i + 1) % keyPoses.length] ?? {}, t)).find(
        (p) => p.id === bestEnd[0],
      );
      return q?.[bestEnd[1]] ?? a;
    });
    // Set off away from the limb's shoulder (the arc's centre), else from the trunk.
    const pivot = from.find((p) => p.id === `${bestEnd[0][0] ?? ''}UpperArm`)?.a ?? centre;
    return arrowAlong(path, pivot, clear);
  }
  return a && b ? arrowBetween(a, b, centre, clear) : '';
}

/** An arrow along a path of points, each set `clear` px further from `centre`. */
function arrowAlong(path: Point[], centre: Point, clear: number): string {
  const pts = path.map((p) => {
    const d = dist(p, centre) || 1;
    return {
      x: Math.min(W - 5, Math.max(5, p.x + ((p.x - centre.x) / d) * clear)),
      y: Math.min(H - 5, Math.max(5, p.y + ((p.y - centre.y) / d) * clear)),
    };
  });
  const [e, before] = [pts[pts.length - 1], pts[pts.length - 2]];
  if (!e || !before || dist(pts[0] ?? e, e) < 3) return '';
  const len = dist(before, e) || 1;
  const [ux, uy] = [(e.x - before.x) / len, (e.y - before.y) / len];
  const tip = { x: e.x + ux * 4, y: e.y + uy * 4 };
  const head = (k: number): string => `${n(tip.x - ux * 7 - uy * k)},${n(tip.y - uy * 7 + ux * k)}`;
  return `<g class="upr-arrow"><path d="M${pts.map((p) => `${n(p.x)} ${n(p.y)}`).join('L')}"/><polygon points="${n(tip.x)},${n(tip.y)} ${head(4.5)} ${head(-4.5)}"/></g>`;
}

/** A straight arrow along a→b (at least 20 px long), set `clear` px off the motion on the side away from `centre`. */
function arrowBetween(a: Point, b: Point, centre: Point, clear = 16): string {
  const len = dist(a, b);
  if (len < 3) return '';
  const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
  const side = uy * (centre.x - (a.x + b.x) / 2) - ux * (centre.y - (a.y + b.y) / 2) >= 0 ? clear : -clear;
  const grow = Math.max(0, 20 - len) / 2 + 2;
  const at = (p: Point, s: number): Point => ({
    x: Math.min(W - 5, Math.max(5, p.x - uy * side + ux * s)),
    y: Math.min(H - 5, Math.max(5, p.y + ux * side + uy * s)),
  });
  const [s, e] = [at(a, -grow), at(b, grow - 4)];
  const head = (k: number): string => `${n(e.x - ux * 7 - uy * k)},${n(e.y - uy * 7 + ux * k)}`;
  return `<g class="upr-arrow"><line x1="${n(s.x)}" y1="${n(s.y)}" x2="${n(e.x)}" y2="${n(e.y)}"/><polygon points="${n(e.x)},${n(e.y)} ${head(4.5)} ${head(-4.5)}"/></g>`;
}

/** The key poses as they are drawn: a figure in depth fills each with what the others give (see `fillPoses3d`). */
export function keyPosesOf(spec: IllustrationSpec): Pose[] {
  if (spec.depth) return fillPoses3d(spec.base as Base3D, spec.poses as Pose3D[]) as Pose[];
  return spec.poses.map((p) => ({ ...(p as Pose) }));
}

/**
 * The parts of one animated cycle where the picture stands still (a hold at an end position), as
 * fractions of the cycle: a page stepping the animation need not redraw it there.
 */
export function stillSpans(spec: IllustrationSpec, options: RenderOptions): [number, number][] {
  const keyPoses = keyPosesOf(spec);
  const { poses, times } = timeline(keyPoses, options);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < poses.length; i++) {
    const [from = 0, to = 0] = [times[i], times[i + 1]];
    if (to > from && distance(poses[i] ?? {}, poses[i + 1] ?? {}) === 0) spans.push([from, to]);
  }
  return spans;
}

/** Key poses stood still go at most this many to a row, so that their numbers can be read in a narrow column. */
export const STILL_COLUMNS = 3;

/** How `count` still key poses are laid out: rows of at most `STILL_COLUMNS`, as even as they can be. */
export function stillGrid(count: number): { columns: number; rows: number } {
  const rows = Math.max(1, Math.ceil(count / STILL_COLUMNS));
  return { columns: Math.max(1, Math.ceil(count / rows)), rows };
}

/**
 * The illustration as an SVG string. Animated: one cycle takes `secondsPerRep`, through the key poses
 * and back, with the start pose ghosted and an arrow for the direction. Reduced motion: the key poses
 * side by side, still, each with an arrow toward the next. Colours come from CSS classes (`upr-*`), so
 * the theme decides them.
 */
export function renderIllustration(shown: IllustrationSpec, options: RenderOptions): string {
  const title = `<title>${options.title.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c] ?? ''};`)}</title>`;
  const spec = options.mirror && shown.depth ? { ...shown, mirrored: true } : shown;
  // A flat figure is mirrored as a whole picture (its numbers are not).
  const flip = (body: string): string => (options.mirror && !spec.depth ? `<g transform="matrix(-1 0 0 1 ${W} 0)">${body}</g>` : body);
  const keyPoses = keyPosesOf(spec);
  const movers = moverIds(spec, keyPoses);
  // Only what moves in a move is in the accent while it lasts (and in the still key pose it starts from).
  const phases = phaseMovers(spec, keyPoses).map((ids) => new Set([...movers].filter((id) => ids.has(id))));
  const inPhase = (i: number): Set<string> => phases[Math.min(i, Math.max(0, keyPoses.length - 2))] ?? movers;
  const svg = (cls: string, width: number, body: string, height = H): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" class="upr-illustration${cls}" role="img" viewBox="0 0 ${width} ${height}">${title}${body}</svg>`;
  if (options.reducedMotion) {
    const { columns, rows } = stillGrid(keyPoses.length);
    const panels = keyPoses.map((pose, i) => {
      const last = i === keyPoses.length - 1;
      const body = drawAll(tracks(spec, [pose]), (p) => pieceClass(p, spec, inPhase(i)));
      const [x, y] = [(i % columns) * W, Math.floor(i / columns) * H];
      return `<g class="upr-key-pose" transform="translate(${x} ${y})">${flip(`${body}${last ? '' : arrow(spec, keyPoses, i, movers)}`)}<text class="upr-step" x="${W - 4}" y="26" text-anchor="end">${i + 1}${last ? '' : ' →'}</text></g>`;
    });
    return svg(' upr-still', W * columns, panels.join(''), H * rows);
  }
  const { poses, times, starts } = timeline(keyPoses, options);
  const cycle = `dur="${n(options.secondsPerRep)}s" repeatCount="indefinite"`;
  const timing = `dur="${n(options.secondsPerRep)}s" keyTimes="${times.map((t) => Math.round(t * 1000) / 1000).join(';')}" repeatCount="indefinite"`;
  const all = tracks(spec, poses);
  const ghostOf = (p: Piece): string =>
    spec.moving.includes(p.part) && movers.has(p.id) && p.cls !== 'upr-face'
      ? // In depth, a ghost lies just under its piece, over what is behind (a blade's start is an outline on the back).
        p.kind === 'poly'
        ? draw([{ ...p, size: 1.4 }], 'upr-ghost-outline')
        : draw([{ ...p, face: undefined }], `upr-${p.kind} upr-ghost`)
      : '';
  const ghost = spec.depth ? '' : all.map(([p]) => (p ? ghostOf(p) : '')).join('');
  const k = (t: number): number => Math.round(t * 1000) / 1000;
  const sometimes = (p: Piece): boolean => movers.has(p.id) && !phases.every((ids) => ids.has(p.id));
  const classes = (p: Piece): string => {
    const list = sometimes(p) ? phases.map((ids) => pieceClass(p, spec, ids)) : [];
    return list.some((c) => c !== list[0])
      ? `<animate attributeName="class" values="${list.join(';')}" keyTimes="${starts.map(k).join(';')}" calcMode="discrete" ${cycle}/>`
      : '';
  };
  const body = drawAll(
    all,
    (p) => pieceClass(p, spec, sometimes(p) ? (phases[0] ?? movers) : movers),
    timing,
    spec.depth ? ghostOf : undefined,
    classes,
  );
  // An arrow for each move, shown while that move (and the hold after it) lasts.
  const arrows = keyPoses.map((_, i) => {
    const drawn = arrow(spec, keyPoses, i, movers);
    const [from = 0, to = 1] = [starts[i], starts[i + 1]];
    if (!drawn || to - from < 0.001) return '';
    const [values, at] = from === 0 ? ['1;0', `0;${k(to)}`] : to >= 1 ? ['0;1', `0;${k(from)}`] : ['0;1;0', `0;${k(from)};${k(to)}`];
    return `<g opacity="${from === 0 ? 1 : 0}"><animate attributeName="opacity" values="${values}" keyTimes="${at}" calcMode="discrete" ${cycle}/>${drawn}</g>`;
  });
  return svg('', W, flip(`${ghost}${body}${arrows.join('')}`));
}
