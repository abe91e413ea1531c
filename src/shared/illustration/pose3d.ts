/**
 * The figure posed in depth: a skeleton in centimetres with an adult's proportions, posed by joint angles
 * and a shoulder girdle that slides, seen through a `Camera` chosen per exercise. Limbs come out nearest
 * last, those on the side away from the camera thinner and fainter. Pure: no DOM, no clock.
 */
import { add, type Camera, cameraAxes, dot, project, type Projected, rad, sub, times, unit, type Vec3, zoomAt } from './camera';
import { type Part, type Piece, type Point } from './figure';

/** Joint angles (degrees) and slides (cm). Both arms move alike. Missing values are 0. */
export interface Pose3D {
  /** The shoulder blades drawn in toward the spine, cm (negative: spread round the ribs). */
  readonly retract?: number;
  /** The shoulder girdle drawn down, cm (negative: lifted). */
  readonly depress?: number;
  /** The head glides forward (+) or back (-) over the shoulders, cm; the eyes stay level unless it nods. */
  readonly glide?: number;
  /** The head nods down (+), degrees. */
  readonly nod?: number;
  /** The arms raised from hanging (0) to level (90). */
  readonly raise?: number;
  /** The raised arms swing from straight forward (0) out to the sides (90). */
  readonly swing?: number;
  /** The elbows bend, the forearms turning forward (or up, for an arm held forward). */
  readonly elbow?: number;
}

/** How an exercise is seen and what is in the scene with the figure. */
export interface Figure3D {
  readonly camera: Camera;
  /** A band held between the fists (which then grip). */
  readonly band?: boolean;
  /** The shoulder blades drawn on the back (a camera behind the figure). */
  readonly blades?: boolean;
  /** A dashed line of sight from the eyes, to show that they stay level. */
  readonly gaze?: boolean;
}

/** Segment lengths and thicknesses, cm, for a person about 170 cm tall. */
const BODY = {
  spine: 47,
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

/** The joints of the figure in `pose`, cm. Sides are 1 (the figure's left) and -1 (its right). */
export function skeleton(base: 'standing' | 'seated', pose: Pose3D): Record<string, Vec3> {
  const seated = base === 'seated';
  const pelvis: Vec3 = seated ? [0, SEAT_CM + 8, -6] : [0, 95, 0];
  const chest = add(pelvis, [0, BODY.spine, seated ? 0 : -2]);
  const retract = pose.retract ?? 0;
  const depress = pose.depress ?? 0;
  const glide = pose.glide ?? 0;
  const joints: Record<string, Vec3> = { pelvis, chest };
  const neckBase = add(chest, [0, 0, 1]);
  // The lower neck leans back with the glide and the upper neck straightens: the head moves level.
  const neckTop = add(neckBase, [0, BODY.neck, 1 + glide * 0.55]);
  joints.neckBase = neckBase;
  joints.neckTop = neckTop;
  joints.head = add(neckTop, [0, 8.5, 1.5 + glide * 0.45]);
  for (const side of [1, -1]) {
    const s = side > 0 ? 'l' : 'r';
    // The girdle slides round the ribs: the shoulder goes back, a little in, and down with the blades.
    const shoulder = add(chest, [side * (BODY.shoulderHalf - 0.3 * retract), -3 - depress, -1 - 0.8 * retract]);
    const [raise, swing] = [rad(pose.raise ?? 0), rad(pose.swing ?? 0)];
    const upper: Vec3 = [side * Math.sin(raise) * Math.sin(swing), -Math.cos(raise), Math.sin(raise) * Math.cos(swing)];
    // The forearm turns toward the front (an arm held forward bends upward).
    const toward: Vec3 = Math.abs(upper[2]) > 0.95 ? [0, 1, 0] : [0, 0, 1];
    const across = unit(sub(toward, times(upper, dot(toward, upper))));
    const bend = rad(pose.elbow ?? 0);
    const fore = add(times(upper, Math.cos(bend)), times(across, Math.sin(bend)));
    const elbow = add(shoulder, times(upper, BODY.upperArm));
    const wrist = add(elbow, times(fore, BODY.forearm));
    joints[`${s}Shoulder`] = shoulder;
    joints[`${s}Elbow`] = elbow;
    joints[`${s}Wrist`] = wrist;
    joints[`${s}ForeDir`] = fore;
    const hip = add(pelvis, [side * 9, -2, 0]);
    const knee = seated ? add(hip, [side * 2, -4, BODY.thigh - 0.2]) : add(hip, [side * 0.5, -BODY.thigh, 0]);
    const ankle = seated ? add(knee, [0, -BODY.shin + 0.2, 4]) : add(knee, [side * 0.5, -BODY.shin, 0]);
    joints[`${s}Hip`] = hip;
    joints[`${s}Knee`] = knee;
    joints[`${s}Ankle`] = ankle;
    joints[`${s}Toe`] = add(ankle, [side * 2, -6, BODY.foot - 1]);
    // The blade: its inner edge beside the spine, the top corner out toward the shoulder, the lower tip
    // turning in as it is drawn down and back.
    const inner = 7.5 - retract;
    const top = chest[1] - 4 - depress;
    const back = (x: number): number => chest[2] - 11 * Math.sqrt(Math.max(0.25, 1 - (x / 19) ** 2)) - 0.6;
    const blade = (x: number, y: number): Vec3 => [side * x, y, back(x)];
    joints[`${s}BladeTop`] = blade(inner, top);
    joints[`${s}BladeOuter`] = blade(inner + 10, top + 1);
    joints[`${s}BladeSide`] = blade(inner + 7.5, top - 8);
    joints[`${s}BladeTip`] = blade(inner + 1.8 - 0.25 * retract, top - 15);
  }
  return joints;
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

/** A ring of points round a vertical axis, cm. */
function ring(centre: Vec3, rx: number, rz: number, count = 10): Vec3[] {
  return Array.from({ length: count }, (_, i): Vec3 => {
    const a = (2 * Math.PI * i) / count;
    return [centre[0] + rx * Math.cos(a), centre[1], centre[2] + rz * Math.sin(a)];
  });
}

/** The pieces of the figure in `pose` seen through the figure's camera, nearest last. */
export function pieces3d(figure: Figure3D, base: 'standing' | 'seated', pose: Pose3D): Piece[] {
  const { camera } = figure;
  const j = skeleton(base, pose);
  const at = (name: string): Vec3 => j[name] ?? [0, 0, 0];
  const proj = (v: Vec3): Projected => project(camera, v);
  const sizeAt = (cm: number, v: Vec3): number => cm * zoomAt(camera, proj(v).depth);
  // The side whose shoulder is further from the camera is drawn thinner and fainter.
  const farSide = proj(at('lShoulder')).depth < proj(at('rShoulder')).depth ? 'l' : 'r';
  const out: Piece[] = [];
  const limb = (id: string, part: Part, a: Vec3, b: Vec3, widthCm: number, extra: Partial<Piece> = {}): void => {
    const far = id[0] === farSide && /^[lr][A-Z]/.test(id);
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

  // The floor, and a stool to sit on: behind everything.
  const floorZ = base === 'seated' ? 4 : 6;
  if (camera.pitch < 5) {
    const ends = [-70, 70].map((dz) => proj([0, 0, floorZ + dz]));
    const clamp = (p: Projected): Point => ({ x: Math.min(194, Math.max(6, p.x)), y: p.y });
    out.push({
      id: 'floor',
      part: 'legs',
      kind: 'limb',
      a: clamp(ends[0] as Projected),
      b: clamp(ends[1] as Projected),
      size: 0,
      cls: 'upr-floor',
      depth: -999,
    });
  } else {
    poly('floor', 'legs', ring([0, 0, floorZ], base === 'seated' ? 32 : 40, base === 'seated' ? 30 : 36, 24), 0, 0, {
      cls: 'upr-wall',
      depth: -999,
    });
  }
  if (base === 'seated') {
    const corners: Vec3[] = [
      [-21, SEAT_CM, -24],
      [21, SEAT_CM, -24],
      [21, SEAT_CM, 12],
      [-21, SEAT_CM, 12],
    ];
    poly('seat', 'legs', corners, 0, 3, { cls: 'upr-prop', depth: -900 });
    corners.forEach((c, i) =>
      limb(`stool${i}`, 'legs', add(c, [c[0] > 0 ? -2 : 2, 0, c[2] > 0 ? -2 : 2]), [c[0], 0, c[2]], 0, { cls: 'upr-prop', depth: -900 }),
    );
  }

  for (const s of ['l', 'r']) {
    limb(`${s}Thigh`, 'legs', at(`${s}Hip`), at(`${s}Knee`), WIDTH.thigh);
    limb(`${s}Shin`, 'legs', at(`${s}Knee`), at(`${s}Ankle`), WIDTH.shin);
    limb(`${s}Foot`, 'legs', at(`${s}Ankle`), at(`${s}Toe`), WIDTH.foot);
  }

  // The trunk: the outline of rings at the hips, waist, chest and shoulders (which follow the girdle).
  const pelvis = at('pelvis');
  const chest = at('chest');
  const shoulderY = (at('lShoulder')[1] + at('rShoulder')[1]) / 2;
  const shoulderZ = (at('lShoulder')[2] + at('rShoulder')[2]) / 2;
  const shoulderHalf = at('lShoulder')[0] + 3;
  poly(
    'torso',
    'torso',
    [
      ...ring(add(pelvis, [0, -4, 0]), 16, 10),
      ...ring(add(pelvis, [0, 18, 0]), 14, 10),
      ...ring([0, chest[1] - 14, chest[2]], 16.5, 11),
      ...ring([0, shoulderY + 1, shoulderZ + 1], shoulderHalf, 7.5),
    ],
    18,
    sizeAt(3, chest),
  );
  const torsoDepth = proj(mid(pelvis, chest)).depth;
  if (figure.blades) {
    // The spine, a groove down the back, between the blades.
    const spineBack = (y: number): Vec3 => [0, y, chest[2] - 10.5];
    limb('spine', 'torso', spineBack(chest[1] - 1), spineBack(pelvis[1] + 8), 0.9, { cls: 'upr-edge', depth: torsoDepth + 0.5 });
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
  const nod = rad(pose.nod ?? 0);
  const onHead = (x: number, y: number, z: number): Vec3 =>
    add(head, [x, y * Math.cos(nod) - z * Math.sin(nod), y * Math.sin(nod) + z * Math.cos(nod)]);
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
    limb('gaze', 'head', eyes, add(eyes, times(sub(onHead(0, 1.5, 40), onHead(0, 1.5, 12)), 1)), 0, {
      cls: 'upr-gaze',
      depth: headDepth + 0.2,
    });
  }

  // Arms, with a gap round them so they read against the trunk, and hands: fists round a band, else open.
  const fists = figure.band === true;
  const handTip = (s: string): Vec3 => add(at(`${s}Wrist`), times(at(`${s}ForeDir`), fists ? BODY.fist : BODY.hand));
  for (const s of ['l', 'r']) {
    limb(`${s}UpperArm`, 'arms', at(`${s}Shoulder`), at(`${s}Elbow`), WIDTH.upperArm, { edge: true });
    limb(`${s}Forearm`, 'arms', at(`${s}Elbow`), at(`${s}Wrist`), WIDTH.forearm, { edge: true });
    limb(`${s}Hand`, 'arms', at(`${s}Wrist`), handTip(s), fists ? WIDTH.fist : WIDTH.hand, { edge: true });
  }
  if (fists) {
    // The band runs through both fists; stretched, it is longer and thinner (its volume kept).
    const [a, b] = [mid(at('lWrist'), handTip('l')), mid(at('rWrist'), handTip('r'))];
    const stretch = Math.max(1, Math.hypot(...sub(a, b)) / BODY.band);
    // In front of the chest, and under both fists.
    const hands = out.filter((p) => p.id.endsWith('Hand'));
    const depth = Math.max(torsoDepth + 1, Math.min(...hands.map((p) => p.depth ?? 0)) - 0.1);
    const width = 4.4 / Math.sqrt(stretch);
    limb('band', 'band', a, b, width, { depth });
    // The ends of the band stick out past the fists, so the fists are seen to hold it.
    const along = unit(sub(a, b));
    limb('lBandEnd', 'band', a, add(a, times(along, 7)), width, { depth });
    limb('rBandEnd', 'band', b, sub(b, times(along, 7)), width, { depth });
    for (const h of hands) out[out.indexOf(h)] = { ...h, depth: Math.max(h.depth ?? 0, depth + 0.1) };
  }
  return out.sort((p, q) => (p.depth ?? 0) - (q.depth ?? 0));
}
