/**
 * Helpers the compiled template functions call at render time: Django's variable lookup (key, then
 * attribute or method, then index; callables called), Python comparisons and truthiness, loops,
 * output conversion with autoescaping, and the tags that need the engine (include, extends, block,
 * url, custom tags). Sync and async variants exist where a promise may be awaited.
 *
 * @module
 */
import type { ReverseFunction } from '../engine.js';
import type { FilterContext, FilterSpec } from '../filters/filter-spec.js';
import { builtinFilters } from '../filters/index.js';
import type { CallTagDefinition, TagContext } from '../library.js';
import { isSafe, markSafe } from '../safe-string.js';
import { TemplateDoesNotExist } from '../template-does-not-exist.js';
import { TemplateRecursionError } from '../template-recursion-error.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { VariableDoesNotExist } from '../variable-does-not-exist.js';
import { Context } from './context.js';
import { fastEscape } from './fast-escape.js';
import { paragraphs, words } from './lorem.js';
import { constructRelativePath } from './parser.js';
import { PythonError } from './python-errors.js';
import { pyFloat, pyInt, pyTypeName } from './python-number.js';
import { localizeValue } from './number-localize.js';
import { isPlainObject, pyRepr, pyStr } from './python-str.js';
import { pyBool } from './python-truth.js';

export type RenderResult = string | Promise<string>;
export type RenderFunction = (
  ctx: Context,
  s: RenderState,
  ae: boolean,
  blk?: BlockRef,
) => RenderResult;

/** One compiled variant (sync or async) of a template. */
export interface CompiledTemplate {
  main: RenderFunction;
  blocks: Record<string, RenderFunction>;
}

/** What the runtime needs from a template. */
export interface RuntimeTemplate {
  readonly name: string;
  readonly originName: string;
  readonly isChild: boolean;
  compiled(asyncMode: boolean): CompiledTemplate;
}

/** What the runtime needs from an engine. */
export interface RuntimeEngine {
  readonly maxDepth: number;
  findTemplate(name: string, skip: string[]): RuntimeTemplate;
  selectTemplate(names: string[]): RuntimeTemplate;
  emitRendered(template: RuntimeTemplate, ctx: Context): void;
  readonly hasRenderListeners: boolean;
}

export type { ReverseFunction };

/** Per-render state; includes get a fresh one, extends share it. */
export interface RenderState {
  engine: RuntimeEngine;
  /** Per-template-render node state (cycles, ifchanged outside loops). */
  rc: Record<number, unknown>;
  bc: BlockContext | null;
  depth: number;
  /** The template being rendered, and the state that included it (for recursion reports). */
  name: string;
  parent: RenderState | null;
  request: unknown;
  reverse: ReverseFunction | undefined;
  history: string[] | null;
  asyncMode: boolean;
}

const AE_ON: FilterContext = Object.freeze({ autoescape: true });
const AE_OFF: FilterContext = Object.freeze({ autoescape: false });
export { AE_OFF, AE_ON };

const EMPTY: readonly unknown[] = Object.freeze([]);

/**
 * Names whose lookup must only see an object's own data or its class's members: every
 * `Object.prototype` member (functions are never searched past their own properties, so
 * `Function.prototype` needs no entry).
 */
export const BLOCKED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'constructor',
  '__proto__',
]);

/** The error for a promise met during a sync render. */
export function needsAsync(): Error {
  const error = new Error(
    'The template context holds a promise or an async iterable; render with renderAsync() instead of render().',
  );
  (error as Error & { code: string }).code = 'templates.async_context';
  return error;
}

function isThenable(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function isClass(fn: (...args: unknown[]) => unknown): boolean {
  return fn.prototype !== undefined && /^class\b/.test(Function.prototype.toString.call(fn));
}

/** Call a callable found by a lookup, as Django does (unless marked not to be called). */
function callIn(fn: (...args: unknown[]) => unknown, self: unknown): unknown {
  const marks = fn as unknown as { doNotCallInTemplates?: unknown; altersData?: unknown };
  if (marks.doNotCallInTemplates === true) return fn;
  if (marks.altersData === true) return undefined;
  if (isClass(fn)) return fn;
  try {
    return fn.call(self);
  } catch (error) {
    if ((error as { silentVariableFailure?: unknown } | null)?.silentVariableFailure === true)
      return undefined;
    if (fn.length > 0) return undefined;
    throw error;
  }
}

/** Resolve a head value: call it if callable (sync: reject promises). */
export function cv(value: unknown): unknown {
  if (typeof value === 'function')
    value = callIn(value as (...args: unknown[]) => unknown, undefined);
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  ) {
    throw needsAsync();
  }
  return value;
}

/** Async variant of `cv`: promises are returned for the compiled code to await. */
export function cvA(value: unknown): unknown {
  return typeof value === 'function'
    ? callIn(value as (...args: unknown[]) => unknown, undefined)
    : value;
}

const INDEX_RE = /^\d+$/;

function dictMethod(o: object, key: string): unknown {
  if (key === 'items') return Object.entries(o);
  if (key === 'keys') return Object.keys(o);
  if (key === 'values') return Object.values(o);
  return undefined;
}

function getSlow(o: unknown, key: string, blocked: boolean): unknown {
  if (o === null || o === undefined) return undefined;
  if (typeof o === 'string' || isSafe(o)) {
    const text = String(o);
    if (INDEX_RE.test(key)) return Array.from(text)[Number(key)];
    return key === 'length' ? text.length : undefined;
  }
  if (typeof o === 'function') {
    return Object.hasOwn(o, key) ? (o as unknown as Record<string, unknown>)[key] : undefined;
  }
  if (typeof o !== 'object') return undefined;
  if (o instanceof Map) {
    if (o.has(key)) return o.get(key);
    if (INDEX_RE.test(key) && o.has(Number(key))) return o.get(Number(key));
    if (key === 'items') return Array.from(o.entries());
    if (key === 'keys') return Array.from(o.keys());
    if (key === 'values') return Array.from(o.values());
    return undefined;
  }
  if (Array.isArray(o)) {
    return Object.hasOwn(o, key) ? (o as unknown as Record<string, unknown>)[key] : undefined;
  }
  const record = o as Record<string, unknown>;
  if (blocked) {
    // Only the object's own data or its class's members, never Object.prototype's.
    let proto: object | null = o;
    while (proto !== null && proto !== Object.prototype && proto !== Function.prototype) {
      if (Object.hasOwn(proto, key)) return record[key];
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    return isPlainObject(o) ? dictMethod(o, key) : undefined;
  }
  const value = record[key];
  if (value === undefined && isPlainObject(o)) return dictMethod(o, key);
  return value;
}

function lookup(o: unknown, key: string, blocked: boolean): unknown {
  let value: unknown;
  if (
    typeof o === 'object' &&
    o !== null &&
    !blocked &&
    !Array.isArray(o) &&
    !(o instanceof Map) &&
    (o as { [k: symbol]: unknown })[SAFE] !== true
  ) {
    value = (o as Record<string, unknown>)[key];
    if (value === undefined && isPlainObject(o)) value = dictMethod(o, key);
  } else {
    value = getSlow(o, key, blocked);
  }
  if (typeof value === 'function') return callIn(value as (...args: unknown[]) => unknown, o);
  return value;
}

const SAFE = Symbol.for('reins.SafeString');

/** `o.key` with Django's lookup rules (sync: promises rejected). */
export function get(o: unknown, key: string): unknown {
  if (typeof o === 'object' && o !== null && !(o instanceof Map)) {
    // Fast path: a defined non-function, non-promise value found on a non-Map object is the
    // answer under every rule (Object.prototype names never come here; functions need calling).
    const direct = (o as Record<string, unknown>)[key];
    const type = typeof direct;
    if (type === 'string' || type === 'number' || type === 'boolean') return direct;
    if (
      type === 'object' &&
      (direct === null || typeof (direct as { then?: unknown }).then !== 'function')
    ) {
      return direct;
    }
  }
  const value = lookup(o, key, false);
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  ) {
    throw needsAsync();
  }
  return value;
}

/** For the inlined `upper`/`lower` filters (called with `.call`: see fast-escape.ts). */
export const toUpperCase = String.prototype.toUpperCase;
export const toLowerCase = String.prototype.toLowerCase;

/**
 * `cv(o).key` in one call, for the first attribute after a name (`item.name`): a plain object
 * (prototype `Object.prototype`, so not a Map, array, safe string or class instance) that is not a
 * thenable and holds a string, number or boolean under `key` answers directly — `cv` would return
 * it unchanged and `get` would return that value. Everything else takes `get(cv(o), key)`.
 */
export function attr(o: unknown, key: string): unknown {
  if (
    typeof o === 'object' &&
    o !== null &&
    Object.getPrototypeOf(o) === Object.prototype &&
    typeof (o as { then?: unknown }).then !== 'function'
  ) {
    const value = (o as Record<string, unknown>)[key];
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return value;
    return get(o, key);
  }
  return get(cv(o), key);
}

/** `o.key` for a key that is also an `Object.prototype` member name. */
export function getB(o: unknown, key: string): unknown {
  const value = lookup(o, key, true);
  if (isThenable(value)) throw needsAsync();
  return value;
}

/** Async variant of `get`. */
export function getA(o: unknown, key: string): unknown {
  return lookup(o, key, false);
}

/** Async variant of `getB`. */
export function getBA(o: unknown, key: string): unknown {
  return lookup(o, key, true);
}

/** Python truthiness. */
export const truthy = pyBool;

/** Convert a value for output (Django's `render_value_in_context`). */
export function out(value: unknown, ae: boolean): string {
  if (typeof value === 'string') return ae ? fastEscape(value) : value;
  if (typeof value === 'object' && value !== null) {
    if ((value as { [k: symbol]: unknown })[SAFE] === true) return String(value);
    if (value instanceof Date) {
      const text = String(builtinFilters['date']?.fn(value, 'N j, Y, P', AE_OFF) ?? pyStr(value));
      return ae ? fastEscape(text) : text;
    }
  }
  // Numbers go through Django's localize step: floats never show exponent notation there.
  const text = typeof value === 'number' ? localizeValue(value) : pyStr(value);
  return ae ? fastEscape(text) : text;
}

/** Python `str()` (no escaping), for `{% filter %}` output. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : pyStr(value);
}

/** Apply an `isSafe` filter: a safe input keeps the output safe. */
export function fs(spec: FilterSpec, value: unknown, arg: unknown, c: FilterContext): unknown {
  const result = spec.fn(value, arg, c);
  return isSafe(value) ? markSafe(result) : result;
}

/** Throw for a missing filter argument (Django raises VariableDoesNotExist there). */
export function noArg(info: MissingInfo): never {
  throw new VariableDoesNotExist(info.name, info.template, info.line, info.column);
}

/** Where a variable is written, for strict-mode and missing-argument errors. */
export interface MissingInfo {
  name: string;
  template: string;
  line: number;
  column: number;
  sourceLine: string;
}

/** Give a syntax error raised while rendering the location of the tag that raised it. */
export function locate(error: unknown, info: MissingInfo): unknown {
  if (TemplateSyntaxError.isInstance(error)) {
    error.setLocation({
      templateName: info.template,
      line: info.line,
      column: info.column,
      sourceLine: info.sourceLine,
    });
  }
  return error;
}

/** Throw the strict-mode error for a missing variable. */
export function missing(info: MissingInfo): never {
  throw new VariableDoesNotExist(info.name, info.template, info.line, info.column);
}

function norm(value: unknown): unknown {
  if (value === undefined) return null;
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as { [k: symbol]: unknown })[SAFE] === true
  ) {
    return String(value);
  }
  return value;
}

const isNumeric = (value: unknown): value is number | boolean =>
  typeof value === 'number' || typeof value === 'boolean';

/** Python `==`. */
export function eq(a: unknown, b: unknown): boolean {
  a = norm(a);
  b = norm(b);
  if (a === b) return true;
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => eq(x, b[i]));
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && eq(a[k], b[k]))
    );
  }
  return false;
}

function typeError(op: string, a: unknown, b: unknown): PythonError {
  return new PythonError(
    'TypeError',
    `'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}

function cmp(a: unknown, b: unknown, op: string): number {
  a = norm(a);
  b = norm(b);
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      if (!eq(a[i], b[i])) return cmp(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  throw typeError(op, a, b);
}

export const lt = (a: unknown, b: unknown): boolean => cmp(a, b, '<') < 0;
export const le = (a: unknown, b: unknown): boolean => cmp(a, b, '<=') <= 0;
export const gt = (a: unknown, b: unknown): boolean => cmp(a, b, '>') > 0;
export const ge = (a: unknown, b: unknown): boolean => cmp(a, b, '>=') >= 0;

/**
 * Python `is`: identity. Missing is None; a string literal is a safe-string object of its own, so
 * (as in Django) `x is 'abc'` is false even when the texts match.
 */
export function is(a: unknown, b: unknown): boolean {
  return (a === undefined ? null : a) === (b === undefined ? null : b);
}

/** Python `item in container`. */
export function contains(container: unknown, item: unknown): boolean {
  const c = norm(container);
  const i = norm(item);
  if (typeof c === 'string') {
    if (typeof i !== 'string')
      throw new PythonError('TypeError', `'in <string>' requires string as left operand`);
    return c.includes(i);
  }
  if (Array.isArray(c)) return c.some((x) => eq(x, i));
  if (c instanceof Map) return c.has(i);
  if (c instanceof Set) return c.has(i) || Array.from(c).some((x) => eq(x, i));
  if (typeof c === 'object' && c !== null) {
    if (isPlainObject(c)) return typeof i === 'string' && Object.hasOwn(c, i) && c[i] !== undefined;
    if (typeof (c as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
      return Array.from(c as Iterable<unknown>).some((x) => eq(x, i));
    }
  }
  throw new PythonError('TypeError', `argument of type '${pyTypeName(c)}' is not iterable`);
}

/** Materialise what a `{% for %}` iterates over. */
export function iter(value: unknown): readonly unknown[] {
  if (value === null || value === undefined) return EMPTY;
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (typeof value === 'object') {
    if ((value as { [k: symbol]: unknown })[SAFE] === true) return Array.from(String(value));
    if (value instanceof Map) return Array.from(value.keys());
    if (typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
      return Array.from(value as Iterable<unknown>);
    }
    if (isPlainObject(value)) return Object.keys(value);
    if (
      typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
    ) {
      throw needsAsync();
    }
  }
  throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** Async variant of `iter`: async iterables are collected first. */
export async function iterA(value: unknown): Promise<readonly unknown[]> {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  ) {
    const items: unknown[] = [];
    for await (const item of value as AsyncIterable<unknown>) items.push(item);
    return items;
  }
  return iter(value);
}

/** Unpack one loop item into `count` variables. */
export function unpack(item: unknown, count: number): readonly unknown[] {
  let items: readonly unknown[] | undefined;
  try {
    items = typeof item === 'object' || typeof item === 'string' ? iter(item) : undefined;
  } catch {
    items = undefined;
  }
  const length = items === undefined ? 1 : items.length;
  if (items === undefined || length !== count) {
    throw new PythonError(
      'ValueError',
      `Need ${String(count)} values to unpack in for loop; got ${String(length)}. `,
    );
  }
  return items;
}

/** The `forloop` object of one iteration. */
export function forloop(i: number, n: number, parentloop: unknown): Record<string, unknown> {
  return {
    parentloop,
    counter0: i,
    counter: i + 1,
    revcounter: n - i,
    revcounter0: n - i - 1,
    first: i === 0,
    last: i === n - 1,
  };
}

/** `{% spaceless %}`. */
export function spaceless(text: string): string {
  return text.trim().replace(/>\s+</g, '><');
}

/** One `{% regroup %}` group: a `(grouper, list)` pair with named fields. */
export function group(grouper: unknown, list: unknown[]): unknown[] {
  const pair: unknown[] = [grouper, list];
  return Object.assign(pair, { grouper, list });
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `{% widthratio %}`. */
export function widthratio(
  value: unknown,
  max: unknown,
  width: unknown,
  info?: MissingInfo,
): string {
  let maxWidth: number;
  try {
    maxWidth = pyInt(width);
  } catch {
    const error = new TemplateSyntaxError('widthratio final argument must be a number');
    throw info === undefined ? error : locate(error, info);
  }
  try {
    const v = pyFloat(value);
    const m = pyFloat(max);
    if (m === 0) return '0';
    const ratio = (v / m) * maxWidth;
    if (!Number.isFinite(ratio)) return '';
    return String(roundHalfEven(ratio) + 0);
  } catch {
    return '';
  }
}

/** `{% lorem %}`. */
export function lorem(count: unknown, method: string, common: boolean): string {
  let n: number;
  try {
    n = pyInt(count);
  } catch {
    n = 1;
  }
  if (method === 'w') return words(n, common);
  let paras = paragraphs(n, common);
  if (method === 'p') paras = paras.map((p) => `<p>${p}</p>`);
  return paras.join('\n\n');
}

/** `{% now %}`. */
export function now(format: string): string {
  const date = builtinFilters['date'];
  return date === undefined ? new Date().toISOString() : str(date.fn(new Date(), format, AE_OFF));
}

/** `{% csrf_token %}`. */
export function csrf(token: unknown): string {
  if (!pyBool(token)) return '';
  if (norm(token) === 'NOTPROVIDED') return '';
  return `<input type="hidden" name="csrfmiddlewaretoken" value="${out(token, true)}">`;
}

/** `{% debug %}`: the context, scope by scope. */
export function debug(ctx: Context, snapshot: Record<string, unknown> | null): string {
  const scopes = snapshot === null ? ctx.scopes : [...ctx.scopes, snapshot];
  return fastEscape(scopes.map((scope) => pyRepr(scope)).join('\n\n'));
}

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
export function url(
  s: RenderState,
  view: unknown,
  args: unknown[],
  kwargs: Record<string, unknown>,
  silent: boolean,
): string {
  const reverse = s.reverse;
  if (reverse === undefined) {
    throw new Error(
      `{% url ${pyRepr(str(view))} %} needs a reverse function: pass \`reverse\` in the Engine options or in the render options.`,
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
    return reverse(str(view), options);
  } catch (error) {
    if (silent && isNoReverseMatch(error)) return '';
    throw error;
  }
}

// ---- inheritance ---------------------------------------------------------------------------

/** Django's `BlockContext`: per block name, the definitions from most basic to most derived. */
export class BlockContext {
  readonly blocks = new Map<string, RenderFunction[]>();

  addBlocks(blocks: Record<string, RenderFunction>): void {
    for (const name of Object.keys(blocks)) {
      const list = this.blocks.get(name);
      if (list === undefined) this.blocks.set(name, [blocks[name]!]);
      else list.unshift(blocks[name]!);
    }
  }

  pop(name: string): RenderFunction | undefined {
    return this.blocks.get(name)?.pop();
  }

  push(name: string, fn: RenderFunction): void {
    const list = this.blocks.get(name);
    if (list === undefined) this.blocks.set(name, [fn]);
    else list.push(fn);
  }

  getBlock(name: string): RenderFunction | undefined {
    return this.blocks.get(name)?.at(-1);
  }
}

/** What `{{ block }}` is inside a block: its name and `super`. */
export class BlockRef {
  constructor(
    readonly name: string,
    readonly fn: RenderFunction,
    readonly ctx: Context,
    readonly s: RenderState,
    readonly ae: boolean,
  ) {}
}

/** Render `{% block name %}` (sync). */
export function block(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  name: string,
  own: RenderFunction,
  snapshot: Record<string, unknown> | null,
): string {
  if (snapshot !== null) ctx.push(snapshot);
  const bc = s.bc;
  let result: string;
  if (bc === null) {
    result = own(ctx, s, ae, new BlockRef(name, own, ctx, s, ae)) as string;
  } else {
    const popped = bc.pop(name);
    const fn = popped ?? own;
    result = fn(ctx, s, ae, new BlockRef(name, fn, ctx, s, ae)) as string;
    if (popped !== undefined) bc.push(name, popped);
  }
  if (snapshot !== null) ctx.pop();
  return result;
}

/** Render `{% block name %}` (async). */
export async function blockA(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  name: string,
  own: RenderFunction,
  snapshot: Record<string, unknown> | null,
): Promise<string> {
  if (snapshot !== null) ctx.push(snapshot);
  const bc = s.bc;
  let result: string;
  if (bc === null) {
    result = await own(ctx, s, ae, new BlockRef(name, own, ctx, s, ae));
  } else {
    const popped = bc.pop(name);
    const fn = popped ?? own;
    result = await fn(ctx, s, ae, new BlockRef(name, fn, ctx, s, ae));
    if (popped !== undefined) bc.push(name, popped);
  }
  if (snapshot !== null) ctx.pop();
  return result;
}

function checkSuper(blk: BlockRef, info?: MissingInfo): boolean {
  if (blk.s.bc === null) {
    const error = new TemplateSyntaxError(
      "'BlockNode' object has no attribute 'context'. Did you use {{ block.super }} in a base template?",
    );
    throw info === undefined ? error : locate(error, info);
  }
  return blk.s.bc.getBlock(blk.name) !== undefined;
}

/** `{{ block.super }}` (sync). */
export function blockSuper(blk: BlockRef, info?: MissingInfo): unknown {
  if (!checkSuper(blk, info)) return '';
  return markSafe(block(blk.ctx, blk.s, blk.ae, blk.name, blk.fn, null));
}

/** `{{ block.super }}` (async). */
export async function blockSuperA(blk: BlockRef, info?: MissingInfo): Promise<unknown> {
  if (!checkSuper(blk, info)) return '';
  return markSafe(await blockA(blk.ctx, blk.s, blk.ae, blk.name, blk.fn, null));
}

function isRuntimeTemplate(value: unknown): value is RuntimeTemplate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { compiled?: unknown }).compiled === 'function'
  );
}

function unwrapTemplate(value: unknown): RuntimeTemplate | undefined {
  if (isRuntimeTemplate(value)) return value;
  const inner = (value as { template?: unknown } | null)?.template;
  return isRuntimeTemplate(inner) ? inner : undefined;
}

function parentTemplate(
  s: RenderState,
  value: unknown,
  self: RuntimeTemplate,
  variable: string | null,
  info: MissingInfo | undefined,
): RuntimeTemplate {
  const direct = unwrapTemplate(value);
  if (direct !== undefined) return direct;
  const name = str(value);
  if (!pyBool(value)) {
    let message = `Invalid template name in 'extends' tag: ${pyRepr(value === undefined ? '' : value)}.`;
    if (variable !== null) message += ` Got this from the '${variable}' variable.`;
    const error = new TemplateSyntaxError(message);
    throw info === undefined ? error : locate(error, info);
  }
  const history = (s.history ??= [self.originName]);
  const parent = s.engine.findTemplate(name, history);
  history.push(parent.originName);
  // Distinct templates can still chain without end (generated names); bound the depth too.
  if (history.length > s.engine.maxDepth) {
    throw new TemplateRecursionError(history, s.engine.maxDepth);
  }
  return parent;
}

/** Register this template's blocks, then render the parent, compiled for sync or async use. */
function renderParent(
  async: boolean,
  ctx: Context,
  s: RenderState,
  ae: boolean,
  parentValue: unknown,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
  variable: string | null,
  info: MissingInfo | undefined,
): RenderResult {
  s.bc ??= new BlockContext();
  s.bc.addBlocks(blocks);
  const parent = parentTemplate(s, parentValue, self, variable, info);
  const compiled = parent.compiled(async);
  if (!parent.isChild) s.bc.addBlocks(compiled.blocks);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(parent, ctx);
  return compiled.main(ctx, s, ae);
}

/** `{% extends %}` (sync): register this template's blocks, then render the parent. */
export function extend(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  parentValue: unknown,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
  variable: string | null,
  info?: MissingInfo,
): string {
  return renderParent(false, ctx, s, ae, parentValue, blocks, self, variable, info) as string;
}

/** `{% extends %}` (async). */
export function extendA(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  parentValue: unknown,
  blocks: Record<string, RenderFunction>,
  self: RuntimeTemplate,
  variable: string | null,
  info?: MissingInfo,
): RenderResult {
  return renderParent(true, ctx, s, ae, parentValue, blocks, self, variable, info);
}

// ---- include and custom tags ---------------------------------------------------------------

function includedTemplate(s: RenderState, value: unknown, current: string): RuntimeTemplate {
  const direct = unwrapTemplate(value);
  if (direct !== undefined) return direct;
  if (typeof value === 'string' || isSafe(value)) {
    const name = String(value);
    if (name === '') throw new TemplateDoesNotExist('No template names provided');
    return s.engine.findTemplate(
      name.startsWith('.') ? constructRelativePath(current, name) : name,
      [],
    );
  }
  if (value === null || value === undefined || value === '') {
    throw new TemplateDoesNotExist('No template names provided');
  }
  return s.engine.selectTemplate(iter(value).map((name) => str(name)));
}

function chainOf(s: RenderState): string[] {
  const chain: string[] = [];
  for (let state: RenderState | null = s; state !== null; state = state.parent)
    chain.unshift(state.name);
  return chain;
}

function childState(s: RenderState, template: RuntimeTemplate): RenderState {
  const depth = s.depth + 1;
  if (depth > s.engine.maxDepth)
    throw new TemplateRecursionError([...chainOf(s), template.name], s.engine.maxDepth);
  return {
    engine: s.engine,
    rc: {},
    bc: null,
    depth,
    name: template.name,
    parent: s,
    request: s.request,
    reverse: s.reverse,
    history: null,
    asyncMode: s.asyncMode,
  };
}

/** The context an included template sees; `release` undoes a push onto the caller's context. */
function includeContext(
  ctx: Context,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
): Context {
  if (only) return new Context([extra ?? {}]);
  const merged = snapshot === null ? extra : extra === null ? snapshot : { ...snapshot, ...extra };
  if (merged !== null) ctx.push(merged);
  return ctx;
}

function release(ctx: Context, inner: Context, snapshot: unknown, extra: unknown): void {
  if (inner === ctx && (snapshot !== null || extra !== null)) ctx.pop();
}

/** `{% include %}` (sync). */
export function include(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  value: unknown,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  current: string,
): string {
  const template = includedTemplate(s, value, current);
  const state = childState(s, template);
  const inner = includeContext(ctx, snapshot, extra, only);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  const result = template.compiled(false).main(inner, state, ae) as string;
  release(ctx, inner, snapshot, extra);
  return result;
}

/** `{% include %}` (async). */
export async function includeA(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  value: unknown,
  snapshot: Record<string, unknown> | null,
  extra: Record<string, unknown> | null,
  only: boolean,
  current: string,
): Promise<string> {
  const template = includedTemplate(s, value, current);
  const state = childState(s, template);
  const inner = includeContext(ctx, snapshot, extra, only);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  const result = await template.compiled(true).main(inner, state, ae);
  release(ctx, inner, snapshot, extra);
  return result;
}

function tagContext(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  snapshot: Record<string, unknown> | null,
): TagContext {
  const view = snapshot === null ? ctx : new Context([...ctx.scopes, snapshot]);
  return {
    get: (name: string) => view.get(name),
    autoescape: ae,
    request: s.request,
    flatten: () => view.flatten(),
  };
}

function tagArgs(
  tag: CallTagDefinition,
  ctx: Context,
  s: RenderState,
  ae: boolean,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): unknown[] {
  const all = kwargs === null ? args : [...args, kwargs];
  return tag.takesContext ? [tagContext(ctx, s, ae, snapshot), ...all] : all;
}

/** A `simpleTag` call; the compiled code outputs or stores the result. */
export function simple(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  tag: CallTagDefinition,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): unknown {
  return tag.fn(...tagArgs(tag, ctx, s, ae, args, kwargs, snapshot));
}

function inclusionContext(ctx: Context, values: Record<string, unknown>): Context {
  const scope: Record<string, unknown> = { ...values };
  const token = ctx.get('csrf_token');
  if (token !== undefined && token !== null) scope['csrf_token'] = token;
  return new Context([scope]);
}

/** An `inclusionTag` call (sync). */
export function inclusion(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  tag: CallTagDefinition & { kind: 'inclusion' },
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): string {
  const values = tag.fn(...tagArgs(tag, ctx, s, ae, args, kwargs, snapshot));
  if (isThenable(values)) throw needsAsync();
  const template = s.engine.findTemplate(tag.templateName, []);
  const inner = inclusionContext(ctx, values as Record<string, unknown>);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  return template.compiled(false).main(inner, childState(s, template), ae) as string;
}

/** An `inclusionTag` call (async). */
export async function inclusionA(
  ctx: Context,
  s: RenderState,
  ae: boolean,
  tag: CallTagDefinition & { kind: 'inclusion' },
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  snapshot: Record<string, unknown> | null,
): Promise<string> {
  const values = await tag.fn(...tagArgs(tag, ctx, s, ae, args, kwargs, snapshot));
  const template = s.engine.findTemplate(tag.templateName, []);
  const inner = inclusionContext(ctx, values);
  if (s.engine.hasRenderListeners) s.engine.emitRendered(template, inner);
  return template.compiled(true).main(inner, childState(s, template), ae);
}

export { fastEscape as esc, isThenable, markSafe };
export { libraryTag, libraryTagText } from './runtime-library-tag.js';
