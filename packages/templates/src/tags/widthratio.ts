/**
 * Render time of `{% widthratio %}`: the ratio, rounded half to even as Python does.
 *
 * @module
 */
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { pyFloat, pyInt } from '../internal/python-number.js';
import { locate, type MissingInfo } from '../internal/runtime/render-state.js';

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `{% widthratio %}`. */
export function widthRatio(
  value: unknown,
  max: unknown,
  width: unknown,
  info?: MissingInfo,
): string {
  let maxWidth: number;
  try {
    maxWidth = pyInt(width);
  } catch {
    const error = new TemplateSyntaxError('widthratio final argument must be a number');
    throw info === undefined ? error : locate(error, info);
  }
  try {
    const v = pyFloat(value);
    const m = pyFloat(max);
    if (m === 0) return '0';
    const ratio = (v / m) * maxWidth;
    if (!Number.isFinite(ratio)) return '';
    return String(roundHalfEven(ratio) + 0);
  } catch {
    return '';
  }
}
