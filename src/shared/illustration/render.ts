import { type Base, FIGURE_BOX, hands, type Part, type Piece, pieces, type Point, type Pose, type View } from './figure';

/** How one exercise is drawn: a view, a starting position, key poses, and what moves. */
export interface IllustrationSpec {
  readonly view: View;
  readonly base: Base;
  /** Two or more key poses; the animation goes through them and back to the first. */
  readonly poses: readonly Pose[];
  /** The parts that move: drawn in the accent colour, with the start pose ghosted behind them. */
  readonly moving: readonly Part[];
  /** A resistance band held between the hands. */
  readonly band?: boolean;
  readonly prop?: 'chair' | 'wall' | 'door';
}

export interface RenderOptions {
  /** One full cycle through the key poses and back. */
  readonly secondsPerRep: number;
  /** A pause at the last key pose, within the cycle. */
  readonly holdSeconds?: number;
  /** The key poses side by side, with no motion. */
  readonly reducedMotion: boolean;
  /** Read by screen readers. */
  readonly title: string;
}

const FRAMES_PER_MOVE = 6;
const n = (v: number): string => (Math.round(v * 10) / 10).toString();
const smooth = (t: number): number => t * t * (3 - 2 * t);
const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

function lerpPose(a: Pose, b: Pose, t: number): Pose {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Pose>;
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = lerp(a[k] ?? 0, b[k] ?? 0, t);
  // armsOpen switches the arm model: keep it only when both poses use it.
  if (a.armsOpen === undefined || b.armsOpen === undefined) delete out.armsOpen;
  return out;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The frames of one cycle and when each is shown (fractions of the cycle). */
function timeline(spec: IllustrationSpec, options: RenderOptions): { poses: Pose[]; times: number[] } {
  const keys = [...spec.poses, spec.poses[0] ?? {}];
  const moves = keys.length - 1;
  const hold = Math.min(options.holdSeconds ?? 0, options.secondsPerRep * 0.7);
  const moveShare = (options.secondsPerRep - hold) / options.secondsPerRep / moves;
  const poses: Pose[] = [];
  const times: number[] = [];
  let t = 0;
  for (let m = 0; m < moves; m++) {
    const a = keys[m] ?? {};
    const b = keys[m + 1] ?? {};
    for (let f = 0; f < FRAMES_PER_MOVE; f++) {
      poses.push(lerpPose(a, b, smooth(f / FRAMES_PER_MOVE)));
      times.push(t + (moveShare * f) / FRAMES_PER_MOVE);
    }
    t += moveShare;
    // Hold at the last key pose before coming back.
    if (m === moves - 2 && hold > 0) {
      poses.push(b);
      times.push(t);
      t += hold / options.secondsPerRep;
    }
  }
  poses.push(keys[moves] ?? {});
  times.push(1);
  return { poses, times };
}

function pieceClass(piece: Piece, spec: IllustrationSpec): string {
  const moving = spec.moving.includes(piece.part);
  return `upr-${piece.kind} upr-${piece.part}${moving ? ' upr-moving' : ' upr-body'}`;
}

function staticPiece(piece: Piece, cls: string, dx = 0): string {
  if (piece.kind === 'circle') {
    const face = piece.b.x !== piece.a.x || piece.b.y !== piece.a.y ? `<circle class="upr-face" cx="${n(lerp(piece.a.x, piece.b.x, 0.72) + dx)}" cy="${n(lerp(piece.a.y, piece.b.y, 0.72))}" r="2.4"/>` : '';
    return `<circle class="${cls}" cx="${n(piece.a.x + dx)}" cy="${n(piece.a.y)}" r="${n(piece.size)}"/>${face}`;
  }
  return `<line class="${cls}" x1="${n(piece.a.x + dx)}" y1="${n(piece.a.y)}" x2="${n(piece.b.x + dx)}" y2="${n(piece.b.y)}" stroke-width="${n(piece.size)}"/>`;
}

function animated(frames: Piece[], cls: string, timing: string): string {
  const first = frames[0];
  if (!first) return '';
  const values = (pick: (p: Piece) => number): string => frames.map((p) => n(pick(p))).join(';');
  const anim = (attr: string, pick: (p: Piece) => number): string => `<animate attributeName="${attr}" values="${values(pick)}" ${timing}/>`;
  if (first.kind === 'circle') {
    const face = first.b.x !== first.a.x || first.b.y !== first.a.y
      ? `<circle class="upr-face" r="2.4">${anim('cx', (p) => lerp(p.a.x, p.b.x, 0.72))}${anim('cy', (p) => lerp(p.a.y, p.b.y, 0.72))}</circle>`
      : '';
    return `<circle class="${cls}" r="${n(first.size)}">${anim('cx', (p) => p.a.x)}${anim('cy', (p) => p.a.y)}</circle>${face}`;
  }
  return `<line class="${cls}" stroke-width="${n(first.size)}">${anim('x1', (p) => p.a.x)}${anim('y1', (p) => p.a.y)}${anim('x2', (p) => p.b.x)}${anim('y2', (p) => p.b.y)}</line>`;
}

/** The point a viewer follows on the moving part, for the direction arrow. */
function trackedPoint(spec: IllustrationSpec, pose: Pose): Point | undefined {
  const ps = pieces(spec.view, spec.base, pose);
  const moving = ps.filter((p) => spec.moving.includes(p.part) && p.part !== 'band');
  if (moving.length === 0) return undefined;
  const head = moving.find((p) => p.kind === 'circle');
  if (head) return head.a;
  if (spec.moving.includes('blades')) {
    const blade = moving.find((p) => p.kind === 'blade');
    if (blade) return blade.a;
  }
  const last = moving[moving.length - 1];
  return last?.b;
}

/** An arrow beside the motion from the first key pose to the second (one for each shoulder blade). */
function arrow(spec: IllustrationSpec, dx = 0): string {
  const [p0, p1] = [spec.poses[0], spec.poses[1]];
  if (!p0 || !p1) return '';
  if (spec.moving.includes('blades')) {
    const blades = (pose: Pose): Piece[] => pieces(spec.view, spec.base, pose).filter((p) => p.kind === 'blade');
    const [from, to] = [blades(p0), blades(p1)];
    return from.map((b, i) => arrowBetween(b.b, to[i]?.b ?? b.b, dx, 16)).join('');
  }
  const a = trackedPoint(spec, p0);
  const b = trackedPoint(spec, p1);
  if (!a || !b) return '';
  return arrowBetween(a, b, dx, -18);
}

/** A straight arrow along a→b, set off the body by `offset` px (negative: above). */
function arrowBetween(a: Point, b: Point, dx: number, offset: number): string {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const len = Math.hypot(vx, vy);
  if (len < 3) return '';
  const ux = vx / len;
  const uy = vy / len;
  // Offset the arrow off the body, perpendicular to the motion: above it, or below when offset > 0.
  let ox = -uy * Math.abs(offset);
  let oy = ux * Math.abs(offset);
  if ((oy > 0) !== (offset > 0)) {
    ox = -ox;
    oy = -oy;
  }
  const start = { x: a.x + ox + ux * 2 + dx, y: a.y + oy + uy * 2 };
  const end = { x: b.x + ox - ux * 2 + dx, y: b.y + oy - uy * 2 };
  const head = (s: number): string => `${n(end.x - ux * 7 + -uy * s)},${n(end.y - uy * 7 + ux * s)}`;
  return `<g class="upr-arrow"><line x1="${n(start.x)}" y1="${n(start.y)}" x2="${n(end.x)}" y2="${n(end.y)}"/><polygon points="${n(end.x)},${n(end.y)} ${head(4.5)} ${head(-4.5)}"/></g>`;
}

function props(spec: IllustrationSpec, dx: number): string {
  const g = FIGURE_BOX.ground;
  let out = `<line class="upr-floor" x1="${n(8 + dx)}" y1="${g}" x2="${n(FIGURE_BOX.width - 8 + dx)}" y2="${g}"/>`;
  if (spec.prop === 'chair' || spec.base === 'seated') {
    if (spec.view === 'side') out += `<path class="upr-prop" d="M${n(62 + dx)} 158 H${n(118 + dx)} M${n(66 + dx)} 158 V${g} M${n(114 + dx)} 158 V${g} M${n(62 + dx)} 158 V96"/>`;
    else out += `<path class="upr-prop" d="M${n(70 + dx)} 160 H${n(130 + dx)} M${n(74 + dx)} 160 V${g} M${n(126 + dx)} 160 V${g}"/>`;
  }
  if (spec.prop === 'wall') out += `<line class="upr-prop" x1="${n(70 + dx)}" y1="20" x2="${n(70 + dx)}" y2="${g}"/>`;
  if (spec.prop === 'door') out += `<path class="upr-prop" d="M${n(150 + dx)} 20 V${g} M${n(50 + dx)} 20 V${g}"/>`;
  return out;
}

function bandStatic(spec: IllustrationSpec, pose: Pose, dx: number): string {
  if (!spec.band) return '';
  const [a, b] = hands(spec.view, spec.base, pose);
  return `<line class="upr-band" x1="${n(a.x + dx)}" y1="${n(a.y)}" x2="${n(b.x + dx)}" y2="${n(b.y)}"/>`;
}

/**
 * The illustration as an SVG string. Animated: one cycle takes `secondsPerRep`, through the key poses
 * and back, with the start pose ghosted and an arrow for the direction. Reduced motion: the key poses
 * side by side, still. Colours come from CSS classes (`upr-*`), so the theme decides them.
 */
export function renderIllustration(spec: IllustrationSpec, options: RenderOptions): string {
  const title = `<title>${escapeText(options.title)}</title>`;
  if (options.reducedMotion) {
    const panels = spec.poses.map((pose, i) => {
      const dx = i * FIGURE_BOX.width;
      const body = pieces(spec.view, spec.base, pose).map((p) => staticPiece(p, pieceClass(p, spec), dx)).join('');
      const step = i < spec.poses.length - 1 ? `<text class="upr-step" x="${n(dx + FIGURE_BOX.width - 4)}" y="24" text-anchor="end">${i + 1} →</text>` : `<text class="upr-step" x="${n(dx + FIGURE_BOX.width - 4)}" y="24" text-anchor="end">${i + 1}</text>`;
      return `<g class="upr-key-pose">${props(spec, dx)}${body}${bandStatic(spec, pose, dx)}${i === 0 ? arrow(spec, dx) : ''}${step}</g>`;
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" class="upr-illustration upr-still" role="img" viewBox="0 0 ${FIGURE_BOX.width * spec.poses.length} ${FIGURE_BOX.height}">${title}${panels.join('')}</svg>`;
  }
  const { poses, times } = timeline(spec, options);
  const timing = `dur="${n(options.secondsPerRep)}s" keyTimes="${times.map((t) => (Math.round(t * 10000) / 10000).toString()).join(';')}" repeatCount="indefinite"`;
  const framesByPiece = new Map<string, Piece[]>();
  for (const pose of poses) for (const p of pieces(spec.view, spec.base, pose)) framesByPiece.set(p.id, [...(framesByPiece.get(p.id) ?? []), p]);
  const start = pieces(spec.view, spec.base, spec.poses[0] ?? {});
  const ghost = start.filter((p) => spec.moving.includes(p.part)).map((p) => staticPiece(p, `upr-${p.kind} upr-ghost`)).join('');
  const body = [...framesByPiece.values()].map((frames) => (frames[0] ? animated(frames, pieceClass(frames[0], spec), timing) : '')).join('');
  let band = '';
  if (spec.band) {
    const ends = poses.map((pose) => hands(spec.view, spec.base, pose));
    const v = (pick: (e: [Point, Point]) => number): string => ends.map((e) => n(pick(e))).join(';');
    band = `<line class="upr-band"><animate attributeName="x1" values="${v((e) => e[0].x)}" ${timing}/><animate attributeName="y1" values="${v((e) => e[0].y)}" ${timing}/><animate attributeName="x2" values="${v((e) => e[1].x)}" ${timing}/><animate attributeName="y2" values="${v((e) => e[1].y)}" ${timing}/></line>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" class="upr-illustration" role="img" viewBox="0 0 ${FIGURE_BOX.width} ${FIGURE_BOX.height}">${title}${props(spec, 0)}${ghost}${body}${band}${arrow(spec)}</svg>`;
}
