import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoutePattern } from './route-pattern.js';

/** What the native regex gives for a route: the rest and the raw captures. */
function native(
  pattern: RoutePattern,
  text: string,
): { rest: string; kwargs: Record<string, unknown> } | null {
  const m = pattern.regex.exec(text);
  if (m === null) return null;
  const kwargs: Record<string, unknown> = {};
  pattern.paramNames.forEach((name, i) => {
    kwargs[name] = pattern.converters.get(name)!.converter.toJs(m[i + 1]!);
  });
  return { rest: text.slice(m[0].length), kwargs };
}

const piece = fc.constantFrom('-', 'x', '/', 'a-', '<str>', '<path>', '<slug>', '<int>');
const route = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => {
  let n = 0;
  return pieces.map((p) => (p.startsWith('<') ? `<${p.slice(1, -1)}:p${n++}>` : p)).join('');
});
const text = fc
  .array(fc.constantFrom('a', '1', '-', 'x', '/'), { maxLength: 10 })
  .map((xs) => xs.join(''));

describe('path() routes on the linear engine', () => {
  it('match and capture exactly as the native regex does', () => {
    let linear = 0;
    fc.assert(
      fc.property(route, fc.boolean(), text, (source, isEndpoint, input) => {
        let pattern: RoutePattern;
        try {
          pattern = new RoutePattern(source, isEndpoint);
        } catch {
          return;
        }
        if (pattern.linear !== null) linear++;
        let expected: ReturnType<RoutePattern['match']>;
        try {
          const m = native(pattern, input);
          expected = m === null ? null : { ...m, args: [] };
        } catch {
          expected = null;
        }
        // match() itself (native below the pattern's cheap length), and the linear engine forced.
        expect(pattern.match(input)).toEqual(expected);
        if (pattern.linear !== null) {
          expect(pattern.matchLinear(pattern.linear, input)).toEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
    // Most generated routes put two placeholders side by side: the comparison is not vacuous.
    expect(linear).toBeGreaterThan(200);
  });
});
