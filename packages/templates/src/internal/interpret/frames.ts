/**
 * The interpreter's view of variables: the names the compiler would make JavaScript locals (loop
 * and `with` variables, `forloop`, `block`), as a chain of frames searched from the innermost,
 * with the compiler's rules for `forloop` counters, `parentloop` and `block.super`.
 *
 * @module
 */
import type { Context } from '../context.js';
import type { BlockRef } from '../runtime/inheritance.js';
import { forloopObject } from '../runtime/iteration.js';
import { BLOCKED_NAMES, lookupFirstKey, lookupKey, resolveCallable } from '../runtime/lookup.js';
import { renderBlockSuper } from '../runtime/inheritance.js';
import type { Token } from '../lexer.js';
import { locationInfo, type Located } from './location.js';

/** A binding's kind: a plain value, a `{% for %}`'s `forloop`, or a block's `block`. */
export const LOCAL = 0;
export const FORLOOP = 1;
export const BLOCK = 2;

/** One `{% for %}` run: the iteration, and what `forloop.parentloop` is. */
export interface LoopState {
  i: number;
  n: number;
  /** The enclosing loop of the same template function, if any. */
  parent: LoopState | null;
  /** Without an enclosing loop: the context's `forloop` (or `{}`), read when the loop starts. */
  pl: unknown;
  /** This iteration's `forloop` object, made when first needed (one per iteration, as compiled). */
  fl: Record<string, unknown> | undefined;
}

/** One binding; the chain's innermost frame comes first. */
export interface Frame {
  name: string;
  kind: typeof LOCAL | typeof FORLOOP | typeof BLOCK;
  value: unknown;
  parent: Frame | null;
}

/** The `forloop` object of a loop's current iteration. */
function materialize(loop: LoopState): Record<string, unknown> {
  return (loop.fl ??= forloopObject(
    loop.i,
    loop.n,
    loop.parent !== null ? materialize(loop.parent) : loop.pl,
  ));
}

/** The innermost `{% for %}` around a frame. */
export function nearestLoop(frame: Frame | null): LoopState | null {
  for (let f = frame; f !== null; f = f.parent) if (f.kind === FORLOOP) return f.value as LoopState;
  return null;
}

function find(frame: Frame | null, name: string): Frame | null {
  for (let f = frame; f !== null; f = f.parent) if (f.name === name) return f;
  return null;
}

/** What the last `pathValue` produced: any value, or a `forloop` counter (number or boolean). */
const ANY = 0;
export const NUMBER = 1;
export const BOOLEAN = 2;
type PathKind = typeof ANY | typeof NUMBER | typeof BOOLEAN;

/** The kind of the last path resolved (set by `pathValue`; a sync render runs alone). */
export let lastPathKind: PathKind = ANY;

/**
 * The value of a dotted path (`undefined` when missing), as the compiler's `pathExpression`
 * computes it; `token` locates a `{{ block.super }}` error in `where`'s template.
 */
export function pathValue(
  path: string[],
  frame: Frame | null,
  ctx: Context,
  where: Located,
  token: Token,
): unknown {
  const name = path[0]!;
  const length = path.length;
  const found = find(frame, name);
  let value: unknown;
  let k = 1;
  lastPathKind = ANY;
  if (found !== null && found.kind === FORLOOP) {
    let loop = found.value as LoopState;
    for (;;) {
      const attr = k < length ? path[k] : undefined;
      if (attr === 'parentloop') {
        k++;
        if (loop.parent !== null) {
          loop = loop.parent;
          continue;
        }
        value = loop.pl;
        break;
      }
      const counter = attr === undefined ? undefined : counterValue(loop, attr);
      if (counter !== undefined) {
        k++;
        value = counter;
        lastPathKind = typeof counter === 'boolean' ? BOOLEAN : NUMBER;
        break;
      }
      value = materialize(loop);
      break;
    }
  } else if (found !== null && found.kind === BLOCK && length > 1 && path[1] === 'super') {
    k = 2;
    value = renderBlockSuper(found.value as BlockRef, locationInfo(where, 'block.super', token));
  } else {
    let constant = false;
    if (found !== null) value = found.value;
    else if (name === 'None' || name === 'True' || name === 'False') {
      constant = true;
      value = name === 'None' ? null : name === 'True';
    } else value = BLOCKED_NAMES.has(name) ? ctx.getOwn(name) : ctx.get(name);
    if (!constant && length > 1) {
      value = lookupFirstKey(value, path[1]!);
      k = 2;
    } else if (!constant) value = resolveCallable(value);
  }
  for (; k < length; k++) {
    lastPathKind = ANY;
    value = lookupKey(value, path[k]!);
  }
  return value;
}

function counterValue(loop: LoopState, attr: string): number | boolean | undefined {
  switch (attr) {
    case 'counter':
      return loop.i + 1;
    case 'counter0':
      return loop.i;
    case 'revcounter':
      return loop.n - loop.i;
    case 'revcounter0':
      return loop.n - loop.i - 1;
    case 'first':
      return loop.i === 0;
    case 'last':
      return loop.i === loop.n - 1;
    default:
      return undefined;
  }
}

/**
 * The frames' variables as one object (the compiler's `snapshot`: outermost first, inner names
 * overriding), for a block or an include to see; `null` without frames.
 */
export function snapshot(frame: Frame | null): Record<string, unknown> | null {
  if (frame === null) return null;
  const chain: Frame[] = [];
  for (let f: Frame | null = frame; f !== null; f = f.parent) chain.push(f);
  const out: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    const f = chain[i]!;
    const value = f.kind === FORLOOP ? materialize(f.value as LoopState) : f.value;
    setKey(out, f.name, value);
  }
  return out;
}

/** `object[name] = value`, with `__proto__` an own key as in an object literal with a computed key. */
export function setKey(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(object, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else object[name] = value;
}
