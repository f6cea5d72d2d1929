/**
 * The compiled side of `URLResolver.reverse()`. Django's algorithm (§1.9–1.10 of the spec):
 * per resolver, a table of lookups built walking the patterns in reverse (so the last-declared
 * pattern of a name is tried first), namespaces and application instances hoisted through
 * includes without an app name; `app:ns:name` resolved against `currentApp`; then, per candidate
 * and per normalised form, the arguments are checked, converted with `toUrl`, substituted,
 * re-matched against the pattern, percent-encoded, and a leading `//` escaped.
 *
 * What we do once instead of per call: the namespace walk and candidate compilation are cached
 * per (view name, current app); candidates whose joined route is made of whole-segment
 * placeholders re-match by testing each value against its converter (equivalent to Django's full
 * regex search, and much faster); other candidates keep a compiled verification regex.
 *
 * Better than Django: a pattern Django's normaliser refuses (an inline flag, a comment) makes only
 * reverses of that pattern fail, not every reverse in the urlconf.
 */
import { NoReverseMatch } from '../errors.js';
import { URLPattern, viewPath } from '../url-pattern.js';
import type { AnyResolver as URLResolver } from './node-types.js';
import { formatValue } from './format-value.js';
import type { DirectBuilder, GeneratedBuilder } from './generate-reverse.js';
import { generateBuilder } from './generate-reverse.js';
import type { AnyNode } from './node-types.js';
import type { ReverseForm } from './python-regex.js';
import { compileLinear, literalFragment, UnsupportedByLinearEngine } from './linear-regex.js';
import { emitJs, normalizeRegex, parsePythonRegex } from './python-regex.js';
import { escapeLeadingSlashes, quote } from './quote.js';
import type { CompiledConverter, RoutePiece } from './route-pattern.js';
import { findSuperLinear } from './super-linear.js';

type LookupKey = string | ((...args: never[]) => unknown);

interface Entry {
  /** Python regex source relative to the table's resolver (Django's `p_pattern + pat`). */
  source: string;
  /** The routes/regexes as written, joined (for messages). */
  display: string;
  defaults: Readonly<Record<string, unknown>>;
  converters: ReadonlyMap<string, CompiledConverter>;
  /** Route pieces when every level is a `path()` route, else null. */
  pieces: readonly RoutePiece[] | null;
}

interface NamespaceEntry {
  source: string;
  display: string;
  pieces: readonly RoutePiece[] | null;
  converters: ReadonlyMap<string, CompiledConverter>;
  node: URLResolver;
}

interface Table {
  names: Map<LookupKey, Entry[]>;
  namespaces: Map<string, NamespaceEntry>;
  apps: Map<string, string[]>;
}

interface CompiledForm {
  parts: ReverseForm['parts'];
  params: string[];
  paramSet: ReadonlySet<string>;
  /** The converter of each parameter (by index in `params`), if it has one. */
  converters: Array<CompiledConverter | undefined>;
  /** The per-value re-match of each parameter, or null when the candidate uses `verify`. */
  checks: Array<CompiledConverter | undefined> | null;
  /** Percent-encoded literal text around the placeholders (script prefix included). */
  literals: string[];
  /** Which parameter each placeholder shows, by index in `params`. */
  slots: number[];
  /** The form's builder generated as code, when it has one (else `#tryForm` builds it). */
  builder: GeneratedBuilder | null;
  /** The same, taking `reverse()`'s options, for a name with this one form. */
  direct: DirectBuilder | null;
}

interface Candidate {
  display: string;
  forms: CompiledForm[];
  /** Why the pattern cannot be reversed, or null. */
  unreversible: string | null;
  defaults: Readonly<Record<string, unknown>>;
  hasDefaults: boolean;
  converters: ReadonlyMap<string, CompiledConverter>;
  /** Per-value re-match (whole-segment placeholders), or null to use `verify`. */
  segmentChecks: ReadonlyMap<string, CompiledConverter> | null;
  verify: { test(text: string): boolean } | null;
}

interface Lookup {
  label: string;
  candidates: Candidate[];
  /** The generated whole call when the name has a single candidate with a single form. */
  direct: DirectBuilder | null;
}

/** Options accepted by `reverse()`. */
export interface ReverseCallOptions {
  args?: readonly unknown[] | undefined;
  kwargs?: Readonly<Record<string, unknown>> | undefined;
  currentApp?: string | null | undefined;
  query?: unknown;
  fragment?: string | null | undefined;
}

const tables = new WeakMap<URLResolver, Table>();

function stripCaret(source: string): string {
  return source.startsWith('^') ? source.slice(1) : source;
}

function joinDisplay(a: string, b: string): string {
  if (a === '') return b;
  return a + stripCaret(b);
}

function patternSource(node: AnyNode): string {
  const p = node.pattern!;
  return stripCaret(p.kind === 'route' ? p.pythonRegex : p.source);
}

function mergeConverters(
  ...maps: Array<ReadonlyMap<string, CompiledConverter>>
): ReadonlyMap<string, CompiledConverter> {
  const out = new Map<string, CompiledConverter>();
  for (const map of maps) for (const [k, v] of map) out.set(k, v);
  return out;
}

function concatPieces(
  a: readonly RoutePiece[] | null,
  b: readonly RoutePiece[] | null,
): readonly RoutePiece[] | null {
  return a === null || b === null ? null : [...a, ...b];
}

function ownPieces(node: AnyNode): readonly RoutePiece[] | null {
  const p = node.pattern!;
  return p.kind === 'route' ? p.pieces : null;
}

function append(names: Map<LookupKey, Entry[]>, key: LookupKey, entry: Entry): void {
  const list = names.get(key);
  if (list === undefined) names.set(key, [entry]);
  else list.push(entry);
}

/** Django's `_populate`, once per resolver. */
function tableFor(resolver: URLResolver): Table {
  let table = tables.get(resolver);
  if (table !== undefined) return table;
  table = { names: new Map(), namespaces: new Map(), apps: new Map() };
  const patterns = resolver.urlpatterns;
  for (let i = patterns.length - 1; i >= 0; i--) {
    const child = patterns[i]!;
    const source = patternSource(child);
    if (child instanceof URLPattern) {
      const entry: Entry = {
        source,
        display: child.pattern.source,
        defaults: child.defaultArgs,
        converters: child.pattern.converters,
        pieces: ownPieces(child),
      };
      append(table.names, child.callback, entry);
      if (child.name !== null) append(table.names, child.name, entry);
      continue;
    }
    if (child.appName !== null) {
      const list = table.apps.get(child.appName);
      if (list === undefined) table.apps.set(child.appName, [child.namespace!]);
      else list.push(child.namespace!);
      table.namespaces.set(child.namespace!, {
        source,
        display: child.pattern!.source,
        pieces: ownPieces(child),
        converters: child.pattern!.converters,
        node: child,
      });
      continue;
    }
    const sub = tableFor(child);
    for (const [key, entries] of sub.names) {
      for (const e of entries) {
        append(table.names, key, {
          source: source + e.source,
          display: joinDisplay(child.pattern!.source, e.display),
          defaults: { ...e.defaults, ...child.defaultKwargs },
          converters: mergeConverters(child.pattern!.converters, e.converters),
          pieces: concatPieces(ownPieces(child), e.pieces),
        });
      }
    }
    for (const [ns, e] of sub.namespaces) {
      table.namespaces.set(ns, {
        source: source + e.source,
        display: joinDisplay(child.pattern!.source, e.display),
        pieces: concatPieces(ownPieces(child), e.pieces),
        converters: mergeConverters(child.pattern!.converters, e.converters),
        node: e.node,
      });
    }
    for (const [app, list] of sub.apps) {
      const mine = table.apps.get(app);
      if (mine === undefined) table.apps.set(app, [...list]);
      else mine.push(...list);
    }
  }
  tables.set(resolver, table);
  return table;
}

/**
 * Which values can be re-matched one by one: when every placeholder of the joined route is a
 * whole segment with a converter that cannot match `/`, the full regex matches the substituted
 * text exactly when each value matches its converter and holds no `/`.
 */
function segmentChecks(pieces: readonly RoutePiece[]): Map<string, CompiledConverter> | null {
  const checks = new Map<string, CompiledConverter>();
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (typeof piece === 'string') continue;
    if (piece.converter.slashy || checks.has(piece.param)) return null;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    const startsSegment =
      before === undefined || (typeof before === 'string' && before.endsWith('/'));
    const endsSegment = after === undefined || (typeof after === 'string' && after.startsWith('/'));
    if (!startsSegment || !endsSegment) return null;
    checks.set(piece.param, piece.converter);
  }
  return checks;
}

function escapeJs(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`);
}

function compileCandidate(
  generate: boolean,
  prefix: string,
  source: string,
  display: string,
  pieces: readonly RoutePiece[] | null,
  defaults: Readonly<Record<string, unknown>>,
  converters: ReadonlyMap<string, CompiledConverter>,
): Candidate {
  const candidate: Candidate = {
    display,
    forms: [],
    unreversible: null,
    defaults,
    hasDefaults: Object.keys(defaults).length !== 0,
    converters,
    segmentChecks: null,
    verify: null,
  };
  try {
    const parsed = parsePythonRegex(source, true);
    const checks = pieces === null ? null : segmentChecks(pieces);
    candidate.segmentChecks = checks;
    candidate.forms = normalizeRegex(parsed).map((form): CompiledForm => {
      const literals = [quote(prefix)];
      const slots: number[] = [];
      for (const part of form.parts) {
        if (typeof part === 'string') {
          literals[literals.length - 1] += quote(part);
        } else {
          slots.push(form.params.indexOf(part.param));
          literals.push('');
        }
      }
      const compiled: CompiledForm = {
        parts: form.parts,
        params: form.params,
        paramSet: new Set(form.params),
        converters: form.params.map((p) => converters.get(p)),
        checks: checks === null ? null : form.params.map((p) => checks.get(p)),
        literals,
        slots,
        builder: null,
        direct: null,
      };
      // Built-in converters only (toUrl is String()), no extra kwargs: a generated builder.
      if (
        generate &&
        compiled.checks !== null &&
        !candidate.hasDefaults &&
        compiled.converters.every((c) => c !== undefined && c.kind !== 2)
      ) {
        const generated = generateBuilder(
          { params: compiled.params, checks: compiled.checks, literals, slots },
          quoteSegment,
          escapeLeadingSlashes,
        );
        if (generated !== null) {
          compiled.builder = generated.builder;
          compiled.direct = generated.direct;
        }
      }
      return compiled;
    });
    if (candidate.segmentChecks === null) {
      let js: string;
      try {
        js = emitJs(parsed, { noCapture: true });
      } catch {
        js = emitJs(parsed);
      }
      candidate.verify = new RegExp(`^${escapeJs(prefix)}${js}`, 'u');
      // The values are the caller's (often a request's): re-match them in linear time too.
      const fragments = [literalFragment(prefix), { root: parsed.root, flags: parsed.flags }];
      if (findSuperLinear(fragments, true) !== null) {
        try {
          const linear = compileLinear(fragments, [0, parsed.groupCount], {
            anchored: true,
            fullmatch: false,
          });
          candidate.verify = { test: (text) => linear.exec(text) !== null };
        } catch (error) {
          // Stays native: a super-linear rePath() with a back-reference was refused when declared.
          if (!(error instanceof UnsupportedByLinearEngine)) throw error;
        }
      }
    }
  } catch (error) {
    candidate.unreversible = (error as Error).message;
    candidate.forms = [];
  }
  return candidate;
}

/** Characters `quote()` leaves as they are (below 128). */
const SAFE_TABLE = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~!$&'()*+,;=/:@") {
  SAFE_TABLE[c.charCodeAt(0)] = 1;
}

/** The characters `quote()` leaves as they are, but `/` (a `str` value cannot hold it). */
const SEGMENT_TABLE = SAFE_TABLE.slice();
SEGMENT_TABLE[47] = 0;

/** A `str` value's re-match (non-empty, no `/`) and percent-encoding; null when it does not match. */
function quoteSegment(text: string): string | null {
  const n = text.length;
  if (n === 0) return null;
  // Letters and digits by range (cheaper than a table load), other characters by the table; a
  // value needing escapes is looked at again only then.
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
    if (c >= 128 || SEGMENT_TABLE[c] === 0) return text.indexOf('/') === -1 ? quote(text) : null;
  }
  return text;
}

/**
 * A whole-segment value's re-match (no `/`, matches the converter) and its percent-encoding,
 * in one pass for the built-in classes; null when it does not match.
 */
function checkAndQuote(text: string, converter: CompiledConverter): string | null {
  const n = text.length;
  const regex = converter.converter.regex;
  if (regex === '[^/]+') return quoteSegment(text);
  if (regex === '[0-9]+' || regex === '[-a-zA-Z0-9_]+') {
    // Every character these accept is left as is by quote().
    return converter.testRange(text, 0, n) ? text : null;
  }
  if (text.indexOf('/') !== -1 || !converter.test(text)) return null;
  return quote(text);
}

/** Whether the text after the first `/` (placeholders and literals in order) starts with `/`. */
function startsWithSlash(texts: string[], slots: number[], literals: string[]): boolean {
  for (let j = 0; j < slots.length; j++) {
    const text = texts[slots[j]!]!;
    if (text !== '') return text.charCodeAt(0) === 47;
    const literal = literals[j + 1]!;
    if (literal !== '') return literal.charCodeAt(0) === 47;
  }
  return false;
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    try {
      return JSON.stringify(a) === JSON.stringify(b);
    } catch {
      return false;
    }
  }
  return false;
}

function hasOwn(object: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function encodeQuery(query: unknown): string {
  if (query === null || query === undefined) return '';
  if (typeof query === 'string') {
    throw new TypeError(
      'reverse() query must be an object, an array of pairs or URLSearchParams, not a string.',
    );
  }
  if (query instanceof URLSearchParams) return query.toString();
  const params = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  };
  if (Array.isArray(query)) {
    for (const pair of query as Array<[string, unknown]>) add(String(pair[0]), pair[1]);
  } else if (typeof (query as { urlencode?: unknown }).urlencode === 'function') {
    return String((query as { urlencode: () => string }).urlencode());
  } else {
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) add(key, value);
  }
  return params.toString();
}

/** Everything reverse() needs for one root resolver. */
export class ReverseEngine {
  readonly #root: URLResolver;
  readonly #prefix: string;
  readonly #cache = new Map<string, Lookup | NoReverseMatch>();
  readonly #viewCache = new Map<LookupKey, Lookup>();
  #lastName: unknown = undefined;
  #lastApp: string | null = null;
  #lastLookup: Lookup | undefined = undefined;

  readonly #generate: boolean;

  constructor(root: URLResolver, scriptPrefix = '/', generate = true) {
    this.#root = root;
    this.#prefix = scriptPrefix.endsWith('/') ? scriptPrefix : `${scriptPrefix}/`;
    this.#generate = generate;
  }

  reverse(
    viewname: string | ((...args: never[]) => unknown),
    options: ReverseCallOptions = EMPTY,
  ): string {
    // The name reversed last time, again (a page's links, a loop), with a generated builder:
    // kept small so it is inlined into the caller.
    if (viewname === this.#lastName && (options.currentApp ?? null) === this.#lastApp) {
      const direct = this.#lastLookup!.direct;
      if (direct !== null) {
        const url = direct(options);
        if (url !== null) return url;
      }
    }
    return this.#reverse(viewname, options);
  }

  #reverse(
    viewname: string | ((...args: never[]) => unknown),
    options: ReverseCallOptions,
  ): string {
    const currentApp = options.currentApp ?? null;
    let lookup: Lookup;
    if (viewname === this.#lastName && currentApp === this.#lastApp) {
      lookup = this.#lastLookup!;
    } else {
      lookup = this.#lookup(viewname, currentApp);
      this.#lastName = viewname;
      this.#lastApp = currentApp;
      this.#lastLookup = lookup;
      const direct = lookup.direct;
      if (direct !== null) {
        const url = direct(options);
        if (url !== null) return url;
      }
    }
    let url = this.#build(lookup, options.args, options.kwargs);
    if (options.query !== undefined && options.query !== null) {
      const query = encodeQuery(options.query);
      if (query !== '') url += `?${query}`;
    }
    if (options.fragment !== undefined && options.fragment !== null) url += `#${options.fragment}`;
    return url;
  }

  #lookup(viewname: string | ((...args: never[]) => unknown), currentApp: string | null): Lookup {
    if (typeof viewname !== 'string') {
      let lookup = this.#viewCache.get(viewname);
      if (lookup === undefined) {
        lookup = this.#compile(this.#root, '', '', [], new Map(), viewname, viewPath(viewname));
        this.#viewCache.set(viewname, lookup);
      }
      return lookup;
    }
    const key = currentApp === null ? viewname : `${viewname}\u0000${currentApp}`;
    let cached = this.#cache.get(key);
    if (cached === undefined) {
      try {
        cached = this.#resolveNamespaces(viewname, currentApp);
      } catch (error) {
        if (!NoReverseMatch.isInstance(error)) throw error;
        cached = error;
      }
      this.#cache.set(key, cached);
    }
    if (cached instanceof NoReverseMatch) {
      throw new NoReverseMatch(cached.message, cached.viewName, cached.patternsTried);
    }
    return cached;
  }

  /** Django's namespace walk in `reverse()`. */
  #resolveNamespaces(viewname: string, currentApp: string | null): Lookup {
    const parts = viewname.split(':');
    const view = parts.pop()!;
    let currentPath =
      currentApp === null || currentApp === '' ? null : currentApp.split(':').reverse();
    const resolved: string[] = [];
    let resolver = this.#root;
    let source = '';
    let display = '';
    let pieces: RoutePiece[] | null = [];
    let converters = new Map<string, CompiledConverter>();
    for (let ns of parts) {
      const currentNs = currentPath !== null && currentPath.length > 0 ? currentPath.pop()! : null;
      const table = tableFor(resolver);
      const appList = table.apps.get(ns);
      if (appList !== undefined) {
        if (currentNs !== null && appList.includes(currentNs)) ns = currentNs;
        else if (!appList.includes(ns)) ns = appList[0]!;
      }
      if (ns !== currentNs) currentPath = null;
      const entry = table.namespaces.get(ns);
      if (entry === undefined) {
        const where = resolved.length > 0 ? ` inside '${resolved.join(':')}'` : '';
        throw new NoReverseMatch(
          `'${ns}' is not a registered namespace${where}. Check the namespace in '${viewname}' against the include() calls of the urlconf.`,
          view,
        );
      }
      resolved.push(ns);
      source += entry.source;
      display = joinDisplay(display, entry.display);
      pieces = concatPieces(pieces, entry.pieces) as RoutePiece[] | null;
      converters = new Map([...converters, ...entry.converters]);
      resolver = entry.node;
    }
    return this.#compile(resolver, source, display, pieces, converters, view, view);
  }

  #compile(
    resolver: URLResolver,
    source: string,
    display: string,
    pieces: readonly RoutePiece[] | null,
    converters: ReadonlyMap<string, CompiledConverter>,
    key: LookupKey,
    label: string,
  ): Lookup {
    const entries = tableFor(resolver).names.get(key) ?? [];
    const candidates = entries.map((e) =>
      compileCandidate(
        this.#generate,
        this.#prefix,
        source + e.source,
        joinDisplay(display, e.display),
        concatPieces(pieces, e.pieces),
        e.defaults,
        mergeConverters(converters, e.converters),
      ),
    );
    const only = candidates.length === 1 ? candidates[0]! : null;
    const direct = only !== null && only.forms.length === 1 ? only.forms[0]!.direct : null;
    return { label, candidates, direct };
  }

  #build(
    lookup: Lookup,
    args: readonly unknown[] | undefined,
    kwargs: Readonly<Record<string, unknown>> | undefined,
  ): string {
    const positional = args !== undefined && args !== null && args.length > 0 ? args : null;
    let keyword: Readonly<Record<string, unknown>> | null = null;
    let count = 0;
    // The kwargs are the object's own enumerable properties (Object.keys: also the faster count).
    if (kwargs !== undefined && kwargs !== null) {
      count = Object.keys(kwargs).length;
      if (count > 0) keyword = kwargs;
    }
    if (positional !== null && keyword !== null) {
      throw new TypeError(
        "Don't mix args and kwargs in call to reverse()! Pass either args or kwargs.",
      );
    }
    for (const candidate of lookup.candidates) {
      for (const form of candidate.forms) {
        const builder = form.builder;
        const url =
          builder !== null
            ? builder(positional, keyword ?? EMPTY, count)
            : this.#tryForm(candidate, form, positional, keyword, count);
        if (url !== null) return url;
      }
    }
    throw this.#failure(lookup, positional, keyword);
  }

  #tryForm(
    candidate: Candidate,
    form: CompiledForm,
    args: readonly unknown[] | null,
    kwargs: Readonly<Record<string, unknown>> | null,
    keyCount: number,
  ): string | null {
    const params = form.params;
    const n = params.length;
    const defaults = candidate.defaults;
    const given = kwargs ?? EMPTY;
    // The values by parameter index; replaced by their URL text below.
    const values = new Array<unknown>(n);
    if (args !== null) {
      if (args.length !== n) return null;
      for (let i = 0; i < n; i++) values[i] = args[i];
    } else if (!candidate.hasDefaults) {
      // Exactly the parameters: as many keys as parameters, and every parameter present.
      if (keyCount !== n) return null;
      for (let i = 0; i < n; i++) {
        const p = params[i]!;
        const value = given[p];
        if (value === undefined && !hasOwn(given, p)) return null;
        values[i] = value;
      }
    } else {
      for (const k of Object.keys(given)) {
        if (!form.paramSet.has(k) && !hasOwn(defaults, k)) return null;
      }
      for (let i = 0; i < n; i++) {
        const p = params[i]!;
        if (!hasOwn(given, p) && !hasOwn(defaults, p)) return null;
      }
      // Django 3.2: a passed value for an extra-kwargs key must equal it.
      for (const k in defaults) {
        if (hasOwn(given, k) && !pyEquals(given[k], defaults[k])) return null;
      }
      // A parameter supplied only by the pattern's extra kwargs takes that value (Django raises
      // a raw KeyError here).
      for (let i = 0; i < n; i++) {
        const p = params[i]!;
        values[i] = hasOwn(given, p) ? given[p] : defaults[p];
      }
    }
    const texts = values as string[];
    const converters = form.converters;
    const checks = form.checks;
    for (let i = 0; i < n; i++) {
      const value = values[i];
      const converter = converters[i];
      let text: string;
      if (converter === undefined || converter.kind !== 2) {
        text = typeof value === 'string' ? value : String(value);
      } else {
        try {
          text = String(converter.converter.toUrl(value as never));
        } catch (error) {
          // Django treats only a ValueError as "this candidate does not fit"; a TypeError (a
          // programming mistake, in Python as in JavaScript) propagates out of reverse().
          if (isProgrammingError(error)) throw error;
          return null;
        }
      }
      if (checks !== null) {
        const check = checks[i];
        if (check !== undefined) {
          // Re-match and percent-encode in one pass over the value.
          const encoded = checkAndQuote(text, check);
          if (encoded === null) return null;
          text = encoded;
        } else {
          text = quote(text);
        }
      }
      texts[i] = text;
    }
    if (checks === null) {
      let raw = this.#prefix;
      for (const part of form.parts)
        raw += typeof part === 'string' ? part : texts[params.indexOf(part.param)]!;
      if (!candidate.verify!.test(raw)) return null;
    }
    const literals = form.literals;
    const slots = form.slots;
    const head = literals[0]!;
    let url = head;
    if (checks === null) for (let i = 0; i < n; i++) texts[i] = quote(texts[i]!);
    for (let j = 0; j < slots.length; j++) url += texts[slots[j]!]! + literals[j + 1]!;
    // Only a URL whose first literal is a bare `/` can start with `//`; test the pieces rather
    // than the concatenation (reading a character would flatten it).
    if (head.length >= 2)
      return head.charCodeAt(1) === 47 && head.charCodeAt(0) === 47
        ? escapeLeadingSlashes(url)
        : url;
    return head === '/' && slots.length > 0 && startsWithSlash(texts, slots, literals)
      ? escapeLeadingSlashes(url)
      : url;
  }

  #failure(
    lookup: Lookup,
    args: readonly unknown[] | null,
    kwargs: Readonly<Record<string, unknown>> | null,
  ): NoReverseMatch {
    const label = lookup.label;
    const patterns = lookup.candidates.map((c) => c.display);
    if (patterns.length === 0) {
      return new NoReverseMatch(
        `Reverse for '${label}' not found. '${label}' is not a valid view function or pattern name. Check the name against the urlconf's path(…, { name }) options.`,
        label,
        patterns,
      );
    }
    const argDescription =
      args !== null
        ? `arguments ${formatValue(args)}`
        : kwargs !== null
          ? `keyword arguments ${formatValue(kwargs)}`
          : 'no arguments';
    const notes = lookup.candidates
      .filter((c) => c.unreversible !== null)
      .map((c) => ` '${c.display}' cannot be reversed: ${c.unreversible}.`)
      .join('');
    return new NoReverseMatch(
      `Reverse for '${label}' with ${argDescription} not found. ${patterns.length} pattern(s) tried: ${formatValue(patterns)}.${notes}`,
      label,
      patterns,
    );
  }
}

/** A `TypeError` or `ReferenceError`: a bug to surface, not a value the converter refuses. */
function isProgrammingError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ReferenceError;
}
