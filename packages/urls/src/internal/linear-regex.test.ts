import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinear, UnsupportedByLinearEngine } from './linear-regex.js';
import type { LinearOptions } from './linear-regex.js';
import { emitJs, parsePythonRegex } from './python-regex.js';

/** The captures the native engine gives, as the linear engine reports them (-1 when unset). */
function nativeCaptures(source: string, input: string, options: LinearOptions): number[] | null {
  const parsed = parsePythonRegex(source);
  const js = emitJs(parsed);
  const regex = new RegExp(options.fullmatch ? `^(?:${js})$` : js, 'du');
  const m = regex.exec(input);
  if (m === null) return null;
  const out: number[] = [];
  for (const pair of m.indices!) out.push(pair?.[0] ?? -1, pair?.[1] ?? -1);
  return out;
}

function linearCaptures(
  source: string,
  input: string,
  options: LinearOptions,
  engine?: 'pike' | 'backtrack',
): number[] | null {
  const parsed = parsePythonRegex(source);
  const linear = compileLinear(
    [{ root: parsed.root, flags: parsed.flags }],
    [parsed.groupCount],
    options,
  );
  return linear.exec(input, engine);
}

const regexSource: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string; seq: string }>(
  (tie) => ({
    atom: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b', '-', '[ab]', '[^-]', '.', '\\w', '^', '$', '\\b'),
      tie('re').map((r) => `(${r})`),
      tie('re').map((r) => `(?:${r})`),
      fc
        .tuple(
          tie('atom'),
          fc.constantFrom('*', '+', '?', '{2}', '{0,2}', '{1,3}', '{2,}'),
          fc.boolean(),
        )
        .filter(([a]) => !/[*+?}]$/.test(a) && a !== '^' && a !== '$' && a !== '\\b')
        .map(([a, q, lazy]) => `${a}${q}${lazy ? '?' : ''}`),
    ),
    seq: fc.array(tie('atom'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
    re: fc.oneof(
      { depthSize: 'small' },
      tie('seq'),
      fc.tuple(tie('seq'), tie('seq')).map(([x, y]) => `${x}|${y}`),
    ),
  }),
).re;

const input = fc
  .array(fc.constantFrom('a', 'b', '-', '\n'), { maxLength: 8 })
  .map((xs) => xs.join(''));

describe('the linear engine', () => {
  it('gives the native RegExp’s match and captures on both its engines (search, anchored, fullmatch)', () => {
    fc.assert(
      fc.property(
        regexSource,
        input,
        fc.constantFrom('search', 'anchored', 'full'),
        (source, text, mode) => {
          const re = mode === 'anchored' ? `^(?:${source})` : source;
          const options: LinearOptions = {
            anchored: mode !== 'search',
            fullmatch: mode === 'full',
          };
          const expected = nativeCaptures(re, text, options);
          expect(linearCaptures(re, text, options, 'pike')).toEqual(expected);
          expect(linearCaptures(re, text, options, 'backtrack')).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('clears a repeated group’s captures at each iteration, as ECMAScript does', () => {
    const options = { anchored: true, fullmatch: false };
    expect(linearCaptures('^(?:(a)|b)+', 'ab', options)).toEqual([0, 2, -1, -1]);
    expect(nativeCaptures('^(?:(a)|b)+', 'ab', options)).toEqual([0, 2, -1, -1]);
  });

  it('steps linearly in the input on nested repetition', () => {
    const parsed = parsePythonRegex('^(a+)+$');
    const linear = compileLinear([{ root: parsed.root, flags: parsed.flags }], [1], {
      anchored: true,
      fullmatch: false,
    });
    for (const n of [1000, 10_000]) {
      for (const engine of ['pike', 'backtrack'] as const) {
        expect(linear.exec(`${'a'.repeat(n)}!`, engine)).toBeNull();
        // O(n·m): each position steps each instruction at most twice (closure, then transition).
        expect(linear.steps).toBeLessThanOrEqual(2 * (n + 2) * linear.size);
      }
    }
  });

  it('refuses back-references and unbounded lookarounds', () => {
    for (const source of ['^(a)\\1', '^(?=a*)b']) {
      const parsed = parsePythonRegex(source);
      expect(() =>
        compileLinear([{ root: parsed.root, flags: parsed.flags }], [parsed.groupCount], {
          anchored: true,
          fullmatch: false,
        }),
      ).toThrow(UnsupportedByLinearEngine);
    }
  });
});
