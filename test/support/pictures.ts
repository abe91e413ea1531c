/** Shared look-ups for the tests of what each exercise picture drawn in depth must show. */
import * as assert from 'node:assert/strict';

import { length, sub, type Vec3 } from '../../src/shared/illustration/camera';
import { type Piece } from '../../src/shared/illustration/figure';
import { type Base3D, type Pose3D, skeleton } from '../../src/shared/illustration/pose3d';
import { type IllustrationSpec, keyPosesOf } from '../../src/shared/illustration/render';
import { ILLUSTRATIONS } from '../../src/shared/illustration/specs';

/** An exercise's picture, which must be drawn in depth. */
export function depthSpec(id: string): IllustrationSpec {
  const found = ILLUSTRATIONS[id];
  assert.ok(found?.depth, `${id} is drawn in depth`);
  return found;
}

/** The joints (cm) of each key pose of an exercise, filled as the picture draws them. */
export function keyJoints(id: string): Record<string, Vec3>[] {
  const s = depthSpec(id);
  return (keyPosesOf(s) as Pose3D[]).map((p) => skeleton(s.base as Base3D, p));
}

/** One joint of a skeleton. */
export const joint = (j: Record<string, Vec3> | undefined, name: string): Vec3 => j?.[name] ?? assert.fail(`no joint ${name}`);

/** One drawn piece, by id. */
export const piece = (ps: Piece[], id: string): Piece => ps.find((p) => p.id === id) ?? assert.fail(`no piece ${id}`);

/** How far apart two points are, cm. */
export const dist = (a: Vec3, b: Vec3): number => length(sub(a, b));
