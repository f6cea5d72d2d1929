/**
 * Django's variable lookup at render time: key, then attribute or method, then index; callables
 * called (unless marked not to be); names that are `Object.prototype` members only found on the
 * object itself. Sync variants reject promises; async ones return them for the compiled code to
 * await.
 *
 * @module
 */
import { isThenable, SAFE_STRING } from '@reins/core';
import { isSafe } from '../../safe-string.js';
import { VariableDoesNotExist } from '../../variable-does-not-exist.js';
import { isPlainObject } from '../python-str.js';
import { needsAsync, type MissingInfo } from './render-state.js';

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
    (o as { [k: symbol]: unknown })[SAFE_STRING] !== true
  ) {
    value = (o as Record<string, unknown>)[key];
    if (value === undefined && isPlainObject(o)) value = dictMethod(o, key);
  } else {
    value = getSlow(o, key, blocked);
  }
  if (typeof value === 'function') return callFound(value as (...args: unknown[]) => unknown, o);
  return value;
}

/** `o.key` with Django's lookup rules (sync: promises rejected). */
export function lookupKey(o: unknown, key: string): unknown {
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
  if (isThenable(value)) throw needsAsync();
  return value;
}

/**
 * `lookupKey(resolveCallable(o), key)` in one call, for the first attribute after a name (`item.name`): a plain object
 * (prototype `Object.prototype`, so not a Map, array, safe string or class instance) that is not a
 * thenable and holds a string, number or boolean under `key` answers directly — `resolveCallable` would return
 * it unchanged and `get` would return that value. Everything else takes `get(resolveCallable(o), key)`.
 */
export function lookupFirstKey(o: unknown, key: string): unknown {
  if (
    typeof o === 'object' &&
    o !== null &&
    Object.getPrototypeOf(o) === Object.prototype &&
    typeof (o as { then?: unknown }).then !== 'function'
  ) {
    const value = (o as Record<string, unknown>)[key];
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return value;
    return lookupKey(o, key);
  }
  return lookupKey(resolveCallable(o), key);
}

/** `o.key` for a key that is also an `Object.prototype` member name. */
export function lookupBlockedKey(o: unknown, key: string): unknown {
  const value = lookup(o, key, true);
  if (isThenable(value)) throw needsAsync();
  return value;
}

/** Async variant of `lookupKey`. */
export function lookupKeyAsync(o: unknown, key: string): unknown {
  return lookup(o, key, false);
}

/** Async variant of `lookupBlockedKey`. */
export function lookupBlockedKeyAsync(o: unknown, key: string): unknown {
  return lookup(o, key, true);
}

/** Throw for a missing filter argument (Django raises VariableDoesNotExist there). */
export function missingArgument(info: MissingInfo): never {
  throw new VariableDoesNotExist(info.name, info.template, info.line, info.column);
}

/** Throw the strict-mode error for a missing variable. */
export function missingVariable(info: MissingInfo): never {
  throw new VariableDoesNotExist(info.name, info.template, info.line, info.column);
}
