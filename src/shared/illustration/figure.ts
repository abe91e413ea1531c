/**
 * The drawn pieces of an exercise picture, and the one picture not drawn from the figure posed in depth
 * (pose3d.ts): a close-up of a hand squeezing a ball, where the fingers closing are the whole lesson.
 * Pure: no DOM, no clock.
 */
/** The side a picture is seen from, as its label says it (the camera decides what is drawn). */
export type View = 'side' | 'front' | 'back';
/** A point in the 200 × 240 box. */
export type XY = readonly [number, number];

/** A key pose of the hand close-up: 0 open, 1 squeezing. */
export interface Pose {
  readonly grip?: number;
}

export type Part = 'head' | 'neck' | 'torso' | 'shoulders' | 'arms' | 'hands' | 'legs' | 'blades' | 'band' | 'ball';

/** The picture's box, px, and the lowest a framed figure stands in it. */
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

const sin = (deg: number): number => Math.sin((deg * Math.PI) / 180);
const cos = (deg: number): number => Math.cos((deg * Math.PI) / 180);

function along(from: Point, length: number, angleDeg: number): Point {
  return { x: from.x + length * sin(angleDeg), y: from.y + length * cos(angleDeg) };
}

const limb = (id: string, part: Part, a: Point, b: Point, size: number, twin?: string): Piece => ({
  id,
  part,
  kind: 'limb',
  a,
  b,
  size,
  ...(twin && { twin }),
});

/** The pieces of the hand close-up in `pose`. */
export function pieces(pose: Pose): Piece[] {
  return handPieces(pose.grip ?? 0);
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
