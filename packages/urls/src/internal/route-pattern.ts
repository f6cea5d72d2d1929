/**
 * The two matchers behind `path()` and `rePath()`, as Django's `RoutePattern` and `RegexPattern`:
 * each knows its source as written, the Python regex Django would build (for reverse), a
 * JavaScript regex with the same meaning (for stepwise matching), and its converters.
 * `compileRoute()` implements Django's `_route_to_regex` with its configuration errors.
 */
import type { Converter } from '../converters.js';
import { builtinConverters, getConverter } from '../converters.js';
import type { FlaggedAlt, LinearRegex } from './linear-regex.js';
import { compileLinear, literalFragment, UnsupportedByLinearEngine } from './linear-regex.js';
import { improperlyConfigured } from './improperly-configured.js';
import type { ParsedRegex, RegexAlt, RegexNode } from './python-regex.js';
import { findSuperLinear, isAnchored, nativeLimit } from './super-linear.js';
import {
  canMatchSlash,
  emitJs,
  findCatastrophicBacktracking,
  isIdentifier,
  parsePythonRegex,
  RegexSyntaxError,
} from './python-regex.js';

/** What one level of matching yields: the unmatched remainder and the captures. */
export interface PatternMatch {
  rest: string;
  args: string[];
  kwargs: Record<string, unknown>;
}

/** A converter with what the resolver derives from it once. */
export interface CompiledConverter {
  name: string;
  converter: Converter<never>;
  /** JavaScript source (no capturing groups) of the converter's regex. */
  js: string;
  /** The parsed regex, its groups made non-capturing (to join into a route's linear matcher). */
  fragment: FlaggedAlt;
  /** The linear-time engine `test` runs on when the native regex could backtrack, else null. */
  linear: LinearRegex | null;
  /** Whether the regex can match text containing `/`. */
  slashy: boolean;
  /** Whole-string test, specialised for the built-ins. */
  test: (text: string) => boolean;
  /**
   * The same test on `path.slice(start, end)` without slicing, for a whole path segment (the
   * resolver's hot path; a segment never contains `/`).
   */
  testRange: (path: string, start: number, end: number) => boolean;
  /** 0: a built-in whose `toJs` is the identity; 1: the built-in `int`; 2: anything else. */
  kind: 0 | 1 | 2;
  /**
   * True for converters whose regex takes the longest run it can (a single repeated class), so
   * matching an include prefix on its own and matching the joined route give the same split.
   */
  maximalMunch: boolean;
}

const compiledConverters = new WeakMap<Converter<never>, CompiledConverter>();

function isDigits(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isSlug(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!(
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 45 ||
      c === 95
    )) {
      return false;
    }
  }
  return true;
}

function isNonEmptyNoSlash(text: string): boolean {
  return text.length > 0 && text.indexOf('/') === -1;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const BUILTIN_TESTS: Record<string, (text: string) => boolean> = {
  '[0-9]+': isDigits,
  '[^/]+': isNonEmptyNoSlash,
  '[-a-zA-Z0-9_]+': isSlug,
  '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}': (text) =>
    text.length === 36 && UUID.test(text),
  '.+': (text) => text.length > 0 && !/[\n]/.test(text),
};

function digitsIn(path: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = path.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function slugIn(path: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = path.charCodeAt(i);
    if (!(
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 45 ||
      c === 95
    )) {
      return false;
    }
  }
  return true;
}

function uuidIn(path: string, start: number, end: number): boolean {
  if (end - start !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = path.charCodeAt(start + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) {
      return false;
    }
  }
  return true;
}

const BUILTIN_RANGE_TESTS: Record<string, (path: string, start: number, end: number) => boolean> = {
  '[0-9]+': digitsIn,
  // Inside one segment there is no `/`, so `[^/]+` only needs a character.
  '[^/]+': (_path, start, end) => end > start,
  '[-a-zA-Z0-9_]+': slugIn,
  '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}': uuidIn,
};

/** Derive (once per converter object) what the resolver needs from a converter. */
export function compileConverter(name: string, converter: Converter<never>): CompiledConverter {
  const cached = compiledConverters.get(converter);
  if (cached !== undefined) return cached;
  let parsed: ParsedRegex;
  try {
    parsed = parsePythonRegex(converter.regex);
  } catch (error) {
    throw improperlyConfigured(
      `Converter '${name}' has an invalid regex '${converter.regex}': ${(error as Error).message}. Fix the converter's regex.`,
    );
  }
  const js = emitJs(parsed, { noCapture: true });
  const fragment: FlaggedAlt = { root: stripCaptures(parsed.root), flags: parsed.flags };
  const whole = wholeMatcher(name, converter.regex, fragment, js);
  const test = BUILTIN_TESTS[converter.regex] ?? whole.test;
  const root = parsed.root;
  const only =
    root.branches.length === 1 && root.branches[0]!.length === 1 ? root.branches[0]![0]! : null;
  const maximalMunch =
    only !== null &&
    (only.t !== 'quant'
      ? only.t === 'char' || only.t === 'class' || only.t === 'esc'
      : !only.lazy && (only.body.t === 'class' || only.body.t === 'esc' || only.body.t === 'char'));
  const compiled: CompiledConverter = {
    name,
    converter,
    js,
    fragment,
    linear: whole.linear,
    slashy: canMatchSlash(parsed),
    test,
    kind:
      converter === builtinConverters.int
        ? 1
        : converter === builtinConverters.str ||
            converter === builtinConverters.slug ||
            converter === builtinConverters.uuid ||
            converter === builtinConverters.path
          ? 0
          : 2,
    testRange:
      BUILTIN_RANGE_TESTS[converter.regex] ??
      ((path: string, start: number, end: number) => test(path.slice(start, end))),
    maximalMunch: maximalMunch || BUILTIN_TESTS[converter.regex] !== undefined,
  };
  compiledConverters.set(converter, compiled);
  return compiled;
}

/**
 * The whole-string test of a converter regex: the native `RegExp` when it provably runs in linear
 * time, else the linear engine (a converter regex such as `(a+)+` would otherwise keep a request
 * busy for minutes on a 45-character segment).
 */
function wholeMatcher(
  name: string,
  regex: string,
  fragment: FlaggedAlt,
  js: string,
): { test: (text: string) => boolean; linear: LinearRegex | null } {
  if (findSuperLinear([fragment], true) === null) {
    const native = new RegExp(`^(?:${js})$`, 'u');
    return { test: (text) => native.test(text), linear: null };
  }
  let linear: LinearRegex;
  try {
    linear = compileLinear([fragment], [0], { anchored: true, fullmatch: true });
  } catch (error) {
    if (!(error instanceof UnsupportedByLinearEngine)) throw error;
    throw improperlyConfigured(
      `Converter '${name}' has a regex '${regex}' that can take time exponential in the length of a path to match, and cannot run on reins' linear-time engine because ${error.message}. Rewrite the regex so that no repeated part can match the same text two ways (for example [a-z]+ instead of ([a-z]+)+).`,
    );
  }
  const native = new RegExp(`^(?:${js})$`, 'u');
  const max = nativeLimit([fragment], linear.size);
  return {
    test: (text) => (text.length <= max ? native.test(text) : linear.exec(text) !== null),
    linear,
  };
}

function stripNode(node: RegexNode): RegexNode {
  switch (node.t) {
    case 'group':
      return { t: 'alt', alt: stripCaptures(node.body) };
    case 'alt':
      return { t: 'alt', alt: stripCaptures(node.alt) };
    case 'look':
      return { ...node, body: stripCaptures(node.body) };
    case 'quant':
      return { ...node, body: stripNode(node.body) };
    default:
      return node;
  }
}

/** The same regex with every group non-capturing, as `emitJs(…, { noCapture: true })`. */
function stripCaptures(alt: RegexAlt): RegexAlt {
  return { branches: alt.branches.map((branch) => branch.map(stripNode)) };
}

/** One piece of a `path()` route: literal text or a placeholder. */
export type RoutePiece = string | { param: string; converter: CompiledConverter };

const PLACEHOLDER = /<(?:([^>:]+):)?([^>]+)>/;
const WHITESPACE = /[ \t\n\r\v\f]/;

/** Python's `re.escape` (3.7+): escape the characters special in a regex. */
export function pythonEscape(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => `\\${c}`);
}

function jsEscape(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if ('\\^$.*+?()[]{}|/'.includes(c)) out += `\\${c}`;
    else if (code < 0x20 || code === 0x2028 || code === 0x2029) out += `\\u{${code.toString(16)}}`;
    else out += c;
  }
  return out;
}

/** The matcher of a `path()` route (Django's `RoutePattern`). */
export class RoutePattern {
  readonly kind = 'route';
  /** The route as written. */
  readonly source: string;
  readonly isEndpoint: boolean;
  readonly pieces: readonly RoutePiece[];
  readonly paramNames: readonly string[];
  readonly converters: ReadonlyMap<string, CompiledConverter>;
  /** The regex Django builds for this route (Python syntax), e.g. `^a/(?P<pk>[0-9]+)/\Z`. */
  readonly pythonRegex: string;
  readonly #js: string;
  #regex: RegExp | undefined;
  #linear: LinearRegex | null | undefined;
  /** Up to this length the native regex's worst case is cheap (`nativeLimit`); -1: never. */
  #nativeMax = -1;

  constructor(
    route: string,
    isEndpoint: boolean,
    converters?: Readonly<Record<string, Converter<never>>>,
  ) {
    this.source = route;
    this.isEndpoint = isEndpoint;
    const pieces: RoutePiece[] = [];
    const names: string[] = [];
    const convMap = new Map<string, CompiledConverter>();
    let python = '^';
    let js = '^';
    let rest = route;
    for (;;) {
      const m = PLACEHOLDER.exec(rest);
      if (m === null) break;
      if (WHITESPACE.test(m[0])) {
        throw improperlyConfigured(
          `URL route '${route}' cannot contain whitespace in angle brackets <…>. Remove the spaces from the placeholder ${m[0]}.`,
          route,
        );
      }
      const literal = rest.slice(0, m.index);
      if (literal !== '') pieces.push(literal);
      python += pythonEscape(literal);
      js += jsEscape(literal);
      rest = rest.slice(m.index + m[0].length);
      const param = m[2]!;
      if (!isIdentifier(param)) {
        throw improperlyConfigured(
          `URL route '${route}' uses parameter name '${param}' which isn't a valid identifier. Use letters, digits and underscores, not starting with a digit (for example <int:${param.replace(/\W/g, '_').replace(/^(\d)/, '_$1') || 'value'}>).`,
          route,
        );
      }
      if (param === '__proto__') {
        throw improperlyConfigured(
          `URL route '${route}' uses parameter name '__proto__', which cannot be a key of the params object. Choose another name.`,
          route,
        );
      }
      if (names.includes(param)) {
        throw improperlyConfigured(
          `URL route '${route}' uses parameter name '${param}' more than once. Give each placeholder its own name.`,
          route,
        );
      }
      const converterName = m[1] ?? 'str';
      const converter = converters?.[converterName] ?? getConverter(converterName);
      if (converter === undefined) {
        throw improperlyConfigured(
          `URL route '${route}' uses invalid converter '${converterName}'. Use one of int, str, slug, uuid, path, or register it first with registerConverter('${converterName}', { regex, toJs, toUrl }).`,
          route,
        );
      }
      const compiled = compileConverter(converterName, converter);
      names.push(param);
      convMap.set(param, compiled);
      pieces.push({ param, converter: compiled });
      python += `(?P<${param}>${converter.regex})`;
      js += `(${compiled.js})`;
    }
    if (rest !== '') pieces.push(rest);
    python += pythonEscape(rest);
    js += jsEscape(rest);
    if (isEndpoint) {
      python += '\\Z';
      js += '$';
    }
    this.pieces = pieces;
    this.paramNames = names;
    this.converters = convMap;
    this.pythonRegex = python;
    this.#js = js;
    // A custom converter's regex is the user's: find out now whether the route can run linearly.
    if ([...convMap.values()].some((c) => c.kind === 2)) void this.linear;
  }

  /**
   * The JavaScript regex with this route's meaning, built on first use: most routes are matched
   * by the resolver's trie and never need it, so 10,000 routes build faster.
   */
  get regex(): RegExp {
    return (this.#regex ??= new RegExp(this.#js, 'u'));
  }

  /**
   * The linear-time matcher when the native regex could backtrack super-linearly (placeholders
   * that can split the same text several ways, as `<str:a>-<str:b>`), else null; decided on first
   * use, or at declaration for a route with a custom converter (so a regex the linear engine
   * cannot run is refused there).
   */
  get linear(): LinearRegex | null {
    if (this.#linear === undefined) {
      const fragments: FlaggedAlt[] = [];
      const counts: number[] = [];
      for (const piece of this.pieces) {
        if (typeof piece === 'string') {
          fragments.push(literalFragment(piece));
          counts.push(0);
        } else {
          const { fragment } = piece.converter;
          fragments.push({
            root: {
              branches: [
                [{ t: 'group', capture: true, name: null, index: 1, body: fragment.root }],
              ],
            },
            flags: fragment.flags,
          });
          counts.push(1);
        }
      }
      const reason = findSuperLinear(fragments, true);
      if (reason === null) {
        this.#linear = null;
      } else {
        try {
          this.#linear = compileLinear(fragments, counts, {
            anchored: true,
            fullmatch: this.isEndpoint,
          });
          this.#nativeMax = nativeLimit(fragments, this.#linear.size);
        } catch (error) {
          if (!(error instanceof UnsupportedByLinearEngine)) throw error;
          throw improperlyConfigured(
            `URL route '${this.source}' has ${reason}, and cannot run on reins' linear-time engine because ${error.message}. Separate its placeholders with a character their converters cannot match, or simplify the converter's regex.`,
            this.source,
          );
        }
      }
    }
    return this.#linear;
  }

  /** Match at the start of `path`; converters that throw make it not match (Django's ValueError). */
  match(path: string): PatternMatch | null {
    const linear = this.linear;
    if (linear !== null && path.length > this.#nativeMax) return this.matchLinear(linear, path);
    const m = this.regex.exec(path);
    if (m === null) return null;
    const kwargs: Record<string, unknown> = {};
    const names = this.paramNames;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      try {
        kwargs[name] = this.converters.get(name)!.converter.toJs(m[i + 1]!);
      } catch {
        return null;
      }
    }
    return { rest: path.slice(m[0].length), args: [], kwargs };
  }

  /** @internal `match()` on the linear engine whatever the length (for tests). */
  matchLinear(linear: LinearRegex, path: string): PatternMatch | null {
    const caps = linear.exec(path);
    if (caps === null) return null;
    const kwargs: Record<string, unknown> = {};
    const names = this.paramNames;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      try {
        kwargs[name] = this.converters
          .get(name)!
          .converter.toJs(path.slice(caps[2 * i + 2], caps[2 * i + 3]));
      } catch {
        return null;
      }
    }
    return { rest: path.slice(caps[1]), args: [], kwargs };
  }

  toString(): string {
    return this.source;
  }
}

/** The matcher of a `rePath()` regex (Django's `RegexPattern`). */
export class RegexPattern {
  readonly kind = 'regex';
  readonly source: string;
  readonly isEndpoint: boolean;
  readonly parsed: ParsedRegex;
  readonly regex: RegExp;
  readonly converters: ReadonlyMap<string, CompiledConverter> = new Map();
  /** A warning about catastrophic backtracking, or null. */
  readonly backtracking: string | null;
  /**
   * The linear-time matcher used instead of `regex` when a backtracking engine could take
   * super-linear time on this regex (see `findSuperLinear`), else null.
   */
  readonly linear: LinearRegex | null = null;
  /** Why `linear` is used, or null. */
  readonly superLinear: string | null;
  /** Up to this length the native regex's worst case is cheap (`nativeLimit`); -1: never. */
  readonly #nativeMax: number = -1;
  readonly #groupIndex: ReadonlyMap<string, number>;

  constructor(regex: string, isEndpoint: boolean) {
    this.source = regex;
    this.isEndpoint = isEndpoint;
    try {
      this.parsed = parsePythonRegex(regex);
      const js = emitJs(this.parsed);
      // Django 3.2+ uses fullmatch for an endpoint regex ending in `$`, search otherwise.
      const full = isEndpoint && regex.endsWith('$');
      this.regex = new RegExp(full ? `^(?:${js})$` : js, 'u');
    } catch (error) {
      const reason =
        error instanceof RegexSyntaxError || error instanceof SyntaxError
          ? error.message
          : String(error);
      throw improperlyConfigured(
        `"${regex}" is not a valid regular expression: ${reason}. Fix the regex passed to rePath().`,
        regex,
      );
    }
    if (this.parsed.groupNames.includes('__proto__')) {
      throw improperlyConfigured(
        `"${regex}" names a group '__proto__', which cannot be a key of the params object. Choose another name.`,
        regex,
      );
    }
    this.backtracking = findCatastrophicBacktracking(this.parsed);
    this.#groupIndex = namedGroups(this.parsed.root);
    const full = isEndpoint && regex.endsWith('$');
    const fragments: FlaggedAlt[] = [{ root: this.parsed.root, flags: this.parsed.flags }];
    const anchored = full || isAnchored(fragments);
    this.superLinear = findSuperLinear(fragments, anchored);
    if (this.superLinear !== null) {
      try {
        this.linear = compileLinear(fragments, [this.parsed.groupCount], {
          anchored,
          fullmatch: full,
        });
        if (anchored) this.#nativeMax = nativeLimit(fragments, this.linear.size);
      } catch (error) {
        if (!(error instanceof UnsupportedByLinearEngine)) throw error;
        throw improperlyConfigured(
          `rePath('${regex}') has ${this.superLinear}, and cannot run on reins' linear-time engine because ${error.message}: one request could keep the server busy for minutes. Rewrite the regex so that no repeated part can match the same text two ways (for example [a-z]+ instead of ([a-z]+)+).`,
          regex,
        );
      }
    }
  }

  /** `re.search` semantics: named groups become kwargs (unmatched ones dropped), else positional args. */
  match(path: string): PatternMatch | null {
    if (this.linear !== null && path.length > this.#nativeMax) {
      return this.matchLinear(this.linear, path);
    }
    const m = this.regex.exec(path);
    if (m === null) return null;
    const groups = m.groups;
    let args: string[] = [];
    const kwargs: Record<string, unknown> = {};
    if (groups !== undefined) {
      for (const name of this.parsed.groupNames) {
        const value = groups[name];
        if (value !== undefined) kwargs[name] = value;
      }
    } else {
      args = m.slice(1);
    }
    return { rest: path.slice(m.index + m[0].length), args, kwargs };
  }

  /** @internal `match()` on the linear engine whatever the length (for tests). */
  matchLinear(linear: LinearRegex, path: string): PatternMatch | null {
    const caps = linear.exec(path);
    if (caps === null) return null;
    let args: Array<string | undefined> = [];
    const kwargs: Record<string, unknown> = {};
    const group = (k: number): string | undefined =>
      caps[2 * k]! < 0 ? undefined : path.slice(caps[2 * k], caps[2 * k + 1]);
    if (this.#groupIndex.size > 0) {
      for (const name of this.parsed.groupNames) {
        const value = group(this.#groupIndex.get(name)!);
        if (value !== undefined) kwargs[name] = value;
      }
    } else {
      args = [];
      for (let k = 1; k <= this.parsed.groupCount; k++) args.push(group(k));
    }
    return { rest: path.slice(caps[1]), args: args as string[], kwargs };
  }

  toString(): string {
    return this.source;
  }
}

/** Each named group's number. */
function namedGroups(alt: RegexAlt): Map<string, number> {
  const names = new Map<string, number>();
  const visit = (node: RegexNode): void => {
    switch (node.t) {
      case 'group':
        if (node.name !== null && !names.has(node.name)) names.set(node.name, node.index);
        node.body.branches.forEach((b) => b.forEach(visit));
        return;
      case 'look':
        node.body.branches.forEach((b) => b.forEach(visit));
        return;
      case 'alt':
        node.alt.branches.forEach((b) => b.forEach(visit));
        return;
      case 'quant':
        visit(node.body);
        return;
      default:
    }
  };
  alt.branches.forEach((b) => b.forEach(visit));
  return names;
}

export type AnyPattern = RoutePattern | RegexPattern;

/** Whether a converter regex can safely be reused as a whole-segment check. */
export function isSegmentConverter(converter: CompiledConverter): boolean {
  return !converter.slashy;
}
