/**
 * A drawn person for the exercise illustrations: a jointed figure with rounded limbs, seen from the side,
 * the front or the back. Poses are joint angles; forward kinematics turns them into limb positions, and
 * `renderIllustration` (render.ts) animates between key poses. Pure: no DOM, no clock.
 */

export type View = 'side' | 'front' | 'back';
export type Base = 'standing' | 'seated' | 'hinged' | 'kneeling' | 'prone' | 'supine';

/** Joint angles in degrees (side view faces right). Missing values are 0. */
export interface Pose {
  /** Side: trunk lean forward from upright. Front/back: side bend to the figure's right. */
  readonly trunk?: number;
  /** Side: head glide forward (+) or back (-), in px. Front/back: head tilt to the figure's right. */
  readonly headGlide?: number;
  /** Side: head nod down (+). Front/back: head tilt toward the right shoulder (+). */
  readonly headTilt?: number;
  /** Side: arm raised forward from hanging (0) to overhead (180). */
  readonly shoulder?: number;
  readonly elbow?: number;
  /** Front/back: each arm raised sideways from hanging (0) to overhead (180). */
  readonly leftArm?: number;
  readonly rightArm?: number;
  readonly leftElbow?: number;
  readonly rightElbow?: number;
  /**
   * Front/back: arms held at shoulder height, swung from pointing at the viewer (0) to straight out to
   * the sides (90). When set, it replaces leftArm/rightArm.
   */
  readonly armsOpen?: number;
  /** Back view: how far the shoulder blades sit from the spine, px (about 14 relaxed, 8 squeezed). */
  readonly blades?: number;
  readonly hip?: number;
  readonly knee?: number;
}

export type Part = 'head' | 'neck' | 'torso' | 'arms' | 'legs' | 'blades' | 'band';

/** Segment lengths (px in a 200 × 240 box). */
const L = { torso: 58, neck: 9, headR: 13, upperArm: 33, forearm: 29, thigh: 46, shin: 44, shoulderHalf: 21, hipHalf: 10 };
export const FIGURE_BOX = { width: 200, height: 240, ground: 228 };

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One drawn piece: a rounded limb from `a` to `b`, or a circle at `a`. */
export interface Piece {
  readonly id: string;
  readonly part: Part;
  readonly kind: 'limb' | 'circle' | 'blade';
  readonly a: Point;
  readonly b: Point;
  /** Limb thickness, or circle radius. */
  readonly size: number;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;
/** The point `length` away from `from` at `angleDeg`, measured from straight down, turning toward +x. */
function along(from: Point, length: number, angleDeg: number): Point {
  return { x: from.x + length * Math.sin(rad(angleDeg)), y: from.y + length * Math.cos(rad(angleDeg)) };
}

function hipOf(base: Base): Point {
  switch (base) {
    case 'seated':
      return { x: 84, y: 150 };
    case 'kneeling':
      return { x: 100, y: 150 };
    case 'prone':
    case 'supine':
      return { x: 80, y: 204 };
    default:
      return { x: 100, y: FIGURE_BOX.ground - L.thigh - L.shin - 4 };
  }
}

/** The pieces of the figure in `pose`, in drawing order (far side first). */
export function pieces(view: View, base: Base, pose: Pose): Piece[] {
  return view === 'side' ? sidePieces(base, pose) : frontPieces(view, base, pose);
}

function sidePieces(base: Base, p: Pose): Piece[] {
  const hip = hipOf(base);
  const lying = base === 'prone' || base === 'supine';
  // Trunk angle measured from straight up, leaning toward +x (forward). Lying down is 90°.
  const trunkDeg = (lying ? 90 : 0) + (p.trunk ?? 0);
  const shoulderPt = along(hip, L.torso, 180 - trunkDeg);
  const neckBase = along(hip, L.torso + 3, 180 - trunkDeg);
  const headGlide = p.headGlide ?? 0;
  const neckTop = along(neckBase, L.neck, 180 - trunkDeg);
  const headCentre = { x: neckTop.x + headGlide + L.headR * Math.sin(rad(trunkDeg)), y: neckTop.y - L.headR * Math.cos(rad(trunkDeg)) };
  // The face: a short nose mark toward the front, turned by the nod.
  const faceDeg = 90 - trunkDeg + (p.headTilt ?? 0);
  const nose = { x: headCentre.x + L.headR * Math.sin(rad(180 - faceDeg)), y: headCentre.y + L.headR * Math.cos(rad(180 - faceDeg)) };
  // Arm angle: 0 hangs along the trunk's down direction, raising toward the front.
  const armDeg = -trunkDeg + (p.shoulder ?? 0);
  const elbowPt = along(shoulderPt, L.upperArm, armDeg + (lying ? 0 : 0));
  const handPt = along(elbowPt, L.forearm, armDeg + (p.elbow ?? 0));
  let hipDeg: number;
  let kneeDeg: number;
  if (base === 'seated') {
    hipDeg = 90 + (p.hip ?? 0);
    kneeDeg = -90 - (p.knee ?? 0);
  } else if (base === 'kneeling') {
    hipDeg = p.hip ?? 0;
    kneeDeg = -90;
  } else if (lying) {
    hipDeg = -90 + (p.hip ?? 0) * (base === 'supine' ? -1 : 1);
    kneeDeg = (p.knee ?? 0) * (base === 'supine' ? 1 : -1);
  } else {
    hipDeg = p.hip ?? 0;
    kneeDeg = -(p.knee ?? 0);
  }
  const kneePt = along(hip, L.thigh, hipDeg);
  const footPt = along(kneePt, L.shin, hipDeg + kneeDeg);
  return [
    { id: 'thigh', part: 'legs', kind: 'limb', a: hip, b: kneePt, size: 15 },
    { id: 'shin', part: 'legs', kind: 'limb', a: kneePt, b: footPt, size: 12 },
    { id: 'torso', part: 'torso', kind: 'limb', a: hip, b: shoulderPt, size: 26 },
    { id: 'neck', part: 'neck', kind: 'limb', a: neckBase, b: { x: neckTop.x + headGlide * 0.6, y: neckTop.y }, size: 9 },
    { id: 'head', part: 'head', kind: 'circle', a: headCentre, b: nose, size: L.headR },
    { id: 'upperArm', part: 'arms', kind: 'limb', a: shoulderPt, b: elbowPt, size: 11 },
    { id: 'forearm', part: 'arms', kind: 'limb', a: elbowPt, b: handPt, size: 9 },
  ];
}

function frontPieces(view: View, base: Base, p: Pose): Piece[] {
  const hip = hipOf(base);
  // Figure's right is the viewer's left from the front, and the viewer's right from the back.
  const rightSign = view === 'front' ? -1 : 1;
  const bend = (p.trunk ?? 0) * -rightSign;
  const neckBase = along(hip, L.torso + 3, 180 + bend);
  const shoulderMid = along(hip, L.torso - 4, 180 + bend);
  const across = (from: Point, dist: number): Point => ({ x: from.x + dist * Math.cos(rad(bend)), y: from.y + dist * Math.sin(rad(bend)) });
  const rightShoulder = across(shoulderMid, rightSign * L.shoulderHalf);
  const leftShoulder = across(shoulderMid, -rightSign * L.shoulderHalf);
  const tilt = (p.headTilt ?? 0) * -rightSign;
  // The neck bends with the head, about half as far.
  const neckTop = along(neckBase, L.neck, 180 + bend + tilt * 0.5);
  const headCentre = along(neckTop, L.headR, 180 + bend + tilt);
  const arm = (shoulder: Point, side: 1 | -1, raise: number, elbow: number): Piece[] => {
    if (p.armsOpen !== undefined) {
      // Arms at shoulder height; seen from the front they look short when pointing at the viewer.
      const reach = Math.sin(rad(p.armsOpen));
      const elbowPt = { x: shoulder.x + side * L.upperArm * Math.max(0.18, reach), y: shoulder.y + 2 };
      const hand = { x: elbowPt.x + side * L.forearm * Math.max(0.18, reach), y: shoulder.y + 3 };
      return [
        { id: `${side === rightSign ? 'right' : 'left'}UpperArm`, part: 'arms', kind: 'limb', a: shoulder, b: elbowPt, size: 11 },
        { id: `${side === rightSign ? 'right' : 'left'}Forearm`, part: 'arms', kind: 'limb', a: elbowPt, b: hand, size: 9 },
      ];
    }
    const upperDeg = side * raise;
    const elbowPt = along(shoulder, L.upperArm, upperDeg);
    const hand = along(elbowPt, L.forearm, upperDeg + side * elbow);
    return [
      { id: `${side === rightSign ? 'right' : 'left'}UpperArm`, part: 'arms', kind: 'limb', a: shoulder, b: elbowPt, size: 11 },
      { id: `${side === rightSign ? 'right' : 'left'}Forearm`, part: 'arms', kind: 'limb', a: elbowPt, b: hand, size: 9 },
    ];
  };
  const seated = base === 'seated';
  const leg = (side: 1 | -1): Piece[] => {
    const top = across(hip, side * L.hipHalf);
    const knee = seated ? { x: top.x + side * 3, y: top.y + 12 } : along(top, L.thigh, side * 3);
    const foot = seated ? { x: knee.x, y: knee.y + L.shin } : along(knee, L.shin, side * 1);
    return [
      { id: `${side > 0 ? 'r' : 'l'}Thigh`, part: 'legs', kind: 'limb', a: top, b: knee, size: 15 },
      { id: `${side > 0 ? 'r' : 'l'}Shin`, part: 'legs', kind: 'limb', a: knee, b: foot, size: 12 },
    ];
  };
  const out: Piece[] = [...leg(-1), ...leg(1), { id: 'torso', part: 'torso', kind: 'limb', a: hip, b: shoulderMid, size: 40 }];
  if (view === 'back') {
    // Shoulder blades: slanted plates either side of the spine, drawn in at the bottom.
    const spread = p.blades ?? 14;
    const bladeTop = along(hip, L.torso - 10, 180 + bend);
    const blade = (side: 1 | -1): Piece => {
      const top = across(bladeTop, side * (spread + 4));
      return { id: `${side > 0 ? 'right' : 'left'}Blade`, part: 'blades', kind: 'blade', a: top, b: along(top, 17, -side * 14 + bend), size: 9 };
    };
    out.push(blade(-1), blade(1));
  }
  out.push(
    { id: 'neck', part: 'neck', kind: 'limb', a: neckBase, b: neckTop, size: 10 },
    { id: 'head', part: 'head', kind: 'circle', a: headCentre, b: headCentre, size: L.headR },
    ...arm(rightShoulder, rightSign, p.rightArm ?? 0, p.rightElbow ?? 0),
    ...arm(leftShoulder, -rightSign as 1 | -1, p.leftArm ?? 0, p.leftElbow ?? 0),
  );
  return out;
}

/** Where the hands are (for a band held between them). */
export function hands(view: View, base: Base, pose: Pose): [Point, Point] {
  const ps = pieces(view, base, pose).filter((x) => x.id.endsWith('orearm') || x.id === 'forearm');
  const first = ps[0]?.b ?? { x: 0, y: 0 };
  return [first, ps[1]?.b ?? first];
}
