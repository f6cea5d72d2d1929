/**
 * The hostile routes of issue #19 item 7 (`test/hostile/*.json`): each kept one `resolve()` busy
 * for seconds to minutes on the native backtracking engine. Each must now be matched by the
 * linear-time engine, checked before resolving so that a regression fails instead of hanging, and
 * the engine's step count must stay within O(path length × program size). The small `match` of
 * each case (its captures checked against Django 3.2's `re`) shows the answers did not change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Converter, URLPattern, View } from '../src/index.js';
import { createResolver, NoReverseMatch, path, rePath } from '../src/index.js';
import type { LinearRegex } from '../src/internal/linear-regex.js';

interface HostileCase {
  kind: 'path' | 'rePath' | 'converter';
  pattern: string;
  converter?: string;
  input: { prefix?: string; repeat: string; times: number; suffix?: string };
  match: { path: string; kwargs?: Record<string, unknown>; args?: string[] };
}

const directory = new URL('./hostile/', import.meta.url);
const cases = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, directory), 'utf8'))] as const);

const view: View = () => 'hit';

function declare(c: HostileCase): URLPattern {
  if (c.kind === 'rePath') return rePath(c.pattern, view);
  const converters: Record<string, Converter<string>> = {};
  if (c.converter !== undefined) {
    converters.hostile = { regex: c.converter, toJs: (v) => v, toUrl: String };
  }
  return path(c.pattern, view, { converters });
}

/** Every linear engine the pattern may run on: the route's own, and its converters'. */
function engines(pattern: URLPattern): LinearRegex[] {
  const out: LinearRegex[] = [];
  const matcher = pattern.pattern;
  if (matcher.linear !== null) out.push(matcher.linear);
  for (const converter of matcher.converters.values()) {
    if (converter.linear !== null) out.push(converter.linear);
  }
  return out;
}

describe('hostile routes run on the linear-time engine', () => {
  it('has the cases of issue #19', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, c] of cases as ReadonlyArray<readonly [string, HostileCase]>) {
    it(`${name}: ${c.kind} ${c.pattern}`, () => {
      const warn = console.warn;
      console.warn = () => {};
      let pattern: URLPattern;
      try {
        pattern = declare(c);
      } finally {
        console.warn = warn;
      }
      const linear = engines(pattern);
      // The guard: without the linear engine the resolve below would hang the suite.
      expect(linear.length).toBeGreaterThan(0);
      const resolver = createResolver([pattern]);

      const { prefix = '', repeat, times, suffix = '' } = c.input;
      const hostile = `/${prefix}${repeat.repeat(times)}${suffix}`;
      expect(hostile.length).toBeGreaterThan(8000);
      for (const engine of linear) engine.steps = 0;
      expect(resolver.match(hostile)).toBeNull();
      const ran = linear.filter((engine) => engine.steps > 0);
      expect(ran.length).toBeGreaterThan(0);
      for (const engine of ran) {
        expect(engine.steps).toBeLessThanOrEqual(2 * (hostile.length + 2) * engine.size);
      }

      const hit = resolver.match(c.match.path);
      expect(hit).not.toBeNull();
      expect(hit!.kwargs).toEqual(c.match.kwargs ?? {});
      expect(hit!.args).toEqual(c.match.args ?? []);
    });
  }
});

describe('reverse() re-matches hostile values in linear time', () => {
  it('refuses values that cannot fit a route whose placeholders share a segment', () => {
    const route = '<str:a>-<str:b>-<str:c>x/';
    // The guard: the route is one the analysis sends to the linear engine (reverse's re-match
    // uses the same analysis), else the reverse below would hang the suite.
    expect(path(route, view).pattern.linear).not.toBeNull();
    const resolver = createResolver([path(route, view, { name: 'three' })]);
    expect(resolver.reverse('three', { kwargs: { a: 'a', b: 'b', c: 'c' } })).toBe('/a-b-cx/');
    const a = `${'a-'.repeat(4000)}a`;
    expect(() => resolver.reverse('three', { kwargs: { a, b: 'b', c: 'x/x' } })).toThrow(
      NoReverseMatch,
    );
  });
});
