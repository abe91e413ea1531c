import { type IllustrationSpec } from './render';
import { GRIP } from './specs/grip';
import { LOWER_BACK } from './specs/lowerBack';
import { POSTURE } from './specs/posture';
import { ROWS } from './specs/rows';
import { STRETCHES } from './specs/stretches';
import { WARM_UP } from './specs/warmUp';

/**
 * How each exercise is drawn, by exercise id, one file a group. A figure posed in depth (`depth`) is seen
 * through its own camera; the flat figure's side views face right, in px of a 200 × 240 box.
 */
export const ILLUSTRATIONS: Readonly<Record<string, IllustrationSpec>> = {
  ...WARM_UP,
  ...ROWS,
  ...POSTURE,
  ...LOWER_BACK,
  ...GRIP,
  ...STRETCHES,
};
