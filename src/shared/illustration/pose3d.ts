/**
 * The figure posed in depth: a skeleton in centimetres with an adult's proportions, posed by joint angles
 * (or by where a hand or foot is placed, the elbow or knee finding its place) and seen through a `Camera`
 * chosen per exercise. Limbs come out nearest last, those on the side away from the camera thinner and
 * fainter; furniture, a band and weights are drawn in the same space. Pure: no DOM, no clock.
 */
import { add, type Camera, cameraAxes, dot, length, project, type Projected, rad, sub, times, unit, type Vec3, zoomAt } from './camera';
import { FIGURE_BOX, type Part, type Piece, type Point } from './figure';

/** Where the figure starts: standing, sitting on a stool, hinged at the hips, on the knees, on hands and knees, and so on. */
export type Base3D = 'standing' | 'seated' | 'hinged' | 'kneeling' | 'allFours' | 'plank' | 'prone' | 'supine' | 'floorSit' | 'hanging';

/** An arm's or a leg's values, for both sides at once or (prefixed `l` or `r`) for one. Angles in degrees. */
interface LimbPose {
  /** The arm raised from hanging (0) through straight ahead (90) to overhead (180), in the chest's frame. */
  readonly raise?: number;
  /** The raised arm swung from straight ahead (0) out to the side (90); negative across the body. */
  readonly swing?: number;
  /** The elbow bends, the forearm turning forward (for an arm held forward: upward). */
  readonly elbow?: number;
  /** The plane the elbow bends in turned about the upper arm: 90 turns a forearm of an arm held out to the side up (a W). */
  readonly roll?: number;
  /**
   * The wrist placed at this point (cm); the elbow bends toward `elbowTo` (the chest's frame: x out, y up, z
   * forward). Given for both sides, the point is the left hand's and the right hand mirrors it.
   */
  readonly hand?: Vec3;
  readonly elbowTo?: Vec3;
  /** The hand bent at the wrist to point this way (the chest's frame, as `elbowTo`), rather than on along the forearm. */
  readonly handTo?: Vec3;
  /** The thigh swung forward from hanging straight down (0, whatever the trunk does), 90 level ahead, negative behind. */
  readonly hip?: number;
  /** The thigh out to the side, degrees. */
  readonly spread?: number;
  /** The knee bends, the shin turning back. */
  readonly knee?: number;
  /** The foot pointed (+) from square to the shin. */
  readonly ankle?: number;
  /** The ankle placed at this point (cm); the knee bends toward `kneeTo` (x out, y up, z forward, as the floor is). */
  readonly foot?: Vec3;
  readonly kneeTo?: Vec3;
}
type Sided<T> = { readonly [K in keyof T as `l${Capitalize<K & string>}` | `r${Capitalize<K & string>}`]?: T[K] };

/** The whole body's values. Angles in degrees, slides in cm; anything missing comes from the base, then 0. */
interface BodyPose {
  /** Where the pelvis is (cm: x toward the figure's left, y up from the floor, z forward). */
  readonly hips?: Vec3;
  /** The pelvis and everything above it tipped forward (+) or back (-) about the hips: 90 lies face down, -90 on the back. */
  readonly pitch?: number;
  /** The spine rounds forward (+) or arches back (-), shared between the lower and the upper back. */
  readonly bend?: number;
  /** The trunk bends toward the figure's left side (+) or right (-). */
  readonly lean?: number;
  /** The chest turns toward the figure's left (+) or right (-) over the pelvis. */
  readonly twist?: number;
  /** The shoulder blades drawn in toward the spine, cm (negative: spread round the ribs, the shoulders forward). */
  readonly retract?: number;
  /** The shoulder girdle drawn down, cm (negative: shrugged up). */
  readonly depress?: number;
  /** The head glides forward (+) or back (-) over the shoulders, cm; the eyes stay level unless it nods. */
  readonly glide?: number;
  /** The head nods down (+) or tips back (-). */
  readonly nod?: number;
  /** The head turns to the figure's left (+) or right (-). */
  readonly turn?: number;
  /** The head tilts, ear toward the figure's left shoulder (+) or right (-). */
  readonly tilt?: number;
}

/** A pose in depth. */
export type Pose3D = BodyPose & LimbPose & Sided<LimbPose> & Sided<Pick<BodyPose, 'retract' | 'depress'>>;

/** Something in the scene besides the person, in cm. */
export interface Prop3D {
  /**
   * 'stool' (drawn for a seated figure unless a chair is), 'chair' (a stool with a back), 'bench' (top at `at`,
   * `size` long toward the back), 'wall' (a plane at depth `at[2]`), 'door' (a frame `size` wide at depth
   * `at[2]`), 'bar' (overhead at `at`), 'post' (upright at `at`, where a band is tied), 'mat' (on the floor).
   */
  readonly kind: 'stool' | 'chair' | 'bench' | 'wall' | 'door' | 'bar' | 'post' | 'mat';
  readonly at?: Vec3;
  readonly size?: number;
}

/** How an exercise is seen and what is in the scene with the figure. */
export interface Figure3D {
  /** Where the camera stands; without a zoom, it frames the figure through every key pose to fill the picture. */
  readonly camera: Camera | Omit<Camera, 'zoom' | 'target' | 'at'>;
  /** A band held between the fists (true), or tied at this point with both ends in the fists. */
  readonly band?: boolean | Vec3;
  /** Weights in the fists: a dumbbell in each, one in the left, or a barbell across both. */
  readonly weight?: 'dumbbells' | 'dumbbell' | 'barbell';
  /** A barbell's plates this many cm across, drawn as discs square to the bar (without it, round 40 cm ends). */
  readonly plate?: number;
  readonly props?: readonly Prop3D[];
  /** The shoulder blades drawn on the back (a camera behind the figure). */
  readonly blades?: boolean;
  /** A dashed line of sight from the eyes, and a plumb line over the shoulder: the head's place and level. */
  readonly gaze?: boolean;
  /** The hands hold something (a bar, a frame, the other hand): fists rather than open hands. */
  readonly grip?: boolean;
  /** 'upper': the framing camera fills the picture with the head, chest and upper arms, the rest running out of it (head and neck moves). */
  readonly frame?: 'whole' | 'upper';
}

/** Segment lengths and thicknesses, cm, for a person about 170 cm tall. */
const BODY = {
  lowBack: 20,
  upBack: 27,
  shoulderHalf: 18,
  upperArm: 30,
  forearm: 26,
  fist: 6,
  hand: 15,
  thigh: 42,
  shin: 42,
  foot: 18,
  neck: 10,
  head: 11,
  /** A band at rest, hand to hand. */
  band: 34,
} as const;
const WIDTH = { upperArm: 9, forearm: 7.5, fist: 10, hand: 5.5, thigh: 14, shin: 10.5, foot: 6.5, neck: 9 } as const;
const SEAT_CM = 46;

/** Each base's own values: where the pelvis is, how the trunk lies, how the limbs rest. */
const BASES: Record<Base3D, Pose3D> = {
  standing: { hips: [0, 95, 0] },
  seated: { hips: [0, SEAT_CM + 8, -6], hip: 86, knee: 82, elbow: 8 },
  hinged: { hips: [0, 90, -14], pitch: 48, raise: 48, foot: [10, 9, 4], kneeTo: [0.2, 0, 1] },
  kneeling: { hips: [0, 53, 0], knee: 90, ankle: 90 },
  allFours: { hips: [0, 53, -30], pitch: 84, raise: 84, hip: 4, knee: 94, ankle: 90 },
  plank: { hips: [0, 45, -20], pitch: 68, hand: [16, 4, 25], hip: -68, ankle: -15 },
  prone: { hips: [0, 11, -6], pitch: 90, raise: -10, elbow: 10, hip: -90, ankle: 90 },
  supine: { hips: [0, 11, 6], pitch: -90, raise: 10, hip: 90, nod: 0 },
  floorSit: { hips: [0, 12, 0], hip: 88, spread: 8 },
  hanging: { hips: [0, 104, 0], raise: 176, swing: 14, elbow: 4, ankle: 30 },
};

type Frame = readonly [Vec3, Vec3, Vec3];
const IDENTITY: Frame = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];
/** A point given in a frame's own axes. */
const inFrame = (f: Frame, v: Vec3): Vec3 => add(add(times(f[0], v[0]), times(f[1], v[1])), times(f[2], v[2]));
/** The frame turned about one of its own axes (0 x, 1 y, 2 z) by `deg`, right-handed but for x, where + tips y toward z. */
function turnFrame(f: Frame, axis: 0 | 1 | 2, deg: number): Frame {
  const [c, s] = [Math.cos(rad(deg)), Math.sin(rad(deg))];
  const [x, y, z] = f;
  if (axis === 0) return [x, add(times(y, c), times(z, s)), sub(times(z, c), times(y, s))];
  if (axis === 1) return [sub(times(x, c), times(z, s)), y, add(times(z, c), times(x, s))];
  return [sub(times(x, c), times(y, s)), add(times(y, c), times(x, s)), z];
}
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** Two segments from `root` reaching for `target`, the middle joint bending toward `pole`: the middle joint and the end. */
function reach(root: Vec3, target: Vec3, a: number, b: number, pole: Vec3): [Vec3, Vec3] {
  const d = sub(target, root);
  const span = Math.min(a + b - 0.01, Math.max(Math.abs(a - b) + 0.01, length(d)));
  const u = unit(d);
  const cos = (a * a + span * span - b * b) / (2 * a * span);
  const side = unit(sub(pole, times(u, dot(pole, u))));
  const middle = add(root, add(times(u, a * cos), times(side, a * Math.sqrt(Math.max(0, 1 - cos * cos)))));
  return [middle, add(root, times(u, span))];
}

const cap = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);
type Value = number | Vec3 | undefined;
/** A value of `pose` for side `s` ('l' or 'r', '' for the body): its own, both sides', the base's side's, the base's. */
function valueOf(base: Base3D, pose: Pose3D, s: string, key: string): Value {
  const [p, b] = [pose as Record<string, Value>, BASES[base] as Record<string, Value>];
  if (!s) return p[key] ?? b[key];
  const own = p[`${s}${cap(key)}`];
  if (own !== undefined) return own;
  // A hand placed for both sides at once is placed for the left; the right one mirrors it.
  const both = b[`${s}${cap(key)}`] ?? p[key] ?? b[key];
  return key === 'hand' && s === 'r' && typeof both === 'object' ? [-(both[0] ?? 0), both[1] ?? 0, both[2] ?? 0] : both;
}

/** The joints of the figure in `pose`, cm. Sides are 'l' (the figure's left, +x) and 'r'. */
export function skeleton(base: Base3D, pose: Pose3D): Record<string, Vec3> {
  const num = (key: string, s = ''): number => {
    const v = valueOf(base, pose, s, key);
    return typeof v === 'number' ? v : 0;
  };
  const vec = (key: string, s = ''): Vec3 | undefined => {
    const v = valueOf(base, pose, s, key);
    return typeof v === 'object' ? v : undefined;
  };
  // The pelvis, tipped; the lower back takes part of the bend, the upper back the rest with the side bend and the twist.
  const pelvis = vec('hips') ?? [0, 95, 0];
  const bend = num('bend');
  const hipFrame = turnFrame(IDENTITY, 0, num('pitch'));
  const waistFrame = turnFrame(hipFrame, 0, bend * 0.45);
  const waist = add(pelvis, times(waistFrame[1], BODY.lowBack));
  const chestFrame = turnFrame(turnFrame(turnFrame(waistFrame, 0, bend * 0.55), 2, num('lean')), 1, num('twist'));
  const chest = add(waist, times(chestFrame[1], BODY.upBack));
  const joints: Record<string, Vec3> = { pelvis, waist, chest };
  const glide = num('glide');
  const nod = num('nod');
  const neckBase = add(chest, inFrame(chestFrame, [0, 0, 1]));
  // The lower neck leans back with the glide and the upper neck straightens: the head moves level. A nod or a tilt bends the neck too.
  const tilt = num('tilt');
  const neckFrame = turnFrame(turnFrame(chestFrame, 0, nod * 0.5), 2, tilt * 0.5);
  const neckTop = add(neckBase, inFrame(neckFrame, [0, BODY.neck, 1 + glide * 0.55]));
  const headFrame = turnFrame(turnFrame(turnFrame(chestFrame, 0, nod), 1, num('turn')), 2, tilt);
  joints.neckBase = neckBase;
  joints.neckTop = neckTop;
  joints.head = add(neckTop, add(inFrame(neckFrame, [0, 0, glide * 0.45]), inFrame(headFrame, [0, 8.5, 1.5])));
  for (const [axis, v] of headFrame.entries()) joints[`head${'XYZ'[axis] ?? ''}`] = v;
  for (const [axis, v] of chestFrame.entries()) joints[`chest${'XYZ'[axis] ?? ''}`] = v;
  for (const side of [1, -1]) {
    const s = side > 0 ? 'l' : 'r';
    const [retract, depress] = [num('retract', s), num('depress', s)];
    // The girdle slides round the ribs: the shoulder goes back, a little in, and down with the blades.
    const shoulder = add(chest, inFrame(chestFrame, [side * (BODY.shoulderHalf - 0.3 * retract), -3 - depress, -1 - 0.8 * retract]));
    const hand = vec('hand', s);
    let elbow: Vec3;
    let wrist: Vec3;
    if (hand) {
      const to = vec('elbowTo', s) ?? [0.6, -0.3, -1];
      [elbow, wrist] = reach(shoulder, hand, BODY.upperArm, BODY.forearm, inFrame(chestFrame, [side * to[0], to[1], to[2]]));
    } else {
      const [raise, swing] = [rad(num('raise', s)), rad(num('swing', s))];
      const upper = inFrame(chestFrame, [side * Math.sin(raise) * Math.sin(swing), -Math.cos(raise), Math.sin(raise) * Math.cos(swing)]);
      // The forearm turns toward the front (an arm held forward bends upward), or as far round the upper arm as `roll` says.
      const front = inFrame(chestFrame, Math.abs(dot(upper, chestFrame[2])) > 0.95 ? [0, 1, 0] : [0, 0, 1]);
      const square = unit(sub(front, times(upper, dot(front, upper))));
      const roll = rad(num('roll', s));
      const across = add(times(square, Math.cos(roll)), times(cross(upper, square), -side * Math.sin(roll)));
      const bendAt = rad(num('elbow', s));
      const fore = add(times(upper, Math.cos(bendAt)), times(across, Math.sin(bendAt)));
      elbow = add(shoulder, times(upper, BODY.upperArm));
      wrist = add(elbow, times(fore, BODY.forearm));
    }
    joints[`${s}Shoulder`] = shoulder;
    joints[`${s}Elbow`] = elbow;
    joints[`${s}Wrist`] = wrist;
    const fore = unit(sub(wrist, elbow));
    // A hand bent at the wrist points as it is told; one on the floor lies flat, fingers ahead; else it goes on along the forearm.
    const handTo = vec('handTo', s);
    joints[`${s}HandDir`] = handTo
      ? unit(inFrame(chestFrame, [side * handTo[0], handTo[1], handTo[2]]))
      : wrist[1] < 9 && fore[1] < -0.5
        ? unit(sub(times(chestFrame[1], 1), [0, chestFrame[1][1], 0]))
        : fore;
    const hip = add(pelvis, inFrame(hipFrame, [side * 9, -2, 0]));
    const foot = vec('foot', s);
    let knee: Vec3;
    let ankle: Vec3;
    const [flex, spread] = [num('hip', s), num('spread', s)];
    const dir = (deg: number): Vec3 => {
      const [f, a] = [rad(deg), rad(spread)];
      return [side * Math.sin(a), -Math.cos(a) * Math.cos(f), Math.cos(a) * Math.sin(f)];
    };
    if (foot) {
      const to = vec('kneeTo', s) ?? [0.15, 0, 1];
      [knee, ankle] = reach(hip, [side * Math.abs(foot[0]), foot[1], foot[2]], BODY.thigh, BODY.shin, [side * to[0], to[1], to[2]]);
    } else {
      knee = add(hip, times(dir(flex), BODY.thigh));
      ankle = add(knee, times(dir(flex - num('knee', s)), BODY.shin));
    }
    // The foot square to the shin, turned a little out, and pointed by `ankle`; a foot on the floor stands flat.
    const shin = unit(sub(ankle, knee));
    const shinAngle = Math.atan2(shin[2], -shin[1]) * (180 / Math.PI);
    const pointed = num('ankle', s);
    const toeDir = foot && !pointed && ankle[1] < 12 ? unit([side * 0.2, 0, 1]) : dir(shinAngle + 90 - pointed);
    joints[`${s}Hip`] = hip;
    joints[`${s}Knee`] = knee;
    joints[`${s}Ankle`] = ankle;
    joints[`${s}Toe`] = add(ankle, add(times(toeDir, BODY.foot - 2), [side * 1.5, 0, 0]));
    // The blade: its inner edge beside the spine, the top corner out toward the shoulder, the lower tip
    // turning in as it is drawn down and back.
    const inner = 7.5 - retract;
    const top = -4 - depress;
    const back = (x: number): number => -11 * Math.sqrt(Math.max(0.25, 1 - (x / 19) ** 2)) - 0.6;
    const blade = (x: number, y: number): Vec3 => add(chest, inFrame(chestFrame, [side * x, y, back(x)]));
    joints[`${s}BladeTop`] = blade(inner, top);
    joints[`${s}BladeOuter`] = blade(inner + 10, top + 1);
    joints[`${s}BladeSide`] = blade(inner + 7.5, top - 8);
    joints[`${s}BladeTip`] = blade(inner + 1.8 - 0.25 * retract, top - 15);
  }
  return joints;
}

/** Keys whose both-sides value a key pose may give, and whose placed point the figure can find from angles. */
const SIDED = [
  'raise',
  'swing',
  'elbow',
  'roll',
  'hand',
  'elbowTo',
  'handTo',
  'hip',
  'spread',
  'knee',
  'ankle',
  'foot',
  'kneeTo',
  'retract',
  'depress',
];
const PLACED: Record<string, string> = { hand: 'Wrist', foot: 'Ankle' };

/**
 * Key poses made ready to be blended: every value any of them gives, each of them gives (from its both-sides
 * value, the base, or 0), and a hand or foot placed in one is placed in all, where the others' angles put it.
 */
export function fillPoses3d(base: Base3D, poses: readonly Pose3D[]): Pose3D[] {
  const keys = new Set<string>();
  for (const pose of poses)
    for (const k of Object.keys(pose)) {
      if (SIDED.includes(k)) keys.add(`l${cap(k)}`).add(`r${cap(k)}`);
      else keys.add(k);
    }
  return poses.map((pose) => {
    const j = skeleton(base, pose);
    const out: Record<string, Value> = {};
    for (const k of keys) {
      const [s, key] = /^[lr][A-Z]/.test(k) ? [k[0] ?? '', k.charAt(1).toLowerCase() + k.slice(2)] : ['', k];
      const placed = PLACED[key];
      out[k] = valueOf(base, pose, s, key) ?? (placed ? j[`${s}${placed}`] : key.endsWith('To') ? undefined : 0);
      if (out[k] === undefined) delete out[k];
    }
    return out;
  });
}

const point = (p: Projected): Point => ({ x: p.x, y: p.y });
const mid = (a: Vec3, b: Vec3): Vec3 => times(add(a, b), 0.5);

/** The projected outline of points (their convex hull), as the outermost point in each of `count` directions. */
function outline(points: Projected[], count: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < count; i++) {
    const [dx, dy] = [Math.cos((2 * Math.PI * i) / count), Math.sin((2 * Math.PI * i) / count)];
    let best = points[0] ?? { x: 0, y: 0, depth: 0 };
    for (const p of points) if (p.x * dx + p.y * dy > best.x * dx + best.y * dy) best = p;
    out.push(point(best));
  }
  return out;
}

/** A ring of points round a frame's y axis, cm. */
function ring(centre: Vec3, rx: number, rz: number, frame: Frame = IDENTITY, count = 10): Vec3[] {
  return Array.from({ length: count }, (_, i): Vec3 => {
    const a = (2 * Math.PI * i) / count;
    return add(centre, inFrame(frame, [rx * Math.cos(a), 0, rz * Math.sin(a)]));
  });
}

/** A camera with its zoom and aim: as the figure gives them, or (when it gives none) the ones `fit` found. */
export function cameraOf(figure: Figure3D, fit?: Pick<Camera, 'zoom' | 'target' | 'at'>): Camera {
  return { zoom: 1, target: [0, 0, 0], at: [0, 0], ...fit, ...figure.camera };
}

/** Whether a piece is furniture that may run out of the picture (a wall, a door frame, a post, the floor). */
const unframed = (p: Piece): boolean => p.cls === 'upr-wall' || p.cls === 'upr-floor' || p.id.startsWith('tall');

/**
 * The zoom and aim that fit the figure through all of `poses` into the 200 × 240 picture, with room for the
 * arrow: centred across and down.
 */
export function fitCamera(figure: Figure3D, base: Base3D, poses: readonly Pose3D[]): Pick<Camera, 'zoom' | 'target' | 'at'> {
  const trial = cameraOf(figure, { zoom: 1, target: [0, 0, 0], at: [0, 0] });
  const upper = figure.frame === 'upper';
  const ps = poses.flatMap((pose) =>
    pieces3d({ ...figure, camera: trial }, base, pose, false).filter(
      (p) => !unframed(p) && (!upper || (!p.cls && (['head', 'neck', 'blades'].includes(p.part) || /^(torso|[lr]UpperArm)$/.test(p.id)))),
    ),
  );
  // How far a piece reaches past its ends: a limb half its thickness, a circle its radius.
  const past = (p: Piece): number => (p.kind === 'circle' ? p.size : p.size / 2);
  const xs = ps.flatMap((p) => [p.a.x - past(p), p.b.x - past(p), p.a.x + past(p), p.b.x + past(p), ...(p.pts ?? []).map((q) => q.x)]);
  const ys = ps.flatMap((p) => [p.a.y - past(p), p.b.y - past(p), p.a.y + past(p), p.b.y + past(p), ...(p.pts ?? []).map((q) => q.y)]);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const zoom = Math.min(upper ? 2.8 : 2.4, 176 / (right - left), 206 / (bottom - top));
  // Centred both ways (a figure lying down fills the width and sits in the middle), never below the margin.
  return {
    zoom,
    target: [0, 0, 0],
    at: [100 - (zoom * (left + right)) / 2, Math.min(FIGURE_BOX.ground - zoom * bottom, 124 - (zoom * (top + bottom)) / 2)],
  };
}

/** A line cut to the picture (with a margin), or nothing where it lies outside. */
function clipLine(a: Point, b: Point): [Point, Point] | undefined {
  let [t0, t1] = [0, 1];
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  for (const [p, q] of [
    [-dx, a.x - 4],
    [dx, 196 - a.x],
    [-dy, a.y - 4],
    [dy, 236 - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return undefined;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  if (t0 > t1) return undefined;
  return [
    { x: a.x + t0 * dx, y: a.y + t0 * dy },
    { x: a.x + t1 * dx, y: a.y + t1 * dy },
  ];
}

/** The pieces of the figure in `pose` seen through the figure's camera, nearest last (cut to the picture unless `cut` is false). */
export function pieces3d(figure: Figure3D, base: Base3D, pose: Pose3D, cut = true): Piece[] {
  const camera = cameraOf(figure);
  const j = skeleton(base, pose);
  const at = (name: string): Vec3 => j[name] ?? [0, 0, 0];
  const proj = (v: Vec3): Projected => project(camera, v);
  const sizeAt = (cm: number, v: Vec3): number => cm * zoomAt(camera, proj(v).depth);
  // The side whose shoulder is further from the camera is drawn thinner and fainter.
  const farSide = proj(at('lShoulder')).depth < proj(at('rShoulder')).depth ? 'l' : 'r';
  const farLegs = proj(at('lHip')).depth < proj(at('rHip')).depth ? 'l' : 'r';
  const out: Piece[] = [];
  const limb = (id: string, part: Part, a: Vec3, b: Vec3, widthCm: number, extra: Partial<Piece> = {}): void => {
    const far = /^[lr][A-Z]/.test(id) && id[0] === (part === 'legs' ? farLegs : farSide);
    const [pa, pb] = [proj(a), proj(b)];
    out.push({
      id,
      part,
      kind: 'limb',
      a: point(pa),
      b: point(pb),
      size: sizeAt(widthCm, mid(a, b)) * (far ? 0.86 : 1),
      depth: (pa.depth + pb.depth) / 2,
      ...(far && { far }),
      ...extra,
    });
  };
  const circle = (id: string, part: Part, c: Vec3, radiusCm: number, extra: Partial<Piece> = {}): void => {
    const p = proj(c);
    out.push({ id, part, kind: 'circle', a: point(p), b: point(p), size: sizeAt(radiusCm, c), depth: p.depth, ...extra });
  };
  const poly = (id: string, part: Part, corners: Vec3[], count: number, strokePx: number, extra: Partial<Piece> = {}): void => {
    const ps = corners.map(proj);
    const pts = count ? outline(ps, count) : ps.map(point);
    const centre = {
      x: pts.reduce((t, p) => t + p.x, 0) / pts.length,
      y: pts.reduce((t, p) => t + p.y, 0) / pts.length,
    };
    const depth = ps.reduce((t, p) => t + p.depth, 0) / ps.length;
    out.push({ id, part, kind: 'poly', a: centre, b: centre, pts, size: strokePx, depth, ...extra });
  };
  const prop = (id: string, a: Vec3, b: Vec3, depth = -900): void => limb(id, 'legs', a, b, 0, { cls: 'upr-prop', depth });

  // The floor: a line seen level, else a shadow round the figure; behind everything.
  const pelvis = at('pelvis');
  const lying = ['allFours', 'plank', 'prone', 'supine', 'floorSit', 'kneeling'].includes(base);
  const props = [
    ...(figure.props ?? []),
    ...(base === 'seated' && !figure.props?.some((p) => p.kind === 'chair') ? [{ kind: 'stool' } as const] : []),
  ];
  if (camera.pitch < 5) {
    prop('tallFloor', [0, 0, pelvis[2] - 90], [0, 0, pelvis[2] + 90], -999);
    const floor = out[out.length - 1];
    if (floor) out[out.length - 1] = { ...floor, cls: 'upr-floor' };
  } else if (!props.some((p) => p.kind === 'mat')) {
    const feet = mid(at('lAnkle'), at('rAnkle'));
    const centre: Vec3 = lying ? [0, 0, (pelvis[2] + at('chest')[2]) / 2] : [0, 0, feet[2] + 4];
    poly('floor', 'legs', ring(centre, lying ? 36 : 38, lying ? 60 : 34, IDENTITY, 24), 0, 0, { cls: 'upr-wall', depth: -999 });
  }
  for (const { kind, at: p = [0, 0, 0] as Vec3, size = 0 } of props) {
    if (kind === 'stool' || kind === 'chair') {
      const corners: Vec3[] = [
        [-21, SEAT_CM, -24],
        [21, SEAT_CM, -24],
        [21, SEAT_CM, 12],
        [-21, SEAT_CM, 12],
      ];
      poly('seat', 'legs', corners, 0, 3, { cls: 'upr-prop', depth: -900 });
      corners.forEach((c, i) => prop(`stool${i}`, add(c, [c[0] > 0 ? -2 : 2, 0, c[2] > 0 ? -2 : 2]), [c[0], 0, c[2]]));
      if (kind === 'chair') {
        // A back rising from the seat's back edge, with a top rail a hand can hold.
        const back: Vec3[] = [
          [-20, 90, -26],
          [20, 90, -26],
          [20, SEAT_CM + 4, -26],
          [-20, SEAT_CM + 4, -26],
        ];
        poly('chairBack', 'legs', back, 0, 3, { cls: 'upr-prop', depth: proj([0, 70, -26]).depth });
      }
    }
    if (kind === 'bench') {
      // A bench top at `at` (its near end), `size` long toward the back, 34 cm wide, on four legs.
      const [x, y, z] = p;
      const corners: Vec3[] = [
        [x - 17, y, z],
        [x + 17, y, z],
        [x + 17, y, z - size],
        [x - 17, y, z - size],
      ];
      poly('bench', 'legs', corners, 0, 3, { cls: 'upr-prop', depth: proj([x, y, z - size / 2]).depth - 40 });
      corners.forEach((c, i) => prop(`bench${i}`, add(c, [0, -1, i < 2 ? -4 : 4]), [c[0], 0, c[2] + (i < 2 ? -4 : 4)]));
    }
    if (kind === 'wall') {
      poly(
        'tallWall',
        'legs',
        [
          [-75, 0, p[2]],
          [75, 0, p[2]],
          [75, 200, p[2]],
          [-75, 200, p[2]],
        ],
        0,
        0,
        { cls: 'upr-wall', depth: -950 },
      );
    }
    if (kind === 'door') {
      // The frame: two jambs and the head, `size` apart, seen at depth `at[2]`.
      const [half, z] = [(size || 82) / 2, p[2]];
      const d = proj([0, 100, z]).depth;
      prop('tallJambL', [half, 0, z], [half, 205, z], d);
      prop('tallJambR', [-half, 0, z], [-half, 205, z], d);
      prop('tallHead', [-half, 205, z], [half, 205, z], d);
    }
    if (kind === 'bar') {
      limb('tallBar', 'legs', add(p, [-70, 0, 0]), add(p, [70, 0, 0]), 3.5, { cls: 'upr-bar', depth: proj(p).depth - 30 });
    }
    if (kind === 'post') prop('tallPost', [p[0], 0, p[2] - 4], [p[0], 200, p[2] - 4], proj(p).depth - 5);
    if (kind === 'mat') {
      const z = (pelvis[2] + at('chest')[2]) / 2;
      poly(
        'floor',
        'legs',
        [
          [-38, 0, z - 95],
          [38, 0, z - 95],
          [38, 0, z + 95],
          [-38, 0, z + 95],
        ],
        0,
        0,
        { cls: 'upr-wall', depth: -999 },
      );
    }
  }

  for (const s of ['l', 'r']) {
    limb(`${s}Thigh`, 'legs', at(`${s}Hip`), at(`${s}Knee`), WIDTH.thigh);
    limb(`${s}Shin`, 'legs', at(`${s}Knee`), at(`${s}Ankle`), WIDTH.shin);
    limb(`${s}Foot`, 'legs', at(`${s}Ankle`), at(`${s}Toe`), WIDTH.foot);
  }

  // The trunk: the outlines of rings at the hips and waist, and at the waist, chest and shoulders (which
  // follow the girdle); two outlines, so that a rounded or arched back shows its curve.
  const chest = at('chest');
  const waist = at('waist');
  const chestFrame: Frame = [at('chestX'), at('chestY'), at('chestZ')];
  const [lS, rS] = [at('lShoulder'), at('rShoulder')];
  const shoulders = mid(lS, rS);
  const shoulderHalf = length(sub(lS, rS)) / 2 + 3;
  const hipFrame = turnFrame(IDENTITY, 0, (valueOf(base, pose, '', 'pitch') as number | undefined) ?? 0);
  poly(
    'belly',
    'torso',
    [...ring(add(pelvis, inFrame(hipFrame, [0, -4, 0])), 16, 10, hipFrame), ...ring(waist, 14, 10, chestFrame)],
    12,
    sizeAt(3, chest),
  );
  poly(
    'torso',
    'torso',
    [
      ...ring(waist, 14, 10, chestFrame),
      ...ring(add(chest, inFrame(chestFrame, [0, -14, 0])), 16.5, 11, chestFrame),
      ...ring(add(shoulders, inFrame(chestFrame, [0, 1, 1])), shoulderHalf, 7.5, chestFrame),
    ],
    18,
    sizeAt(3, chest),
  );
  const torsoDepth = proj(mid(pelvis, chest)).depth;
  const trunk = out.slice(-2);
  for (const t of trunk) out[out.indexOf(t)] = { ...t, depth: torsoDepth };
  if (figure.blades) {
    // The spine, a groove down the back, between the blades.
    const spineBack = (y: number): Vec3 => add(chest, inFrame(chestFrame, [0, y, -10.5]));
    limb('spine', 'torso', spineBack(-1), add(waist, inFrame(chestFrame, [0, -12, -10])), 0.9, {
      cls: 'upr-edge',
      depth: torsoDepth + 0.5,
    });
    for (const s of ['l', 'r'])
      poly(
        `${s}Blade`,
        'blades',
        ['BladeTop', 'BladeOuter', 'BladeSide', 'BladeTip'].map((k) => at(`${s}${k}`)),
        0,
        sizeAt(2.4, chest),
        { depth: torsoDepth + 1 },
      );
  }

  // Neck and head, with eyes where they face the camera, a nose and chin that show past the head's edge.
  const head = at('head');
  const headDepth = proj(head).depth;
  limb('neck', 'neck', at('neckBase'), at('neckTop'), WIDTH.neck, { depth: headDepth - 0.3 });
  const headFrame: Frame = [at('headX'), at('headY'), at('headZ')];
  const onHead = (x: number, y: number, z: number): Vec3 => add(head, inFrame(headFrame, [x, y, z]));
  circle('nose', 'head', onHead(0, -1.5, 10.5), 2.2, { depth: headDepth - 0.2 });
  circle('chin', 'head', onHead(0, -7, 6.5), 4, { depth: headDepth - 0.1 });
  circle('head', 'head', head, BODY.head, { depth: headDepth });
  const { toward } = cameraAxes(camera);
  for (const side of [1, -1]) {
    const eye = onHead(side * 3.6, 1.5, 9.6);
    if (dot(unit(sub(eye, head)), toward) > 0.3)
      circle(side > 0 ? 'lEye' : 'rEye', 'head', eye, 1.6, { cls: 'upr-face', depth: headDepth + 0.1 });
  }
  if (figure.gaze) {
    // A plumb line up from the shoulder: the head ends over it.
    const shoulder = at('rShoulder');
    limb('plumb', 'torso', [0, shoulder[1] - 4, shoulder[2]], [0, head[1] + 16, shoulder[2]], 0, {
      cls: 'upr-gaze',
      depth: headDepth + 0.3,
    });
    const eyes = onHead(0, 1.5, 12);
    limb('gaze', 'head', eyes, add(eyes, sub(onHead(0, 1.5, 40), onHead(0, 1.5, 12))), 0, {
      cls: 'upr-gaze',
      depth: headDepth + 0.2,
    });
  }

  // Arms, with a gap round them so they read against the trunk, and hands: fists round a band, a weight or a bar, else open.
  const fists = figure.band !== undefined || figure.weight !== undefined || figure.grip === true;
  const handTip = (s: string): Vec3 => add(at(`${s}Wrist`), times(at(`${s}HandDir`), fists ? BODY.fist : BODY.hand));
  for (const s of ['l', 'r']) {
    limb(`${s}UpperArm`, 'arms', at(`${s}Shoulder`), at(`${s}Elbow`), WIDTH.upperArm, { edge: true });
    limb(`${s}Forearm`, 'arms', at(`${s}Elbow`), at(`${s}Wrist`), WIDTH.forearm, { edge: true });
    limb(`${s}Hand`, 'arms', at(`${s}Wrist`), handTip(s), fists ? WIDTH.fist : WIDTH.hand, { edge: true });
  }
  const hands = out.filter((p) => p.id.endsWith('Hand'));
  const grips = ['l', 'r'].map((s) => mid(at(`${s}Wrist`), handTip(s))) as [Vec3, Vec3];
  if (figure.band === true) {
    // The band runs through both fists; stretched, it is longer and thinner (its volume kept).
    const [a, b] = grips;
    const stretch = Math.max(1, Math.hypot(...sub(a, b)) / BODY.band);
    // In front of the chest, and under both fists.
    const depth = Math.max(torsoDepth + 1, Math.min(...hands.map((p) => p.depth ?? 0)) - 0.1);
    const width = 4.4 / Math.sqrt(stretch);
    limb('band', 'band', a, b, width, { depth });
    // The ends of the band stick out past the fists, so the fists are seen to hold it.
    const along = unit(sub(a, b));
    limb('lBandEnd', 'band', a, add(a, times(along, 7)), width, { depth });
    limb('rBandEnd', 'band', b, sub(b, times(along, 7)), width, { depth });
    for (const h of hands) out[out.indexOf(h)] = { ...h, depth: Math.max(h.depth ?? 0, depth + 0.1) };
  } else if (figure.band) {
    // Tied at a point: a strand from the knot to each fist, thinner the further it stretches.
    const knot = figure.band;
    circle('knot', 'band', knot, 2.5, { depth: proj(knot).depth });
    for (const [i, s] of ['l', 'r'].entries()) {
      const g = grips[i] ?? knot;
      const width = 3.6 / Math.sqrt(Math.max(1, length(sub(g, knot)) / 60));
      limb(`${s}Band`, 'band', knot, g, width, { depth: (proj(g).depth + proj(knot).depth) / 2 });
    }
  }
  if (figure.weight === 'barbell') {
    const [a, b] = grips;
    const along = unit(sub(a, b));
    const [endA, endB] = [add(a, times(along, 40)), sub(b, times(along, 40))];
    limb('barbell', 'ball', endA, endB, 3.2, { depth: (proj(a).depth + proj(b).depth) / 2 + 2 });
    // Sized plates are discs square to the bar: the outline of two rings a plate's thickness apart.
    const up = unit(sub([0, 1, 0], times(along, along[1])));
    const disc: Frame = [up, along, cross(along, up)];
    for (const [i, e] of [endA, endB].entries())
      if (figure.plate) {
        const [r, c1, c2] = [figure.plate / 2, add(e, times(along, i ? 6 : -6)), add(e, times(along, i ? 9 : -9))];
        poly(`plate${i}`, 'ball', [...ring(c1, r, r, disc, 12), ...ring(c2, r, r, disc, 12)], 12, sizeAt(1, e), { depth: proj(e).depth });
      } else limb(`plate${i}`, 'ball', add(e, times(along, i ? 6 : -6)), add(e, times(along, i ? 10 : -10)), 40, { depth: proj(e).depth });
  } else if (figure.weight) {
    for (const s of figure.weight === 'dumbbell' ? ['l'] : ['l', 'r']) {
      // The handle through the fist, square to the forearm, a head either end.
      const fore = at(`${s}HandDir`);
      const g = mid(at(`${s}Wrist`), handTip(s));
      const across = unit(sub(chestFrame[0], times(fore, dot(chestFrame[0], fore))));
      const d = proj(g).depth + 1.5;
      limb(`${s}Handle`, 'ball', sub(g, times(across, 9)), add(g, times(across, 9)), 2.6, { depth: d });
      limb(`${s}Bell`, 'ball', sub(g, times(across, 12)), sub(g, times(across, 8)), 11, { depth: d });
      limb(`${s}Bell2`, 'ball', add(g, times(across, 8)), add(g, times(across, 12)), 11, { depth: d });
    }
  }
  // Furniture that runs out of the picture is cut at its edge, and so are legs left out of a close frame.
  if (!cut) return out.sort((p, q) => (p.depth ?? 0) - (q.depth ?? 0));
  const shown: Piece[] = [];
  for (const p of out) {
    // A close frame leaves out the floor and the furniture under the figure: only their edges would show.
    if (figure.frame === 'upper' && (p.cls === 'upr-prop' || p.cls === 'upr-wall' || p.cls === 'upr-floor')) continue;
    if (p.kind === 'limb' && ((p.cls && p.cls !== 'upr-gaze') || figure.frame === 'upper')) {
      const cut = clipLine(p.a, p.b);
      if (cut) shown.push({ ...p, a: cut[0], b: cut[1] });
    } else if (p.kind === 'poly' && (p.cls === 'upr-wall' || figure.frame === 'upper'))
      shown.push({ ...p, pts: (p.pts ?? []).map((q) => ({ x: Math.min(198, Math.max(2, q.x)), y: Math.min(238, Math.max(2, q.y)) })) });
    else shown.push(p);
  }
  return shown.sort((p, q) => (p.depth ?? 0) - (q.depth ?? 0));
}
