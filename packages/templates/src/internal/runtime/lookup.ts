/**
 * Django's variable lookup at render time: key, then attribute or method, then index, inside the
 * sandbox of `sandbox.ts`; callables called (unless marked not to be). Sync variants reject
 * promises; async ones return them for the compiled code to await.
 *
 * @module
 */
import { isThenable, isSafe } from '@reins/core';
import { VariableDoesNotExist } from '../../variable-does-not-exist.js';
import { needsAsync, type MissingInfo } from './render-state.js';
import { canReadMember } from './sandbox.js';

/**
 * Names that are `Object.prototype` members: a bare name among them is read from the context's
 * own keys only (`ctx.getOwn`); attribute lookups need no list (the sandbox covers them).
 */
export const BLOCKED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'constructor',
  '__proto__',
]);

function isClass(fn: (...args: unknown[]) => unknown): boolean {
  return fn.prototype !== undefined && /^class\b/.test(Function.prototype.toString.call(fn));
}

/** Call a callable found by a lookup, as Django does (unless marked not to be called). */
function callFound(fn: (...args: unknown[]) => unknown, self: unknown): unknown {
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
export function resolveCallable(value: unknown): unknown {
  if (typeof value === 'function')
    value = callFound(value as (...args: unknown[]) => unknown, undefined);
  if (isThenable(value)) throw needsAsync();
  return value;
}

/** Async variant of `resolveCallable`: promises are returned for the compiled code to await. */
export function resolveCallableAsync(value: unknown): unknown {
  return typeof value === 'function'
    ? callFound(value as (...args: unknown[]) => unknown, undefined)
    : value;
}

const INDEX_RE = /^\d+$/;

function dictMethod(o: object, key: string): unknown {
  if (key === 'items') return Object.entries(o);
  if (key === 'keys') return Object.keys(o);
  if (key === 'values') return Object.values(o);
  return undefined;
}

/** A plain object (a dict): prototype `Object.prototype` or `null`. */
function isPlainRecord(o: object): boolean {
  const proto = Object.getPrototypeOf(o) as unknown;
  return proto === Object.prototype || proto === null;
}

function getSlow(o: unknown, key: string): unknown {
  if (o === null || o === undefined) return undefined;
  if (typeof o === 'string' || isSafe(o)) {
    const text = String(o);
    if (INDEX_RE.test(key)) return Array.from(text)[Number(key)];
    return key === 'length' ? text.length : undefined;
  }
  if (typeof o !== 'object' && typeof o !== 'function') return undefined;
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
  return canReadMember(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function lookup(o: unknown, key: string): unknown {
  let value: unknown;
  if (typeof o === 'object' && o !== null && isPlainRecord(o)) {
    // A dict: its own keys, then Python's dict methods (keys shadow them, as in Django).
    value = Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : dictMethod(o, key);
  } else {
    value = getSlow(o, key);
  }
  if (typeof value === 'function') return callFound(value as (...args: unknown[]) => unknown, o);
  return value;
}

/** `o.key` with Django's lookup rules inside the sandbox (sync: promises rejected). */
export function lookupKey(o: unknown, key: string): unknown {
  if (typeof o === 'object' && o !== null && isPlainRecord(o)) {
    // Fast path: on a plain object, a string, number, boolean or object that `o[key]` finds is
    // its own — Object.prototype holds only functions and the `__proto__` accessor (a name the
    // compiler rejects). Code that adds data to Object.prototype itself is not defended against.
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
  const value = lookup(o, key);
  if (isThenable(value)) throw needsAsync();
  return value;
}

/**
 * `lookupKey(resolveCallable(o), key)` in one call, for the first attribute after a name
 * (`item.name`): a plain object that is not a thenable and holds a string, number or boolean
 * under `key` answers directly — `resolveCallable` would return it unchanged and `lookupKey` would
 * return that value. Everything else takes `lookupKey(resolveCallable(o), key)`.
 */
export function lookupFirstKey(o: unknown, key: string): unknown {
  if (
    typeof o === 'object' &&
    o !== null &&
    Object.getPrototypeOf(o) === Object.prototype &&
    typeof (o as { then?: unknown }).then !== 'function'
  ) {
    // See lookupKey: a primitive read from a plain object is its own (no `hasOwn`: measured 5-8%).
    const value = (o as Record<string, unknown>)[key];
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return value;
    return lookupKey(o, key);
  }
  return lookupKey(resolveCallable(o), key);
}

/** Async variant of `lookupKey`: promises are returned for the compiled code to await. */
export function lookupKeyAsync(o: unknown, key: string): unknown {
  return lookup(o, key);
}

/** Throw for a missing filter argument (Django raises VariableDoesNotExist there). */
export function missingArgument(info: MissingInfo): never {
  throw new VariableDoesNotExist(info.name, info.template, info.line, info.column);
}

/** Throw the strict-mode error for a missing variable. */
export function missingVariable(info: MissingInfo): never {
  throw new VariableDoesNotExist(info.name, info.template, info.line, info.column);
}
