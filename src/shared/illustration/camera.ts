/**
 * A camera for the figure posed in depth: where it stands round the person and how far above, and a
 * projection of points in centimetres onto the 200 × 240 picture. Pure: no DOM, no clock.
 */

/** A point or direction in centimetres: x toward the figure's left, y up from the floor, z the way the figure faces. */
export type Vec3 = readonly [number, number, number];

export interface Camera {
  /** Where the camera stands round the figure, degrees: 0 in front, 90 at the figure's left, -90 at its right, 180 behind. */
  readonly yaw: number;
  /** How far above the figure it looks down from, degrees (0 level). */
  readonly pitch: number;
  /** Px per cm at the depth of `target`. */
  readonly zoom: number;
  /** The point of the body (cm) drawn at `at`. */
  readonly target: Vec3;
  readonly at: readonly [number, number];
}

/** A point on the picture, and how far it lies toward the camera from the target (cm): larger is nearer. */
export interface Projected {
  readonly x: number;
  readonly y: number;
  readonly depth: number;
}

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const times = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const length = (a: Vec3): number => Math.sqrt(dot(a, a));
export const unit = (a: Vec3): Vec3 => times(a, 1 / (length(a) || 1));
export const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * The camera stands this far from the target (cm). Far enough that lengths barely change with depth, near
 * enough that a limb reaching toward the viewer is drawn a little larger.
 */
const DISTANCE_CM = 420;

/** The camera's directions: toward the camera from the target, the picture's right, and its up. */
export function cameraAxes(camera: Camera): { toward: Vec3; right: Vec3; up: Vec3 } {
  const [yaw, pitch] = [rad(camera.yaw), rad(camera.pitch)];
  const toward: Vec3 = [Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), Math.cos(yaw) * Math.cos(pitch)];
  const right: Vec3 = [Math.cos(yaw), 0, -Math.sin(yaw)];
  // up = toward × right
  const up: Vec3 = [
    toward[1] * right[2] - toward[2] * right[1],
    toward[2] * right[0] - toward[0] * right[2],
    toward[0] * right[1] - toward[1] * right[0],
  ];
  return { toward, right, up };
}

/** Px per cm at this depth: a little more for what is nearer. */
export function zoomAt(camera: Camera, depth: number): number {
  return (camera.zoom * DISTANCE_CM) / (DISTANCE_CM - depth);
}

/** Where a point of the body falls on the picture. */
export function project(camera: Camera, point: Vec3): Projected {
  const { toward, right, up } = cameraAxes(camera);
  const d = sub(point, camera.target);
  const depth = dot(d, toward);
  const k = zoomAt(camera, depth);
  return { x: camera.at[0] + k * dot(d, right), y: camera.at[1] - k * dot(d, up), depth };
}
