/**
 * The compiled matcher behind `URLResolver.resolve()`. Django's algorithm is "the first leaf, in
 * declaration order, whose include chain matches step by step". We flatten the tree into leaves
 * once and answer that question three ways, fastest first, all giving Django's answer:
 *
 * 1. a static map from full path to the precomputed winner (computed by running 2+3 on the path
 *    itself at build time, so a static route shadowed by an earlier dynamic one stays shadowed);
 * 2. a segment trie over the "simple" leaves (every piece of the joined route is a literal segment
 *    or one whole-segment placeholder whose converter cannot match `/`), searched depth-first for
 *    the lowest declaration index, pruning subtrees whose lowest index cannot win;
 * 3. the remaining leaves (`rePath()`, `<path:…>`, placeholders mixed with text) matched step by
 *    step like Django, but only those declared before the trie's winner.
 *
 * Converter failures fall through exactly as Django's: a leaf whose converter throws is skipped
 * and the search continues. Where `new Function` is allowed, step 2 runs as generated code
 * (`generate-search.ts`); the interpreter below stays for the other runtimes.
 */
import { StaticPaths } from './static-paths.js';
import type { TriedPattern } from '../errors.js';
import type { MatchInfo, MatchRecord, TriedSource } from '../resolver-match.js';
import { ResolverMatch } from '../resolver-match.js';
import type { View } from '../route-params.js';
import { URLPattern, viewPath } from '../url-pattern.js';
import type { AnyResolver as URLResolver } from './node-types.js';
import type { AnyNode } from './node-types.js';
import type { GeneratedSearch } from './generate-search.js';
import { generateSearch } from './generate-search.js';
import type { CompiledConverter, PatternMatch } from './route-pattern.js';

export interface SimpleLeaf {
  /** Segments of the joined route: literal text, or a converter for a whole-segment placeholder. */
  segments: Array<string | CompiledConverter>;
  paramNames: string[];
  converters: CompiledConverter[];
  /** Whether every converter is a built-in (no user code runs while converting). */
  fast: boolean;
  /** Null when kwargs are just the captures in order; else how to merge levels and defaults. */
  plan: Array<{ count: number; defaults: Readonly<Record<string, unknown>> }> | null;
}

export interface Leaf {
  index: number;
  /** Include nodes from the engine's root (exclusive) down to the leaf's parent. */
  chain: URLResolver[];
  pattern: URLPattern;
  view: View;
  info: MatchInfo;
  /** What every trie match of this leaf shares (no positional args, kwargs of its own). */
  record: MatchRecord;
  simple: SimpleLeaf | null;
  /**
   * For a leaf whose joined route is all `path()` routes with converters that cannot match `/`:
   * how many `/` a matching path holds after the root's. Checked before running the route's
   * regex, which would otherwise backtrack quadratically on a long path that lacks the final
   * literal (two placeholders sharing a segment, as `<a>-<b>/`).
   */
  slashes: number;
}

export interface StaticEdge {
  text: string;
  node: TrieNode;
}

export interface TrieNode {
  /** Literal children while building. */
  statics: Map<string, TrieNode> | null;
  /** Literal children for lookup: compared in place, no substring or string hashing. */
  staticList: StaticEdge[] | null;
  /** With many literal children: buckets by first character and length. */
  staticIndex: Map<number, StaticEdge[]> | null;
  params: Array<{ converter: CompiledConverter; node: TrieNode; min: number }>;
  leaves: Leaf[];
  min: number;
}

interface SearchState {
  bestIndex: number;
  best: Leaf | null;
  kwargs: Record<string, unknown> | null;
  /** Start and end offsets of the captured segments, by placeholder position. */
  starts: number[];
  ends: number[];
  busy: boolean;
}

interface Precomputed {
  leaf: Leaf;
  args: readonly (string | undefined)[];
  kwargs: Record<string, unknown>;
  /** For a static path: what each of its matches shares, kwargs as the template. */
  record: MatchRecord | null;
}

function newNode(): TrieNode {
  return {
    statics: null,
    staticList: null,
    staticIndex: null,
    params: [],
    leaves: [],
    min: Infinity,
  };
}

function bucketKey(path: string, pos: number, length: number): number {
  return length === 0 ? -1 : path.charCodeAt(pos) * 256 + (length & 255);
}

const EMPTY_ARGS: readonly string[] = Object.freeze([]);

function joinRoute(route1: string, route2: string): string {
  if (route1 === '') return route2;
  return route1 + (route2.startsWith('^') ? route2.slice(1) : route2);
}

export class ResolveEngine implements TriedSource {
  readonly leaves: Leaf[] = [];
  readonly #root: URLResolver;
  readonly #isRoot: boolean;
  readonly #trie: TrieNode = newNode();
  readonly #complex: Leaf[] = [];
  readonly #static = new StaticPaths<Precomputed>();
  #maxParams = 0;
  #state: SearchState | null = null;
  #trieOnly = false;
  #generated: GeneratedSearch | null = null;

  constructor(root: URLResolver, options: { generate?: boolean } = {}) {
    this.#root = root;
    this.#isRoot = root.pattern === null;
    this.#flatten(root, [], '');
    for (const leaf of this.leaves) {
      if (leaf.simple === null) this.#complex.push(leaf);
      else this.#insert(leaf);
    }
    this.#sortEdges(this.#trie);
    this.#trieOnly = this.#isRoot && this.#complex.length === 0;
    if (this.#isRoot && options.generate !== false) {
      this.#generated = generateSearch(this.#trie, this.#maxParams);
    }
    // Precompute the winner of every fully static path (it may be an earlier dynamic leaf).
    for (const leaf of this.leaves) {
      const simple = leaf.simple;
      if (simple === null || simple.converters.length !== 0) continue;
      const path = '/' + (simple.segments as string[]).join('/');
      if (this.#static.has(path)) continue;
      const found = this.#dynamic(path);
      if (found === null) continue;
      Object.freeze(found.args);
      found.record = {
        view: found.leaf.view,
        args: found.args,
        info: found.leaf.info,
        source: this,
        template: Object.keys(found.kwargs).length === 0 ? null : found.kwargs,
      };
      this.#static.set(path, found);
    }
    this.#static.seal();
  }

  #flatten(node: URLResolver, chain: URLResolver[], route: string): void {
    for (const child of node.urlpatterns) {
      if (child instanceof URLPattern) {
        this.#addLeaf(child as URLPattern, chain, joinRoute(route, child.pattern.source));
      } else {
        this.#flatten(child, [...chain, child], joinRoute(route, child.pattern!.source));
      }
    }
  }

  #addLeaf(pattern: URLPattern, chain: URLResolver[], route: string): void {
    const levels = this.#isRoot ? chain : [this.#root, ...chain];
    const appNames = levels.map((r) => r.appName).filter((x): x is string => !!x);
    const namespaces = levels.map((r) => r.namespace).filter((x): x is string => !!x);
    const extra: Record<string, unknown> = {};
    for (const r of levels) Object.assign(extra, r.defaultKwargs);
    Object.assign(extra, pattern.defaultArgs);
    const viewName = [...namespaces, pattern.name ?? viewPath(pattern.callback)].join(':');
    const info: MatchInfo = Object.freeze({
      urlName: pattern.name,
      route,
      appNames: Object.freeze(appNames),
      namespaces: Object.freeze(namespaces),
      appName: appNames.join(':'),
      namespace: namespaces.join(':'),
      viewName,
      extraKwargs: Object.freeze(extra),
    });
    const leaf: Leaf = {
      index: this.leaves.length,
      chain,
      pattern,
      view: pattern.callback,
      info,
      record: { view: pattern.callback, args: EMPTY_ARGS, info, source: this, template: null },
      simple: this.#isRoot ? simplify(chain, pattern) : null,
      slashes: this.#isRoot ? countSlashes(chain, pattern) : -1,
    };
    this.leaves.push(leaf);
  }

  #insert(leaf: Leaf): void {
    const simple = leaf.simple!;
    this.#maxParams = Math.max(this.#maxParams, simple.converters.length);
    let node = this.#trie;
    node.min = Math.min(node.min, leaf.index);
    for (const segment of simple.segments) {
      let next: TrieNode | undefined;
      if (typeof segment === 'string') {
        node.statics ??= new Map();
        next = node.statics.get(segment);
        if (next === undefined) node.statics.set(segment, (next = newNode()));
      } else {
        let edge = node.params.find((e) => e.converter === segment);
        if (edge === undefined) {
          edge = { converter: segment, node: newNode(), min: Infinity };
          node.params.push(edge);
        }
        edge.min = Math.min(edge.min, leaf.index);
        next = edge.node;
      }
      node = next;
      node.min = Math.min(node.min, leaf.index);
    }
    node.leaves.push(leaf);
  }

  #sortEdges(node: TrieNode): void {
    node.params.sort((a, b) => a.min - b.min);
    for (const edge of node.params) this.#sortEdges(edge.node);
    if (node.statics !== null) {
      node.staticList = [];
      for (const [text, child] of node.statics) {
        this.#sortEdges(child);
        node.staticList.push({ text, node: child });
      }
      if (node.staticList.length > 6) {
        node.staticIndex = new Map();
        for (const edge of node.staticList) {
          const key = bucketKey(edge.text, 0, edge.text.length);
          const bucket = node.staticIndex.get(key);
          if (bucket === undefined) node.staticIndex.set(key, [edge]);
          else bucket.push(edge);
        }
      }
    }
  }

  /** Resolve without throwing: the match, or null. */
  match(path: string): ResolverMatch | null {
    const hit = this.#static.get(path);
    if (hit !== undefined) {
      return new ResolverMatch<Record<string, unknown>>(hit.record!, null, path);
    }
    return this.#search(path);
  }

  /**
   * The search for a path that is not a static route's: a function of its own, so its
   * optimization does not depend on whether static hits came first.
   */
  #search(path: string): ResolverMatch | null {
    if (this.#trieOnly) {
      // Every leaf is in the trie: search it and build the match directly.
      if (path.charCodeAt(0) !== 47) return null;
      const generated = this.#generated;
      if (generated !== null) {
        const found = generated(path);
        return found === null ? null : new ResolverMatch(found.leaf.record, found.kw, path);
      }
      const state = this.#acquire();
      search(this.#trie, path, 1, 0, state);
      state.busy = false;
      const leaf = state.best;
      if (leaf === null) return null;
      const kwargs = state.kwargs!;
      state.best = null;
      state.kwargs = null;
      return new ResolverMatch(leaf.record, kwargs, path);
    }
    const found = this.#dynamic(path);
    if (found === null) return null;
    const leaf = found.leaf;
    const record =
      found.args.length === 0
        ? leaf.record
        : { view: leaf.view, args: found.args, info: leaf.info, source: this, template: null };
    return new ResolverMatch(record, found.kwargs, path);
  }

  /** The reusable search state, reset; a fresh one when a converter resolves re-entrantly. */
  #acquire(): SearchState {
    let state = this.#state;
    if (state === null || state.busy) {
      state = {
        bestIndex: Infinity,
        best: null,
        kwargs: null,
        starts: new Array<number>(this.#maxParams).fill(0),
        ends: new Array<number>(this.#maxParams).fill(0),
        busy: false,
      };
      this.#state ??= state;
    }
    state.busy = true;
    state.bestIndex = Infinity;
    state.best = null;
    state.kwargs = null;
    return state;
  }

  /** Whether the path gets past the root's own pattern (else a 404 has no `tried`). */
  rootRest(path: string): PatternMatch | null {
    if (this.#isRoot) {
      return path.charCodeAt(0) === 47 ? { rest: path.slice(1), args: [], kwargs: {} } : null;
    }
    return this.#root.pattern!.match(path);
  }

  #dynamic(path: string): Precomputed | null {
    let bestIndex = Infinity;
    let result: Precomputed | null = null;
    if (this.#isRoot) {
      if (path.charCodeAt(0) !== 47) return null;
      const generated = this.#generated;
      if (generated !== null) {
        const found = generated(path);
        if (found !== null) {
          bestIndex = found.leaf.index;
          result = { leaf: found.leaf, args: EMPTY_ARGS, kwargs: found.kw, record: null };
        }
      } else if (this.#trie.min !== Infinity) {
        // If the search throws (it should not), the state stays busy and the next call makes a
        // fresh one.
        const state = this.#acquire();
        search(this.#trie, path, 1, 0, state);
        state.busy = false;
        if (state.best !== null) {
          bestIndex = state.bestIndex;
          result = { leaf: state.best, args: EMPTY_ARGS, kwargs: state.kwargs!, record: null };
          state.best = null;
          state.kwargs = null;
        }
      }
    }
    const complex = this.#complex;
    if (complex.length === 0 || complex[0]!.index >= bestIndex) return result;
    const root = this.rootRest(path);
    if (root === null) return null;
    let slashes = -1;
    for (const leaf of complex) {
      if (leaf.index >= bestIndex) break;
      if (leaf.slashes >= 0) {
        if (slashes < 0) slashes = count(root.rest, 47);
        if (slashes !== leaf.slashes) continue;
      }
      const m = this.#matchChain(leaf, root);
      if (m !== null) return { leaf, args: m.args, kwargs: m.kwargs, record: null };
    }
    return result;
  }

  /** Django's step-by-step match of one leaf's include chain, with its kwargs/args merging. */
  #matchChain(
    leaf: Leaf,
    root: PatternMatch,
  ): { args: (string | undefined)[]; kwargs: Record<string, unknown> } | null {
    const levels: PatternMatch[] = [root];
    let rest = root.rest;
    for (const include of leaf.chain) {
      const m = include.pattern!.match(rest);
      if (m === null) return null;
      levels.push(m);
      rest = m.rest;
    }
    const m = leaf.pattern.pattern.match(rest);
    if (m === null) return null;
    let kwargs: Record<string, unknown> = { ...m.kwargs, ...leaf.pattern.defaultArgs };
    let args: (string | undefined)[] = m.args;
    const owners = [this.#root, ...leaf.chain];
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i]!;
      const merged = { ...level.kwargs, ...owners[i]!.defaultKwargs, ...kwargs };
      if (Object.keys(merged).length === 0) args = [...level.args, ...args];
      kwargs = merged;
    }
    return { args, kwargs };
  }

  /** Django's `tried` list for a path, computed by walking the tree as Django does. */
  triedFor(path: string): TriedPattern[][] {
    const root = this.rootRest(path);
    if (root === null) return [];
    return walkTried(this.#root, root.rest).tried;
  }
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/** The `/` count of every path the leaf's joined route can match, or -1 when it varies. */
function countSlashes(chain: URLResolver[], pattern: URLPattern): number {
  let n = 0;
  for (const p of [...chain.map((c) => c.pattern!), pattern.pattern]) {
    if (p.kind !== 'route') return -1;
    for (const piece of p.pieces) {
      if (typeof piece === 'string') n += count(piece, 47);
      else if (piece.converter.slashy) return -1;
    }
  }
  return n;
}

function describeNode(node: AnyNode): TriedPattern {
  return { pattern: node.pattern!.source, name: node instanceof URLPattern ? node.name : null };
}

function walkTried(
  resolver: URLResolver,
  rest: string,
): { matched: boolean; tried: TriedPattern[][] } {
  const tried: TriedPattern[][] = [];
  for (const child of resolver.urlpatterns) {
    if (child instanceof URLPattern) {
      tried.push([describeNode(child)]);
      if (child.pattern.match(rest) !== null) return { matched: true, tried };
      continue;
    }
    const m = child.pattern!.match(rest);
    if (m === null) {
      tried.push([describeNode(child)]);
      continue;
    }
    const sub = walkTried(child, m.rest);
    const head = describeNode(child);
    for (const t of sub.tried) tried.push([head, ...t]);
    if (sub.matched) return { matched: true, tried };
  }
  return { matched: false, tried };
}

/**
 * Classify a leaf: "simple" when the joined route splits into literal segments and whole-segment
 * placeholders whose converter cannot match `/`, and when matching the include prefixes on their
 * own could not split the path differently from matching the joined route.
 */
function simplify(chain: URLResolver[], pattern: URLPattern): SimpleLeaf | null {
  const pieces: Array<string | CompiledConverter> = [];
  const paramNames: string[] = [];
  const converters: CompiledConverter[] = [];
  let plan: NonNullable<SimpleLeaf['plan']> | null = [];
  let needPlan = false;
  const seen = new Set<string>();
  const levels = [
    ...chain.map((c) => ({ pattern: c.pattern!, defaults: c.defaultKwargs, isLeaf: false })),
    { pattern: pattern.pattern, defaults: pattern.defaultArgs, isLeaf: true },
  ];
  for (const level of levels) {
    const p = level.pattern;
    if (p.kind !== 'route') return null;
    let count = 0;
    p.pieces.forEach((piece) => {
      if (typeof piece === 'string') {
        pieces.push(piece);
      } else {
        pieces.push(piece.converter);
        paramNames.push(piece.param);
        converters.push(piece.converter);
        if (seen.has(piece.param)) needPlan = true;
        seen.add(piece.param);
        count++;
      }
    });
    // A placeholder ending an include prefix must take the longest run it can, or matching the
    // prefix alone (as Django does) could stop earlier than matching the joined route.
    const last = p.pieces[p.pieces.length - 1];
    if (
      !level.isLeaf &&
      last !== undefined &&
      typeof last !== 'string' &&
      !last.converter.maximalMunch
    ) {
      return null;
    }
    if (Object.keys(level.defaults).length !== 0) needPlan = true;
    plan.push({ count, defaults: level.defaults });
  }
  if (!needPlan) plan = null;
  // Split into segments.
  const segments: Array<string | CompiledConverter> = [];
  let current: string | CompiledConverter | null = '';
  let currentIsMixed = false;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      const parts = piece.split('/');
      for (let j = 0; j < parts.length; j++) {
        if (j > 0) {
          if (currentIsMixed) return null;
          segments.push(current ?? '');
          current = '';
        }
        const text = parts[j]!;
        if (text === '') continue;
        if (typeof current === 'string') current += text;
        else currentIsMixed = true;
      }
    } else {
      if (piece.slashy) return null;
      if (current !== '') currentIsMixed = true;
      current = piece;
    }
  }
  if (currentIsMixed) return null;
  segments.push(current ?? '');
  return { segments, paramNames, converters, plan, fast: converters.every((c) => c.kind !== 2) };
}

function findStatic(node: TrieNode, path: string, pos: number, end: number): TrieNode | undefined {
  let list = node.staticList;
  if (list === null) return undefined;
  const length = end - pos;
  if (node.staticIndex !== null) {
    const bucket = node.staticIndex.get(bucketKey(path, pos, length));
    if (bucket === undefined) return undefined;
    list = bucket;
  }
  outer: for (let i = 0; i < list.length; i++) {
    const edge = list[i]!;
    const text = edge.text;
    if (text.length !== length) continue;
    for (let j = 0; j < length; j++) {
      if (path.charCodeAt(pos + j) !== text.charCodeAt(j)) continue outer;
    }
    return edge.node;
  }
  return undefined;
}

function search(
  node: TrieNode,
  path: string,
  pos: number,
  depth: number,
  state: SearchState,
): void {
  if (node.min >= state.bestIndex) return;
  if (pos < 0) {
    const leaves = node.leaves;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      if (leaf.index >= state.bestIndex) return;
      const kwargs = convert(leaf.simple!, path, state);
      if (kwargs !== null) {
        state.bestIndex = leaf.index;
        state.best = leaf;
        state.kwargs = kwargs;
        return;
      }
    }
    return;
  }
  // indexOf is native and beats a charCodeAt loop for the scan.
  const slash = path.indexOf('/', pos);
  const end = slash === -1 ? path.length : slash;
  const next = slash === -1 ? -1 : slash + 1;
  let pending = findStatic(node, path, pos, end);
  const params = node.params;
  for (let i = 0; i < params.length; i++) {
    const edge = params[i]!;
    if (pending !== undefined && pending.min <= edge.min) {
      search(pending, path, next, depth, state);
      pending = undefined;
    }
    if (edge.min >= state.bestIndex) break;
    if (edge.converter.testRange(path, pos, end)) {
      state.starts[depth] = pos;
      state.ends[depth] = end;
      search(edge.node, path, next, depth + 1, state);
    }
  }
  if (pending !== undefined) search(pending, path, next, depth, state);
}

/** `int`'s toJs without a call or a throw: NaN when the value is not a safe integer. */
function toSafeInt(text: string): number {
  const n = +text;
  return Number.isSafeInteger(n) ? n : NaN;
}

function convertOne(converter: CompiledConverter, text: string): unknown {
  if (converter.kind === 0) return text;
  if (converter.kind === 1) {
    const n = toSafeInt(text);
    if (n !== n) throw new RangeError(`${text} is not a safe integer`);
    return n;
  }
  return converter.converter.toJs(text);
}

export function convert(
  simple: SimpleLeaf,
  path: string,
  state: { starts: readonly number[]; ends: readonly number[] },
): Record<string, unknown> | null {
  const names = simple.paramNames;
  const converters = simple.converters;
  const starts = state.starts;
  const ends = state.ends;
  if (simple.plan === null && simple.fast) {
    // Built-in converters only: no calls that can throw.
    const kwargs: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const text = path.slice(starts[i], ends[i]);
      if (converters[i]!.kind === 0) {
        kwargs[names[i]!] = text;
      } else {
        const n = toSafeInt(text);
        if (n !== n) return null;
        kwargs[names[i]!] = n;
      }
    }
    return kwargs;
  }
  try {
    const values: unknown[] = [];
    for (let i = 0; i < names.length; i++) {
      values.push(convertOne(converters[i]!, path.slice(starts[i], ends[i])));
    }
    if (simple.plan === null) {
      const kwargs: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) kwargs[names[i]!] = values[i];
      return kwargs;
    }
    // Django's precedence: each level's captures, then that level's extra kwargs.
    let merged: Record<string, unknown> = {};
    let k = 0;
    for (const level of simple.plan) {
      const own: Record<string, unknown> = {};
      for (let j = 0; j < level.count; j++, k++) own[names[k]!] = values[k];
      merged = { ...merged, ...own, ...level.defaults };
    }
    return merged;
  } catch {
    return null;
  }
}
