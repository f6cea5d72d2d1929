/**
 * `checkUrlconf()`: Django's URL system checks (`manage.py check`) plus what Django lacks —
 * patterns that can never match because an earlier one takes all their URLs, names declared
 * twice, `rePath()` regexes that cannot be reversed or may backtrack catastrophically.
 *
 * @module
 */
import type { AnyNode } from './internal/node-types.js';
import type { Leaf } from './internal/resolve-engine.js';
import type { CheckMessage } from '@reins/core';
import { ResolveEngine } from './internal/resolve-engine.js';
import type { CompiledConverter } from './internal/route-pattern.js';
import { ALTERNATION_FORMS, normalizeRegex } from './internal/python-regex.js';
import { builtinConverters } from './converters.js';
import { URLPattern } from './url-pattern.js';
import { URLResolver } from './url-resolver.js';

/** One finding of `checkUrlconf()` (core's `CheckMessage`, shared with `reins check`). */
export type { CheckMessage };

/** Options of `checkUrlconf()`. */
export interface CheckOptions {
  /** Django's APPEND_SLASH, which turns on urls.W002; default true. */
  appendSlash?: boolean;
}

function describe(node: AnyNode): string {
  const source = node.pattern!.source;
  if (node instanceof URLPattern && node.name !== null) return `'${source}' [name='${node.name}']`;
  return `'${source}'`;
}

function patternChecks(node: AnyNode, appendSlash: boolean): CheckMessage[] {
  const out: CheckMessage[] = [];
  const p = node.pattern!;
  const isInclude = node instanceof URLResolver;
  if (p.kind === 'regex') {
    const regex = p.source;
    if (isInclude && regex.endsWith('$') && !regex.endsWith('\\$')) {
      out.push({
        id: 'urls.W001',
        level: 'warning',
        message: `Your URL pattern ${describe(node)} uses include with a route ending with a '$'. Remove the dollar from the route to avoid problems including URLs.`,
        pattern: regex,
      });
    }
  } else {
    const route = p.source;
    if (route.includes('(?P<') || route.startsWith('^') || route.endsWith('$')) {
      out.push({
        id: '2_0.W001',
        level: 'warning',
        message: `Your URL pattern ${describe(node)} has a route that contains '(?P<', begins with a '^', or ends with a '$'. This was likely an oversight when migrating to django.urls.path().`,
        hint: 'path() routes are not regexes: use <converter:name> placeholders, or rePath() for a regex.',
        pattern: route,
      });
    }
    let inSegment = 0;
    for (const piece of p.pieces) {
      if (typeof piece === 'string') {
        if (piece.includes('/')) inSegment = 0;
        continue;
      }
      if (++inSegment === 2) {
        out.push({
          id: 'urls.W106',
          level: 'warning',
          message: `Your URL pattern ${describe(node)} has two placeholders in one path segment. The split between them is ambiguous (the first takes all it can), and a backtracking regex (Django's) takes time polynomial in the length of a long segment that almost matches; reins matches it on its slower linear-time engine.`,
          hint: 'Put each placeholder in its own segment (a/<x>/<y>/), or use one placeholder and split the value in the view.',
          pattern: route,
        });
        break;
      }
    }
    let depth = 0;
    for (const c of route) {
      if (c === '<') depth++;
      else if (c === '>') depth--;
      if (depth < 0 || depth > 1) break;
    }
    if (depth !== 0) {
      out.push({
        id: 'urls.W010',
        level: 'warning',
        message: `Your URL pattern ${describe(node)} has an unmatched '${depth > 0 ? '<' : '>'}' bracket.`,
        pattern: route,
      });
    }
  }
  const compiled = p.kind === 'route' ? p.pythonRegex : p.source;
  if (
    appendSlash &&
    (compiled.startsWith('/') || compiled.startsWith('^/') || compiled.startsWith('^\\/')) &&
    !compiled.endsWith('/')
  ) {
    out.push({
      id: 'urls.W002',
      level: 'warning',
      message: `Your URL pattern ${describe(node)} has a route beginning with a '/'. Remove this slash as it is unnecessary. If this pattern is targeted in an include(), ensure the include() pattern has a trailing '/'.`,
      pattern: p.source,
    });
  }
  if (node instanceof URLPattern && node.name !== null && node.name.includes(':')) {
    out.push({
      id: 'urls.W003',
      level: 'warning',
      message: `Your URL pattern ${describe(node)} has a name including a ':'. Remove the colon, to avoid ambiguous namespace references.`,
      pattern: p.source,
    });
  }
  if (p.kind === 'regex') {
    const regex = p;
    if (regex.backtracking !== null) {
      out.push({
        id: 'urls.W104',
        level: 'warning',
        message: `Your URL pattern ${describe(node)} has ${regex.backtracking}, which a backtracking regex engine (Django's) can take exponential time on for a long path; reins matches it on its slower linear-time engine.`,
        hint: 'Rewrite it so that repeated parts cannot match the same text in two ways (for example [^/]+ instead of .*).',
        pattern: p.source,
      });
    }
    if (!p.source.startsWith('^') && !p.source.startsWith('\\A')) {
      out.push({
        id: 'urls.W105',
        level: 'warning',
        message: `Your URL pattern ${describe(node)} does not start with '^', so it matches anywhere in the path (rePath() searches, as Django's re_path()).`,
        hint: `Anchor it: '^${p.source}'.`,
        pattern: p.source,
      });
    }
    if (node instanceof URLPattern) {
      let reason: string | null = null;
      try {
        if (normalizeRegex(regex.parsed) === ALTERNATION_FORMS) {
          reason = "a '|' outside any capturing group";
        }
      } catch (error) {
        reason = (error as Error).message;
      }
      if (reason !== null) {
        out.push({
          id: 'urls.W103',
          level: 'warning',
          message: `Your URL pattern ${describe(node)} cannot be reversed (${reason}); reverse() and {% url %} will fail for it.`,
          hint: 'Move alternatives inside a capturing group and drop inline flags, or reverse another pattern.',
          pattern: p.source,
        });
      }
    }
  }
  return out;
}

function walk(patterns: readonly unknown[], appendSlash: boolean, out: CheckMessage[]): void {
  patterns.forEach((node) => {
    if (!(node instanceof URLPattern) && !(node instanceof URLResolver)) {
      const repr = typeof node === 'string' ? `'${node}'` : (JSON.stringify(node) ?? String(node));
      out.push({
        id: 'urls.E004',
        level: 'error',
        message: `Your URL pattern ${repr} is invalid. Ensure that urlpatterns is a list of path() and/or rePath() instances.`,
        hint:
          typeof node === 'string'
            ? `Try removing the string '${node}'. The list of urlpatterns should not have a prefix string as the first element.`
            : Array.isArray(node)
              ? 'Try using path() instead of an array.'
              : undefined,
      });
      return;
    }
    if (node instanceof URLResolver) {
      const childMessages: CheckMessage[] = [];
      walk(node.urlpatterns, appendSlash, childMessages);
      // As Django: a resolver reports its children's messages, or its own when they have none.
      out.push(...(childMessages.length > 0 ? childMessages : patternChecks(node, appendSlash)));
      return;
    }
    out.push(...patternChecks(node, appendSlash));
  });
}

function namespaceChecks(patterns: readonly AnyNode[], out: CheckMessage[]): void {
  const seen = new Set<string>();
  const visit = (nodes: readonly AnyNode[], path: string[]): void => {
    for (const node of nodes) {
      if (!(node instanceof URLResolver)) continue;
      let current = path;
      if (node.namespace !== null) {
        current = [...path, node.namespace];
        const full = current.join(':');
        if (seen.has(full)) {
          out.push({
            id: 'urls.W005',
            level: 'warning',
            message: `URL namespace '${full}' isn't unique. You may not be able to reverse all URLs in this namespace`,
            pattern: node.pattern!.source,
          });
        }
        seen.add(full);
      }
      visit(node.urlpatterns, current);
    }
  };
  visit(patterns, []);
}

/** Whether converter `a` accepts every segment `b` (a converter or literal text) can be. */
function covers(a: CompiledConverter, b: string | CompiledConverter): boolean {
  if (typeof b === 'string') return a.test(b);
  const broad = a.converter.regex;
  const narrow = b.converter.regex;
  if (broad === '[^/]+') return !b.slashy;
  if (broad === '[-a-zA-Z0-9_]+') return narrow === '[0-9]+' || narrow === '[-a-zA-Z0-9_]+';
  return false;
}

const TOTAL: ReadonlySet<unknown> = new Set([
  builtinConverters.str,
  builtinConverters.slug,
  builtinConverters.uuid,
  builtinConverters.path,
]);

/** Whether `x` accepts `y` and its `toJs` cannot throw on it (then `x` takes all of `y`'s URLs). */
function takesAll(x: CompiledConverter, y: string | CompiledConverter): boolean {
  if (x === y) return true; // the same converter fails on the same text
  const total =
    TOTAL.has(x.converter) ||
    // int only throws past Number.MAX_SAFE_INTEGER, which a short literal cannot reach.
    (x.converter === builtinConverters.int && typeof y === 'string' && y.length <= 15);
  return total && covers(x, y);
}

function shadows(a: Leaf, b: Leaf): boolean {
  const sa = a.simple;
  const sb = b.simple;
  if (sa === null || sb === null) {
    return (
      a.info.route === b.info.route &&
      a.chain.length === b.chain.length &&
      a.pattern.pattern.kind === b.pattern.pattern.kind &&
      a.pattern.pattern.kind === 'regex'
    );
  }
  if (sa.segments.length !== sb.segments.length) return false;
  for (let i = 0; i < sa.segments.length; i++) {
    const x = sa.segments[i]!;
    const y = sb.segments[i]!;
    if (typeof x === 'string') {
      if (x !== y) return false;
      continue;
    }
    if (!takesAll(x, y)) return false;
  }
  return true;
}

function leafChecks(engine: ResolveEngine, out: CheckMessage[]): void {
  const leaves = engine.leaves;
  const byCount = new Map<number, Leaf[]>();
  for (const leaf of leaves) {
    const key = leaf.simple === null ? -1 : leaf.simple.segments.length;
    const earlier = byCount.get(key) ?? [];
    const shadow = earlier.find((a) => shadows(a, leaf));
    if (shadow !== undefined) {
      out.push({
        id: 'urls.W101',
        level: 'warning',
        message: `Your URL pattern '${leaf.info.route}'${leaf.pattern.name === null ? '' : ` [name='${leaf.pattern.name}']`} can never match: the earlier pattern '${shadow.info.route}'${shadow.pattern.name === null ? '' : ` [name='${shadow.pattern.name}']`} matches every URL it matches.`,
        hint: 'Move the more specific pattern before the more general one (Django tries patterns in order).',
        pattern: leaf.info.route,
      });
    }
    earlier.push(leaf);
    byCount.set(key, earlier);
  }
  const names = new Map<string, Leaf>();
  for (const leaf of leaves) {
    if (leaf.pattern.name === null) continue;
    const key = [...leaf.info.namespaces, leaf.pattern.name].join(':');
    const first = names.get(key);
    if (first !== undefined && first.info.route !== leaf.info.route) {
      out.push({
        id: 'urls.W102',
        level: 'warning',
        message: `URL name '${key}' is used by '${first.info.route}' and again by '${leaf.info.route}': resolve() finds the first, but reverse() tries the last first.`,
        hint: 'Give each pattern its own name.',
        pattern: leaf.info.route,
      });
    } else if (first === undefined) {
      names.set(key, leaf);
    }
  }
}

/**
 * Check a urlconf: Django's warnings (`urls.W001` `$` in an include, `urls.W002` leading `/`,
 * `urls.W003` `:` in a name, `urls.W005` duplicate namespace, `urls.W010` unmatched bracket,
 * `2_0.W001` regex syntax in `path()`, `urls.E004` not a pattern) and ours: `urls.W101` shadowed
 * pattern, `urls.W102` duplicate name, `urls.W103` non-reversible `rePath()`, `urls.W104`
 * catastrophic backtracking, `urls.W105` unanchored `rePath()`, `urls.W106` two placeholders in one segment.
 *
 * @example
 * for (const m of checkUrlconf(urlpatterns)) console.warn(`${m.id}: ${m.message}`);
 */
export function checkUrlconf(
  urlpatterns: readonly unknown[] | URLResolver,
  options: CheckOptions = {},
): CheckMessage[] {
  const patterns = urlpatterns instanceof URLResolver ? urlpatterns.urlpatterns : urlpatterns;
  const out: CheckMessage[] = [];
  walk(patterns, options.appendSlash ?? true, out);
  if (out.some((m) => m.id === 'urls.E004')) return out;
  namespaceChecks(patterns as readonly AnyNode[], out);
  const root =
    urlpatterns instanceof URLResolver
      ? urlpatterns
      : new URLResolver(null, patterns as readonly AnyNode[]);
  leafChecks(new ResolveEngine(root), out);
  return out;
}
