/**
 * Render time of `{% url %}`: reverse through the engine's or the render's `reverse`; `as var` silences NoReverseMatch.
 *
 * @module
 */
import { pyRepr } from '../internal/python-str.js';
import { pythonStr } from '../internal/runtime/output.js';
import type { RenderState } from '../internal/runtime/render-state.js';

function isNoReverseMatch(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; [k: symbol]: unknown };
  return (
    e.name === 'NoReverseMatch' ||
    e.code === 'urls.no_reverse_match' ||
    e[Symbol.for('reins.NoReverseMatch')] === true
  );
}

/** `{% url %}`: reverse through the engine's or the render's `reverse`. */
export function reverseUrl(
  s: RenderState,
  view: unknown,
  args: unknown[],
  kwargs: Record<string, unknown>,
  silent: boolean,
): string {
  const reverse = s.reverse;
  if (reverse === undefined) {
    throw new Error(
      `{% url ${pyRepr(pythonStr(view))} %} needs a reverse function: pass \`reverse\` in the Engine options or in the render options.`,
    );
  }
  const request = s.request as
    { currentApp?: unknown; resolverMatch?: { namespace?: unknown } | null } | undefined;
  const currentApp = (request?.currentApp ?? request?.resolverMatch?.namespace ?? null) as
    string | null;
  const options: {
    args?: unknown[];
    kwargs?: Record<string, unknown>;
    currentApp?: string | null;
  } = { currentApp };
  if (args.length > 0) options.args = args;
  if (Object.keys(kwargs).length > 0) options.kwargs = kwargs;
  try {
    return reverse(pythonStr(view), options);
  } catch (error) {
    if (silent && isNoReverseMatch(error)) return '';
    throw error;
  }
}
