/**
 * A drawn person for the exercise illustrations: a jointed figure with rounded limbs, seen from the side,
 * the front or the back. Poses are joint angles (or, for a hand or foot held on something, a point that
 * the limb reaches by inverse kinematics); forward kinematics turns them into limb positions, and
 * `renderIllustration` (render.ts) animates between key poses. Pure: no DOM, no clock.
 */

export type View = 'side' | 'front' | 'back';
/**
 * The starting position: where the figure is anchored and its default joint angles. Front and back views
 * support 'standing', 'seated', 'hinged', 'floorSit' and 'prone' (seen from above); 'hand' is a close-up
 * of a gripping hand.
 */
export type Base =
  'standing' | 'seated' | 'hinged' | 'kneeling' | 'allFours' | 'plank' | 'prone' | 'supine' | 'floorSit' | 'hanging' | 'hand';
/** A point in the 200 × 240 box. */
export type XY = readonly [number, number];

/** Joint angles in degrees (side view faces right). Missing values come from the base, then 0. */
export interface Pose {
  /** Side: lower trunk lean forward from upright (90 lies face down, -90 on the back). Front/back: side bend to the figure's right. */
  readonly trunk?: number;
  /** Side: the upper back bends on further forward (+, rounding) or back (-, arching). */
  readonly bend?: number;
  /** Front/back: the trunk leans toward the viewer (front) or away (back), foreshortening it; the face then looks down. */
  readonly lean?: number;
  /** Front: the chest turns toward the figure's right, narrowing the shoulders. */
  readonly twist?: number;
  /** Side: head and neck bend forward (+) or back (-). Front: the head nods down (+). */
  readonly neck?: number;
  /** Side: head glides forward (+) or back (-), px. */
  readonly glide?: number;
  /** Front/back: the head tilts toward the figure's right shoulder (+). */
  readonly tilt?: number;
  /** Front: the head turns to the figure's right (+). */
  readonly turn?: number;
  /** Shoulders lifted (+) or drawn down (-), and (side) forward (+) or back (-), px. In side view, setting `shrug` draws a shoulder cap (part 'shoulders'). */
  readonly shrug?: number;
  readonly protract?: number;
  /** Back view: how far the shoulder blades sit from the spine, px (about 14 relaxed, 7 squeezed). */
  readonly blades?: number;
  /** Side: arm raised forward from hanging (0) to overhead (180), negative behind; elbow bend. */
  readonly shoulder?: number;
  readonly elbow?: number;
  /** Side: the upper arm turned out to the side (toward the viewer), 0–90, which shortens it; likewise the forearm. */
  readonly spread?: number;
  readonly fore?: number;
  /** Side: the hand held at this point (the elbow finds its place, bending toward `elbowDir`: 0 down, 180 up, -90 back). */
  readonly hand?: XY;
  readonly elbowDir?: number;
  /** Side: the near arm passes behind the head (hands laced behind it), when not 0. */
  readonly behind?: number;
  /** Side: the far arm, when it differs from the near one. */
  readonly farShoulder?: number;
  readonly farElbow?: number;
  readonly farSpread?: number;
  readonly farHand?: XY;
  /** Side: hip flexion (thigh forward of the trunk line), knee bend, ankle (toes pointed, +). Feet rest flat when ankle is unset. */
  readonly hip?: number;
  readonly knee?: number;
  readonly ankle?: number;
  /** Side: the ankle placed at this point (the knee finds its place). */
  readonly foot?: XY;
  readonly farHip?: number;
  readonly farKnee?: number;
  readonly farAnkle?: number;
  readonly farFoot?: XY;
  /** Front/back: each arm raised sideways from hanging (0) to overhead (180); elbow bend (+ up); pointing toward the viewer (0–90). Left copies right unless set. */
  readonly rightArm?: number;
  readonly leftArm?: number;
  readonly rightElbow?: number;
  readonly leftElbow?: number;
  readonly rightFwd?: number;
  readonly leftFwd?: number;
  readonly rightHand?: XY;
  readonly leftHand?: XY;
  /** Front/back: thighs spread (deg from hanging), thighs pointing toward the viewer (deg), the right ankle placed at a point (the left mirrors it). */
  readonly legs?: number;
  readonly legFwd?: number;
  readonly feet?: XY;
  /** Hand close-up: 0 open, 1 squeezing. */
  readonly grip?: number;
  /** Side: the figure's size (1 is full size; lying and kneeling bases are smaller so they fit). */
  readonly scale?: number;
  /** Places the hip here instead of at the base's anchor. */
  readonly root?: XY;
  /** Moves the base's anchor point (side: a foot, knee, hip, shoulder or hand; front/back: the hip) here. */
  readonly at?: XY;
}

export type Part = 'head' | 'neck' | 'torso' | 'shoulders' | 'arms' | 'hands' | 'legs' | 'blades' | 'band' | 'ball';

export const FIGURE_BOX = { width: 200, height: 240, ground: 228 };

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One drawn piece: a rounded limb from `a` to `b`, a circle at `a`, or a rounded outline through `pts` (centred on `a`). */
export interface Piece {
  readonly id: string;
  readonly part: Part;
  readonly kind: 'limb' | 'circle' | 'blade' | 'poly';
  readonly a: Point;
  readonly b: Point;
  /** Limb thickness, or circle radius. */
  readonly size: number;
  /** A head: the eyes centre on `b`; 0 draws one eye (profile), more draws two this far either side. */
  readonly face?: number;
  /** A limb on the far side (side view); `twin` names its near-side piece. */
  readonly twin?: string;
  /** A squeezed ball: its height over its width. */
  readonly squash?: number;
  /** The outline's corners (kind 'poly'). */
  readonly pts?: readonly Point[];
  /** Figure posed in depth: how near the camera (cm; drawn nearest last), and whether on the side away from it. */
  readonly depth?: number;
  readonly far?: boolean;
  /** Drawn with a thin gap in the background colour round it, so it stands out from what lies behind. */
  readonly edge?: boolean;
  /** A class of its own (eyes, the line of sight, furniture), instead of the body's. */
  readonly cls?: string;
}

type Anchor = 'hip' | 'foot' | 'toe' | 'knee' | 'shoulder' | 'hand';

/** Side-view bases: which point of the figure rests where (`at`), its size, and the default joint angles. */
const SIDE: Partial<Record<Base, [Anchor, Pose]>> = {
  standing: ['foot', { at: [96, 224] }],
  hinged: ['foot', { at: [112, 224], trunk: 68, hip: 80, knee: 22, shoulder: 68 }],
  seated: ['hip', { at: [80, 178], hip: 90, knee: 90, shoulder: 20, elbow: 50 }],
  kneeling: ['knee', { at: [90, 220], knee: 90, ankle: 90 }],
  allFours: ['knee', { at: [70, 220], scale: 0.92, trunk: 78, hip: 78, knee: 90, ankle: 90, shoulder: 78 }],
  plank: ['toe', { at: [22, 225], scale: 0.85, trunk: 70, ankle: 20, shoulder: 70 }],
  prone: ['hip', { at: [96, 215], scale: 0.85, trunk: 90, ankle: 90 }],
  supine: ['shoulder', { at: [44, 216], scale: 0.85, trunk: -90 }],
  hanging: ['hand', { at: [100, 30], scale: 0.92, shoulder: 180 }],
};
/** Front and back views: where the hip centre sits, and the default angles. */
const FRONT: Partial<Record<Base, Pose>> = {
  standing: { at: [100, 134], rightArm: 6 },
  seated: { at: [100, 170], legFwd: 76, rightArm: 6 },
  hinged: { at: [100, 138], lean: 62, legs: 5 },
  floorSit: { at: [100, 214], rightArm: 10 },
  prone: { at: [100, 136], rightArm: 8 },
};

/** The base's default pose with `pose` laid over it: what the figure draws. */
export function resolve(view: View, base: Base, pose: Pose): Pose {
  return { ...(view === 'side' ? SIDE[base]?.[1] : FRONT[base]), ...pose };
}

// Trigonometry in degrees.
const sin = (deg: number): number => Math.sin((deg * Math.PI) / 180);
const cos = (deg: number): number => Math.cos((deg * Math.PI) / 180);
/** The direction from `a` to `b`, measured from straight down, turning toward +x. */
const angle = (a: Point, b: Point): number => (Math.atan2(b.x - a.x, b.y - a.y) * 180) / Math.PI;
const pt = (v: XY): Point => ({ x: v[0], y: v[1] });
/** The point `length` away from `from` at `angleDeg`, measured from straight down, turning toward +x. */
function along(from: Point, length: number, angleDeg: number): Point {
  return { x: from.x + length * sin(angleDeg), y: from.y + length * cos(angleDeg) };
}

/** Two-bone inverse kinematics: the middle joint and the end, reaching for `target`, the joint bending toward `pref` (an angle). */
function reach(root: Point, target: Point, l1: number, l2: number, pref: number): [Point, Point] {
  const d = Math.max(0.1, Math.min(Math.hypot(target.x - root.x, target.y - root.y), l1 + l2 - 0.01));
  const base = angle(root, target);
  const off = (Math.acos(Math.max(-1, Math.min(1, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))) * 180) / Math.PI;
  const joint = along(root, l1, cos(base + off - pref) >= cos(base - off - pref) ? base + off : base - off);
  return [joint, along(joint, l2, angle(joint, target))];
}

/** A nose: drawn before the head, so it only shows where it sticks out (a head turned to the side). */
const nose = (at: Point, s: number): Piece => ({ id: 'nose', part: 'head', kind: 'circle', a: at, b: at, size: 3.2 * s });
const limb = (id: string, part: Part, a: Point, b: Point, size: number, twin?: string): Piece => ({
  id,
  part,
  kind: 'limb',
  a,
  b,
  size,
  ...(twin && { twin }),
});

/** The pieces of the figure in `pose`, in drawing order (far side first). */
export function pieces(view: View, base: Base, pose: Pose): Piece[] {
  const p = resolve(view, base, pose);
  if (base === 'hand') return handPieces(p.grip ?? 0);
  if (view !== 'side') return frontPieces(view, base, p);
  const s = p.scale ?? 1;
  const at = p.at ?? [100, 120];
  if (p.root) return sidePieces(p, pt(p.root), s);
  // Build once from the origin to find the anchor, then again from where that puts the hip.
  const probe = sidePieces(p, { x: 0, y: 0 }, s);
  const find = (id: string, end: 'a' | 'b'): Point => probe.find((x) => x.id === id)?.[end] ?? { x: 0, y: 0 };
  const anchor = {
    hip: find('thigh', 'a'),
    foot: find('shin', 'b'),
    toe: find('foot', 'b'),
    knee: find('thigh', 'b'),
    shoulder: find('torsoUpper', 'b'),
    hand: find('forearm', 'b'),
  }[SIDE[base]?.[0] ?? 'hip'];
  return sidePieces(p, { x: at[0] - anchor.x, y: at[1] - anchor.y }, s);
}

function sidePieces(p: Pose, hip: Point, s: number): Piece[] {
  const tl = p.trunk ?? 0;
  const tu = tl + (p.bend ?? 0);
  const fw = 90 - tu;
  const mid = along(hip, 27 * s, 180 - tl);
  const top = along(mid, 31 * s, 180 - tu);
  const sj = along(along(top, (p.shrug ?? 0) * s, 180 - tu), (p.protract ?? 0) * s, fw);
  const nk = p.neck ?? 0;
  const glide = (p.glide ?? 0) * s;
  const neckBase = along(mid, 33 * s, 180 - tu);
  const neckTop = along(along(neckBase, 9 * s, 180 - tu - nk / 2), glide * 0.6, fw);
  const head = along(along(neckTop, 13 * s, 180 - tu - nk), glide * 0.4, fw);
  const fore = 29 * s * cos(p.fore ?? 0);
  const arm = (sh: number, el: number, spread: number, hand: XY | undefined): [Point, Point] => {
    if (hand) return reach(sj, pt(hand), 31 * s * cos(spread), fore, p.elbowDir ?? 0);
    const elbow = along(sj, 31 * s * cos(spread), sh - tu);
    return [elbow, along(elbow, fore, sh - tu + el)];
  };
  const leg = (hp: number, kn: number, ankle: number | undefined, foot: XY | undefined): Point[] => {
    const [knee, ank] = foot
      ? reach(hip, pt(foot), 46 * s, 44 * s, 90 - tl)
      : ((): [Point, Point] => {
          const k = along(hip, 46 * s, hp - tl);
          return [k, along(k, 44 * s, hp - tl - kn)];
        })();
    return [knee, ank, along(ank, 12 * s, ankle === undefined ? 90 : angle(knee, ank) + 90 - ankle)];
  };
  const legPieces = (pts: Point[], far: boolean): Piece[] => {
    const [knee = hip, ank = hip, toe = hip] = pts;
    const f = far ? '2' : '';
    return [
      limb(`thigh${f}`, 'legs', hip, knee, 15 * s, far ? 'thigh' : ''),
      limb(`shin${f}`, 'legs', knee, ank, 12 * s, far ? 'shin' : ''),
      limb(`foot${f}`, 'legs', ank, toe, 7 * s, far ? 'foot' : ''),
    ];
  };
  const armPieces = ([elbow, hand]: [Point, Point], far: boolean): Piece[] => [
    limb(far ? 'upperArm2' : 'upperArm', 'arms', sj, elbow, 11 * s, far ? 'upperArm' : ''),
    limb(far ? 'forearm2' : 'forearm', 'arms', elbow, hand, 9 * s, far ? 'forearm' : ''),
  ];
  const nearArm = armPieces(arm(p.shoulder ?? 0, p.elbow ?? 0, p.spread ?? 0, p.hand), false);
  const out: Piece[] = [
    ...legPieces(leg(p.farHip ?? p.hip ?? 0, p.farKnee ?? p.knee ?? 0, p.farAnkle ?? p.ankle, p.farFoot ?? p.foot), true),
    ...armPieces(
      arm(p.farShoulder ?? p.shoulder ?? 0, p.farElbow ?? p.elbow ?? 0, p.farSpread ?? p.spread ?? 0, p.farHand ?? p.hand),
      true,
    ),
    limb('torso', 'torso', hip, mid, 26 * s),
    limb('torsoUpper', 'torso', mid, top, 26 * s),
    ...(p.behind ? nearArm : []),
    limb('neck', 'neck', neckBase, neckTop, 9 * s),
    nose(along(head, 12.5 * s, fw - nk - 12), s),
    { id: 'head', part: 'head', kind: 'circle', a: head, b: along(head, 7 * s, fw - nk), size: 13 * s, face: 0 },
    ...legPieces(leg(p.hip ?? 0, p.knee ?? 0, p.ankle, p.foot), false),
  ];
  if (!p.behind) out.push(...nearArm);
  // A shoulder cap, only for exercises that move the shoulders themselves.
  if (p.shrug !== undefined) out.push({ id: 'shoulder', part: 'shoulders', kind: 'circle', a: sj, b: sj, size: 9.5 * s });
  return out;
}

function frontPieces(view: View, base: Base, p: Pose): Piece[] {
  const at = p.root ?? p.at ?? [100, 134];
  const hip = pt(at);
  // Figure's right is the viewer's left from the front, and the viewer's right from the back.
  const rs = view === 'front' ? -1 : 1;
  const bend = (p.trunk ?? 0) * -rs;
  const lf = cos(p.lean ?? 0);
  const across = (from: Point, dist: number): Point => ({ x: from.x + dist * cos(bend), y: from.y + dist * sin(bend) });
  const shoulderMid = along(hip, 54 * lf, 180 + bend);
  const neckBase = along(hip, 60 * lf, 180 + bend);
  const halfWidth = 21 * cos(p.twist ?? 0);
  const lift = { x: 0, y: -(p.shrug ?? 0) };
  const shoulder = (side: number): Point => {
    const q = across(shoulderMid, side * halfWidth);
    return { x: q.x + lift.x, y: q.y + lift.y };
  };
  const tilt = (p.tilt ?? 0) * -rs;
  const nod = p.neck ?? 0;
  // A nodding or leaning head drops toward the viewer: the neck and head shorten.
  const headLf = cos(Math.min(80, (p.lean ?? 0) + nod)) ** 2;
  const neckTop = along(neckBase, 9 * headLf, 180 + bend + tilt * 0.5);
  const headC = along(neckTop, 13 * Math.max(0.35, headLf), 180 + bend + tilt);
  const turn = p.turn ?? 0;
  const down = sin(Math.min(90, (p.lean ?? 0) + nod));
  const face = { x: headC.x + rs * sin(turn) * 7.5 + 2 * sin(tilt), y: headC.y - 1.5 + 9 * down };
  const noseAt = { x: headC.x + rs * sin(turn) * 13.5 + 3 * sin(tilt), y: headC.y + 3 + 6 * down };
  const arm = (side: number, raise: number, elbow: number, fwd: number, hand: XY | undefined): [Point, Point] => {
    const sh = shoulder(side);
    if (hand) return reach(sh, pt(hand), 31, 29, side * 90);
    const f = cos(fwd);
    const e = along(sh, 31 * f, side * raise);
    return [e, along(e, 29 * f, side * (raise + elbow))];
  };
  const leg = (side: number): Piece[] => {
    const top = across(hip, side * 10);
    const thigh = 46 * cos(p.legFwd ?? 0);
    const knee = along(top, thigh, side * (p.legs ?? 3));
    // Feet placed at a point (sitting sole to sole): the shin runs from the knee to it.
    const ank = p.feet ? { x: hip.x + side * p.feet[0], y: p.feet[1] } : along(knee, 44, side * 1.5);
    const id = side > 0 ? 'r' : 'l';
    return [
      limb(`${id}Thigh`, 'legs', top, knee, 15),
      limb(`${id}Shin`, 'legs', knee, ank, 12),
      limb(`${id}Foot`, 'legs', ank, along(ank, 6, side * (p.feet ? 100 : 60)), 8),
    ];
  };
  // A turned chest looks narrower.
  const out: Piece[] = [...leg(-1), ...leg(1), limb('torso', 'torso', hip, shoulderMid, 40 - 9 * sin(Math.abs(p.twist ?? 0)))];
  if (view === 'back') {
    // Shoulder blades: slanted plates either side of the spine, drawn in at the bottom.
    const spread = p.blades ?? 14;
    const bladeTop = along(hip, 44 * lf, 180 + bend);
    const blade = (side: number): Piece => {
      const t = across(bladeTop, side * (spread + 4));
      const q = { x: t.x + lift.x, y: t.y + lift.y * 0.6 };
      return {
        id: `${side > 0 ? 'right' : 'left'}Blade`,
        part: 'blades',
        kind: 'blade',
        a: q,
        b: along(q, 17, -side * 14 + bend),
        size: 9,
      };
    };
    out.push(blade(-1), blade(1));
  }
  const right = arm(rs, p.rightArm ?? 0, p.rightElbow ?? 0, p.rightFwd ?? 0, p.rightHand);
  const mirror = (v: XY | undefined): XY | undefined => (v ? [2 * hip.x - v[0], v[1]] : undefined);
  const left = arm(
    -rs,
    p.leftArm ?? p.rightArm ?? 0,
    p.leftElbow ?? p.rightElbow ?? 0,
    p.leftFwd ?? p.rightFwd ?? 0,
    p.leftHand ?? mirror(p.rightHand),
  );
  // Eyes from the front, unless the face looks at the floor.
  const eyes = view === 'front' && down < 0.8 ? Math.max(0, 4.6 * cos(turn) * (1 - down * 0.5)) : undefined;
  out.push(
    limb('neck', 'neck', neckBase, neckTop, 10),
    ...(view === 'front' ? [nose(noseAt, 1)] : []),
    eyes === undefined
      ? { id: 'head', part: 'head', kind: 'circle', a: headC, b: face, size: 13 }
      : { id: 'head', part: 'head', kind: 'circle', a: headC, b: face, size: 13, face: eyes },
    limb('rightUpperArm', 'arms', shoulder(rs), right[0], 11),
    limb('rightForearm', 'arms', right[0], right[1], 9),
    limb('leftUpperArm', 'arms', shoulder(-rs), left[0], 11),
    limb('leftForearm', 'arms', left[0], left[1], 9),
  );
  if (base !== 'prone') return out;
  // Lying face down, seen from above: turned so the head points right, and a little smaller.
  const turnPt = (q: Point): Point => ({ x: 96 - (q.y - hip.y) * 0.88, y: 120 + (q.x - hip.x) * 0.88 });
  return out.map((q) => ({ ...q, a: turnPt(q.a), b: turnPt(q.b), size: q.size * 0.88 }));
}

/** A close-up of a hand round a ball, seen from the thumb side; `grip` 0 open to 1 squeezing. */
function handPieces(grip: number): Piece[] {
  const chain = (id: string, from: Point, lengths: number[], start: number, curl: number, size: number, twin = ''): Piece[] => {
    let at = from;
    let deg = start;
    return lengths.map((len, i) => {
      const next = along(at, len, deg);
      const piece = limb(`${id}${i}`, 'hands', at, next, size - i * 2, twin && `${twin}${i}`);
      at = next;
      deg += curl;
      return piece;
    });
  };
  const ball = { x: 134 - grip * 4, y: 150 };
  const knuckle = { x: 114, y: 114 };
  return [
    limb('forearm', 'arms', { x: 6, y: 152 }, { x: 78, y: 142 }, 34),
    { id: 'ball', part: 'ball', kind: 'circle', a: ball, b: ball, size: 28 - grip * 5, squash: 1 + grip * 0.25 },
    // The other fingers, just behind the first.
    ...chain('back', { x: 118, y: 122 }, [22, 18, 15], 92 - grip * 34, -22 - grip * 30, 14, 'finger'),
    limb('palm', 'arms', { x: 78, y: 142 }, knuckle, 34),
    ...chain('finger', knuckle, [22, 18, 15], 96 - grip * 36, -22 - grip * 30, 16),
    ...chain('thumb', { x: 96, y: 156 }, [18, 15], 84 - grip * 34, grip * 50, 15),
  ];
}

/** Where the hands are (for a band, or weights held in them): near and far, or the figure's right and left. */
export function hands(view: View, base: Base, pose: Pose): [Point, Point] {
  const ps = pieces(view, base, pose).filter((x) => /orearm/.test(x.id));
  const first = ps[ps.length - 1]?.b ?? { x: 0, y: 0 };
  return [first, ps.length > 1 ? (ps[0]?.b ?? first) : first];
}
