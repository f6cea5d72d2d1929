/**
 * What both Django-vector suites (`django-conformance`, `django-extra`) share: every vector runs
 * against the generated matcher and reverse builders and against the interpreters
 * (`generateCode: false`), a resolve match is compared field by field with what Django recorded,
 * and a thrown error is captured for inspection.
 */
import { expect } from 'vitest';
import { createResolver } from '../src/index.js';
import type { ResolverMatch, URLResolver } from '../src/index.js';
import type { AnyNode } from '../src/internal/node-types.js';
import { viewFor } from './conformance-urlconf.js';

/** A match as Django's recorder writes it. */
export interface RecordedMatch {
  view: string;
  args: string[];
  kwargs: Record<string, unknown>;
  url_name: string | null;
  route: string;
  app_names: string[];
  namespaces: string[];
  view_name: string;
}

/** The same urlconf compiled both ways, labelled for `describe.each`. */
export function bothResolvers(patterns: AnyNode[]): ReadonlyArray<readonly [string, URLResolver]> {
  return [
    ['generated code', createResolver(patterns)],
    ['interpreters', createResolver(patterns, { generateCode: false })],
  ];
}

/** Assert that `match` is the match Django recorded. */
export function expectRecordedMatch(match: ResolverMatch, recorded: RecordedMatch): void {
  expect(match.view).toBe(viewFor(recorded.view));
  expect(match.args).toEqual(recorded.args);
  expect(match.kwargs).toEqual(recorded.kwargs);
  expect(match.urlName).toBe(recorded.url_name);
  expect(match.route).toBe(recorded.route);
  expect(match.appNames).toEqual(recorded.app_names);
  expect(match.namespaces).toEqual(recorded.namespaces);
  expect(match.viewName).toBe(recorded.view_name);
}

/** The error `run` throws (undefined when it returns). */
export function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
