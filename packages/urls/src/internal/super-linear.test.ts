import { describe, expect, it } from 'vitest';
import { ImproperlyConfigured } from '@reins/core';
import { path, rePath } from '../path.js';
import type { FlaggedAlt } from './linear-regex.js';
import { parsePythonRegex } from './python-regex.js';
import { RegexPattern, RoutePattern } from './route-pattern.js';
import { findSuperLinear, isAnchored, NATIVE_BUDGET, nativeLimit } from './super-linear.js';

function analyse(source: string): string | null {
  const parsed = parsePythonRegex(source);
  const fragments: FlaggedAlt[] = [{ root: parsed.root, flags: parsed.flags }];
  return findSuperLinear(fragments, isAnchored(fragments));
}

const view = (): string => 'hit';

describe('findSuperLinear', () => {
  it.each([
    '^(a{1,10}){1,10}!$',
    '^(a{1,16}){1,16}!$',
    '^(?P<a>.*)-(?P<b>.*)-(?P<c>.*)-(?P<d>.*)-(?P<e>.*)x$',
    '^(\\w+)(\\w+)(\\w+)(\\w+)!$',
    '^(.*?,){11}P$',
    '^(a+)+$',
    '(a+)+',
    '^(a|ab)*c$',
    '^(?:a*)*$',
    '^[0-9]+[0-9]+x$',
    '^(?i)[a-z]+K+$',
    'a+b',
  ])('flags %s', (source) => {
    expect(analyse(source)).not.toBeNull();
  });

  it.each([
    '^articles/(?P<year>[0-9]{4})/$',
    '^legacy/([0-9]+)/([a-z]+)/$',
    '^(?P<rest>.*)$',
    '^a/(?P<x>[^/]+)/b/(?P<y>[^/]+)$',
    '^(?:[0-9a-f]{8}-){2}x$',
    '^page-(?P<n>[0-9]+)\\.html$',
    'plain',
  ])('passes %s, which backtracks linearly', (source) => {
    expect(analyse(source)).toBeNull();
  });

  it('leaves the built-in converters’ usual routes on the native regex', () => {
    for (const route of [
      'articles/<int:year>/<slug:slug>/',
      'users/<uuid:id>/',
      'files/<path:rest>',
      'page-<int:n>.html',
      '<str:name>/edit/',
    ]) {
      expect(new RoutePattern(route, true).linear, route).toBeNull();
    }
    expect(new RegexPattern('^archive/(?P<year>[0-9]{4})/$', true).linear).toBeNull();
  });

  it('sends placeholders that can split the same text to the linear engine', () => {
    expect(new RoutePattern('<str:a>-<str:b>/', true).linear).not.toBeNull();
    expect(new RoutePattern('<path:a>/<path:b>', true).linear).not.toBeNull();
  });
});

describe('patterns the linear engine cannot run', () => {
  it('refuses a super-linear rePath() with a back-reference, naming it', () => {
    expect(() => rePath('^(a+)+\\1$', view)).toThrow(ImproperlyConfigured);
    expect(() => rePath('^(a+)+\\1$', view)).toThrow(
      /rePath\('\^\(a\+\)\+\\1\$'\).*back-reference/,
    );
  });

  it('keeps a back-reference in a regex that backtracks linearly', () => {
    expect(() => rePath('^(?P<x>[a-z])/(?P=x)/$', view)).not.toThrow();
  });

  it('refuses a converter whose regex repeats without bound inside a lookahead and backtracks', () => {
    const converters = { bad: { regex: '(?=a*)(a+)+', toJs: String, toUrl: String } };
    expect(() => path('<bad:x>/', view, { converters })).toThrow(
      /Converter 'bad'.*lookaround.*Rewrite/,
    );
  });
});

describe('nativeLimit', () => {
  function fragmentsOf(source: string): FlaggedAlt[] {
    const parsed = parsePythonRegex(source);
    return [{ root: parsed.root, flags: parsed.flags }];
  }

  it('lets short inputs of a polynomial pattern keep the native regex, within the budget', () => {
    const limit = nativeLimit(fragmentsOf('^t/(?:[^/]+)-(?:[^/]+)/$'), 17);
    expect(limit).toBeGreaterThanOrEqual(14); // 't/hello-world/'
    expect((limit + 1) ** 2 * (17 + limit)).toBeLessThanOrEqual(NATIVE_BUDGET);
    expect((limit + 2) ** 2 * (17 + limit + 1)).toBeGreaterThan(NATIVE_BUDGET);
    expect(nativeLimit(fragmentsOf('^(\\w+)(\\w+)(\\w+)(\\w+)!$'), 28)).toBeLessThan(8);
  });

  it('never lets an exponential, alternating or high-degree pattern run natively on a non-empty input', () => {
    for (const source of [
      '^(a+)+$',
      '^(a{1,10}){1,10}!$',
      '^(.*?,){11}P$',
      '^(a|ab)*c$',
      '^a?a?a*$',
    ]) {
      expect(nativeLimit(fragmentsOf(source), 20), source).toBeLessThanOrEqual(0);
    }
  });
});
